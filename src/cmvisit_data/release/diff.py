"""Comparing releases: the documents added, removed and changed, and rows per table. (The
changelog is `changelog`'s.)"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from ..errors import CmvisitError, Problem
from ..tables import TABLE_NAMES
from .layout import read_manifest
from .verify import rows_of


def diff(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> dict[str, Any]:
    """Documents added, removed and changed (by doc_id) and row counts per table, A -> B.
    Raises CmvisitError naming a release that cannot be read."""
    ma, mb = read_manifest(a), read_manifest(b)
    left, right = _readable_digests(Path(a)), _readable_digests(Path(b))
    return {
        "from": ma["version"],
        "to": mb["version"],
        "added": sorted(set(right) - set(left)),
        "removed": sorted(set(left) - set(right)),
        "changed": sorted(k for k in set(left) & set(right) if left[k] != right[k]),
        "rows": {
            name: {"from": ma["tables"][name]["rows"], "to": mb["tables"][name]["rows"]}
            for name in TABLE_NAMES
        },
    }


def _readable_digests(folder: Path) -> dict[str, str]:
    try:
        return digests(folder)
    except Exception as exc:  # a table that is not Parquet, or not the release's: named
        message = (
            f"its tables cannot be read ({type(exc).__name__}: {str(exc)[:200]}); run cmvisit verify on it"
        )
        raise CmvisitError([Problem("release-invalid", message, file=str(folder))]) from None


def digests(folder: Path) -> dict[str, str]:
    """doc_id -> a digest of all its rows in every table."""
    import pyarrow.parquet as pq

    hashers: dict[str, Any] = {}
    for name in TABLE_NAMES:
        for row in rows_of(pq.ParquetFile(folder / f"{name}.parquet")):
            hasher = hashers.setdefault(row["doc_id"], hashlib.sha256())
            hasher.update(name.encode())
            hasher.update(json.dumps(row, sort_keys=True, default=str, ensure_ascii=False).encode())
    return {k: v.hexdigest() for k, v in hashers.items()}
