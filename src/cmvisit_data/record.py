"""Parsed parts + identity + provenance -> one record, validated against the JSON Schema.

This module owns the record: its `doc_id` (the first 16 hex digits of the SHA-256 of the
document's bytes), its `source` block, and validation. Validation collects every problem:
JSON Schema errors with their JSON pointers, then the checks a schema cannot express (each
span selects exactly its text, doc_id and checksum agree with the raw text). No record
leaves `build_record` unvalidated.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import CmvisitError, Problem
from .header.model import HeaderModel
from .inputs import Document
from .parse import parse_text

SCHEMA_VERSION = "1.1.0"
SCHEMA_NAME = "press_release.schema.json"


def schema_path() -> Path:
    """The JSON Schema: shipped inside the package, or schema/ of a source checkout."""
    packaged = resources.files("cmvisit_data").joinpath("schema", SCHEMA_NAME)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "schema" / SCHEMA_NAME


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    return json.loads(schema_path().read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator():  # type: ignore[no-untyped-def]
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def doc_id_for(sha256: str) -> str:
    return sha256[:16]


def empty_provenance() -> dict[str, Any]:
    return {"url": None, "outlet": None, "rights": None, "obtained": None}


def build_record(
    doc: Document,
    provenance: dict[str, Any] | None = None,
    model: HeaderModel | None = None,
    explain: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Parse a readable document into a record and validate it; raises CmvisitError if invalid."""
    parts = parse_text(doc.text, model, explain)
    source = {"file": doc.file, "sha256": doc.sha256, "bytes": doc.size, **empty_provenance()}
    if provenance:
        source.update({k: provenance.get(k) for k in ("url", "outlet", "rights", "obtained")})
    record = {
        "schema_version": SCHEMA_VERSION,
        "doc_id": doc_id_for(doc.sha256),
        "source": source,
        **parts,
        "raw_text": doc.text,
    }
    problems = validate_record(record, file=doc.file)
    if problems:
        raise CmvisitError(problems)
    return record


@lru_cache(maxsize=1)
def _fast_validator():  # type: ignore[no-untyped-def]
    """A compiled validator of the same schema (jsonschema-rs) for the valid path, or None."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - the pure-Python validator does the whole job
        return None
    from jsonschema import Draft202012Validator

    # The reference decides; a format it cannot check here (such as "uri" without rfc3987
    # installed) must not be checked by the fast path either, or the two would disagree.
    checked = set(Draft202012Validator.FORMAT_CHECKER.checkers)
    unchecked = {name: _any_value for name in _formats(load_schema()) if name not in checked}
    return jsonschema_rs.validator_for(load_schema(), validate_formats=True, formats=unchecked)


def _any_value(value: Any) -> bool:
    return True


def _formats(node: Any) -> set[str]:
    """Every "format" keyword used in a schema."""
    if isinstance(node, dict):
        found = {node["format"]} if isinstance(node.get("format"), str) else set()
        return found.union(*(_formats(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_formats(v) for v in node))
    return set()


def schema_valid(record: Any) -> bool:
    """Whether a record satisfies the JSON Schema (compiled validator when available)."""
    fast = _fast_validator()
    if fast is not None:
        return bool(fast.is_valid(record))
    return _validator().is_valid(record)


def validate_record(record: Any, file: str | None = None, line: int | None = None) -> list[Problem]:
    """Every problem with one record: schema errors first, then span and identity checks.

    The compiled validator answers for valid records; `jsonschema` (the reference) reports
    the errors of invalid ones, with their JSON pointers."""
    if schema_valid(record) and isinstance(record, dict):
        return _semantic_problems(record, file, line)
    problems = [
        Problem(
            "schema-violation",
            error.message,
            file=file,
            line=line,
            pointer="/" + "/".join(str(p) for p in error.absolute_path),
            value=error.instance if not isinstance(error.instance, dict | list) else None,
        )
        for error in sorted(_validator().iter_errors(record), key=lambda e: list(map(str, e.absolute_path)))
    ]
    if problems or not isinstance(record, dict):
        return problems
    return _semantic_problems(record, file, line)


def _spans(record: dict[str, Any]):  # type: ignore[no-untyped-def]
    """(pointer, span) for every span-carrying item of a record."""
    for key in ("highlights", "paragraphs", "quotes", "tweets", "related", "boilerplate"):
        for i, item in enumerate(record[key]):
            yield f"/{key}/{i}", item
            if key == "quotes" and item.get("cue"):
                yield f"/quotes/{i}/cue", item["cue"]
            if key == "tweets":
                yield f"/tweets/{i}/attribution", item["attribution"]
    spans = record["metadata"]["spans"]
    for name in ("title", "published", "dateline"):
        if spans[name] is not None:
            yield f"/metadata/spans/{name}", spans[name]
    for i, span in enumerate(spans["byline"]):
        yield f"/metadata/spans/byline/{i}", span


def _semantic_problems(record: dict[str, Any], file: str | None, line: int | None) -> list[Problem]:
    raw = record["raw_text"]
    problems: list[Problem] = []
    for pointer, span in _spans(record):
        start, end = span["start"], span["end"]
        if not 0 <= start < end <= len(raw):
            problems.append(
                Problem(
                    "span-out-of-range",
                    f"offsets {start}..{end} are outside the raw text of {len(raw)} characters",
                    file=file,
                    line=line,
                    pointer=pointer,
                )
            )
        elif raw[start:end] != span["text"]:
            problems.append(
                Problem(
                    "span-mismatch",
                    f"raw_text[{start}:{end}] is {raw[start:end][:60]!r}, not the text given",
                    file=file,
                    line=line,
                    pointer=pointer + "/text",
                    value=span["text"][:60],
                )
            )
    meta, spans = record["metadata"], record["metadata"]["spans"]
    for name in ("title", "dateline"):
        printed = spans[name]["text"] if spans[name] else None
        if meta[name] != printed:
            problems.append(
                Problem(
                    "span-mismatch",
                    f"metadata.{name} differs from its span's text",
                    file=file,
                    line=line,
                    pointer=f"/metadata/{name}",
                    value=meta[name],
                )
            )
    if [s["text"] for s in spans["byline"]] != meta["byline"]:
        problems.append(
            Problem(
                "span-mismatch",
                "metadata.byline differs from its spans' texts",
                file=file,
                line=line,
                pointer="/metadata/byline",
            )
        )
    if (meta["published"] is None) != (spans["published"] is None):
        problems.append(
            Problem(
                "span-mismatch",
                "metadata.published and its span must be both set or both null",
                file=file,
                line=line,
                pointer="/metadata/published",
            )
        )
    sha = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    if record["source"]["sha256"] != sha:
        problems.append(
            Problem(
                "checksum-mismatch",
                "source.sha256 is not the SHA-256 of raw_text",
                file=file,
                line=line,
                pointer="/source/sha256",
                value=record["source"]["sha256"],
            )
        )
    if record["doc_id"] != doc_id_for(record["source"]["sha256"]):
        problems.append(
            Problem(
                "doc-id-mismatch",
                "doc_id does not match source.sha256",
                file=file,
                line=line,
                pointer="/doc_id",
                value=record["doc_id"],
            )
        )
    if record["source"]["bytes"] != len(raw.encode("utf-8")):
        problems.append(
            Problem(
                "schema-violation",
                "source.bytes is not the size of raw_text in UTF-8",
                file=file,
                line=line,
                pointer="/source/bytes",
                value=record["source"]["bytes"],
            )
        )
    return problems
