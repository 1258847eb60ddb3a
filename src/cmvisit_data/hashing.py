"""SHA-256 of files, read in blocks: the checksums the seeds manifest, a release's manifest,
the changelog and the Hub folder record."""

from __future__ import annotations

import hashlib
import os
from typing import Any

BLOCK = 1 << 20  # bytes read at a time: a large file is never held whole


def sha256_of(path: str | os.PathLike[str]) -> str:
    with open(path, "rb") as handle:
        return sha256_of_handle(handle)


def sha256_of_handle(handle: Any) -> str:
    """The sha256 of what is left to read of an open file."""
    digest = hashlib.sha256()
    for block in iter(lambda: handle.read(BLOCK), b""):
        digest.update(block)
    return digest.hexdigest()
