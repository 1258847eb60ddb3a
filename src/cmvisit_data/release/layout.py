"""Where a release's files are, and how they are written: the layout every reader uses.

A release is `build/<version>/`: one Parquet file per table, `manifest.json`, the `hf/`
folder and, when rejects were allowed, `rejected.jsonl`; `build/CHANGELOG.md` sits beside
the versions. Where the tables are depends on the release's layout, which its manifest
declares (`layout`; absent in the releases made before there were two):

- layout 1 (releases 0.1.0 to 0.6.0): `<table>.parquet` beside the manifest, enums
  dictionary-encoded, and a copy of each in `hf/data/<table>/` (enums as strings; as
  class-label ids in 0.1.0 and 0.2.0);
- layout 2 (`LAYOUT`, 0.7.0 on): one file per table, `hf/data/<table>/train-00000-of-00001.parquet`,
  which is both the release's table and the Hub's: enums as strings (Parquet's dictionary
  encoding stores them compactly), column descriptions in the field metadata.

`table_path` and `table_file` are the only places a table's file name in a release is made
(the name inside hf/ is `hub.features.data_file`, which the card and Croissant print too): the
build, the loader, verify, diff and the changelog ask them. Writes are atomic: a release is assembled in a
temporary folder, flushed to disk and renamed into place under a per-version lock the kernel
releases if the process dies.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from functools import cache
from pathlib import Path
from typing import Any

from ..atomic import write_atomic
from ..contract import load_schema
from ..errors import CmvisitError, Problem
from ..hub.features import HF_DIR, data_file
from ..strictjson import no_duplicate_keys

__all__ = ["write_atomic"]

VERSION_RE = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
RELEASE_MANIFEST = "manifest.json"
REJECTED = "rejected.jsonl"
CHANGELOG = "CHANGELOG.md"


# The layout new releases are written in (see the module's docstring), and the one a manifest
# without `layout` declares.
LAYOUT = 2
FIRST_LAYOUT = 1


def not_a_release(folder: str | os.PathLike[str]) -> Problem:
    """The answer to a folder without manifest.json given as a release (a usage problem)."""
    hint = "Give a release folder, one that holds manifest.json, e.g. build/0.6.0."
    message = f"is not a release folder: it has no {RELEASE_MANIFEST}"
    return Problem("release-missing", message, file=str(folder), hint=hint)


def layout_of(manifest: dict[str, Any]) -> int:
    """The layout a release's manifest declares."""
    return int(manifest.get("layout", FIRST_LAYOUT))


def hf_data_file(table: str) -> str:
    """The path inside a release of a table's file in the Hub folder."""
    return f"{HF_DIR}/{data_file(table)}"


def table_path(table: str, layout: int = LAYOUT) -> str:
    """The path inside a release of a table's Parquet file, in a layout."""
    return f"{table}.parquet" if layout == FIRST_LAYOUT else hf_data_file(table)


def table_file(release: str | os.PathLike[str], table: str, layout: int | None = None) -> Path:
    """The Parquet file of one table of a release, in the layout given or, by default, in the
    one the release's manifest declares."""
    if layout is None:
        info = (Path(release) / RELEASE_MANIFEST).stat()
        layout = _declared_layout(str(release), info.st_mtime_ns, info.st_size)
    return Path(release) / table_path(table, layout)


@cache
def _declared_layout(release: str, mtime_ns: int, size: int) -> int:
    """The layout a release's manifest declares, read once per version of the file (a
    manifest lists every input: reading it for each table would cost seconds at scale)."""
    return layout_of(manifest_head(Path(release)))


MANIFEST_SCHEMA = "release_manifest.schema.json"
# A manifest lists one input per document (about 600 bytes each): 256 MiB is far beyond any
# release this project builds, and bounds what reading one can cost.
MAX_MANIFEST_BYTES = 256 << 20
MAX_MANIFEST_DEPTH = 16


def read_manifest(release: str | os.PathLike[str]) -> dict[str, Any]:
    """A release's manifest.json, read strictly and checked against its schema; raises
    CmvisitError naming what is wrong (never a decoding error from deep inside)."""
    manifest, problems = load_manifest_checked(Path(release))
    if manifest is None:
        raise CmvisitError(problems)
    return manifest


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _depth(value: Any, limit: int) -> bool:
    """Whether value nests no deeper than limit (iteratively: deep input cannot overflow)."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
    return True


def load_manifest_checked(folder: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The manifest of a release, or the problems that make it unreadable or invalid."""
    path = folder / RELEASE_MANIFEST
    where = str(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None, [Problem("release-invalid", f"the release has no {RELEASE_MANIFEST}", file=where)]
    if not os.path.isfile(path) or os.path.islink(path):
        return None, [Problem("release-invalid", "manifest.json is not a regular file", file=where)]
    if info.st_size > MAX_MANIFEST_BYTES:
        return None, [
            Problem("release-invalid", f"manifest.json is over {MAX_MANIFEST_BYTES} bytes", file=where)
        ]
    return parse_manifest(path.read_bytes(), where)


# A genuine manifest holds one object per input and two containers per rejected input (plus
# a few dozen more), and about fifteen values per input: these bounds allow a million inputs,
# ten times the largest release the project builds, and refuse a small file of `{}` or `[]`
# that would cost gigabytes as Python objects, before it is parsed.
MAX_MANIFEST_CONTAINERS = 2_000_000
MAX_MANIFEST_VALUES = 20_000_000
# Schema errors reported at most (the rest are counted, never collected): a hostile manifest
# can break the schema millions of times.
MAX_MANIFEST_ERRORS = 20


def _bounded_float(text: str) -> float:
    """A fraction, kept to be refused where the manifest holds none (`_fractions_outside_figures`)."""
    if len(text) > 40:
        raise ValueError(f"a number of {len(text)} characters")
    return float(text)


def _fractions_outside_figures(value: Any) -> str | None:
    """The place of the first fraction outside /curated/figures (the curated documents' precision
    and recall: the one place a manifest holds fractions), or None."""
    stack: list[tuple[Any, str]] = [(value, "")]
    while stack:
        node, at = stack.pop()
        if at == "/curated/figures":
            continue
        if isinstance(node, float):
            return at or "/"
        if isinstance(node, dict):
            stack.extend((v, f"{at}/{k}") for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, f"{at}/{i}") for i, v in enumerate(node))
    return None


def _bounded_int(text: str) -> int:
    if len(text) > 20:
        raise ValueError(f"an integer of {len(text)} digits")
    return int(text)


def parse_manifest(data: bytes, where: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """A manifest's bytes, read strictly and bounded, checked against its schema: the manifest,
    or the problems (at most MAX_MANIFEST_ERRORS of them) that make it invalid."""
    import itertools

    def refuse(message: str) -> tuple[None, list[Problem]]:
        return None, [Problem("release-invalid", message, file=where)]

    if len(data) > MAX_MANIFEST_BYTES:
        return refuse(f"manifest.json is over {MAX_MANIFEST_BYTES} bytes")
    if data.count(b"{") + data.count(b"[") > MAX_MANIFEST_CONTAINERS:
        return refuse(f"manifest.json holds over {MAX_MANIFEST_CONTAINERS} objects and arrays")
    if data.count(b",") > MAX_MANIFEST_VALUES:
        return refuse(f"manifest.json holds over {MAX_MANIFEST_VALUES} values")
    try:
        text = data.decode("utf-8")
        value = json.loads(
            text,
            object_pairs_hook=no_duplicate_keys,
            parse_constant=_no_constant,
            parse_float=_bounded_float,
            parse_int=_bounded_int,
        )
    except UnicodeDecodeError:
        return refuse("manifest.json is not UTF-8")
    except RecursionError:
        return refuse("manifest.json nests too deep")
    except ValueError as exc:  # JSONDecodeError too
        return refuse(f"manifest.json is not strict JSON: {str(exc)[:200]}")
    if not _depth(value, MAX_MANIFEST_DEPTH):
        return refuse("manifest.json nests too deep")
    fraction = _fractions_outside_figures(value)
    if fraction is not None:
        return refuse(f"manifest.json holds a fraction at {fraction[:200]}: only curated.figures holds any")
    errors = list(itertools.islice(_validator().iter_errors(value), MAX_MANIFEST_ERRORS + 1))
    problems = [
        Problem("release-invalid", _schema_message(error), file=where, pointer=_schema_pointer(error))
        for error in sorted(errors[:MAX_MANIFEST_ERRORS], key=lambda e: list(map(str, e.absolute_path)))
    ]  # fmt: skip
    problems = list({(p.pointer, p.message): p for p in problems}.values())  # a wrong layout once
    if len(errors) > MAX_MANIFEST_ERRORS:
        problems.append(
            Problem(
                "release-invalid",
                f"more schema errors after the first {MAX_MANIFEST_ERRORS}, not listed",
                file=where,
            )
        )
    return (None, problems) if problems else (value, [])


def _schema_pointer(error: Any) -> str:
    """Where a schema error is: the value's place, or the missing field's."""
    at = "/" + "/".join(str(p) for p in error.absolute_path)[:200]
    if error.validator == "dependentRequired":
        return at.rstrip("/") + "/released"
    return at


def _schema_message(error: Any) -> str:
    """A schema error in words a release's reader can act on, where jsonschema's are not."""
    if error.validator == "dependentRequired":  # only `layout` requires another field
        return (
            "a layout-2 release records the day it was released (released: YYYY-MM-DD), and this "
            "manifest does not"
        )
    if error.validator in ("enum", "type") and list(error.absolute_path) == ["layout"]:
        return (
            f"layout {json.dumps(error.instance)[:40]} is not one a manifest declares: it is {LAYOUT} "
            "(0.7.0 on), or absent (layout 1, releases 0.1.0 to 0.6.0)"
        )
    return str(error.message[:300])


@cache
def _validator():  # type: ignore[no-untyped-def]
    from jsonschema import Draft202012Validator

    schema = load_schema(MANIFEST_SCHEMA)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


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
    """json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + newline, written piece
    by piece. The same bytes, made faster: json's indenting encoder is pure Python, so each
    value of the top level is encoded on its own and shifted to its depth (a JSON text has no
    raw newline but between its tokens), and a list's flat objects (the manifest's 100,000
    inputs, read one at a time) by the C encoder, its separators giving the indentation."""
    with open(path, "w", encoding="utf-8") as handle:
        if not isinstance(value, dict) or not value or not all(isinstance(k, str) for k in value):
            handle.write(_indented(value, 0) + "\n")
            return
        for i, key in enumerate(sorted(value)):
            handle.write(("{" if i == 0 else ",") + "\n  " + json.dumps(key, ensure_ascii=False) + ": ")
            if isinstance(value[key], list):
                _write_list(handle, value[key])
            else:
                handle.write(_indented(value[key], 1))
        handle.write("\n}\n")


def _indented(value: Any, depth: int) -> str:
    """value as json.dumps(indent=2, sort_keys=True) puts it `depth` levels deep."""
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True).replace("\n", "\n" + "  " * depth)


def _write_list(handle: Any, items: list[Any]) -> None:
    """A list one level deep, item by item."""
    flat = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",\n      ", ": "))
    empty = True
    for item in items:
        handle.write("[\n    " if empty else ",\n    ")
        empty = False
        if (
            item
            and isinstance(item, dict)
            and all(isinstance(k, str) and not isinstance(v, (dict, list, tuple)) for k, v in item.items())
        ):
            handle.write("{\n      " + flat.encode(item)[1:-1] + "\n    }")
        else:
            handle.write(_indented(item, 2))
    handle.write("[]" if empty else "\n  ]")
