"""Records -> typed Arrow tables. The one place that maps record fields to table columns.

A release has six tables: `documents` (one row per document) and one row per item for
`highlights`, `quotes`, `tweets`, `paragraphs` and `related`, keyed by `(doc_id, position)`.
Every table's layout is declared in the JSON Schema (`schema/press_release.schema.json`),
never here: the array each item table comes from (`x-table`), the tables' order (`x-tables`),
their descriptions (`x-table-description`) and keys (`x-key`, `x-item-key`), the documents'
columns (`x-columns`, with the columns that are no record field: counts, the cleaned body,
`duplicate_of`, and the curation columns, which copy a value from under a nullable field:
`x-from`, with `default` where it is null; `x-since` for a column added after the first
releases) and narrow integers (`x-arrow-type`). Every column's Arrow type and description are
derived from it, never inferred from data: dates become `date32`, enums plain strings (their
values are the schema's), spans structs, lists typed lists, and a column is nullable exactly
when the schema allows `null`.

Checking tables (pandera) is `validation.tables`' job; writing them is `release`'s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from .contract import SCHEMA_VERSION, constraints, is_since, is_span, load_schema, resolve, split_null

if TYPE_CHECKING:
    import pyarrow as pa


@dataclass(frozen=True)
class Column:
    """A column: its name, where its value sits in a record (a JSON pointer), or, for a
    derived column, its own JSON Schema (type, description, `x-count-of` for a count)."""

    name: str
    pointer: str | None = None
    node: dict[str, Any] | None = None

    @property
    def counts(self) -> str | None:
        """The item table whose rows of the document this column counts, if it is a count."""
        return (self.node or {}).get("x-count-of")


def _annotation(node: dict[str, Any], key: str) -> Any:
    """An `x-` annotation of the record schema, with the name of the missing one if absent."""
    try:
        return node[key]
    except KeyError:
        raise KeyError(f"the record schema has no {key!r} annotation where the tables need one") from None


_ROOT = load_schema()
# The documents table's columns, in their order: record fields by pointer, derived columns
# (counts, the cleaned body, duplicate_of) with their own schema (the schema's `x-columns`).
DOCUMENT_COLUMNS: tuple[Column, ...] = tuple(
    Column(c["name"], c.get("pointer"), None if "pointer" in c else {k: c[k] for k in c if k != "name"})
    for c in _annotation(_ROOT, "x-columns")
)
# Item tables: the record array each comes from (the arrays annotated with `x-table`), in the
# release's table order (`x-tables`). Their columns are the key and the item's own properties.
_ARRAYS = {node["x-table"]: f"/{name}" for name, node in _ROOT["properties"].items() if "x-table" in node}
TABLE_NAMES: tuple[str, ...] = tuple(_annotation(_ROOT, "x-tables"))
ITEM_TABLES: dict[str, str] = {table: _ARRAYS[table] for table in TABLE_NAMES if table in _ARRAYS}
# The documents' count columns, in their column order: one per item table.
COUNTED = {c.name: c.counts for c in DOCUMENT_COLUMNS if c.counts}
if set(_ARRAYS) != set(TABLE_NAMES) - {"documents"} or sorted(COUNTED.values()) != sorted(_ARRAYS):
    raise ValueError(
        "the record schema's x-tables, x-table and x-count-of annotations disagree: each item table is "
        "listed in x-tables, named by the x-table of one array, and counted by one x-count-of column"
    )


def _table_node(table: str) -> dict[str, Any]:
    return _ROOT if table == _ROOT["x-table"] else _ROOT["properties"][ITEM_TABLES[table].strip("/")]


TABLE_DESCRIPTIONS = {table: _annotation(_table_node(table), "x-table-description") for table in TABLE_NAMES}
# The key columns of each table (unique per row): what checks and readers join on.
TABLE_KEYS: dict[str, tuple[str, ...]] = {
    table: tuple(_annotation(_table_node(table), "x-key")) for table in TABLE_NAMES
}
# The schema of an item table's key columns (doc_id, position), which are no item property.
ITEM_KEY: dict[str, dict[str, Any]] = _annotation(_ROOT, "x-item-key")
KEY_DESCRIPTIONS = {name: node["description"] for name, node in ITEM_KEY.items()}


def row_key(table: str, row: Any) -> str:
    """A row's key as text ("doc_id" or "doc_id/position"): how problems name a row."""
    return "/".join(str(row[name]) for name in TABLE_KEYS[table])


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


def arrow_type(node: dict[str, Any]) -> pa.DataType:
    """A value's Arrow type, from its JSON Schema: an integer is int64 unless the schema
    narrows it (`"x-arrow-type": "int32"`, for offsets and counts bounded by a document's size)."""
    import pyarrow as pa

    node, _ = split_null(node)
    kind = node.get("type")
    if kind == "string":
        if node.get("format") == "date":
            return pa.date32()
        return pa.string()  # an enum too: its values are the schema's (`enum_values`)
    if kind == "integer":
        return {"int32": pa.int32(), "int64": pa.int64()}[node.get("x-arrow-type", "int64")]
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
    return pa.field(name, arrow_type(node), nullable=nullable, metadata={"description": description})


# --- table schemas ---------------------------------------------------------------------------


def column_node(column: Column) -> dict[str, Any]:
    """The JSON Schema of a documents column: its record field's, or its own if derived."""
    return schema_at(column.pointer) if column.pointer is not None else column.node or {}


@cache
def item_properties(table: str) -> dict[str, dict[str, Any]]:
    """The JSON Schema properties of one item of an item table, in the schema's order."""
    return resolve(resolve(schema_at(ITEM_TABLES[table]))["items"])["properties"]


@cache
def table_schema(table: str, version: str = SCHEMA_VERSION) -> pa.Schema:
    """The Arrow schema of a table, with each field's description in its metadata; for an
    older record schema `version`, without the columns added since (`x-since`)."""
    import pyarrow as pa

    if table == "documents":
        fields = [
            arrow_field(c.name, column_node(c)) for c in DOCUMENT_COLUMNS if is_since(c.node or {}, version)
        ]
    else:
        fields = [
            *(arrow_field(name, ITEM_KEY[name]) for name in TABLE_KEYS[table]),
            *(arrow_field(name, node) for name, node in item_properties(table).items()),
        ]
    return pa.schema(fields, metadata={"table": table, "description": TABLE_DESCRIPTIONS[table]})


def _column_schema(table: str, column: str) -> dict[str, Any]:
    """The non-null JSON Schema of a table column, or {} for a column that is no record field."""
    if table == "documents":
        node = column_node(next(c for c in DOCUMENT_COLUMNS if c.name == column))
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


def _holds_spans(node: dict[str, Any]) -> bool:
    """Whether a column holds a span or a list of spans."""
    inner, _ = split_null(node)
    if inner.get("type") == "array":
        inner, _ = split_null(inner["items"])
    return is_span(inner)


@cache
def span_columns(table: str) -> tuple[str, ...]:
    """The columns holding a span, or a list of spans, besides an item's own text/start/end:
    a document's metadata spans, a quote's cue, a tweet's attribution."""
    if table == "documents":
        return tuple(c.name for c in DOCUMENT_COLUMNS if c.pointer and _holds_spans(schema_at(c.pointer)))
    return tuple(name for name, node in item_properties(table).items() if _holds_spans(node))


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
    dates, at any depth, become dates; a value with no date in it is taken as it is (`_same`).
    Made once per column, so no schema is read while a record is converted."""
    inner, _ = split_null(node)
    if inner.get("type") == "string" and inner.get("format") == "date":
        return _date
    if inner.get("type") == "object":
        fields = tuple((k, _converter(v)) for k, v in inner["properties"].items())
        if all(f is _same for _, f in fields):
            return _same
        return lambda value: None if value is None else {k: f(value.get(k)) for k, f in fields}
    if inner.get("type") == "array":
        each = _converter(inner["items"])
        if each is _same:
            return _same
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


def _at_or_none(record: dict[str, Any], path: tuple[str, ...]) -> Any:
    """The value at a path, or None where a value on the way is null (a record without curation)."""
    value: Any = record
    for part in path:
        if value is None:
            return None
        value = value[part]
    return value


@cache
def _derived_plan() -> tuple[tuple[str, tuple[str, ...], Any], ...]:
    """(column, path in the record, value where the path meets null) for every derived column
    that copies a value from under a nullable field (`x-from`, `default`: the curation columns)."""
    return tuple(
        (c.name, _path(c.node["x-from"]), c.node.get("default"))
        for c in DOCUMENT_COLUMNS
        if c.node is not None and "x-from" in c.node
    )


_Converters = tuple[tuple[str, Callable[[Any], Any] | None], ...]


@cache
def _item_converters(table: str) -> _Converters:
    """(property, its converter or None for a value taken as it is) for each item property."""
    converters = ((name, _converter(node)) for name, node in item_properties(table).items())
    return tuple((name, None if convert is _same else convert) for name, convert in converters)


@cache
def _item_plan() -> tuple[tuple[str, tuple[str, ...], _Converters], ...]:
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
        for k, convert in properties:
            values = [item.get(k) for item in items]
            columns[k] = values if convert is None else list(map(convert, values))
        out[table] = columns
    document: dict[str, Any] = {}
    for name, path, convert in _document_plan():
        value = _at(record, path)
        document[name] = value if convert is None else convert(value)
    for name, table in COUNTED.items():
        document[name] = len(out[table]["doc_id"])
    document["body_text"] = "\n\n".join(p["text"] for p in record["paragraphs"])
    document["duplicate_of"] = duplicate_of
    for name, path, default in _derived_plan():
        value = _at_or_none(record, path)
        document[name] = default if value is None else value
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


def record_value(value: Any) -> Any:
    """A value read from a table as a record holds it: dates as YYYY-MM-DD text, at any depth
    (the inverse of the columns' date conversion, for comparing a table with a record)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: record_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [record_value(v) for v in value]
    return value
