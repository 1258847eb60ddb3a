"""The Hub folder of a release: `hf/`, a dataset repository `datasets.load_dataset` reads.

Each table's data file is `data/<table>/train-00000-of-00001.parquet`. Since layout 2 (see
`release.layout`) it is the release's table itself, written once by the build with
`hub_table_schema`: the table's Arrow schema (enum columns as plain strings, each column's
description in its field metadata) with the table's `datasets` features (`hf_features`, from
the table schemas) in its `huggingface` metadata, so that datasets, pandas, polars, DuckDB
and Croissant readers all see the same labels and types. `HubSizes` measures the written
files for the card's `dataset_info`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..contract import SCHEMA_VERSION
from ..tables import TABLE_NAMES, table_schema

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["HF_DIR", "HubSizes", "data_file", "hf_features", "hf_files", "hf_schema", "hub_table_schema"]

CARD_SOURCE = "dataset_card.md"
# The feature types used here (List, nested dicts, date32) are read by datasets 4.0+.
MIN_DATASETS = "4.0.0"
TASK_CATEGORIES = ["text-classification", "token-classification", "summarization"]


HF_DIR = "hf"  # a release's Hub folder


def data_file(table: str) -> str:
    """A table's data file inside the Hub folder (hf/), as the card's configs and Croissant
    name it."""
    return f"data/{table}/train-00000-of-00001.parquet"


def _feature(field: pa.Field, table: str) -> Any:
    """An enum is a string feature (a plain string column): every reader (datasets, pandas,
    polars, duckdb, Croissant) then shows its label ("en", "direct"), never a class id; its
    allowed values are in the card and in croissant.json."""
    import pyarrow as pa
    from datasets import List, Value

    t = field.type
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


def hf_features(table: str, version: str = SCHEMA_VERSION) -> Any:
    """The `datasets.Features` of a table, derived from its Arrow schema (enums as strings);
    for an older record schema `version`, without the columns added since."""
    from datasets import Features

    return Features({field.name: _feature(field, table) for field in table_schema(table, version)})


def hf_schema(features: Any) -> pa.Schema:
    """The Arrow schema of a layout-1 hf/ copy for these `datasets` features, with the features
    in its `huggingface` metadata (what verify expects of releases 0.1.0 to 0.6.0); its metadata
    is what `hub_table_schema` adds to a table's schema in layout 2."""
    return features.arrow_schema.with_metadata(
        {"huggingface": json.dumps({"info": {"features": features.to_dict()}}, sort_keys=True)}
    )


def hub_table_schema(table: str, version: str = SCHEMA_VERSION) -> pa.Schema:
    """The Arrow schema a table is stored with (layout 2): its declared schema, column
    descriptions and all, with its `datasets` features in the `huggingface` metadata (of the
    record schema `version`: a release keeps the columns of its records' version)."""
    schema = table_schema(table, version)
    return schema.with_metadata({**schema.metadata, **hf_schema(hf_features(table, version)).metadata})


class HubSizes:
    """The sizes of the tables' files in hf/ (rows, bytes in memory, bytes on disk), measured
    once each file is complete, for the card's dataset_info."""

    def __init__(self, release: Path):
        self.hf = release / HF_DIR
        self.sizes: dict[str, dict[str, int]] = {}

    def measure(self, names: Any) -> None:
        """The sizes of finished tables, measured on what was written (read back row group by
        row group), so that they do not depend on how the batches were laid out in memory."""
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
        """Measure the files not measured yet, and give every table's sizes."""
        self.measure([name for name in TABLE_NAMES if name not in self.sizes])
        return {name: self.sizes[name] for name in TABLE_NAMES}


def hf_files(release: Path) -> list[Path]:
    """Every file of release/hf/, in a stable order."""
    return sorted(p for p in (release / HF_DIR).rglob("*") if p.is_file())
