"""The people (and offices) named in a document: the name index the speakers are chosen from.

The index is built once per document: every person name (a run of capitalised words, or
Devanagari words after a title such as मुख्यमंत्री) with where it stands, and which role
introduces which name ("Chief Minister Vishnu Deo Sai", "राष्ट्रपति मून जे इन"). It answers
what `extract.speakers.resolve` asks: a name's fullest form ("Sai" -> "Vishnu Deo Sai"), the
person a role is given to, the nearest person named before an offset, the office named before
it, the person named most.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from .. import rules
from ..memo import pure, pure_words
from .subjects import HI_TITLE_TOKENS, ends_sentence_word, hi_role, strip_possessive

# Possessive (*+, ++): a word never gives back letters for a space or the end test to match,
# so a lone capitalised word fails at once instead of letter by letter (the same matches).
_EN_WORD_RE = re.compile(r"(?<![\w’'.-])[A-Z][\w]*+(?![\w’-])")
_EN_RUN_RE = re.compile(r"[A-Z][\w’'.-]*+(?:[ \t]++[A-Z][\w’'.-]*+)++")
_TOKEN_RE = re.compile(r"\S+")
_TRIMMED = frozenset("’'.,s")  # last characters of a word that _read_english_run may strip
_HI_WORD_RE = re.compile(rf"[{rules.DEVANAGARI_LETTERS}]+|[A-Za-z]+|[,।.()]")
_HI_WORD_SPLIT_RE = re.compile(f"({_HI_WORD_RE.pattern})")
# Offices that speak through releases and statements.
_BODY_RE = re.compile(rf"\b(?P<body>{'|'.join(rules.EN_SPEAKING_BODIES)})\b")
# A run of Devanagari letters (a Hindi word; the quote finder counts them too); two runs with
# only space between (the second read ahead, so that it is the first of the next pair).
HI_LETTERS_RE = re.compile(rf"[{rules.DEVANAGARI_LETTERS}]+")
_HI_WORD_PAIR_RE = re.compile(
    rf"(?<![{rules.DEVANAGARI_LETTERS}])(?P<word>[{rules.DEVANAGARI_LETTERS}]+)\s+"
    rf"(?=(?P<next>[{rules.DEVANAGARI_LETTERS}]+))"
)


def _widens(word: str) -> bool:
    """Whether a word printed before a subject is part of it (not a stop word, title or pronoun)."""
    return word not in rules.HI_NAME_STOPS and word not in rules.HI_TITLES and word not in rules.HI_PRONOUNS


def _word_before(phrase: str, raw: str) -> str | None:
    """The word widened() prints before phrase, searched in raw: the first one printed before
    it (only space between) that widens it."""
    letters = rules.DEVANAGARI_LETTERS
    for m in re.finditer(rf"(?<![{letters}])([{letters}]+)\s+{re.escape(phrase)}(?![{letters}])", raw):
        if _widens(m.group(1)):
            return m.group(1)
    return None


class NameIndex:
    """Person names of one document, with their positions and the roles that introduce them."""

    def __init__(self, raw: str, language: str = "en", skip: tuple[int, int] | None = None):
        """Index raw's names; `skip` is a span (the headline) whose telegraphic words are not read."""
        if skip is not None:
            raw = raw[: skip[0]] + " " * (skip[1] - skip[0]) + raw[skip[1] :]
        self.devanagari = language == "hi"
        self.mentions: list[tuple[int, str]] = []  # (offset, name), in text order
        self._roles: dict[str, Counter[str]] = {}  # role -> names it introduces, counted
        self._count: Counter[str] = Counter()
        self._titled: set[str] = set()  # names introduced by a title: people, not things
        self._subjects: set[int] = set()  # offsets of Hindi titled names that are a clause's subject (ने)
        self._raw = raw
        self._singles_read = False
        # Read from raw on first use, once per document (see widened() and body_before()).
        self._widening: dict[str, str] | None = None
        self._phrase_words: dict[str, str | None] = {}
        self._body_forms: dict[str, str] = {}
        self._scan_english(raw)
        self._scan_hindi(raw)
        self.mentions.sort()
        self._offsets = [o for o, _ in self.mentions]
        # The fullest name per last word (the first such mention in text order), and the last
        # words of titled names: every lookup is then a dictionary access.
        self._best: dict[str, str] = {}
        for _, name in self.mentions:
            last = name.split()[-1]
            if last not in self._best or len(name.split()) > len(self._best[last].split()):
                self._best[last] = name
        self._titled_lasts = {name.split()[-1] for name in self._titled}
        # A short form that drops the last word ("Asha Rani" for "Asha Rani Verma"): the
        # titled name its words begin, where one such name alone is printed often enough.
        self._by_start: dict[tuple[str, ...], str | None] = {}
        for name in self._titled:
            words = tuple(name.split())
            if len(words) < 2 or self._count[name] < rules.SHORT_FORM_FULL_NAME_MIN_MENTIONS:
                continue
            key = words[:-1]
            self._by_start[key] = name if key not in self._by_start else None

    # -- building ------------------------------------------------------------------------

    def _add(self, offset: int, words: Sequence[str], role: str | None) -> None:
        if not words:
            return
        name = " ".join(words[: rules.NAME_MAX_WORDS])
        self.mentions.append((offset, name))
        self._count[name] += 1
        if role is not None:  # "" for a title that names no role ("Transport Minister")
            self._titled.add(name)
        if role:
            self._roles.setdefault(role, Counter())[name] += 1

    def _scan_english(self, raw: str) -> None:
        # Runs of two or more capitalised words are read as names; a lone capitalised word
        # counts only where it is the last word of such a name ("... Sai said").
        for m in _EN_RUN_RE.finditer(raw):
            run = m.group()
            if "." not in run:  # no full stop, so no sentence end inside: one part
                found = _english_name_in(run)
                if found is not None:
                    self._add(m.start(), *found)
                continue
            # A run may cross a sentence end ("near Pune. Tara Rao"): each part on its own.
            part: list[str] = []
            part_start = m.start()
            for word in _TOKEN_RE.finditer(raw, m.start(), m.end()):
                text = word.group()
                if not part:
                    part_start = word.start()
                part.append(text)
                # A run's words hold no ! ? or closing marks: only a full stop can end one.
                if "." in text and ends_sentence_word(text):
                    self._read_english_run(part_start, part)
                    part = []
            if part:
                self._read_english_run(part_start, part)

    def _read_singles(self) -> None:
        """Lone mentions of a known name's last word ("... Sai said"), read on first need."""
        if self._singles_read:
            return
        self._singles_read = True
        lasts = {name.split()[-1] for _, name in self.mentions if name.isascii()}
        lasts = {w for w in lasts if w[:1].isupper()}
        if not lasts:
            return
        taken = {offset for offset, _ in self.mentions}
        for m in _EN_WORD_RE.finditer(self._raw):
            if m.group(0) in lasts and m.start() not in taken:
                self._add(m.start(), [m.group(0)], None)
        self.mentions.sort()
        self._offsets = [o for o, _ in self.mentions]

    def _read_english_run(self, offset: int, raw_words: list[str]) -> None:
        found = _english_name(tuple(raw_words))
        if found is not None:
            self._add(offset, *found)

    def _scan_hindi(self, raw: str) -> None:
        if not rules.has_devanagari(raw):
            return
        # [gap, word, gap, word, ..., gap]: the words, and where each starts, from one C pass
        # (no match object per word).
        parts = _HI_WORD_SPLIT_RE.split(raw)
        words = parts[1::2]
        start = _WordStarts(parts)
        where: dict[str, list[int]] = {}  # word -> its token positions, each found on first need
        i = 0
        for hit in [n for n, w in enumerate(words) if w in HI_TITLE_TOKENS]:
            if hit < i:
                continue  # inside the name just read
            i = hit
            role = words[i]
            j = i + 1
            while j < len(words) and (words[j] in rules.HI_TITLES or words[j] in rules.HI_TITLE_BRIDGES):
                j += 1
            k = j
            name: list[str] = []
            while k < len(words) and len(name) < rules.HI_NAME_MAX_WORDS:
                w = words[k]
                if w in rules.HI_NAME_STOPS or w in rules.HI_TITLES or not (rules.is_devanagari(w[0])):
                    break
                if w in rules.HI_NAME_ENDING_VERBS:
                    break  # "सीएम X बोले": the verb is not the name
                if name:
                    at = where.get(w)
                    if at is None:
                        at = where[w] = [n for n, x in enumerate(words) if x == w]
                    if not _continues_name(words, at, k, name[-1]):
                        break
                name.append(w)
                k += 1
            if name:
                self._add(start(j), name, hi_role(role))
                if k < len(words) and words[k] == rules.HI_SUBJECT_MARKER:
                    self._subjects.add(start(j))
            i = max(k, i + 1)

    # -- lookups -------------------------------------------------------------------------

    def full(self, name: str) -> str:
        """The fullest form of a name in the document, matched on its last word, or else on
        its first words where they begin one titled name only."""
        words = name.split()
        best = self._best.get(words[-1])
        if best is not None and len(best.split()) > len(words):
            return best
        return self._by_start.get(tuple(words)) or name

    def widened(self, phrase: str) -> str:
        """A Hindi subject the index does not know ("अधिकारियों"), in its fullest printed form:
        with the word printed before it where the document first names it so ("जिला
        अधिकारियों"), when that word is not a postposition, title or verb."""
        if HI_LETTERS_RE.fullmatch(phrase):
            word = self._words_before().get(phrase)
        else:  # not one run of letters ("योजना-2"): read from raw, once per phrase
            if phrase not in self._phrase_words:
                self._phrase_words[phrase] = _word_before(phrase, self._raw)
            word = self._phrase_words[phrase]
        return f"{word} {phrase}" if word else phrase

    def _words_before(self) -> dict[str, str]:
        """Each Devanagari word -> the word widened() prints before it, read in one pass over
        raw the first time a subject is widened: the pairs of words with only space between,
        in text order, a pair skipped when its first word is the previous pair's second (a
        search for one word's pairs resumes after the last it read), the first pair whose
        first word is not a stop kept."""
        if self._widening is None:
            self._widening = {}
            read_to: dict[str, int] = {}
            for m in _HI_WORD_PAIR_RE.finditer(self._raw):
                word, phrase = m.group("word", "next")
                if phrase in self._widening or m.start("word") < read_to.get(phrase, 0):
                    continue
                read_to[phrase] = m.end("next")
                if _widens(word):
                    self._widening[phrase] = word
        return self._widening

    def known(self, name: str) -> bool:
        return name.split()[-1] in self._best or bool(self._by_start.get(tuple(name.split())))

    def _person(self, name: str) -> str | None:
        """The full form of a mention when it names a titled person in the document's script."""
        full = self.full(name)
        if len(full.split()) < rules.PERSON_MIN_WORDS or rules.has_devanagari(full) != self.devanagari:
            return None
        if full.split()[-1] not in self._titled_lasts:
            return None
        return full

    def role(self, role: str) -> str | None:
        names = self._roles.get(role)
        if not names:
            return None
        ranked = sorted(
            names.items(), key=lambda kv: (-kv[1], rules.has_devanagari(kv[0]) != self.devanagari)
        )
        return self.full(ranked[0][0])

    def nearest_before(self, offset: int) -> str | None:
        """The nearest person named before offset."""
        self._read_singles()
        i = bisect.bisect_left(self._offsets, offset)
        for _, name in reversed(self.mentions[:i]):
            person = self._person(name)
            if person:
                return person
        return None

    def antecedent(self, offset: int) -> str | None:
        """Whom a pronoun at offset stands for: the nearest subject of a clause (a Hindi name
        before ने) within the last few sentences, else the nearest person named. In "मुख्यमंत्री
        धामी ने पीएम मोदी का स्वागत किया। उन्होंने कहा कि", उन्होंने is धामी, not मोदी."""
        self._read_singles()
        i = bisect.bisect_left(self._offsets, offset)
        for at, name in reversed(self.mentions[:i]):
            if offset - at > rules.ANTECEDENT_REACH:
                break
            if at in self._subjects:
                person = self._person(name)
                if person:
                    return person
        return self.nearest_before(offset)

    def first_between(self, start: int, end: int) -> str | None:
        """The first person named in raw[start:end] (a paragraph's subject before a pronoun)."""
        self._read_singles()
        i = bisect.bisect_left(self._offsets, start)
        for at, name in self.mentions[i:]:
            if at >= end:
                break
            person = self._person(name)
            if person:
                return person
        return None

    def body_before(self, offset: int) -> str | None:
        """The office named nearest before offset ("the CMO said in a note"), in its fullest
        form in the document ("Chhattisgarh CMO")."""
        start = max(0, offset - rules.SPEAKING_BODY_REACH)
        found = None
        for m in _BODY_RE.finditer(self._raw, start, offset):
            found = m.group("body")
        if found is None:
            return None
        if found not in self._body_forms:  # read from raw once per office and document
            forms = [
                m.group(0).split()
                for m in re.finditer(
                    rf"(?:[A-Z][\w-]*\s+){{0,{rules.SPEAKING_BODY_PREFIX_WORDS}}}{re.escape(found)}\b",
                    self._raw,
                )
            ]
            forms = [[w for w in form if w.casefold() not in rules.EN_FUNCTION_WORDS] for form in forms]
            self._body_forms[found] = " ".join(max(forms, key=len))
        return self._body_forms[found]

    def most_named(self) -> str | None:
        self._read_singles()
        for name, _ in self._count.most_common():
            person = self._person(name)
            if person:
                return person
        return None


class _WordStarts:
    """Word index -> where the word starts, for the parts of a capturing split ([gap, word,
    gap, word, ..., gap]); asked in increasing order, each part's length is added once."""

    def __init__(self, parts: list[str]):
        self.parts = parts
        self.known = (0, len(parts[0]))  # (a word's index, where it starts)

    def __call__(self, j: int) -> int:
        k, at = self.known if j >= self.known[0] else (0, len(self.parts[0]))
        at += sum(map(len, self.parts[2 * k + 1 : 2 * j + 1]))
        self.known = (j, at)
        return at


def _continues_name(words: list[str], positions: list[int], k: int, previous: str) -> bool:
    """Whether the word at k (standing at `positions` in all) still belongs to the name: a word
    that stands elsewhere in the text only outside names ("विष्णुदेव साय जापान और ...": जापान)
    ends it."""
    elsewhere = [i for i in positions if i != k]
    if not elsewhere:
        return True
    for i in elsewhere:
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if before == previous or before in rules.HI_TITLES or after in rules.HI_AFTER_NAME:
            return True
    return False


@pure
def _english_name_in(run: str) -> tuple[tuple[str, ...], str | None] | None:
    """_english_name of a run's words (a run is read this way when it holds no full stop)."""
    return _english_name(tuple(run.split()))


@pure_words
def _english_name(raw_words: tuple[str, ...]) -> tuple[tuple[str, ...], str | None] | None:
    """The name in a run of capitalised words, and the role its title gives, or None."""
    words = [strip_possessive(w).rstrip(".,") if w[-1] in _TRIMMED else w for w in raw_words]
    role = None
    # Split at the last title word: "Chhattisgarh Chief Minister Vishnu Deo Sai".
    cut = 0
    for i, w in enumerate(words):
        if w.casefold() in rules.EN_TITLES:
            cut = i + 1
    if cut:
        title = " ".join(words[:cut]).casefold()
        role = next((r for key, r in rules.EN_ROLES.items() if title.endswith(key)), "")
        words = words[cut:]
    words = [w for w in words if w]
    while len(words) > 1 and words[-1].casefold() in rules.EN_CALENDAR_WORDS:
        words = words[:-1]  # "Chief Minister Tara Rao Tuesday held …": the day is not the name
    if (
        not words
        or words[0].casefold() in rules.EN_FUNCTION_WORDS
        or words[-1].casefold() in rules.EN_CALENDAR_WORDS
    ):
        return None
    if len(words) == 1 and not role and words[0].isupper():
        return None  # an acronym (ATCA, JETRO) is not a person
    return tuple(words), role
