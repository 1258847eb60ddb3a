"""Verifying a release from its data: checksums, declared schemas, and the build's own checks.

`verify` trusts nothing the manifest says without recomputing it, and reads every file once
(`sealed`): the bytes it hashes are the bytes it parses. In order, each step run only when the
ones before it pass:

1. manifest.json, read once and bounded (with `expect`, its sha256 must be that value: the
   root of trust), strict, valid against its schema;
2. the manifest lists exactly the files a release must have, and the folder holds exactly
   those (`audit`);
3. every file has its recorded size and sha256;
4. every Parquet file's recorded uncompressed sizes are bounded (refused unread otherwise);
5. each table has its declared columns and recorded rows, in the layout the manifest declares
   (`layout.py`): in layout 2 the table is the Hub's file, with its descriptions and features;
   in layout 1 each hf/ copy has the Hub layout;
6. every field the data determines agrees (`audit.derived_fields`), croissant.json describes
   the data files (in layout 2 it and the card's configs name each table's own file, and the
   enumerations the schema's values: `described`), and the build's `check_batch` holds on
   the stored rows (row group by row group, with the items of the same documents merged in);
   each annotation the release holds has the sha256 its input and its document record, and,
   resolved again against the document's text, gives the curated fields' values and spans
   (`curated`);
7. in layout 1, each hf/ copy holds its table's rows, value for value;
8. no file was changed or swapped while it was read.

What this proves alone is consistency; authenticity needs `expect` (see the README).
"""

from __future__ import annotations

import hmac
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..contract import version_of_schema
from ..errors import Problem, Report, os_error_type
from ..tables import TABLE_NAMES, row_key, table_schema, to_table
from ..validation.tables import check_batch
from . import annotated, audit, curated, described, mirror
from . import sealed as reading
from .layout import (
    FIRST_LAYOUT,
    MAX_MANIFEST_BYTES,
    REJECTED,
    RELEASE_MANIFEST,
    hf_data_file,
    layout_of,
    not_a_release,
    parse_manifest,
    table_path,
)
from .parquet import stored_schema

# Problems reported at most; a count stands for the rest (each step bounds its own as well).
MAX_PROBLEMS = 50
_SHA256_RE = re.compile(r"[0-9a-fA-F]{64}")


def verify(release: str | os.PathLike[str], expect: str | None = None) -> Report:
    """Prove a release from its data: the manifest is strict, valid and lists exactly the
    files a release has; every checksum holds; the tables have their declared shape and the
    hf/ copy is theirs; every field the data determines agrees; every table rule holds on the
    stored rows. With `expect`, the manifest's own sha256 must be that value (a root of trust
    from the changelog or the Hub tag)."""
    folder = Path(release)
    report = Report(file=str(folder), kind="release")
    try:
        return _verify_folder(folder, expect, report)
    except OSError as exc:  # a name too long, a folder it may not read: the place, in one line
        report.problems.append(
            Problem(
                os_error_type(exc), f"cannot read it: {exc.strerror or exc}", file=exc.filename or str(folder)
            )
        )
        return report


def _verify_folder(folder: Path, expect: str | None, report: Report) -> Report:
    if not folder.exists() and not folder.is_symlink():
        report.problems.append(Problem("release-missing", "there is no release here", file=str(folder)))
        return report
    if folder.is_symlink() or not folder.is_dir():
        report.problems.append(
            Problem("release-invalid", "a release is a folder, not a link", file=str(folder))
        )
        return report
    opened: dict[str, reading.Sealed] = {}
    try:
        report.problems.extend(_verify(folder, expect, opened, report))
    except reading.Unreadable as exc:
        report.problems.append(exc.problem())
    finally:
        for name, sealed in opened.items():
            if sealed.changed():
                report.problems.append(
                    Problem("checksum-mismatch", "the file changed while verify read it: verify again",
                            file=str(folder / name))
                )  # fmt: skip
            sealed.close()
    if len(report.problems) > MAX_PROBLEMS:
        more = len(report.problems) - MAX_PROBLEMS
        report.problems[MAX_PROBLEMS:] = [
            Problem("release-invalid", f"{more} more problems, not listed", file=str(folder))
        ]
    if report.problems:
        report.records = 0
    return report


def _verify(
    folder: Path, expect: str | None, opened: dict[str, reading.Sealed], report: Report
) -> list[Problem]:
    manifest, problems = _manifest(folder, expect, opened)
    if manifest is None:
        return problems
    problems = audit.required_files(folder, manifest) + audit.exact_contents(folder, manifest)
    if problems:
        return problems
    problems = _checksums(folder, manifest, opened)
    if problems:
        return problems
    layout = layout_of(manifest)
    tables = {name: _parquet(opened[table_path(name, layout)]) for name in TABLE_NAMES}
    # Layout 1 keeps a copy of each table in hf/; in layout 2 the table is the Hub's file.
    copies = {}
    if layout == FIRST_LAYOUT:
        copies = {name: _parquet(opened[hf_data_file(name)]) for name in TABLE_NAMES}
    problems = [p for pair in [*tables.values(), *copies.values()] for p in reading.parquet_bounds(*pair)]
    if problems:
        return problems
    problems = _shapes(manifest, tables, layout)
    labels: dict[str, dict[str, list[str]]] = {}
    for name, (sealed, file) in copies.items():
        found, wrong = mirror.schema_problems(name, file, sealed.path)
        problems.extend(wrong)
        labels[name] = found or {}
        if file.metadata.num_rows != tables[name][1].metadata.num_rows:
            problems.append(
                Problem(
                    "release-invalid",
                    f"the Hub copy holds {file.metadata.num_rows} rows, "
                    f"{name}.parquet {tables[name][1].metadata.num_rows}",
                    file=sealed.path,
                    table=name,
                )
            )
    if problems:
        return problems
    stored = tables["documents"][1].schema_arrow.names
    facts = [*audit.DOCUMENT_FACTS, *(c for c in audit.CURATION_FACTS if c in stored)]
    documents = [
        row for batch in reading.batches(*tables["documents"], columns=facts) for row in batch.to_pylist()
    ]
    hf_rows = {hf_data_file(name): file.metadata.num_rows for name, (_, file) in (copies or tables).items()}
    rejected, problems = _rejected(opened.get(REJECTED))
    problems += audit.derived_fields(folder, manifest, documents, hf_rows, rejected)
    problems += curated.proof(opened, manifest, tables)
    problems += _croissant(opened["hf/croissant.json"], manifest)
    if layout != FIRST_LAYOUT:  # the card of a layout-1 release is left as it was published
        problems += _card(opened["hf/README.md"])
    for sealed, file in [*tables.values(), *copies.values()]:
        problems += _statistics(sealed, file)
    problems += _verify_rows(tables)
    if not problems and copies:  # the copy is compared with tables that hold
        for name in TABLE_NAMES:
            problems += mirror.row_problems(name, tables[name], copies[name], labels[name])
    report.records = tables["documents"][1].metadata.num_rows
    return problems


def _manifest(
    folder: Path, expect: str | None, opened: dict[str, reading.Sealed]
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """manifest.json read once: the bytes compared with `expect` are the bytes parsed."""
    where = str(folder / RELEASE_MANIFEST)
    if expect is not None and not _SHA256_RE.fullmatch(expect):
        return None, [
            Problem(
                "checksum-mismatch",
                f"--expect {audit.short(expect)} is not a whole sha256 (64 hex "
                "digits): give the full one CHANGELOG.md or the Hub tag records",
                file=where,
            )
        ]
    sealed, problem = reading.open_sealed(folder, RELEASE_MANIFEST)
    if sealed is None:
        assert problem is not None
        if problem.message == "the file is missing":  # no release here: a usage problem, as diff says
            return None, [not_a_release(folder)]
        return None, [Problem("release-invalid", problem.message, file=where)]
    opened[RELEASE_MANIFEST] = sealed
    if sealed.info.st_size > MAX_MANIFEST_BYTES:
        return None, [
            Problem("release-invalid", f"manifest.json is over {MAX_MANIFEST_BYTES} bytes", file=where)
        ]
    actual = sealed.hash(in_memory=True)
    if expect is not None and not hmac.compare_digest(actual, expect.lower()):
        return None, [
            Problem(
                "checksum-mismatch",
                f"manifest.json's sha256 is {actual}, not the expected {expect}",
                file=where,
            )
        ]
    assert sealed.data is not None
    return parse_manifest(sealed.data, where)


def _checksums(folder: Path, manifest: dict[str, Any], opened: dict[str, reading.Sealed]) -> list[Problem]:
    """Every file the manifest lists, opened once, has its recorded size and sha256."""
    problems = []
    annotations = annotated.annotated_files(manifest)
    for name, meta in sorted(audit.listed_paths(manifest).items()):
        if name == RELEASE_MANIFEST:
            continue
        sealed, problem = reading.open_sealed(folder, name)
        if sealed is None:
            assert problem is not None
            problems.append(problem)
            continue
        opened[name] = sealed
        if sealed.info.st_size != meta["bytes"] or sealed.hash() != meta["sha256"]:
            problems.append(curated.changed(sealed.path) if name in annotations else
                Problem("checksum-mismatch", "the file differs from its size or sha256 in manifest.json",
                        file=sealed.path)
            )  # fmt: skip
    return problems


def _parquet(sealed: reading.Sealed) -> tuple[reading.Sealed, Any]:
    return sealed, reading.parquet_file(sealed)


def _shapes(manifest: dict[str, Any], tables: dict[str, Any], layout: int) -> list[Problem]:
    """Each table has its declared columns and the row count the manifest records; in layout 2
    its descriptions and Hub features too (the file is the Hub's)."""
    problems = []
    for name in TABLE_NAMES:
        sealed, file = tables[name]
        version = version_of_schema(manifest["schema_sha256"])  # a release keeps its records' columns
        got, want = file.schema_arrow, stored_schema(name, layout, version)
        shape = [(f.name, str(f.type), f.nullable) for f in got]
        if shape != [(f.name, str(f.type), f.nullable) for f in want]:
            problems.append(
                Problem("release-invalid", "the columns differ from the table's declared schema",
                        file=sealed.path, table=name)
            )  # fmt: skip
        elif layout != FIRST_LAYOUT and not got.equals(want, check_metadata=True):
            problems.append(
                Problem("release-invalid", "the column descriptions or the Hub features metadata differ "
                        "from the table's declared ones", file=sealed.path, table=name)
            )  # fmt: skip
        if file.metadata.num_rows != manifest["tables"][name]["rows"]:
            problems.append(
                Problem("release-invalid", f"the table holds {file.metadata.num_rows} rows, and manifest.json"
                        f" says {manifest['tables'][name]['rows']}", table=name, file=sealed.path)
            )  # fmt: skip
    return problems


def _rejected(sealed: reading.Sealed | None) -> tuple[list[dict[str, Any]], list[Problem]]:
    if sealed is None:
        return [], []
    if sealed.data is None:
        return [], [Problem("release-invalid", "too large to be a list of rejected inputs", file=sealed.path)]
    return audit.rejected_summary(sealed.data, sealed.path)


def _croissant(sealed: reading.Sealed, manifest: dict[str, Any]) -> list[Problem]:
    if sealed.data is None:
        return [Problem("release-invalid", "too large to be a Croissant description", file=sealed.path)]
    problems = audit.croissant_problems(sealed.data, sealed.path, manifest)
    if layout_of(manifest) != FIRST_LAYOUT and not problems:
        problems = described.croissant_data_problems(sealed.data, sealed.path)
    return problems


def _card(sealed: reading.Sealed) -> list[Problem]:
    if sealed.data is None:
        return [Problem("release-invalid", "too large to be a dataset card", file=sealed.path)]
    return described.card_problems(sealed.data, sealed.path)


def _verify_rows(tables: dict[str, tuple[reading.Sealed, Any]]) -> list[Problem]:
    """check_batch on each row group of documents with the item rows of the same documents,
    merged in as they stream past (items are stored in document order)."""
    problems: list[Problem] = []
    sealed, documents = tables["documents"]
    all_ids: set[str] = set()
    marked: dict[str, str] = {}  # doc_id -> the document it is marked a near-duplicate of
    for group in range(documents.metadata.num_row_groups):
        ids = reading.row_group(sealed, documents, group, columns=["doc_id", "duplicate_of"])
        for doc_id, of in zip(
            ids.column("doc_id").to_pylist(), ids.column("duplicate_of").to_pylist(), strict=True
        ):
            if doc_id in all_ids:  # a row group's own rule sees only its rows: the whole table here
                problems.append(Problem("table-check", "doc_id is not unique", table="documents", row=doc_id))
            all_ids.add(doc_id)
            if of is not None:
                marked[doc_id] = of
    problems.extend(_duplicate_marks(marked, all_ids))
    streams = {name: _rows(*tables[name]) for name in TABLE_NAMES if name != "documents"}
    pending: dict[str, dict[str, Any] | None] = {name: next(stream, None) for name, stream in streams.items()}
    for group in range(documents.metadata.num_row_groups):
        batch = {"documents": _declared("documents", reading.row_group(sealed, documents, group))}
        window = set(batch["documents"].column("doc_id").to_pylist())
        for name, stream in streams.items():
            rows: list[dict[str, Any]] = []
            while pending[name] is not None and (
                pending[name]["doc_id"] in window or pending[name]["doc_id"] not in all_ids
            ):
                rows.append(pending[name])
                pending[name] = next(stream, None)
            batch[name] = to_table(name, rows)
        problems.extend(check_batch(batch))
    for name, row in pending.items():
        if row is not None:
            problems.append(
                Problem("table-check", "rows are out of document order", table=name, row=row_key(name, row))
            )
    return problems


def _declared(name: str, table: Any) -> Any:
    """A stored table with the declared types (layout 1's dictionary-encoded enums as strings)."""
    import pyarrow as pa

    schema = table_schema(name)
    schema = pa.schema([f for f in schema if f.name in table.schema.names])  # layout 1: before 1.2.0
    return pa.Table.from_arrays([table.column(f.name).cast(f.type) for f in schema], schema=schema)


def _statistics(sealed: reading.Sealed, file: Any) -> list[Problem]:
    """The min, max and null count the footer records for each column of each row group are
    those of the values stored: readers skip row groups by them (pyarrow's filters, DuckDB,
    polars), so a forged minimum hides a document from a filtered read. Columns inside lists
    are left out (their leaves are not one value per row); a value too long for statistics
    (raw_text) has none to check."""
    problems: list[Problem] = []
    meta = file.metadata
    for g in range(meta.num_row_groups):
        group = meta.row_group(g)
        stated = {}
        for c in range(group.num_columns):
            column = group.column(c)
            stats = column.statistics if column.is_stats_set else None
            if stats is not None and stats.has_min_max and ".list." not in f".{column.path_in_schema}.":
                stated[column.path_in_schema] = stats
        if not stated:
            continue
        tops = sorted({path.split(".")[0] for path in stated})
        flat = reading.row_group(sealed, file, g, columns=tops).flatten()
        for path, stats in stated.items():
            values = [v for v in flat.column(path).to_pylist() if v is not None]
            nulls = flat.column(path).null_count
            actual = (min(values), max(values)) if values else None
            if actual != (stats.min, stats.max) or (stats.has_null_count and stats.null_count != nulls):
                problems.append(
                    Problem("release-invalid", f"row group {g}: the statistics of {path} are not its values'",
                            file=sealed.path)
                )  # fmt: skip
    return problems


def _duplicate_marks(marked: dict[str, str], ids: set[str]) -> list[Problem]:
    """A near-duplicate mark names another document of the release, one kept (not marked itself):
    what the build's near-duplicate pass writes."""
    problems = []
    for doc_id, of in marked.items():
        why = (
            "names the document itself"
            if of == doc_id
            else "names no document of the release"
            if of not in ids
            else "names a document that is itself marked a near-duplicate"
            if of in marked
            else None
        )
        if why is not None:
            problems.append(Problem("table-check", f"duplicate_of {why}", table="documents", row=doc_id))
    return problems


def _rows(sealed: reading.Sealed, file: Any) -> Iterator[dict[str, Any]]:
    for batch in reading.batches(sealed, file):
        yield from batch.to_pylist()


def rows_of(file: Any) -> Iterator[dict[str, Any]]:
    """The rows of a Parquet file as dicts, a few thousand at a time."""
    for batch in file.iter_batches(batch_size=4096):
        yield from batch.to_pylist()
