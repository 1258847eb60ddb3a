"""Writing a file so that readers see the old bytes or the new, never a part, and so that no
prepared link can redirect the write."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def exclusive_temp(folder: Path, data: bytes, prefix: str = "") -> Path:
    """data in a new file in folder under a random name, created exclusively and without
    following a link (no name an attacker prepared can redirect it), flushed to disk."""
    import secrets

    tmp = folder / f".{prefix}tmp-{secrets.token_hex(8)}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp


def write_atomic(path: Path, data: bytes) -> None:
    """Replace path with data: an exclusive temporary file beside it, renamed into place."""
    tmp = exclusive_temp(path.parent, data, f"{path.name}.")
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
