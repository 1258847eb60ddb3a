"""Subject phrases: who the words before (or after) a speech verb name, as ('pronoun' | 'role' |
'name' | 'other', value).

English: the first name, role or pronoun of the phrase ("Chief Minister Vishnu Deo Sai" ->
a name, "the CM" -> a role, "he" -> a pronoun); a designation goes as a whole ("Minister of
Industries Rajyavardhan Rathore", "Arunachal Pradesh chief minister Pema Khandu"), a place after
a preposition is never the speaker. Hindi: the words before ने, a title alone giving a role.
Also what `extract.name_index` reads names with: the Hindi title tokens and the role each
names, possessive endings, a word that ends a sentence. Which person a subject stands for is
`extract.speakers`' decision.
"""

from __future__ import annotations

import itertools

from .. import rules
from ..memo import pure_words

# Tokens that open a Hindi name: the titles, and the Latin role abbreviations (CM, PM) in any case.
HI_TITLE_TOKENS = frozenset(rules.HI_TITLES) | {
    "".join(cased)
    for abbreviation in rules.HI_ROLE_OF
    if abbreviation.isascii()
    for cased in itertools.product(*({c.lower(), c.upper()} for c in abbreviation))
}


def strip_possessive(word: str) -> str:
    for suffix in rules.EN_POSSESSIVE_SUFFIXES:
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def hi_role(word: str) -> str:
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
    ends = [w.rstrip("”\"'’)").endswith((",", ";", ":")) or ends_sentence_word(w) for w in given]
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
            and not (pairs[i][1] and ends_sentence_word(w))
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
            run = [strip_possessive(x) for x in run]
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


def ends_sentence_word(word: str) -> bool:
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
    if words[-1] in HI_TITLE_TOKENS:
        return ("role", hi_role(words[-1]))
    rest = [w for w in after_designation(words) if not _is_title(w)]
    if rest:
        return ("name", " ".join(rest))
    return None
