"""Adding documents to the seeds: validate each, copy the valid ones in, list them in the manifest.

Where each document came from is given per file, by a provenance table (`provenance`), or
by one provenance for a single document; one provenance for several documents is refused unless
the caller confirms it (`same_provenance`). Nothing is added when the table or a value has a
problem. The seeds folder must hold its manifest already: only `init` starts a new one.

Safe against what a hostile folder or a second `add` could do: the seeds' lock is held from
reading the manifest to writing it; links and anything but regular files are refused; the
bytes copied are the bytes checked (read once, hashed, compared with what was validated);
temporary files are created exclusively under unpredictable names, and a file is never
overwritten (it is linked into place, which fails when the name is taken).

Safe against being stopped: every entry is written to the seeds' journal, flushed, before its
file is linked in, so a run killed at any point (SIGKILL included) leaves every file it placed
named there, and the next add, validate or build lists them (`manifest.recover`). Ctrl-C and
SIGTERM list them at once. A failed write (a full disk) removes every file this run placed and
leaves the manifest as it was: the add is undone whole, and says so in one line.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import rules
from ..atomic import exclusive_temp, write_problem
from ..contract import PROVENANCE_FIELDS, SAFE_FILE_NAME, empty_provenance
from ..engines.local import ChunkMap, terminate_as_interrupt
from ..errors import CmvisitError, Problem, Report
from ..inputs import HTML_SUFFIXES, open_regular
from .folders import DOCUMENT_SUFFIXES, expand, unsupported
from .manifest import (
    MANIFEST_NAME,
    Entry,
    end_journal,
    journal,
    load_manifest,
    provenance_problems,
    recover,
    seeds_lock,
    seeds_missing,
    start_seeds,
    write_manifest,
)

Progress = Callable[[int, int], None]  # (documents checked, documents given)


@dataclass
class AddResult:
    skipped: list[str] = field(default_factory=list)  # files in the folders given that are not documents
    added: list[dict[str, Any]] = field(default_factory=list)
    present: list[dict[str, Any]] = field(default_factory=list)
    invalid: list[Report] = field(default_factory=list)


def _check_chunk(jobs: list[tuple[str, int]]) -> list[tuple[str, str | None, str | None, list[Problem]]]:
    """(path, sha256, language, problems) for each candidate document: a pure function."""
    from ..record import parse_path

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
    provenance: dict[str, Any] | None = None,
    workers: int | None = None,
    max_bytes: int = rules.DEFAULT_MAX_BYTES,
    *,
    table: str | os.PathLike[str] | None = None,
    same_provenance: bool = False,
    init: bool = False,
    progress: Progress | None = None,
    skip_unsupported: bool = False,
) -> tuple[AddResult, list[Problem]]:
    """Validate documents and copy the valid ones into the seeds folder with manifest entries.

    Each entry records the provenance of its document: its row of the provenance `table`
    (a .csv or .jsonl file), or `provenance` (url, outlet, rights, obtained; None where not
    known), which may be given for several documents only with `same_provenance`. The seeds
    folder must hold its manifest.json, unless `init` starts one there. A file a folder holds
    that is no document is an invalid input of its own, unless `skip_unsupported`."""
    given = {k: v for k, v in (provenance or {}).items() if k in PROVENANCE_FIELDS}
    shared = {**empty_provenance(), **given}
    problems = provenance_problems(shared)
    if problems:
        return AddResult(), problems
    files, skipped = expand(paths, DOCUMENT_SUFFIXES)  # a folder gives its documents
    skipped, unread = unsupported(skipped, skip_unsupported)
    per_file, problems = _provenance_per_file(files, paths, shared, table, same_provenance)
    if problems:
        return AddResult(skipped=skipped), problems
    seeds = Path(seeds_dir)
    if not init and not os.path.lexists(seeds / MANIFEST_NAME):
        return AddResult(skipped=skipped), [seeds_missing([seeds / MANIFEST_NAME], True, _INIT)]
    try:
        if init:
            start_seeds(seeds)
        with terminate_as_interrupt(), seeds_lock(seeds):  # waits for another add to finish
            recover(seeds)  # what an add that was killed placed is listed first
            run = _Run(files, skipped, per_file, workers, max_bytes, progress)
            result, problems = _add_locked(run, seeds)
            result.invalid[:0] = [Report(file=p.file, kind="document", problems=[p]) for p in unread]
            return result, problems
    except CmvisitError as exc:
        return AddResult(), exc.problems
    except OSError as exc:
        return AddResult(), [write_problem(exc, "nothing was added", seeds)]


_INIT = "cmvisit add --init starts a new seeds folder there"


def _provenance_per_file(
    files: list[str],
    paths: list[str],
    shared: dict[str, Any],
    table: str | os.PathLike[str] | None,
    same_provenance: bool,
) -> tuple[Callable[[str], dict[str, Any]], list[Problem]]:
    """Each document's provenance: its row of the table, or the one provenance given, which
    is refused for several documents unless confirmed (one URL for five pages is a mistake
    far more often than a fact)."""
    from .provenance import match_table

    options = [f"--{k}" for k, v in shared.items() if v is not None]
    if table is not None:
        if options or same_provenance:
            given = ", ".join(options + (["--same-provenance"] if same_provenance else []))
            what = f"{given} given with a provenance table: the table gives each document's provenance"
            hint = "Give the values in the table's columns, or leave the table out for one document."
            return (lambda path: shared), [Problem("provenance-invalid", what, file=str(table), hint=hint)]
        rows, problems = match_table(table, files, paths)
        return (lambda path: rows[path]), problems
    if options and len(files) > 1 and not same_provenance:
        what = f"{', '.join(options)} would give {len(files):,} documents the same provenance"
        hint = (
            "Give a provenance table, one row per file (--provenance sources.csv or .jsonl: file, url, "
            "outlet, rights, obtained), or --same-provenance if every document truly shares it."
        )
        return (lambda path: shared), [Problem("provenance-invalid", what, hint=hint)]
    return (lambda path: shared), []


@dataclass
class _Run:
    """What one add is given: the documents, those skipped, each one's provenance, and how."""

    files: list[str]
    skipped: list[str]
    provenance: Callable[[str], dict[str, Any]]
    workers: int | None
    max_bytes: int
    progress: Progress | None


def _add_locked(run: _Run, seeds: Path) -> tuple[AddResult, list[Problem]]:
    entries, problems = load_manifest(seeds)
    if problems:
        return AddResult(skipped=run.skipped), problems
    result = AddResult(skipped=run.skipped)
    index = _Index(seeds, entries, run.provenance)
    done = 0
    try:
        workers = run.workers or os.cpu_count() or 1
        with ChunkMap(_check_chunk, run.files, workers, lambda f: (f, run.max_bytes)) as mapped:
            for chunk in mapped:
                _take_chunk(chunk, index, result)
                done += len(chunk)
                if run.progress is not None:
                    run.progress(done, len(run.files))
        if result.added:
            write_manifest(seeds, index.entries)
    except OSError as exc:  # a full disk, and the like: the add is undone whole
        removed = _roll_back(index)
        undone = AddResult(skipped=result.skipped, invalid=result.invalid)
        what = f"nothing was added ({removed} placed and removed again), and the manifest is as it was"
        return undone, [write_problem(exc, what, seeds)]
    except BaseException:
        # Interrupted (Ctrl-C, SIGTERM): every file copied in is listed, from the journal.
        recover(seeds)
        raise
    end_journal(seeds)
    return result, []


def _roll_back(index: _Index) -> int:
    """Remove every file this run linked into seeds/, then its journal; returns how many."""
    for path in index.placed:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
    end_journal(index.seeds)
    return len(index.placed)


class _Index:
    """The seeds' entries, by checksum and by name, kept up to date as documents are added,
    and the files this run linked in (removed again if the add fails)."""

    def __init__(self, seeds: Path, entries: list[Entry], provenance: Callable[[str], dict[str, Any]]):
        self.seeds = seeds
        self.provenance = provenance  # each document's, by its path as given
        self.entries = entries
        self.by_sha = {e.sha256: e for e in entries}
        self.names = {e.file for e in entries}
        self.placed: list[Path] = []

    def append(self, entry: Entry) -> None:
        self.entries.append(entry)
        self.by_sha[entry.sha256] = entry
        self.names.add(entry.file)


@dataclass
class _Ready:
    """A checked document whose bytes wait in a temporary file in seeds/, and the names it may
    take there (its own, else its checksum's)."""

    path: str
    sha: str
    language: str
    tmp: Path
    names: tuple[str, ...]
    provenance: dict[str, Any]


def _take_chunk(
    chunk: list[tuple[str, str | None, str | None, list[Problem]]], index: _Index, result: AddResult
) -> None:
    """One chunk of checked documents: the invalid reported, those already present noted, and
    the others copied in: their bytes written beside the seeds, their entries journaled (under
    every name they may take) and flushed, and only then linked in."""
    ready: list[_Ready] = []
    try:
        for path, sha, language, problems in chunk:
            item = _prepare(path, sha, language, problems, index, result)
            if item is not None:
                ready.append(item)
        journal(index.seeds, [_entry(item, name) for item in ready for name in item.names])
        for item in ready:
            _link(item, index, result)
    finally:
        for item in ready:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(item.tmp)


def _prepare(
    path: str,
    sha: str | None,
    language: str | None,
    problems: list[Problem],
    index: _Index,
    result: AddResult,
) -> _Ready | None:
    """One checked document: reported invalid, already present, or its bytes (read again and
    compared with those checked) written to a temporary file in seeds/."""
    if sha is None:
        result.invalid.append(Report(file=path, kind="document", problems=problems))
        return None
    present = index.by_sha.get(sha)
    if present is not None:
        item = {"file": path, "as": present.file}
        if present.provenance() != index.provenance(path):
            item["provenance"] = {"listed": present.provenance(), "given": index.provenance(path)}
        result.present.append(item)
        return None
    data, problem = _read_checked(path, sha)
    if problem is not None:
        result.invalid.append(Report(file=path, kind="document", problems=[problem]))
        return None
    name = Path(path).name
    if not SAFE_FILE_NAME.match(name) or name in index.names or name == MANIFEST_NAME:
        name = f"{sha[:16]}{_suffix(path)}"
    tmp = exclusive_temp(index.seeds, data, "add-")
    # Held once per checksum: a second copy of the same bytes in this run is already present.
    index.by_sha[sha] = Entry(name, sha, language or "en", **index.provenance(path))
    names = tuple(dict.fromkeys((name, f"{sha[:16]}{_suffix(path)}")))
    return _Ready(path, sha, language or "en", tmp, names, index.provenance(path))


def _suffix(path: str) -> str:
    """The suffix a document keeps in seeds/: .html or .htm for a page, .txt for any other."""
    suffix = Path(path).suffix.lower()
    return suffix if suffix in HTML_SUFFIXES else ".txt"


def _entry(item: _Ready, name: str) -> Entry:
    return Entry(file=name, sha256=item.sha, language=item.language, **item.provenance)


def _link(item: _Ready, index: _Index, result: AddResult) -> None:
    """Link a prepared document in under the first of its names that is free (or that holds
    its bytes already, unlisted), without ever replacing a file; a clash on both is reported."""
    for candidate in item.names:
        if candidate in index.names:
            continue
        target = index.seeds / candidate
        try:
            os.link(item.tmp, target)  # fails, and replaces nothing, if the name exists
            index.placed.append(target)
        except FileExistsError:
            if not _holds_bytes(target, item.tmp):
                continue  # the same bytes, already there but not listed, are taken as they are
        index.append(_entry(item, candidate))  # in place of _prepare's placeholder
        added = {"file": item.path, "as": candidate, "sha256": item.sha, "language": item.language,
                 "provenance": item.provenance}  # fmt: skip
        result.added.append(added)
        return
    del index.by_sha[item.sha]  # the placeholder _prepare held
    clash = Problem("add-conflict", "seeds/ holds other bytes under this name and under its checksum's",
                    file=item.path)  # fmt: skip
    result.invalid.append(Report(file=item.path, kind="document", problems=[clash]))


def _holds_bytes(existing: Path, tmp: Path) -> bool:
    """Whether existing is a regular file (not a link) with the bytes of tmp."""
    handle, _ = open_regular(existing, follow_links=False)
    if handle is None:
        return False
    with handle:
        return handle.read() == tmp.read_bytes()


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
