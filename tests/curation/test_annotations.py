"""Annotations applied by the build's per-document step: exactly the checked fields change,
and a wrong annotation rejects its document with the annotation file and the JSON pointer."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

import pytest

from cmvisit_data.builder import Job, process
from cmvisit_data.curation.annotations import annotation_path, resolve
from cmvisit_data.curation.apply import apply
from cmvisit_data.record import parse_path
from cmvisit_data.seeds.manifest import load_manifest

from ..conftest import ROOT, SEEDS, copy_seeds

ENGLISH, HINDI = "000_a25e3bb1cf0e3701.txt", "001_f633bab6aa95e6a6.txt"
HTML_PAGE = ROOT / "tests" / "html" / "jsonld.html"


def _seeds_with(tmp_path: Path, seed: str, annotation: dict | str) -> tuple[Path, Path]:
    seeds = copy_seeds(tmp_path / "seeds")
    path = annotation_path(seeds, seed)
    path.parent.mkdir()
    text = annotation if isinstance(annotation, str) else json.dumps(annotation, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return seeds, path


def _process(seeds: Path, seed: str):
    entries, problems = load_manifest(seeds)
    assert not problems
    return process(Job(str(seeds), next(e for e in entries if e.file == seed)))


def _parser(seed: str) -> dict:
    """The build's record of a seed without annotation: the parser's."""
    outcome = _process(SEEDS, seed)
    assert outcome.ok and outcome.record["curation"] is None and outcome.counts is None
    return outcome.record


def test_an_annotation_replaces_exactly_the_fields_it_holds(tmp_path):
    parser = _parser(HINDI)
    quote = parser["quotes"][1]
    # A person's checks: another title (a shorter printed line), one quote with another speaker.
    annotation = {
        "title": "जापान दौरे पर सीएम साय",
        "quotes": [{"text": quote["text"], "kind": "reported", "speaker": "साय"}],
        "notes": "ignored",
    }
    seeds, path = _seeds_with(tmp_path, HINDI, annotation)
    outcome = _process(seeds, HINDI)
    assert outcome.ok, outcome.problems
    record = outcome.record
    assert record["curation"] == {
        "annotation": f"annotations/{HINDI}.json",
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "fields": ["title", "quotes"],
    }
    assert record["metadata"]["title"] == "जापान दौरे पर सीएम साय"
    assert record["metadata"]["spans"]["title"] == {"text": "जापान दौरे पर सीएम साय", "start": 0, "end": 22}
    assert record["metadata"]["sources"]["title"] == "annotation"
    # The parser's quote at the same span keeps its cue; only the speaker is the person's.
    assert record["quotes"] == [{**quote, "speaker": "साय"}]
    # Every other field is the parser's, byte for byte.
    expected = copy.deepcopy(parser)
    for name in ("title",):
        expected["metadata"][name] = record["metadata"][name]
        expected["metadata"]["spans"][name] = record["metadata"]["spans"][name]
        expected["metadata"]["sources"][name] = "annotation"
    expected["quotes"], expected["curation"] = record["quotes"], record["curation"]
    assert json.dumps(record, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)
    # The parser's counts against the annotation: its title is not the person's.
    assert outcome.counts["title.gold"] == 1 and outcome.counts["title.tp"] == 0


def _quote(seed: str) -> str:
    return _parser(seed)["quotes"][0]["text"]


WRONG = [
    pytest.param(ENGLISH, {"quotes": [{"text": "nowhere in it", "kind": "direct", "speaker": None}]},
                 "annotation-text-not-found", "/quotes/0/text", id="text not found"),
    pytest.param(ENGLISH, {"highlights": ["Japan"]}, "annotation-ambiguous", "/highlights/0",
                 id="ambiguous without start"),
    pytest.param(ENGLISH, {"title": {"text": "Chhattisgarh CM Visits Japan", "start": 5}},
                 "annotation-wrong-place", "/title/start", id="start not where the text is"),
    pytest.param(ENGLISH, {"highlights": [{"text": "Japan", "occurrence": 40}]}, "annotation-wrong-place",
                 "/highlights/0/occurrence", id="occurrence beyond the text's"),
    pytest.param(ENGLISH, {"titel": "Chhattisgarh"}, "annotation-unknown-key", "/titel", id="unknown key"),
    pytest.param(ENGLISH, {"quotes": [{"text": "Japan", "start": 0, "kind": "direct", "speaker": None,
                                       "cue": "said"}]}, "annotation-invalid", "/quotes/0/cue",
                 id="unknown key in an item"),
    pytest.param(ENGLISH, {"published": "2025-02-30"}, "annotation-invalid", "/published", id="bad date"),
    pytest.param(ENGLISH, {"published": "2020-01-01"}, "annotation-date-not-printed", "/published",
                 id="date not printed"),
    pytest.param(HINDI, {"quotes": [{"text": "QUOTE", "kind": "reported", "speaker": "Narendra Modi"}]},
                 "annotation-speaker-not-found", "/quotes/0/speaker", id="speaker not printed"),
    pytest.param(HINDI, {"tweets": [{"text": "QUOTE", "author": "Vishnu Deo Sai", "handle": "vishnudsai",
                                     "posted": "2025-08-23"}]}, "annotation-no-attribution", "/tweets/0/text",
                 id="post without attribution line"),
    pytest.param(ENGLISH, {"highlights": ["Japan and South Korea", {"text": "Japan and South Korea", "occurrence": 1}]},
                 "annotation-invalid", "/highlights/1", id="one piece twice"),
    pytest.param(ENGLISH, '{"title": null, "title": null}', "annotation-malformed", "", id="key twice"),
]  # fmt: skip


@pytest.mark.parametrize(("seed", "annotation", "kind", "pointer"), WRONG)
def test_a_wrong_annotation_is_refused_with_its_file_and_pointer(tmp_path, seed, annotation, kind, pointer):
    if not isinstance(annotation, str) and annotation.get("quotes", [{}])[0].get("text") == "QUOTE":
        annotation["quotes"][0]["text"] = _quote(seed)
    if not isinstance(annotation, str) and annotation.get("tweets", [{}])[0].get("text") == "QUOTE":
        annotation["tweets"][0]["text"] = _quote(seed)
    seeds, path = _seeds_with(tmp_path, seed, annotation)
    outcome = _process(seeds, seed)
    assert not outcome.ok
    assert [(p.type, p.file, p.pointer) for p in outcome.problems] == [(kind, str(path), pointer)]
    assert outcome.problems[0].hint


def test_an_html_pages_annotation_is_placed_in_its_rendering():
    record, problems = parse_path(HTML_PAGE)
    assert not problems and record["rendering"] is not None
    rendering, raw = record["rendering"], record["raw_text"]
    # The parser takes the heading "Investment" for the dateline; a person says "Tokyo", the
    # first one the rendering prints (offsets index the rendering, not the page's markup).
    annotation = {
        "dateline": {"text": "Tokyo", "occurrence": 1},
        "highlights": ["Two thousand jobs expected by 2026."],
    }
    resolved, problems = resolve(annotation, rendering, "page.html.json")
    assert not problems
    curated = apply(record, resolved, "annotations/page.html.json", "0" * 64)
    span = curated["metadata"]["spans"]["dateline"]
    assert span["start"] == rendering.index("Tokyo") != raw.index("Tokyo")
    assert rendering[span["start"] : span["end"]] == "Tokyo" == curated["metadata"]["dateline"]
    (item,) = curated["highlights"]
    assert rendering[item["start"] : item["end"]] == item["text"] and item["marker"] == "•"
    # Text that only the page's markup holds is not in the document's text.
    _, problems = resolve({"highlights": ["twitter-tweet"]}, rendering, "page.html.json")
    assert [(p.type, p.pointer) for p in problems] == [("annotation-text-not-found", "/highlights/0")]


def test_a_curated_post_finds_its_attribution_line():
    record = _parser(HINDI)
    post = record["tweets"][0]
    annotation = {"tweets": [{k: post[k] for k in ("text", "author", "handle", "posted")}]}
    resolved, problems = resolve(annotation, record["raw_text"], "x.json")
    assert not problems
    without_parser = apply({**record, "tweets": []}, resolved, "annotations/x.json", "0" * 64)
    assert without_parser["tweets"] == record["tweets"]


def test_a_document_refused_after_its_annotation_brings_no_counts(tmp_path):
    seeds, _ = _seeds_with(tmp_path, ENGLISH, {"language": "hi"})  # the manifest says en
    outcome = _process(seeds, ENGLISH)
    assert [p.type for p in outcome.problems] == ["language-mismatch"] and outcome.counts is None


def test_a_language_the_manifest_does_not_give_names_the_annotation_in_build_and_validate(tmp_path):
    from click.testing import CliRunner

    from cmvisit_data.cli import main

    seeds, path = _seeds_with(tmp_path, ENGLISH, {"language": "hi"})  # the manifest says en
    outcome = _process(seeds, ENGLISH)
    assert [(p.type, p.file, p.pointer) for p in outcome.problems] == [
        ("language-mismatch", str(path), "/language")
    ]
    assert "the manifest says 'en'" in outcome.problems[0].message
    result = CliRunner().invoke(main, ["validate", str(path)], catch_exceptions=False)
    assert result.exit_code == 1
    assert (
        "language-mismatch" in result.output + result.stderr and "/language" in result.output + result.stderr
    )


def test_a_symlinked_annotation_is_refused_by_validate_as_by_build(tmp_path):
    from click.testing import CliRunner

    from cmvisit_data.cli import main

    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text('{"title": null}', encoding="utf-8")
    seeds, path = _seeds_with(tmp_path, ENGLISH, {"title": None})
    path.unlink()
    path.symlink_to(elsewhere)
    built = _process(seeds, ENGLISH).problems
    assert built and all(p.file == str(path) for p in built)
    result = CliRunner().invoke(main, ["validate", str(path), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 1
    assert {p.type for p in built} <= set(result.output.replace('"', " ").split())
