"""Hindi reported speech: a cue ending in कि ("ने कहा कि", "विश्वास व्यक्त किया कि"), "X का कहना है
कि", or an unquoted "कहा-" introduces a statement that runs to the end of the paragraph, or to
just before the sentence that holds the next cue in the same paragraph (or, when that cue stands
in the same sentence, to the last clause break before it).

A cue inside a direct quotation, or one a quotation follows, is left to `extract.direct_quotes`.
The speaker phrase before a cue is read by `extract.attribution.subject_before`.
"""

from __future__ import annotations

import bisect
import re

from .. import rules
from ..patterns import led_by_first_chars
from ..segment import Line
from .attribution import hi_words_before, subject_before
from .quote_base import (
    HI_AUX,
    HI_VERB,
    HI_WORD_RE,
    KI,
    OPENERS,
    PARENS_RE,
    QuoteCandidate,
    Sentences,
    previous_line,
    trim,
)
from .subjects import hindi_subject

_HI_DASH_VERB = "|".join(re.escape(v) for v in rules.HI_DASH_CUE_VERBS)
_HI_CUE_RE = re.compile(
    led_by_first_chars(
        rf"(?<![{rules.DEVANAGARI}])(?P<verb>{HI_VERB}){HI_AUX}\s+{KI}(?![{rules.DEVANAGARI}])"
        rf"|(?<![{rules.DEVANAGARI}])(?P<dverb>{_HI_DASH_VERB})\s*(?:[-–—]|\s:)(?!\s*[-–—])",
        [*rules.HI_CUE_VERBS, *rules.HI_DASH_CUE_VERBS],
    )
)
# A noun and a light verb before कि ("सलाह दी है कि"): a cue only in a sentence with a ने subject.
_HI_LIGHT_CUE_RE = re.compile(
    rf"(?<![{rules.DEVANAGARI}])[{rules.DEVANAGARI_LETTERS}]+\s+"
    rf"(?:{'|'.join(rules.HI_LIGHT_CUE_VERBS)}){HI_AUX}\s+{KI}(?![{rules.DEVANAGARI}])"
)
# "X का कहना है कि": the subject is the words before का.
_HI_SAYING_RE = re.compile(
    rf"(?<![{rules.DEVANAGARI}])(?:{'|'.join(rules.HI_SAYING_CUES)})\s+{KI}(?![{rules.DEVANAGARI}])"
)
# A cue verb ending its line, and a line opening with कि: one cue broken over a line end.
_HI_LINE_ENDING_VERB_RE = re.compile(rf"(?<![{rules.DEVANAGARI}])(?:{HI_VERB}){HI_AUX}[ \t]*$")
# A cue verb whose कि lost its space to the next word ("बताया किनई"): a cue when the rest is a
# word the document prints elsewhere and the whole is not.
_HI_GLUED_KI_RE = re.compile(
    rf"(?<![{rules.DEVANAGARI}])(?:{HI_VERB}){HI_AUX}\s+{KI}(?P<rest>[{rules.DEVANAGARI_LETTERS}]+)"
)
_HI_LINE_OPENING_KI_RE = re.compile(rf"[ \t]*{KI}(?![{rules.DEVANAGARI}])")
_CLAUSE_BREAK_RE = re.compile(rf"[,;]|\s(?:{'|'.join(rules.HI_CLAUSE_CONJUNCTIONS)})\s")

# The cue rules, as --explain names them.
_HI_CUE = "Hindi speech cue"
_SAYING_CUE = "X का कहना है कि"
_HI_CUE_ACROSS_LINES = "Hindi cue across a line end"


def reported_in_line(
    raw: str, lines: list[Line], line: Line, quoted: list[tuple[int, int]], sentences: Sentences
) -> list[QuoteCandidate]:
    if not rules.has_devanagari(raw, line.start, line.end):
        return []
    cues = [(s, e, saying, line) for s, e, saying in _hi_cues(raw, line, sentences)]
    broken = _cue_across_lines(raw, lines, line)
    if broken is not None:
        cues.insert(0, broken)
    cues = [c for c in cues if not _inside(c[0], quoted)]
    out: list[QuoteCandidate] = []
    for k, (cue_start, cue_end, saying, cue_line) in enumerate(cues):
        start = cue_end
        while start < line.end and raw[start] in " \t,:;—–-":
            start += 1
        if start >= line.end or raw[start] in OPENERS:
            continue  # a quotation follows: it is a direct quote
        end = line.end
        if k + 1 < len(cues):
            # The statement ends before the sentence holding the next cue, or, when the next
            # cue stands in this same sentence, before that cue: never across another cue.
            boundary = sentences.start(line, cues[k + 1][0])
            if boundary > start:
                end = boundary
            else:  # cut at the last clause break before the next speaker ("... और मंत्री X ने कहा")
                breaks = list(_CLAUSE_BREAK_RE.finditer(raw, start, cues[k + 1][0]))
                end = breaks[-1].start() if breaks else cues[k + 1][0]
        start, end = trim(raw, start, end)
        if end <= start:
            continue
        sentence = raw[
            max(sentences.start(cue_line, cue_start), cue_start - rules.ATTRIBUTION_WINDOW) : cue_start
        ]
        while cue_end > cue_start and raw[cue_end - 1] in " \t-–—:":
            cue_end -= 1
        subject = _saying_subject(sentence) if saying else subject_before(sentence)
        rule = _SAYING_CUE if saying else _HI_CUE if cue_line is line else _HI_CUE_ACROSS_LINES
        out.append(QuoteCandidate(start, end, "reported", (cue_start, cue_end), subject, False, line, rule))
    return out


def _cue_across_lines(raw: str, lines: list[Line], line: Line) -> tuple[int, int, bool, Line] | None:
    """A cue broken over a line end: the line above ends in a speech verb and this line opens
    with its कि ("… को कहा⏎कि …"); the cue runs from the verb to the कि."""
    m = _HI_LINE_OPENING_KI_RE.match(raw, line.start, line.end)
    if m is None:
        return None
    prev = previous_line(lines, line)
    if prev is None or line.index - prev.index != 1:
        return None  # only a plain line break parts them, no blank line
    verb = _HI_LINE_ENDING_VERB_RE.search(raw, prev.start, prev.end)
    if verb is None:
        return None
    return (verb.start(), m.end(), False, prev)


def _hi_cues(raw: str, line: Line, sentences: Sentences) -> list[tuple[int, int, bool]]:
    """The Hindi cues of a line as (start, end, saying), in order: the listed verbs; a noun and
    a light verb before कि in a sentence with a ने subject; "X का कहना है कि" (saying)."""
    cues = [(m.start(), m.end(), False) for m in _HI_CUE_RE.finditer(raw, line.start, line.end)]
    # The listed cues do not overlap, so their starts and ends both increase: whether one
    # overlaps a light cue, or ends in a stretch, is a bisection (scanning them all for each
    # light cue was quadratic on a line of cues).
    starts = [s for s, _, _ in cues]
    ends = [e for _, e, _ in cues]
    for m in _HI_LIGHT_CUE_RE.finditer(raw, line.start, line.end):
        k = bisect.bisect_right(ends, m.start())  # the first listed cue ending after m starts
        if k < len(ends) and starts[k] < m.end():
            continue  # a listed verb ("व्यक्त किया कि") is the cue already
        sentence_start = max(sentences.start(line, m.start()), m.start() - rules.ATTRIBUTION_WINDOW)
        k = bisect.bisect_left(ends, sentence_start)  # the first listed cue ending in the sentence
        if k < len(ends) and ends[k] <= m.start():
            continue  # inside a listed cue's statement ("कहा कि सरकार ने तय किया कि"): part of it
        words = HI_WORD_RE.findall(raw[sentence_start : m.start()])
        if rules.HI_SUBJECT_MARKER in words or any(
            w in rules.HI_PRONOUNS for w in words[-rules.SUBJECT_REACH_WORDS :]
        ):
            cues.append((m.start(), m.end(), False))
    cues.extend((m.start(), m.end(), True) for m in _HI_SAYING_RE.finditer(raw, line.start, line.end))
    for m in _HI_GLUED_KI_RE.finditer(raw, line.start, line.end):
        counts = sentences.word_counts()
        if counts[m.group("rest")] and counts[KI + m.group("rest")] == 1:
            cues.append((m.start(), m.start("rest"), False))  # "बताया किनई": the space was lost
    return sorted(cues)


def _saying_subject(sentence: str) -> tuple[str, str] | None:
    """The speaker of "X का कहना है कि": the words before का, back to a postposition."""
    found = hindi_subject(hi_words_before(HI_WORD_RE.findall(PARENS_RE.sub(" ", sentence))))
    if found is not None and found[0] == "name":
        return ("named", found[1])  # printed next to its cue: a body ("छत्तीसगढ़ भाजपा") stays itself
    return found


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether pos falls inside one of the sorted, non-overlapping spans."""
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]
