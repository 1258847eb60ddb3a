"""What the review page highlights in a record: its pieces, each with its kind, span, text and
the value the parser gave it (a speaker, a marker, a normalised date, a handle).

The text the spans index is `document_text(record)`: the rendering of an HTML page, else the
raw text. Paragraphs are no pieces (they are the body, which needs no highlight); everything
else the record locates is one: the title, each byline name, the printed date, the dateline,
each highlight, quote and its cue, each embedded post and its attribution line, each related
link and each line of boilerplate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The kinds of pieces, in the order the legend lists them, with what the legend calls them.
KINDS: dict[str, str] = {
    "title": "title",
    "byline": "byline",
    "published": "published date",
    "dateline": "dateline",
    "highlight": "highlight",
    "quote": "quote",
    "cue": "quote's cue",
    "tweet": "embedded post",
    "attribution": "post's attribution",
    "related": "related link",
    "boilerplate": "boilerplate",
}


@dataclass(frozen=True)
class Piece:
    """One located piece of a record: its number in the document (1-based, in the order the
    side list shows), kind, span, the text the record gives for it, and its value."""

    number: int
    kind: str
    start: int
    end: int
    text: str
    value: str = ""
    of: str = ""  # what it belongs to ("quote 3" for a cue), shown beside its value
    index: int | None = None  # its place in its record array (highlights, quotes, tweets...)


def _quote_value(quote: dict[str, Any]) -> str:
    speaker = quote.get("speaker")
    value = f"{quote.get('kind', 'quote')}; speaker: {speaker if speaker else '(none)'}"
    return value + ("; truncated" if quote.get("truncated") else "")


def _tweet_value(tweet: dict[str, Any]) -> str:
    parts = [
        tweet.get("author") or "",
        f"@{tweet['handle']}" if tweet.get("handle") else "",
        tweet.get("posted") or "",
    ]
    shown = ", ".join(str(p) for p in parts if p)
    return shown + (f"; {tweet['status_url']}" if tweet.get("status_url") else "")


_Raw = tuple[str, dict[str, Any], str, str, "int | None"]


def _raw(record: dict[str, Any]) -> list[_Raw]:
    """(kind, span, value, of, index) for every located piece, in the side list's order."""
    meta = record.get("metadata") or {}
    spans = meta.get("spans") or {}
    found: list[_Raw] = []
    if spans.get("title"):
        found.append(("title", spans["title"], "", "", None))
    found += [("byline", span, "", "", k) for k, span in enumerate(spans.get("byline") or [])]
    if spans.get("published"):
        found.append(("published", spans["published"], str(meta.get("published") or ""), "", None))
    if spans.get("dateline"):
        found.append(("dateline", spans["dateline"], "", "", None))
    for k, item in enumerate(record.get("highlights") or []):
        found.append(("highlight", item, f"marker {item['marker']}" if item.get("marker") else "", "", k))
    for k, quote in enumerate(record.get("quotes") or []):
        found.append(("quote", quote, _quote_value(quote), f"quote {k + 1}", k))
        if quote.get("cue"):
            found.append(("cue", quote["cue"], "", f"quote {k + 1}", k))
    for k, tweet in enumerate(record.get("tweets") or []):
        found.append(("tweet", tweet, _tweet_value(tweet), f"post {k + 1}", k))
        if tweet.get("attribution"):
            found.append(("attribution", tweet["attribution"], "", f"post {k + 1}", k))
    found += [("related", r, r.get("label") or "", "", k) for k, r in enumerate(record.get("related") or [])]
    found += [
        ("boilerplate", b, b.get("kind") or "", "", k) for k, b in enumerate(record.get("boilerplate") or [])
    ]
    return found


def pieces(record: dict[str, Any]) -> list[Piece]:
    """Every piece a record locates, numbered from 1 in the side list's order."""
    return [
        Piece(n, kind, span["start"], span["end"], span["text"], value, of, index)
        for n, (kind, span, value, of, index) in enumerate(_raw(record), 1)
    ]
