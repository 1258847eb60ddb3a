"""Comparing releases: the documents added, removed and changed (file names and titles), what
changed in each (its fields, its items per table) and why (the text, an annotation added,
changed or removed, the schema, the parser, the provenance), with a summary first. That summary
as text, for the command line and the changelog alike, is `diff_text`'s; the changelog itself
is `changelog`'s.

Memory stays bounded on a large release: tables are read a batch at a time, and per document
only a few 64-bit hashes are kept (Python's `hash`, enough to tell values apart within one
process; nothing here is stored or compared across processes). The rows of the documents whose
items differ are read again, a chunk of documents at a time, and only those rows.
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
import json
import os
import struct
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import CmvisitError, Problem
from ..tables import TABLE_NAMES
from .layout import MAX_MANIFEST_BYTES, RELEASE_MANIFEST, manifest_head, not_a_release, table_file
from .verify import rows_of

ITEM_TABLES = tuple(name for name in TABLE_NAMES if name != "documents")
# The fields printed old -> new when they change (the others are named only).
SHOWN = ("source_file", "title", "published", "byline", "dateline", "language", "schema_version")
# What a person checked (schema 1.3.0 on): read with SHOWN, told as the change's `curation`.
CURATION = ("annotation_sha256", "curated_fields")
CHANGES = ("added", "changed", "removed")  # what happened to a document's annotation
PROVENANCE = frozenset({"source_file", "source_url", "outlet", "rights", "obtained"})
DERIVED = frozenset(f"n_{name}" for name in ITEM_TABLES)  # the item counts: told per table instead
OFFSETS = frozenset({"position", "start", "end"})  # where an item is, not what it says
# The order the summary gives the causes in.
CAUSES = ("text", "curation", "schema", "parser", "provenance", "duplicates")
# How a changed column of an item table is named in the summary ("speakers changed: 1").
BATCH = 2048  # rows read at once
CHUNK = 10_000  # documents whose rows are compared at once
_MASK = (1 << 64) - 1
_DocRow = tuple[str, list[str], tuple[int, ...], tuple[Any, ...]]  # doc_id, columns, hashes, SHOWN + CURATION


def diff(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> dict[str, Any]:
    """What changed from release A to release B: the summary, the documents added and removed
    (doc_id, file, title), the documents changed with their fields, items and cause, and the
    rows per table. Raises CmvisitError naming a release that cannot be read."""
    old_head, new_head = _head(Path(a)), _head(Path(b))
    try:
        compared = _Comparison(Path(a), Path(b), old_head, new_head)
        compared.run()
    except CmvisitError:
        raise
    except Exception as exc:  # a table that is not Parquet, or not the release's: named
        why = f"{type(exc).__name__}: {str(exc)[:200]}"
        message = f"its tables cannot be read ({why}); run cmvisit verify on it"
        where = str(getattr(exc, "_cmvisit_release", a))
        raise CmvisitError([Problem("release-invalid", message, file=where)]) from None
    return compared.result()


# --- reading ---------------------------------------------------------------------------


def _head(folder: Path) -> dict[str, Any]:
    """The manifest's version, package, schema and tables, read without its list of inputs."""
    path = folder / RELEASE_MANIFEST
    if not path.is_file():
        raise CmvisitError([not_a_release(folder)])
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise ValueError(f"larger than {MAX_MANIFEST_BYTES} bytes")
        head = manifest_head(folder)
        rows = {name: int(head["tables"][name]["rows"]) for name in TABLE_NAMES}
        fields = {k: head[k] for k in ("version", "package_version", "schema_sha256")}
        if not all(isinstance(v, str) for v in fields.values()):
            raise ValueError("version, package_version or schema_sha256 is not a string")
    except Exception as exc:
        why = f"{type(exc).__name__}: {str(exc)[:200]}"
        message = f"is not a release manifest ({why}); run cmvisit verify on it"
        raise CmvisitError([Problem("release-invalid", message, file=str(path))]) from None
    return {**fields, "rows": rows}


def _same_file(a: Path, b: Path, table: str) -> bool:
    """Whether a table's file has the same bytes in both releases (then so have its rows)."""
    digests = []
    for folder in (a, b):
        digest = hashlib.sha256()
        with open(table_file(folder, table), "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        digests.append(digest.digest())
    return digests[0] == digests[1]


def _ids(folder: Path) -> Iterator[str]:
    for batch in _batches(folder, "documents", ["doc_id"]):
        yield from batch.column("doc_id").to_pylist()


def _batches(folder: Path, table: str, columns: list[str] | None = None) -> Iterator[Any]:
    import pyarrow.parquet as pq

    try:  # a row group at a time: iter_batches reads ahead, several times the memory
        file = pq.ParquetFile(table_file(folder, table))
        for group in range(file.num_row_groups):
            yield from file.read_row_group(group, columns=columns, use_threads=False).to_batches(BATCH)
    except Exception as exc:
        exc._cmvisit_release = folder  # type: ignore[attr-defined]  # which release: for the message
        raise


def _columns(folder: Path, table: str = "documents") -> list[str]:
    """The columns of a table, from its footer."""
    import pyarrow.parquet as pq

    return pq.ParquetFile(table_file(folder, table)).schema_arrow.names


def _hashable(array: Any) -> list[Any]:
    """An Arrow array's values as hashable Python values: lists and structs as tuples."""
    import pyarrow as pa

    kind = array.type
    if pa.types.is_dictionary(kind):
        return _hashable(array.dictionary_decode())
    if pa.types.is_struct(kind):
        children = [_hashable(child) for child in array.flatten()]
        rows: list[Any] = list(zip(*children, strict=True)) if children else [()] * len(array)
    elif pa.types.is_list(kind) or pa.types.is_large_list(kind):
        offsets = array.offsets.to_pylist()
        values = _hashable(array.values.slice(offsets[0], offsets[-1] - offsets[0]))
        rows = [tuple(values[s - offsets[0] : e - offsets[0]]) for s, e in itertools.pairwise(offsets)]
    else:
        return array.to_pylist()
    if array.null_count:
        rows = [row if valid else None for row, valid in zip(rows, array.is_valid().to_pylist(), strict=True)]
    return rows


def _plain(value: Any) -> Any:
    """A hashable value as JSON takes it."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


class _Comparison:
    """One diff's state: built by `run`, rendered by `result`."""

    def __init__(self, a: Path, b: Path, old_head: dict[str, Any], new_head: dict[str, Any]):
        self.a, self.b = a, b
        self.old_head, self.new_head = old_head, new_head
        self.added: dict[str, tuple[str, str | None]] = {}  # doc_id -> (file, title)
        self.removed: dict[str, tuple[str, str | None]] = {}
        self.common: set[str] = set()
        self.fields: dict[str, list[str]] = {}  # doc_id -> the columns that differ
        self.values: dict[str, dict[str, Any]] = {}  # doc_id -> {field: {from, to}}
        self.items: dict[str, dict[str, Any]] = defaultdict(dict)  # doc_id -> table -> counts
        self.names: dict[str, tuple[str, str | None]] = {}  # doc_id -> (file, title) in B, for changed ones
        self.curation: dict[str, dict[str, Any]] = {}  # doc_id -> its annotation's change, if it changed

    def run(self) -> None:
        if _same_file(self.a, self.b, "documents"):  # the same documents, fields and all
            self.common = set(_ids(self.a))
        else:
            self._documents()
        for table in ITEM_TABLES:
            if self.common and not _same_file(self.a, self.b, table):
                self._items(table)

    # documents: one pass over each release, A kept as hashes, B compared as it is read

    def _document_rows(self, folder: Path) -> Iterator[_DocRow]:
        """(doc_id, columns, a hash per column, SHOWN's values) per document."""
        for batch in _batches(folder, "documents"):
            names = [n for n in batch.schema.names if n != "doc_id"]
            columns = {n: _hashable(batch.column(n)) for n in names}
            missing = [None] * batch.num_rows
            shown = zip(*[columns.get(n, missing) for n in (*SHOWN, *CURATION)], strict=True)
            hashes = zip(*[map(hash, columns[n]) for n in names], strict=True)
            ids = batch.column("doc_id").to_pylist()
            for doc_id, row, values in zip(ids, hashes, shown, strict=True):
                yield doc_id, names, row, values

    def _documents(self) -> None:
        old: dict[str, bytes] = {}  # doc_id -> a hash per column, packed
        old_names: list[str] = []
        for doc_id, names, hashes, _ in self._document_rows(self.a):
            old_names = names
            old[doc_id] = struct.pack(f"{len(hashes)}q", *hashes)
        now_shown: dict[str, tuple[Any, ...]] = {}
        for doc_id, names, hashes, shown in self._document_rows(self.b):
            before = old.get(doc_id)
            if before is None:
                self.added[doc_id] = (shown[0], shown[1])
                continue
            self.common.add(doc_id)
            if before == struct.pack(f"{len(hashes)}q", *hashes) and names == old_names:
                continue
            then = dict(zip(old_names, struct.unpack(f"{len(old_names)}q", before), strict=True))
            now = dict(zip(names, hashes, strict=True))
            order = names + [n for n in old_names if n not in now]
            self.fields[doc_id] = [n for n in order if then.get(n) != now.get(n)]
            self.names[doc_id] = (shown[0], shown[1])
            now_shown[doc_id] = shown
        removed = [doc_id for doc_id in old if doc_id not in self.common]
        del old
        then_shown = self._shown(self.a, removed + list(now_shown))
        for doc_id in removed:
            self.removed[doc_id] = then_shown[doc_id][:2]
        for doc_id, shown in now_shown.items():
            self.values[doc_id] = {
                name: {"from": _plain(x), "to": _plain(y)}
                for name, x, y in zip(SHOWN, then_shown[doc_id], shown, strict=False)
                if name in self.fields[doc_id]
            }
            change = _curation(then_shown[doc_id][len(SHOWN) :], shown[len(SHOWN) :])
            if change is not None:
                self.curation[doc_id] = change

    def _shown(self, folder: Path, doc_ids: list[str]) -> dict[str, tuple[Any, ...]]:
        """SHOWN's values of some documents, read for them only."""
        if not doc_ids:
            return {}
        import pyarrow as pa
        import pyarrow.compute as pc

        wanted = pa.array(doc_ids, type=pa.string())
        found: dict[str, tuple[Any, ...]] = {}
        names = [n for n in ("doc_id", *SHOWN, *CURATION) if n in _columns(folder)]
        for batch in _batches(folder, "documents", names):
            batch = batch.filter(pc.is_in(batch.column("doc_id"), value_set=wanted))
            missing = [None] * batch.num_rows
            columns = [_hashable(batch.column(n)) if n in names else missing for n in (*SHOWN, *CURATION)]
            for i, doc_id in enumerate(batch.column("doc_id").to_pylist()):
                found[doc_id] = tuple(c[i] for c in columns)
        return found

    # item tables: a sum of row hashes per document first, then the rows of those that differ

    def _items(self, table: str) -> None:
        before, after = self._sums(self.a, table), self._sums(self.b, table)
        differ = sorted(d for d in (set(before) | set(after)) & self.common if before.get(d) != after.get(d))
        del before, after
        for start in range(0, len(differ), CHUNK):
            chunk = differ[start : start + CHUNK]
            old, old_names = self._rows(self.a, table, chunk)
            new, new_names = self._rows(self.b, table, chunk)
            for doc_id in chunk:
                old_rows, new_rows = old.pop(doc_id, []), new.pop(doc_id, [])
                self.items[doc_id][table] = _compare(old_rows, new_rows, old_names, new_names)
        if differ:
            self._name(differ)

    def _sums(self, folder: Path, table: str) -> dict[str, int]:
        """doc_id -> the sum of its rows' hashes (the same rows in any order, the same sum)."""
        sums: dict[str, int] = {}
        for batch in _batches(folder, table):
            columns = [_hashable(batch.column(i)) for i in range(batch.num_columns)]
            ids = batch.column("doc_id").to_pylist()
            for doc_id, row_hash in zip(ids, map(hash, zip(*columns, strict=True)), strict=True):
                sums[doc_id] = (sums.get(doc_id, 0) + row_hash) & _MASK
        return sums

    def _rows(self, folder: Path, table: str, chunk: list[str]) -> tuple[dict[str, list[Any]], list[str]]:
        """doc_id -> its rows in `table` as (position, text hash, content hashes, offsets hash),
        for the documents in chunk only; and the content's columns, in the order of the hashes."""
        import pyarrow as pa

        wanted = set(chunk)
        rows: dict[str, list[Any]] = defaultdict(list)
        names: list[str] = []
        for batch in _batches(folder, table):
            ids = batch.column("doc_id").to_pylist()
            keep = [doc_id in wanted for doc_id in ids]
            if not any(keep):
                continue
            batch = batch.filter(pa.array(keep))
            ids = [doc_id for doc_id, kept in zip(ids, keep, strict=True) if kept]
            content: dict[str, list[Any]] = {}
            where: list[list[Any]] = []
            for field in batch.schema:
                column = batch.column(field.name)
                if field.name in ("doc_id", "text"):
                    continue
                if field.name in OFFSETS:
                    where.append(_hashable(column))
                elif pa.types.is_struct(field.type):  # a span: its text is content, its offsets where
                    parts = dict(zip([f.name for f in field.type], column.flatten(), strict=True))
                    said = [_hashable(parts[n]) for n in parts if n not in OFFSETS]
                    content[field.name] = list(zip(*said, strict=True)) if said else [()] * batch.num_rows
                    where.extend(_hashable(parts[n]) for n in parts if n in OFFSETS)
                else:
                    content[field.name] = _hashable(column)
            names = list(content)
            texts = _hashable(batch.column("text")) if "text" in batch.schema.names else [None] * len(ids)
            positions = batch.column("position").to_pylist() if "position" in batch.schema.names else ids
            hashes = zip(*[map(hash, values) for values in content.values()], strict=True)
            if not content:
                hashes = iter([()] * len(ids))
            places = map(hash, zip(*where, strict=True)) if where else iter([0] * len(ids))
            found = zip(positions, map(hash, texts), hashes, places, strict=True)
            for doc_id, row in zip(ids, found, strict=True):
                rows[doc_id].append(row)
        return rows, names

    def _name(self, doc_ids: Iterable[str]) -> None:
        """File and title in B of changed documents not yet named."""
        for doc_id, shown in self._shown(self.b, [d for d in doc_ids if d not in self.names]).items():
            self.names[doc_id] = shown[:2]

    # the result

    def _cause(self, doc_id: str) -> str:
        fields = set(self.fields.get(doc_id, [])) - DERIVED
        if "raw_sha256" in fields:
            return "text"
        if doc_id in self.curation:
            return "curation"
        if self.old_head["schema_sha256"] != self.new_head["schema_sha256"]:
            return "schema"
        if not self.items.get(doc_id):
            if fields and fields <= PROVENANCE:
                return "provenance"
            if fields and fields <= PROVENANCE | {"duplicate_of"}:
                return "duplicates"
        return "parser"

    def result(self) -> dict[str, Any]:
        changed_ids = set(self.fields) | {d for d, items in self.items.items() if items}
        changed = []
        causes: dict[str, dict[str, Any]] = {}
        for doc_id in changed_ids:
            file, title = self.names[doc_id]
            cause = self._cause(doc_id)
            told = DERIVED | (set(CURATION) if cause == "curation" else set())  # said by its `curation`
            fields = [f for f in self.fields.get(doc_id, []) if f not in told]
            items = dict(sorted(self.items.get(doc_id, {}).items(), key=lambda kv: ITEM_TABLES.index(kv[0])))
            entry = {
                "doc_id": doc_id,
                "file": file,
                "title": title,
                "cause": cause,
                "fields": fields,
                "values": self.values.get(doc_id, {}),
                "items": items,
            }
            if cause == "curation":
                entry["curation"] = self.curation[doc_id]
            changed.append(entry)
            total = causes.setdefault(cause, {"documents": 0, "fields": Counter(), "items": {}})
            total["documents"] += 1
            total["fields"].update(fields)
            if cause == "curation":
                total.setdefault("annotations", Counter())[entry["curation"]["change"]] += 1
            for table, counts in items.items():
                _add_counts(total["items"].setdefault(table, _no_counts()), counts)
        for total in causes.values():
            total["fields"] = dict(sorted(total["fields"].items(), key=lambda kv: (-kv[1], kv[0])))
            total["items"] = {t: total["items"][t] for t in ITEM_TABLES if t in total["items"]}
            if "annotations" in total:
                total["annotations"] = {
                    k: total["annotations"][k] for k in CHANGES if k in total["annotations"]
                }
        listed = {
            kind: [
                {"doc_id": d, "file": f, "title": t}
                for d, (f, t) in sorted(found.items(), key=lambda kv: (kv[1][0] or "", kv[0]))
            ]
            for kind, found in (("added", self.added), ("removed", self.removed))
        }
        changed.sort(key=lambda e: (e["file"] or "", e["doc_id"]))
        release = ("version", "package_version", "schema_sha256")
        return {
            "from": self.old_head["version"],
            "to": self.new_head["version"],
            "releases": {
                "from": {k: self.old_head[k] for k in release},
                "to": {k: self.new_head[k] for k in release},
            },
            "summary": {
                "added": len(self.added),
                "removed": len(self.removed),
                "changed": len(changed),
                "causes": {c: causes[c] for c in CAUSES if c in causes},
            },
            "added": listed["added"],
            "removed": listed["removed"],
            "changed": changed,
            "rows": {
                name: {"from": self.old_head["rows"][name], "to": self.new_head["rows"][name]}
                for name in TABLE_NAMES
            },
        }


def _curation(then: tuple[Any, ...], now: tuple[Any, ...]) -> dict[str, Any] | None:
    """How a document's annotation changed between two releases (its sha256 and checked fields,
    from CURATION's columns: None in a release made before annotations), or None if it did not."""
    (old_sha, old_fields), (new_sha, new_fields) = then, now
    if old_sha == new_sha:
        return None
    change = "added" if old_sha is None else "removed" if new_sha is None else "changed"
    return {
        "change": change,
        "sha256": {"from": old_sha, "to": new_sha},
        "fields": {
            "from": _plain(old_fields) if old_sha else None,
            "to": _plain(new_fields) if new_sha else None,
        },
    }


def _no_counts() -> dict[str, Any]:
    return {"added": 0, "removed": 0, "changed": {}, "moved": 0}


def _add_counts(total: dict[str, Any], counts: dict[str, Any]) -> None:
    total["added"] += counts["added"]
    total["removed"] += counts["removed"]
    total["moved"] += counts["moved"]
    for column, n in counts["changed"].items():
        total["changed"][column] = total["changed"].get(column, 0) + n


def _compare(old: list[Any], new: list[Any], old_names: list[str], new_names: list[str]) -> dict[str, Any]:
    """One document's rows of one table, old and new: items added and removed (told apart by
    their text), and of those kept, the columns changed and the ones only moved."""
    counts = _no_counts()
    by_text: dict[int, list[list[Any]]] = defaultdict(lambda: [[], []])
    for side, rows in ((0, old), (1, new)):
        for row in sorted(rows, key=lambda r: r[0]):
            by_text[row[1]][side].append(row)
    changed: Counter[str] = Counter()
    for before, after in by_text.values():
        counts["added"] += max(0, len(after) - len(before))
        counts["removed"] += max(0, len(before) - len(after))
        for x, y in zip(before, after, strict=False):  # the ones beyond are added or removed
            if old_names == new_names:
                differ = [name for name, p, q in zip(old_names, x[2], y[2], strict=True) if p != q]
            else:
                then, now = dict(zip(old_names, x[2], strict=True)), dict(zip(new_names, y[2], strict=True))
                differ = [c for c in sorted(set(then) | set(now)) if then.get(c) != now.get(c)]
            changed.update(differ)
            if not differ and x[3] != y[3]:
                counts["moved"] += 1
    counts["changed"] = dict(sorted(changed.items()))
    return counts


def digests(folder: Path) -> dict[str, str]:
    """doc_id -> a digest of all its rows in every table."""
    import pyarrow.parquet as pq

    hashers: dict[str, Any] = {}
    for name in TABLE_NAMES:
        for row in rows_of(pq.ParquetFile(table_file(folder, name))):
            hasher = hashers.setdefault(row["doc_id"], hashlib.sha256())
            hasher.update(name.encode())
            hasher.update(json.dumps(row, sort_keys=True, default=str, ensure_ascii=False).encode())
    return {k: v.hexdigest() for k, v in hashers.items()}
