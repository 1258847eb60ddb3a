"""cmvisit score: the parser against a corpus's annotations, with the contract's metrics."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from cmvisit_data.cli import main

from ..conftest import PROJECT_SEEDS

HINDI = "001_f633bab6aa95e6a6.txt"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def seeds(tmp_path):
    """A copy of the project's seeds whose annotations are the parser's own output."""
    folder = tmp_path / "seeds"
    shutil.copytree(PROJECT_SEEDS, folder, ignore=shutil.ignore_patterns("annotations"))
    for name in ("000_a25e3bb1cf0e3701.txt", HINDI):
        assert run("annotate", str(folder / name)).exit_code == 0
    return folder


def _score(folder) -> dict:
    result = run("score", "--seeds", str(folder), "--format", "json")
    report = json.loads(result.stdout)
    return report


def _figures(report: dict) -> dict:
    score = dict(report["score"])
    score.pop("per_document")
    return score


def test_annotations_equal_to_the_parser_score_one_everywhere(seeds):
    report = _score(seeds)
    assert report["valid"] and report["stats"]["documents"] == 2
    figures = _figures(report)
    for name, field in figures["fields"].items():
        assert field["accuracy" if name == "language" else "f1"] == 1.0, name
    for share in ("quote_speaker_accuracy", "quote_speaker_exact", "tweet_handle_accuracy", "span_accuracy"):
        assert figures[share] == 1.0, share
    assert figures["fields"]["quotes"]["gold"] == 4


def test_a_changed_speaker_lowers_exactly_the_speaker_figures(seeds):
    before = _figures(_score(seeds))
    path = seeds / "annotations" / f"{HINDI}.json"
    annotation = json.loads(path.read_text(encoding="utf-8"))
    annotation["quotes"][1]["speaker"] = "नाकाजो काज़ुया"  # another person the document names
    path.write_text(json.dumps(annotation, ensure_ascii=False), encoding="utf-8")
    report = _score(seeds)
    after = _figures(report)
    assert {k for k in before if before[k] != after[k]} == {"quote_speaker_accuracy", "quote_speaker_exact"}
    assert after["quote_speaker_accuracy"] == after["quote_speaker_exact"] == 0.75
    hindi = next(d for d in report["score"]["per_document"] if d["file"] == HINDI)
    assert [d["pointer"] for d in hindi["disagreements"]] == ["/quotes/1/speaker"]
    text = run("score", "--seeds", str(seeds), "--show").stdout
    assert "quote speaker, last name          0.750" in text
    assert "/quotes/1/speaker: annotation 'नाकाजो काज़ुया', parser 'विष्णुदेव साय'" in text


def test_a_wrong_annotation_is_named_and_the_others_are_still_scored(seeds):
    path = seeds / "annotations" / f"{HINDI}.json"
    annotation = json.loads(path.read_text(encoding="utf-8"))
    annotation["title"] = "A headline this document never prints"
    path.write_text(json.dumps(annotation, ensure_ascii=False), encoding="utf-8")
    result = run("score", "--seeds", str(seeds))
    assert result.exit_code == 1
    assert "the parser against 1 curated document of" in result.stdout
    assert f"{HINDI}.json" in result.output and "/title" in result.output


def test_a_corpus_without_annotations_says_how_to_start(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(PROJECT_SEEDS, folder, ignore=shutil.ignore_patterns("annotations"))
    result = run("score", "--seeds", str(folder))
    assert result.exit_code == 0
    assert "has an annotation: write one with cmvisit annotate FILE" in result.stdout


def test_the_projects_own_seeds_are_annotated_and_validate():
    """The package's own annotations of its two seeds (the card's curated figures come from them)."""
    for name in ("000_a25e3bb1cf0e3701.txt", HINDI):
        path = PROJECT_SEEDS / "annotations" / f"{name}.json"
        assert run("validate", str(path)).exit_code == 0, path
    assert _score(PROJECT_SEEDS)["stats"]["documents"] == 2
