"""What the quote finders share: a quote candidate, the document's sentences, and how body
lines are walked (a line's item start, the body line above, white space in place).

`extract.direct_quotes` and `extract.reported` find candidates with these, `extract.attribution`
reads their attributions, and `extract.quotes` turns candidates into records. Nothing here
decides whether a span is a quote.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from .. import rules
from ..segment import BLANK, BOILERPLATE, BULLET, HEADING, TEXT, Line
from .name_index import HI_LETTERS_RE

# The lines quotes are searched in: paragraphs and list items.
SEARCHED = (TEXT, BULLET)

# Pieces of the Hindi cue patterns, which both finders compile: the listed cue verbs (longest
# first) and the conjunction कि.
HI_VERB = "|".join(re.escape(v) for v in sorted(rules.HI_CUE_VERBS, key=len, reverse=True))
KI = rules.HI_CUE_CONJUNCTION
# An auxiliary after a cue verb ("कहा है कि"), with its space.
HI_AUX = rf"(?:\s+(?:{'|'.join(rules.HI_AUXILIARIES)}))?"
# Where a sentence ends inside a line (segment.ends_sentence tells whether a whole line ends one):
# at a stop before a space or mark; in Hindi also at a danda, or a full stop
# after a word of three letters or more, glued to the next word ("बन गयी.मंत्री"),
# but not after a short form ("हि.स.", "डॉ.").
_HI_GLUED_STOP = (
    rf"।(?=[{rules.DEVANAGARI_LETTERS}])"
    rf"|(?<=[{rules.DEVANAGARI_LETTERS}]{{{rules.HI_GLUED_STOP_MIN_LETTERS}}})"
    + "".join(rf"(?<!{a})" for a in rules.HI_ABBREVIATIONS)
    + rf"\.(?=[{rules.DEVANAGARI_LETTERS}])"
)
SENTENCE_END_RE = re.compile(rf"[{re.escape(rules.SENTENCE_STOPS)}](?=[\s\"'”’]|$)|{_HI_GLUED_STOP}")
HI_WORD_RE = re.compile(rf"[{rules.DEVANAGARI_LETTERS}]+|[A-Za-z]+")
PARENS_RE = re.compile(r"\([^()]*\)")

OPENERS = rules.QUOTE_PAIRS


@dataclass
class QuoteCandidate:
    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None
    subject: tuple[str, str] | None
    truncated: bool
    line: Line
    rule: str = ""  # which attribution rule found it (shown by --explain)


def item_start(line: Line) -> int:
    """Where a line's paragraph or list item starts: after a bullet's marker."""
    return line.item_start if line.item_start is not None else line.start


def trim(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


class Sentences:
    """What the quote finder asks of the whole document, worked out once: each line's sentence
    ends (so that "where does this sentence start" is a bisect, not a scan from the line's
    start) and the document's word counts."""

    def __init__(self, raw: str):
        self.raw = raw
        self._ends: dict[int, list[int]] = {}
        self._word_counts: Counter[str] | None = None

    def word_counts(self) -> Counter[str]:
        """The document's Devanagari words and how often each is printed, counted once (on first
        need: only a cue that lost its space asks)."""
        if self._word_counts is None:
            self._word_counts = Counter(HI_LETTERS_RE.findall(self.raw))
        return self._word_counts

    def start(self, line: Line, pos: int) -> int:
        """Where the sentence holding pos starts, within its line (after a bullet's marker)."""
        floor = line.item_start if line.item_start is not None and line.item_start <= pos else line.start
        ends = self._ends.get(line.index)
        if ends is None:
            ends = [m.end() for m in SENTENCE_END_RE.finditer(self.raw, line.start, line.end)]
            self._ends[line.index] = ends
        k = bisect.bisect_right(ends, pos) - 1
        return max(floor, ends[k]) if k >= 0 else floor


_NON_SPACE_RE = re.compile(r"\S")


def blank(raw: str, start: int, end: int) -> bool:
    """Whether raw[start:end] is only white space, without copying it: the search stops at the
    first other character, which in a trimmed line is at once (no slice per quote of a long
    line, which made one 5 MB line of quotations quadratic)."""
    return _NON_SPACE_RE.search(raw, start, end) is None


def previous_line(lines: list[Line], line: Line, over_furniture: bool = False) -> Line | None:
    """The body line above line; with over_furniture, across page furniture ("Advertisement")."""
    index = line.index - 1
    while index >= 0 and (
        lines[index].kind == BLANK
        or (over_furniture and lines[index].kind == BOILERPLATE and lines[index].detail != "trailing")
    ):
        index -= 1
    if index < 0:
        return None
    above = lines[index]
    if above.kind == HEADING and above.text.rstrip().endswith(tuple(rules.CUE_HEADING_ENDINGS)):
        return above  # a short line that introduces what follows ("The minister said:") is no heading
    return above if above.kind in SEARCHED else None
