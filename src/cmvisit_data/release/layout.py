"""Where a release's files are, and how they are written: the layout every reader uses.

A release is `build/<version>/`: one Parquet file per table, `manifest.json`, the `hf/`
folder and, when rejects were allowed, `rejected.jsonl`; `build/CHANGELOG.md` sits beside
the versions. Writes are atomic: a release is assembled in a temporary folder, flushed to
disk and renamed into place under a per-version lock the kernel releases if the process
dies. The loader, verify, diff and the changelog read releases through this module only.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..atomic import write_atomic

__all__ = ["write_atomic"]

VERSION_RE = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
RELEASE_MANIFEST = "manifest.json"
REJECTED = "rejected.jsonl"
CHANGELOG = "CHANGELOG.md"


def table_file(release: str | os.PathLike[str], table: str) -> Path:
    """The Parquet file of one table of a release."""
    return Path(release) / f"{table}.parquet"


def read_manifest(release: str | os.PathLike[str]) -> dict[str, Any]:
    """A release's manifest.json."""
    return json.loads((Path(release) / RELEASE_MANIFEST).read_text(encoding="utf-8"))


def versions(out_root: str | os.PathLike[str]) -> list[str]:
    """Release versions under out_root, oldest first."""
    root = Path(out_root)
    if not root.is_dir():
        return []
    found = [p.name for p in root.iterdir() if VERSION_RE.match(p.name) and (p / RELEASE_MANIFEST).is_file()]
    return sorted(found, key=lambda v: tuple(int(x) for x in v.split(".")))


def manifest_head(release: Path) -> dict[str, Any]:
    """A release's manifest without its (long) list of inputs, read without loading it."""
    decoder = json.JSONDecoder()
    text = (release / RELEASE_MANIFEST).read_text(encoding="utf-8")
    start = text.find('"inputs": [')
    if start < 0:
        return json.loads(text)
    # Skip the inputs array by decoding it value by value, keeping nothing.
    pos = start + len('"inputs": [')
    while True:
        while text[pos] in " \n\t,":
            pos += 1
        if text[pos] == "]":
            break
        _, pos = decoder.raw_decode(text, pos)
    head = text[:start] + '"inputs": []' + text[pos + 1 :]
    return json.loads(head)


# --- writing ---------------------------------------------------------------------------


@contextlib.contextmanager
def lock(out_root: Path, version: str) -> Iterator[bool]:
    """An exclusive lock per version, released by the kernel if the process dies."""
    import fcntl

    path = out_root / f".{version}.lock"
    handle = open(path, "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        handle.close()


def remove_stale(out_root: Path, version: str) -> None:
    """Temporary folders of this version left by killed builds (we hold the lock)."""
    for stale in out_root.glob(f".tmp-{version}-*"):
        shutil.rmtree(stale, ignore_errors=True)


def fsync_tree(folder: Path) -> None:
    """Flush every file and folder of a release to disk before it is renamed into place."""
    for path in sorted(folder.rglob("*"), reverse=True):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_json(path: Path, value: Any) -> None:
    """json.dumps(value, indent=2, sort_keys=True) + newline, written piece by piece."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, sort_keys=True)
    with open(path, "w", encoding="utf-8") as handle:
        for piece in encoder.iterencode(value):
            handle.write(piece)
        handle.write("\n")
