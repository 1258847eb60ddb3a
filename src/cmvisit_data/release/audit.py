"""The manifest checked against what it describes: nothing in it is taken on its word.

`verify` recomputes checksums and runs the table checks; this module makes sure the manifest
itself holds no claim the data does not support:

- it is strict JSON (no NaN or Infinity, no key twice, bounded size and depth) and valid
  against `schema/release_manifest.schema.json`;
- it lists exactly the files a release must have (`required_files`: the six tables, where
  the layout it declares puts them (in layout 1 with an hf/ copy of each), the card,
  LICENSE.md, croissant.json, rejected.jsonl when inputs were rejected, and the annotation of
  each input that names one, in hf/annotations/), and the folder
  holds exactly the files it lists, each a regular file at a plain relative path inside the
  folder (no symlink anywhere, nothing unlisted);
- every field that can be derived equals what the data gives: the version is the folder's
  name; the row counts, the hf rows and the counts (documents, languages, outlets, dates,
  duplicates) are the tables'; each input is a document's file, checksum, language and
  provenance, with its annotation's name and sha256 (the documents' annotation_sha256); the
  curated counts are the documents' curated_fields'; the rejected list is rejected.jsonl's;
  the schema checksum is that of the
  shipped schema of the records' version (or of its published copy under schema/history/);
- croissant.json is strict JSON and describes the hf/ data files by their recorded sha256
  (in layout 2, with what it and the card say about the data: `described`).

A difference is printed as its first differing place and the two values there, shortened
(`short_diff`): never a whole list of inputs on one line.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from ..contract import SCHEMA_VERSION, schema_path
from ..curation.annotations import annotation_name
from ..errors import Problem
from ..hashing import sha256_of
from ..strictjson import no_duplicate_keys
from ..tables import TABLE_NAMES
from .annotated import (
    FIELDS_COLUMN,
    SHA_COLUMN,
    annotated_files,
    curated_claims,
    curated_counts,
)
from .layout import (
    FIRST_LAYOUT,
    LAYOUT,
    REJECTED,
    RELEASE_MANIFEST,
    data_file,
    hf_data_file,
    layout_of,
    table_path,
)

# Unlisted or missing files reported at most (a folder can hold a million of them).
MAX_LISTED_PROBLEMS = 20
# Characters of a value shown in a difference.
SHOWN_CHARS = 80
# The files of every release's hf/ folder besides one data file per table.
HF_META_FILES = ("hf/LICENSE.md", "hf/README.md", "hf/croissant.json")

# The documents' columns the manifest's derived fields come from.
DOCUMENT_FACTS = ("doc_id", "source_file", "raw_sha256", "language", "source_url", "outlet", "rights",
                   "obtained", "published", "duplicate_of", "schema_version")  # fmt: skip
# and those of the tables that record annotations (schema 1.3.0 on): the inputs' annotations, `curated`.
CURATION_FACTS = (SHA_COLUMN, FIELDS_COLUMN)


def listed_paths(manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every file the manifest lists, by its path inside the release, with its entry."""
    out = {meta["file"]: meta for meta in manifest["tables"].values()}
    out.update(manifest["files"])
    out[RELEASE_MANIFEST] = {}
    return out


def required_files(folder: Path, manifest: dict[str, Any]) -> list[Problem]:
    """The manifest lists exactly the files a release must have: the six tables, the hf/ copy
    of each (with its rows), the card, LICENSE.md and croissant.json, rejected.jsonl (with
    its rows) exactly when inputs were rejected, and the annotations the inputs name. Nothing
    more (no hf/.gitattributes or hf/load.py to publish), nothing less (a file deleted with its
    entry)."""
    where = str(folder / RELEASE_MANIFEST)
    counted = {hf_data_file(t) for t in TABLE_NAMES} | ({REJECTED} if manifest["rejected"] else set())
    expected = counted | set(HF_META_FILES) | annotated_files(manifest)
    listed = set(manifest["files"])
    problems = [
        Problem(
            "release-invalid",
            f"{name} is not a file a release holds; remove it and its entry",
            file=where,
            pointer=f"/files/{name}",
        )
        for name in sorted(listed - expected)[:MAX_LISTED_PROBLEMS]
    ] + [
        Problem(
            "release-invalid",
            f"a release must hold {name}, and manifest.json does not list it",
            file=where,
            pointer="/files",
        )
        for name in sorted(expected - listed)[:MAX_LISTED_PROBLEMS]
    ]
    for name in sorted(listed & expected):
        if ("rows" in manifest["files"][name]) != (name in counted):
            what = "records its rows" if name in counted else "records no rows"
            problems.append(
                Problem(
                    "release-invalid",
                    f"the entry of {name} must be one that {what}",
                    file=where,
                    pointer=f"/files/{name}",
                )
            )
    return problems


def exact_contents(folder: Path, manifest: dict[str, Any]) -> list[Problem]:
    """The folder holds the listed files and nothing else, none of them a link."""
    problems = _layout_problems(folder, manifest)
    listed = listed_paths(manifest)
    for name, meta in manifest["tables"].items():
        path = table_path(name, layout_of(manifest))
        if meta["file"] != path:
            continue  # said by _layout_problems
        elif path in manifest["files"] and {k: manifest["files"][path][k] for k in ("bytes", "sha256")} != {
            k: meta[k] for k in ("bytes", "sha256")
        }:
            problems.append(
                Problem("release-invalid", f"table {name}: its entry and that of {path} differ",
                        file=str(folder / RELEASE_MANIFEST), pointer=f"/tables/{name}")
            )  # fmt: skip
    found: set[str] = set()
    stack = [folder]
    while stack:
        current = stack.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                relative = os.path.relpath(entry.path, folder).replace(os.sep, "/")
                if entry.is_symlink():
                    problems.append(Problem("release-invalid", "a release holds no links", file=entry.path))
                elif entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif not entry.is_file(follow_symlinks=False):
                    problems.append(Problem("release-invalid", "not a regular file", file=entry.path))
                elif relative not in listed:
                    if len(problems) > MAX_LISTED_PROBLEMS * 50:  # enough to say there are many
                        continue
                    problems.append(
                        Problem("release-invalid", "a file the manifest does not list", file=entry.path)
                    )
                else:
                    found.add(relative)
    for missing in sorted(set(listed) - found):
        if not (folder / missing).is_symlink():
            problems.append(Problem("release-invalid", "the file is missing", file=str(folder / missing)))
    if len(problems) > MAX_LISTED_PROBLEMS:
        more = len(problems) - MAX_LISTED_PROBLEMS
        summary = Problem("release-invalid", f"{more} more files are missing or not listed", file=str(folder))
        problems = [*problems[:MAX_LISTED_PROBLEMS], summary]
    return problems


def _layout_problems(folder: Path, manifest: dict[str, Any]) -> list[Problem]:
    """Each table's file is where the declared layout puts it: when they all are where the other
    layout would, it is the manifest's `layout` that is wrong (one problem, at /layout)."""
    layout = layout_of(manifest)
    where = str(folder / RELEASE_MANIFEST)
    wrong = {n: m["file"] for n, m in manifest["tables"].items() if m["file"] != table_path(n, layout)}
    if not wrong:
        return []
    other = LAYOUT if layout == FIRST_LAYOUT else FIRST_LAYOUT
    if len(wrong) == len(manifest["tables"]) and all(f == table_path(n, other) for n, f in wrong.items()):
        declared = f"declares layout {layout}" if "layout" in manifest else "declares no layout (layout 1)"
        return [
            Problem("release-invalid", f"manifest.json {declared}, but its tables are where layout "
                    f"{other} puts them ({table_path('documents', other)}, …)",
                    file=where, pointer="/layout")
        ]  # fmt: skip
    return [
        Problem("release-invalid", f"table {name} is {short(file)}, not {table_path(name, layout)} where "
                f"layout {layout} puts it",
                file=where, pointer=f"/tables/{name}/file")
        for name, file in wrong.items()
    ]  # fmt: skip


def short(value: Any) -> str:
    """A value as a difference shows it: its repr, cut to SHOWN_CHARS."""
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def first_difference(a: Any, b: Any, pointer: str = "") -> tuple[str, Any, Any] | None:
    """Where two JSON-like values first differ (a JSON pointer), and their values there."""
    if type(a) is not type(b):
        return pointer, a, b
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b), key=str):
            if key not in a or key not in b:
                return f"{pointer}/{key}", a.get(key, "(absent)"), b.get(key, "(absent)")
            found = first_difference(a[key], b[key], f"{pointer}/{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            found = first_difference(x, y, f"{pointer}/{i}")
            if found:
                return found
        if len(a) != len(b):
            return f"{pointer} (length)", len(a), len(b)
        return None
    if isinstance(a, str) and a != b:
        return pointer, *_around(a, b)
    return None if a == b else (pointer, a, b)


def _around(a: str, b: str) -> tuple[str, str]:
    """Two strings from a little before their first differing character."""
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    start = max(0, i - 20)
    prefix = "…" if start else ""
    return prefix + a[start : start + SHOWN_CHARS], prefix + b[start : start + SHOWN_CHARS]


def short_diff(claimed: Any, actual: Any, pointer: str = "") -> str:
    """'at /inputs/3/rights: manifest.json says X, the data gives Y', each value shortened."""
    found = first_difference(claimed, actual, pointer)
    if found is None:
        return "they agree"
    pointer, a, b = found
    return f"at {pointer or '/'}: manifest.json says {short(a)}, the data gives {short(b)}"


def derived_fields(
    folder: Path,
    manifest: dict[str, Any],
    documents: list[dict[str, Any]],
    hf_rows: dict[str, int],
    rejected: list[dict[str, Any]],
) -> list[Problem]:
    """Every manifest field the data determines, recomputed and compared: `documents` are the
    documents' rows (the DOCUMENT_FACTS columns), `hf_rows` the row count of each hf/ data
    file, `rejected` rejected.jsonl as the manifest summarises it."""
    problems = []

    def differs(field: str, claimed: Any, actual: Any) -> None:
        if claimed != actual:
            where = str(folder / RELEASE_MANIFEST)
            problems.append(
                Problem("release-invalid", short_diff(claimed, actual, field), file=where, pointer=field)
            )

    problems += _provenance(folder / table_path("documents", layout_of(manifest)), documents)
    differs("/version", manifest["version"], folder.name)
    differs("/inputs", manifest["inputs"], [_input_of(row) for row in documents])
    differs("/counts", manifest["counts"], _counts(documents))
    differs("/curated", curated_claims(manifest), curated_counts(documents))
    for path, rows in hf_rows.items():
        differs(f"/files/{path}/rows", manifest["files"][path]["rows"], rows)
    differs("/rejected", manifest["rejected"], rejected)
    problems += _released(folder, manifest, documents)
    if REJECTED in manifest["files"] and "rows" in manifest["files"][REJECTED]:
        differs(f"/files/{REJECTED}/rows", manifest["files"][REJECTED]["rows"], len(rejected))
    versions = sorted({row["schema_version"] for row in documents})
    accepted = [_schema_sha256s(v) for v in versions] or [_schema_sha256s(SCHEMA_VERSION)]
    if manifest["schema_sha256"] not in set.intersection(*map(set, accepted)):
        differs("/schema_sha256", manifest["schema_sha256"], (accepted[0] or (None,))[0])
    return problems


def _released(folder: Path, manifest: dict[str, Any], documents: list[dict[str, Any]]) -> list[Problem]:
    """A release is not dated before the newest document it holds was published."""
    dated = [row["published"] for row in documents if row["published"] is not None]
    if "released" not in manifest or not dated or manifest["released"] >= max(dated).isoformat():
        return []
    return [
        Problem("release-invalid", f"the release is dated {manifest['released']}, before its newest document "
                f"was published ({max(dated).isoformat()})",
                file=str(folder / RELEASE_MANIFEST), pointer="/released")
    ]  # fmt: skip


# What intake lets into a release's provenance: an http(s) URL (the seeds manifest's pattern), and
# a file named inside the seeds folder, never an absolute path or one that leaves it.
_URL_RE = re.compile(r"^https?://[^\s<>\"]+$")


def _provenance(file: Path, documents: list[dict[str, Any]]) -> list[Problem]:
    """Each document's provenance passes the rules `add` and `build` apply (the text policy, an
    http(s) URL, a plain file name), so that a re-sealed release cannot carry an invisible
    character, a "javascript:" URL or a local path that intake would have refused."""
    from ..inputs import provenance_text_problems

    where = str(file)
    problems = []
    seen: set[tuple[str, str | None]] = set()  # (field, value): values repeat across rows
    for row in documents:
        values = {"url": row["source_url"], "outlet": row["outlet"], "rights": row["rights"],
                  "obtained": row["obtained"]}  # fmt: skip
        for field, value in values.items():
            if (field, value) not in seen:  # each distinct value checked (and reported) once
                seen.add((field, value))
                problems += provenance_text_problems({field: value}, file=where, at=f"/{row['doc_id']}")
        url, name = row["source_url"], row["source_file"]
        if url is not None and not _URL_RE.match(url):
            problems.append(Problem("provenance-invalid", "url: not an http(s) URL", file=where,
                                    pointer=f"/{row['doc_id']}/url"))  # fmt: skip
        if name.startswith(("/", "\\")) or "\\" in name or ".." in name.split("/"):
            why, at = "source_file: not a file named inside the seeds folder", f"/{row['doc_id']}/source_file"
            problems.append(Problem("release-invalid", why, file=where, pointer=at))
    return problems


def _input_of(row: dict[str, Any]) -> dict[str, Any]:
    """A document's input as the manifest lists it: with its annotation (or null) when the
    documents table records one (schema 1.3.0 on), the annotation named after the document's file."""
    found = {"file": row["source_file"], "sha256": row["raw_sha256"], "doc_id": row["doc_id"],
             "language": str(row["language"]), "url": row["source_url"], "outlet": row["outlet"],
             "rights": row["rights"], "obtained": row["obtained"]}  # fmt: skip
    if SHA_COLUMN in row:
        sha256 = row[SHA_COLUMN]
        found["annotation"] = None if sha256 is None else {"file": annotation_name(row["source_file"]),
                                                           "sha256": sha256}  # fmt: skip
    return found


def _counts(rows: list[dict[str, Any]]) -> dict[str, Any]:
    dated = sorted(row["published"].isoformat() for row in rows if row["published"] is not None)
    outlets = Counter(row["outlet"] if row["outlet"] is not None else "unknown" for row in rows)
    return {
        "documents": len(rows),
        "duplicates": sum(row["duplicate_of"] is not None for row in rows),
        "languages": dict(sorted(Counter(str(row["language"]) for row in rows).items())),
        "outlets": dict(sorted(outlets.items())),
        "published": {
            "first": dated[0] if dated else None,
            "last": dated[-1] if dated else None,
            "undated": len(rows) - len(dated),
        },
    }


def rejected_summary(data: bytes, where: str) -> tuple[list[dict[str, Any]], list[Problem]]:
    """rejected.jsonl read as the manifest summarises it (each file with its reasons), or why
    it cannot be: one problem, at the first line that is not a rejection."""
    out = []
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
        try:
            item = json.loads(line, object_pairs_hook=no_duplicate_keys)
            out.append({"file": item["file"], "reasons": [p["message"] for p in item["problems"]]})
        except (ValueError, KeyError, TypeError, RecursionError):
            return out, [
                Problem("release-invalid", "not a rejection as the build writes it", file=where, line=number)
            ]
    return out, []


def croissant_problems(data: bytes, where: str, manifest: dict[str, Any]) -> list[Problem]:
    """croissant.json is strict JSON describing each hf/ data file by its recorded size and
    sha256 (and nothing else), for this release's version (what it says of the data in layout
    2: `described`)."""
    try:
        value = json.loads(
            data.decode("utf-8"), object_pairs_hook=no_duplicate_keys, parse_constant=_no_constant
        )
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError and JSONDecodeError too
        return [Problem("release-invalid", f"not strict JSON: {str(exc)[:200]}", file=where)]
    if not isinstance(value, dict):
        return [Problem("release-invalid", "not a Croissant description (a JSON object)", file=where)]
    problems = []
    if value.get("version") != manifest["version"]:
        problems.append(
            Problem(
                "release-invalid",
                f"describes version {short(value.get('version'))}, not {manifest['version']}",
                file=where,
                pointer="/version",
            )
        )
    if "released" in manifest and value.get("datePublished") != manifest["released"]:
        problems.append(
            Problem(
                "release-invalid",
                f"gives datePublished {short(value.get('datePublished'))}, not the release's date "
                f"{manifest['released']}",
                file=where,
                pointer="/datePublished",
            )
        )
    distribution = value.get("distribution")
    described = {}
    if isinstance(distribution, list):
        described = {d.get("contentUrl"): d for d in distribution if isinstance(d, dict)}
    expected = {data_file(t): manifest["files"][hf_data_file(t)] for t in TABLE_NAMES}
    if (
        not isinstance(distribution, list)
        or len(distribution) != len(expected)
        or set(described) != set(expected)
    ):
        problems.append(
            Problem(
                "release-invalid",
                "its distribution must list each hf/ data file once, and nothing else",
                file=where,
                pointer="/distribution",
            )
        )
    for i, item in enumerate(distribution if isinstance(distribution, list) else []):
        meta = expected.get(item.get("contentUrl")) if isinstance(item, dict) else None
        if meta is None:
            continue
        if item.get("sha256") != meta["sha256"] or item.get("contentSize") != f"{meta['bytes']} B":
            problems.append(
                Problem(
                    "checksum-mismatch",
                    f"the sha256 or size it gives {item['contentUrl']} is not the file's",
                    file=where,
                    pointer=f"/distribution/{i}",
                )
            )
    return problems


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


@cache
def _schema_sha256s(version: str) -> tuple[str, ...]:
    """The checksums a release may record for the record schema of a version: the shipped
    schema's, if it is that version, and that of the version's published copy under history/
    (the bytes older releases were built with, before annotations that change no record)."""
    current = schema_path()
    found = [sha256_of(current)] if SCHEMA_VERSION == version else []
    old = current.parent / "history" / f"press_release-{version}.schema.json"
    return (*found, sha256_of(old)) if old.is_file() else tuple(found)
