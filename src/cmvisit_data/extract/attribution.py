"""Attribution of direct quotes: whether a quoted span is a quote, its speech verb and the
phrase naming its speaker.

A quoted span is a quote when the text attributes it. The rules are tried in order, each a
function of the quotation (`_RULES`): a speech verb right before the opening mark ("He said,
“…”", "ने कहा, “…”", "Goyal wrote on X: “…”"), right after the closing mark ("“…,” Sai said"), a
document that reads it ("“…,” the statement read"), "described … as “…”", a speech verb earlier
in its paragraph or ending the line above ("CM Sai said that … “…”", "पर लिखा –⏎“…”"), a
paragraph above that reports the same speaker, and a document cut off inside the quotation.
Two steps refuse a span outright: a few quoted words the sentence runs on after (a term the
writer marks), and a span that does not read as a sentence when no verb stands right by it
('Deep Space', “Strategic Partnership”). `subject_before` reads a speaker phrase before a verb,
for Hindi reported speech too (`extract.reported`); `extract.speakers` turns it into a speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from .. import rules
from ..memo import pure
from ..patterns import led_by_first_chars
from ..segment import Line
from .quote_base import (
    HI_AUX,
    HI_VERB,
    HI_WORD_RE,
    KI,
    PARENS_RE,
    SENTENCE_END_RE,
    QuoteCandidate,
    Sentences,
    blank,
    item_start,
    previous_line,
)
from .subjects import english_subject, hindi_subject


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
# "“…,” Rao, the state's finance minister, said": the name, then a phrase set off by commas.
_EN_AFTER_APPOSITIVE_RE = re.compile(
    rf"^[\s,.]*?(?P<subj>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,{rules.SUBJECT_MAX_WORDS - 1}}}),\s+"
    rf"(?i:{'|'.join(rules.EN_APPOSITIVE_OPENERS)})\s[^,.;:“”\"!?]{{1,{rules.APPOSITIVE_MAX_CHARS}}},\s+"
    rf"(?P<verb>(?i:{_EN_VERB_LED}))\b(?P<post>[^.;“”\"]{{0,{rules.AFTER_TAIL_MAX_CHARS}}})"
)
# A partial quote that characterises something in the speaker's words: "he described the visit
# as “a turning point”", "what she termed as a year of “hard work”" (not "described by X as").
_EN_DESCRIBED_RE = re.compile(
    rf"\b(?P<verb>{'|'.join(rules.EN_DESCRIBING_VERBS)})\b(?!\s+by\b)[^.;:“”\"]{{0,{rules.DESCRIBED_GAP_MAX_CHARS}}}?"
    rf"\bas\s+(?:[\w’'-]+\s+){{0,{rules.DESCRIBED_AS_MAX_WORDS}}}$",
    re.IGNORECASE,
)
# A partial quote of what the speaker invited someone to do: "he invited the firms to “come and
# build with us”" (issue 22, class 2).
_EN_INVITED_RE = re.compile(
    rf"\b(?P<verb>{'|'.join(rules.EN_INVITING_VERBS)})\b[^.;:“”\"]{{0,{rules.DESCRIBED_GAP_MAX_CHARS}}}?\bto\s+$",
    re.IGNORECASE,
)
# "“…,” reads a post from Sai on X": the document's author, named after it, speaks.
_EN_READS_FROM_RE = re.compile(
    rf"^[\s,.]*?(?P<verb>reads?)\s+(?:{'|'.join(rules.EN_DOCUMENT_DETERMINERS)})\s+"
    rf"(?:[\w’'-]+\s+){{0,{rules.DOCUMENT_NOUN_MAX_WORDS}}}?(?:{'|'.join(rules.EN_DOCUMENT_NOUNS)})\s+(?:from|by)\s+"
    rf"(?P<subj>[^,.;:“”\"!?]{{1,{rules.AFTER_SUBJECT_MAX_CHARS}}})",
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
_HI_VERB_LED = led_by_first_chars(HI_VERB, rules.HI_CUE_VERBS)
_HI_CUE_END_RE = re.compile(rf"(?<![{rules.DEVANAGARI}]){_HI_VERB_LED}{HI_AUX}(?:\s+{KI})?\s*[,:—–-]*\s*$")
# Where an English sentence ends for reading a subject: a stop before a space (a Hindi sentence's
# subject is read by words, HI_WORD_RE).
_EN_SENTENCE_SPLIT_RE = re.compile(r"[.!?](?=\s)")


# The attribution rules, as --explain names them.
_VERB_BEFORE = "speech verb before the quotation"
_VERB_AFTER = "speech verb after the quotation"
_READS_AFTER = "a document reads, after the quotation"
_DESCRIBED = "described as, before the quotation"
_VERB_EARLIER = "speech verb earlier in the paragraph"
_CUE_LINE_ABOVE = "cue line above"
_SAID_THAT_ABOVE = "said that, in the paragraph above"
_CUT_OFF = "cut off by the end of the document"


def _words(text: str) -> list[str]:
    return text.split()


def _sentence_like(content: str, unclosed: bool) -> bool:
    words = _words(content)
    if len(words) >= rules.LONG_QUOTE_WORDS:
        return True
    if len(words) < rules.MIN_QUOTE_WORDS:
        return False
    return unclosed or content.rstrip()[-1] in rules.QUOTE_END_PUNCT


@dataclass
class _Quotation:
    """One quoted span being attributed, and the text around it that the rules read."""

    raw: str
    lines: list[Line]
    line: Line  # the line the quotation opens on
    open_at: int  # the opening mark
    start: int  # the content, trimmed of white space
    end: int
    unclosed: bool  # no closing mark: the quotation runs to the end of its line
    at_doc_end: bool  # unclosed on the last line of a document cut off there
    sentences: Sentences
    before_base: int  # where `before` starts in raw
    before: str  # the text an attribution before the opening mark is read in

    @cached_property
    def content(self) -> str:
        return self.raw[self.start : self.end]

    @cached_property
    def like(self) -> bool:
        """Whether the content reads as a sentence (or is long enough to be a statement)."""
        return _sentence_like(self.content, self.unclosed)

    @cached_property
    def described(self) -> re.Match[str] | None:
        """The "described … as" (or "invited … to") that ends right before the opening mark."""
        return _EN_DESCRIBED_RE.search(self.before) or _EN_INVITED_RE.search(self.before)

    @cached_property
    def after_at(self) -> int:
        """Where the text after the closing mark starts (read only for a closed quotation)."""
        raw, at = self.raw, self.end
        # Past a space before the closing mark (`well, " he said`) or the backslash escaping it.
        while at < len(raw) and (raw[at].isspace() or raw[at] in rules.QUOTE_ESCAPES):
            at += 1
        mark = raw[at : at + 1]
        at += 1
        while mark and raw[at : at + 1] == mark:  # a doubled closing mark ("…,”” he said")
            at += 1
        return at

    @cached_property
    def after(self) -> str:
        """The text after the closing mark, to the end of its sentence."""
        return _after_text(self.raw, self.line, self.after_at)

    def opens_line(self) -> bool:
        """Whether the quotation opens its line."""
        return blank(self.raw, self.line.start, self.open_at)

    def candidate(
        self, cue: tuple[int, int] | None, subject: tuple[str, str] | None, rule: str
    ) -> QuoteCandidate:
        return QuoteCandidate(self.start, self.end, "direct", cue, subject, self.unclosed, self.line, rule)


def _quotation(
    raw: str,
    lines: list[Line],
    line: Line,
    open_at: int,
    start: int,
    end: int,
    unclosed: bool,
    at_doc_end: bool,
    sentences: Sentences,
) -> _Quotation:
    """The quotation, with the text before it read for a cue: its sentence up to the opening
    mark, or the line above when the quotation opens its line (or item)."""
    window = rules.ATTRIBUTION_WINDOW
    before_base = max(sentences.start(line, open_at), open_at - window)
    before = raw[before_base:open_at]
    if blank(raw, item_start(line), open_at):
        # The quotation opens its line: its attribution may close the line above.
        prev = previous_line(lines, line)
        if prev is not None:
            before_base = max(item_start(prev), prev.end - window)
            before = raw[before_base : prev.end]
    return _Quotation(
        raw, lines, line, open_at, start, end, unclosed, at_doc_end, sentences, before_base, before
    )


class _Refused:
    """A step's answer that the quotation is no quote: no later rule is tried."""


_REFUSED = _Refused()
_Step = Callable[[_Quotation], "QuoteCandidate | _Refused | None"]


def _verb_before(q: _Quotation) -> QuoteCandidate | None:
    """A speech verb right before the opening mark: "He said, “…”", "ने कहा, “…”". A weak cue (no
    comma or colon, no "that") needs a quotation that reads as a sentence."""
    cue = _cue_before(q.before)
    if cue is None:
        return None
    (cs, ce), subject, strong = cue
    if not (strong or q.like):
        return None
    return q.candidate((q.before_base + cs, q.before_base + ce), subject, _VERB_BEFORE)


def _a_term(q: _Quotation) -> _Refused | None:
    """A few quoted words in a sentence that runs on after them: a term, unless "described as"."""
    if not q.unclosed and _term_in_running_text(q.raw, q.content, q.end) and not q.described:
        return _REFUSED
    return None


def _verb_after(q: _Quotation) -> QuoteCandidate | None:
    """A speech verb right after the closing mark, after a short subject or a designation:
    "“…,” Sai said", "“…,” said Tara Rao, Secretary", "“…,” it added" (an office speaks), or after
    a name and its appositive ("“…,” Rao, the finance minister, said")."""
    if q.unclosed:
        return None
    m = _EN_AFTER_RE.match(q.after) or _EN_AFTER_APPOSITIVE_RE.match(q.after)
    content = q.content
    if not m or not (
        len(_words(content)) >= rules.AFTER_MIN_QUOTE_WORDS or content[-1] in rules.CLAUSE_END_MARKS
    ):
        return None
    subj_words = (m.group("subj") or "").split()
    if not (
        len(subj_words) <= rules.SUBJECT_MAX_WORDS
        or (len(subj_words) <= rules.DESIGNATION_MAX_WORDS and _designation_phrase(subj_words))
    ):
        return None
    words = subj_words or m.group("post").split()[: rules.AFTER_VERB_SUBJECT_WORDS]
    cue_at = q.after_at + m.start("verb")
    verb = (cue_at, cue_at + len(m.group("verb")))
    # "“…,” it added": a body (an office issuing a release) speaks.
    subject = _BODY if [w.casefold() for w in subj_words] == ["it"] else english_subject(words)
    return q.candidate(verb, subject, _VERB_AFTER)


def _reads_after(q: _Quotation) -> QuoteCandidate | None:
    """A document that reads the quotation: "“…,” the statement read" (its office speaks), or
    "“…,” reads a post from Sai" (its author speaks)."""
    if q.unclosed:
        return None
    read = _EN_READ_AFTER_RE.match(q.after) or _EN_READS_FROM_RE.match(q.after)
    if not read or len(_words(q.content)) < rules.AFTER_MIN_QUOTE_WORDS:
        return None
    cue_at = q.after_at + read.start("verb")
    author = read.groupdict().get("subj")
    subject = english_subject(author.split()[: rules.SUBJECT_MAX_WORDS]) if author else _BODY
    return q.candidate((cue_at, cue_at + len(read.group("verb"))), subject or _BODY, _READS_AFTER)


def _described(q: _Quotation) -> QuoteCandidate | None:
    """A characterisation in the speaker's words: "he described the visit as “a turning point”",
    or an invitation: "she invited the firms to “come and build with us”"."""
    described = q.described
    if described is None or q.unclosed:
        return None
    vs, ve = q.before_base + described.start("verb"), q.before_base + described.end("verb")
    subject = subject_before(q.raw[q.before_base : vs])
    return q.candidate((vs, ve), subject, _DESCRIBED)


def _not_sentence_like(q: _Quotation) -> _Refused | None:
    """With no verb right by it, a quotation must read as a sentence: else it is a name
    ('Deep Space', “Strategic Partnership”)."""
    return None if q.like else _REFUSED


def _verb_earlier(q: _Quotation) -> QuoteCandidate | None:
    """A speech verb earlier in the paragraph: "CM Sai said that … “…”"."""
    earlier_base = max(q.line.start, q.open_at - rules.ATTRIBUTION_WINDOW)
    found = _last_verb(q.raw[earlier_base : q.open_at])
    if found is None:
        return None
    vs, ve = earlier_base + found[0], earlier_base + found[1]
    sentence = q.raw[max(q.sentences.start(q.line, vs), vs - rules.ATTRIBUTION_WINDOW) : vs]
    return q.candidate((vs, ve), subject_before(sentence), _VERB_EARLIER)


def _cue_line_above(q: _Quotation) -> QuoteCandidate | None:
    """A quotation opening its line below a line that ends in a speech verb and a colon, comma or
    dash, or in कि: "… wrote:⏎“…”", "पर लिखा –⏎“…”"."""
    prev = previous_line(q.lines, q.line)
    if prev is None or not q.opens_line():
        return None
    prev_base = max(prev.start, prev.end - rules.ATTRIBUTION_WINDOW)
    found = _last_verb(q.raw[prev_base : prev.end])
    ending = prev.text.rstrip()
    if found is None or not (ending[-1:] in rules.INTRODUCING_ENDINGS or ending.endswith(KI)):
        return None
    vs, ve = prev_base + found[0], prev_base + found[1]
    return q.candidate((vs, ve), subject_before(q.raw[prev_base:vs]), _CUE_LINE_ABOVE)


def _said_that_above(q: _Quotation) -> QuoteCandidate | None:
    """A long quotation opening its paragraph goes on from the paragraph above when that
    paragraph's last sentence reports the same speaker ("The minister said that …")."""
    if not q.opens_line() or len(_words(q.content)) < rules.LONG_QUOTE_WORDS:
        return None
    above = previous_line(q.lines, q.line, over_furniture=True)
    if above is None:
        return None
    last_start = q.sentences.start(above, max(above.start, above.end - 1))
    m = _EN_SAID_THAT_RE.search(q.raw, last_start, above.end)
    if m is None:
        return None
    before_verb = q.raw[last_start : m.start()]
    # "… and added that": the verb's subject opens the sentence, beyond this reading.
    subject = None if before_verb.rstrip().endswith(" and") else subject_before(before_verb)
    return q.candidate((m.start(), m.end("verb")), subject, _SAID_THAT_ABOVE)


def _cut_off(q: _Quotation) -> QuoteCandidate | None:
    """The document is cut off inside the quotation, before its attribution could follow: the
    statement continues the nearest preceding speaker's."""
    return q.candidate(None, None, _CUT_OFF) if q.at_doc_end else None


# The attribution steps, in the order they are tried: the first that attributes the quotation
# (a candidate) or refuses it decides.
_RULES: tuple[_Step, ...] = (
    _verb_before,
    _a_term,
    _verb_after,
    _reads_after,
    _described,
    _not_sentence_like,
    _verb_earlier,
    _cue_line_above,
    _said_that_above,
    _cut_off,
)


def attribute_direct(
    raw: str,
    lines: list[Line],
    line: Line,
    open_at: int,
    start: int,
    end: int,
    unclosed: bool,
    at_doc_end: bool,
    sentences: Sentences,
) -> QuoteCandidate | None:
    """The quote a quoted span is, with its cue and subject phrase, or None when no rule
    attributes it (or a step refuses it)."""
    q = _quotation(raw, lines, line, open_at, start, end, unclosed, at_doc_end, sentences)
    for rule in _RULES:
        found = rule(q)
        if isinstance(found, _Refused):
            return None
        if found is not None:
            return found
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
    m = SENTENCE_END_RE.search(raw, pos, stop)
    return raw[pos : m.start() if m else stop]


@pure
def _cue_before(before: str) -> tuple[tuple[int, int], tuple[str, str] | None, bool] | None:
    """A speech verb phrase ending right where the quotation opens."""
    m = _EN_CUE_END_RE.search(before)
    if m:
        subject = subject_before(before[: m.start()])
        strong = bool(m.group("punct")) or "that" in m.group("tail").casefold()
        return (m.start("verb"), m.end("verb")), subject, strong
    m = _HI_CUE_END_RE.search(before)
    if m:
        cue_text = before[m.start() :].rstrip(" ,:—–-")
        subject = subject_before(before[: m.start()])
        return (m.start(), m.start() + len(cue_text)), subject, True
    return None


def _last_verb(text: str) -> tuple[int, int] | None:
    last = None
    for m in _EN_VERB_RE.finditer(text):
        last = (m.start(), m.end())
    for m in re.finditer(rf"(?<![{rules.DEVANAGARI}])(?:{HI_VERB})(?![{rules.DEVANAGARI}])", text):
        if last is None or m.start() > last[0]:
            last = (m.start(), m.end())
    return last


@pure
def subject_before(text: str) -> tuple[str, str] | None:
    """The speaker phrase at the end of text (the words before a speech verb)."""
    # Hindi: the words before the last ने, or a pronoun subject.
    if rules.has_devanagari(text):
        hi_words = HI_WORD_RE.findall(PARENS_RE.sub(" ", text))
        if any(w in rules.HI_PRONOUNS for w in hi_words[-rules.SUBJECT_REACH_WORDS :]):
            return ("pronoun", "")
        if rules.HI_SUBJECT_MARKER in hi_words:
            at = len(hi_words) - 1 - hi_words[::-1].index(rules.HI_SUBJECT_MARKER)
            return hindi_subject(hi_words_before(hi_words[:at]))
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
    sentence = PARENS_RE.sub(" ", _EN_SENTENCE_SPLIT_RE.split(text)[-1])  # "(earlier Twitter)": an aside
    clauses = re.split(r"[,;:“”\"()]", sentence)
    for clause in reversed(clauses[-rules.SUBJECT_MAX_CLAUSES :]):
        words = clause.split()
        if all(w.casefold() in rules.EN_FILLERS for w in words) or (
            words and words[0].casefold() in rules.EN_RELATIVES
        ):
            continue
        return english_subject(words[-rules.SUBJECT_REACH_WORDS :])
    return None


def hi_words_before(words: list[str]) -> list[str]:
    """The Hindi subject phrase ending words: the last words back to a postposition or other name
    stop, at most rules.SUBJECT_MAX_WORDS of them."""
    subject: list[str] = []
    for w in reversed(words):
        if w in rules.HI_NAME_STOPS or len(subject) >= rules.SUBJECT_MAX_WORDS:
            break
        subject.insert(0, w)
    return subject
