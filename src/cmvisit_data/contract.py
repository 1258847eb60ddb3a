"""The data contract: what the two JSON Schemas declare, read once, for every other module.

`schema/press_release.schema.json` declares a record and `schema/seeds_manifest.schema.json`
a seeds entry. Everything the package needs to know about fields is read from them here,
never typed again elsewhere:

- the record schema's version (the `const` of `schema_version`);
- the fields of a seeds entry, and of those the provenance fields a record carries;
- the pattern a seed file's name must match;
- where spans live in a record (every object with `text`, `start` and `end`);
- the constraints (`minimum`, `minLength`, `maxLength`, `pattern`, `enum`) of any value.

Arrow schemas, pandera checks, Hugging Face features, Croissant and the data dictionary all
derive from these (`tables`, `validation.tables`, `hub`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

SCHEMA_NAME = "press_release.schema.json"
SEEDS_SCHEMA_NAME = "seeds_manifest.schema.json"
# The keywords that constrain a scalar value, as the checks apply them to table columns.
CONSTRAINT_KEYWORDS = ("minimum", "maximum", "minLength", "maxLength", "pattern", "enum")


def schema_path(name: str = SCHEMA_NAME) -> Path:
    """A JSON Schema: shipped inside the package, or schema/ of a source checkout."""
    packaged = resources.files("cmvisit_data").joinpath("schema", name)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "schema" / name


@cache
def load_schema(name: str = SCHEMA_NAME) -> dict[str, Any]:
    return json.loads(schema_path(name).read_text(encoding="utf-8"))


def resolve(node: dict[str, Any], schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """A schema node with its local `$ref` replaced by the definition it names."""
    schema = schema if schema is not None else load_schema()
    while "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/$defs/"):
            raise ValueError(f"only local references are supported, not {ref!r}")
        target = schema["$defs"][ref.removeprefix("#/$defs/")]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def split_null(node: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """(the non-null schema of a value, whether null is allowed)."""
    node = resolve(node)
    if "anyOf" in node:
        options = [resolve(o) for o in node["anyOf"]]
        nullable = any(o.get("type") == "null" for o in options)
        (inner,) = [o for o in options if o.get("type") != "null"]
        return {**inner, "description": node.get("description", inner.get("description"))}, nullable
    kind = node.get("type")
    if isinstance(kind, list):
        nullable = "null" in kind
        (rest,) = [k for k in kind if k != "null"]
        return {**node, "type": rest}, nullable
    return node, False


def constraints(node: dict[str, Any]) -> dict[str, Any]:
    """The scalar constraints the schema puts on a value (see CONSTRAINT_KEYWORDS)."""
    inner, _ = split_null(node)
    return {k: inner[k] for k in CONSTRAINT_KEYWORDS if k in inner}


# --- the record ------------------------------------------------------------------------------

SCHEMA_VERSION: str = load_schema()["properties"]["schema_version"]["const"]


def version_key(version: str) -> tuple[int, ...]:
    """A semantic version as a tuple that orders as the versions do ("1.10.0" after "1.9.0")."""
    return tuple(int(part) for part in version.split("."))


@cache
def version_of_schema(sha256: str) -> str:
    """The record schema version whose published bytes have this checksum (a release's
    schema_sha256): the shipped schema's, or a copy's under schema/history/; the shipped
    version if none has it (the release's checks then report the checksum)."""
    import hashlib

    current = schema_path()
    for path in [current, *sorted((current.parent / "history").glob("press_release-*.schema.json"))]:
        if hashlib.sha256(path.read_bytes()).hexdigest() == sha256:
            return str(json.loads(path.read_bytes())["properties"]["schema_version"]["const"])
    return SCHEMA_VERSION


def is_since(node: dict[str, Any], version: str) -> bool:
    """Whether a declared column exists in records of `version`: a column the schema marks
    `"x-since": "1.3.0"` is absent from tables of releases whose records are older."""
    return version_key(node.get("x-since", "0")) <= version_key(version)


def is_span(node: dict[str, Any]) -> bool:
    """Whether a (non-null) schema node is a span: an object with text, start and end."""
    properties = node.get("properties", {})
    return node.get("type") == "object" and {"text", "start", "end"} <= set(properties)


def _span_paths(node: dict[str, Any], path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    node, _ = split_null(node)
    if is_span(node):
        yield path
    if node.get("type") == "array":
        yield from _span_paths(node["items"], (*path, "*"))
    for name, child in node.get("properties", {}).items():
        yield from _span_paths(child, (*path, name))


@cache
def span_paths() -> tuple[tuple[str, ...], ...]:
    """Where spans live in a record, as paths with "*" for every item of an array:
    ("highlights", "*"), ("quotes", "*", "cue"), ("metadata", "spans", "byline", "*") ..."""
    return tuple(_span_paths(load_schema(), ()))


def document_text(record: dict[str, Any]) -> str:
    """The text a record's spans index: an HTML page's rendering, else the raw text (empty for a
    partial record that holds neither, as the metrics may be given)."""
    rendering = record.get("rendering")
    return rendering if rendering is not None else record.get("raw_text", "")


def spans_of(record: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(JSON pointer, span) for every span in a record, in the schema's order."""
    found: list[tuple[str, dict[str, Any]]] = []
    for path in span_paths():
        _walk(record, path, 0, "", found)
    return found


def _walk(value: Any, path: tuple[str, ...], depth: int, pointer: str, found: list[Any]) -> None:
    if value is None:
        return
    if depth == len(path):
        found.append((pointer, value))
        return
    head = path[depth]
    if head == "*":
        for i, item in enumerate(value):
            _walk(item, path, depth + 1, f"{pointer}/{i}", found)
    else:
        _walk(value.get(head), path, depth + 1, f"{pointer}/{head}", found)


# --- the seeds manifest --------------------------------------------------------------------------

_ENTRY = load_schema(SEEDS_SCHEMA_NAME)["properties"]["documents"]["items"]
# A seeds entry's fields, in the schema's order.
ENTRY_FIELDS: tuple[str, ...] = tuple(_ENTRY["properties"])
# Of those, where a document came from: the record's source carries them too.
PROVENANCE_FIELDS: tuple[str, ...] = tuple(f for f in ENTRY_FIELDS if f not in ("file", "sha256", "language"))
# The name a document may have inside seeds/.
SAFE_FILE_NAME = re.compile(_ENTRY["properties"]["file"]["pattern"])
MANIFEST_VERSION: int = load_schema(SEEDS_SCHEMA_NAME)["properties"]["manifest_version"]["const"]


def empty_provenance() -> dict[str, Any]:
    """Provenance where nothing is known: every field null."""
    return dict.fromkeys(PROVENANCE_FIELDS)
