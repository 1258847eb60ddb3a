"""The contract: what the schemas declare is read from them, once."""

from __future__ import annotations

import json

from cmvisit_data import contract, parse_document
from cmvisit_data.tables import column_constraints, span_columns

from .conftest import SEEDS


def test_versions_and_fields_come_from_the_schemas():
    record = json.loads(contract.schema_path().read_text(encoding="utf-8"))
    seeds = json.loads(contract.schema_path(contract.SEEDS_SCHEMA_NAME).read_text(encoding="utf-8"))
    assert contract.SCHEMA_VERSION == record["properties"]["schema_version"]["const"]
    entry = seeds["properties"]["documents"]["items"]
    assert contract.ENTRY_FIELDS == tuple(entry["properties"]) and set(entry["required"]) == set(
        contract.ENTRY_FIELDS
    )
    assert contract.PROVENANCE_FIELDS == ("url", "outlet", "rights", "obtained")
    assert set(contract.PROVENANCE_FIELDS) <= set(record["$defs"]["source"]["properties"])
    assert contract.SAFE_FILE_NAME.match("a_b-1.txt") and not contract.SAFE_FILE_NAME.match("../a.txt")


def test_every_span_of_a_record_is_found_where_the_schema_puts_one():
    record = parse_document(SEEDS / "001_f633bab6aa95e6a6.txt")
    pointers = [p for p, _ in contract.spans_of(record)]
    assert "/metadata/spans/title" in pointers and "/tweets/0/attribution" in pointers
    assert any(p.startswith("/quotes/") and p.endswith("/cue") for p in pointers)
    raw = record["raw_text"]
    assert all(raw[s["start"] : s["end"]] == s["text"] for _, s in contract.spans_of(record))
    assert len(pointers) == len(set(pointers))


def test_column_constraints_and_span_columns_follow_the_schema():
    assert column_constraints("highlights", "marker") == {"minLength": 1, "maxLength": 4}
    assert column_constraints("quotes", "start") == {"minimum": 0}
    assert "enum" in column_constraints("quotes", "kind")
    assert span_columns("documents") == ("title_span", "published_span", "byline_spans", "dateline_span")
    assert span_columns("quotes") == ("cue",) and span_columns("tweets") == ("attribution",)
