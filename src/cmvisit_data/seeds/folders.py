"""Which files a command reads from the paths it is given: each file given, and the files
under each folder given with an input's suffix (documents, record files), sorted; every
other file a folder holds is named as skipped. The files an `add` keeps in a seeds folder
while it runs (its journal, lock and temporary files) are never inputs."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import Problem
from ..inputs import HTML_SUFFIXES
from .manifest import ADD_TEMPORARY, JOURNAL_NAME, LOCK_NAME

DOCUMENT_SUFFIXES = (".txt", *HTML_SUFFIXES)
RECORD_SUFFIXES = (".json", ".jsonl")


def expand(
    paths: list[str], suffixes: tuple[str, ...] = DOCUMENT_SUFFIXES + RECORD_SUFFIXES
) -> tuple[list[str], list[str]]:
    """(files to read, files skipped): each file given is read whatever its name; a folder
    gives the files under it with one of `suffixes`, sorted, and names every other file it
    holds as skipped, so that nothing is left out unsaid. Every command reads folders so."""
    files: list[str] = []
    skipped: list[str] = []
    for path in paths:
        if not os.path.isdir(path):
            files.append(path)
            continue
        for found in sorted(p for p in Path(path).rglob("*") if p.is_file() or p.is_symlink()):
            if _bookkeeping(found.name):
                continue  # an add's own journal, lock or temporary file: never an input
            (files if found.suffix in suffixes else skipped).append(str(found))
    return files, skipped


def unsupported(skipped: list[str], skip: bool) -> tuple[list[str], list[Problem]]:
    """(files still named as skipped, problems) for the files a folder held that no command
    reads: each is a problem of its own (a PDF left in a folder of pages is work undone, not
    a detail), unless `skip` (--skip-unsupported) names it as skipped. A record file skipped
    by a command on documents, and a hidden file (.DS_Store and the like), stay skipped."""
    if skip:
        return skipped, []
    kept: list[str] = []
    problems: list[Problem] = []
    for path in skipped:
        name, suffix = Path(path).name, Path(path).suffix
        if suffix != suffix.lower() and suffix.lower() in DOCUMENT_SUFFIXES:
            # "PAGE.TXT": a document whose suffix a folder's search does not match (they are
            # matched as written, as the seeds manifest names its files).
            problems.append(Problem("unsupported-file", f"{suffix}: a document's suffix in capitals; it is not read",
                                    file=path, hint=f"Rename it with {suffix.lower()}."))  # fmt: skip
            continue
        if name.startswith(".") or suffix.lower() in DOCUMENT_SUFFIXES + RECORD_SUFFIXES:
            kept.append(path)
            continue
        kind = suffix.lower() or "a file with no suffix"
        problems.append(Problem("unsupported-file", f"{kind}: not a document or record file; it is not read",
                                file=path, hint=UNSUPPORTED_HINT))  # fmt: skip
    return kept, problems


UNSUPPORTED_HINT = (
    "Save the document's text as .txt or the page as .html, or move the file out of the folder; "
    "--skip-unsupported passes over such files."
)


def _bookkeeping(name: str) -> bool:
    """Whether name is one of the files an add keeps in the seeds folder while it runs (read
    as a .jsonl record file, an interrupted add's journal gave thousands of false errors)."""
    from fnmatch import fnmatchcase

    return name in (JOURNAL_NAME, LOCK_NAME) or any(fnmatchcase(name, p) for p in ADD_TEMPORARY)
