"""Table checks: pandera schemas generated from the table schemas, and cross-table rules.

Before a release is written (and again by `cmvisit verify`), every table is checked:
column types, non-null keys, unique keys, enum columns within their sets, patterns
(doc_id, handle, sha256), `0 <= start < end`, and across tables: every item's `doc_id`
is in `documents`, `end <= len(raw_text)`, and each span's text is exactly
`raw_text[start:end]`. Every failure becomes a `Problem` naming the table, the row key,
the column and the rule. Checks run batch by batch, so memory stays bounded.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from .errors import Problem
from .tables import TABLE_NAMES, column_pattern, enum_values, table_schema

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

# Report at most this many failures of one rule in one table; the count says how many more.
MAX_REPORTED = 20


def _pandera_dtype(field: pa.Field) -> Any:
    import pyarrow as pa

    t = field.type
    if pa.types.is_dictionary(t):
        return "category"
    if pa.types.is_int32(t):
        return "int32"
    if pa.types.is_int64(t):
        return "int64"
    if pa.types.is_boolean(t):
        return bool
    if pa.types.is_string(t):
        return str
    return None  # lists, structs and dates are held as Python objects: checked for nulls only


@cache
def pandera_schema(table: str, exclude: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    """The pandera DataFrameSchema of a table, generated from its Arrow and JSON schemas;
    `exclude` leaves out columns checked elsewhere (the raw text, held only as Arrow)."""
    import pandera.pandas as pda

    columns: dict[str, Any] = {}
    for field in table_schema(table):
        if field.name in exclude:
            continue
        checks = []
        allowed = enum_values(table, field.name)
        if allowed:
            checks.append(pda.Check.isin(allowed, name=f"{field.name} in {allowed}"))
        pattern = column_pattern(table, field.name)
        if pattern and _pandera_dtype(field) is str:
            checks.append(pda.Check.str_matches(pattern, name=f"{field.name} matches {pattern}"))
        if field.name in ("start", "position"):
            checks.append(pda.Check.ge(0, name=f"{field.name} >= 0"))
        columns[field.name] = pda.Column(_pandera_dtype(field), checks=checks, nullable=field.nullable)
    frame_checks = []
    names = table_schema(table).names
    if "start" in names and "end" in names:
        frame_checks.append(pda.Check(lambda df: df["start"] < df["end"], name="start < end"))
    unique = ["doc_id"] if table == "documents" else ["doc_id", "position"]
    return pda.DataFrameSchema(columns, checks=frame_checks, unique=unique, strict=True, ordered=True)


def _row_key(table: str, frame: pd.DataFrame, index: Any) -> str | None:
    try:
        row = frame.loc[index]
    except (KeyError, TypeError):
        return None
    if table == "documents":
        return str(row["doc_id"])
    return f"{row['doc_id']}/{row['position']}"


def check_frame(
    table: str, frame: pd.DataFrame, file: str | None = None, exclude: tuple[str, ...] = ()
) -> list[Problem]:
    """Every pandera failure of one batch of a table."""
    import pandera.pandas as pda

    try:
        pandera_schema(table, exclude).validate(frame, lazy=True)
    except pda.errors.SchemaErrors as exc:
        problems: list[Problem] = []
        counts: dict[tuple[str, str], int] = {}
        seen: set[tuple[Any, ...]] = set()
        for case in exc.failure_cases.to_dict("records"):
            column, check = str(case.get("column")), str(case.get("check"))
            if check in ("multiple_fields_uniqueness", "field_uniqueness"):
                check = "unique " + ("doc_id" if table == "documents" else "(doc_id, position)")
                column = "doc_id" if table == "documents" else "doc_id, position"
                case = {**case, "failure_case": None}
            ident = (column, check, case.get("index"), str(case.get("failure_case")))
            if ident in seen:
                continue
            seen.add(ident)
            key = (column, check)
            counts[key] = counts.get(key, 0) + 1
            if counts[key] > MAX_REPORTED:
                continue
            index = case.get("index")
            row = _row_key(table, frame, index) if index is not None and index == index else None
            problems.append(
                Problem(
                    "table-check",
                    f"rule {check!r} fails"
                    + (f" on value {case['failure_case']!r}" if case.get("failure_case") is not None else ""),
                    file=file,
                    table=table,
                    row=row,
                    field=None if column == "None" else column,
                )
            )
        for (column, check), n in counts.items():
            if n > MAX_REPORTED:
                problems.append(
                    Problem(
                        "table-check",
                        f"rule {check!r} fails on {n - MAX_REPORTED} more rows",
                        file=file,
                        table=table,
                        field=column,
                    )
                )
        return problems
    return []


class CrossTable:
    """Rules across tables, fed batch by batch: documents first, then the item tables."""

    def __init__(self) -> None:
        self.raw: dict[str, str] = {}
        self.problems: list[Problem] = []

    def add_documents(self, batch: pa.RecordBatch | pa.Table) -> None:
        for doc_id, raw in zip(
            batch.column("doc_id").to_pylist(), batch.column("raw_text").to_pylist(), strict=True
        ):
            self.raw[doc_id] = raw

    def check_items(self, table: str, batch: pa.RecordBatch | pa.Table, file: str | None = None) -> None:
        columns = {
            name: batch.column(name).to_pylist() for name in ("doc_id", "position", "text", "start", "end")
        }
        failures = 0
        for doc_id, position, text, start, end in zip(*columns.values(), strict=True):
            row = f"{doc_id}/{position}"
            raw = self.raw.get(doc_id)
            if raw is None:
                message, column = f"doc_id {doc_id} is not in documents", "doc_id"
            elif end > len(raw):
                message, column = f"end {end} is past the end of the raw text ({len(raw)} characters)", "end"
            elif raw[start:end] != text:
                message, column = f"raw_text[{start}:{end}] is not the row's text", "text"
            else:
                continue
            failures += 1
            if failures <= MAX_REPORTED:
                self.problems.append(
                    Problem("table-check", message, file=file, table=table, row=row, field=column)
                )
        if failures > MAX_REPORTED:
            self.problems.append(
                Problem(
                    "table-check",
                    f"{failures - MAX_REPORTED} more rows fail cross-table rules",
                    file=file,
                    table=table,
                )
            )


def check_tables(tables: dict[str, pa.Table]) -> list[Problem]:
    """All checks over whole tables held in memory (small releases and tests)."""
    problems: list[Problem] = []
    cross = CrossTable()
    for name in TABLE_NAMES:
        table = tables[name]
        problems.extend(check_frame(name, table.to_pandas()))
        if name == "documents":
            cross.add_documents(table)
        else:
            cross.check_items(name, table)
    return problems + cross.problems
