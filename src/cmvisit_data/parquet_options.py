"""The Parquet writer's options, pinned: the same inputs and library versions give the same
bytes. A release records them in its manifest; its tables and their Hub copy are written
with them."""

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
