"""Records -> typed Arrow tables. The one place that maps record fields to table columns.

A release has six tables: `documents` (one row per document) and one row per item for
`highlights`, `quotes`, `tweets`, `paragraphs` and `related`, keyed by `(doc_id, position)`.
Every column's Arrow type and description are derived from the JSON Schema
(`schema/press_release.schema.json`), never inferred from data: dates become `date32`,
enums dictionary-encoded strings, spans structs, lists typed lists, and a column is
nullable exactly when the schema allows `null`. Columns that are not record fields (counts,
the cleaned body, `duplicate_of`) are declared here with their own type and description.

Checking tables (pandera) is `checks`' job; writing them is `release`'s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from .contract import constraints, load_schema, resolve, split_null

if TYPE_CHECKING:
    import pyarrow as pa

KEY_DESCRIPTIONS = {
    "doc_id": "The document's identifier (documents.doc_id).",
    "position": "0-based position of the item within its document, in document order.",
}
# Integer fields that count characters fit in 32 bits (documents are limited to a few MB).
INT32_FIELDS = frozenset({"start", "end", "position"})


@dataclass(frozen=True)
class Column:
    """A column: its name, where its value sits in a record (a JSON pointer), or, for a
    derived column, its Arrow type name and description."""

    name: str
    pointer: str | None = None
    derived_type: str | None = None
    description: str | None = None
    nullable: bool = False


# The documents' count columns, in their column order: one per item table.
COUNTED = {f"n_{table}": table for table in ("paragraphs", "highlights", "quotes", "tweets", "related")}

DOCUMENT_COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "/doc_id"),
    Column("language", "/metadata/language"),
    Column("title", "/metadata/title"),
    Column("published", "/metadata/published"),
    Column("byline", "/metadata/byline"),
    Column("dateline", "/metadata/dateline"),
    Column("title_span", "/metadata/spans/title"),
    Column("published_span", "/metadata/spans/published"),
    Column("byline_spans", "/metadata/spans/byline"),
    Column("dateline_span", "/metadata/spans/dateline"),
    Column("source_file", "/source/file"),
    Column("source_url", "/source/url"),
    Column("outlet", "/source/outlet"),
    Column("rights", "/source/rights"),
    Column("obtained", "/source/obtained"),
    Column("raw_sha256", "/source/sha256"),
    Column("raw_bytes", "/source/bytes"),
    Column("schema_version", "/schema_version"),
    *(
        Column(column, derived_type="int32", description=f"Number of rows of this document in `{table}`.")
        for column, table in COUNTED.items()
    ),
    Column(
        "body_text",
        derived_type="string",
        description="The cleaned body: the document's paragraphs and headings joined by blank lines "
        "(boilerplate, title, byline lines, bullets and embedded posts left out).",
    ),
    Column(
        "duplicate_of",
        derived_type="string",
        nullable=True,
        description="doc_id of the copy this document nearly duplicates (the same release syndicated by "
        "another outlet), or null. See the dataset card for how it is decided.",
    ),
    Column("raw_text", "/raw_text"),
)

# Item tables: the record array each comes from. Their columns are doc_id, position and the
# item's own properties, in the schema's order.
ITEM_TABLES: dict[str, str] = {
    "highlights": "/highlights",
    "quotes": "/quotes",
    "tweets": "/tweets",
    "paragraphs": "/paragraphs",
    "related": "/related",
}
TABLE_NAMES: tuple[str, ...] = ("documents", *ITEM_TABLES)
TABLE_DESCRIPTIONS = {
    "documents": "One row per document: identity, provenance, metadata, cleaned body, raw text and counts.",
    "highlights": "Summary points printed as a list near the top of a document, one row per point.",
    "quotes": "Attributed statements (direct and Hindi reported speech), one row per quote.",
    "tweets": "Embedded social-media posts, one row per post.",
    "paragraphs": "Body paragraphs and section headings, one row per paragraph.",
    "related": "'Also Read' links to other stories, one row per link.",
}


# --- the JSON Schema, read as types ----------------------------------------------------------


@cache
def _schema_at_cached(pointer: str) -> dict[str, Any]:
    return _schema_at(pointer)


def schema_at(pointer: str) -> dict[str, Any]:
    """The (resolved) JSON Schema of the value at a record pointer such as /metadata/title."""
    return _schema_at_cached(pointer)


def _schema_at(pointer: str) -> dict[str, Any]:
    """The (resolved) JSON Schema of the value at a record pointer such as /metadata/title."""
    node = resolve(load_schema())
    for part in pointer.strip("/").split("/"):
        node = resolve(node)
        if node.get("type") == "array":
            node = resolve(node["items"])
        node = resolve(node["properties"][part])
    return node


def arrow_type(node: dict[str, Any], name: str = "") -> pa.DataType:
    import pyarrow as pa

    node, _ = split_null(node)
    kind = node.get("type")
    if kind == "string":
        if node.get("format") == "date":
            return pa.date32()
        if "enum" in node:
            return pa.dictionary(pa.int8(), pa.string())
        return pa.string()
    if kind == "integer":
        return pa.int32() if name in INT32_FIELDS else pa.int64()
    if kind == "boolean":
        return pa.bool_()
    if kind == "array":
        return pa.list_(pa.field("element", arrow_type(node["items"]), nullable=False))
    if kind == "object":
        return pa.struct([arrow_field(k, v, node.get("required", ())) for k, v in node["properties"].items()])
    raise TypeError(f"no Arrow type for schema {node!r}")


def arrow_field(name: str, node: dict[str, Any], required: Any = None) -> pa.Field:
    import pyarrow as pa

    inner, nullable = split_null(node)
    description = inner.get("description") or node.get("description") or ""
    return pa.field(name, arrow_type(node, name), nullable=nullable, metadata={"description": description})


# --- table schemas ---------------------------------------------------------------------------


def _derived_field(column: Column) -> pa.Field:
    import pyarrow as pa

    types = {"int32": pa.int32(), "string": pa.string()}
    return pa.field(
        column.name,
        types[column.derived_type or "string"],
        nullable=column.nullable,
        metadata={"description": column.description or ""},
    )


@cache
def item_properties(table: str) -> dict[str, dict[str, Any]]:
    """The JSON Schema properties of one item of an item table, in the schema's order."""
    return resolve(resolve(schema_at(ITEM_TABLES[table]))["items"])["properties"]


@cache
def table_schema(table: str) -> pa.Schema:
    """The Arrow schema of a table, with each field's description in its metadata."""
    import pyarrow as pa

    if table == "documents":
        fields = [
            _derived_field(c) if c.pointer is None else arrow_field(c.name, schema_at(c.pointer))
            for c in DOCUMENT_COLUMNS
        ]
    else:
        fields = [
            pa.field(
                "doc_id", pa.string(), nullable=False, metadata={"description": KEY_DESCRIPTIONS["doc_id"]}
            ),
            pa.field(
                "position", pa.int32(), nullable=False, metadata={"description": KEY_DESCRIPTIONS["position"]}
            ),
            *(arrow_field(name, node) for name, node in item_properties(table).items()),
        ]
    return pa.schema(fields, metadata={"table": table, "description": TABLE_DESCRIPTIONS[table]})


def _column_schema(table: str, column: str) -> dict[str, Any]:
    """The non-null JSON Schema of a table column, or {} for a column that is no record field."""
    if table == "documents":
        pointer = next(c.pointer for c in DOCUMENT_COLUMNS if c.name == column)
        node = schema_at(pointer) if pointer else {}
    else:
        node = item_properties(table).get(column, {})
    return split_null(node)[0] if node else {}


def enum_values(table: str, column: str) -> list[str] | None:
    """The allowed values of an enum column, from the JSON Schema."""
    inner = _column_schema(table, column)
    return list(inner["enum"]) if "enum" in inner else None


def column_constraints(table: str, column: str) -> dict[str, Any]:
    """The JSON Schema's constraints on a column's values (enum, pattern, minimum, lengths)."""
    inner = _column_schema(table, column)
    return constraints(inner) if inner else {}


def _is_span(node: dict[str, Any]) -> bool:
    inner, _ = split_null(node)
    if inner.get("type") == "array":
        inner, _ = split_null(inner["items"])
    return inner.get("type") == "object" and {"text", "start", "end"} <= set(inner.get("properties", {}))


@cache
def span_columns(table: str) -> tuple[str, ...]:
    """The columns holding a span, or a list of spans, besides an item's own text/start/end:
    a document's metadata spans, a quote's cue, a tweet's attribution."""
    if table == "documents":
        return tuple(c.name for c in DOCUMENT_COLUMNS if c.pointer and _is_span(schema_at(c.pointer)))
    return tuple(name for name, node in item_properties(table).items() if _is_span(node))


# --- rows ------------------------------------------------------------------------------------


def _at(record: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = record
    for part in path:
        value = value[part]
    return value


def _path(pointer: str) -> tuple[str, ...]:
    return tuple(pointer.strip("/").split("/"))


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _converter(node: dict[str, Any]) -> Callable[[Any], Any]:
    """The function that turns a record's value under this schema node into Arrow's shape:
    dates become dates, objects keep exactly their declared properties. Made once per column
    (`_column_converter`), so no schema is read while a record is converted."""
    inner, _ = split_null(node)
    if inner.get("type") == "string" and inner.get("format") == "date":
        return _date
    if inner.get("type") == "object":
        fields = tuple((k, _converter(v)) for k, v in inner["properties"].items())
        return lambda value: None if value is None else {k: f(value.get(k)) for k, f in fields}
    if inner.get("type") == "array":
        each = _converter(inner["items"])
        return lambda value: None if value is None else [each(v) for v in value]
    return _same


def _same(value: Any) -> Any:
    return value


@cache
def _document_plan() -> tuple[tuple[str, tuple[str, ...], Callable[[Any], Any] | None], ...]:
    """(column, path in the record, converter or None for a value taken as it is) for every
    document column read from the record: made once, so no pointer or schema is read per record."""
    plan = []
    for column in DOCUMENT_COLUMNS:
        if column.pointer is not None:
            convert = _converter(schema_at(column.pointer))
            plan.append((column.name, _path(column.pointer), None if convert is _same else convert))
    return tuple(plan)


@cache
def _item_converters(table: str) -> tuple[tuple[str, bool], ...]:
    """(property, is a date) for each item property: only dates need converting; spans,
    lists and scalars already have Arrow's shapes."""
    out = []
    for name, node in item_properties(table).items():
        inner, _ = split_null(node)
        out.append((name, inner.get("type") == "string" and inner.get("format") == "date"))
    return tuple(out)


@cache
def _item_plan() -> tuple[tuple[str, tuple[str, ...], tuple[tuple[str, bool], ...]], ...]:
    """(table, path of its items in the record, their properties) for every item table."""
    return tuple((table, _path(pointer), _item_converters(table)) for table, pointer in ITEM_TABLES.items())


def record_columns(
    record: dict[str, Any], duplicate_of: str | None = None
) -> dict[str, dict[str, list[Any]]]:
    """One record -> its values in every table, column by column (plain Python values in
    Arrow's shapes): what the build appends to its tables, with no dict per row."""
    doc_id = record["doc_id"]
    out: dict[str, dict[str, list[Any]]] = {}
    for table, path, properties in _item_plan():
        items = _at(record, path)
        columns: dict[str, list[Any]] = {"doc_id": [doc_id] * len(items), "position": list(range(len(items)))}
        for k, is_date in properties:
            values = [item.get(k) for item in items]
            columns[k] = list(map(_date, values)) if is_date else values
        out[table] = columns
    document: dict[str, Any] = {}
    for name, path, convert in _document_plan():
        value = _at(record, path)
        document[name] = value if convert is None else convert(value)
    for name, table in COUNTED.items():
        document[name] = len(out[table]["doc_id"])
    document["body_text"] = "\n\n".join(p["text"] for p in record["paragraphs"])
    document["duplicate_of"] = duplicate_of
    out["documents"] = {c.name: [document[c.name]] for c in DOCUMENT_COLUMNS}
    return out


def record_rows(record: dict[str, Any], duplicate_of: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """One record -> its rows in every table (plain Python values in Arrow's shapes)."""
    return rows_by_table(record_columns(record, duplicate_of))


def rows_by_table(columns: dict[str, dict[str, list[Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Each table's columns (as record_columns gives them) -> its rows, a dict per row."""
    return {table: _rows_of(found) for table, found in columns.items()}


def _rows_of(columns: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """Columns of equal length -> one dict per row."""
    names = list(columns)
    return [dict(zip(names, values, strict=True)) for values in zip(*columns.values(), strict=True)]


def columns_table(table: str, columns: dict[str, list[Any]]) -> pa.Table:
    """Columns (every declared one, as record_columns gives them) -> an Arrow table with
    exactly the declared schema."""
    import pyarrow as pa

    return pa.Table.from_pydict(columns, schema=table_schema(table))


def to_table(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows -> an Arrow table with exactly the declared schema (never inferred)."""
    # Column by column here, as from_pylist would do with a membership test per value.
    return columns_table(table, {name: [row.get(name) for row in rows] for name in table_schema(table).names})
