"""One copy of each table (layout 2): the release's tables are the Hub's files, every reader
sees the same labels and types, and what is generated from the tables follows the schema."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cmvisit_data.release import build, verify
from cmvisit_data.release.layout import hf_data_file, table_file
from cmvisit_data.tables import TABLE_NAMES, enum_values, table_schema

from ..conftest import ROOT, SEEDS

COMMITTED = sorted(p for p in (ROOT / "build").iterdir() if (p / "manifest.json").is_file())
# (table, an enum column) for every enum column the tables have.
ENUMS = [(t, f.name) for t in TABLE_NAMES for f in table_schema(t) if enum_values(t, f.name)]


def test_the_release_tables_are_the_hub_files(release):
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["layout"] == 2
    parquet = sorted(str(p.relative_to(release)) for p in release.rglob("*.parquet"))
    assert parquet == sorted(hf_data_file(t) for t in TABLE_NAMES)  # one file per table, no copy
    for table in TABLE_NAMES:
        entry = manifest["tables"][table]
        assert table_file(release, table) == release / entry["file"] == release / hf_data_file(table)
        assert {k: manifest["files"][entry["file"]][k] for k in ("bytes", "sha256")} == {
            k: entry[k] for k in ("bytes", "sha256")
        }
        schema = pq.read_schema(table_file(release, table))
        assert schema.equals(table_schema(table))  # the declared types
        assert b"huggingface" in schema.metadata and schema.metadata[b"table"] == table.encode()
        assert all(f.metadata[b"description"] for f in schema)  # descriptions kept


@pytest.mark.parametrize(("table", "column"), ENUMS)
def test_enum_columns_are_strings_stored_with_a_dictionary(release, table, column):
    path = table_file(release, table)
    assert pq.read_schema(path).field(column).type == pa.string()
    meta = pq.ParquetFile(path).metadata
    index = pq.read_schema(path).get_field_index(column)
    assert "RLE_DICTIONARY" in meta.row_group(0).column(index).encodings  # compact on disk


def test_every_reader_sees_the_same_labels_and_a_date(release, tmp_path):
    import datasets

    path = table_file(release, "documents")
    languages = set(enum_values("documents", "language"))
    arrow = pq.read_table(path)
    assert set(arrow.column("language").to_pylist()) <= languages
    assert arrow.schema.field("published").type == pa.date32()
    frame = arrow.to_pandas()
    assert set(frame["language"]) <= languages and frame["language"].dtype != "category"
    hub = datasets.load_dataset(str(release / "hf"), "documents", split="train", cache_dir=str(tmp_path))
    assert hub.features["language"] == datasets.Value("string")
    assert hub.features["published"] == datasets.Value("date32")
    assert set(hub["language"]) <= languages
    polars = pytest.importorskip("polars")
    schema = polars.read_parquet(path).schema
    assert schema["language"] == polars.String and schema["published"] == polars.Date
    duckdb = pytest.importorskip("duckdb")
    types = duckdb.sql(f"select language, published from read_parquet('{path}')").types
    assert [str(t) for t in types] == ["VARCHAR", "DATE"]


def _bundled_and_hub(monkeypatch, root: Path, version: str, config: str, tmp_path: Path):
    import cmvisit_data
    from cmvisit_data import loader

    monkeypatch.setattr(loader, "releases_root", lambda: root)
    bundled = cmvisit_data.load(config, version, format="pandas")
    hub = cmvisit_data.load(config, format="pandas", repo_id=str(root / version / "hf"), cache_dir=tmp_path)
    return bundled, hub


@pytest.mark.parametrize("version", ["fresh", "0.1.0", "0.6.0"])
def test_load_pandas_gives_the_same_types_bundled_and_from_the_hub(release, monkeypatch, tmp_path, version):
    root = release.parent if version == "fresh" else ROOT / "build"
    version = release.name if version == "fresh" else version
    for config, column in [("documents", "language"), ("paragraphs", "kind")]:
        bundled, hub = _bundled_and_hub(monkeypatch, root, version, config, tmp_path)
        assert dict(bundled.dtypes) == dict(hub.dtypes), config
        assert bundled.equals(hub), config
        assert set(bundled[column]) <= set(enum_values(config, column))
    assert str(bundled.dtypes["language"]) != "category"
    documents, _ = _bundled_and_hub(monkeypatch, root, version, "documents", tmp_path)
    assert documents["published"].dt.year.dropna().tolist() == [2025]  # .dt works: a datetime64


def test_croissant_lists_each_enum_and_the_release_date(tmp_path, monkeypatch):
    import mlcroissant as mlc

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC).timestamp())))
    assert build(SEEDS, tmp_path / "out", "0.1.0", workers=1).status == "built"
    release = tmp_path / "out" / "0.1.0"
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    croissant = json.loads((release / "hf" / "croissant.json").read_text(encoding="utf-8"))
    assert manifest["released"] == croissant["datePublished"] == "2026-03-01"  # not a document's date
    dataset = mlc.Dataset(jsonld=release / "hf" / "croissant.json")
    assert not dataset.metadata.ctx.issues.errors
    for table, column in ENUMS:
        fields = next(r for r in croissant["recordSet"] if r["@id"] == table)["field"]
        reference = next(f for f in fields if f["name"] == column)["references"]["field"]["@id"]
        record_set = reference.split("/")[0]
        values = [row[reference] for row in dataset.records(record_set=record_set)]
        values = [v.decode() if isinstance(v, bytes) else v for v in values]
        assert values == enum_values(table, column)
    assert verify(release).valid
    croissant["datePublished"] = "2025-08-23"  # the newest document's, as releases before gave
    (release / "hf" / "croissant.json").write_text(json.dumps(croissant), encoding="utf-8")
    data = (release / "hf" / "croissant.json").read_bytes()
    manifest["files"]["hf/croissant.json"].update(bytes=len(data), sha256=hashlib.sha256(data).hexdigest())
    (release / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert any(p.pointer == "/datePublished" for p in verify(release).problems)


def test_the_generated_artefacts_follow_the_schema_annotations(monkeypatch):
    """The Hub features, Croissant and the card are made from the tables the schema declares:
    a changed annotation changes each of them."""
    import importlib

    from ..test_tables import _tables_from

    card, croissant, features = (
        importlib.import_module(f"cmvisit_data.hub.{name}") for name in ("card", "croissant", "features")
    )

    def edit(schema):
        del schema["$defs"]["quote"]["properties"]["start"]["x-arrow-type"]
        schema["properties"]["quotes"]["x-table-description"] = "Quotes, described elsewhere."
        schema["properties"]["quotes"]["x-key"] = ["doc_id"]

    probe, _ = _tables_from(monkeypatch, edit)
    for module in (features, croissant, card):
        for name in ("table_schema", "TABLE_DESCRIPTIONS", "TABLE_KEYS", "enum_values"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, getattr(probe, name))
    assert features.hf_features("quotes")["start"].dtype == "int64"
    assert "position" not in features.hf_features("quotes")
    sets = {
        r["@id"]: r for r in croissant.croissant(_a_manifest(), ROOT / "build" / "0.6.0" / "hf")["recordSet"]
    }
    assert sets["quotes"]["description"] == "Quotes, described elsewhere."
    assert "quotes/position" not in [f["@id"] for f in sets["quotes"]["field"]]
    dictionary = card._data_dictionary()
    assert "Quotes, described elsewhere.\n\nKey: `doc_id` (one row per value)." in dictionary


def _a_manifest() -> dict:
    return {"version": "0.7.0", "released": "2026-03-01"}


def test_verify_reads_the_layout_the_manifest_declares(release, tmp_path):
    """A fresh release declaring layout 1, or a committed layout-1 release declaring layout 2,
    is refused: verify looks for the tables where the declared layout puts them."""
    for source, edit in [
        (release, lambda m: m.pop("layout")),
        (ROOT / "build" / "0.6.0", lambda m: m.update(layout=2, released="2026-01-01")),
    ]:
        copy = tmp_path / source.parent.name / source.name
        shutil.copytree(source, copy)
        manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
        edit(manifest)
        (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        problems = verify(copy).problems
        found = [(p.file, p.pointer, p.message) for p in problems]
        assert len(problems) == 1 and problems[0].pointer == "/layout", found
        assert problems[0].file.endswith("manifest.json") and "where layout" in problems[0].message, found


@pytest.mark.parametrize("folder", COMMITTED, ids=[p.name for p in COMMITTED])
def test_every_committed_release_still_verifies(folder):
    report = verify(folder)
    assert report.valid, [p.one_line() for p in report.problems]


def _day(monkeypatch, day: dt.date) -> None:
    moment = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))


def test_a_rebuild_keeps_the_day_the_release_was_built(tmp_path, monkeypatch):
    """The release date is no input: a rebuild on another day still reproduces the release."""
    _day(monkeypatch, dt.date(2026, 3, 1))
    assert build(SEEDS, tmp_path / "out", "0.1.0", workers=1).status == "built"
    _day(monkeypatch, dt.date(2027, 1, 2))
    again = build(SEEDS, tmp_path / "out", "0.1.0", workers=1)
    assert (again.status, again.note) == ("reproduced", "byte for byte")
    assert build(SEEDS, tmp_path / "out", "0.2.0", workers=1).status == "built"
    manifest = json.loads((tmp_path / "out" / "0.2.0" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["released"] == "2027-01-02"  # a new release: its own day
