"""The provenance table: where each document an add is given came from, one row per file.

`cmvisit add --provenance sources.csv` (or `.jsonl`) reads a table with the columns (JSON
keys) file, url, outlet, rights and obtained; `file` names a document being added (its file
name, its path as given, or its path inside a folder given). Each value passes the policy the
options pass (the text policy for provenance, then the seeds schema: an http(s) URL, one line
of visible text), and `null` or an empty cell is no value. The table is checked whole before
anything is added: an unknown column, a row for a file not being added, a document with no row
and a second row for one document are each one problem naming the table, its line and the
column. Adding the documents is `seeds.add`'s, not this module's.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

from ..contract import PROVENANCE_FIELDS
from ..errors import Problem
from ..inputs import NULL_WORD, open_regular, provenance_text_problem
from ..strictjson import DuplicateKey, no_duplicate_keys

TABLE_SUFFIXES = (".csv", ".jsonl")
COLUMNS = ("file", *PROVENANCE_FIELDS)
# The table of a large add (10,000 documents with their URLs) is a few MB; this is far above.
MAX_TABLE_BYTES = 256 * 1024 * 1024
_COLUMNS_HINT = (
    f"Use the columns {', '.join(COLUMNS)} only (write {NULL_WORD}, or leave a cell empty, where not known)."
)
_ROW_HINT = (
    "Give every document being added one row, named by its file name or its path as given "
    f"(write {NULL_WORD}, or leave a cell empty, where a value is not known)."
)
_VALUE_HINT = (
    f"Give an http(s) URL, and names and notes as one line of visible text; write {NULL_WORD}, "
    "or leave the cell empty, where not known."
)


class _Row:
    __slots__ = ("file", "line", "provenance")

    def __init__(self, file: str, line: int, provenance: dict[str, Any]):
        self.file, self.line, self.provenance = file, line, provenance


def read_table(path: str | os.PathLike[str]) -> tuple[list[_Row], list[Problem]]:
    """The table's rows with their values checked, or every problem found in it."""
    name = str(path)
    if Path(name).suffix.lower() not in TABLE_SUFFIXES:
        what = f"a provenance table is a .csv or a .jsonl file, not {Path(name).suffix or 'a bare name'}"
        return [], [
            Problem(
                "unsupported-file",
                what,
                file=name,
                hint=f"Give the table as CSV or JSON Lines. {_COLUMNS_HINT}",
            )
        ]
    handle, problems = open_regular(name)
    if handle is None:
        return [], problems
    with handle:
        data = handle.read(MAX_TABLE_BYTES + 1)
    if len(data) > MAX_TABLE_BYTES:
        return [], [Problem("file-too-large", f"the table is over {MAX_TABLE_BYTES:,} bytes", file=name)]
    try:
        text = data.decode("utf-8-sig")  # a spreadsheet's CSV may open with a BOM
    except UnicodeDecodeError as exc:
        return [], [Problem("invalid-utf8", f"bytes are not UTF-8 at byte {exc.start}", file=name)]
    reader = _read_csv if name.lower().endswith(".csv") else _read_jsonl
    return reader(text, name)


def _read_csv(text: str, name: str) -> tuple[list[_Row], list[Problem]]:
    problems: list[Problem] = []
    rows: list[_Row] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    start = 1
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not cells or cells == [""]:
                continue
            if header is None:
                header = cells
                problems += _header_problems(header, name, line)
                if problems:
                    return [], problems
                continue
            if len(cells) != len(header):
                what = f"this row has {len(cells)} cells and the header names {len(header)} columns"
                hint = "Give every row one cell per column (an empty cell where a value is not known)."
                problems.append(Problem("provenance-invalid", what, file=name, line=line, hint=hint))
                continue
            row, found = _row(dict(zip(header, cells, strict=True)), name, line)
            problems += found
            if row is not None:
                rows.append(row)
    except csv.Error as exc:
        hint = "Save the table as CSV (comma-separated, UTF-8) or JSON Lines."
        what = f"not a CSV table: {exc}"
        problems.append(Problem("provenance-invalid", what, file=name, line=reader.line_num, hint=hint))
    if header is None and not problems:
        what = "the table is empty: it has no header"
        problems.append(Problem("provenance-invalid", what, file=name, line=1, hint=_COLUMNS_HINT))
    return rows, problems


def _header_problems(header: list[str], name: str, line: int) -> list[Problem]:
    problems = []
    for i, column in enumerate(header):
        if column not in COLUMNS:
            what = f"column {column!r} is not a provenance column"
            problems.append(Problem("provenance-invalid", what, file=name, line=line, hint=_COLUMNS_HINT))
        elif column in header[:i]:
            what = f"column {column!r} is given twice"
            problems.append(
                Problem("provenance-invalid", what, file=name, line=line, hint="Give each column once.")
            )
    if "file" not in header:
        what = "the header has no 'file' column: the table must name each document"
        problems.append(Problem("provenance-invalid", what, file=name, line=line, hint=_COLUMNS_HINT))
    return problems


def _read_jsonl(text: str, name: str) -> tuple[list[_Row], list[Problem]]:
    problems: list[Problem] = []
    rows: list[_Row] = []
    # JSON Lines are parted by "\n" alone: str.splitlines() would also part a row at U+2028 or
    # U+0085 inside a string, and shift every later line number.
    for line, raw in enumerate(text.split("\n"), start=1):
        raw = raw.removesuffix("\r")
        if not raw.strip():
            continue
        try:
            item = json.loads(raw, object_pairs_hook=no_duplicate_keys)
        except DuplicateKey as exc:
            problems.append(Problem("json-duplicate-key", str(exc), file=name, line=line))
            continue
        except RecursionError:
            problems.append(
                Problem("json-too-deep", "this line nests too deep to be a row", file=name, line=line)
            )
            continue
        except json.JSONDecodeError as exc:
            problems.append(Problem("json-malformed", exc.msg, file=name, line=line, column=exc.colno))
            continue
        if not isinstance(item, dict):
            what = (
                f"this line is a JSON {type(item).__name__}, not an object with the keys {', '.join(COLUMNS)}"
            )
            problems.append(Problem("provenance-invalid", what, file=name, line=line, hint=_COLUMNS_HINT))
            continue
        unknown = [key for key in item if key not in COLUMNS]
        for key in unknown:
            what = f"key {key!r} is not a provenance column"
            problems.append(
                Problem(
                    "provenance-invalid", what, file=name, line=line, pointer=f"/{key}", hint=_COLUMNS_HINT
                )
            )
        if unknown:
            continue
        row, found = _row(item, name, line, pointers=True)
        problems += found
        if row is not None:
            rows.append(row)
    return rows, problems


def _row(
    cells: dict[str, Any], name: str, line: int, pointers: bool = False
) -> tuple[_Row | None, list[Problem]]:
    """One row's values: null, an empty cell or a missing column is no value; every other value
    passes the text policy for provenance, then the seeds schema."""
    from .manifest import provenance_schema_errors

    def place(column: str) -> dict[str, Any]:
        return {"file": name, "line": line, "pointer": f"/{column}" if pointers else None}

    problems: list[Problem] = []
    values: dict[str, Any] = dict.fromkeys(COLUMNS)
    for column in COLUMNS:
        value = cells.get(column)
        if value is not None and not isinstance(value, str):
            what = f"column {column}: a JSON {type(value).__name__}, where a string or null is meant"
            problems.append(
                Problem("provenance-invalid", what, value=value, hint=_VALUE_HINT, **place(column))
            )
        elif value is None or value == "" or value.casefold() == NULL_WORD:
            values[column] = None
        elif column == "file":
            values[column] = value
        else:
            why = provenance_text_problem(column, value)
            if why is None:  # the schema's check (an http(s) URL, a bounded length) follows
                values[column] = value
            else:
                problems.append(
                    Problem(
                        "provenance-invalid", f"column {column}: {why}", hint=_VALUE_HINT, **place(column)
                    )
                )
    provenance = {field: values[field] for field in PROVENANCE_FIELDS}
    for column, why in provenance_schema_errors(provenance).items():
        what = f"column {column}: {repr(provenance[column])[:80]} is not allowed: {why}"
        problems.append(Problem("provenance-invalid", what, hint=_VALUE_HINT, **place(column)))
    if values["file"] is None:
        if "file" not in cells or cells["file"] in (None, "") or str(cells["file"]).casefold() == NULL_WORD:
            what = "column file: empty: name the document this row is for"
            problems.append(Problem("provenance-invalid", what, hint=_ROW_HINT, **place("file")))
        return None, problems
    # A row with a bad value is still matched to its document, so that every problem of the
    # table is reported at once.
    return _Row(values["file"], line, provenance), problems


def match_table(
    path: str | os.PathLike[str], documents: list[str], given: list[str]
) -> tuple[dict[str, dict[str, Any]], list[Problem]]:
    """document -> its row's provenance, for every document being added (`documents`, as
    seeds.folders.expand lists the paths `given`), or every problem of the table: its own, a row for
    a file not being added, a row that fits several documents, a second row for a document,
    and a document with no row."""
    name = str(path)
    rows, problems = read_table(path)
    if not rows and problems:
        return {}, problems  # a table that could not be read (or its header), not its rows
    by_key: dict[str, list[str]] = {}
    for document in documents:
        for key in _keys(document, given):
            by_key.setdefault(key, [])
            if document not in by_key[key]:
                by_key[key].append(document)
    found: dict[str, dict[str, Any]] = {}
    first_line: dict[str, int] = {}
    where = {"file": name, "pointer": "/file" if name.lower().endswith(".jsonl") else None}
    for row in rows:
        fits = by_key.get(os.path.normpath(row.file), [])
        if not fits:
            what = f"column file: {row.file!r} is not a document this add is given"
            hint = "Remove the row, or name a document being added: its file name, or its path as given."
            problems.append(Problem("provenance-invalid", what, line=row.line, hint=hint, **where))
        elif len(fits) > 1:
            what = (
                f"column file: {row.file!r} names {len(fits)} documents being added ({', '.join(fits[:3])})"
            )
            hint = "Name each document by its path as given, so that a row fits one."
            problems.append(Problem("provenance-invalid", what, line=row.line, hint=hint, **where))
        elif fits[0] in found:
            what = f"column file: a second row for {fits[0]} (the first is line {first_line[fits[0]]})"
            hint = "Give each document one row: remove one of the two."
            problems.append(Problem("provenance-invalid", what, line=row.line, hint=hint, **where))
        else:
            found[fits[0]] = row.provenance
            first_line[fits[0]] = row.line
    for document in documents:
        if document not in found:
            what = f"no row for {document}, which this add is given"
            problems.append(Problem("provenance-invalid", what, file=name, hint=_ROW_HINT))
    problems.sort(key=lambda p: p.line if p.line is not None else float("inf"))  # the table's order
    return ({}, problems) if problems else (found, [])


def _keys(document: str, given: list[str]) -> set[str]:
    """The names a row may give a document by: its path as listed, its file name, and its path
    inside each folder given that holds it."""
    path = os.path.normpath(document)
    keys = {path, os.path.basename(path)}
    for folder in given:
        top = os.path.normpath(folder)
        if os.path.isdir(folder) and path.startswith(top.rstrip(os.sep) + os.sep):
            keys.add(os.path.relpath(path, top))
    return keys
