"""Embedded social-media posts.

A post is recognised by its attribution, "— Display Name (@handle) Month D, YYYY", either on a
line of its own (the post's text is the line before it, across at most one blank line) or at
the end of the post's own paragraph. The text runs from the start of that line up to the
dash; links stay in it. Lines a post claims are marked POST so no other extractor reads them.
"""

from __future__ import annotations

import re
from typing import Any

from .. import rules
from ..segment import BLANK, BULLET, POST, TEXT, Line
from .dates import DATE_RE, find_dates

_DASH = "|".join(re.escape(d) for d in rules.POST_DASHES)
ATTRIBUTION_RE = re.compile(
    rf"(?:^|(?<=\s))(?P<dash>{_DASH})[ \t\u00a0]*(?P<author>[^\s()@—–][^()\n@]{{0,79}}?)[ \t\u00a0]*"
    rf"\(@(?P<handle>[A-Za-z0-9_]{{1,15}})\)[ \t\u00a0]*(?P<date>{DATE_RE.pattern})",
    re.IGNORECASE,
)
_LINK_RE = re.compile(r"(?:https?://|pic\.twitter\.com/|www\.)[^\s<>\"“”]+")
_MENTION_RE = re.compile(r"(?<![\w@])@([A-Za-z0-9_]{1,15})\b")
_HASHTAG_RE = re.compile(r"(?<![\w#&])#([^\s#@.,!?;:()\[\]{}\"'“”‘’…]+)")


def _clean_link(link: str) -> str:
    return link.rstrip(".,;:!?)…'’")


def entities(text: str) -> dict[str, list[str]]:
    """Links, mentions and hashtags printed in a post's text."""
    links = [_clean_link(m.group(0)) for m in _LINK_RE.finditer(text)]
    return {
        "links": [x for x in links if x],
        "mentions": _MENTION_RE.findall(text),
        "hashtags": _HASHTAG_RE.findall(text),
    }


def find_posts(raw: str, lines: list[Line]) -> list[dict[str, Any]]:
    """Every embedded post, in order; marks the lines each one uses as POST."""
    posts: list[dict[str, Any]] = []
    for line in lines:
        if line.kind not in (TEXT, BULLET):
            continue
        # Every attribution holds "(@handle)": lines without "(@" are not searched.
        match = ATTRIBUTION_RE.search(line.text) if "(@" in line.text else None
        if not match:
            continue
        dates = find_dates(match.group("date"))
        posted = dates[0].iso if dates else None
        if posted is None:
            continue  # an attribution without a year is not a post's signature
        dash_at = line.start + match.start("dash")
        text_start, text_end = _post_text(raw, lines, line, dash_at)
        if text_start is None:
            continue
        text = raw[text_start:text_end]
        attribution_end = line.start + match.end("date")
        while raw[attribution_end - 1] in " ,":
            attribution_end -= 1
        posts.append(
            {
                "text": text,
                "start": text_start,
                "end": text_end,
                "author": match.group("author").strip(),
                "handle": match.group("handle"),
                "posted": posted,
                "attribution": {
                    "text": raw[dash_at:attribution_end],
                    "start": dash_at,
                    "end": attribution_end,
                },
                **entities(text),
            }
        )
    return posts


def _post_text(raw: str, lines: list[Line], line: Line, dash_at: int) -> tuple[int | None, int]:
    """Where the post's text is: before the dash on the same line, else the line above it."""
    before = raw[line.start : dash_at].rstrip()
    if before:
        line.kind = POST
        return line.start, line.start + len(before)
    index = line.index - 1
    blanks = 0
    while index >= 0 and lines[index].kind == BLANK and blanks < 1:
        index -= 1
        blanks += 1
    if index < 0 or lines[index].kind not in (TEXT, BULLET):
        return None, 0
    above = lines[index]
    line.kind = POST
    above.kind = POST
    return above.start, above.end
