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

import re
from dataclasses import dataclass
from typing import Any

from .. import rules
from ..segment import BLANK, BULLET, TEXT, Line
from .speakers import NameIndex, english_subject, hindi_subject, resolve

_SEARCHED = (TEXT, BULLET)
_EN_VERB = "|".join(sorted(rules.EN_SPEECH_VERBS, key=len, reverse=True))
_EN_VERB_RE = re.compile(rf"\b(?:{_EN_VERB})\b(?:\s+out)?", re.IGNORECASE)
_EN_CUE_END_RE = re.compile(
    rf"\b(?P<verb>{_EN_VERB})\b(?:\s+out)?"
    r"(?P<tail>(?:\s+(?:that|on\s+(?:X|Twitter|Facebook|Instagram|LinkedIn)|in\s+a\s+(?:post|statement|message|video)"
    r"(?:\s+on\s+\w+)?|to\s+(?:reporters|the\s+media|journalists|the\s+press|\w+)|earlier|today|later|here|"
    r"on\s+\w+day|while\s+\w+ing(?:\s+\w+){0,3}|in\s+\w+))*)"
    r"\s*(?P<punct>[,:—–-]?)\s*$",
    re.IGNORECASE,
)
_EN_AFTER_RE = re.compile(
    rf"^[\s,.]*?(?:(?P<subj>[^,.;:“”\"!?]{{1,60}}?)\s+)?(?P<verb>{_EN_VERB})\b(?P<post>[^.;“”\"]{{0,80}})",
    re.IGNORECASE,
)
_HI_VERB = "|".join(re.escape(v) for v in sorted(rules.HI_CUE_VERBS, key=len, reverse=True))
_HI_DASH_VERB = "|".join(re.escape(v) for v in rules.HI_DASH_CUE_VERBS)
_HI_CUE_RE = re.compile(
    rf"(?<![\u0900-\u097f])(?P<verb>{_HI_VERB})(?:\s+(?:है|हैं|था|थी|थे))?\s+कि(?![\u0900-\u097f])"
    rf"|(?<![\u0900-\u097f])(?P<dverb>{_HI_DASH_VERB})\s*(?:[-–—]|\s:)(?!\s*[-–—])"
)
_HI_CUE_END_RE = re.compile(
    rf"(?<![\u0900-\u097f])(?:{_HI_VERB})(?:\s+(?:है|हैं|था|थी|थे))?(?:\s+कि)?\s*[,:—–-]*\s*$"
)
_SENTENCE_END_RE = re.compile(r"[.।!?](?=[\s\"'”’]|$)")
_HI_WORD_RE = re.compile(r"[\u0900-\u0963\u0970-\u097f]+|[A-Za-z]+")
_PARENS_RE = re.compile(r"\([^()]*\)")

_OPENERS = rules.QUOTE_PAIRS


@dataclass
class _Candidate:
    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None
    subject: tuple[str, str] | None
    truncated: bool
    line: Line


def find_quotes(raw: str, lines: list[Line], names: NameIndex, language: str) -> list[dict[str, Any]]:
    searched = [line for line in lines if line.kind in _SEARCHED]
    if not searched:
        return []
    last_line = max((line for line in lines if line.kind != BLANK), key=lambda x: x.index)
    truncated_doc = not raw.endswith(("\n", "\r"))
    candidates: list[_Candidate] = []
    quoted: list[tuple[int, int]] = []
    for block in _blocks(lines):
        for cand in _direct_in_block(raw, lines, block, last_line, truncated_doc):
            quoted.append((cand.start - 1, cand.end + 1))
            candidates.append(cand)
    for line in searched:
        candidates.extend(_reported_in_line(raw, line, quoted))
    candidates.sort(key=lambda c: c.start)
    out: list[dict[str, Any]] = []
    last: str | None = None
    for cand in candidates:
        speaker = resolve(cand.subject, names, cand.start, last)
        if speaker:
            last = speaker
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


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of adjacent searched lines with no blank or other line between them."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.kind in _SEARCHED:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


# --- direct quotes ----------------------------------------------------------------------------


def _is_opening(text: str, i: int) -> bool:
    ch = text[i]
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if not nxt or nxt.isspace():
        return False
    if ch in "'\"":
        return not prev.isalnum() and prev not in "\u0900\u0901\u0902\u0903" and not _is_devanagari_mark(prev)
    if ch == "‘":
        return not prev.isalnum()
    return True


def _is_devanagari_mark(ch: str) -> bool:
    return "\u0900" <= ch <= "\u097f"


def _find_close(text: str, i: int, opener: str) -> int | None:
    closer = _OPENERS[opener]
    single = opener in "'‘"
    j = i + 1
    while j < len(text):
        ch = text[j]
        if single and ch == "\n":
            return None
        if ch == closer:
            nxt = text[j + 1] if j + 1 < len(text) else " "
            prev = text[j - 1]
            if opener in "'‘\"" and (nxt.isalnum() or _is_devanagari_mark(nxt)):
                j += 1
                continue  # an apostrophe inside a word, or a mark opening the next quote
            if opener == '"' and prev.isspace():
                j += 1
                continue
            return j
        j += 1
    return None


def _direct_in_block(
    raw: str, lines: list[Line], block: list[Line], last_line: Line, truncated_doc: bool
) -> list[_Candidate]:
    base = block[0].start
    text = raw[base : block[-1].end]
    out: list[_Candidate] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch not in _OPENERS or not _is_opening(text, i):
            i += 1
            continue
        close = _find_close(text, i, ch)
        line = _line_at(block, base + i)
        if close is None:
            if ch in "'‘" and not _opens_item(raw, line, base + i):
                i += 1
                continue
            end_abs = line.end
            at_doc_end = line is last_line and truncated_doc
            content = (base + i + 1, end_abs)
            truncated = True
            next_i = end_abs - base
        else:
            content = (base + i + 1, base + close)
            truncated = False
            at_doc_end = False
            next_i = close + 1
        start, end = _trim(raw, *content)
        if end > start and end - start <= 4000:
            cand = _attribute_direct(raw, lines, block, line, base + i, start, end, close is None, at_doc_end)
            if cand is not None:
                cand.truncated = truncated
                out.append(cand)
        i = max(next_i, i + 1)
    return out


def _opens_item(raw: str, line: Line, pos: int) -> bool:
    """An unclosed single quote counts only where it opens its line or list item."""
    item_start = line.item_start if line.item_start is not None else line.start
    return not raw[item_start:pos].strip()


def _line_at(block: list[Line], pos: int) -> Line:
    for line in block:
        if line.start <= pos <= line.end:
            return line
    return block[-1]


def _trim(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_start(raw: str, line: Line, pos: int) -> int:
    """Where the sentence holding pos starts, within its line (after a bullet's marker)."""
    start = line.item_start if line.item_start is not None and line.item_start <= pos else line.start
    for m in _SENTENCE_END_RE.finditer(raw, start, pos):
        start = m.end()
    return start


def _words(text: str) -> list[str]:
    return text.split()


def _sentence_like(content: str, unclosed: bool) -> bool:
    words = _words(content)
    if len(words) >= rules.LONG_QUOTE_WORDS:
        return True
    if len(words) < rules.MIN_QUOTE_WORDS:
        return False
    return unclosed or content.rstrip()[-1] in ".,!?।…—-:;"


def _previous_line(lines: list[Line], line: Line) -> Line | None:
    for other in reversed(lines[: line.index]):
        if other.kind == BLANK:
            continue
        return other if other.kind in _SEARCHED else None
    return None


def _attribute_direct(
    raw: str,
    lines: list[Line],
    block: list[Line],
    line: Line,
    open_at: int,
    start: int,
    end: int,
    unclosed: bool,
    at_doc_end: bool,
) -> _Candidate | None:
    content = raw[start:end]
    sentence_start = _sentence_start(raw, line, open_at)
    before = raw[sentence_start:open_at]
    before_base = sentence_start
    item_start = line.item_start if line.item_start is not None else line.start
    if not raw[item_start:open_at].strip():
        # The quotation opens its line: its attribution may close the line above.
        prev = _previous_line(lines, line)
        if prev is not None:
            prev_start = prev.item_start if prev.item_start is not None else prev.start
            before, before_base = raw[prev_start : prev.end], prev_start
    like = _sentence_like(content, unclosed)

    # A speech verb right before the opening mark.
    cue = _cue_before(before)
    if cue is not None:
        (cs, ce), subject, strong = cue
        if strong or like:
            return _Candidate(
                start, end, "direct", (before_base + cs, before_base + ce), subject, unclosed, line
            )
    # A speech verb right after the closing mark.
    if not unclosed:
        after = _after_text(raw, line, end + 1)
        m = _EN_AFTER_RE.match(after)
        if m and (len(_words(content)) >= 2 or content[-1] in ".,!?"):
            subj_words = (m.group("subj") or "").split()
            if len(subj_words) <= 5:
                subject = (
                    english_subject(subj_words)
                    if subj_words
                    else english_subject(m.group("post").split()[:4])
                )
                cue_at = end + 1 + m.start("verb")
                return _Candidate(
                    start, end, "direct", (cue_at, cue_at + len(m.group("verb"))), subject, False, line
                )
    if not like:
        return None
    # A speech verb earlier in the paragraph, or at the end of the line above.
    earlier = raw[line.start : open_at]
    found = _last_verb(earlier)
    if found is not None:
        vs, ve = found
        sentence = raw[_sentence_start(raw, line, line.start + vs) : line.start + vs]
        subject = _subject_before(sentence)
        return _Candidate(start, end, "direct", (line.start + vs, line.start + ve), subject, unclosed, line)
    prev = _previous_line(lines, line)
    if prev is not None and not raw[line.start : open_at].strip():
        found = _last_verb(prev.text)
        if found is not None and prev.text.rstrip()[-1:] in ":,–—-कि":
            vs, ve = found
            subject = _subject_before(prev.text[:vs])
            return _Candidate(
                start, end, "direct", (prev.start + vs, prev.start + ve), subject, unclosed, line
            )
    if at_doc_end:
        # The document is cut off inside the quotation, before its attribution could follow:
        # the statement continues the nearest preceding speaker's.
        return _Candidate(start, end, "direct", None, None, True, line)
    return None


def _after_text(raw: str, line: Line, pos: int) -> str:
    stop = line.end
    m = _SENTENCE_END_RE.search(raw, pos, line.end)
    if m:
        stop = m.start()
    return raw[pos : min(stop, pos + 160)]


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
    for m in re.finditer(rf"(?<![\u0900-\u097f])(?:{_HI_VERB})(?![\u0900-\u097f])", text):
        if last is None or m.start() > last[0]:
            last = (m.start(), m.end())
    return last


def _subject_before(text: str) -> tuple[str, str] | None:
    """The speaker phrase at the end of text (the words before a speech verb)."""
    # Hindi: the words before the last ने, or a pronoun subject.
    if any("\u0900" <= ch <= "\u097f" for ch in text):
        hi_words = _HI_WORD_RE.findall(_PARENS_RE.sub(" ", text))
        if any(w in rules.HI_PRONOUNS for w in hi_words[-8:]):
            return ("pronoun", "")
        if "ने" in hi_words:
            at = len(hi_words) - 1 - hi_words[::-1].index("ने")
            subject: list[str] = []
            for w in reversed(hi_words[:at]):
                if w in rules.HI_NAME_STOPS or len(subject) >= 5:
                    break
                subject.insert(0, w)
            return hindi_subject(subject)
        # No ने: the subject is the titled name of the clause ("प्रधानमंत्री मोदी ... साझा किया कि").
        for i in range(len(hi_words) - 1, -1, -1):
            if hi_words[i] in rules.HI_TITLES:
                name = [w for w in hi_words[i + 1 : i + 4] if "\u0900" <= w[0] <= "\u097f"]
                cut = next((k for k, w in enumerate(name) if w in rules.HI_NAME_STOPS), len(name))
                return hindi_subject([hi_words[i], *name[:cut]])
        return None
    # English: the first name, role or pronoun in the clause before the verb.
    clause = re.split(r"[,;:“”\"()]|[.!?](?=\s)", text)[-1]
    words = clause.split()[-8:]
    return english_subject(words)


# --- reported speech (Hindi) --------------------------------------------------------------------


def _reported_in_line(raw: str, line: Line, quoted: list[tuple[int, int]]) -> list[_Candidate]:
    text = raw[line.start : line.end]
    cues = [m for m in _HI_CUE_RE.finditer(text) if not _inside(line.start + m.start(), quoted)]
    out: list[_Candidate] = []
    for k, m in enumerate(cues):
        start = line.start + m.end()
        while start < line.end and raw[start] in " \t,:;—–-":
            start += 1
        if start >= line.end or raw[start] in _OPENERS:
            continue  # a quotation follows: it is a direct quote
        end = line.end
        if k + 1 < len(cues):
            nxt = line.start + cues[k + 1].start()
            boundary = _sentence_start(raw, line, nxt)
            if boundary > start:
                end = boundary
        start, end = _trim(raw, start, end)
        if end <= start:
            continue
        sentence = raw[_sentence_start(raw, line, line.start + m.start()) : line.start + m.start()]
        subject = _subject_before(sentence)
        cue_end = line.start + m.end()
        while cue_end > line.start + m.start() and raw[cue_end - 1] in " \t-–—:":
            cue_end -= 1
        out.append(
            _Candidate(start, end, "reported", (line.start + m.start(), cue_end), subject, False, line)
        )
    return out


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)
