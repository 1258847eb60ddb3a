"""Datelines: the place (and sometimes date and agency) that opens a body paragraph.

"Raipur:", "Tokyo [Japan], August 23 :", "Shimla (Himachal Pradesh) [India], January 9 (Diary
Times):", "NEW DELHI In a special gesture", "रायपुर।", "गोरखपुर 12 अगस्त (संवाददाता)",
"रायपुर, 5 अगस्त 2020/", "रायपुर/जापान". This module only recognises one at the start of a
text; `extract.dateline_choice` decides which line's dateline is the document's.
"""

from __future__ import annotations

import re

from .. import rules
from ..memo import pure
from .dates import DATE_RE

_EN_WORD = r"[A-Z][\w.'’&-]*"
_HI_WORD = rf"[{rules.DEVANAGARI_LETTERS}]+"
_DATE = DATE_RE.pattern
_AGENCY = (
    rf"\((?P<agency>[A-Za-z][A-Za-z .]{{1,{rules.DATELINE_AGENCY_MAX_CHARS - 1}}}"
    rf"|[^()\n]{{2,{rules.DATELINE_TAG_MAX_CHARS}}})\)"
)
_PAREN = rules.DATELINE_PAREN_MAX_CHARS
_MORE_WORDS = rules.DATELINE_PLACE_MAX_WORDS - 1  # words of a place after its first

# A place ends at ":", a dash, a danda, a full stop or a slash; never at "|", which ends a
# headline's prefix or a breadcrumb ("Chhattisgarh | ...", "खबरें |"), not a dateline.
EN_DATELINE_RE = re.compile(
    rf"(?P<place>{_EN_WORD}(?:[ \t]+{_EN_WORD}){{0,{_MORE_WORDS}}})"
    rf"(?:[ \t]*\((?P<paren>[^()\n]{{1,{_PAREN}}})\))?(?:[ \t]*\[[^\[\]\n]{{1,{_PAREN}}}\])?"
    rf"(?:[ \t]*(?P<comma>,)[ \t]*(?P<date>{_DATE})"
    rf"|[ \t]*,[ \t]*(?P<place2>{_EN_WORD}(?:[ \t]+{_EN_WORD}){{0,{_MORE_WORDS}}}))?"
    rf"[ \t]*(?:{_AGENCY})?"
    r"[ \t]*(?P<term>[:：]|[—–-](?=\s))?",
    re.IGNORECASE,
)
# Two places joined by a slash are one dateline, kept as printed: "सियोल/रायपुर, 28 अगस्त 2025।".
HI_DATELINE_RE = re.compile(
    rf"(?P<place>{_HI_WORD}(?:[ \t]+{_HI_WORD}){{0,{rules.HI_DATELINE_PLACE_MAX_WORDS - 1}}}"
    rf"(?:/{_HI_WORD}(?:[ \t]+{_HI_WORD})?)?)"
    rf"(?:[ \t]*\((?P<paren>[^()\n]{{1,{_PAREN}}})\))?"
    rf"(?:[ \t]*(?P<comma>,)?[ \t]*(?P<date>{_DATE})"
    rf"|[ \t]*,[ \t]*(?P<place2>{_HI_WORD}(?:[ \t]+{_HI_WORD}){{0,{_MORE_WORDS}}}))?"
    rf"[ \t]*(?:{_AGENCY})?"
    rf"[ \t]*(?P<term>[।:/]|\.(?=\s|$)|[—–-](?=\s)|(?<=[{rules.DIGITS}])(?=\s|$))?",
)
# An all-capitals place run into its first sentence with no punctuation: "NEW DELHI In a ...";
# the next word must be one that opens sentences, or "BRICS Summit ..." would be a dateline.
CAPS_DATELINE_RE = re.compile(
    rf"(?P<place>[A-Z]{{{rules.CAPS_PLACE_MIN_LETTERS},}}"
    rf"|[A-Z]{{3,}}(?:[ \t]+[A-Z]{{2,}}){{1,{_MORE_WORDS}}})"
    r"(?P<term>)(?=[ \t]+(?P<next>[A-Z][a-z]+)\b)"
)


def _ends_unpunctuated(m: re.Match[str]) -> bool:
    """A dateline that ends with no punctuation before its first sentence: after its date
    ("रायपुर, 4 मार्च 2025 मुख्यमंत्री ने ...", "Raipur, August 2, 2025 The ..."), or after a
    one-place Hindi dateline's tag in parentheses ("रायपुर (संवाददाता) मुख्यमंत्री ..."), but not
    a place in a sentence ("टोक्यो (जापान) में ...", "15 अगस्त को", "Korba, March 9, 2025 was ...")."""
    groups = m.groupdict()
    rest = m.string[m.end() :].split(maxsplit=1)
    if not rest or not rest[0][:1].isalpha():
        return False
    if rest[0].casefold() in rules.HI_NAME_STOPS:
        return False
    if m.re is EN_DATELINE_RE and not rest[0][0].isupper():
        return False  # an English body opens with a capital
    if groups.get("date"):
        return bool(groups.get("comma"))
    tag_words = len((groups.get("paren") or "").split())
    one_place = len(m.group("place").split()) == 1
    return m.re is HI_DATELINE_RE and one_place and 0 < tag_words <= rules.MAX_DATELINE_TAG_WORDS


@pure
def dateline_match(text: str) -> re.Match[str] | None:
    """The dateline that opens text, or None."""
    for regex in (EN_DATELINE_RE, HI_DATELINE_RE, CAPS_DATELINE_RE):
        m = regex.match(text)
        if m is None or m.group("place").casefold() in rules.WEEKDAYS:
            continue  # a date line's weekday ("गुरुवार, 4 मार्च 2025", "Friday, March 7, 2025") is no place
        if m.group("term") is None and not m.groupdict().get("agency") and not _ends_unpunctuated(m):
            continue
        place_words = m.group("place").split()
        if regex is CAPS_DATELINE_RE:
            if any(w.casefold() in rules.NOT_PLACES for w in place_words):
                continue
            if m.group("next").casefold() not in rules.SENTENCE_STARTERS:
                continue
        elif regex is EN_DATELINE_RE:
            if any(w.casefold().strip(".") in rules.NOT_PLACES for w in place_words):
                continue
            if not all(w[0].isupper() for w in place_words):
                continue
            if m.group("term") in ("-", "–", "—") and not (m.group("date") or m.group("agency")):
                continue
        elif any(
            w in rules.HI_NAME_STOPS or w in rules.HI_TITLES or w in rules.NOT_PLACES for w in place_words
        ):
            if not any(d in m.group("place").casefold() for d in rules.DESK_WORDS):
                continue
        return m
    return None
