"""The seeds provenance manifest: which documents make up the corpus, and where they came from.

`seeds/manifest.json` lists one entry per document (file, SHA-256 of its bytes, language,
url, outlet, rights, how obtained; `null` where unknown). The manifest is untrusted input:
duplicate JSON keys, unknown fields, entries listed twice and paths that leave the seeds
folder (`..`, absolute paths, links pointing outside) are all errors. A document with no
entry, or whose bytes no longer match its checksum, is an error that names the file.
Writing entries for new documents is `release`'s `add`, not this module's; the seeds' lock,
the journal `add` keeps of the entries it is placing, and putting right what an interrupted
`add` left are this module's, so that every reader (validate, build, add) starts from a
folder in which every document is listed.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .atomic import NOFOLLOW, file_lock, write_atomic, write_problem
from .contract import ENTRY_FIELDS, MANIFEST_VERSION, PROVENANCE_FIELDS, SEEDS_SCHEMA_NAME, load_schema
from .errors import Problem
from .strictjson import DuplicateKey, no_duplicate_keys

MANIFEST_NAME = "manifest.json"
LOCK_NAME = ".seeds.lock"  # add holds it exclusive; validate and build, shared, while they read
JOURNAL_NAME = ".add-journal.jsonl"  # the entries an add is placing, flushed before their files
# What an add writes before it renames or links it into place: its documents, and the manifest.
ADD_TEMPORARY = (".add-tmp-*", f".{MANIFEST_NAME}.tmp-*")


@dataclass(frozen=True, slots=True)
class Entry:
    file: str
    sha256: str
    language: str
    url: str | None
    outlet: str | None
    rights: str | None
    obtained: str | None

    def provenance(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in PROVENANCE_FIELDS}

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in ENTRY_FIELDS}


@lru_cache(maxsize=1)
def _validator():  # type: ignore[no-untyped-def]
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(SEEDS_SCHEMA_NAME))


def provenance_problems(provenance: dict[str, Any]) -> list[Problem]:
    """Whether provenance values are what the seeds schema allows (an http(s) URL; one line of
    visible text of bounded length for the others), before any document is added with them."""
    from jsonschema import Draft202012Validator

    fields = load_schema(SEEDS_SCHEMA_NAME)["properties"]["documents"]["items"]["properties"]
    problems = []
    for name in PROVENANCE_FIELDS:
        value = provenance.get(name)
        for error in Draft202012Validator(fields[name]).iter_errors(value):
            shown = repr(value)[:80]
            problems.append(
                Problem("provenance-invalid", f"--{name} {shown} is not allowed: {error.message[:120]}",
                        pointer=f"/{name}")
            )  # fmt: skip
            break
    return problems


def load_manifest(seeds_dir: str | os.PathLike[str]) -> tuple[list[Entry], list[Problem]]:
    """The manifest's entries, or the problems that make it unusable (all of them)."""
    from .inputs import open_regular, provenance_text_problems

    path = Path(seeds_dir) / MANIFEST_NAME
    name = str(path)
    if not os.path.lexists(path):
        folder = os.path.isdir(path.parent)
        what = "the folder has no manifest.json" if folder else "there is no such folder"
        return [], [Problem("manifest-missing", what, file=str(path.parent))]
    # Opened without blocking and checked on the open file: a FIFO here never hangs a reader.
    handle, problems = open_regular(path)
    if handle is None:
        return [], problems
    try:
        with handle:
            text = handle.read().decode("utf-8")
        data = json.loads(text, object_pairs_hook=no_duplicate_keys)
    except DuplicateKey as exc:
        return [], [Problem("manifest-invalid", str(exc), file=name)]
    except UnicodeDecodeError:
        return [], [Problem("invalid-utf8", "the manifest is not UTF-8", file=name)]
    except RecursionError:
        return [], [
            Problem("manifest-invalid", "the manifest nests too deep to be a seeds manifest", file=name)
        ]
    except json.JSONDecodeError as exc:
        return [], [Problem("json-malformed", exc.msg, file=name, line=exc.lineno, column=exc.colno)]
    problems = [
        Problem(
            "manifest-invalid",
            error.message,
            file=name,
            pointer="/" + "/".join(str(p) for p in error.absolute_path),
        )
        for error in _validator().iter_errors(data)
    ]
    if problems:
        return [], problems
    entries: list[Entry] = []
    seen: set[str] = set()
    for i, item in enumerate(data["documents"]):
        if item["file"] in seen:
            problems.append(
                Problem(
                    "duplicate-entry",
                    f"{item['file']} is listed twice",
                    file=name,
                    pointer=f"/documents/{i}/file",
                )
            )
            continue
        seen.add(item["file"])
        # Provenance reaches the card and LICENSE.md: a value edited in by hand passes the same
        # policy as one given to add (no invisible or control characters, no reserved outlet).
        provenance = {field: item[field] for field in PROVENANCE_FIELDS}
        problems += provenance_text_problems(provenance, file=name, at=f"/documents/{i}")
        entries.append(Entry(**item))
    return entries, problems


@lru_cache(maxsize=8)
def _real(folder: str) -> Path:
    return Path(folder).resolve()


def resolve_entry(seeds_dir: str | os.PathLike[str], entry: Entry) -> tuple[Path | None, Problem | None]:
    """The entry's file inside the seeds folder, or why it may not be read."""
    candidate = Path(seeds_dir) / entry.file
    name = entry.file
    if not name or os.sep in name or (os.altsep and os.altsep in name) or name in (".", ".."):
        reason = f"{entry.file!r} is not a file name inside the seeds folder"
        return None, Problem("path-outside-seeds", reason, file=str(candidate))
    try:
        linked = stat.S_ISLNK(os.lstat(candidate).st_mode)
        # A plain name in the folder is inside it; only a link needs following to its end.
        real = candidate.resolve(strict=True) if linked else None
    except FileNotFoundError:
        return None, Problem(
            "file-not-found", "the manifest lists this file but it does not exist", file=str(candidate)
        )
    except RuntimeError:  # a loop of links (Python < 3.13 says so with RuntimeError)
        return None, _loop(candidate)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, _loop(candidate)
        reason = f"the manifest lists this file but it cannot be read ({exc.strerror})"
        return None, Problem("file-not-found", reason, file=str(candidate))
    if real is None:
        return candidate, None
    if real.parent != _real(str(seeds_dir)):
        # Where it leads is not said: a release records its rejections, never this machine's paths.
        reason = f"{entry.file} is a link that leads outside the seeds folder"
        return None, Problem("path-outside-seeds", reason, file=str(candidate))
    # The file the link leads to, by its own name in the folder: opened without following a
    # link (O_NOFOLLOW), so a link swapped in after this check is refused, never followed.
    return Path(seeds_dir) / real.name, None


def _loop(candidate: Path) -> Problem:
    return Problem("path-outside-seeds", "a link that loops: it never reaches a file", file=str(candidate))


def sha256_of(path: str | os.PathLike[str]) -> str:
    with open(path, "rb") as handle:
        return sha256_of_handle(handle)


def sha256_of_handle(handle: Any) -> str:
    """The sha256 of what is left to read of an open file."""
    digest = hashlib.sha256()
    for block in iter(lambda: handle.read(1 << 20), b""):
        digest.update(block)
    return digest.hexdigest()


def unlisted(seeds_dir: str | os.PathLike[str], entries: list[Entry]) -> list[Problem]:
    """Documents in the seeds folder that the manifest does not list."""
    listed = {e.file for e in entries}
    return [
        Problem("unlisted-document", "this document has no entry in seeds/manifest.json", file=str(path))
        for path in sorted(Path(seeds_dir).glob("*.txt"))
        if path.name not in listed
    ]


def write_manifest(seeds_dir: str | os.PathLike[str], entries: list[Entry]) -> None:
    """Write the manifest atomically, entries in file-name order."""
    path = Path(seeds_dir) / MANIFEST_NAME
    body = {
        "manifest_version": MANIFEST_VERSION,
        "documents": [e.to_dict() for e in sorted(entries, key=lambda e: e.file)],
    }
    write_atomic(path, (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


# --- the seeds' lock, add's journal, and what an interrupted add left ------------------------


def seeds_lock(seeds_dir: str | os.PathLike[str], shared: bool = False) -> Any:
    """The seeds folder's lock (a context manager): exclusive for the add that rewrites the
    manifest, shared for the commands that read the folder meanwhile."""
    return file_lock(Path(seeds_dir) / LOCK_NAME, shared=shared)


@contextlib.contextmanager
def reading(seeds_dir: str | os.PathLike[str]) -> Iterator[list[Problem]]:
    """The seeds folder held for reading (validate, build): what an interrupted add left is
    put right first, under the exclusive lock, then the shared lock is held while the caller
    reads, so an add waits for it. Yields the problems met putting things right (a disk
    that is full, a folder this process may not write to): the caller reports them."""
    seeds = Path(seeds_dir)
    problems: list[Problem] = []
    if interrupted(seeds):
        with seeds_lock(seeds):
            try:
                recover(seeds)
            except OSError as exc:
                problems.append(write_problem(exc, "what an interrupted add placed is not listed yet", seeds))
    with seeds_lock(seeds, shared=True):
        yield problems


def interrupted(seeds: Path) -> bool:
    """Whether an add left its journal or temporary files (it may be running still)."""
    return os.path.lexists(seeds / JOURNAL_NAME) or any(
        next(seeds.glob(pattern), None) is not None for pattern in ADD_TEMPORARY
    )


def journal(seeds: Path, entries: list[Entry]) -> None:
    """Note entries an add is about to place, flushed to disk before any of their files is
    linked in: a run killed at any point leaves every file it placed named here."""
    if not entries:
        return
    lines = "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in entries).encode("utf-8")
    fd = os.open(seeds / JOURNAL_NAME, os.O_WRONLY | os.O_APPEND | os.O_CREAT | NOFOLLOW, 0o644)
    with os.fdopen(fd, "ab") as handle:
        handle.write(lines)
        handle.flush()
        os.fsync(handle.fileno())


def end_journal(seeds: Path) -> None:
    """The journal's entries are in the manifest (or their files are gone): forget them."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(seeds / JOURNAL_NAME)


def recover(seeds: Path) -> list[Entry]:
    """Put right what an interrupted add left; the caller holds the exclusive lock, so no add
    is running. Each journaled entry whose file is in place with its checksum is listed, as
    the add would have listed it (interrupted or not, every file copied in is listed); one
    whose file never arrived is dropped; the add's temporary files are removed. Returns the
    entries listed. Raises OSError when the manifest cannot be written (nothing is lost: the
    journal stays for the next start)."""
    pending = _read_journal(seeds / JOURNAL_NAME)
    listed: list[Entry] = []
    if pending:
        entries: list[Entry] = []
        if os.path.lexists(seeds / MANIFEST_NAME):
            entries, problems = load_manifest(seeds)
            if problems:
                return []  # the manifest is reported as it is; the journal waits until it is fixed
        names, shas = {e.file for e in entries}, {e.sha256 for e in entries}
        for entry in pending:  # a document journaled under two names is listed under the one it took
            if entry.file not in names and entry.sha256 not in shas and _holds(seeds, entry):
                names.add(entry.file)
                shas.add(entry.sha256)
                listed.append(entry)
        if listed:
            write_manifest(seeds, entries + listed)
    for pattern in ADD_TEMPORARY:
        for temporary in seeds.glob(pattern):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
    end_journal(seeds)
    return listed


def _read_journal(path: Path) -> list[Entry]:
    """The journal's entries; a line cut short by the kill, or that is not an entry the seeds
    schema allows under a plain file name, is left out."""
    from .inputs import open_regular

    if not os.path.lexists(path):
        return []
    handle, _ = open_regular(path, follow_links=False)
    if handle is None:
        return []
    with handle:
        lines = handle.read().decode("utf-8", errors="replace").splitlines()
    found = []
    for line in lines:
        try:
            item = json.loads(line, object_pairs_hook=no_duplicate_keys)
        except (ValueError, DuplicateKey, RecursionError):
            continue
        body = {"manifest_version": MANIFEST_VERSION, "documents": [item]}
        if next(_validator().iter_errors(body), None) is None:  # its pattern: a plain .txt name
            found.append(Entry(**item))
    return found


def _holds(seeds: Path, entry: Entry) -> bool:
    """Whether seeds/entry.file is a regular file (not a link) with the entry's checksum."""
    from .inputs import open_regular

    handle, _ = open_regular(seeds / entry.file, follow_links=False)
    if handle is None:
        return False
    with handle:
        return sha256_of_handle(handle) == entry.sha256
