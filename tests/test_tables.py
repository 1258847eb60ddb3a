from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest

from cmvisit_data import parse_document
from cmvisit_data.contract import load_schema
from cmvisit_data.tables import (
    DOCUMENT_COLUMNS,
    ITEM_TABLES,
    TABLE_NAMES,
    record_rows,
    table_schema,
    to_table,
)
from cmvisit_data.validation.tables import check_batch

from .conftest import SEEDS


@pytest.fixture(scope="module")
def rows():
    out = {t: [] for t in TABLE_NAMES}
    for path in sorted(SEEDS.glob("*.txt")):
        for table, items in record_rows(parse_document(path)).items():
            out[table].extend(items)
    return out


def test_types_come_from_the_json_schema():
    documents = table_schema("documents")
    assert documents.field("published").type == pa.date32()
    assert documents.field("language").type == pa.string()  # an enum: a plain string column
    assert documents.field("title").nullable and not documents.field("doc_id").nullable
    assert pa.types.is_struct(documents.field("title_span").type)
    assert documents.field("byline").type.value_type == pa.string()
    tweets = table_schema("tweets")
    assert tweets.field("posted").type == pa.date32() and not tweets.field("posted").nullable
    assert table_schema("quotes").field("kind").type == pa.string()
    for name in TABLE_NAMES:
        for field in table_schema(name):
            assert field.metadata and field.metadata[b"description"], (name, field.name)


def test_every_declared_record_field_has_a_column():
    schema = load_schema()
    used = {c.pointer for c in DOCUMENT_COLUMNS if c.pointer}
    used |= set(ITEM_TABLES.values())
    used |= {c.node["x-from"] for c in DOCUMENT_COLUMNS if c.node and "x-from" in c.node}
    for key in schema["properties"]:
        if key == "curation":  # its annotation file is annotations/<source_file>.json
            for sub in schema["$defs"][key]["properties"]:
                assert f"/{key}/{sub}" in used or sub == "annotation", f"/{key}/{sub} is in no table"
        elif key in ("metadata", "source"):
            for sub in schema["$defs"][key]["properties"]:
                assert f"/{key}/{sub}" in used or sub == "spans", f"/{key}/{sub} is in no table"
        elif key != "boilerplate":
            assert f"/{key}" in used, f"/{key} is in no table"
    for sub in schema["$defs"]["metadata"]["properties"]["spans"]["properties"]:
        assert f"/metadata/spans/{sub}" in used


def test_every_table_builds_with_its_declared_schema(rows):
    for name in TABLE_NAMES:
        table = to_table(name, rows[name])
        assert table.schema.equals(table_schema(name), check_metadata=True)
    assert rows["tweets"][0]["posted"] == dt.date(2025, 8, 23)
    assert {r["doc_id"] for r in rows["documents"]} == {"3b0b97b34e9d832c", "7f8ce26d4d7f7ba8"}


def test_counts_and_body(rows):
    hindi = next(r for r in rows["documents"] if r["language"] == "hi")
    assert hindi["n_quotes"] == 4 and hindi["n_tweets"] == 1
    assert "बोले-" not in hindi["body_text"]  # the headline is not body
    assert "\n\n" in hindi["body_text"]


def test_checks_pass_and_name_table_row_and_rule(rows):
    tables = {name: to_table(name, rows[name]) for name in TABLE_NAMES}
    assert check_batch(tables) == []
    broken = {name: list(map(dict, rows[name])) for name in TABLE_NAMES}
    broken["quotes"][0]["start"] = broken["quotes"][0]["end"]
    broken["tweets"][0]["handle"] = "no spaces allowed"
    broken["highlights"][1]["position"] = 0
    broken["related"][0]["doc_id"] = "0123456789abcdef"
    tables = {name: to_table(name, broken[name]) for name in TABLE_NAMES}
    found = {(p.table, p.row, p.field) for p in check_batch(tables)}
    quote = broken["quotes"][0]
    assert ("quotes", f"{quote['doc_id']}/0", None) in found or any(
        t == "quotes" and r == f"{quote['doc_id']}/0" for t, r, _ in found
    )
    assert any(t == "tweets" and f == "handle" for t, _, f in found)
    assert any(t == "highlights" and f == "doc_id, position" for t, _, f in found)
    assert ("related", "0123456789abcdef/0", "doc_id") in found


# --- the table layouts are the schema's x- annotations -------------------------------------------


def _tables_from(monkeypatch, edit):
    """The tables module as built from a copy of the record schema changed by `edit` (which
    stays the record schema until the test ends)."""
    import copy
    import importlib.util
    import sys
    from unittest import mock

    from cmvisit_data import contract, tables

    schema = copy.deepcopy(load_schema())
    edit(schema)
    real = contract.load_schema

    def patched(name=contract.SCHEMA_NAME):
        return schema if name == contract.SCHEMA_NAME else real(name)

    spec = importlib.util.spec_from_file_location("cmvisit_data._tables_probe", tables.__file__)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setattr(contract, "load_schema", patched)
    with mock.patch.dict(sys.modules, {spec.name: module}):
        spec.loader.exec_module(module)
    return module, schema


def test_tables_keys_and_descriptions_are_the_schema_annotations(monkeypatch):
    def edit(schema):
        schema["x-table-description"] = "Documents, described elsewhere."
        schema["properties"]["quotes"]["x-table-description"] = "Quotes, described elsewhere."
        schema["properties"]["quotes"]["x-key"] = ["doc_id"]
        schema["x-item-key"]["position"]["description"] = "Where the item sits."

    probe, _ = _tables_from(monkeypatch, edit)
    assert probe.TABLE_DESCRIPTIONS["documents"] == "Documents, described elsewhere."
    assert probe.table_schema("quotes").metadata[b"description"] == b"Quotes, described elsewhere."
    assert probe.TABLE_KEYS["quotes"] == ("doc_id",) and probe.TABLE_KEYS["tweets"] == ("doc_id", "position")
    assert (
        probe.table_schema("quotes").names[:1] == ["doc_id"]
        and "position" not in probe.table_schema("quotes").names
    )
    assert probe.table_schema("tweets").field("position").metadata[b"description"] == b"Where the item sits."


def test_document_columns_and_counts_are_the_schema_annotations(monkeypatch):
    def edit(schema):
        columns = schema["x-columns"]
        counts = [c for c in columns if "x-count-of" in c]
        rest = [c for c in columns if "x-count-of" not in c]
        schema["x-columns"] = [*reversed(counts), *rest]
        schema["x-tables"] = ["documents", "related", "paragraphs", "tweets", "quotes", "highlights"]

    probe, _ = _tables_from(monkeypatch, edit)
    assert list(probe.COUNTED.values()) == ["related", "tweets", "quotes", "highlights", "paragraphs"]
    assert probe.table_schema("documents").names[0] == "n_related"
    assert probe.TABLE_NAMES == ("documents", "related", "paragraphs", "tweets", "quotes", "highlights")
    assert list(probe.ITEM_TABLES) == list(probe.TABLE_NAMES[1:])


def test_integer_widths_are_the_schema_annotations(monkeypatch):
    def edit(schema):
        del schema["$defs"]["quote"]["properties"]["start"]["x-arrow-type"]
        schema["$defs"]["source"]["properties"]["bytes"]["x-arrow-type"] = "int32"

    probe, _ = _tables_from(monkeypatch, edit)
    assert probe.table_schema("quotes").field("start").type == pa.int64()
    assert probe.table_schema("quotes").field("end").type == pa.int32()
    assert probe.table_schema("documents").field("raw_bytes").type == pa.int32()


def test_an_array_without_its_table_annotation_is_refused(monkeypatch):
    with pytest.raises(ValueError, match="x-tables, x-table and x-count-of"):
        _tables_from(monkeypatch, lambda schema: schema["properties"]["related"].pop("x-table"))


def test_a_date_nested_in_an_item_is_converted(monkeypatch):
    def edit(schema):
        schema["$defs"]["tweet"]["properties"]["seen"] = {
            "description": "When the post was seen, and where.",
            "type": "object",
            "properties": {"on": {"$ref": "#/$defs/date"}, "at": {"type": "string"}},
        }

    probe, _ = _tables_from(monkeypatch, edit)
    record = next(r for r in map(parse_document, sorted(SEEDS.glob("*.txt"))) if r["tweets"])
    record["tweets"][0]["seen"] = {"on": "2025-08-24", "at": "x.com"}
    columns = probe.record_columns(record)
    assert columns["tweets"]["seen"][0] == {"on": dt.date(2025, 8, 24), "at": "x.com"}
    assert (
        probe.columns_table("tweets", columns["tweets"]).column("seen").type.field("on").type == pa.date32()
    )


def test_checks_use_the_tables_keys(monkeypatch):
    from cmvisit_data.tables import TABLE_KEYS, row_key
    from cmvisit_data.validation import tables as checks

    checks.pandera_schema.cache_clear()
    monkeypatch.setitem(TABLE_KEYS, "quotes", ("doc_id",))
    try:
        assert checks.pandera_schema("quotes").unique == ["doc_id"]
        assert row_key("quotes", {"doc_id": "ab", "position": 3}) == "ab"
    finally:
        checks.pandera_schema.cache_clear()
    assert row_key("tweets", {"doc_id": "ab", "position": 3}) == "ab/3"
