"""HTML pages as records (issue 26), on pages written for these tests: what each must give."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from cmvisit_data.errors import CmvisitError
from cmvisit_data.inputs import decode
from cmvisit_data.record import build_record
from cmvisit_data.validation.records import validate_record

HERE = Path(__file__).parent
BODY = (
    "<p>Raipur, March 5: Chief Minister Vishnu Deo Sai opened the new water scheme for forty villages "
    "of the district on Tuesday, officials of the department said.</p>"
    "<p>The scheme will bring piped water to twelve thousand homes by the end of the year, the "
    "department said in its statement issued in the evening.</p>"
)


def _record(html: str | bytes, name: str = "page.html") -> dict:
    data = html.encode() if isinstance(html, str) else html
    doc = decode(data, name, html=True)
    assert not isinstance(doc, list), doc
    return build_record(doc)


def _spans_hold(record: dict) -> None:
    rendering = record["rendering"]
    meta = record["metadata"]
    for field in ("title", "published", "dateline"):
        span = meta["spans"][field]
        if span:
            assert rendering[span["start"] : span["end"]] == span["text"]
    for table in ("paragraphs", "highlights", "quotes", "tweets"):
        for item in record[table]:
            assert rendering[item["start"] : item["end"]] == item["text"]


def test_json_ld_gives_title_date_and_author_with_their_spans_in_the_rendering():
    record = _record((HERE / "jsonld.html").read_bytes())
    meta = record["metadata"]
    assert (meta["title"], meta["published"], meta["byline"]) == (
        "CM visits Japan",
        "2024-08-23",
        ["Ritesh Mishra"],
    )
    assert meta["sources"] == {
        "title": "json-ld",
        "published": "json-ld",
        "byline": "json-ld",
        "dateline": "text",
    }
    assert record["rendering"].startswith("CM visits Japan\n\nBy Ritesh Mishra\n\n2024-08-23\n\n")
    assert record["rendering"].count("CM visits Japan") == 1  # the page's h1 is the headline, printed once
    assert "Home" not in record["rendering"] and "Copyright" not in record["rendering"]
    _spans_hold(record)


def test_a_tweet_blockquote_becomes_a_post_with_author_handle_date():
    record = _record((HERE / "jsonld.html").read_bytes())
    (tweet,) = record["tweets"]
    assert (tweet["author"], tweet["handle"], tweet["posted"]) == (
        "Vishnu Deo Sai",
        "vishnudsai",
        "2024-08-23",
    )
    assert tweet["text"] == "Great meeting with investors in Tokyo today. pic.twitter.com/abc123"
    rendering = record["rendering"]
    attribution = "— Vishnu Deo Sai (@vishnudsai) August 23, 2024"
    # In its place: after the quote's paragraph, before the paragraph that follows it on the page.
    assert rendering.index("Sai said") < rendering.index(attribution) < rendering.index("The visit ends")


def _tweet(text: str, who: str, handle: str, url: str, date: str) -> str:
    return (
        f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{text}</p>&mdash; {who} (@{handle}) '
        f'<a href="{url}">{date}</a></blockquote>'
    )


def test_each_post_keeps_its_own_status_url_and_a_text_document_has_none():
    """The status link is read from each blockquote (its query left out) and stored on its own
    post, in order, though the rendering does not print it; a .txt document's posts have null."""
    page = (
        "<html><body><article><h1>Sai meets investors</h1>"
        + BODY
        + _tweet("Met investors in Tokyo today.", "Vishnu Deo Sai", "vishnudsai",
                 "https://twitter.com/vishnudsai/status/1826?ref_src=twsrc%5Etfw", "August 23, 2024")
        + "<p>The delegation then travelled to Osaka for talks with the steel makers of the region.</p>"
        + _tweet("A warm welcome in Osaka.", "CMO Chhattisgarh", "ChhattisgarhCMO",
                 "https://twitter.com/ChhattisgarhCMO/status/1827", "August 24, 2024")
        + "<p>The visit ends on Friday, when the delegation returns to Raipur by the evening flight.</p>"
        + "</article></body></html>"
    )  # fmt: skip
    record = _record(page)
    assert [(t["handle"], t["status_url"]) for t in record["tweets"]] == [
        ("vishnudsai", "https://twitter.com/vishnudsai/status/1826"),
        ("ChhattisgarhCMO", "https://twitter.com/ChhattisgarhCMO/status/1827"),
    ]
    assert "/status/" not in record["rendering"]
    assert validate_record(record) == []
    text = "Raipur, March 5: text.\n\nMet investors in Tokyo today.\n— Vishnu Deo Sai (@vishnudsai) August 23, 2024\n"
    plain = decode(text.encode(), "post.txt")
    (post,) = build_record(plain)["tweets"]
    assert post["handle"] == "vishnudsai" and post["status_url"] is None


def test_list_items_are_bullets_in_the_rendering_and_highlights_of_the_record():
    record = _record((HERE / "jsonld.html").read_bytes())
    assert (
        "• Five new plants announced for the state.\n• Two thousand jobs expected by 2026."
        in record["rendering"]
    )
    assert [h["text"] for h in record["highlights"]] == [
        "Five new plants announced for the state.",
        "Two thousand jobs expected by 2026.",
    ]


def test_opengraph_only_page_names_opengraph_as_the_source():
    page = (
        '<html><head><meta property="og:title" content="Water for forty villages">'
        '<meta property="article:published_time" content="2024-03-05T09:00:00Z"></head>'
        f"<body><article><h1>Water for forty villages</h1>{BODY}</article></body></html>"
    )
    record = _record(page)
    meta = record["metadata"]
    assert (meta["title"], meta["published"]) == ("Water for forty villages", "2024-03-05")
    assert meta["sources"]["title"] == meta["sources"]["published"] == "opengraph"
    _spans_hold(record)


def test_a_page_without_structured_data_is_read_by_the_text_parser():
    page = f"<html><body><article><h1>Water for forty villages</h1>{BODY}</article></body></html>"
    record = _record(page)
    assert record["metadata"]["title"] == "Water for forty villages"
    assert record["metadata"]["sources"]["title"] == "heading"  # the page's <h1>
    assert record["metadata"]["sources"]["byline"] is None  # no byline: no source
    assert record["metadata"]["dateline"] == "Raipur" and record["metadata"]["sources"]["dateline"] == "text"
    assert len(record["paragraphs"]) >= 2
    _spans_hold(record)


def test_a_hindi_page_keeps_the_packages_own_date_reader():
    page = (
        "<html><head><meta charset='utf-8'></head><body><article><h1>चालीस गांवों को पानी</h1>"
        "<p>5 मार्च 2024</p>"
        "<p>रायपुर। मुख्यमंत्री विष्णु देव साय ने मंगलवार को जिले के चालीस गांवों के लिए नई जल योजना "
        "का शुभारंभ किया। उन्होंने कहा कि हर घर तक पानी पहुंचाना सरकार का लक्ष्य है।</p>"
        "<p>विभाग के अधिकारियों ने बताया कि योजना से बारह हजार घरों को साल के अंत तक पानी मिलेगा।</p>"
        "</article></body></html>"
    )
    record = _record(page)
    meta = record["metadata"]
    assert meta["language"] == "hi"
    assert meta["published"] == "2024-03-05" and meta["sources"]["published"] == "text"
    _spans_hold(record)


def test_a_windows_1252_page_is_kept_byte_for_byte_and_its_id_is_its_bytes_hash():
    page = f'<html><head><meta charset="windows-1252"></head><body><article><h1>“Café” opens</h1>{BODY}'
    data = (page + "</article></body></html>").encode("cp1252")
    record = _record(data)
    assert record["encoding"] == "windows-1252" and record["media_type"] == "text/html"
    assert record["raw_text"].encode(record["encoding"]) == data
    assert record["source"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert record["doc_id"] == hashlib.sha256(data).hexdigest()[:16]
    assert record["metadata"]["title"] == "“Café” opens"
    assert validate_record(record) == []  # identity checked in the recorded encoding


def test_a_broken_page_is_still_read():
    page = f"<html><body><div><article><h1>Water for forty villages<p>{BODY}<p>unclosed <b>tags</div>"
    record = _record(page)
    assert any("twelve thousand homes" in p["text"] for p in record["paragraphs"])
    _spans_hold(record)


def test_a_listing_page_with_no_article_is_a_typed_problem():
    page = "<html><body><nav><ul>" + "".join(f"<li><a href='/n/{i}'>Story {i}</a></li>" for i in range(30))
    with pytest.raises(CmvisitError) as caught:
        _record(page + "</ul></nav></body></html>", "listing.html")
    (problem,) = caught.value.problems
    assert problem.type == "no-main-content" and problem.file == "listing.html"


def test_a_text_record_has_no_rendering_and_spans_in_raw_text():
    doc = decode(
        b"Water for forty villages\n\nRaipur: the scheme opened on Tuesday, officials said.\n", "a.txt"
    )
    record = build_record(doc)
    assert (record["media_type"], record["encoding"], record["rendering"]) == ("text/plain", "utf-8", None)
    meta = record["metadata"]
    assert meta["dateline"] == "Raipur"
    assert meta["sources"] == {f: "text" if meta[f] not in (None, []) else None for f in meta["sources"]}


def test_a_span_that_does_not_index_the_rendering_is_refused():
    record = _record((HERE / "jsonld.html").read_bytes())
    record["paragraphs"][0]["start"] += 1
    assert {p.type for p in validate_record(record)} == {"span-mismatch"}


def test_the_rendering_does_not_depend_on_pages_parsed_before():
    from cmvisit_data.pages.render import render

    page = (HERE / "jsonld.html").read_text()
    first = render(page, "a.html").text
    for _ in range(3):  # trafilatura's dedup cache would drop repeated paragraphs from now on
        render(page, "a.html")
    assert render(page, "a.html").text == first
