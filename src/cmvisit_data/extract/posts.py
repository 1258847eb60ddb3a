"""Embedded social-media posts.

A post is recognised by its attribution, "— Display Name (@handle) Month D, YYYY", either on a
line of its own (the post's last line is the text line above it, across up to
rules.POST_MAX_BLANKS blank lines) or at the end of the post's own last line, where its long
dash may be glued to the link before it. A post may run over several lines, and the page
gives no mark where it starts: each line above is scored by the fitted model (role
`post_line`, features in `post_features`) as the post's or the article's, and the post
takes the lines above it while they score as its own, across a run of blank lines only when
it is longer than the page's usual paragraph break (a pasted post breaks its paragraphs so).
A line that quotes someone as the article does is never the post's, nor one that would take
the post past its length limit. The text runs from the start of its first line up to the
dash; links stay in it. Lines a post claims are marked POST so no other extractor reads them.
"""

from __future__ import annotations

import re
from typing import Any

from .. import rules, segment
from ..header import model as header_model
from ..segment import BLANK, BULLET, POST, TEXT, Line
from .dates import DATE_RE, find_dates
from .post_features import article_quote, post_line_values

_DASH = "|".join(re.escape(d) for d in rules.POST_DASHES)
_GLUED_DASH = "|".join(re.escape(d) for d in rules.POST_GLUED_DASHES)
# The display name may hold parenthesised words ("Asha Verma (Modi Ka Parivar)"), never "(@".
_NAME = r"[^\s()@—–](?:[^()\n@]|\([^()\n@]{1,40}\)){0,79}?"
ATTRIBUTION_RE = re.compile(
    rf"(?:(?:^|(?<=\s))(?P<dash>{_DASH})|(?<=\S)(?P<glued>{_GLUED_DASH}))"
    rf"[ \t\u00a0]*(?P<author>{_NAME})[ \t\u00a0]*"
    rf"\(@(?P<handle>[A-Za-z0-9_]{{1,{rules.HANDLE_MAX_CHARS}}})\)[ \t\u00a0]*(?P<date>{DATE_RE.pattern})",
    re.IGNORECASE,
)
_LINK_RE = re.compile(r"(?:https?://|pic\.twitter\.com/|www\.)[^\s<>\"“”]+")
_MENTION_RE = re.compile(rf"(?<![\w@])@([A-Za-z0-9_]{{1,{rules.HANDLE_MAX_CHARS}}})\b")
_HASHTAG_RE = re.compile(r"(?<![\w#&])#([^\s#@.,!?;:()\[\]{}\"'“”‘’…]+)")


def _script(text: str) -> str | None:
    """The language of a post line's words, without its links, mentions and hashtags (which
    are Latin in a Hindi post too)."""
    words = _HASHTAG_RE.sub(" ", _MENTION_RE.sub(" ", _LINK_RE.sub(" ", text)))
    return segment.language_of(words)


def post_length(text: str) -> int:
    """A post's length as its limit counts it: its characters without links, each run of
    spaces and line breaks one."""
    return len(" ".join(_LINK_RE.sub(" ", text).split()))


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


def find_posts(
    raw: str,
    lines: list[Line],
    model: header_model.HeaderModel | None = None,
    explain: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Every embedded post, in order; marks the lines each one uses as POST. `explain`, when
    given, receives under "posts" every line scored as a post's first line, with its score."""
    posts: list[dict[str, Any]] = []
    if "(@" not in raw:  # every attribution holds "(@handle)": a page without one has no post
        return posts
    scorer = None  # the post_line model, read when a post runs over more than one line
    gap: int | None = None  # the page's usual paragraph break, counted when a post is found
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
        dash_at = line.start + match.start()  # the dash, spaced or glued
        text_start, text_end = _post_text(raw, lines, line, dash_at)
        if text_start is None:
            continue
        author = match.group("author").strip()
        first = _line_starting(lines, line, text_start)
        if gap is None:
            gap = _paragraph_gap(lines)
        # A post that starts after the article's quote on its first line (_after_article_quote)
        # has that sentence between it and any line above: it is not extended upward.
        if text_start == first.start and _line_above(lines, first, gap) is not None:
            scorer = scorer or (model or header_model.load()).role("post_line")
            text_start = _extend_upward(lines, first, author, scorer, gap, explain, raw[text_start:text_end])
        text = raw[text_start:text_end]
        attribution_end = line.start + match.end("date")
        while raw[attribution_end - 1] in " ,":
            attribution_end -= 1
        posts.append(
            {
                "text": text,
                "start": text_start,
                "end": text_end,
                "author": author,
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
    """Where the post's text is: before the dash on the same line, else the line above it;
    on either line, after the article's quoted sentence that opens it (_after_article_quote)."""
    before = raw[line.start : dash_at].rstrip()
    if before:
        start = _after_article_quote(before)
        if not start:  # a line the article's quote opens stays a text line, for that quote
            line.kind = POST
        return line.start + start, line.start + len(before)
    index = line.index - 1
    blanks = 0
    while index >= 0 and lines[index].kind == BLANK and blanks < rules.POST_MAX_BLANKS:
        index -= 1
        blanks += 1
    if index < 0 or lines[index].kind not in (TEXT, BULLET):
        return None, 0
    above = lines[index]
    line.kind = POST
    start = _after_article_quote(above.text)
    if not start:  # as on the attribution's own line: a line the article's quote opens stays text
        above.kind = POST
    return above.start + start, above.end


# A quotation closed at the end of a sentence ('…Ji." ' / '…है।” '), and the next sentence.
_CLOSED_QUOTE_RE = re.compile(r"[.!?।][”\"’'][ \t\u00a0]+(?=[^\s a-z])")


def _after_article_quote(text: str) -> int:
    """Where a post pasted on the same line as the article's paragraph starts: after the last
    sentence that quotes someone as the article does (post_features.article_quote), when
    that sentence ends at its closing quotation mark and the post's text follows; else 0."""
    for match in reversed(list(_CLOSED_QUOTE_RE.finditer(text))):
        if article_quote(text[: match.start() + 2]):
            return match.end()
    return 0


def _line_starting(lines: list[Line], line: Line, start: int) -> Line:
    """The line at or above `line` that starts at offset start (the post's last line)."""
    while line.start > start and line.index > 0:
        line = lines[line.index - 1]
    return line


def _line_above(lines: list[Line], line: Line, gap: int | None = None) -> Line | None:
    """The text line right above. A blank line ends a paragraph, except a run of blank lines
    longer than `gap`, the page's usual paragraph break: a pasted post breaks its own
    paragraphs with more blank lines than the article does."""
    index = line.index - 1
    blanks = 0
    while gap is not None and index >= 0 and lines[index].kind == BLANK:
        index -= 1
        blanks += 1
    if index < 0 or (blanks and (blanks <= gap or blanks > rules.POST_MAX_BLANKS)):
        return None
    above = lines[index]
    return above if above.kind in (TEXT, BULLET) else None


def _paragraph_gap(lines: list[Line]) -> int:
    """The page's usual paragraph break: the most common run of blank lines between two text
    lines (0 on a page that has none)."""
    runs: dict[int, int] = {}
    blanks = 0
    for line in lines:
        if line.kind == BLANK:
            blanks += 1
            continue
        if blanks:
            runs[blanks] = runs.get(blanks, 0) + 1
        blanks = 0
    return max(runs, key=lambda n: (runs[n], -n)) if runs else 0


def _extend_upward(
    lines: list[Line],
    last: Line,
    author: str,
    scorer: header_model.RoleModel,
    gap: int,
    explain: dict[str, Any] | None,
    text: str,
) -> int:
    """The offset where the post starts: the lines above its last line are taken, nearest
    first, while each scores as the post's own and the post stays within
    rules.POST_MAX_CHARS (`text` is its last line's part). With `explain`, every line up to
    rules.MAX_POST_LINES is scored and reported, also past the first that is not taken."""
    first = last
    below = [last.text]
    length = post_length(text)
    scored = []
    taking = True
    cursor = last
    for distance in range(2, rules.MAX_POST_LINES + 2):
        above = _line_above(lines, cursor, gap)
        if above is None:
            break
        values = post_line_values(above.text, distance, author, below)
        # A post is written in one script: a line in another is the article's, whatever it scores;
        # so is a line that quotes someone as the article does (and with no post's marks).
        same_script = _script(above.text) == _script(last.text)
        quoting = article_quote(above.text)
        length += post_length(above.text) + 1
        fits = length <= rules.POST_MAX_CHARS
        score = scorer.score(values) if same_script and not quoting and fits else 0.0
        taking = taking and score >= scorer.threshold
        if explain is not None:
            scored.append(
                {"text": above.text, "features": values, "score": round(score, 4), "taken": taking,
                 "same_script": same_script, "article_quote": quoting, "fits": fits}
            )  # fmt: skip
        elif not taking:
            break
        if taking:
            above.kind = POST
            first = above
        below.append(above.text)
        cursor = above
    if explain is not None:
        explain.setdefault("posts", []).append({"author": author, "lines_above": scored})
    return first.start
