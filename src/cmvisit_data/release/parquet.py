"""Release tables as Parquet: pinned writer options and row groups that never depend on chunking.

The same inputs and library versions give the same bytes: the writer options are pinned
(`PARQUET_OPTIONS`, also recorded in the manifest), and every table is written in row groups
of exactly `BATCH_DOCS` documents and their items, whatever chunks the workers returned.
Each table is written once, where the layout puts it (`layout.table_file`), with the schema
its layout stores (`stored_schema`).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, ClassVar

from ..contract import SCHEMA_VERSION
from ..parquet_options import PARQUET_OPTIONS
from ..tables import COUNTED, TABLE_NAMES, enum_values, table_schema
from .layout import FIRST_LAYOUT, LAYOUT, table_file

BATCH_DOCS = 1000


# The columns record schema 1.2.0 added (HTML pages; tweets.status_url): no layout-1 release has them.
COLUMNS_SINCE_1_2_0 = frozenset({"media_type", "encoding", "metadata_sources", "rendering", "status_url"})


def stored_schema(table: str, layout: int = LAYOUT, version: str = SCHEMA_VERSION) -> Any:
    """The Arrow schema a table is stored with in a release of this layout and record schema
    version: in layout 2 the declared schema with the Hub's features in its metadata; in
    layout 1 the declared schema with each enum column dictionary-encoded (int8 indices)."""
    import pyarrow as pa

    if layout != FIRST_LAYOUT:
        from ..hub.features import hub_table_schema

        return hub_table_schema(table, version)
    schema = table_schema(table, version)
    for name in COLUMNS_SINCE_1_2_0 & set(schema.names):
        schema = schema.remove(schema.get_field_index(name))
    for i, field in enumerate(schema):
        if enum_values(table, field.name):
            schema = schema.set(i, field.with_type(pa.dictionary(pa.int8(), pa.string())))
    return schema


def open_writer(folder: Path, table: str) -> Any:
    """A Parquet writer of one table of a new release, where the layout puts it."""
    import pyarrow.parquet as pq

    path = table_file(folder, table, LAYOUT)
    path.parent.mkdir(parents=True, exist_ok=True)
    return pq.ParquetWriter(path, stored_schema(table), **PARQUET_OPTIONS)


class Writers:
    """One Parquet writer per table, fed batch by batch, checking each batch first."""

    def __init__(self, folder: Path, tables: tuple[str, ...]):
        self.folder = folder
        self.writers = {name: open_writer(folder, name) for name in tables}
        self.rows = Counter[str]()

    def write(self, name: str, table: Any) -> None:
        if table.num_rows:
            self.writers[name].write_table(table, row_group_size=max(1, table.num_rows))
            self.rows[name] += table.num_rows

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()


def encoded(name: str, tables: list[Any]) -> Any:
    """Chunks of a table -> one table with the declared schema."""
    import pyarrow as pa

    schema = table_schema(name)
    combined = pa.concat_tables(tables).combine_chunks() if tables else schema.empty_table()
    columns = [combined.column(f.name).cast(f.type) for f in schema]
    return pa.Table.from_arrays(columns, schema=schema)


class RowGroups:
    """Writes every table in row groups of exactly BATCH_DOCS documents (and their items),
    whatever the chunks the workers returned, so that the bytes never depend on --workers."""

    COUNTS: ClassVar[dict[str, str]] = {table: column for column, table in COUNTED.items()}

    def __init__(self, writers: Writers, documents_writer: Any):
        self.writers = writers
        self.documents_writer = documents_writer
        self.buffer: dict[str, list[Any]] = {t: [] for t in TABLE_NAMES}
        self.docs = 0

    def add(self, tables: dict[str, Any]) -> None:
        for name in TABLE_NAMES:
            self.buffer[name].append(tables[name])
        self.docs += tables["documents"].num_rows
        while self.docs >= BATCH_DOCS:
            self._emit(BATCH_DOCS)

    def close(self) -> None:
        if self.docs:
            self._emit(self.docs)

    def _emit(self, k: int) -> None:
        import pyarrow as pa

        documents = pa.concat_tables(self.buffer["documents"]).combine_chunks()
        head = documents.slice(0, k)
        for name, column in self.COUNTS.items():
            items = pa.concat_tables(self.buffer[name]).combine_chunks()
            count = sum(head.column(column).to_pylist())
            table = encoded(name, [items.slice(0, count)])
            self.writers.write(name, table)
            self.buffer[name] = [items.slice(count)]
        self.documents_writer.write_table(encoded("documents", [head]))
        self.buffer["documents"] = [documents.slice(k)]
        self.docs -= k
