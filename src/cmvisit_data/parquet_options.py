"""The Parquet writer's options, pinned: the same inputs and library versions give the same
bytes. A release records them in its manifest; its tables are written with them (in layout 1,
releases 0.1.0 to 0.6.0, their hf/ copies too; in layout 2 the table is the Hub's file)."""

from __future__ import annotations

from typing import Any

# Pinned so that the same inputs and library versions give the same bytes.
PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 3,
    "use_dictionary": True,
    "write_statistics": True,
    "version": "2.6",
    "data_page_version": "1.0",
    "store_schema": True,
}
