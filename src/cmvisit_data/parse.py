"""Text -> the parsed parts of one document, in the order the extractors need.

This module only sequences the stages: `segment` marks lines, then embedded posts,
metadata, headings, highlights and quotes are extracted, each by its own module in
`extract/`. It holds no rules of its own. Wrapping the result into a validated record with
its identity and provenance is `record`'s job.
"""

from __future__ import annotations

from typing import Any

from . import segment
from .extract.highlights import find_highlights
from .extract.metadata import extract_metadata
from .extract.posts import find_posts
from .extract.quotes import find_quotes
from .extract.speakers import NameIndex
from .header.model import HeaderModel
from .segment import BLANK, BOILERPLATE, BULLET, HEADING, TEXT, TITLE, Line


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
    _mark_headings(lines)
    # (Devanagari, Latin) letters of each body line, counted once for both uses below.
    scripts = {line.index: line.scripts for line in lines if line.kind in _BODY}
    language = _language(raw, lines, scripts)
    highlights = find_highlights(lines)
    quotes = find_quotes(raw, lines, lambda: NameIndex(raw, language, skip=meta.title), language)
    return {
        "metadata": meta.to_record(raw, language),
        "highlights": highlights,
        "paragraphs": _paragraphs(raw, lines, meta.standfirst, scripts),
        "quotes": quotes,
        "tweets": tweets,
        "related": _related(lines),
        "boilerplate": [
            {"text": line.text, "start": line.start, "end": line.end, "kind": line.detail or "trailing"}
            for line in lines
            if line.kind == BOILERPLATE
        ],
    }


def _mark_headings(lines: list[Line]) -> None:
    content = [line for line in lines if line.kind != BLANK]
    last = content[-1] if content else None
    for line in lines:
        if line.kind == TEXT and segment.is_heading(line, is_last=line is last):
            line.kind = HEADING


_BODY = (TEXT, HEADING, BULLET, TITLE)


def _language(raw: str, lines: list[Line], scripts: dict[int, tuple[int, int]]) -> str:
    """The language of most body letters (title, paragraphs, headings, list items)."""
    deva = latin = 0
    for d, la in scripts.values():
        deva, latin = deva + d, latin + la
    if deva or latin:
        return "hi" if deva >= latin else "en"
    return segment.language_of(raw) or "en"


def _paragraphs(
    raw: str, lines: list[Line], standfirst: tuple[int, int] | None, scripts: dict[int, tuple[int, int]]
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if standfirst is not None and standfirst[1] > standfirst[0]:
        text = raw[standfirst[0] : standfirst[1]]
        out.append(
            {
                "text": text,
                "start": standfirst[0],
                "end": standfirst[1],
                "kind": "paragraph",
                "language": segment.language_of(text),
            }
        )
    for line in lines:
        if line.kind in (TEXT, HEADING):
            out.append(
                {
                    "text": line.text,
                    "start": line.start,
                    "end": line.end,
                    "kind": "heading" if line.kind == HEADING else "paragraph",
                    "language": segment.language_of_counts(*scripts[line.index]),
                }
            )
    return out


def _related(lines: list[Line]) -> list[dict[str, Any]]:
    out = []
    for line in lines:
        if line.kind == BOILERPLATE and line.detail == "related":
            m = segment.related_match(line.text)
            if m is None:
                continue
            start = line.start + m.end()
            out.append(
                {"text": line.text[m.end() :], "start": start, "end": line.end, "label": m.group("label")}
            )
    return out
