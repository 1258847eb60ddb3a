"""People named in a document, and turning a quote's subject into a speaker's fullest name.

The index is built once per document: every person name (a run of capitalised words, or
Devanagari words after a title such as मुख्यमंत्री) with where it stands, and which role
introduces which name ("Chief Minister Vishnu Deo Sai", "राष्ट्रपति मून जे इन"). `resolve`
then maps a subject phrase to a speaker: a name to its fullest form in the document ("Sai"
-> "Vishnu Deo Sai"), a role to the person the text gives that role ("the CM"), a pronoun
to the nearest preceding named speaker.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence

from .. import rules
from ..memo import pure, pure_words

# Possessive (*+, ++): a word never gives back letters for a space or the end test to match,
# so a lone capitalised word fails at once instead of letter by letter (the same matches).
_EN_WORD_RE = re.compile(r"(?<![\w’'.-])[A-Z][\w]*+(?![\w’-])")
_EN_RUN_RE = re.compile(r"[A-Z][\w’'.-]*+(?:[ \t]++[A-Z][\w’'.-]*+)++")
_TOKEN_RE = re.compile(r"\S+")
_TRIMMED = frozenset("’'.,s")  # last characters of a word that _read_english_run may strip
_HI_WORD_RE = re.compile(rf"[{rules.DEVANAGARI_LETTERS}]+|[A-Za-z]+|[,।.()]")
_HI_WORD_SPLIT_RE = re.compile(f"({_HI_WORD_RE.pattern})")
# Tokens that open a Hindi name: the titles, and the Latin role abbreviations (CM, PM) in any case.
_HI_TITLE_TOKENS = frozenset(rules.HI_TITLES) | {
    "".join(cased)
    for abbreviation in rules.HI_ROLE_OF
    if abbreviation.isascii()
    for cased in itertools.product(*({c.lower(), c.upper()} for c in abbreviation))
}
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


def _strip_possessive(word: str) -> str:
    for suffix in rules.EN_POSSESSIVE_SUFFIXES:
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


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
                if "." in text and _ends_sentence_word(text):
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
        for hit in [n for n, w in enumerate(words) if w in _HI_TITLE_TOKENS]:
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
                self._add(start(j), name, _hi_role(role))
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
    words = [_strip_possessive(w).rstrip(".,") if w[-1] in _TRIMMED else w for w in raw_words]
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


def _hi_role(word: str) -> str:
    """The role a Hindi title token names: the Hindi title an abbreviation stands for (CM and PM
    in any case), else the title itself."""
    key = word.casefold() if word.isascii() else word
    return rules.HI_ROLE_OF.get(key, key)


def english_subject(words: list[str]) -> tuple[str, str] | None:
    """('pronoun'|'role'|'name', value) for the words naming a speaker, or None."""
    return _english_subject(tuple(words))


@pure_words
def _english_subject(given: tuple[str, ...]) -> tuple[str, str] | None:
    # A name ends at a comma or a full stop ("said Tara Rao, Secretary"; "near Pune. Tara Rao").
    ends = [w.rstrip("”\"'’)").endswith((",", ";", ":")) or _ends_sentence_word(w) for w in given]
    pairs = [(w.strip(",;:“”\"'‘’()"), end) for w, end in zip(given, ends, strict=True)]
    pairs = [(w, end) for w, end in pairs if w]
    words = [w for w, _ in pairs]
    skip_to = 0  # words before this index are read: a place ("at Ghanta Ghar") is never the speaker
    for i, w in enumerate(words):
        low = w.casefold()
        if low in rules.EN_PRONOUNS and low not in rules.EN_NOT_SPEAKER_PRONOUNS:
            return ("pronoun", low)
        if i < skip_to:
            continue
        if low in rules.EN_PLACE_PREPOSITIONS:
            # "at Ghanta Ghar in Korba on Monday the Chhattisgarh Chief Minister said"
            skip_to = i + 1
            while skip_to < len(words) and words[skip_to][:1].isupper() and not _is_title(words[skip_to]):
                skip_to += 1
                if pairs[skip_to - 1][1]:
                    break
            continue
        if (
            w[0].isupper()
            and low not in rules.EN_FUNCTION_WORDS
            and not (pairs[i][1] and _ends_sentence_word(w))
        ):
            run = [w]
            stop = pairs[i][1]
            rest_pairs = pairs[i + 1 :]
            for n, (nxt, end) in enumerate(rest_pairs):
                joins = nxt[0].isupper() or _continues_designation(run[-1], nxt, rest_pairs[n + 1 :])
                if stop or not joins:
                    break
                run.append(nxt)
                stop = end
            run = [x for x in run if x.casefold() not in rules.EN_TITLE_LINKS]
            run = [_strip_possessive(x) for x in run]
            if run[-1].endswith(".") and len(run[-1]) > rules.INITIAL_MAX_CHARS:
                run[-1] = run[-1].rstrip(".")  # the sentence's full stop, not an initial
            titles = [x for x in run if x.casefold() in rules.EN_TITLES]
            rest = [x for x in after_designation(run) if x.casefold() not in rules.EN_CALENDAR_WORDS]
            if rest and _is_title(run[-1]) and _en_role(titles):
                return ("role", _en_role(titles))  # "the Chhattisgarh Chief Minister": a state's, not a name
            if rest:
                return ("name", " ".join(rest))
            if titles and _en_role(titles):
                return ("role", _en_role(titles))
        if low in ("chief", "prime") or low in rules.EN_ROLES:
            joined = " ".join(words[i : i + 2]).casefold()
            for key, role in rules.EN_ROLES.items():
                if joined.startswith(key):
                    return ("role", role)
    return None


def _en_role(titles: list[str]) -> str | None:
    """The role a run of title words names ("Chief Minister" -> "chief minister"), if any."""
    title = " ".join(titles).casefold()
    return next((r for key, r in rules.EN_ROLES.items() if title.endswith(key)), None)


def _continues_designation(previous: str, word: str, following: list[tuple[str, bool]]) -> bool:
    """Whether a lower-case word still belongs to a capitalised speaker phrase: a title written
    in lower case ("Arunachal Pradesh chief minister Pema Khandu"), or "of"/"for" between a title
    and its capitalised portfolio ("Minister of Industries Rajyavardhan Rathore") or inside the
    body whose title a name carries ("Utkal Chambers of Commerce President Brahma Mishra")."""
    low = word.casefold()
    if low in rules.EN_LOWERCASE_TITLES:
        return True
    if low not in rules.EN_TITLE_LINKS or not following or not following[0][0][:1].isupper():
        return False
    if previous.casefold() in rules.EN_TITLES:
        return True
    capitalised = []
    for nxt, end in following:
        if not nxt[:1].isupper():
            break
        capitalised.append(nxt)
        if end:
            break
    return any(w.casefold() in rules.EN_TITLES for w in capitalised[:-1])


def after_designation(words: list[str]) -> list[str]:
    """The name in "Agriculture Minister Ramvichar Netam" / "स्वास्थ्य मंत्री श्याम बिहारी जायसवाल":
    the words after the last title word, so that a designation ("Agriculture Minister",
    "Chief Minister") goes as a whole phrase and the name stays whole. Words with no title
    among them are returned as they are."""
    last = max((i for i, w in enumerate(words) if _is_title(w)), default=-1)
    rest = words[last + 1 :]
    return rest if rest else [w for w in words if not _is_title(w)]


def _is_title(word: str) -> bool:
    return word.casefold() in rules.EN_TITLES or word in rules.HI_TITLES  # EN_TITLES holds cm and pm


def _ends_sentence_word(word: str) -> bool:
    """A word closing a sentence ("Guwahati."), not an initial or title ("Mr.", "J."). Unlike
    segment.ends_sentence (a line's end) it reads one Latin word of a name run: no danda, an
    ellipsis counts, and a short word's stop is an abbreviation's (rules.ABBREVIATION_MAX_LETTERS)."""
    word = word.rstrip("”\"'’)")
    return word.endswith((".", "!", "?")) and len(word.rstrip(".")) > rules.ABBREVIATION_MAX_LETTERS


def hindi_subject(words: list[str]) -> tuple[str, str] | None:
    """The subject before ने (words in order), as ('pronoun'|'role'|'name'|'other', value)."""
    if any(w in rules.HI_PRONOUNS for w in words):
        return ("pronoun", "")
    if not words:
        return None
    if words[-1] in _HI_TITLE_TOKENS:
        return ("role", _hi_role(words[-1]))
    rest = [w for w in after_designation(words) if not _is_title(w)]
    if rest:
        return ("name", " ".join(rest))
    return None


def resolve(
    subject: tuple[str, str] | None,
    names: NameIndex,
    offset: int,
    last: str | None,
    paragraph: tuple[int, int] | None = None,
) -> tuple[str | None, str]:
    """A speaker for a subject found at offset, and the step that chose it (as --explain names
    it); `last` is the previous quote's speaker; `paragraph` the span from its paragraph's start
    to the quote and its cue."""
    if subject is None:
        return _first_of(
            (last, "no subject: the previous quote's speaker"),
            (names.most_named, "no subject: the person the document names most"),
            (lambda: names.nearest_before(offset), "no subject: the nearest person named before"),
        )
    kind, value = subject
    if kind == "pronoun":
        # The person the paragraph names first, before the previous quote's speaker ("Minister
        # X congratulated Y. He wrote, “…”").
        return _first_of(
            (
                lambda: names.first_between(*paragraph) if paragraph else None,
                "pronoun: the paragraph's first person",
            ),
            (last, "pronoun: the previous quote's speaker"),
            (lambda: names.antecedent(offset), "pronoun: the nearest subject or person before"),
            (names.most_named, "pronoun: the person the document names most"),
        )
    if kind == "body":
        return _first_of(
            (lambda: names.body_before(offset), "office: the office named before, in its fullest form"),
            (last, "office: the previous quote's speaker"),
            (names.most_named, "office: the person the document names most"),
        )
    if kind == "role":
        return _first_of(
            (lambda: names.role(value), "role: the person the document gives this role"),
            (last, "role: the previous quote's speaker"),
            (names.most_named, "role: the person the document names most"),
        )
    if names.known(value):
        return names.full(value), "name: its fullest form in the document"
    if kind == "named":
        return value, "name printed next to its cue"  # not a person the index knows
    if rules.has_devanagari(value) and len(value.split()) == 1:
        # "अधिकारियों ने कहा": the subject printed wins over a nearby name
        return names.widened(value), "Hindi subject, with the word printed before it"
    if all(w[:1].isupper() for w in value.split()):
        return value, "a name the index did not catch, as printed"  # "Biden" named once, alone
    found = _first_of(
        (lambda: names.nearest_before(offset), "subject not a name: the nearest person named before"),
        (last, "subject not a name: the previous quote's speaker"),
    )
    return found if found[0] else (value, "subject not a name, as printed")


def _first_of(*steps: tuple[str | Callable[[], str | None] | None, str]) -> tuple[str | None, str]:
    """The first step that gives a speaker, and its name; each lookup runs only when the steps
    before it gave none."""
    for found, why in steps:
        speaker = found() if callable(found) else found
        if speaker:
            return speaker, why
    return None, "no speaker found"
