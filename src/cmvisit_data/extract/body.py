"""The body, once the extractors have claimed their lines: headings, language, paragraphs and
"Also Read" links.

What is left as text after posts, metadata and boilerplate are marked is the body: short
lines that stand alone are headings, the rest paragraphs (the standfirst glued to a
headline first); the document's language is that of most body letters.
"""

from __future__ import annotations

from typing import Any

from .. import segment
from ..segment import BLANK, BOILERPLATE, BULLET, HEADING, TEXT, TITLE, Line


def mark_headings(lines: list[Line]) -> None:
    content = [line for line in lines if line.kind != BLANK]
    last = content[-1] if content else None
    for line in lines:
        if line.kind == TEXT and segment.is_heading(line, is_last=line is last):
            line.kind = HEADING


# The kinds of line whose letters decide the document's language.
BODY = (TEXT, HEADING, BULLET, TITLE)


def language(raw: str, scripts: dict[int, tuple[int, int]]) -> str:
    """The language of most body letters (title, paragraphs, headings, list items); of the
    whole text when the body has none."""
    deva = sum(d for d, _ in scripts.values())
    latin = sum(la for _, la in scripts.values())
    return segment.language_of_counts(deva, latin) or segment.language_of(raw) or "en"


def paragraphs(
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


def related(lines: list[Line]) -> list[dict[str, Any]]:
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
