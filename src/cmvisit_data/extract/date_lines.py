"""Date lines: what a short line of the page's top holds besides its dates (date labels such
as "Published on:", times, other words), and the publication-date candidate a date gives the
scorer. Shared by the metadata readers: `extract.bylines` (byline-and-date lines),
`extract.header_roles` (labelled dates, date lines below the header) and
`extract.dateline_choice` (a dateline's date); with the two pattern helpers they compile with.
Nothing here decides: a line's reader does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import rules
from ..header.text import TIME_RE
from ..patterns import led_by_first_chars
from ..segment import Line
from .dates import FoundDate
from .header_features import Candidate, date_label


def char_class(chars: str) -> str:
    """The characters of chars for a [...] class, each escaped."""
    return "".join(re.escape(ch) for ch in chars)


def alternatives(words: Sequence[str]) -> str:
    """The words as alternatives of a pattern, each escaped."""
    return "|".join(re.escape(w) for w in words)


_DATE_LABELS = sorted(rules.PUBLISHED_LABELS + rules.UPDATED_LABELS, key=len, reverse=True)
DATE_LABEL_RE = re.compile(led_by_first_chars(alternatives(_DATE_LABELS), _DATE_LABELS), re.IGNORECASE)
# What may stand between a date label and its date: a link word and a separator ("Updated on: ").
LABEL_REST = (
    rf"\s*(?:{alternatives(rules.DATE_LABEL_LINKS)})?\s*[{char_class(rules.DATE_LABEL_SEPARATORS)}]?\s*"
)
# A letter word, for counting the words a date line holds besides its date, labels and names.
_LETTER_WORD_RE = re.compile(rf"(?:[^\W\d_]|[{rules.DEVANAGARI_LETTERS}])+")


def stamp_spans(text: str) -> list[tuple[int, int]]:
    """The spans of a line's date labels and times."""
    return [m.span() for m in (*DATE_LABEL_RE.finditer(text), *TIME_RE.finditer(text))]


def too_many_extra_words(text: str, known: list[tuple[int, int]]) -> bool:
    """Whether a date line holds more than rules.MAX_DATE_LINE_EXTRA_WORDS words (weekdays left
    out) besides the known spans (its dates, labels, times, names): then it is prose."""
    covered: set[int] = set()
    for s, e in known:
        covered.update(range(s, e))
    rest = "".join(" " if i in covered else ch for i, ch in enumerate(text))
    extra = [w for w in _LETTER_WORD_RE.findall(rest) if w.casefold() not in rules.WEEKDAYS]
    return len(extra) > rules.MAX_DATE_LINE_EXTRA_WORDS


def label_before(text: str, start: int) -> str | None:
    """The label ("published", "updated") printed in the rules.DATE_LABEL_REACH characters before a date."""
    return date_label(text[max(0, start - rules.DATE_LABEL_REACH) : start])


def date_candidate(line: Line, k: int, found: FoundDate, label: str | None, source: str) -> Candidate:
    """A date as a candidate for the published scorer: found on line (the k-th text line, -1 for
    none), with its label and where it was read ("meta", "labelled", "dateline")."""
    return Candidate(
        line, found.start, found.end, iso=found.iso, facts={"position": k, "label": label, "source": source}
    )
