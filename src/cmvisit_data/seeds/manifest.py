"""The seeds provenance manifest: which documents make up the corpus, and where they came from.

`seeds/manifest.json` lists one entry per document (file, SHA-256 of its bytes, language,
url, outlet, rights, how obtained; `null` where unknown). The manifest is untrusted input:
duplicate JSON keys, unknown fields, entries listed twice and paths that leave the seeds
folder (`..`, absolute paths, links pointing outside) are all errors. A document with no
entry, or whose bytes no longer match its checksum, is an error that names the file.
This module reads and writes the manifest (`write_manifest`; correcting or removing one entry
under the seeds' lock); which entries a new document gets, and copying it in, is `add`'s
(`seeds.add`), which writes them through `write_manifest`. The seeds' lock, the journal
`add` keeps of the entries it is placing, and putting right what an interrupted `add` left
are this module's, so that every reader (validate, build, add) starts from a folder in which
every document is listed. So is finding the project's seeds folder (or saying where it was
looked for).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..atomic import NOFOLLOW, file_lock, write_atomic, write_problem
from ..curation.annotations import annotation_name, annotation_path
from ..contract import ENTRY_FIELDS, MANIFEST_VERSION, PROVENANCE_FIELDS, SEEDS_SCHEMA_NAME, load_schema
from ..errors import Problem, os_error_type
from ..hashing import sha256_of_handle
from ..inputs import HTML_SUFFIXES
from ..strictjson import DuplicateKey, no_duplicate_keys

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
    return [
        Problem("provenance-invalid", f"--{name} {repr(provenance.get(name))[:80]} is not allowed: {why}",
                pointer=f"/{name}")
        for name, why in provenance_schema_errors(provenance).items()
    ]  # fmt: skip


def provenance_schema_errors(provenance: dict[str, Any]) -> dict[str, str]:
    """field -> why its value is not what the seeds schema allows (the option and the
    provenance table word it each their own way); fields left out are null."""
    from jsonschema import Draft202012Validator

    fields = load_schema(SEEDS_SCHEMA_NAME)["properties"]["documents"]["items"]["properties"]
    found = {}
    for name in PROVENANCE_FIELDS:
        error = next(Draft202012Validator(fields[name]).iter_errors(provenance.get(name)), None)
        if error is None:
            continue
        # "not valid under any of the given schemas" says little: the string branch says why.
        error = next((e for e in error.context or [] if e.schema_path and e.schema_path[0] == 0), error)
        if name == "url" and error.validator == "pattern":
            found[name] = 'not an http(s) URL (it starts https:// or http:// and holds no space, <, > or ")'
        elif error.validator == "maxLength":
            found[name] = f"longer than {error.validator_value:,} characters"
        else:
            found[name] = error.message[:120]
    return found


def load_manifest(seeds_dir: str | os.PathLike[str]) -> tuple[list[Entry], list[Problem]]:
    """The manifest's entries, or the problems that make it unusable (all of them)."""
    from ..inputs import open_regular, provenance_text_problems

    path = Path(seeds_dir) / MANIFEST_NAME
    name = str(path)
    if not os.path.lexists(path):
        folder = os.path.isdir(path.parent)
        what = "the folder has no manifest.json" if folder else "there is no such folder"
        return [], [Problem("manifest-missing" if folder else "seeds-missing", what, file=str(path.parent))]
    # Opened without blocking and checked on the open file: a FIFO here never hangs a reader.
    handle, problems = open_regular(path)
    if handle is None:
        return [], problems
    try:
        with handle:
            text = handle.read().decode("utf-8")
        data = json.loads(text, object_pairs_hook=no_duplicate_keys)
    except DuplicateKey as exc:
        return [], [Problem("json-duplicate-key", str(exc), file=name)]
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
        return None, Problem(os_error_type(exc), reason, file=str(candidate))
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


def unlisted(seeds_dir: str | os.PathLike[str], entries: list[Entry]) -> list[Problem]:
    """Documents in the seeds folder that the manifest does not list."""
    listed = {e.file for e in entries}
    return [
        Problem("unlisted-document", "this document has no entry in seeds/manifest.json", file=str(path))
        for path in sorted(p for p in Path(seeds_dir).iterdir() if p.suffix in (".txt", *HTML_SUFFIXES))
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
    from ..inputs import open_regular

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
    from ..inputs import open_regular

    handle, _ = open_regular(seeds / entry.file, follow_links=False)
    if handle is None:
        return False
    with handle:
        return sha256_of_handle(handle) == entry.sha256


# --- the project's seeds folder: found, or refused with where it was looked for -------------

SEEDS_FOLDER = "seeds"
# What marks the repository root, where the search for seeds/ stops.
ROOT_MARKERS = ("pyproject.toml", ".git")


def find_seeds(
    given: str | os.PathLike[str] | None = None, start: str | os.PathLike[str] | None = None
) -> tuple[Path | None, list[Path]]:
    """The seeds folder a command works on, and the manifests looked for: `given` (--seeds)
    when it holds manifest.json; without it, the first seeds/ holding one from `start` (the
    current folder) up to the repository root (the folder holding pyproject.toml or .git;
    outside a repository, `start` alone). (None, the manifests tried) when there is none, so
    that an add outside the project, or a mistyped --seeds, never starts a manifest unasked."""
    if given is not None:
        folder = Path(given)
        found = os.path.lexists(folder / MANIFEST_NAME)
        return (folder, [folder / MANIFEST_NAME]) if found else (None, [folder / MANIFEST_NAME])
    here = Path(start if start is not None else os.getcwd()).absolute()
    chain = [here, *here.parents]
    root = next((i for i, d in enumerate(chain) if any((d / m).exists() for m in ROOT_MARKERS)), 0)
    tried = []
    for folder in chain[: root + 1]:
        manifest = folder / SEEDS_FOLDER / MANIFEST_NAME
        shown_as = Path(os.path.relpath(manifest, here)) if start is None else manifest
        tried.append(shown_as)
        if os.path.lexists(manifest):
            return shown_as.parent, tried
    return None, tried


def seeds_missing(tried: list[Path], given: bool, instead: str) -> Problem:
    """The one line that refuses a command that found no seeds manifest: the paths tried,
    and what to do (`instead`: the command's own way to start without one)."""
    if given:
        what = f"{tried[0]} does not exist: --seeds names no seeds folder"
    else:
        what = (
            f"no {SEEDS_FOLDER}/{MANIFEST_NAME} from here up to the repository root (tried "
            + ", ".join(map(str, tried))
            + ")"
        )
    hint = f"Run the command inside the project, or give its seeds folder with --seeds; {instead}."
    return Problem("seeds-missing", what, file=str(tried[0].parent), hint=hint)


def start_seeds(seeds_dir: str | os.PathLike[str]) -> None:
    """Create the seeds folder with an empty manifest (add --init), under the seeds' lock;
    a manifest already there is kept as it is."""
    seeds = Path(seeds_dir)
    seeds.mkdir(parents=True, exist_ok=True)
    with seeds_lock(seeds):
        if not os.path.lexists(seeds / MANIFEST_NAME):
            write_manifest(seeds, [])


# --- correcting and removing one entry, under the seeds' lock ------------------------------


@dataclass
class EntryChange:
    """What `seeds set` or `seeds remove` did to one entry: its provenance before and after
    (after is None for a removed entry), and whether the document's file was deleted."""

    file: str
    old: dict[str, Any]
    new: dict[str, Any] | None
    file_removed: bool = False
    # The document's annotation (annotations/<file>.json) where it has one: removed with the
    # document's file, kept with it.
    annotation: str | None = None
    annotation_removed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "old": self.old, "new": self.new, "file_removed": self.file_removed,
                "annotation": self.annotation, "annotation_removed": self.annotation_removed}  # fmt: skip


def set_provenance(
    seeds_dir: str | os.PathLike[str], name: str, changes: dict[str, Any]
) -> tuple[EntryChange | None, list[Problem]]:
    """Give the listed document `name` the provenance values in `changes` (None: no value;
    fields left out keep theirs), checked by the same policy as add's."""
    from ..inputs import provenance_text_problems

    problems = provenance_text_problems(changes) + provenance_problems(changes)
    if problems:
        return None, problems
    return _change(seeds_dir, name, lambda entry: Entry(**{**entry.to_dict(), **changes}), keep_file=True)


def remove_entry(
    seeds_dir: str | os.PathLike[str], name: str, keep_file: bool = False
) -> tuple[EntryChange | None, list[Problem]]:
    """Remove the listed document `name` from the manifest, and its file and its annotation
    (annotations/<file>.json) from the seeds folder unless keep_file (the file is then
    unlisted and the annotation names no entry: build refuses both until they are moved out or
    the file is added again). The manifest is written first: a run stopped between the two leaves an
    unlisted file that validate and build name, never an entry whose file is gone."""
    return _change(seeds_dir, name, lambda entry: None, keep_file)


def _change(
    seeds_dir: str | os.PathLike[str], name: str, edit: Any, keep_file: bool
) -> tuple[EntryChange | None, list[Problem]]:
    seeds = Path(seeds_dir)
    if not os.path.lexists(seeds / MANIFEST_NAME):
        return None, [seeds_missing([seeds / MANIFEST_NAME], True, "cmvisit add --init starts one")]
    with seeds_lock(seeds):
        recover(seeds)  # what an interrupted add placed is listed first, as add does
        entries, problems = load_manifest(seeds)
        if problems:
            return None, problems
        entry = _listed(seeds, entries, name)
        if isinstance(entry, Problem):
            return None, [entry]
        changed = edit(entry)
        kept = [e for e in entries if e.file != entry.file] + ([changed] if changed is not None else [])
        write_manifest(seeds, kept)
        removed = annotation_removed = False
        annotation = annotation_path(seeds, entry.file)
        has_annotation = changed is None and os.path.lexists(annotation)
        if changed is None and not keep_file:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(seeds / entry.file)  # a plain name inside seeds/ (the schema's pattern)
                removed = True
            if has_annotation:  # the person's checks of a document that is gone go with it
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(annotation)
                    annotation_removed = True
    new = changed.provenance() if changed is not None else None
    named = annotation_name(entry.file) if has_annotation else None
    return EntryChange(entry.file, entry.provenance(), new, removed, named, annotation_removed), []


def _listed(seeds: Path, entries: list[Entry], name: str) -> Entry | Problem:
    """The entry `name` stands for: its file name, or its path inside the seeds folder; else
    the problem that names the listed files closest to it."""
    import difflib

    by_file = {e.file: e for e in entries}
    if name in by_file:
        return by_file[name]
    path = Path(name)
    if path.name in by_file and path.parent.resolve() == seeds.resolve():
        return by_file[path.name]
    close = difflib.get_close_matches(path.name, list(by_file), n=5, cutoff=0.6)
    if close:
        hint = "Give a file the manifest lists; the closest: " + ", ".join(close) + "."
    else:
        hint = (
            f"Give a file the manifest lists (its 'file' field); none of the {len(entries)} is close to it."
        )
    return Problem("not-listed", f"{name} is not listed in the seeds manifest",
                   file=str(seeds / MANIFEST_NAME), hint=hint)  # fmt: skip
