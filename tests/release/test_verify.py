"""verify proves a release from its data: each table rule fires on stored rows even when the
manifest's checksums are recomputed to match the forged files (so only the rule can see it)."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cmvisit_data.release import verify


def forge(release: Path, tmp_path: Path, table: str, edit: Callable[[list[dict]], None]) -> Path:
    """A copy of the release with one table's rows edited and the manifest made to agree."""
    copy = tmp_path / "forged" / release.name
    shutil.copytree(release, copy)
    path = copy / f"{table}.parquet"
    stored = pq.read_table(path)
    rows = stored.to_pylist()
    edit(rows)
    pq.write_table(pa.Table.from_pylist(rows, schema=stored.schema), path)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["tables"][table].update(
        bytes=path.stat().st_size, sha256=hashlib.sha256(path.read_bytes()).hexdigest()
    )
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return copy


def _first_with(rows: list[dict], column: str) -> dict:
    return next(r for r in rows if r[column])


def _raw(rows):
    row = rows[0]
    row["raw_text"] = row["raw_text"][:-1] + "!"


def _title_span(rows):
    span = _first_with(rows, "title_span")["title_span"]
    span["text"] = span["text"][:-1] + "#"


def _published_span(rows):
    span = _first_with(rows, "published_span")["published_span"]
    span["start"] += 1


def _byline_spans(rows):
    span = _first_with(rows, "byline_spans")["byline_spans"][0]
    span["text"] = span["text"].upper()


def _cue(rows):
    _first_with(rows, "cue")["cue"]["start"] += 1


def _attribution(rows):
    rows[0]["attribution"]["text"] = "— someone else"


def _handle(rows):
    rows[0]["handle"] = "no spaces allowed"


def _marker(rows):
    rows[0]["marker"] = "•••••"  # longer than the schema's maxLength


def _unknown_document(rows):
    rows[0]["doc_id"] = "0123456789abcdef"


def _past_the_end(rows):
    rows[-1]["end"] = 10**6


CASES = [
    ("documents", _raw, "documents", "raw_text", "checksum-mismatch"),
    ("documents", _title_span, "documents", "title_span", "table-check"),
    ("documents", _published_span, "documents", "published_span", "table-check"),
    ("documents", _byline_spans, "documents", "byline_spans", "table-check"),
    ("quotes", _cue, "quotes", "cue", "table-check"),
    ("tweets", _attribution, "tweets", "attribution", "table-check"),
    ("tweets", _handle, "tweets", "handle", "table-check"),
    ("highlights", _marker, "highlights", "marker", "table-check"),
    ("quotes", _unknown_document, "quotes", "doc_id", "table-check"),
    ("paragraphs", _past_the_end, "paragraphs", "end", "table-check"),
]


@pytest.mark.parametrize(
    ("table", "edit", "where", "column", "kind"), CASES, ids=[c[1].__name__ for c in CASES]
)
def test_each_rule_is_checked_on_the_stored_rows(release, tmp_path, table, edit, where, column, kind):
    assert verify(release).valid
    report = verify(forge(release, tmp_path, table, edit))
    found = {(p.table, p.field, p.type) for p in report.problems}
    assert (where, column, kind) in found, [p.one_line() for p in report.problems]
