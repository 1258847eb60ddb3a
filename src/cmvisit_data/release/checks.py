"""Table checks: the one path that decides whether a batch of release tables is valid.

`check_batch` runs while a release is built (in the workers, on each chunk's tables) and
again, on the stored data, by `cmvisit verify`: verify is the build's checks plus checksums.
Per table, a pandera schema generated from the table schema: column types, nullability,
unique keys, and the JSON Schema's own constraints on each column (enum, pattern, minimum,
minLength, maxLength), plus `start < end`. Across tables: every item's `doc_id` is in
`documents`, `end <= len(raw_text)`, each item's text is `raw_text[start:end]`; per
document, its raw text encodes to its recorded sha256 and each metadata span selects its
text. Every failure is a `Problem` naming the table, the row key, the column and the rule.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import TYPE_CHECKING, Any

from ..errors import Problem
from ..tables import TABLE_NAMES, column_constraints, span_columns, table_schema

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
        checks = _column_checks(field.name, column_constraints(table, field.name), _pandera_dtype(field))
        if field.name == "position":
            checks.append(pda.Check.ge(0, name="position >= 0"))
        columns[field.name] = pda.Column(_pandera_dtype(field), checks=checks, nullable=field.nullable)
    frame_checks = []
    names = table_schema(table).names
    if "start" in names and "end" in names:
        frame_checks.append(pda.Check(lambda df: df["start"] < df["end"], name="start < end"))
    unique = ["doc_id"] if table == "documents" else ["doc_id", "position"]
    return pda.DataFrameSchema(columns, checks=frame_checks, unique=unique, strict=True, ordered=True)


def _column_checks(name: str, rules: dict[str, Any], dtype: Any) -> list[Any]:
    """pandera checks for the JSON Schema constraints of one column's values."""
    import pandera.pandas as pda

    checks = []
    if "enum" in rules:
        checks.append(pda.Check.isin(rules["enum"], name=f"{name} in {rules['enum']}"))
    if dtype is str:
        if "pattern" in rules:
            checks.append(pda.Check.str_matches(rules["pattern"], name=f"{name} matches {rules['pattern']}"))
        low, high = rules.get("minLength"), rules.get("maxLength")
        if low is not None or high is not None:
            label = f"{low or 0} <= len({name})" + (f" <= {high}" if high is not None else "")
            checks.append(pda.Check.str_length(low, high, name=label))
    if dtype in ("int32", "int64"):
        if "minimum" in rules:
            checks.append(pda.Check.ge(rules["minimum"], name=f"{name} >= {rules['minimum']}"))
        if "maximum" in rules:
            checks.append(pda.Check.le(rules["maximum"], name=f"{name} <= {rules['maximum']}"))
    return checks


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
        self.failures: dict[str, int] = {}  # per table, reported or not

    def add_documents(self, batch: pa.RecordBatch | pa.Table, file: str | None = None) -> None:
        """Remember each document's raw text; check its checksum and its metadata spans."""
        spans = span_columns("documents")
        columns = {
            name: batch.column(name).to_pylist() for name in ("doc_id", "raw_text", "raw_sha256", *spans)
        }
        for i, (doc_id, raw) in enumerate(zip(columns["doc_id"], columns["raw_text"], strict=True)):
            self.raw[doc_id] = raw
            if hashlib.sha256(raw.encode("utf-8")).hexdigest() != columns["raw_sha256"][i]:
                self._fail("documents", doc_id, "raw_text", "raw_text does not encode to the recorded bytes",
                           file, kind="checksum-mismatch")  # fmt: skip
            for column in spans:
                value = columns[column][i]
                for span in value if isinstance(value, list) else [value] if value else []:
                    if raw[span["start"] : span["end"]] != span["text"]:
                        self._fail("documents", doc_id, column, "the span does not select its text", file)

    def _fail(
        self, table: str, row: str, column: str, message: str, file: str | None, kind: str = "table-check"
    ) -> None:
        self.failures[table] = self.failures.get(table, 0) + 1
        if self.failures[table] <= MAX_REPORTED:
            self.problems.append(Problem(kind, message, file=file, table=table, row=row, field=column))

    def check_items(self, table: str, batch: pa.RecordBatch | pa.Table, file: str | None = None) -> None:
        """Each item's document exists and its text, and every span it holds, select raw_text."""
        nested = span_columns(table)
        names = ("doc_id", "position", "text", "start", "end", *nested)
        columns = {name: batch.column(name).to_pylist() for name in names}
        for i, (doc_id, position, text, start, end) in enumerate(
            zip(*list(columns.values())[:5], strict=True)
        ):
            row = f"{doc_id}/{position}"
            raw = self.raw.get(doc_id)
            if raw is None:
                self._fail(table, row, "doc_id", f"doc_id {doc_id} is not in documents", file)
            elif end > len(raw):
                past = f"end {end} is past the end of the raw text ({len(raw)} characters)"
                self._fail(table, row, "end", past, file)
            elif raw[start:end] != text:
                self._fail(table, row, "text", f"raw_text[{start}:{end}] is not the row's text", file)
            else:
                for column in nested:
                    span = columns[column][i]
                    if span and raw[span["start"] : span["end"]] != span["text"]:
                        self._fail(table, row, column, "the span does not select its text", file)

    def summary(self, file: str | None = None) -> list[Problem]:
        """The problems found, with a count of those not listed one by one."""
        more = [
            Problem("table-check", f"{n - MAX_REPORTED} more rows fail cross-table rules", file=file, table=t)
            for t, n in self.failures.items()
            if n > MAX_REPORTED
        ]
        return self.problems + more


def check_batch(tables: dict[str, pa.Table], file: str | None = None) -> list[Problem]:
    """Every check over one batch of a release: documents and the item rows of the same
    documents (a chunk while building, a row group and its items while verifying)."""
    documents = tables["documents"]
    problems = check_frame("documents", documents.drop_columns(["raw_text"]).to_pandas(), file, ("raw_text",))
    cross = CrossTable()
    cross.add_documents(documents, file)
    for name in TABLE_NAMES[1:]:
        if name in tables:
            problems.extend(check_frame(name, tables[name].to_pandas(), file))
            cross.check_items(name, tables[name], file)
    return problems + cross.summary(file)
