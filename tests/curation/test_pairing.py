"""A curated quote or post keeps what the parser found around the same piece (a quote's cue, a
post's attribution and status link) when the person trimmed its text: the pieces are paired as
the metrics pair them, not by identical spans."""

from __future__ import annotations

from cmvisit_data.curation.annotations import resolve
from cmvisit_data.curation.apply import apply
from cmvisit_data.record import parse_path
from cmvisit_data.validation.records import validate_record

from ..conftest import ROOT

HTML_PAGE = ROOT / "tests" / "html" / "jsonld.html"


def _curated(annotation: dict) -> tuple[dict, dict]:
    record, problems = parse_path(HTML_PAGE)
    assert not problems
    resolved, problems = resolve(annotation, record["rendering"], "page.html.json")
    assert not problems, problems
    curated = apply(record, resolved, "annotations/page.html.json", "0" * 64)
    assert validate_record(curated) == []
    return record, curated


def test_a_quote_trimmed_of_its_comma_keeps_the_parsers_cue():
    record, _ = parse_path(HTML_PAGE)
    (quote,) = record["quotes"]
    assert quote["text"].endswith(",") and quote["cue"]["text"] == "said"
    trimmed = {"text": quote["text"].rstrip(","), "kind": "direct", "speaker": quote["speaker"]}
    _, curated = _curated({"quotes": [trimmed]})
    (item,) = curated["quotes"]
    assert item["end"] == quote["end"] - 1
    assert item["cue"] == quote["cue"] and item["truncated"] is False
    # A quote the parser has not found (no shared words) still gets no cue.
    _, curated = _curated({"quotes": [{"text": "Tokyo", "occurrence": 1, "kind": "direct", "speaker": None}]})
    assert curated["quotes"][0]["cue"] is None


def test_a_post_trimmed_at_its_start_keeps_its_attribution_and_status_link():
    record, _ = parse_path(HTML_PAGE)
    (post,) = record["tweets"]
    assert post["status_url"] and post["text"].startswith("Great ")
    keys = ("author", "handle", "posted")
    trimmed = {"text": post["text"].removeprefix("Great "), **{k: post[k] for k in keys}}
    _, curated = _curated({"tweets": [trimmed]})
    (item,) = curated["tweets"]
    assert item["start"] == post["start"] + len("Great ")
    assert item["status_url"] == post["status_url"]
    assert item["attribution"] == post["attribution"]


def test_a_release_with_trimmed_pieces_keeps_their_cue_and_attribution_and_verifies(tmp_path):
    import json

    import pyarrow.parquet as pq

    from cmvisit_data.release import build, verify
    from cmvisit_data.release.layout import table_file

    from ..conftest import PROJECT_SEEDS, copy_seeds

    seed = "001_f633bab6aa95e6a6.txt"
    annotation = json.loads((PROJECT_SEEDS / "annotations" / f"{seed}.json").read_text(encoding="utf-8"))
    annotation["quotes"][1]["text"] = annotation["quotes"][1]["text"].removesuffix("।")
    annotation["tweets"][0]["text"] = annotation["tweets"][0]["text"].removeprefix("In Tokyo, ")
    seeds = copy_seeds(tmp_path / "seeds")
    (seeds / "annotations").mkdir()
    text = json.dumps(annotation, ensure_ascii=False)
    (seeds / "annotations" / f"{seed}.json").write_text(text, encoding="utf-8")
    result = build(seeds, tmp_path / "out", "0.1.0", workers=1)
    assert result.ok, [p.one_line() for p in result.problems]
    release = tmp_path / "out" / "0.1.0"
    report = verify(release)
    assert report.valid, [p.one_line() for p in report.problems]
    quotes = pq.read_table(table_file(release, "quotes")).to_pylist()
    trimmed = next(q for q in quotes if q["text"] == annotation["quotes"][1]["text"])
    assert trimmed["cue"] is not None and trimmed["cue"]["text"] == "कहा कि"
    (post,) = pq.read_table(table_file(release, "tweets")).to_pylist()
    assert post["text"] == annotation["tweets"][0]["text"] and post["attribution"]["start"] == post["end"] + 1
