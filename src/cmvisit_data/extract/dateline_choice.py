"""Which dateline is the document's: the place that opens one of the first body paragraphs
(recognised by `extract.datelines`), a line that is only a dateline, or a place printed alone
on the line above the body. A dateline opens a paragraph: the text after it must read as
prose. A desk printed where the place stands ("समाचार डेस्क, रायपुर।") is a byline, and the
place after it the dateline.
"""

from __future__ import annotations

import re

from .. import rules
from ..segment import META, Line, ends_sentence
from .date_lines import char_class, date_candidate
from .datelines import dateline_match
from .dates import FoundDate, find_dates
from .header_features import is_long
from .metadata_record import Metadata

# A place printed alone above the body: capitalised or capital Latin words, or Devanagari ones.
_PLACE_WORD = rf"(?:[A-Z][a-z]+|[A-Z]+|[{rules.DEVANAGARI_LETTERS}]+)"
_LONE_PLACE_RE = re.compile(rf"{_PLACE_WORD}(?: {_PLACE_WORD})*")
# A sentence's end inside a line: a danda or a double danda anywhere, or a Latin stop (full stop,
# ! or ?) after a word and before a space. The stops are rules.SENTENCE_STOPS with the double
# danda added (a Hindi verse's or a paragraph's end, which no line ends with in segment's
# ends_sentence); unlike ends_sentence (the line's last mark) it reads inside a line, and unlike
# quotes' sentence ends it needs a space after a Latin stop and takes no glued Hindi stop.
_DANDAS = "".join(ch for ch in rules.SENTENCE_STOPS if rules.is_devanagari(ch)) + rules.HI_DOUBLE_DANDA
_LATIN_STOPS = "".join(ch for ch in rules.SENTENCE_STOPS if not rules.is_devanagari(ch))
_SENTENCE_END_RE = re.compile(
    rf"[{char_class(_DANDAS)}]|(?<=[^\s.])(?P<stop>[{char_class(_LATIN_STOPS)}])(?=\s)"
)


# The dateline rules (and a byline read with the dateline), as --explain names them.
_BY_DESK_PLACE = "a desk printed where the dateline's place stands"
_DATELINE_ALONE = "a line that is only a dateline"
_DATELINE_OPENING = "the opening of a body line"
_PLACE_ALONE = "a place alone on the line above the body"


def read_standalone_dateline(raw: str, line: Line, nxt: Line | None, meta: Metadata) -> bool:
    """A line that is only a dateline ("Raipur:", "रायपुर, 28 अगस्त 2025।"), or a place printed
    alone on the line above the body ("भोपाल", "भोपाल,")."""
    if meta.dateline is not None:
        return False
    m = dateline_match(line.text)
    if m is not None and m.end() >= len(line.text):
        return read_dateline(raw, line, meta, -1)
    words = line.words
    place = line.text.removesuffix(",").rstrip()  # "रायपुर," alone: the comma before the body
    if (
        len(words) <= rules.LONE_PLACE_MAX_WORDS
        and nxt is not None
        and is_long(nxt)
        and _LONE_PLACE_RE.fullmatch(place)
    ):
        if place.casefold() in rules.NOT_PLACES or place in rules.HI_NAME_STOPS:
            return False
        if dateline_match(nxt.text) is not None:
            return False
        meta.dateline, meta.dateline_rule = (line.start, line.start + len(place)), _PLACE_ALONE
        line.kind = META
        return True
    return False


def _reads_as_prose(text: str, start: int) -> bool:
    """Whether text after start is a paragraph's prose: it ends a sentence, or a sentence ends
    inside it (a headline or a kicker has no full stop)."""
    if ends_sentence(text):
        return True
    for m in _SENTENCE_END_RE.finditer(text, start):
        # a full stop after a title ("Dr.", "डॉ.") abbreviates it and ends no sentence
        word = _word_ending_at(text, m.start()).casefold()
        if not (m.group("stop") == "." and (word in rules.EN_TITLES or word in rules.HI_TITLES)):
            return True
    return False


def _word_ending_at(text: str, end: int) -> str:
    """The whitespace-delimited word that ends at end, read backwards from it (reading the text
    before it whole, for each stop of a long line, would be quadratic)."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _cut_off(raw: str, line: Line) -> bool:
    """A long last line: a paragraph cut off by the end of a truncated document, whose first
    sentence may not have ended yet."""
    return len(line.words) >= rules.LONG_LINE_WORDS and not raw[line.end :].strip()


def read_dateline(raw: str, line: Line, meta: Metadata, k: int) -> bool:
    m = dateline_match(line.text)
    if m is None:
        return False
    if m.end() < len(line.text) and not (_reads_as_prose(line.text, m.end()) or _cut_off(raw, line)):
        return False  # a headline's prefix ("X |", "CG:") or a kicker: a dateline opens a paragraph
    place_key = "place"
    groups = m.groupdict()
    if any(d in m.group("place").casefold() for d in rules.DESK_WORDS):
        meta.add_byline([(line.start + m.start("place"), line.start + m.end("place"))], raw, _BY_DESK_PLACE)
        if not groups.get("place2"):
            return False
        place_key = "place2"
    meta.dateline = (line.start + m.start(place_key), line.start + m.end(place_key))
    meta.dateline_rule = _DATELINE_ALONE if k < 0 else _DATELINE_OPENING
    if groups.get("date"):
        found = find_dates(m.group("date"))
        if found and found[0].iso:
            d = found[0]
            base = line.start + m.start("date")
            meta.dates.append(
                date_candidate(line, k, FoundDate(base + d.start, base + d.end, d.iso), None, "dateline")
            )
    if m.end() >= len(line.text):
        line.kind = META
    return True
