"""Annotations through the command line: annotate writes a start that validates and gives the
parser's values back; validate names each problem's place; build applies annotations and its
tables carry the curation columns; seeds remove and an annotation without its seed."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmvisit_data.cli import main
from cmvisit_data.curation.annotations import annotation_path, resolve
from cmvisit_data.curation.apply import apply
from cmvisit_data.loader import releases_root
from cmvisit_data.record import parse_path

from ..conftest import ROOT, copy_seeds

ENGLISH, HINDI = "000_a25e3bb1cf0e3701.txt", "001_f633bab6aa95e6a6.txt"
# What a record extracts, besides its spans: the values an annotation round trip must keep.
EXTRACTED = ("language", "title", "published", "byline", "dateline")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _values(record: dict) -> dict:
    meta = record["metadata"]
    return {
        **{name: meta[name] for name in EXTRACTED},
        "spans": meta["spans"],
        "highlights": record["highlights"],
        "quotes": record["quotes"],
        "tweets": record["tweets"],
    }


@pytest.mark.parametrize("seed", [ENGLISH, HINDI])
def test_annotate_writes_a_start_that_validates_and_gives_the_parsers_values_back(tmp_path, seed):
    seeds = copy_seeds(tmp_path / "seeds")
    result = run("annotate", str(seeds / seed))
    assert result.exit_code == 0, result.output
    written = annotation_path(seeds, seed)
    annotation = json.loads(written.read_text(encoding="utf-8"))
    assert list(annotation) == ["language", "title", "published", "byline", "dateline", "highlights",
                                "quotes", "tweets"]  # fmt: skip
    assert run("validate", str(written)).exit_code == 0
    record, _ = parse_path(seeds / seed)
    resolved, problems = resolve(annotation, record["raw_text"], str(written))
    assert not problems
    assert _values(apply(record, resolved, "annotations/x.json", "0" * 64)) == _values(record)


def test_a_start_annotation_marks_the_start_of_a_text_printed_twice_and_of_a_title_not_first():
    from cmvisit_data.curation.start import starting_annotation

    record, _ = parse_path(ROOT / "seeds" / ENGLISH)
    raw = record["raw_text"]
    title = record["metadata"]["title"]  # printed three times: the parser took the first
    second_title = raw.index(title, raw.index(title) + 1)
    second_japan = raw.index("Japan", raw.index("Japan") + 1)
    record["metadata"]["spans"]["title"] = {
        "text": title,
        "start": second_title,
        "end": second_title + len(title),
    }
    record["highlights"] = [{"text": "Japan", "start": second_japan, "end": second_japan + 5, "marker": "-"}]
    annotation = starting_annotation(record)
    assert annotation["title"] == {"text": title, "start": second_title}
    assert annotation["highlights"] == [{"text": "Japan", "start": second_japan}]
    assert annotation["byline"] == ["Asia Manufacturing Review Team"]  # printed once: the text alone
    resolved, problems = resolve(annotation, raw, "x.json")
    assert not problems
    assert _values(apply(record, resolved, "annotations/x.json", "0" * 64)) == _values(record)


def test_an_html_pages_annotation_round_trips_through_its_rendering(tmp_path):
    page = tmp_path / "page.html"
    shutil.copy(ROOT / "tests" / "html" / "jsonld.html", page)
    out = annotation_path(tmp_path, "page.html")
    out.parent.mkdir()
    assert run("annotate", str(page), "--out", str(out)).exit_code == 0
    annotation = json.loads(out.read_text(encoding="utf-8"))
    record, _ = parse_path(page)
    resolved, problems = resolve(annotation, record["rendering"], str(out))
    assert not problems
    assert _values(apply(record, resolved, "annotations/page.html.json", "0" * 64)) == _values(record)
    # validate places it in the page's rendering: "Tokyo" at its offset there, not the markup's.
    start = record["rendering"].index("Tokyo")
    assert record["raw_text"][start : start + 5] != "Tokyo"
    out.write_text(json.dumps({"dateline": {"text": "Tokyo", "start": start}}), encoding="utf-8")
    result = run("validate", str(out))
    assert result.exit_code == 0, result.output


def test_annotate_never_replaces_an_annotation_without_force(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    written = annotation_path(seeds, ENGLISH)
    written.parent.mkdir()
    written.write_text('{"title": null}\n', encoding="utf-8")
    result = run("annotate", str(seeds / ENGLISH))
    assert result.exit_code == 1 and "annotation-exists" in result.stderr
    assert written.read_text(encoding="utf-8") == '{"title": null}\n'
    assert run("annotate", str(seeds / ENGLISH), "--force").exit_code == 0
    assert json.loads(written.read_text(encoding="utf-8"))["title"] is not None


def test_validate_names_the_annotation_file_and_pointer(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    written = annotation_path(seeds, HINDI)
    written.parent.mkdir()
    quotes = [{"text": "कहीं नहीं छपा", "kind": "reported", "speaker": None}]
    written.write_text(json.dumps({"quotes": quotes, "byline": []}, ensure_ascii=False), encoding="utf-8")
    result = run("validate", str(seeds))
    assert result.exit_code == 1
    assert (
        f"{written}: /quotes/0/text: annotation-text-not-found: text not found in the document"
        in result.stdout
    )
    assert f"{seeds / HINDI}: OK" in result.stdout and "unlisted" not in result.stdout
    one = run("validate", "--format", "json", str(written))
    (problem,) = json.loads(one.stdout)["problems"]
    assert (problem["file"], problem["pointer"]) == (str(written), "/quotes/0/text") and problem["hint"]


def test_an_annotation_without_its_seed_is_refused(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    stray = annotation_path(seeds, "999_gone.txt")
    stray.parent.mkdir()
    stray.write_text('{"title": null}', encoding="utf-8")
    result = run("validate", str(stray))
    assert result.exit_code == 1 and f"{stray}: annotation-orphan" in result.stdout
    built = run("build", "--seeds", str(seeds), "--out", str(tmp_path / "build"), "--version", "0.0.1")
    assert built.exit_code == 1 and "annotation-orphan" in built.stderr


def test_seeds_remove_deletes_a_documents_annotation_with_it(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    for seed in (ENGLISH, HINDI):
        assert run("annotate", str(seeds / seed)).exit_code == 0
    kept = run("seeds", "remove", ENGLISH, "--seeds", str(seeds), "--keep-file")
    assert kept.exit_code == 0 and annotation_path(seeds, ENGLISH).exists()
    assert f"kept its annotation {seeds}/annotations/{ENGLISH}.json" in kept.stdout
    removed = run("seeds", "remove", HINDI, "--seeds", str(seeds), "--format", "json")
    assert removed.exit_code == 0 and not annotation_path(seeds, HINDI).exists()
    entry = json.loads(removed.stdout)["entry"]
    assert entry["annotation"] == f"annotations/{HINDI}.json" and entry["annotation_removed"] is True


def test_a_build_applies_annotations_and_its_tables_carry_them(tmp_path):
    import pyarrow.parquet as pq

    seeds = copy_seeds(tmp_path / "seeds")
    record, _ = parse_path(seeds / ENGLISH)
    kept = record["highlights"][1]
    written = annotation_path(seeds, ENGLISH)
    written.parent.mkdir()
    annotation = {"byline": [], "highlights": [kept["text"]], "notes": "a person checked these two"}
    written.write_text(json.dumps(annotation), encoding="utf-8")
    out = tmp_path / "build"
    result = run("build", "--seeds", str(seeds), "--out", str(out), "--version", "0.0.1", "--format", "json")
    assert result.exit_code == 0, result.output
    release = out / "0.0.1"
    documents = pq.read_table(release / "hf/data/documents/train-00000-of-00001.parquet").to_pylist()
    by_file = {row["source_file"]: row for row in documents}
    english, hindi = by_file[ENGLISH], by_file[HINDI]
    assert english["curated_fields"] == ["byline", "highlights"]
    assert english["annotation_sha256"] == hashlib.sha256(written.read_bytes()).hexdigest()
    assert english["byline"] == [] and english["byline_spans"] == []
    assert english["metadata_sources"]["byline"] is None and english["n_highlights"] == 1
    assert (hindi["curated_fields"], hindi["annotation_sha256"]) == ([], None)
    highlights = pq.read_table(release / "hf/data/highlights/train-00000-of-00001.parquet").to_pylist()
    (row,) = [h for h in highlights if h["doc_id"] == english["doc_id"]]
    assert (row["text"], row["start"], row["end"], row["marker"]) == (
        kept["text"],
        kept["start"],
        kept["end"],
        kept["marker"],
    )
    assert english["raw_text"][row["start"] : row["end"]] == row["text"]
    assert run("verify", str(release)).exit_code == 0


def test_a_release_built_before_schema_1_3_0_verifies_without_the_curation_columns():
    import pyarrow.parquet as pq

    release = releases_root() / "0.7.0"
    names = pq.read_schema(release / "hf/data/documents/train-00000-of-00001.parquet").names
    assert "curated_fields" not in names and "annotation_sha256" not in names
    result = run("verify", str(release))
    assert result.exit_code == 0, result.output


def test_records_carry_curation_in_the_new_schema():
    record, _ = parse_path(ROOT / "seeds" / ENGLISH)
    assert record["schema_version"] == "1.3.0" and record["curation"] is None
    assert Path(ROOT / "schema/history/press_release-1.2.0.schema.json").is_file()


def test_annotate_where_annotations_is_no_folder_says_so(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    (seeds / "annotations").write_text("not a folder", encoding="utf-8")
    result = run("annotate", str(seeds / ENGLISH))
    assert result.exit_code == 1 and "write-failed" in result.stderr and "Traceback" not in result.output


def test_annotate_refuses_a_file_that_is_no_document(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    written = annotation_path(seeds, ENGLISH)
    written.parent.mkdir()
    written.write_text('{"title": null}\n', encoding="utf-8")
    shutil.copy(seeds / ENGLISH, written.parent / ENGLISH)  # a document's copy among the annotations
    for file in (written, written.parent / ENGLISH, seeds / "manifest.json"):
        result = run("annotate", str(file))
        assert result.exit_code == 1 and "unsupported-file" in result.stderr, file
        assert not annotation_path(written.parent, file.name).exists()
    assert sorted(p.name for p in written.parent.iterdir()) == [ENGLISH, f"{ENGLISH}.json"]
    assert written.read_text(encoding="utf-8") == '{"title": null}\n'
