"""What a release records about itself: its inputs, its counts and its manifest.

The manifest lists the versions (dataset, package, schema checksum, Parquet writer), every
input with its checksum, provenance and annotation (`annotated`), every rejected input with
its reasons, every file with its rows, bytes and sha256, and the counts the card and the
changelog print (with the curated documents' counts and figures, when there are any).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .._version import __version__
from ..contract import schema_path
from ..errors import Problem
from ..hashing import sha256_of
from ..info import INFO
from ..parquet_options import PARQUET_OPTIONS
from ..tables import TABLE_NAMES
from .layout import LAYOUT, REJECTED, RELEASE_MANIFEST, manifest_head, table_file, table_path


class Inputs:
    """The inputs of a build, one JSON line each in a file beside the release being built:
    at 100,000 documents they would otherwise hold tens of megabytes through the whole build.
    They are read back, one at a time, when iterated (the manifest lists them)."""

    def __init__(self, path: Path):
        self.path = path
        self.count = 0
        self._handle: Any = open(path, "w", encoding="utf-8")

    def append(self, item: dict[str, Any]) -> None:
        self._handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        self.count += 1

    def close(self) -> None:
        self._handle.close()

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[dict[str, Any]]:
        if not self._handle.closed:
            self._handle.flush()
        with open(self.path, encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)


class Stats:
    """Counts for the manifest and the card, gathered while documents stream past."""

    def __init__(self) -> None:
        self.documents = 0
        self.languages = Counter[str]()
        self.outlets = Counter[str]()
        self.first: str | None = None
        self.last: str | None = None
        self.undated = 0

    def add(self, table: Any) -> None:
        self.documents += table.num_rows
        self.languages.update(str(x) for x in table.column("language").to_pylist())
        self.outlets.update(
            str(x) if x is not None else "unknown" for x in table.column("outlet").to_pylist()
        )
        for value in table.column("published").to_pylist():
            if value is None:
                self.undated += 1
            else:
                day = value.isoformat()
                self.first = day if self.first is None else min(self.first, day)
                self.last = day if self.last is None else max(self.last, day)

    def to_dict(self) -> dict[str, Any]:
        return {
            "languages": dict(sorted(self.languages.items())),
            "outlets": dict(sorted(self.outlets.items())),
            "published": {
                "first": self.first,
                "last": self.last,
                "undated": self.undated,
            },
        }


# SOURCE_DATE_EPOCH as the reproducible-builds convention gives it: ASCII digits, seconds since
# 1970-01-01 UTC; at most the last second of 9999, the last day written YYYY-MM-DD.
MAX_SOURCE_DATE_EPOCH = 253_402_300_799


def source_date_problem() -> Problem | None:
    """Why SOURCE_DATE_EPOCH, when set, cannot date a release (None when it can, or is unset)."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    if not (epoch.isascii() and epoch.isdigit()) or int(epoch) > MAX_SOURCE_DATE_EPOCH:
        shown = epoch if len(epoch) <= 40 else epoch[:39] + "…"
        return Problem(
            "bad-source-date-epoch",
            f"SOURCE_DATE_EPOCH is {shown!r}, not a time a release can be dated "
            f"(at most {MAX_SOURCE_DATE_EPOCH})",
        )
    return None


def released(existing: Path | None = None) -> str:
    """The day a release is built (UTC), which Croissant gives as its datePublished: that of
    the release `existing` when this build is a rebuild of it (so that it reproduces it), else
    SOURCE_DATE_EPOCH's when it is set (the reproducible-builds convention), else today's."""
    import datetime as dt
    import os

    if existing is not None and (existing / RELEASE_MANIFEST).is_file():
        try:
            day = manifest_head(existing).get("released")
            return dt.date.fromisoformat(day).isoformat()
        except (ValueError, TypeError, OSError):
            pass  # a release of layout 1 records no day; a broken one is refused later anyway
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.date().isoformat()


def schema_sha256() -> str:
    return sha256_of(schema_path())


def release_manifest(
    version: str,
    folder: Path,
    inputs: Inputs,
    rejected: list[dict[str, Any]],
    rows: Counter[str],
    stats: Stats,
    duplicates: int,
    hub_repo: str = INFO.hub_repo,
    existing: Path | None = None,
    curated: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The manifest of the release in `folder`; `existing` is the release of that version
    already published, if this build is a rebuild of it (whose day it keeps); `curated` the
    counts and figures of the curated documents (`annotated.curated_block`), when there are any."""
    import pyarrow

    tables = {}
    for name in TABLE_NAMES:
        path = table_file(folder, name, LAYOUT)
        tables[name] = {
            "file": table_path(name, LAYOUT),
            "rows": rows[name],
            "bytes": path.stat().st_size,
            "sha256": sha256_of(path),
        }
    files = {}
    if rejected:
        path = folder / REJECTED
        files[REJECTED] = {"bytes": path.stat().st_size, "sha256": sha256_of(path), "rows": len(rejected)}
    manifest = {
        "dataset": INFO.name,
        "hub_repo": hub_repo,
        "layout": LAYOUT,
        "released": released(existing),
        "version": version,
        "package_version": __version__,
        "schema_sha256": schema_sha256(),
        "writer": {"pyarrow": pyarrow.__version__, **PARQUET_OPTIONS},
        "inputs": list(inputs),
        "rejected": [{"file": r["file"], "reasons": [p["message"] for p in r["problems"]]} for r in rejected],
        "tables": tables,
        "files": files,
        "counts": {**stats.to_dict(), "documents": stats.documents, "duplicates": duplicates},
    }
    if curated is not None:  # a release without annotations keeps the manifest's shape of before
        manifest["curated"] = curated
    return manifest
