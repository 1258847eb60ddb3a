"""Adding documents to the seeds: validate each, copy the valid ones in, list them in the manifest."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import rules
from ..builder import ChunkMap
from ..contract import SAFE_FILE_NAME
from ..errors import Problem, Report
from ..intake import DOCUMENT_SUFFIXES, expand
from ..manifest import MANIFEST_NAME, Entry, load_manifest, write_manifest


@dataclass
class AddResult:
    provenance: dict[str, Any] = field(default_factory=dict)  # what every added entry records
    added: list[dict[str, Any]] = field(default_factory=list)
    present: list[dict[str, Any]] = field(default_factory=list)
    invalid: list[Report] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "already_present": self.present,
            "invalid": [r.to_dict() for r in self.invalid],
        }


def _check_chunk(jobs: list[tuple[str, int]]) -> list[tuple[str, str | None, str | None, list[Problem]]]:
    """(path, sha256, language, problems) for each candidate document: a pure function."""
    from ..intake import parse_path

    out = []
    for path, max_bytes in jobs:
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
    seeds = Path(seeds_dir)
    seeds.mkdir(parents=True, exist_ok=True)
    if (seeds / MANIFEST_NAME).exists():
        entries, problems = load_manifest(seeds)
        if problems:
            return AddResult(), problems
    else:
        entries = []
    # A folder gives its documents; a file named on its own is checked whatever its name.
    files = [f for p in paths for f in expand([p]) if not os.path.isdir(p) or f.endswith(DOCUMENT_SUFFIXES)]
    result = AddResult(provenance=provenance)
    index = _Index(seeds, entries)
    with ChunkMap(_check_chunk, files, workers or os.cpu_count() or 1, lambda f: (f, max_bytes)) as mapped:
        for chunk in mapped:
            for path, sha, language, problems in chunk:
                _take(path, sha, language, problems, index, result)
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
    name = Path(path).name
    if not SAFE_FILE_NAME.match(name) or name in index.names or name == MANIFEST_NAME:
        name = f"{sha[:16]}.txt"
    target = index.seeds / name
    tmp = index.seeds / f".{name}.tmp-{os.getpid()}"
    shutil.copyfile(path, tmp)
    os.replace(tmp, target)
    index.append(Entry(file=name, sha256=sha, language=language or "en", **result.provenance))
    result.added.append({"file": path, "as": name, "sha256": sha, "language": language})
