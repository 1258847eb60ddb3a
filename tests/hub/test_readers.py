"""Every reader sees labels, not class ids, in each table's one file (the release's table is the
Hub's since layout 2): of a release built fresh by this test session (conftest's `release`), so that a change in the writer
is caught here, not only in the next committed release."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from cmvisit_data.release.layout import table_file

LABELS = {("documents", "language"): {"en", "hi"}, ("quotes", "kind"): {"direct", "reported"}}


def _files(release: Path, table: str) -> list[Path]:
    return [table_file(release, table)]


@pytest.mark.parametrize(("table", "column"), list(LABELS))
def test_pandas_polars_duckdb_and_pyarrow_see_labels(release, table, column):
    import duckdb
    import pandas as pd
    import polars as pl

    for path in _files(release, table):
        seen = {
            "pandas": set(pd.read_parquet(path)[column].astype(str)),
            "polars": set(pl.read_parquet(path)[column].cast(pl.Utf8).to_list()),
            "duckdb": {
                row[0] for row in duckdb.sql(f"select {column} from read_parquet('{path}')").fetchall()
            },
            "pyarrow": {str(v) for v in pq.read_table(path).column(column).to_pylist()},
        }
        for reader, values in seen.items():
            assert values and values <= LABELS[(table, column)], (reader, path, values)


def test_load_dataset_and_croissant_see_labels(release, tmp_path, monkeypatch):
    import datasets
    import mlcroissant as mlc

    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "cache"))
    quotes = datasets.load_dataset(str(release / "hf"), "quotes", split="train")
    assert set(quotes["kind"]) <= {"direct", "reported"} and quotes.features["kind"].dtype == "string"
    documents = mlc.Dataset(jsonld=str(release / "hf" / "croissant.json"))
    languages = {r["documents/language"] for r in documents.records(record_set="documents")}
    assert {v.decode() if isinstance(v, bytes) else v for v in languages} == {"en", "hi"}
