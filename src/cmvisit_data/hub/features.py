"""The Hub folder of a release: `hf/`, a dataset repository `datasets.load_dataset` reads.

`HubWriter` writes each table as it is written to the release, into
`data/<table>/train-00000-of-00001.parquet`, with enum columns stored as class-label ids and
every column cast to the declared features (`hf_features`, from the table schemas).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..parquet_options import PARQUET_OPTIONS as RELEASE_PARQUET_OPTIONS
from ..tables import TABLE_NAMES, table_schema

if TYPE_CHECKING:
    import pyarrow as pa

HF_DIR = "hf"
CARD_SOURCE = "dataset_card.md"
# The feature types used here (List, nested dicts, date32, ClassLabel) are read by datasets 4.0+.
MIN_DATASETS = "4.0.0"
# The Hub copy is written with the release's pinned options, less those only the release records.
PARQUET_OPTIONS = {
    k: RELEASE_PARQUET_OPTIONS[k] for k in ("compression", "compression_level", "use_dictionary", "version")
}
TASK_CATEGORIES = ["text-classification", "token-classification", "summarization"]


def data_file(table: str) -> str:
    return f"data/{table}/train-00000-of-00001.parquet"


def _feature(field: pa.Field, table: str) -> Any:
    """An enum is a string feature: every reader (datasets, pandas, polars, duckdb, Croissant)
    then shows its label ("en", "direct"), never a class id; its allowed values are in the card."""
    import pyarrow as pa
    from datasets import List, Value

    t = field.type
    if pa.types.is_dictionary(t):
        return Value("string")
    if pa.types.is_struct(t):
        return {t.field(i).name: _feature(t.field(i), table) for i in range(t.num_fields)}
    if pa.types.is_list(t):
        return List(_feature(t.value_field, table))
    names = {
        pa.int32(): "int32",
        pa.int64(): "int64",
        pa.bool_(): "bool",
        pa.string(): "string",
        pa.date32(): "date32",
    }
    return Value(names[t])


def hf_features(table: str) -> Any:
    """The `datasets.Features` of a table, derived from its Arrow schema (enums as strings)."""
    from datasets import Features

    return Features({field.name: _feature(field, table) for field in table_schema(table)})


def _to_hf_table(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """A release table as the Hub stores it: every column cast to the Hub schema (an enum's
    dictionary decoded to its strings)."""
    import pyarrow as pa

    columns = [table.column(f.name).cast(schema.field(f.name).type) for f in table.schema]
    return pa.Table.from_arrays(columns, schema=schema)


def hf_schema(features: Any) -> pa.Schema:
    """The Arrow schema of an hf/ data file for these `datasets` features, with the features in
    its `huggingface` metadata: what HubWriter writes and what verify expects."""
    return features.arrow_schema.with_metadata(
        {"huggingface": json.dumps({"info": {"features": features.to_dict()}}, sort_keys=True)}
    )


class HubWriter:
    """Writes the Hub copies of the tables, row group by row group, as the release is written."""

    def __init__(self, release: Path):
        import pyarrow.parquet as pq

        self.hf = release / HF_DIR
        self.writers = {}
        self.schemas = {}  # the features' Arrow schema, with the features in its metadata
        self.sizes: dict[str, dict[str, int]] = {}
        for name in TABLE_NAMES:
            target = self.hf / data_file(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            self.schemas[name] = hf_schema(hf_features(name))
            # A table with no rows gets no row groups: datasets reads that as an empty split
            # (a zero-row row group makes it fail).
            self.writers[name] = pq.ParquetWriter(target, self.schemas[name], **PARQUET_OPTIONS)

    def write(self, name: str, table: pa.Table) -> None:
        if not table.num_rows:
            return
        # The schema is made once per table: datasets builds features.arrow_schema anew on
        # every access.
        converted = _to_hf_table(table, self.schemas[name])
        self.writers[name].write_table(converted, row_group_size=converted.num_rows)

    def finish(self, names: Any) -> None:
        """No more rows for these tables: their files are completed (and can be measured)."""
        for name in names:
            self.writers[name].close()

    def measure(self, names: Any) -> None:
        """The sizes of finished tables, measured on what was written (read back row group by
        row group), so that they do not depend on how the batches were laid out in memory.
        Reading runs mostly without the GIL: the build measures the item tables on a thread
        while it writes the documents."""
        import pyarrow.parquet as pq

        for name in names:
            path = self.hf / data_file(name)
            written = pq.ParquetFile(path)
            # Column by column: a whole row group of documents at once, or a buffer pool per
            # reading thread, would be the build's largest allocation.
            nbytes = sum(
                written.read_row_group(g, columns=[column], use_threads=False).nbytes
                for g in range(written.num_row_groups)
                for column in written.schema_arrow.names
            )
            self.sizes[name] = {
                "num_examples": written.metadata.num_rows,
                "num_bytes": nbytes,
                "download_size": path.stat().st_size,
            }

    def close(self) -> dict[str, dict[str, int]]:
        """Finish every file, measure those not measured yet, and give every table's sizes."""
        self.finish(TABLE_NAMES)  # closing a closed writer does nothing
        self.measure([name for name in TABLE_NAMES if name not in self.sizes])
        return {name: self.sizes[name] for name in TABLE_NAMES}


def hf_files(release: Path) -> list[Path]:
    """Every file of release/hf/, in a stable order."""
    return sorted(p for p in (release / HF_DIR).rglob("*") if p.is_file())
