"""Adding documents to the seeds: validate each, copy the valid ones in, list them in the manifest.

Safe against what a hostile folder or a second `add` could do: the seeds' lock is held from
reading the manifest to writing it; links and anything but regular files are refused; the
bytes copied are the bytes checked (read once, hashed, compared with what was validated);
temporary files are created exclusively under unpredictable names, and a file is never
overwritten (it is linked into place, which fails when the name is taken).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import rules
from ..atomic import exclusive_temp
from ..builder import ChunkMap
from ..contract import PROVENANCE_FIELDS, SAFE_FILE_NAME, empty_provenance
from ..errors import Problem, Report
from ..inputs import open_regular
from ..intake import DOCUMENT_SUFFIXES, expand
from ..manifest import MANIFEST_NAME, Entry, load_manifest, provenance_problems, write_manifest


@dataclass
class AddResult:
    provenance: dict[str, Any] = field(default_factory=dict)  # what every added entry records
    skipped: list[str] = field(default_factory=list)  # files in the folders given that are not documents
    added: list[dict[str, Any]] = field(default_factory=list)
    present: list[dict[str, Any]] = field(default_factory=list)
    invalid: list[Report] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "already_present": self.present,
            "invalid": [r.to_dict() for r in self.invalid],
            "skipped": self.skipped,
        }


def _check_chunk(jobs: list[tuple[str, int]]) -> list[tuple[str, str | None, str | None, list[Problem]]]:
    """(path, sha256, language, problems) for each candidate document: a pure function."""
    from ..intake import parse_path

    out = []
    for path, max_bytes in jobs:
        if os.path.islink(path):
            out.append(
                (path, None, None, [Problem("not-a-file", "a link: only regular files are added", file=path)])
            )
            continue
        record, problems = parse_path(path, max_bytes)
        if record is None:
            out.append((path, None, None, problems))
        else:
            out.append((path, record["source"]["sha256"], record["metadata"]["language"], []))
    return out


def add(
    paths: list[str],
    seeds_dir: str | os.PathLike[str],
    provenance: dict[str, Any],
    workers: int | None = None,
    max_bytes: int = rules.DEFAULT_MAX_BYTES,
) -> tuple[AddResult, list[Problem]]:
    """Validate documents and copy the valid ones into the seeds folder with manifest entries."""
    problems = provenance_problems(provenance)
    if problems:
        return AddResult(), problems
    seeds = Path(seeds_dir)
    seeds.mkdir(parents=True, exist_ok=True)
    with _seeds_lock(seeds):
        return _add_locked(paths, seeds, provenance, workers, max_bytes)


@contextlib.contextmanager
def _seeds_lock(seeds: Path) -> Iterator[None]:
    """The seeds folder's lock: one `add` at a time reads and rewrites the manifest."""
    import fcntl

    fd = os.open(seeds / ".seeds.lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # waits for the other add to finish
        yield
    finally:
        os.close(fd)


def _add_locked(
    paths: list[str], seeds: Path, provenance: dict[str, Any], workers: int | None, max_bytes: int
) -> tuple[AddResult, list[Problem]]:
    if (seeds / MANIFEST_NAME).exists():
        entries, problems = load_manifest(seeds)
        if problems:
            return AddResult(), problems
    else:
        entries = []
    # A folder gives its documents; a file named on its own is checked whatever its name.
    files, skipped = expand(paths, DOCUMENT_SUFFIXES)
    result = AddResult(
        skipped=skipped,
        provenance={**empty_provenance(), **{k: provenance.get(k) for k in PROVENANCE_FIELDS}},
    )
    index = _Index(seeds, entries)
    try:
        with ChunkMap(
            _check_chunk, files, workers or os.cpu_count() or 1, lambda f: (f, max_bytes)
        ) as mapped:
            for chunk in mapped:
                for path, sha, language, problems in chunk:
                    _take(path, sha, language, problems, index, result)
    finally:
        # Interrupted or not, every file copied in is listed: nothing is left half-added.
        if result.added:
            write_manifest(seeds, index.entries)
    return result, []


class _Index:
    """The seeds' entries, by checksum and by name, kept up to date as documents are added."""

    def __init__(self, seeds: Path, entries: list[Entry]):
        self.seeds = seeds
        self.entries = entries
        self.by_sha = {e.sha256: e for e in entries}
        self.names = {e.file for e in entries}

    def append(self, entry: Entry) -> None:
        self.entries.append(entry)
        self.by_sha[entry.sha256] = entry
        self.names.add(entry.file)


def _take(
    path: str,
    sha: str | None,
    language: str | None,
    problems: list[Problem],
    index: _Index,
    result: AddResult,
) -> None:
    """One checked document: reported invalid, already present, or copied in with an entry."""
    if sha is None:
        result.invalid.append(Report(file=path, kind="document", problems=problems))
        return
    present = index.by_sha.get(sha)
    if present is not None:
        result.present.append({"file": path, "as": present.file})
        return
    data, problem = _read_checked(path, sha)
    if problem is not None:
        result.invalid.append(Report(file=path, kind="document", problems=[problem]))
        return
    name = Path(path).name
    if not SAFE_FILE_NAME.match(name) or name in index.names or name == MANIFEST_NAME:
        name = f"{sha[:16]}.txt"
    name = _place(index.seeds, name, data, sha)
    if name is None:
        clash = Problem("add-conflict", "seeds/ holds other bytes under this name and under its checksum's",
                        file=path)  # fmt: skip
        result.invalid.append(Report(file=path, kind="document", problems=[clash]))
        return
    index.append(Entry(file=name, sha256=sha, language=language or "en", **result.provenance))
    result.added.append({"file": path, "as": name, "sha256": sha, "language": language})


def _read_checked(path: str, sha: str) -> tuple[bytes, Problem | None]:
    """The file's bytes, read once without following a link, and that they are the bytes
    validated (a file swapped since its check is refused)."""
    handle, problems = open_regular(path, follow_links=False)
    if handle is None:
        return b"", problems[0]
    with handle:
        data = handle.read()
    if hashlib.sha256(data).hexdigest() != sha:
        return b"", Problem(
            "checksum-mismatch", "the file changed after it was checked; add it again", file=path
        )
    return data, None


def _place(seeds: Path, name: str, data: bytes, sha: str) -> str | None:
    """Put data into seeds/ under name (or, if taken, under its checksum's name) without ever
    replacing a file; returns the name used, or None when both names hold other bytes."""
    tmp = exclusive_temp(seeds, data, "add-")
    try:
        for candidate in dict.fromkeys((name, f"{sha[:16]}.txt")):
            try:
                os.link(tmp, seeds / candidate)  # fails, and replaces nothing, if the name exists
                return candidate
            except FileExistsError:
                existing = seeds / candidate
                if not existing.is_symlink() and existing.is_file() and existing.read_bytes() == data:
                    return candidate  # the same bytes, already there but not listed
        return None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
