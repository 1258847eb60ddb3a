"""Table checks: the one path that decides whether a batch of release tables is valid.

`check_batch` runs while a release is built (in the workers, on each chunk's tables) and
again, on the stored data, by `cmvisit verify`: verify is the build's checks plus checksums.
Per table, a pandera schema generated from the table schema: column types, nullability,
unique keys, and the JSON Schema's own constraints on each column (enum, pattern, minimum,
minLength, maxLength), plus `start < end`. Across tables: every item's `doc_id` is in
`documents`, `end <= len(raw_text)`, each item's text is `raw_text[start:end]`, items follow
the documents' order with positions 0, 1, 2, ...; per document, its raw text encodes to its
recorded sha256 and byte count, its doc_id is that sha256's first 16 digits, each metadata
span selects its text and each metadata value is what its span reads (a date as the parser's
date reader reads it), its counts are its rows, its body text its paragraphs; a post's author,
handle, date and entities are what its attribution and text hold. Every failure is a
`Problem` naming the table, the row key, the column and the rule.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import TYPE_CHECKING, Any

from ..errors import Problem
from ..tables import (
    COUNTED,
    DOCUMENT_COLUMNS,
    TABLE_KEYS,
    TABLE_NAMES,
    column_constraints,
    row_key,
    span_columns,
    table_schema,
)
from .records import doc_id_for

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
    unique = list(TABLE_KEYS[table])
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
    return row_key(table, row)


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
                key = TABLE_KEYS[table]
                check = "unique " + (key[0] if len(key) == 1 else f"({', '.join(key)})")
                column = ", ".join(key)
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
    """Rules across tables, fed batch by batch: documents first, then the item tables, then
    `summary`. Every value the data determines is recomputed from it: a document's identity
    from its raw text, its metadata from their spans, its counts and body text from its items,
    a post's author, handle, date and entities from its attribution and text."""

    def __init__(self) -> None:
        self.raw: dict[str, str] = {}
        self.order: dict[str, int] = {}  # doc_id -> its row among the documents
        self.counts: dict[str, dict[str, int]] = {}  # doc_id -> n_<table> as recorded
        self.body: dict[str, str] = {}
        self.paragraphs: dict[str, list[str]] = {}
        self.seen: dict[tuple[str, str], int] = {}  # (table, doc_id) -> rows met, the next position
        self.last: dict[str, int] = {}  # table -> the document row of its last item
        self.tables: set[str] = set()
        self.problems: list[Problem] = []
        self.failures: dict[str, int] = {}  # per table, reported or not

    def add_documents(self, batch: pa.RecordBatch | pa.Table, file: str | None = None) -> None:
        """Remember each document's raw text and counts; check its identity and its metadata."""
        spans = span_columns("documents")
        names = (
            "doc_id",
            "raw_text",
            "raw_sha256",
            "raw_bytes",
            "title",
            "dateline",
            "byline",
            "published",
            "body_text",
            *COUNTED,
            *spans,
        )
        columns = {name: batch.column(name).to_pylist() for name in dict.fromkeys(names)}
        for name in ("rendering", "encoding"):  # HTML pages (schema 1.2.0); older releases have none
            present = name in batch.schema.names
            columns[name] = batch.column(name).to_pylist() if present else [None] * batch.num_rows
        for i, (doc_id, page) in enumerate(zip(columns["doc_id"], columns["raw_text"], strict=True)):
            rendering = columns["rendering"][i]
            raw = page if rendering is None else rendering  # what every span indexes
            self.raw[doc_id] = raw
            self.order.setdefault(doc_id, len(self.order))
            self.counts[doc_id] = {table: columns[column][i] for column, table in COUNTED.items()}
            self.body[doc_id] = columns["body_text"][i]
            self.paragraphs[doc_id] = []
            row = {name: values[i] for name, values in columns.items()}
            self._identity(doc_id, page, row, file)
            for column in spans:
                value = row[column]
                for span in value if isinstance(value, list) else [value] if value else []:
                    if raw[span["start"] : span["end"]] != span["text"]:
                        self._fail("documents", doc_id, column, "the span does not select its text", file)
            self._metadata(doc_id, row, file)

    def _identity(self, doc_id: str, raw: str, row: dict[str, Any], file: str | None) -> None:
        """raw_sha256 and raw_bytes are raw_text's in its encoding, and doc_id is its sha256's
        first 16 digits."""
        try:
            encoded = raw.encode(row.get("encoding") or "utf-8")
        except (LookupError, UnicodeEncodeError):
            encoded = b""  # not the recorded bytes: the checksum check below says so
        if hashlib.sha256(encoded).hexdigest() != row["raw_sha256"]:
            self._fail("documents", doc_id, "raw_text", "raw_text does not encode to the recorded bytes",
                       file, kind="checksum-mismatch")  # fmt: skip
        if doc_id != doc_id_for(row["raw_sha256"]):
            self._fail(
                "documents",
                doc_id,
                "doc_id",
                "doc_id is not the first 16 digits of raw_sha256",
                file,
                kind="doc-id-mismatch",
            )
        if row["raw_bytes"] != len(encoded):
            self._fail(
                "documents",
                doc_id,
                "raw_bytes",
                f"raw_bytes is {row['raw_bytes']}, and raw_text is {len(encoded)} bytes in its encoding",
                file,
            )

    def _metadata(self, doc_id: str, row: dict[str, Any], file: str | None) -> None:
        """Each metadata value is what its span reads: title and dateline its text, byline its
        spans' texts, published the date its span prints (read by the parser's date reader)."""
        for name in ("title", "dateline"):
            span = row[f"{name}_span"]
            if row[name] != (span["text"] if span else None):
                self._fail("documents", doc_id, name, f"{name} is not its span's text", file)
        if row["byline"] != [span["text"] for span in row["byline_spans"]]:
            self._fail("documents", doc_id, "byline", "byline is not its spans' texts", file)
        span, published = row["published_span"], row["published"]
        if (span is None) != (published is None):
            self._fail(
                "documents", doc_id, "published", "published and its span are not both set or both null", file
            )
        elif span is not None and printed_date(span["text"]) != published.isoformat():
            self._fail(
                "documents",
                doc_id,
                "published",
                f"published is {published.isoformat()}, and its span reads {span['text'][:40]!r}",
                file,
            )

    def _fail(
        self, table: str, row: str, column: str, message: str, file: str | None, kind: str = "table-check"
    ) -> None:
        self.failures[table] = self.failures.get(table, 0) + 1
        if self.failures[table] <= MAX_REPORTED:
            self.problems.append(Problem(kind, message, file=file, table=table, row=row, field=column))

    def check_items(self, table: str, batch: pa.RecordBatch | pa.Table, file: str | None = None) -> None:
        """Each item's document exists, its rows follow the documents' order with positions
        0, 1, 2, ...; its text, and every span it holds, select raw_text."""
        self.tables.add(table)
        nested = span_columns(table)
        extra = ("author", "handle", "posted", "links", "mentions", "hashtags") if table == "tweets" else ()
        names = ("doc_id", "position", "text", "start", "end", *nested, *extra)
        columns = {name: batch.column(name).to_pylist() for name in names}
        for i, (doc_id, position, text, start, end) in enumerate(
            zip(*list(columns.values())[:5], strict=True)
        ):
            row = f"{doc_id}/{position}"
            self._sequence(table, doc_id, position, row, file)
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
                        break
                else:
                    if table == "tweets":
                        self._post(raw, {name: values[i] for name, values in columns.items()}, row, file)
            if table == "paragraphs" and doc_id in self.paragraphs:
                self.paragraphs[doc_id].append(text)

    def _sequence(self, table: str, doc_id: str, position: int, row: str, file: str | None) -> None:
        """Rows in the documents' order, each document's positions 0, 1, 2, ... in order."""
        at = self.order.get(doc_id)
        if at is not None:
            if at < self.last.get(table, -1):
                self._fail(table, row, "doc_id", "rows are out of document order", file)
            self.last[table] = at
        expected = self.seen.get((table, doc_id), 0)
        if position != expected:
            self._fail(
                table,
                row,
                "position",
                f"position {position} where {expected} comes next: a document's positions run 0, 1, 2 and on",
                file,
            )
        self.seen[(table, doc_id)] = expected + 1

    def _post(self, raw: str, post: dict[str, Any], row: str, file: str | None) -> None:
        """A post's author, handle and date are what its attribution reads, and its links,
        mentions and hashtags what its text holds (read by the parser's own readers)."""
        from ..extract.posts import ATTRIBUTION_RE, entities

        span = post["attribution"]
        match = ATTRIBUTION_RE.match(raw, span["start"], span["end"])
        read = (
            None
            if match is None
            else (match.group("author").strip(), match.group("handle"), printed_date(match.group("date")))
        )
        if read != (post["author"], post["handle"], post["posted"].isoformat()):
            self._fail(
                "tweets",
                row,
                "attribution",
                "author, handle or posted is not what the attribution reads",
                file,
            )
        found = entities(post["text"])
        if [post[k] for k in ("links", "mentions", "hashtags")] != [
            found[k] for k in ("links", "mentions", "hashtags")
        ]:
            self._fail(
                "tweets", row, "links", "links, mentions or hashtags are not those the text holds", file
            )

    def _totals(self, file: str | None) -> None:
        """Each document's counts are its rows in each item table; its body text is its
        paragraphs joined by blank lines."""
        for doc_id, counts in self.counts.items():
            for table in sorted(self.tables):
                got = self.seen.get((table, doc_id), 0)
                if counts[table] != got:
                    self._fail(
                        "documents",
                        doc_id,
                        f"n_{table}",
                        f"n_{table} is {counts[table]}, and {table} holds {got} rows of it",
                        file,
                    )
            if "paragraphs" in self.tables and self.body[doc_id] != "\n\n".join(self.paragraphs[doc_id]):
                self._fail(
                    "documents",
                    doc_id,
                    "body_text",
                    "body_text is not the paragraphs joined by blank lines",
                    file,
                )

    def summary(self, file: str | None = None) -> list[Problem]:
        """The problems found, with a count of those not listed one by one."""
        self._totals(file)
        more = [
            Problem("table-check", f"{n - MAX_REPORTED} more rows fail cross-table rules", file=file, table=t)
            for t, n in self.failures.items()
            if n > MAX_REPORTED
        ]
        return self.problems + more


def printed_date(text: str) -> str | None:
    """The ISO date a span prints, read by the parser's date reader: one date, the whole span."""
    from ..extract.dates import find_dates

    found = find_dates(text)
    return found[0].iso if len(found) == 1 and (found[0].start, found[0].end) == (0, len(text)) else None


# The documents columns record schema 1.2.0 added (HTML pages), absent from older releases.
COLUMNS_SINCE_1_2_0 = ("media_type", "encoding", "metadata_sources", "rendering")
# The documents columns the schema marks as added later (`x-since`: 1.3.0's curation columns),
# absent from the releases built before.
LATER_COLUMNS = tuple(c.name for c in DOCUMENT_COLUMNS if "x-since" in (c.node or {}))
# The item columns it added, by table, likewise absent from older releases.
ITEM_COLUMNS_SINCE_1_2_0 = {"tweets": ("status_url",)}


def check_batch(tables: dict[str, pa.Table], file: str | None = None) -> list[Problem]:
    """Every check over one batch of a release: documents and the item rows of the same
    documents (a chunk while building, a row group and its items while verifying)."""
    documents = tables["documents"]
    # The long texts are checked by CrossTable, not pandera; the columns of schema 1.2.0 only
    # where the table has them (layout-1 releases were built before).
    texts = [name for name in ("raw_text", "rendering") if name in documents.schema.names]
    absent = tuple(n for n in (*COLUMNS_SINCE_1_2_0, *LATER_COLUMNS) if n not in documents.schema.names)
    frame = documents.drop_columns(texts).to_pandas()
    problems = check_frame("documents", frame, file, ("raw_text", "rendering", *absent))
    cross = CrossTable()
    cross.add_documents(documents, file)
    for name in TABLE_NAMES[1:]:
        if name in tables:
            since = tuple(
                n for n in ITEM_COLUMNS_SINCE_1_2_0.get(name, ()) if n not in tables[name].schema.names
            )
            problems.extend(check_frame(name, tables[name].to_pandas(), file, since))
            cross.check_items(name, tables[name], file)
    return problems + cross.summary(file)
