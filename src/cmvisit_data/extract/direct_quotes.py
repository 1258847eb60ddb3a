"""Direct quotes: the quoted spans of a run of body lines, each handed to `extract.attribution`.

A quotation opens at a mark that opens (not an apostrophe inside a word, not a mark before a
space) and closes at its pair's mark; a curly mark no curly mark closes may close at a straight
one; single quotes never run across lines. A quotation with no closing mark runs to the end of
its line. Which spans are quotes, and whose, is `extract.attribution`'s decision.
"""

from __future__ import annotations

import bisect
import re

from .. import rules
from ..segment import Line
from .attribution import attribute_direct
from .quote_base import OPENERS, QuoteCandidate, Sentences, blank, item_start, trim

_OPENER_RE = re.compile("[" + re.escape("".join(OPENERS)) + "]")
_CLOSER_RE = re.compile("[" + re.escape("".join(set(OPENERS.values()))) + "]")
_CLOSED_BY: dict[str, list[str]] = {}  # closing mark -> the opening marks it closes
for _opener, _closer in OPENERS.items():
    _CLOSED_BY.setdefault(_closer, []).append(_opener)
_NEWLINE_RE = re.compile("\n")


def _is_opening(text: str, i: int) -> bool:
    ch = text[i]
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if not nxt or nxt.isspace():
        # A curly mark standing free, with one space after it ("said, “ We will …”"), still opens
        # (issue 22, class 11): only a closing mark follows a word.
        after = text[i + 2 : i + 3]
        return ch in rules.SPACED_OPENERS and nxt == " " and prev.isspace() and after.strip() != ""
    if ch in "'\"":
        return not prev.isalnum() and not rules.is_devanagari(prev)
    if ch == "‘":
        return not prev.isalnum()
    if ch in rules.REVERSED_OPENERS:  # a closing mark that opens: after a space, before a word
        return (prev.isspace() or i == 0) and nxt.isalnum()
    return True


def _closers(text: str) -> dict[str, list[int]]:
    """For each opening mark, the positions in text where its closing mark may stand, judged
    by their neighbours only; computed once per block so that finding a close is a bisect."""
    found: dict[str, list[int]] = {opener: [] for opener in OPENERS}
    found["\n"] = [m.start() for m in _NEWLINE_RE.finditer(text)]
    for m in _CLOSER_RE.finditer(text):
        j = m.start()
        nxt = text[j + 1] if j + 1 < len(text) else " "
        prev = text[j - 1] if j else " "
        word_follows = nxt.isalnum() or rules.is_devanagari(nxt)
        for opener in _CLOSED_BY[m.group()]:
            if opener in "'‘\"" and word_follows and not (opener == '"' and _glued_close(prev, nxt)):
                continue  # an apostrophe inside a word, or a mark opening the next quote
            if opener == '"' and prev.isspace() and not _spaced_close(text, j):
                continue
            found[opener].append(j)
    return found


def _unmarked(raw: str, start: int, end: int, opener: str) -> tuple[int, int]:
    """The quotation's content without a doubled opening mark ("““…”", "''…''") or the
    backslash that escaped its closing mark (\\"…\\"), as scraped pages print them (issue 22,
    class 11); then without the spaces those left."""
    while start < end and raw[start] == opener:
        start += 1
    while end > start and raw[end - 1] in rules.QUOTE_ESCAPES:
        end -= 1
    return trim(raw, start, end)


def _glued_close(prev: str, nxt: str) -> bool:
    """A straight mark after a sentence's stop and before a capital closes, though the next
    sentence is glued to it ('… next year."The firms agreed'; issue 22, class 11)."""
    return prev in rules.GLUED_CLOSE_STOPS and nxt.isupper()


def _spaced_close(text: str, j: int) -> bool:
    """A straight mark with a space before it that still closes: after a comma or stop and
    before a lower-case attribution (`… as well, " he said`)."""
    before = text[max(0, j - 3) : j].rstrip()
    after = text[j + 1 : j + 4].lstrip()
    return before[-1:] in rules.CLAUSE_END_MARKS and after[:1].islower()


def _find_close(text: str, i: int, opener: str, closers: dict[str, list[int]]) -> int | None:
    """The first position after i where the opener's quotation closes, or None."""
    positions = closers[opener]
    k = bisect.bisect_right(positions, i)
    if k == len(positions):
        return None
    j = positions[k]
    newlines = closers["\n"]
    n = bisect.bisect_right(newlines, i)
    if opener in "'‘" and n < len(newlines) and newlines[n] < j:
        return None  # single quotes never run across lines
    return j


def _straight_close(text: str, i: int, closers: dict[str, list[int]]) -> int | None:
    """A curly opening mark no curly mark closes, closed by the first straight mark after it
    ("“…Odisha,\" said": scraped pages mix the two), where a straight mark may close."""
    j = text.find('"', i + 1)
    if j < 0:
        return None
    k = bisect.bisect_left(closers['"'], j)
    return j if k < len(closers['"']) and closers['"'][k] == j else None


def direct_in_block(
    raw: str,
    lines: list[Line],
    block: list[Line],
    last_line: Line,
    truncated_doc: bool,
    sentences: Sentences,
) -> list[QuoteCandidate]:
    base = block[0].start
    text = raw[base : block[-1].end]
    closers: dict[str, list[int]] | None = None  # found when the block's first quotation opens
    starts = [line.start for line in block]
    out: list[QuoteCandidate] = []
    resume = 0
    for m in _OPENER_RE.finditer(text):
        i = m.start()
        if i < resume or not _is_opening(text, i):
            continue
        if closers is None:
            closers = _closers(text)
        ch = text[i]
        close = _find_close(text, i, ch, closers)
        if close is None and ch == "“":
            close = _straight_close(text, i, closers)
        if close is None and text[i : i + 2] == rules.TWO_APOSTROPHES:
            close = _find_close(text, i + 1, '"', closers)  # ''…": a double mark typed as two
        line = _line_at(block, starts, base + i)
        if close is None:
            if ch in "'‘" and not _opens_item(raw, line, base + i):
                continue
            at_doc_end = line is last_line and truncated_doc
            content = (base + i + 1, line.end)
            resume = line.end - base
        else:
            content = (base + i + 1, base + close)
            at_doc_end = False
            resume = close + 1
        start, end = _unmarked(raw, *trim(raw, *content), ch)
        if end > start and end - start <= rules.MAX_QUOTE_CHARS:
            cand = attribute_direct(
                raw, lines, line, base + i, start, end, close is None, at_doc_end, sentences
            )
            if cand is not None:
                cand.truncated = close is None
                out.append(cand)
    return out


def _opens_item(raw: str, line: Line, pos: int) -> bool:
    """An unclosed single quote counts only where it opens its line or list item."""
    return blank(raw, item_start(line), pos)


def _line_at(block: list[Line], starts: list[int], pos: int) -> Line:
    k = bisect.bisect_right(starts, pos) - 1
    return block[max(k, 0)]
