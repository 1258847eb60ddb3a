from __future__ import annotations

import json
import logging
import re
import shutil
import warnings
from pathlib import Path

import pytest

from cmvisit_data.hub import hf_features, render_card, size_category
from cmvisit_data.release import build, verify
from cmvisit_data.seeds.add import add
from cmvisit_data.tables import TABLE_NAMES

from .conftest import SEEDS


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hub-out")
    assert build(SEEDS, out, "0.1.0", workers=1).status == "built"
    return out / "0.1.0"


@pytest.fixture(scope="module")
def release_without_posts(tmp_path_factory) -> Path:
    """A release whose tweets table is empty: only the English seed."""
    seeds = tmp_path_factory.mktemp("seeds-en")
    add([str(SEEDS / "000_a25e3bb1cf0e3701.txt")], seeds, {"url": None, "outlet": None, "rights": None,
                                                          "obtained": None}, init=True)  # fmt: skip
    out = tmp_path_factory.mktemp("hub-out-en")
    assert build(seeds, out, "0.1.0", workers=1).status == "built"
    return out / "0.1.0"


def _offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")


def test_every_config_loads_offline_with_declared_features_and_counts(release, tmp_path, monkeypatch):
    import datasets

    _offline(monkeypatch)
    manifest = json.loads((release / "manifest.json").read_text())
    for config in TABLE_NAMES:
        ds = datasets.load_dataset(
            str(release / "hf"), config, split="train", cache_dir=str(tmp_path / config)
        )
        assert ds.features == hf_features(config), config
        assert ds.num_rows == manifest["tables"][config]["rows"], config
    documents = datasets.load_dataset(
        str(release / "hf"), "documents", split="train", cache_dir=str(tmp_path / "d")
    )
    english = documents.filter(lambda row: row["language"] == "en")  # a label, not a class id
    assert english[0]["published"].isoformat() == "2025-08-23"
    assert english[0]["title_span"] == {
        "text": english[0]["title"],
        "start": 0,
        "end": len(english[0]["title"]),
    }


def test_an_empty_config_still_loads_with_its_features(release_without_posts, tmp_path, monkeypatch):
    import datasets
    import pyarrow.parquet as pq

    _offline(monkeypatch)
    hf = release_without_posts / "hf"
    assert pq.read_metadata(hf / "data/tweets/train-00000-of-00001.parquet").num_rows == 0
    streamed = datasets.load_dataset(str(hf), "tweets", split="train", streaming=True)
    assert list(streamed) == [] and streamed.features == hf_features("tweets")
    from cmvisit_data.loader import load

    # The bundled-release loader returns the empty table with its features.
    monkeypatch.setattr("cmvisit_data.loader.releases_root", lambda: release_without_posts.parent)
    empty = load("tweets")
    assert empty.num_rows == 0 and empty.features == hf_features("tweets")
    assert load("documents", format="pandas").shape[0] == 1


def test_card_yaml_loads_without_warnings_and_matches_the_release(release, caplog):
    from huggingface_hub import DatasetCard

    with warnings.catch_warnings(), caplog.at_level(logging.WARNING):
        warnings.simplefilter("error")
        card = DatasetCard.load(release / "hf" / "README.md")
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    manifest = json.loads((release / "manifest.json").read_text())
    data = card.data
    assert [c["config_name"] for c in data.configs] == list(TABLE_NAMES)
    assert next(c for c in data.configs if c.get("default"))["config_name"] == "documents"
    assert data.language == ["en", "hi"] and data.size_categories == ["n<1K"] and data.pretty_name
    for info in data.dataset_info:
        name = info["config_name"]
        assert info["features"] == hf_features(name)._to_yaml_list()
        assert info["splits"][0]["num_examples"] == manifest["tables"][name]["rows"]
    text = card.text
    assert not re.search(r"\{\{\s*\w+\s*\}\}", text)  # every placeholder filled
    assert "documents: 2" in text and "`en` 1, `hi` 1" in text
    for field in ("raw_text", "duplicate_of", "speaker", "handle"):
        assert f"`{field}`" in text
    assert "@misc{cmvisit_data" in text and "## Bias, Risks, and Limitations" in text


def test_card_sizes_are_the_hub_files_read_back_row_group_by_row_group(tmp_path, monkeypatch):
    import pyarrow.parquet as pq
    from huggingface_hub import DatasetCard

    monkeypatch.setattr("cmvisit_data.release.parquet.BATCH_DOCS", 1)  # a row group per document
    assert build(SEEDS, tmp_path, "0.1.0", workers=1).status == "built"
    hf = tmp_path / "0.1.0" / "hf"
    card = DatasetCard.load(hf / "README.md")
    for info in card.data.dataset_info:
        written = pq.ParquetFile(hf / "data" / info["config_name"] / "train-00000-of-00001.parquet")
        if info["config_name"] == "documents":
            assert written.num_row_groups == 2  # the sizes add up every row group
        decoded = sum(
            written.read_row_group(g, columns=[c]).nbytes
            for g in range(written.num_row_groups)
            for c in written.schema_arrow.names
        )
        assert info["splits"][0]["num_bytes"] == info["dataset_size"] == decoded > 0 or (
            written.metadata.num_rows == 0 and decoded == 0
        ), info["config_name"]


def test_card_placeholders_are_all_known(release):
    manifest = json.loads((release / "manifest.json").read_text())
    sizes = {t: {"num_examples": 0, "num_bytes": 0, "download_size": 0} for t in TABLE_NAMES}
    with pytest.raises(ValueError, match="unknown placeholders: typo"):
        render_card(manifest, sizes, "# {{pretty_name}} {{typo}}")


def test_croissant_validates_with_mlcroissant(release):
    import mlcroissant as mlc

    dataset = mlc.Dataset(jsonld=release / "hf" / "croissant.json")
    issues = dataset.metadata.ctx.issues
    assert not issues.errors
    assert [str(w) for w in issues.warnings if "datePublished" not in str(w)] == []
    record_sets = {rs.name: rs for rs in dataset.metadata.record_sets}
    tables = {name for name, rs in record_sets.items() if not rs.data_types}
    assert tables == set(TABLE_NAMES)  # and an enumeration of values per enum column
    quotes = list(dataset.records(record_set="quotes"))
    assert len(quotes) == 4 and quotes[0]["quotes/cue"]["quotes/cue/text"] == "कहा कि".encode()


def test_hub_files_are_checked_by_verify(release, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(release, copy)
    (copy / "hf" / "README.md").write_text("edited by hand\n")
    report = verify(copy)
    assert [p.type for p in report.problems] == ["checksum-mismatch"]


def test_size_categories():
    assert [size_category(n) for n in (2, 5_000, 99_999, 100_000)] == [
        "n<1K",
        "1K<n<10K",
        "10K<n<100K",
        "100K<n<1M",
    ]


def test_card_quality_table_leads_with_the_new_outlets_and_counts_their_items():
    from cmvisit_data.hub import card

    data = json.loads((Path(card.__file__).resolve().parents[1] / "quality.json").read_text(encoding="utf-8"))
    text = card._quality()
    header, _, *rows = [line for line in text.splitlines() if line.startswith("|")]
    assert header.split("|")[2].strip() == "pages from outlets the parser was not developed on"
    by_label = {row.split("|")[1].strip(): row for row in rows}
    whole_name = by_label["quote speaker, whole name"].split("|")
    assert whole_name[2].strip() == f"{data['check']['scores']['quote_speaker_exact']:.3f}"
    assert whole_name[-2].strip().startswith("strict")
    byline = by_label["byline F1"].split("|")[2].strip()
    assert (
        byline == f"{data['check']['scores']['byline_f1']:.3f} ({data['check']['gold']['byline_gold']} items)"
    )
    assert f"{data['check']['pages']} annotated pages from {data['check']['outlets']} outlets" in text


def _curated_manifest() -> dict:
    from collections import Counter

    from cmvisit_data.curation.metrics import figures

    counts = Counter(
        {"documents": 2, "title.documents": 2, "title.gold": 2, "title.pred": 2, "title.tp": 1,
         "quotes.documents": 1, "quotes.gold": 4, "quotes.pred": 4, "quotes.tp": 4,
         "speaker.n": 4, "speaker.ok": 4, "speaker.exact": 3}
    )  # fmt: skip
    return {
        "counts": {"documents": 5},
        "curated": {"documents": 2, "fields": {"quotes": 1, "title": 2}, "figures": figures(counts)},
    }


def test_card_prints_the_parser_against_the_curated_documents_beside_the_development_figures():
    from cmvisit_data.hub import card

    text = card._quality(_curated_manifest())
    header, _, *rows = [line for line in text.splitlines() if line.startswith("|")]
    assert header.split("|")[5].strip() == "the parser against 2 curated documents of this release"
    by_label = {row.split("|")[1].strip(): row.split("|") for row in rows}
    assert by_label["title F1"][5].strip() == "0.500 (2 items)"
    assert by_label["quotes F1"][5].strip() == "1.000 (4 items)"
    assert by_label["quote speaker, whole name"][5].strip() == "0.750"
    assert by_label["byline F1"][5].strip() == "n/a"  # no curated document checks bylines
    assert "documents per field: title 2, quotes 1" in text  # the record's order, not the manifest's
    one = _curated_manifest()
    one["curated"]["figures"]["fields"]["title"]["gold"] = 1
    assert "| 0.500 (1 item) |" in card._quality(one)
    one["curated"]["figures"]["fields"]["title"].update(gold=0, predicted=0, f1=1.0)
    assert "| n/a (0 items) |" in card._quality(one)  # nothing to find, nothing found: no figure
    one["curated"]["figures"]["fields"]["title"].update(gold=0, predicted=2, precision=0.0, f1=0.0)
    assert "| 0.000 (0 items) |" in card._quality(one)  # a person checked there is none; the parser found 2
    assert "A person checked" not in card._annotations({"counts": {"documents": 5}})
    assert "in 2 of the release's 5 documents" in card._annotations(_curated_manifest())


def test_card_without_curated_documents_keeps_its_four_columns():
    from cmvisit_data.hub import card

    header = next(
        line for line in card._quality({"curated": {"documents": 0}}).splitlines() if line.startswith("|")
    )
    assert header.count("|") == 6
    assert "none are made by hand" in card._annotations({"counts": {"documents": 5}})


def test_card_metadata_names_the_curators_where_a_person_checked_documents():
    from cmvisit_data.hub import card

    sizes = {name: {"num_bytes": 1, "num_examples": 1, "download_size": 1} for name in card.TABLE_NAMES}
    manifest = _curated_manifest()
    assert card.card_metadata(manifest, sizes).annotations_creators == [
        "machine-generated",
        "expert-generated",
    ]
    manifest["curated"] = {"documents": 0}
    assert card.card_metadata(manifest, sizes).annotations_creators == ["machine-generated"]
