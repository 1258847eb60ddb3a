"""Validating a record: the one place that decides whether a record is valid.

Every problem is collected: JSON Schema errors with their JSON pointers, then the checks a
schema cannot express. Each span (wherever the schema puts one, `contract.spans_of`) selects
exactly its text; metadata values equal their spans' texts; the checksum, doc_id and byte
count agree with the raw text. `record.build_record` and `cmvisit validate` both call
`validate_record`; the release's table checks apply the same span and identity rules to
stored rows (`validation.tables`).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Any

from ..contract import load_schema, resolve, spans_of
from ..errors import Problem


def doc_id_for(sha256: str) -> str:
    """A document's identifier: the first 16 hex digits of the SHA-256 of its bytes."""
    return sha256[:16]


@lru_cache(maxsize=1)
def _validator():  # type: ignore[no-untyped-def]
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


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


def validate_record(
    record: Any, file: str | None = None, line: int | None = None, decoded: bool = False
) -> list[Problem]:
    """Every problem with one record: schema errors first, then span and identity checks.

    The compiled validator answers for valid records; `jsonschema` (the reference) reports
    the errors of invalid ones, with their JSON pointers. `decoded`: the record was just made
    from a file (`record.build_record`), so its raw_text is the very string `inputs.decode`
    made of the file's bytes and checked against the text policy, and its sha256, byte count
    and doc_id are those bytes' own: neither is checked twice (a release's table checks
    check the checksum again, on the stored text)."""
    if schema_valid(record) and isinstance(record, dict):
        if decoded:
            return _semantic_problems(record, file, line, identity=False)
        return _text_problems(record, file, line) or _semantic_problems(record, file, line)
    problems = [
        Problem(
            "schema-violation",
            _message(error),
            file=file,
            line=line,
            pointer="/" + "/".join(str(p) for p in error.absolute_path),
            value=error.instance if not isinstance(error.instance, dict | list) else None,
        )
        for error in sorted(_validator().iter_errors(record), key=lambda e: list(map(str, e.absolute_path)))
    ]
    if problems or not isinstance(record, dict):
        return problems
    return _text_problems(record, file, line) or _semantic_problems(record, file, line)


def _message(error: Any) -> str:
    """A schema error in words a contributor can act on: for a value that matches none of a
    field's options, what the options are ("a YYYY-MM-DD date or null")."""
    if error.validator != "anyOf":
        return error.message
    options = [_describe(resolve(option)) for option in error.validator_value]
    shown = repr(error.instance)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return f"{shown} is not {' or '.join(options)}"


def _describe(node: dict[str, Any]) -> str:
    kind = node.get("type")
    if kind == "null":
        return "null"
    if node.get("format") == "date":
        return "a YYYY-MM-DD date string"
    if "enum" in node:
        return "one of " + ", ".join(map(repr, node["enum"]))
    if kind == "object" and "text" in node.get("properties", {}):
        return "a span object {text, start, end}"
    return {"string": "a string", "integer": "an integer", "array": "a list", "object": "an object"}.get(
        kind, str(kind)
    )


def _text_problems(record: dict[str, Any], file: str | None, line: int | None) -> list[Problem]:
    """The raw text obeys the same text policy as a raw document (`inputs`): no invisible,
    surrogate or unassigned characters, and not only white space."""
    from ..inputs import control_character_problems

    raw = record["raw_text"]
    if not raw.strip():
        return [
            Problem(
                "empty-document", "raw_text holds only white space", file=file, line=line, pointer="/raw_text"
            )
        ]
    return control_character_problems(raw, file or "<record>", in_record=True, line=line)


def _semantic_problems(
    record: dict[str, Any], file: str | None, line: int | None, identity: bool = True
) -> list[Problem]:
    def problem(kind: str, message: str, pointer: str, value: Any = None) -> Problem:
        return Problem(kind, message, file=file, line=line, pointer=pointer, value=value)

    return [*_span_problems(record, problem), *_metadata_problems(record, problem),
            *(_identity_problems(record, problem) if identity else ())]  # fmt: skip


def _span_problems(record: dict[str, Any], problem: Any) -> list[Problem]:
    """Every span selects its text: in `rendering` for an HTML page, in raw_text otherwise."""
    raw = record["raw_text"] if record.get("rendering") is None else record["rendering"]
    name = "raw_text" if record.get("rendering") is None else "rendering"
    out = []
    for pointer, span in spans_of(record):
        start, end = span["start"], span["end"]
        if not 0 <= start < end <= len(raw):
            out.append(
                problem(
                    "span-out-of-range",
                    f"offsets {start}..{end} are outside {name} of {len(raw)} characters",
                    pointer,
                )
            )
        elif raw[start:end] != span["text"]:
            out.append(
                problem(
                    "span-mismatch",
                    f"{name}[{start}:{end}] is {raw[start:end][:60]!r}, not the text given",
                    pointer + "/text",
                    span["text"][:60],
                )
            )
    return out


def _metadata_problems(record: dict[str, Any], problem: Any) -> list[Problem]:
    """Metadata values are their spans' texts (published is a date: set exactly with its span)."""
    meta, spans = record["metadata"], record["metadata"]["spans"]
    out = []
    for name in ("title", "dateline"):
        printed = spans[name]["text"] if spans[name] else None
        if meta[name] != printed:
            out.append(
                problem("span-mismatch", f"metadata.{name} differs from its span's text", f"/metadata/{name}",
                        meta[name])
            )  # fmt: skip
    if [s["text"] for s in spans["byline"]] != meta["byline"]:
        out.append(
            problem("span-mismatch", "metadata.byline differs from its spans' texts", "/metadata/byline")
        )
    if (meta["published"] is None) != (spans["published"] is None):
        out.append(
            problem(
                "span-mismatch",
                "metadata.published and its span must be both set or both null",
                "/metadata/published",
            )
        )
    return out


def _identity_problems(record: dict[str, Any], problem: Any) -> list[Problem]:
    """The checksum, doc_id and byte count are those of the raw text."""
    raw, source = record["raw_text"], record["source"]
    try:
        encoded = raw.encode(record.get("encoding", "utf-8"))
    except (LookupError, UnicodeEncodeError):
        encoded = b""  # not the document's bytes: the checks below say so
    out = []
    if source["sha256"] != hashlib.sha256(encoded).hexdigest():
        out.append(
            problem("checksum-mismatch", "source.sha256 is not the SHA-256 of raw_text", "/source/sha256",
                    source["sha256"])
        )  # fmt: skip
    if record["doc_id"] != doc_id_for(source["sha256"]):
        out.append(
            problem("doc-id-mismatch", "doc_id does not match source.sha256", "/doc_id", record["doc_id"])
        )
    if source["bytes"] != len(encoded):
        out.append(
            problem("byte-count-mismatch", "", "/source/bytes", source["bytes"])  # the catalogue's message
        )  # fmt: skip
    return out
