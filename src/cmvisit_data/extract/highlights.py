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


def find_highlights(lines: list[Line], explain: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The highlights, in order; with explain, every bullet list and why it is or is not one
    goes in explain["highlights"]."""
    items: list[dict[str, Any]] = []
    for run in runs(lines, (BULLET,), skip=(BLANK,)):
        points = [line for line in run if _is_point(line)]
        why = _why_highlights(lines, run) if len(points) >= rules.HIGHLIGHT_MIN_ITEMS else None
        if why:
            for line in points:
                text = line.item
                start = line.item_start if line.item_start is not None else line.start
                items.append({"text": text, "start": start, "end": line.end, "marker": line.detail or "-"})
        if explain is not None:
            explain.setdefault("highlights", []).append(
                {
                    "start": run[0].start,
                    "end": run[-1].end,
                    "items": len(run),
                    "labels_left_out": [line.item for line in run if line not in points],
                    "highlights": bool(why),
                    "why": why or _why_not(lines, run, points),
                }
            )
    return items


def _is_point(line: Line) -> bool:
    """Whether a bullet item can be a summary point: not a tag or metadata label and value."""
    return not _LABEL_RE.match(line.item)


def _paragraphs_before(lines: list[Line], run: list[Line]) -> int:
    return sum(line.kind == TEXT for line in lines[: run[0].index])


def _why_highlights(lines: list[Line], run: list[Line]) -> str | None:
    """Why the run is a list of highlights (as --explain says it), or None when it is not."""
    if _paragraphs_before(lines, run) <= rules.HIGHLIGHT_MAX_PARAGRAPHS_BEFORE:
        return "near the top: at most a lead paragraph before it"
    seen = 0
    for line in reversed(lines[: run[0].index]):
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
            return f"under a heading that announces highlights (line at {line.start})"
    return None


def _why_not(lines: list[Line], run: list[Line], points: list[Line]) -> str:
    if len(points) < rules.HIGHLIGHT_MIN_ITEMS:
        return f"fewer than {rules.HIGHLIGHT_MIN_ITEMS} items that are not labels"
    return (
        f"{_paragraphs_before(lines, run)} paragraphs before it and no heading announcing highlights"
        f" within {rules.HIGHLIGHT_HEADING_REACH} lines above"
    )
