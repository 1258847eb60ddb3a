"""Verifying a release from its data: checksums, declared schemas, and the build's own checks.

`verify` trusts nothing the manifest says without recomputing it: every file's size and
sha256, each table's columns against its declared schema and its row count, then the same
`check_batch` the build ran, on the stored rows, row group by row group, with the items of
the same documents merged in as they stream past.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import Problem, Report
from ..manifest import sha256_of
from ..tables import TABLE_NAMES, table_schema, to_table
from . import audit
from .checks import check_batch
from .layout import RELEASE_MANIFEST, load_manifest_checked, table_file


def verify(release: str | os.PathLike[str], expect: str | None = None) -> Report:
    """Prove a release from its data: the manifest is strict, valid and lists exactly the
    folder's files; every checksum holds; the tables have their declared shape; every field
    the data determines agrees; every table rule holds on the stored rows. With `expect`,
    the manifest's own sha256 must be that value (a root of trust from the changelog or the
    Hub tag)."""
    import pyarrow.parquet as pq

    folder = Path(release)
    report = Report(file=str(folder), kind="release")
    if not folder.exists() and not folder.is_symlink():
        report.problems.append(Problem("release-missing", "there is no release here", file=str(folder)))
        return report
    if folder.is_symlink() or not folder.is_dir():
        report.problems.append(
            Problem("release-invalid", "a release is a folder, not a link", file=str(folder))
        )
        return report
    if expect is not None:
        actual = sha256_of(folder / RELEASE_MANIFEST) if (folder / RELEASE_MANIFEST).is_file() else None
        if actual != expect.lower():
            report.problems.append(
                Problem("checksum-mismatch", f"manifest.json's sha256 is {actual}, not the expected {expect}",
                        file=str(folder / RELEASE_MANIFEST))
            )  # fmt: skip
            return report
    manifest, problems = load_manifest_checked(folder)
    report.problems.extend(problems)
    if manifest is None:
        return report
    report.problems.extend(audit.exact_contents(folder, manifest))
    if report.problems:
        return report
    report.problems.extend(_checksums(folder, manifest))
    if report.problems:
        return report
    files = {name: pq.ParquetFile(table_file(folder, name)) for name in TABLE_NAMES}
    report.problems.extend(_shapes(folder, manifest, files))
    if report.problems:
        return report
    report.problems.extend(audit.derived_fields(folder, manifest, files))
    report.problems.extend(_verify_rows(files))
    report.records = files["documents"].metadata.num_rows
    return report


def _checksums(folder: Path, manifest: dict[str, Any]) -> list[Problem]:
    """Every file the manifest lists has its recorded size and sha256."""
    problems = []
    for name, meta in [*manifest["tables"].items(), *manifest.get("files", {}).items()]:
        path = folder / meta.get("file", name)
        if not path.is_file():
            problems.append(Problem("release-invalid", "the file is missing", file=str(path)))
        elif path.stat().st_size != meta["bytes"] or sha256_of(path) != meta["sha256"]:
            problems.append(
                Problem("checksum-mismatch", "the file differs from its size or sha256 in manifest.json",
                        file=str(path))
            )  # fmt: skip
    return problems


def _shapes(folder: Path, manifest: dict[str, Any], files: dict[str, Any]) -> list[Problem]:
    """Each table has its declared columns and the row count the manifest records."""
    problems = []
    for name in TABLE_NAMES:
        got, want = files[name].schema_arrow, table_schema(name)
        shape = [(f.name, str(f.type), f.nullable) for f in got]
        if shape != [(f.name, str(f.type), f.nullable) for f in want]:
            problems.append(
                Problem("release-invalid", "the columns differ from the table's declared schema",
                        file=str(table_file(folder, name)), table=name)
            )  # fmt: skip
        if files[name].metadata.num_rows != manifest["tables"][name]["rows"]:
            problems.append(
                Problem(
                    "release-invalid",
                    "the row count differs from manifest.json",
                    table=name,
                    file=str(folder),
                )
            )
    return problems


def _verify_rows(files: dict[str, Any]) -> list[Problem]:
    """check_batch on each row group of documents with the item rows of the same documents,
    merged in as they stream past (items are stored in document order)."""
    problems: list[Problem] = []
    documents = files["documents"]
    all_ids: set[str] = set()
    for group in range(documents.num_row_groups):
        all_ids.update(documents.read_row_group(group, columns=["doc_id"]).column("doc_id").to_pylist())
    streams = {name: rows_of(files[name]) for name in TABLE_NAMES if name != "documents"}
    pending: dict[str, dict[str, Any] | None] = {name: next(stream, None) for name, stream in streams.items()}
    for group in range(documents.num_row_groups):
        batch = {"documents": documents.read_row_group(group)}
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
                Problem("table-check", "rows are out of document order", table=name,
                        row=f"{row['doc_id']}/{row['position']}")
            )  # fmt: skip
    return problems


def rows_of(file: Any) -> Iterator[dict[str, Any]]:
    """The rows of a Parquet file as dicts, a few thousand at a time."""
    for batch in file.iter_batches(batch_size=4096):
        yield from batch.to_pylist()
