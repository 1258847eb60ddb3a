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
    assert pa.types.is_dictionary(documents.field("language").type)
    assert documents.field("title").nullable and not documents.field("doc_id").nullable
    assert pa.types.is_struct(documents.field("title_span").type)
    assert documents.field("byline").type.value_type == pa.string()
    tweets = table_schema("tweets")
    assert tweets.field("posted").type == pa.date32() and not tweets.field("posted").nullable
    assert pa.types.is_dictionary(table_schema("quotes").field("kind").type)
    for name in TABLE_NAMES:
        for field in table_schema(name):
            assert field.metadata and field.metadata[b"description"], (name, field.name)


def test_every_declared_record_field_has_a_column():
    schema = load_schema()
    used = {c.pointer for c in DOCUMENT_COLUMNS if c.pointer}
    used |= set(ITEM_TABLES.values())
    for key in schema["properties"]:
        if key in ("metadata", "source"):
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
