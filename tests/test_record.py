from __future__ import annotations

import copy
import json

import pytest

from cmvisit_data import CmvisitError, parse_document
from cmvisit_data.contract import load_schema, schema_path
from cmvisit_data.validation.records import validate_record

from .conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def record():
    return parse_document(ROOT / "seeds" / "001_f633bab6aa95e6a6.txt")


def test_valid_record_has_no_problems(record):
    assert validate_record(record) == []


def test_schema_errors_carry_json_pointers(record):
    bad = copy.deepcopy(record)
    bad["metadata"]["language"] = "fr"
    bad["tweets"][0]["handle"] = "not a handle!"
    bad["quotes"][1]["kind"] = "indirect"
    bad["extra"] = 1
    pointers = {p.pointer for p in validate_record(bad, file="r.json")}
    assert {"/metadata/language", "/tweets/0/handle", "/quotes/1/kind", "/"} <= pointers


def test_span_mismatch_and_range(record):
    bad = copy.deepcopy(record)
    bad["quotes"][0]["start"] += 1
    bad["highlights"] = [{"text": "x", "start": 10, "end": 10**6, "marker": "-"}]
    problems = validate_record(bad)
    assert ("span-mismatch", "/quotes/0/text") in {(p.type, p.pointer) for p in problems}
    assert ("span-out-of-range", "/highlights/0") in {(p.type, p.pointer) for p in problems}


def test_identity_checks(record):
    bad = copy.deepcopy(record)
    bad["raw_text"] = bad["raw_text"] + " "
    types = {p.type for p in validate_record(bad)}
    assert "checksum-mismatch" in types
    bad = copy.deepcopy(record)
    bad["doc_id"] = "0" * 16
    assert [p.type for p in validate_record(bad)] == ["doc-id-mismatch"]


def test_a_just_decoded_record_skips_only_what_decoding_made_true(record):
    # build_record's records come from inputs.decode: checksum, size and doc_id are those of
    # the bytes just read, so they are not recomputed; spans and metadata are still checked.
    bad = copy.deepcopy(record)
    bad["doc_id"] = "0" * 16
    assert validate_record(bad, decoded=True) == []
    bad["quotes"][0]["start"] += 1
    assert [(p.type, p.pointer) for p in validate_record(bad, decoded=True)] == [
        ("span-mismatch", "/quotes/0/text")
    ]


def test_bad_dates_are_format_errors(record):
    bad = copy.deepcopy(record)
    bad["tweets"][0]["posted"] = "2025-02-30"
    assert any(p.pointer == "/tweets/0/posted" for p in validate_record(bad))


def test_record_round_trips_through_json(record):
    again = json.loads(json.dumps(record, ensure_ascii=False))
    assert again == record and validate_record(again) == []


def test_doc_id_is_content_derived(write):
    a = parse_document(write("a.txt", "Same Title\n\nSame body text here.\n"))
    b = parse_document(write("b.txt", "Same Title\n\nSame body text here.\n"))
    c = parse_document(write("c.txt", "Same Title\n\nOther body text here.\n"))
    assert a["doc_id"] == b["doc_id"] != c["doc_id"]
    assert a["source"]["file"] != b["source"]["file"]


def test_unreadable_document_raises_with_problems(write):
    with pytest.raises(CmvisitError) as info:
        parse_document(write("e.txt", b""))
    assert [p.type for p in info.value.problems] == ["empty-document"]


def test_every_property_is_described():
    def walk(node, pointer=""):
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                assert "description" in sub or "$ref" in sub, (
                    f"{pointer}/properties/{name} has no description"
                )
                walk(sub, f"{pointer}/properties/{name}")
            for name, sub in node.get("$defs", {}).items():
                assert "description" in sub, f"$defs/{name} has no description"
                walk(sub, f"/$defs/{name}")
            if isinstance(node.get("items"), dict):
                walk(node["items"], pointer + "/items")

    schema = load_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    walk(schema)


def test_schema_used_is_the_repository_one():
    assert json.loads(schema_path().read_text(encoding="utf-8")) == json.loads(
        (ROOT / "schema" / "press_release.schema.json").read_text(encoding="utf-8")
    )


def _mutations():
    from hypothesis import strategies as st

    values = st.one_of(
        st.none(), st.booleans(), st.integers(-5, 10**6), st.text(max_size=20),
        st.sampled_from(["en", "hi", "fr", "2025-08-23", "2025-02-30", "direct", "reported", "0" * 16, "x" * 64]),
        st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    )  # fmt: skip
    return st.lists(st.tuples(st.integers(0, 10**6), values), min_size=1, max_size=4)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            if key != "raw_text":
                yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*prefix, i))


def test_compiled_and_reference_validators_agree(record):
    """jsonschema-rs (the fast path) and jsonschema (the reference) accept and reject the
    same records."""
    from hypothesis import given, settings

    from cmvisit_data.validation.records import _fast_validator, _validator

    fast, reference = _fast_validator(), _validator()
    paths = list(_paths(record))

    @settings(max_examples=300, deadline=None)
    @given(_mutations())
    def check(changes):
        mutated = copy.deepcopy(record)
        for index, value in changes:
            path = paths[index % len(paths)]
            if not path:
                continue
            target = mutated
            try:
                for key in path[:-1]:
                    target = target[key]
                target[path[-1]] = value
            except (KeyError, IndexError, TypeError):
                continue  # an earlier change replaced this path's parent
        assert fast.is_valid(mutated) == reference.is_valid(mutated)

    check()
    assert fast.is_valid(record) and reference.is_valid(record)


def test_a_value_matching_none_of_its_options_is_told_what_they_are():
    from cmvisit_data import parse_document

    record = parse_document(SEEDS / "000_a25e3bb1cf0e3701.txt")
    record["metadata"]["published"] = 20250823
    (problem,) = validate_record(record)
    assert problem.pointer == "/metadata/published"
    assert problem.message == "20250823 is not a YYYY-MM-DD date string or null"
