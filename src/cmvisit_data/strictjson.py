"""JSON read strictly: an object that names a key twice is an error, never "the last one wins".

`no_duplicate_keys` is the hook the readers of manifests and records pass to json.loads.
`loads` and `read` go further, for a file whose numbers are used as numbers (a header weights
file): only finite numbers (no NaN, no Infinity, no 1e400 that overflows to infinity), no
integer too long for Python to read, no duplicate key, a bounded depth and, for a file, a
bounded size. What is refused is a `StrictJSONError` that names the place (JSON pointer, or line
and column when the text is not JSON at all), never a traceback.
"""

from __future__ import annotations

import json
import math
import os
import re
from typing import Any

# How deep objects and arrays may nest: far deeper than any file the project reads (a weights
# file nests 3 deep, a record 5), far below the recursion limit json's parser would hit.
MAX_DEPTH = 64
# The longest integer read, in digits: a count or an id fits in 20; Python refuses more than
# 4,300 by itself (ValueError) and takes time quadratic in the length below that.
MAX_INT_DIGITS = 100


class DuplicateKey(ValueError):
    """A key that appears twice in one JSON object; args[0] is the key."""

    def __str__(self) -> str:
        return f"the key {self.args[0]!r} appears twice in one object"


def no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads(..., object_pairs_hook=no_duplicate_keys)."""
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKey(key)
        seen[key] = value
    return seen


class StrictJSONError(ValueError):
    """A JSON text refused by `loads`: what is wrong, and where (a JSON pointer, or the line
    and column of a syntax error)."""

    def __init__(
        self, message: str, pointer: str | None = None, line: int | None = None, column: int | None = None
    ):
        super().__init__(message)
        self.message, self.pointer, self.line, self.column = message, pointer, line, column

    def where(self) -> str:
        if self.pointer is not None:
            return self.pointer or "/"
        if self.line is not None:
            return f"line {self.line}, column {self.column}"
        return "/"

    def __str__(self) -> str:
        return f"{self.where()}: {self.message}"


class _Refused:
    """Put in place of a value the parser's hooks refuse; `loads` finds it and names its place."""

    __slots__ = ("why",)

    def __init__(self, why: str):
        self.why = why


def _pairs(pairs: list[tuple[str, Any]]) -> Any:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            return _Refused(f"the key {key!r} appears twice in this object; keep one")
        seen[key] = value
    return seen


def _float(text: str) -> Any:
    value = float(text)
    if not math.isfinite(value):
        return _Refused(f"{_cut(text)} is too large for a number (it overflows to infinity)")
    return value


def _int(text: str) -> Any:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        return _Refused(f"an integer of {digits:,} digits (at most {MAX_INT_DIGITS})")
    try:
        return int(text)
    except ValueError as exc:  # int-max-str-digits, should MAX_INT_DIGITS ever exceed it
        return _Refused(f"an integer Python cannot read ({exc})")


def _constant(name: str) -> Any:
    return _Refused(f"{name} is not a number JSON allows; give a finite number")


def _cut(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


# Strings (skipped whole), and the characters that open, close or separate containers.
_TOKEN_RE = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{},:]', re.DOTALL)


def _too_deep(text: str, max_depth: int) -> StrictJSONError | None:
    """The first container nested deeper than max_depth, as an error naming its pointer; read
    by a scan of the text (json's parser would recurse once per level before any hook ran)."""
    path: list[list[Any]] = []  # per open container: [kind, key or index, expecting a key]
    for m in _TOKEN_RE.finditer(text):
        token = m.group()
        top = path[-1] if path else None
        if token in "[{":
            if len(path) >= max_depth:
                pointer = "".join(f"/{_escape(str(step[1]))}" for step in path)
                return StrictJSONError(f"objects and arrays nest deeper than {max_depth} levels", pointer)
            path.append(["[", 0, False] if token == "[" else ["{", "", True])
        elif token in "]}":
            if path:
                path.pop()
        elif top is None:
            continue
        elif token == ",":
            if top[0] == "[":
                top[1] += 1
            else:
                top[2] = True
        elif token == ":":
            top[2] = False
        elif top[0] == "{" and top[2]:
            try:
                top[1] = json.loads(token)
            except ValueError:
                top[1] = token[1:-1]
    return None


def _escape(step: str) -> str:
    return step.replace("~", "~0").replace("/", "~1")


def _find_refused(value: Any, pointer: str = "") -> StrictJSONError | None:
    """The first refused value in document order, with its pointer."""
    stack: list[tuple[str, Any]] = [(pointer, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, _Refused):
            return StrictJSONError(item.why, where)
        if isinstance(item, dict):
            stack.extend((f"{where}/{_escape(k)}", v) for k, v in reversed(list(item.items())))
        elif isinstance(item, list):
            stack.extend((f"{where}/{i}", v) for i, v in reversed(list(enumerate(item))))
    return None


def loads(text: str, max_depth: int = MAX_DEPTH) -> Any:
    """text as JSON, strictly (see the module's docstring), or StrictJSONError."""
    deep = _too_deep(text, max_depth)
    if deep is not None:
        raise deep
    try:
        data = json.loads(
            text, object_pairs_hook=_pairs, parse_float=_float, parse_int=_int, parse_constant=_constant
        )
    except json.JSONDecodeError as exc:
        raise StrictJSONError(f"not JSON: {exc.msg}", line=exc.lineno, column=exc.colno) from None
    except RecursionError:  # the scan and the parser disagree on a malformed text
        raise StrictJSONError(f"objects and arrays nest deeper than {max_depth} levels") from None
    refused = _find_refused(data)
    if refused is not None:
        raise refused
    return data


def read(path: str | os.PathLike[str], max_bytes: int, max_depth: int = MAX_DEPTH) -> Any:
    """The JSON file at path, strictly: a regular file (never a FIFO), at most max_bytes, UTF-8.
    Every refusal is a StrictJSONError; its message names neither the path (the caller does)."""
    from .inputs import open_regular

    handle, problems = open_regular(path)
    if handle is None:
        raise StrictJSONError(problems[0].message, pointer="")
    with handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise StrictJSONError(f"the file is over the limit of {max_bytes:,} bytes", pointer="")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StrictJSONError(f"not UTF-8 at byte {exc.start}", pointer="") from None
    return loads(text, max_depth)
