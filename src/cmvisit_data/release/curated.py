"""What `verify` proves of a release's annotations (`annotated`), from its files, not the manifest:

- an annotation whose bytes are not those the release was built with is named, with what to do
  (`changed`): a release is never edited, a changed annotation is a new version;
- each annotation has the sha256 its input records (which `audit.derived_fields` holds to the
  documents table's annotation_sha256, and the curated counts to its curated_fields);
- each annotation, resolved again against its document's text as the release stores it
  (raw_text, or the rendering of an HTML page) by `curation.annotations.resolve`, gives exactly
  the curated fields' names, values and spans that the tables hold.
"""

from __future__ import annotations

from typing import Any

from ..errors import Problem
from ..tables import record_value
from .annotated import FIELDS_COLUMN, REBUILD_HINT, in_release
from .audit import first_difference, short


def changed(path: str) -> Problem:
    """An annotation file of a release that is not the one the release was built with."""
    return Problem(
        "checksum-mismatch",
        "the annotation is not the one the release was built with (its sha256 differs from the "
        "one manifest.json and the documents table record): it was changed after the build",
        file=path,
        hint=REBUILD_HINT,
    )


def proof(opened: dict[str, Any], manifest: dict[str, Any], tables: dict[str, Any]) -> list[Problem]:
    """What the release's annotations are, proven from its files: each annotation's bytes have the
    sha256 its input records (which `audit.derived_fields` holds to the documents table's
    annotation_sha256), and, resolved again against its document's text as the release stores
    it (`curation.annotations.resolve`), give exactly the curated fields of its document: their
    names, values and spans in the tables."""
    problems = []
    named: dict[str, Any] = {}  # doc_id -> the sealed annotation file
    for item in manifest["inputs"]:
        annotation = item.get("annotation")
        if not isinstance(annotation, dict):
            continue
        sealed = opened[in_release(annotation["file"])]
        if sealed.sha256 != annotation["sha256"]:  # hashed by verify's checksums
            problems.append(changed(sealed.path))
        else:
            named[item["doc_id"]] = sealed
    if not named or problems:
        return problems
    stored = _stored(tables, set(named))
    for doc_id, sealed in named.items():
        problems += _resolved_again(sealed, stored[doc_id])
    return problems


# The documents' columns the curated fields are in, and the item tables' columns they hold.
_DOCUMENT_COLUMNS = ("doc_id", "raw_text", "rendering", FIELDS_COLUMN, "language", "title", "title_span",
                     "published", "published_span", "byline", "byline_spans", "dateline",
                     "dateline_span")  # fmt: skip
_ITEM_COLUMNS = {
    "highlights": ("text", "start", "end"),
    "quotes": ("text", "start", "end", "kind", "speaker"),
    "tweets": ("text", "start", "end", "author", "handle", "posted"),
}


def _stored(tables: dict[str, Any], doc_ids: set[str]) -> dict[str, dict[str, Any]]:
    """The curated documents' rows (the columns above), each with its items in position order."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from . import sealed as reading

    wanted = pa.array(sorted(doc_ids), pa.string())

    def rows(table: str, columns: list[str]) -> Any:
        """The table's rows of the curated documents only: each batch filtered before it becomes
        Python objects (a release's text is not read into memory for a few documents)."""
        for batch in reading.batches(*tables[table], columns=columns):
            yield from batch.filter(pc.is_in(batch.column("doc_id"), value_set=wanted)).to_pylist()

    found: dict[str, dict[str, Any]] = {}
    for row in rows("documents", list(_DOCUMENT_COLUMNS)):
        found[row["doc_id"]] = {**row, **{name: [] for name in _ITEM_COLUMNS}}
    for name, columns in _ITEM_COLUMNS.items():
        for row in rows(name, ["doc_id", "position", *columns]):
            if row["doc_id"] in found:
                found[row["doc_id"]][name].append(row)
    for row in found.values():
        for name, columns in _ITEM_COLUMNS.items():
            items = sorted(row[name], key=_position)
            row[name] = [record_value({c: item[c] for c in columns}) for item in items]
    return found


def _position(item: dict[str, Any]) -> int:
    return int(item["position"])


def _resolved_again(sealed: Any, row: dict[str, Any]) -> list[Problem]:
    """One annotation resolved against its document's stored text, compared field by field with
    what the tables hold."""
    from ..contract import document_text
    from ..curation.annotations import resolve, shape_problems
    from ..strictjson import StrictJSONError, loads

    where = sealed.path
    try:
        annotation = loads(sealed.data.decode("utf-8"))
    except (UnicodeDecodeError, StrictJSONError) as exc:
        return [Problem("release-invalid", f"not an annotation (strict JSON): {str(exc)[:200]}", file=where)]
    problems = shape_problems(annotation, where)
    if problems:
        return problems
    resolved, problems = resolve(annotation, document_text(row), where)  # as the build placed it
    if resolved is None:
        return problems
    given = {"curated_fields": list(resolved.fields)}
    for name in resolved.fields:
        if name in _ITEM_COLUMNS:
            given[name] = [{c: item[c] for c in _ITEM_COLUMNS[name]} for item in resolved.items[name]]
        else:
            given[name] = resolved.metadata[name]
        if name in resolved.spans:
            given[_SPAN_COLUMNS[name]] = resolved.spans[name]
    problems = []
    for name, value in given.items():
        found = first_difference(value, record_value(row[name]), f"/{name}")
        if found is not None:
            at, ours, theirs = found
            problems.append(
                Problem("release-invalid", f"resolved again against the document's text, the annotation "
                        f"gives {short(ours)} at {at}, and the release holds {short(theirs)}",
                        file=where, row=row["doc_id"], field=name, hint=REBUILD_HINT)
            )  # fmt: skip
    return problems


_SPAN_COLUMNS = {"title": "title_span", "published": "published_span", "byline": "byline_spans",
                 "dateline": "dateline_span"}  # fmt: skip
