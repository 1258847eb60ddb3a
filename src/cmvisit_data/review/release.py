"""The documents a review shows when it is given a release folder: records rebuilt from the
release's tables, and compared with their annotations where the release holds them.

A record is put back together from its row of `documents` (each column that names a record
field, `tables.DOCUMENT_COLUMNS`) and its rows of the item tables, in position order. A
release keeps no boilerplate, so none is shown. Its annotations are
`hf/annotations/<seed file>.json`; the released record is already curated, so what they are
compared with is the parser of this package run again on the document's text (a text
document's: an HTML page's structured metadata is not in the release, so its comparison is
left to a review of its seeds folder).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..curation.annotations import annotation_name
from ..release.annotated import in_release
from ..release.layout import RELEASE_MANIFEST, table_file
from ..tables import DOCUMENT_COLUMNS, ITEM_TABLES, record_value
from .documents import compared
from .page import Reviewed

# A release reviewed without --doc shows every document up to this many: a page of more is
# too long to read (and slow to open); name documents with --doc instead.
MAX_WHOLE_RELEASE = 50


class ReviewRefused(ValueError):
    """A release review that cannot be made as asked (the message says what to do)."""


def _put(record: dict[str, Any], pointer: str, value: Any) -> None:
    *parents, last = pointer.strip("/").split("/")
    for part in parents:
        record = record.setdefault(part, {})
    record[last] = record_value(value)


def _rows(release: Path, table: str, doc_ids: list[str]) -> list[dict[str, Any]]:
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    found = pq.read_table(table_file(release, table))
    found = found.filter(
        pc.is_in(found["doc_id"], value_set=pc.cast(doc_ids, found.schema.field("doc_id").type))
    )
    return found.to_pylist()


def _records(release: Path, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
    """doc_id -> its record, rebuilt from the release's tables."""
    pointers = {c.name: c.pointer for c in DOCUMENT_COLUMNS if c.pointer}
    # Columns copied from under a nullable object (curated_fields from /curation/fields): put
    # back where they hold something (an uncurated document has no curation).
    copied = {c.name: c.node["x-from"] for c in DOCUMENT_COLUMNS if c.node and "x-from" in c.node}
    records: dict[str, dict[str, Any]] = {}
    for row in _rows(release, "documents", doc_ids):
        record: dict[str, Any] = {"rendering": None, "boilerplate": []}
        for name, value in row.items():
            if name in pointers:
                _put(record, pointers[name], value)
            elif name in copied and value:
                _put(record, copied[name], value)
        records[row["doc_id"]] = record
    for table, pointer in ITEM_TABLES.items():
        rows = sorted(_rows(release, table, doc_ids), key=lambda r: (r["doc_id"], r["position"]))
        for record in records.values():
            record.setdefault(pointer.strip("/"), [])
        for row in rows:
            item = {k: record_value(v) for k, v in row.items() if k not in ("doc_id", "position")}
            records[row["doc_id"]][pointer.strip("/")].append(item)
    return records


def _all_ids(release: Path) -> list[str]:
    import pyarrow.parquet as pq

    return [
        str(v)
        for v in pq.read_table(table_file(release, "documents"), columns=["doc_id"])["doc_id"].to_pylist()
    ]


def chosen(release: Path, doc_ids: list[str]) -> list[str]:
    """The documents to show: those named (each must be in the release), or every one of a
    release that is not too long to read on one page."""
    present = _all_ids(release)
    if not doc_ids:
        if len(present) > MAX_WHOLE_RELEASE:
            raise ReviewRefused(
                f"{release} holds {len(present)} documents, more than one page shows well "
                f"({MAX_WHOLE_RELEASE}): name those to review with --doc ID (e.g. --doc {present[0]})"
            )
        return present
    unknown = [d for d in doc_ids if d not in set(present)]
    if unknown:
        raise ReviewRefused(
            f"{release} holds no document {', '.join(unknown)}: give a doc_id it holds "
            f"(e.g. {', '.join(present[:3])}), as the documents table's doc_id column lists them"
        )
    return list(dict.fromkeys(doc_ids))


def _parser_record(record: dict[str, Any]) -> dict[str, Any] | None:
    """The parser's own output on a text document's raw text (None for an HTML page)."""
    from ..parse import parse_text

    if record.get("rendering") is not None or record.get("raw_text") is None:
        return None
    return {**parse_text(record["raw_text"]), "raw_text": record["raw_text"], "rendering": None}


def from_release(release: str | Path, doc_ids: list[str]) -> list[Reviewed]:
    """The documents of a release to show (all, or those named by doc_id, in that order)."""
    folder = Path(release)
    if not (folder / RELEASE_MANIFEST).is_file():
        raise ReviewRefused(f"{folder} is not a release folder: it has no {RELEASE_MANIFEST}")
    wanted = chosen(folder, doc_ids)
    records = _records(folder, wanted)
    items = []
    for doc_id in wanted:
        record = records[doc_id]
        item = Reviewed(f"{folder.name}: {doc_id} ({(record.get('source') or {}).get('file')})", record)
        item.notes.append("A release keeps no boilerplate: none is shown.")
        annotation = folder / in_release(annotation_name(Path(str(record["source"]["file"])).name))
        if annotation.is_file():
            parsed = _parser_record(record)
            if parsed is None:
                item.annotation = str(annotation)
                item.notes.append(
                    "An HTML page's parser output is not in a release: review its seeds folder to compare."
                )
            else:
                shown = compared(Reviewed(item.name, parsed), annotation, record["raw_text"])
                item.annotation, item.disagreements = shown.annotation, shown.disagreements
                item.parser_shown = False  # the pieces shown are the release's, not the parser's
                item.notes += [
                    "Compared with the parser of this package, run again on the text; the text "
                    "shows the release's (curated) pieces, so the parser's values are given as text:",
                    *shown.notes,
                ]
        items.append(item)
    return items
