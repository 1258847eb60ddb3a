"""The manifest checked against what it describes: nothing in it is taken on its word.

`verify` recomputes checksums and runs the table checks; this module makes sure the manifest
itself holds no claim the data does not support:

- it is strict JSON (no NaN or Infinity, no key twice, bounded size and depth) and valid
  against `schema/release_manifest.schema.json`;
- the release folder holds exactly the files it lists, each a regular file at a plain
  relative path inside the folder (no symlink anywhere, nothing unlisted);
- every field that can be derived equals what the data gives: the version is the folder's
  name; the row counts, the hf rows and the counts (documents, languages, outlets, dates,
  duplicates) are the tables'; each input is a document's file, checksum, language and
  provenance; the rejected list is rejected.jsonl's; the schema checksum is that of the
  shipped schema of the records' version.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from ..contract import load_schema, schema_path
from ..errors import Problem
from ..manifest import sha256_of
from .layout import REJECTED, RELEASE_MANIFEST

# The documents' columns the manifest's derived fields come from.
_DOCUMENT_FACTS = ("doc_id", "source_file", "raw_sha256", "language", "source_url", "outlet", "rights",
                   "obtained", "published", "duplicate_of", "schema_version")  # fmt: skip


def listed_paths(manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every file the manifest lists, by its path inside the release, with its entry."""
    out = {meta["file"]: meta for meta in manifest["tables"].values()}
    out.update(manifest["files"])
    out[RELEASE_MANIFEST] = {}
    return out


def exact_contents(folder: Path, manifest: dict[str, Any]) -> list[Problem]:
    """The folder holds the listed files and nothing else, none of them a link."""
    problems = []
    listed = listed_paths(manifest)
    for name, meta in manifest["tables"].items():
        if meta["file"] != f"{name}.parquet":
            problems.append(
                Problem("release-invalid", f"table {name} must be {name}.parquet", file=str(folder))
            )
    found: set[str] = set()
    stack = [folder]
    while stack:
        current = stack.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                relative = os.path.relpath(entry.path, folder).replace(os.sep, "/")
                if entry.is_symlink():
                    problems.append(Problem("release-invalid", "a release holds no links", file=entry.path))
                elif entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif not entry.is_file(follow_symlinks=False):
                    problems.append(Problem("release-invalid", "not a regular file", file=entry.path))
                elif relative not in listed:
                    problems.append(
                        Problem("release-invalid", "a file the manifest does not list", file=entry.path)
                    )
                else:
                    found.add(relative)
    for missing in sorted(set(listed) - found):
        if not (folder / missing).is_symlink():
            problems.append(Problem("release-invalid", "the file is missing", file=str(folder / missing)))
    return problems


def derived_fields(folder: Path, manifest: dict[str, Any], files: dict[str, Any]) -> list[Problem]:
    """Every manifest field the data determines, recomputed and compared."""
    problems = []

    def differs(field: str, claimed: Any, actual: Any) -> None:
        if claimed != actual:
            problems.append(
                Problem("release-invalid", f"manifest.json says {claimed!r}, the data gives {actual!r}",
                        file=str(folder / RELEASE_MANIFEST), pointer=field)
            )  # fmt: skip

    differs("/version", manifest["version"], folder.name)
    documents = files["documents"].read(columns=list(_DOCUMENT_FACTS)).to_pylist()
    differs("/inputs", manifest["inputs"], [_input_of(row) for row in documents])
    differs("/counts", manifest["counts"], _counts(documents))
    for path, meta in manifest["files"].items():
        if path.endswith(".parquet") and "rows" in meta:
            differs(f"/files/{path}/rows", meta["rows"], _parquet_rows(folder / path))
    differs("/rejected", manifest["rejected"], _rejected(folder, manifest))
    versions = sorted({row["schema_version"] for row in documents})
    expected = [_schema_sha256(v) for v in versions] or [sha256_of(schema_path())]
    if manifest["schema_sha256"] not in expected or len(set(expected)) != 1:
        differs("/schema_sha256", manifest["schema_sha256"], expected[0])
    return problems


def _input_of(row: dict[str, Any]) -> dict[str, Any]:
    return {"file": row["source_file"], "sha256": row["raw_sha256"], "doc_id": row["doc_id"],
            "language": str(row["language"]), "url": row["source_url"], "outlet": row["outlet"],
            "rights": row["rights"], "obtained": row["obtained"]}  # fmt: skip


def _counts(rows: list[dict[str, Any]]) -> dict[str, Any]:
    dated = sorted(row["published"].isoformat() for row in rows if row["published"] is not None)
    outlets = Counter(row["outlet"] if row["outlet"] is not None else "unknown" for row in rows)
    return {
        "documents": len(rows),
        "duplicates": sum(row["duplicate_of"] is not None for row in rows),
        "languages": dict(sorted(Counter(str(row["language"]) for row in rows).items())),
        "outlets": dict(sorted(outlets.items())),
        "published": {
            "first": dated[0] if dated else None,
            "last": dated[-1] if dated else None,
            "undated": len(rows) - len(dated),
        },
    }


def _parquet_rows(path: Path) -> int | None:
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path).metadata.num_rows
    except Exception:  # an unreadable file is reported by the checks of its own
        return None


def _rejected(folder: Path, manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """rejected.jsonl read as the manifest summarises it: each file with its reasons."""
    path = folder / REJECTED
    if REJECTED not in manifest["files"] or not path.is_file():
        return []
    out = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            out.append({"file": item["file"], "reasons": [p["message"] for p in item["problems"]]})
    return out


@cache
def _schema_sha256(version: str) -> str | None:
    """The checksum of the shipped record schema of a version (older ones under history/)."""
    current = schema_path()
    if load_schema()["properties"]["schema_version"]["const"] == version:
        return sha256_of(current)
    old = current.parent / "history" / f"press_release-{version}.schema.json"
    return sha256_of(old) if old.is_file() else None
