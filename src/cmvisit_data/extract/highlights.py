"""Highlights: the summary points printed as a list near the top of an article.

A list of highlights is a run of at least two bullet or numbered items that are summary
points, not tags or labels ("Country:", "Publish Date - ..."). It is a list of highlights
when at most one body paragraph (a lead) comes before it (it sits under the title, byline or
lead), or when a heading that announces highlights ("Highlights of ...", "मुख्य बातें") stands
at most a few lines above it. Lists further down the body are body text. Menus rendered as
lists were already marked as navigation by `segment`.
"""

from __future__ import annotations

import re
from typing import Any

from .. import rules
from ..segment import BLANK, BULLET, HEADING, TEXT, Line, runs

_LABEL_WORD = rf"[^\s:]{{1,{rules.BULLET_LABEL_WORD_MAX_CHARS}}}"
_LABELS = "|".join(re.escape(x) for x in sorted(rules.METADATA_LABELS, key=len, reverse=True))
# A tag or metadata item: a label alone ("Country:") or a label and its value ("Tags - ...";
# a dash must stand apart, so that "State-run ..." stays a point).
_LABEL_RE = re.compile(
    rf"^(?:{_LABEL_WORD}(?: {_LABEL_WORD})?\s*:$|(?:{_LABELS})(?:\s*[:|]|\s+[-–—](?:\s|$)))", re.IGNORECASE
)


def find_highlights(lines: list[Line]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for run in runs(lines, (BULLET,), skip=(BLANK,)):
        points = [line for line in run if _is_point(line)]
        if len(points) >= rules.HIGHLIGHT_MIN_ITEMS and _is_highlight_run(lines, run):
            for line in points:
                text = line.item
                start = line.item_start if line.item_start is not None else line.start
                items.append({"text": text, "start": start, "end": line.end, "marker": line.detail or "-"})
    return items


def _is_point(line: Line) -> bool:
    """Whether a bullet item can be a summary point: not a tag or metadata label and value."""
    return not _LABEL_RE.match(line.item)


def _is_highlight_run(lines: list[Line], run: list[Line]) -> bool:
    first = run[0].index
    paragraphs_before = sum(line.kind == TEXT for line in lines[:first])
    if paragraphs_before <= rules.HIGHLIGHT_MAX_PARAGRAPHS_BEFORE:
        return True
    seen = 0
    for line in reversed(lines[:first]):
        if line.kind == BLANK:
            continue
        seen += 1
        if seen > rules.HIGHLIGHT_HEADING_REACH:
            break
        low = line.text.casefold()
        if (
            line.kind in (TEXT, HEADING)
            and len(line.words) <= rules.HEADING_MAX_WORDS
            and any(h in low for h in rules.HIGHLIGHT_HEADINGS)
        ):
            return True
    return False
