"""The review page: every located piece of a record is marked, with its value and span in the
side list; the page escapes what documents hold and loads nothing; Hindi is marked as such."""

from __future__ import annotations

import re

from click.testing import CliRunner

from cmvisit_data.cli import main
from cmvisit_data.record import parse_path
from cmvisit_data.review import Reviewed, review_page
from cmvisit_data.review.page import CSP
from cmvisit_data.review.pieces import pieces
from cmvisit_data.review.release import from_release

from .dom import read


def located(record: dict) -> list[tuple[str, str]]:
    """(kind, text) of every span a record locates, read from the record here (not by the page's
    code): what the page must mark."""
    spans = record["metadata"]["spans"]
    found = [(k, spans[k]["text"]) for k in ("title", "published", "dateline") if spans[k]]
    found += [("byline", s["text"]) for s in spans["byline"]]
    found += [("highlight", h["text"]) for h in record["highlights"]]
    found += [("quote", q["text"]) for q in record["quotes"]]
    found += [("cue", q["cue"]["text"]) for q in record["quotes"] if q["cue"]]
    found += [("tweet", t["text"]) for t in record["tweets"]]
    found += [("attribution", t["attribution"]["text"]) for t in record["tweets"] if t["attribution"]]
    found += [("related", r["text"]) for r in record["related"]]
    found += [("boilerplate", b["text"]) for b in record["boilerplate"]]
    return sorted(found)


def _record(path) -> dict:
    record, problems = parse_path(path)
    assert record is not None, problems
    return record


def test_every_located_span_is_one_marked_piece(english_seed, hindi_seed):
    for seed in (english_seed, hindi_seed):
        record = _record(seed)
        found = pieces(record)
        assert sorted((p.kind, p.text) for p in found) == located(record)
        page = read(review_page([Reviewed(str(seed), record)]))
        texts = {n: "".join(parts) for (s, n), parts in page.pieces.items() if s == "d1"}
        assert texts == {str(p.number): p.text for p in found}
        assert "".join(page.texts["d1"]) == record["raw_text"]


def test_side_list_gives_values_spans_and_links(hindi_seed):
    record = _record(hindi_seed)
    html = review_page([Reviewed("hi.txt", record)])
    quote = record["quotes"][0]
    assert f"{quote['start']}-{quote['end']}" in html and f"speaker: {quote['speaker']}" in html
    tweet = record["tweets"][0]
    assert f"@{tweet['handle']}" in html and tweet["posted"] in html
    links = re.findall(r'href="#(d1-p\d+)"', html)
    ids = set(re.findall(r'id="(d1-p\d+)"', html))
    assert links and set(links) == ids and len(ids) == len(pieces(record))


def test_languages_and_fonts(english_seed, hindi_seed):
    html = review_page([Reviewed("en", _record(english_seed)), Reviewed("hi", _record(hindi_seed))])
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<div class="text" lang="en">' in html and '<div class="text" lang="hi">' in html
    fonts = re.search(r"font-family:([^;]+);", html).group(1)
    assert '"Noto Sans Devanagari"' in fonts and '"Lohit Devanagari"' in fonts and '"Mangal"' in fonts
    assert fonts.rstrip().endswith("sans-serif")


def _hostile(record: dict) -> dict:
    """The record with a text that holds markup, a script and links, marked by a boilerplate piece."""
    text = 'Title\n<script>alert(1)</script><img src="http://x/a.png"><link href="https://x/s.css">\r\n"\'&'
    start = text.index("<script>")
    piece = {"text": text[start:], "start": start, "end": len(text), "kind": "<b>menu</b>"}
    spans = {
        "title": {"text": "Title", "start": 0, "end": 5},
        "published": None,
        "byline": [],
        "dateline": None,
    }
    meta = {**record["metadata"], "spans": spans, "title": "Title"}
    return {**record, "metadata": meta, "raw_text": text, "rendering": None, "highlights": [], "quotes": [],
            "tweets": [], "related": [], "boilerplate": [piece]}  # fmt: skip


def test_what_a_document_holds_is_escaped_and_nothing_is_loaded(english_seed):
    record = _hostile(_record(english_seed))
    html = review_page([Reviewed('<script>"name"</script>', record)])
    page = read(html)
    assert [
        t for t, _ in page.tags if t in ("script", "img", "link", "iframe", "object", "embed", "base")
    ] == []
    assert not [a for _, attrs in page.tags for k, a in attrs.items() if k == "src"]
    assert all(a.startswith("#") for _, attrs in page.tags for k, a in attrs.items() if k == "href")
    assert not re.search(r"url\(|@import|@font-face", "".join(page.styles))
    assert ("meta", {"http-equiv": "Content-Security-Policy", "content": CSP}) in page.tags
    assert "default-src 'none'" in CSP
    assert "".join(page.texts["d1"]) == record["raw_text"]  # the \r too
    assert "".join(page.pieces[("d1", "2")]) == record["boilerplate"][0]["text"]


def test_cli_reviews_a_folder_and_a_release(tmp_path, seeds_dir, release):
    out = tmp_path / "page.html"
    result = CliRunner().invoke(main, ["review", str(seeds_dir), "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count('<section class="doc"') == 2
    doc_id = _record(seeds_dir / "001_f633bab6aa95e6a6.txt")["doc_id"]
    args = ["review", str(release), "--doc", doc_id, "--out", str(out)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.count('<section class="doc"') == 1 and f'data-doc="{doc_id}"' in html


def test_cli_usage_errors(tmp_path, seeds_dir, release, monkeypatch):
    def run(*args):
        return CliRunner().invoke(main, ["review", *args, "--out", str(tmp_path / "p.html")])

    result = run(str(release), "--doc", "0000000000000000")
    assert result.exit_code == 2 and "holds no document 0000000000000000" in result.output
    result = run(str(seeds_dir), "--doc", "x")
    assert result.exit_code == 2 and "give a release folder" in result.output
    monkeypatch.setattr("cmvisit_data.review.release.MAX_WHOLE_RELEASE", 1)
    result = run(str(release))
    assert result.exit_code == 2 and "name those to review with --doc ID" in result.output
    assert not (tmp_path / "p.html").exists()


def test_a_release_gives_back_the_records_it_was_built_from(seeds_dir, release):
    records = {r["doc_id"]: r for r in (_record(p) for p in sorted(seeds_dir.glob("*.txt")))}
    shown = from_release(release, [])
    assert sorted(i.record["doc_id"] for i in shown) == sorted(records)
    for item in shown:
        parsed = records[item.record["doc_id"]]
        kept = [(p.kind, p.start, p.end, p.text, p.value) for p in pieces(parsed) if p.kind != "boilerplate"]
        assert [(p.kind, p.start, p.end, p.text, p.value) for p in pieces(item.record)] == kept
        assert item.record["raw_text"] == parsed["raw_text"]


def test_every_committed_release_can_be_reviewed():
    from cmvisit_data.loader import releases_root, versions

    for version in versions():
        for item in from_release(releases_root() / version, []):
            page = read(review_page([item]))
            texts = {n: "".join(parts) for (s, n), parts in page.pieces.items() if s == "d1"}
            assert texts == {str(p.number): p.text for p in pieces(item.record)}, version


def test_an_html_page_is_shown_as_the_rendering_its_spans_index():
    from pathlib import Path

    record = _record(Path(__file__).resolve().parents[1] / "html" / "jsonld.html")
    assert record["rendering"] is not None and record["rendering"] != record["raw_text"]
    page = read(review_page([Reviewed("page.html", record)]))
    assert "".join(page.texts["d1"]) == record["rendering"]
    texts = {n: "".join(parts) for (s, n), parts in page.pieces.items() if s == "d1"}
    assert texts == {str(p.number): p.text for p in pieces(record)} and texts
