"""Edges of the annotation code that a mutation test found untested: limits, boundaries and the
error paths of reading, checking and scoring annotations."""

from __future__ import annotations

import json
import shutil
from collections import Counter

from cmvisit_data.curation.annotations import MAX_ANNOTATION_BYTES, overlaps, read_annotation, shape_problems
from cmvisit_data.curation.check import check_annotation, is_annotation
from cmvisit_data.curation.metrics import figures, match
from cmvisit_data.curation.placing import occurrences

from .common import run, seeds_copy

ENGLISH = "000_a25e3bb1cf0e3701.txt"


def test_an_annotation_over_the_size_limit_is_refused_as_such(tmp_path):
    path = tmp_path / "annotations" / "x.txt.json"
    path.parent.mkdir()
    path.write_bytes(b'{"title": "' + b"a" * MAX_ANNOTATION_BYTES + b'"}')
    annotation, _, problems = read_annotation(path)
    assert annotation is None and "over the limit" in problems[0].message


def test_shape_problems_name_an_empty_annotation_and_a_handle_with_its_at_sign():
    assert shape_problems({"notes": "x"}, "x")[0].message == "the annotation checks no field"
    post = {"text": "t", "author": "A", "handle": "@a", "posted": "2025-01-01"}
    assert shape_problems({"tweets": [post]}, "x")[0].pointer == "/tweets/0/handle"


def test_touching_items_do_not_overlap():
    assert overlaps("highlights", [{"start": 0, "end": 5}, {"start": 5, "end": 9}], "x") == []
    assert len(overlaps("highlights", [{"start": 0, "end": 5}, {"start": 4, "end": 9}], "x")) == 1


def test_a_text_glued_to_a_word_before_it_is_no_occurrence():
    assert occurrences("xKumar", "Kumar") == []
    assert occurrences("x Kumar", "Kumar") == [2]


def test_an_overlap_of_exactly_half_matches_and_no_prediction_is_no_precision():
    assert match(["the state is"], ["state"]) == [(0, 0)]  # shared-token F1 exactly 0.5
    title = figures(Counter({"documents": 1, "title.documents": 1, "title.gold": 1}))["fields"]["title"]
    assert title["precision"] == 0.0 and title["recall"] == 0.0


def test_a_handle_given_with_its_at_sign_is_the_same_handle():
    from cmvisit_data.curation.metrics import document_counts

    gold = {"tweets": [{"text": "Great day in Raipur", "handle": "cmo", "posted": "2025-01-01"}]}
    record = {"metadata": {"language": "en"}, "raw_text": "",
              "tweets": [{"text": "Great day in Raipur", "handle": "@CMO", "posted": "2025-01-01"}]}  # fmt: skip
    assert figures(document_counts(gold, record, ["tweets"]))["tweet_handle_accuracy"] == 1.0


def test_is_annotation_needs_the_annotations_folder():
    assert is_annotation("seeds/annotations/x.txt.json")
    assert not is_annotation("x/records.json")


def test_check_annotation_counts_its_record_and_refuses_a_seed_the_manifest_does_not_list(tmp_path):
    seeds = seeds_copy(tmp_path)
    report = check_annotation(str(seeds / "annotations" / f"{ENGLISH}.json"))
    assert report.valid and report.records == 1
    shutil.copy2(seeds / ENGLISH, seeds / "unlisted.txt")  # a document that exists, not listed
    (seeds / "annotations" / "unlisted.txt.json").write_text('{"title": null}', encoding="utf-8")
    report = check_annotation(str(seeds / "annotations" / "unlisted.txt.json"))
    assert [p.type for p in report.problems] == ["annotation-orphan"]


def test_score_names_a_stray_a_malformed_and_a_linked_annotation(tmp_path):
    seeds = seeds_copy(tmp_path)
    (seeds / "annotations" / "zzz.txt.json").write_text('{"title": null}', encoding="utf-8")
    result = run("score", "--seeds", str(seeds))
    assert result.exit_code == 1 and "annotation-orphan" in result.output

    seeds = seeds_copy(tmp_path / "b")
    (seeds / "annotations" / f"{ENGLISH}.json").write_text("{", encoding="utf-8")
    result = run("score", "--seeds", str(seeds))
    assert result.exit_code == 1 and "annotation-malformed" in result.output

    seeds = seeds_copy(tmp_path / "c")
    target = tmp_path / "elsewhere.json"
    shutil.move(seeds / "annotations" / f"{ENGLISH}.json", target)
    (seeds / "annotations" / f"{ENGLISH}.json").symlink_to(target)
    result = run("score", "--seeds", str(seeds))
    assert result.exit_code == 1 and f"{ENGLISH}.json" in result.output


def test_a_curated_quote_that_runs_to_the_end_of_the_text_is_truncated_and_a_new_highlight_has_a_marker():
    from cmvisit_data.curation.annotations import resolve
    from cmvisit_data.curation.apply import apply
    from cmvisit_data.parse import parse_text

    text = (
        "Sai opens a mill\n\nRaipur: Chief Minister Vishnu Deo Sai opened a rice mill on Monday, officials said.\n"
        "Rice for every district of the state\n"
        'Sai said, "We will open a mill in every district'
    )
    record = {**parse_text(text), "raw_text": text, "rendering": None}
    annotation = {
        "quotes": [
            {"text": "We will open a mill in every district", "kind": "direct", "speaker": "Vishnu Deo Sai"}
        ],
        "highlights": ["Rice for every district of the state"],
    }
    resolved, problems = resolve(annotation, text, "a.json")
    assert not problems
    out = apply(record, resolved, "annotations/a.txt.json", "0" * 64)
    assert out["quotes"][0]["truncated"] is True
    assert out["highlights"][0]["marker"] == "-"  # printed with no bullet: the contract's default
    assert json.dumps(out)  # a record still
