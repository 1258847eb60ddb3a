"""Quotes: direct speech in quotation marks, and Hindi reported speech.

Searches only body lines (paragraphs and list items), never the title, headings, byline
lines, boilerplate or embedded posts.

Direct: a quoted span is a quote when the text attributes it: a speech verb right before
it ("He said, “…”", "ने कहा, “…”", "Goyal wrote on X: “…”"), right after it ("“…,” Sai said"),
or earlier in its paragraph or at the end of the line above it ("CM Sai said that … “…”",
"पर लिखा –⏎“…”"). Short unpunctuated quoted spans without such a verb are names of things
('Deep Space', “Strategic Partnership”), not quotes. A quotation with no closing mark runs
to the end of its paragraph, or of the document when the document is cut off there.

Reported (Hindi): a cue ending in कि ("ने कहा कि", "विश्वास व्यक्त किया कि") or an unquoted
"कहा-" introduces a statement that runs to the end of the paragraph, or to just before the
sentence that holds the next cue in the same paragraph.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import rules
from ..memo import pure
from ..patterns import led_by_first_chars
from ..segment import BLANK, BOILERPLATE, BULLET, TEXT, Line, runs
from .name_index import HI_LETTERS_RE
from .speakers import NameIndex, english_subject, hindi_subject, resolve

_SEARCHED = (TEXT, BULLET)


def _alternation(phrases: tuple[str, ...]) -> str:
    """A regex alternation of phrases, in order, any white space between their words."""
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)


_EN_VERBS = rules.EN_SPEECH_VERBS | rules.EN_MORE_SPEECH_VERBS
_EN_VERB = "|".join(sorted(_EN_VERBS, key=len, reverse=True))
_EN_VERB_RE = re.compile(rf"\b(?:{_EN_VERB})\b(?:\s+out)?", re.IGNORECASE)
# A verb's first letter is looked ahead for first: most positions are rejected by one test.
_EN_VERB_LED = led_by_first_chars(_EN_VERB, _EN_VERBS)
_EN_CUE_END_RE = re.compile(
    rf"\b(?P<verb>{_EN_VERB_LED})\b(?:\s+out)?"
    rf"(?P<tail>(?:\s+(?:that|on\s+(?:{_alternation(rules.EN_PLATFORMS)})|in\s+a\s+(?:{_alternation(rules.EN_MEDIA)})"
    rf"(?:\s+on\s+\w+)?|to\s+(?:{_alternation(rules.EN_AUDIENCES)}|\w+)|{_alternation(rules.EN_CUE_TIME_WORDS)}|"
    rf"on\s+\w+day|while\s+\w+ing(?:\s+\w+){{0,{rules.CUE_PARTICIPLE_MAX_WORDS}}}|in\s+\w+))*)"
    r"\s*(?P<punct>[,:—–-]?)\s*$",
    re.IGNORECASE,
)
_EN_AFTER_RE = re.compile(
    rf"^[\s,.]*?(?:(?P<subj>[^,.;:“”\"!?]{{1,{rules.AFTER_SUBJECT_MAX_CHARS}}}?)\s+)?(?P<verb>{_EN_VERB_LED})\b"
    rf"(?P<post>[^.;“”\"]{{0,{rules.AFTER_TAIL_MAX_CHARS}}})",
    re.IGNORECASE,
)
# A partial quote that characterises something in the speaker's words: "he described the visit
# as “a turning point”", "what she termed as a year of “hard work”" (not "described by X as").
_EN_DESCRIBED_RE = re.compile(
    rf"\b(?P<verb>{'|'.join(rules.EN_DESCRIBING_VERBS)})\b(?!\s+by\b)[^.;:“”\"]{{0,{rules.DESCRIBED_GAP_MAX_CHARS}}}?"
    rf"\bas\s+(?:[\w’'-]+\s+){{0,{rules.DESCRIBED_AS_MAX_WORDS}}}$",
    re.IGNORECASE,
)
_EN_READ_AFTER_RE = re.compile(
    rf"^[\s,.]*?(?:{'|'.join(rules.EN_DOCUMENT_DETERMINERS)})\s+(?:[\w’'-]+\s+){{0,{rules.DOCUMENT_NOUN_MAX_WORDS}}}?"
    rf"(?:{'|'.join(rules.EN_DOCUMENT_NOUNS)})\s+(?P<verb>reads?)\b",
    re.IGNORECASE,
)
# A sentence reporting what its subject said ("The minister said that …").
_EN_SAID_THAT_RE = re.compile(rf"\b(?P<verb>{_EN_VERB_LED})\s+that\b", re.IGNORECASE)
# The word after a closing mark (the mark itself, then spaces).
_NEXT_WORD_RE = re.compile(r"[”\"’']?[ \t]+([A-Za-z]+)")
_BODY = ("body", "")  # the subject "it" or "the statement": the office that issued it
_HI_VERB = "|".join(re.escape(v) for v in sorted(rules.HI_CUE_VERBS, key=len, reverse=True))
_HI_DASH_VERB = "|".join(re.escape(v) for v in rules.HI_DASH_CUE_VERBS)
_KI = rules.HI_CUE_CONJUNCTION
# An auxiliary after a cue verb ("कहा है कि"), with its space.
_HI_AUX = rf"(?:\s+(?:{'|'.join(rules.HI_AUXILIARIES)}))?"
_HI_CUE_RE = re.compile(
    led_by_first_chars(
        rf"(?<![{rules.DEVANAGARI}])(?P<verb>{_HI_VERB}){_HI_AUX}\s+{_KI}(?![{rules.DEVANAGARI}])"
        rf"|(?<![{rules.DEVANAGARI}])(?P<dverb>{_HI_DASH_VERB})\s*(?:[-–—]|\s:)(?!\s*[-–—])",
        [*rules.HI_CUE_VERBS, *rules.HI_DASH_CUE_VERBS],
    )
)
# A noun and a light verb before कि ("सलाह दी है कि"): a cue only in a sentence with a ने subject.
_HI_LIGHT_CUE_RE = re.compile(
    rf"(?<![{rules.DEVANAGARI}])[{rules.DEVANAGARI_LETTERS}]+\s+"
    rf"(?:{'|'.join(rules.HI_LIGHT_CUE_VERBS)}){_HI_AUX}\s+{_KI}(?![{rules.DEVANAGARI}])"
)
# "X का कहना है कि": the subject is the words before का.
_HI_SAYING_RE = re.compile(
    rf"(?<![{rules.DEVANAGARI}])(?:{'|'.join(rules.HI_SAYING_CUES)})\s+{_KI}(?![{rules.DEVANAGARI}])"
)
_HI_VERB_LED = led_by_first_chars(_HI_VERB, rules.HI_CUE_VERBS)
# A cue verb ending its line, and a line opening with कि: one cue broken over a line end.
_HI_LINE_ENDING_VERB_RE = re.compile(rf"(?<![{rules.DEVANAGARI}])(?:{_HI_VERB}){_HI_AUX}[ \t]*$")
# A cue verb whose कि lost its space to the next word ("बताया किनई"): a cue when the rest is a
# word the document prints elsewhere and the whole is not.
_HI_GLUED_KI_RE = re.compile(
    rf"(?<![{rules.DEVANAGARI}])(?:{_HI_VERB}){_HI_AUX}\s+{_KI}(?P<rest>[{rules.DEVANAGARI_LETTERS}]+)"
)
_HI_LINE_OPENING_KI_RE = re.compile(rf"[ \t]*{_KI}(?![{rules.DEVANAGARI}])")
_HI_CUE_END_RE = re.compile(rf"(?<![{rules.DEVANAGARI}]){_HI_VERB_LED}{_HI_AUX}(?:\s+{_KI})?\s*[,:—–-]*\s*$")
_CLAUSE_BREAK_RE = re.compile(rf"[,;]|\s(?:{'|'.join(rules.HI_CLAUSE_CONJUNCTIONS)})\s")
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
_SENTENCE_END_RE = re.compile(rf"[{re.escape(rules.SENTENCE_STOPS)}](?=[\s\"'”’]|$)|{_HI_GLUED_STOP}")
_HI_WORD_RE = re.compile(rf"[{rules.DEVANAGARI_LETTERS}]+|[A-Za-z]+")
_PARENS_RE = re.compile(r"\([^()]*\)")
# Where an English sentence ends for reading a subject: a stop before a space (a Hindi sentence's
# subject is read by words, _HI_WORD_RE).
_EN_SENTENCE_SPLIT_RE = re.compile(r"[.!?](?=\s)")

_OPENERS = rules.QUOTE_PAIRS
_OPENER_RE = re.compile("[" + re.escape("".join(_OPENERS)) + "]")
_CLOSER_RE = re.compile("[" + re.escape("".join(set(_OPENERS.values()))) + "]")
_CLOSED_BY: dict[str, list[str]] = {}  # closing mark -> the opening marks it closes
for _opener, _closer in _OPENERS.items():
    _CLOSED_BY.setdefault(_closer, []).append(_opener)
_NEWLINE_RE = re.compile("\n")


# The attribution rules, as --explain names them.
_VERB_BEFORE = "speech verb before the quotation"
_VERB_AFTER = "speech verb after the quotation"
_READS_AFTER = "a document reads, after the quotation"
_DESCRIBED = "described as, before the quotation"
_VERB_EARLIER = "speech verb earlier in the paragraph"
_CUE_LINE_ABOVE = "cue line above"
_SAID_THAT_ABOVE = "said that, in the paragraph above"
_CUT_OFF = "cut off by the end of the document"
_HI_CUE = "Hindi speech cue"
_SAYING_CUE = "X का कहना है कि"
_HI_CUE_ACROSS_LINES = "Hindi cue across a line end"


@dataclass
class _Candidate:
    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None
    subject: tuple[str, str] | None
    truncated: bool
    line: Line
    rule: str = ""  # which attribution rule found it (shown by --explain)


def find_quotes(
    raw: str,
    lines: list[Line],
    make_names: Callable[[], NameIndex],
    language: str,
    explain: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Every quote, in document order; `make_names` builds the name index when one is needed.
    With explain, each quote's attribution rule, subject phrase and speaker step go in
    explain["quotes"], in the same order."""
    searched = [line for line in lines if line.kind in _SEARCHED]
    if not searched:
        return []
    last_line = next(line for line in reversed(lines) if line.kind != BLANK)  # lines are in order
    truncated_doc = not raw.endswith(("\n", "\r"))
    sentences = _Sentences(raw)
    candidates: list[_Candidate] = []
    quoted: list[tuple[int, int]] = []
    for block in runs(lines, _SEARCHED):
        for cand in _direct_in_block(raw, lines, block, last_line, truncated_doc, sentences):
            quoted.append((cand.start - 1, cand.end + 1))
            candidates.append(cand)
    quoted.sort()
    for line in searched:
        candidates.extend(_reported_in_line(raw, lines, line, quoted, sentences))
    candidates.sort(key=lambda c: c.start)
    if not candidates:
        return []
    names = make_names()
    out: list[dict[str, Any]] = []
    last: str | None = None
    for cand in candidates:
        para_start = _item_start(cand.line)
        before_quote = min(cand.start, cand.cue[0]) if cand.cue else cand.start
        speaker, step = resolve(cand.subject, names, cand.start, last, (para_start, before_quote))
        if speaker:
            last = speaker
        if explain is not None:
            explain.setdefault("quotes", []).append(
                {
                    "start": cand.start,
                    "end": cand.end,
                    "kind": cand.kind,
                    "attributed_by": cand.rule,
                    "subject": None
                    if cand.subject is None
                    else {"kind": cand.subject[0], "text": cand.subject[1]},
                    "speaker": speaker,
                    "speaker_from": step,
                }
            )
        out.append(
            {
                "text": raw[cand.start : cand.end],
                "start": cand.start,
                "end": cand.end,
                "kind": cand.kind,
                "speaker": speaker,
                "cue": None
                if cand.cue is None
                else {"text": raw[cand.cue[0] : cand.cue[1]], "start": cand.cue[0], "end": cand.cue[1]},
                "truncated": cand.truncated,
            }
        )
    return out


# --- direct quotes ----------------------------------------------------------------------------


def _is_opening(text: str, i: int) -> bool:
    ch = text[i]
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if not nxt or nxt.isspace():
        return False
    if ch in "'\"":
        return not prev.isalnum() and not rules.is_devanagari(prev)
    if ch == "‘":
        return not prev.isalnum()
    return True


def _closers(text: str) -> dict[str, list[int]]:
    """For each opening mark, the positions in text where its closing mark may stand, judged
    by their neighbours only; computed once per block so that finding a close is a bisect."""
    found: dict[str, list[int]] = {opener: [] for opener in _OPENERS}
    found["\n"] = [m.start() for m in _NEWLINE_RE.finditer(text)]
    for m in _CLOSER_RE.finditer(text):
        j = m.start()
        nxt = text[j + 1] if j + 1 < len(text) else " "
        prev = text[j - 1] if j else " "
        word_follows = nxt.isalnum() or rules.is_devanagari(nxt)
        for opener in _CLOSED_BY[m.group()]:
            if opener in "'‘\"" and word_follows:
                continue  # an apostrophe inside a word, or a mark opening the next quote
            if opener == '"' and prev.isspace() and not _spaced_close(text, j):
                continue
            found[opener].append(j)
    return found


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


def _direct_in_block(
    raw: str,
    lines: list[Line],
    block: list[Line],
    last_line: Line,
    truncated_doc: bool,
    sentences: _Sentences,
) -> list[_Candidate]:
    base = block[0].start
    text = raw[base : block[-1].end]
    closers: dict[str, list[int]] | None = None  # found when the block's first quotation opens
    starts = [line.start for line in block]
    out: list[_Candidate] = []
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
        start, end = _trim(raw, *content)
        if end > start and end - start <= rules.MAX_QUOTE_CHARS:
            cand = _attribute_direct(
                raw, lines, line, base + i, start, end, close is None, at_doc_end, sentences
            )
            if cand is not None:
                cand.truncated = close is None
                out.append(cand)
    return out


def _opens_item(raw: str, line: Line, pos: int) -> bool:
    """An unclosed single quote counts only where it opens its line or list item."""
    return _blank(raw, _item_start(line), pos)


def _item_start(line: Line) -> int:
    """Where a line's paragraph or list item starts: after a bullet's marker."""
    return line.item_start if line.item_start is not None else line.start


def _line_at(block: list[Line], starts: list[int], pos: int) -> Line:
    k = bisect.bisect_right(starts, pos) - 1
    return block[max(k, 0)]


def _trim(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


class _Sentences:
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
            ends = [m.end() for m in _SENTENCE_END_RE.finditer(self.raw, line.start, line.end)]
            self._ends[line.index] = ends
        k = bisect.bisect_right(ends, pos) - 1
        return max(floor, ends[k]) if k >= 0 else floor


_NON_SPACE_RE = re.compile(r"\S")


def _blank(raw: str, start: int, end: int) -> bool:
    """Whether raw[start:end] is only white space, without copying it: the search stops at the
    first other character, which in a trimmed line is at once (no slice per quote of a long
    line, which made one 5 MB line of quotations quadratic)."""
    return _NON_SPACE_RE.search(raw, start, end) is None


def _words(text: str) -> list[str]:
    return text.split()


def _sentence_like(content: str, unclosed: bool) -> bool:
    words = _words(content)
    if len(words) >= rules.LONG_QUOTE_WORDS:
        return True
    if len(words) < rules.MIN_QUOTE_WORDS:
        return False
    return unclosed or content.rstrip()[-1] in rules.QUOTE_END_PUNCT


def _previous_line(lines: list[Line], line: Line, over_furniture: bool = False) -> Line | None:
    """The body line above line; with over_furniture, across page furniture ("Advertisement")."""
    index = line.index - 1
    while index >= 0 and (
        lines[index].kind == BLANK
        or (over_furniture and lines[index].kind == BOILERPLATE and lines[index].detail != "trailing")
    ):
        index -= 1
    if index < 0:
        return None
    return lines[index] if lines[index].kind in _SEARCHED else None


def _attribute_direct(
    raw: str,
    lines: list[Line],
    line: Line,
    open_at: int,
    start: int,
    end: int,
    unclosed: bool,
    at_doc_end: bool,
    sentences: _Sentences,
) -> _Candidate | None:
    content = raw[start:end]
    window = rules.ATTRIBUTION_WINDOW
    before_base = max(sentences.start(line, open_at), open_at - window)
    before = raw[before_base:open_at]
    if _blank(raw, _item_start(line), open_at):
        # The quotation opens its line: its attribution may close the line above.
        prev = _previous_line(lines, line)
        if prev is not None:
            before_base = max(_item_start(prev), prev.end - window)
            before = raw[before_base : prev.end]
    like = _sentence_like(content, unclosed)

    # A speech verb right before the opening mark.
    cue = _cue_before(before)
    if cue is not None:
        (cs, ce), subject, strong = cue
        if strong or like:
            verb = (before_base + cs, before_base + ce)
            return _Candidate(start, end, "direct", verb, subject, unclosed, line, _VERB_BEFORE)
    if not unclosed and _term_in_running_text(raw, content, end) and not _EN_DESCRIBED_RE.search(before):
        return None
    # A speech verb right after the closing mark.
    if not unclosed:
        after_at = end + 1
        while raw[after_at - 1].isspace():  # a spaced closing mark (`well, " he said`)
            after_at += 1
        after = _after_text(raw, line, after_at)
        m = _EN_AFTER_RE.match(after)
        if m and (
            len(_words(content)) >= rules.AFTER_MIN_QUOTE_WORDS or content[-1] in rules.CLAUSE_END_MARKS
        ):
            subj_words = (m.group("subj") or "").split()
            if len(subj_words) <= rules.SUBJECT_MAX_WORDS or (
                len(subj_words) <= rules.DESIGNATION_MAX_WORDS and _designation_phrase(subj_words)
            ):
                words = subj_words or m.group("post").split()[: rules.AFTER_VERB_SUBJECT_WORDS]
                cue_at = after_at + m.start("verb")
                verb = (cue_at, cue_at + len(m.group("verb")))
                # "“…,” it added": a body (an office issuing a release) speaks.
                subject = _BODY if [w.casefold() for w in subj_words] == ["it"] else english_subject(words)
                return _Candidate(start, end, "direct", verb, subject, False, line, _VERB_AFTER)
        read = _EN_READ_AFTER_RE.match(after)
        if read and len(_words(content)) >= rules.AFTER_MIN_QUOTE_WORDS:
            cue_at = after_at + read.start("verb")
            verb = (cue_at, cue_at + len(read.group("verb")))
            return _Candidate(start, end, "direct", verb, _BODY, False, line, _READS_AFTER)
    described = _EN_DESCRIBED_RE.search(before)
    if described is not None and not unclosed:
        vs, ve = before_base + described.start("verb"), before_base + described.end("verb")
        subject = _subject_before(raw[before_base:vs])
        return _Candidate(start, end, "direct", (vs, ve), subject, False, line, _DESCRIBED)
    if not like:
        return None
    # A speech verb earlier in the paragraph, or at the end of the line above.
    earlier_base = max(line.start, open_at - window)
    found = _last_verb(raw[earlier_base:open_at])
    if found is not None:
        vs, ve = earlier_base + found[0], earlier_base + found[1]
        sentence = raw[max(sentences.start(line, vs), vs - window) : vs]
        subject = _subject_before(sentence)
        return _Candidate(start, end, "direct", (vs, ve), subject, unclosed, line, _VERB_EARLIER)
    prev = _previous_line(lines, line)
    if prev is not None and _blank(raw, line.start, open_at):
        prev_base = max(prev.start, prev.end - window)
        found = _last_verb(raw[prev_base : prev.end])
        ending = prev.text.rstrip()
        if found is not None and (ending[-1:] in rules.INTRODUCING_ENDINGS or ending.endswith(_KI)):
            vs, ve = prev_base + found[0], prev_base + found[1]
            subject = _subject_before(raw[prev_base:vs])
            return _Candidate(start, end, "direct", (vs, ve), subject, unclosed, line, _CUE_LINE_ABOVE)
    if _blank(raw, line.start, open_at) and len(_words(content)) >= rules.LONG_QUOTE_WORDS:
        # A long quotation opening its paragraph goes on from the paragraph above when that
        # paragraph's last sentence reports the same speaker ("The minister said that …").
        above = _previous_line(lines, line, over_furniture=True)
        if above is not None:
            last_start = sentences.start(above, max(above.start, above.end - 1))
            m = _EN_SAID_THAT_RE.search(raw, last_start, above.end)
            if m is not None:
                before_verb = raw[last_start : m.start()]
                # "… and added that": the verb's subject opens the sentence, beyond this reading.
                subject = None if before_verb.rstrip().endswith(" and") else _subject_before(before_verb)
                verb = (m.start(), m.end("verb"))
                return _Candidate(start, end, "direct", verb, subject, unclosed, line, _SAID_THAT_ABOVE)
    if at_doc_end:
        # The document is cut off inside the quotation, before its attribution could follow:
        # the statement continues the nearest preceding speaker's.
        return _Candidate(start, end, "direct", None, None, True, line, _CUT_OFF)
    return None


def _term_in_running_text(raw: str, content: str, end: int) -> bool:
    """A few quoted words in the middle of a sentence, which runs on after the closing mark with
    neither a speech verb nor its subject ('… towards “growth and jobs,” aligning with …'): a
    term the writer marks, not speech."""
    if len(_words(content)) > rules.MAX_TERM_WORDS:
        return False
    m = _NEXT_WORD_RE.match(raw, end + 1)
    if m is None or not m.group(1)[:1].islower():
        return False
    word = m.group(1).casefold()
    return word not in _EN_VERBS and word not in rules.EN_PRONOUNS and word not in rules.EN_DETERMINERS


def _designation_phrase(words: list[str]) -> bool:
    """Whether words read as one long speaker phrase ("Arunachal Pradesh chief minister Pema
    Khandu", "Minister of Industries Rajyavardhan Rathore"), not a clause."""
    return all(w[:1].isupper() or w.casefold() in rules.EN_TITLES or w.casefold() in rules.EN_TITLE_LINKS
               for w in words)  # fmt: skip


def _after_text(raw: str, line: Line, pos: int) -> str:
    stop = min(line.end, pos + rules.ATTRIBUTION_WINDOW)
    m = _SENTENCE_END_RE.search(raw, pos, stop)
    return raw[pos : m.start() if m else stop]


@pure
def _cue_before(before: str) -> tuple[tuple[int, int], tuple[str, str] | None, bool] | None:
    """A speech verb phrase ending right where the quotation opens."""
    m = _EN_CUE_END_RE.search(before)
    if m:
        subject = _subject_before(before[: m.start()])
        strong = bool(m.group("punct")) or "that" in m.group("tail").casefold()
        return (m.start("verb"), m.end("verb")), subject, strong
    m = _HI_CUE_END_RE.search(before)
    if m:
        cue_text = before[m.start() :].rstrip(" ,:—–-")
        subject = _subject_before(before[: m.start()])
        return (m.start(), m.start() + len(cue_text)), subject, True
    return None


def _last_verb(text: str) -> tuple[int, int] | None:
    last = None
    for m in _EN_VERB_RE.finditer(text):
        last = (m.start(), m.end())
    for m in re.finditer(rf"(?<![{rules.DEVANAGARI}])(?:{_HI_VERB})(?![{rules.DEVANAGARI}])", text):
        if last is None or m.start() > last[0]:
            last = (m.start(), m.end())
    return last


@pure
def _subject_before(text: str) -> tuple[str, str] | None:
    """The speaker phrase at the end of text (the words before a speech verb)."""
    # Hindi: the words before the last ने, or a pronoun subject.
    if rules.has_devanagari(text):
        hi_words = _HI_WORD_RE.findall(_PARENS_RE.sub(" ", text))
        if any(w in rules.HI_PRONOUNS for w in hi_words[-rules.SUBJECT_REACH_WORDS :]):
            return ("pronoun", "")
        if rules.HI_SUBJECT_MARKER in hi_words:
            at = len(hi_words) - 1 - hi_words[::-1].index(rules.HI_SUBJECT_MARKER)
            return hindi_subject(_hi_words_before(hi_words[:at]))
        # No ने: the subject is the titled name of the clause ("प्रधानमंत्री मोदी ... साझा किया कि").
        for i in range(len(hi_words) - 1, -1, -1):
            if hi_words[i] in rules.HI_TITLES:
                name = [
                    w for w in hi_words[i + 1 : i + 1 + rules.HI_NAME_MAX_WORDS] if rules.is_devanagari(w[0])
                ]
                cut = next((k for k, w in enumerate(name) if w in rules.HI_NAME_STOPS), len(name))
                after = hi_words[i + 1 + cut : i + 2 + cut]
                if after == [rules.HI_OBJECT_MARKER] and any(w in rules.HI_PRONOUNS for w in hi_words[:i]):
                    return ("pronoun", "")  # "उन्होंने … सीएम X को कहा कि": X is the listener
                return hindi_subject([hi_words[i], *name[:cut]])
        return None
    # English: the first name, role or pronoun in the clause before the verb. A clause of
    # fillers ("also") or a relative clause ("who was present at the ceremony") sits between
    # the subject and its verb: the subject is in the clause before it.
    sentence = _PARENS_RE.sub(" ", _EN_SENTENCE_SPLIT_RE.split(text)[-1])  # "(earlier Twitter)": an aside
    clauses = re.split(r"[,;:“”\"()]", sentence)
    for clause in reversed(clauses[-rules.SUBJECT_MAX_CLAUSES :]):
        words = clause.split()
        if all(w.casefold() in rules.EN_FILLERS for w in words) or (
            words and words[0].casefold() in rules.EN_RELATIVES
        ):
            continue
        return english_subject(words[-rules.SUBJECT_REACH_WORDS :])
    return None


# --- reported speech (Hindi) --------------------------------------------------------------------


def _reported_in_line(
    raw: str, lines: list[Line], line: Line, quoted: list[tuple[int, int]], sentences: _Sentences
) -> list[_Candidate]:
    if not rules.has_devanagari(raw, line.start, line.end):
        return []
    cues = [(s, e, saying, line) for s, e, saying in _hi_cues(raw, line, sentences)]
    broken = _cue_across_lines(raw, lines, line)
    if broken is not None:
        cues.insert(0, broken)
    cues = [c for c in cues if not _inside(c[0], quoted)]
    out: list[_Candidate] = []
    for k, (cue_start, cue_end, saying, cue_line) in enumerate(cues):
        start = cue_end
        while start < line.end and raw[start] in " \t,:;—–-":
            start += 1
        if start >= line.end or raw[start] in _OPENERS:
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
        start, end = _trim(raw, start, end)
        if end <= start:
            continue
        sentence = raw[
            max(sentences.start(cue_line, cue_start), cue_start - rules.ATTRIBUTION_WINDOW) : cue_start
        ]
        while cue_end > cue_start and raw[cue_end - 1] in " \t-–—:":
            cue_end -= 1
        subject = _saying_subject(sentence) if saying else _subject_before(sentence)
        rule = _SAYING_CUE if saying else _HI_CUE if cue_line is line else _HI_CUE_ACROSS_LINES
        out.append(_Candidate(start, end, "reported", (cue_start, cue_end), subject, False, line, rule))
    return out


def _cue_across_lines(raw: str, lines: list[Line], line: Line) -> tuple[int, int, bool, Line] | None:
    """A cue broken over a line end: the line above ends in a speech verb and this line opens
    with its कि ("… को कहा⏎कि …"); the cue runs from the verb to the कि."""
    m = _HI_LINE_OPENING_KI_RE.match(raw, line.start, line.end)
    if m is None:
        return None
    prev = _previous_line(lines, line)
    if prev is None or line.index - prev.index != 1:
        return None  # only a plain line break parts them, no blank line
    verb = _HI_LINE_ENDING_VERB_RE.search(raw, prev.start, prev.end)
    if verb is None:
        return None
    return (verb.start(), m.end(), False, prev)


def _hi_cues(raw: str, line: Line, sentences: _Sentences) -> list[tuple[int, int, bool]]:
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
        words = _HI_WORD_RE.findall(raw[sentence_start : m.start()])
        if rules.HI_SUBJECT_MARKER in words or any(
            w in rules.HI_PRONOUNS for w in words[-rules.SUBJECT_REACH_WORDS :]
        ):
            cues.append((m.start(), m.end(), False))
    cues.extend((m.start(), m.end(), True) for m in _HI_SAYING_RE.finditer(raw, line.start, line.end))
    for m in _HI_GLUED_KI_RE.finditer(raw, line.start, line.end):
        counts = sentences.word_counts()
        if counts[m.group("rest")] and counts[_KI + m.group("rest")] == 1:
            cues.append((m.start(), m.start("rest"), False))  # "बताया किनई": the space was lost
    return sorted(cues)


def _hi_words_before(words: list[str]) -> list[str]:
    """The Hindi subject phrase ending words: the last words back to a postposition or other name
    stop, at most rules.SUBJECT_MAX_WORDS of them."""
    subject: list[str] = []
    for w in reversed(words):
        if w in rules.HI_NAME_STOPS or len(subject) >= rules.SUBJECT_MAX_WORDS:
            break
        subject.insert(0, w)
    return subject


def _saying_subject(sentence: str) -> tuple[str, str] | None:
    """The speaker of "X का कहना है कि": the words before का, back to a postposition."""
    found = hindi_subject(_hi_words_before(_HI_WORD_RE.findall(_PARENS_RE.sub(" ", sentence))))
    if found is not None and found[0] == "name":
        return ("named", found[1])  # printed next to its cue: a body ("छत्तीसगढ़ भाजपा") stays itself
    return found


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether pos falls inside one of the sorted, non-overlapping spans."""
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]
