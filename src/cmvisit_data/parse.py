"""Text -> the parsed parts of one document, in the order the extractors need.

This module only sequences the stages: `segment` marks lines, then embedded posts,
metadata, headings, highlights and quotes are extracted, each by its own module in
`extract/`. It holds no rules of its own. Wrapping the result into a validated record with
its identity and provenance is `record`'s job.
"""

from __future__ import annotations

from typing import Any

from . import segment
from .extract import body
from .extract.highlights import find_highlights
from .extract.metadata import extract_metadata
from .extract.posts import find_posts
from .extract.quotes import find_quotes
from .extract.speakers import NameIndex
from .header.model import HeaderModel
from .segment import BOILERPLATE


def parse_text(
    raw: str, model: HeaderModel | None = None, explain: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Every extracted part of a document's text; all offsets index into raw.

    model: the fitted scorer's weights (the package's own by default); explain: a dict that
    receives, for each scored role (title, published, posts), every candidate with its
    features and score."""
    lines = segment.split_lines(raw)
    segment.classify(lines)
    tweets = find_posts(raw, lines, model, explain)
    meta = extract_metadata(raw, lines, model, explain)
    body.mark_headings(lines)
    # (Devanagari, Latin) letters of each body line, counted once for both uses below.
    scripts = {line.index: line.scripts for line in lines if line.kind in body.BODY}
    language = body.language(raw, scripts)
    highlights = find_highlights(lines, explain)
    quotes = find_quotes(raw, lines, lambda: NameIndex(raw, language, skip=meta.title), language, explain)
    return {
        "metadata": meta.to_record(raw, language),
        "highlights": highlights,
        "paragraphs": body.paragraphs(raw, lines, meta.standfirst, scripts),
        "quotes": quotes,
        "tweets": tweets,
        "related": body.related(lines),
        "boilerplate": [
            {"text": line.text, "start": line.start, "end": line.end, "kind": line.detail or "trailing"}
            for line in lines
            if line.kind == BOILERPLATE
        ],
    }
