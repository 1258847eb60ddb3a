"""The seeds provenance manifest: which documents make up the corpus, and where they came from.

`seeds/manifest.json` lists one entry per document (file, SHA-256 of its bytes, language,
url, outlet, rights, how obtained; `null` where unknown). The manifest is untrusted input:
duplicate JSON keys, unknown fields, entries listed twice and paths that leave the seeds
folder (`..`, absolute paths, links pointing outside) are all errors. A document with no
entry, or whose bytes no longer match its checksum, is an error that names the file.
Writing entries for new documents is `release`'s `add`, not this module's.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .atomic import write_atomic
from .contract import ENTRY_FIELDS, MANIFEST_VERSION, PROVENANCE_FIELDS, SEEDS_SCHEMA_NAME, load_schema
from .errors import Problem
from .strictjson import DuplicateKey, no_duplicate_keys

MANIFEST_NAME = "manifest.json"


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
    path = Path(seeds_dir) / MANIFEST_NAME
    name = str(path)
    if not path.is_file():
        what = "there is no such folder" if not path.parent.is_dir() else "the folder has no manifest.json"
        return [], [Problem("manifest-missing", what, file=str(path.parent))]
    try:
        data = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=no_duplicate_keys)
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
    if real is not None and real.parent != _real(str(seeds_dir)):
        reason = f"{entry.file} links to {real}, outside the seeds folder"
        return None, Problem("path-outside-seeds", reason, file=str(candidate))
    return candidate, None


def sha256_of(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
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
