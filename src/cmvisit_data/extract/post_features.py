"""Features of the lines above an embedded post's last line, for the fitted scorer's
`post_line` role (feature names in `header.features.POST_LINE_FEATURES`): is a line still the
post's text, or the article's paragraph before it? And `article_quote`, which `posts` uses to
keep the article's own quoting sentence out of a post.

The hashtag, mention and link patterns here only detect a post's marks; `posts` has its own,
which capture the entities a post record lists (and differ: a "t.co/" link is a mark here).
"""

from __future__ import annotations

import re

from .. import rules
from ..header.text import tokens
from ..patterns import led_by_first_chars
from ..segment import ends_sentence

_HASHTAG_RE = re.compile(r"(?<![\w#&])#\w")
_MENTION_RE = re.compile(r"(?<![\w@])@\w")
_LINK_RE = re.compile(r"https?://|pic\.twitter\.com/|\bt\.co/|www\.")
_EN_SPEECH_RE = re.compile(
    r"\b" + led_by_first_chars("|".join(sorted(rules.EN_SPEECH_VERBS)), rules.EN_SPEECH_VERBS) + r"\b",
    re.IGNORECASE,
)
_FIRST_PERSON = rules.EN_FIRST_PERSON | rules.HI_FIRST_PERSON
_THIRD_PERSON = rules.EN_THIRD_PERSON | rules.HI_THIRD_PERSON


def _speaks(text: str) -> bool:
    """Whether the text holds a speech verb (English, as a word) or a Hindi speech word."""
    return bool(_EN_SPEECH_RE.search(text)) or any(v in text for v in rules.HI_SPEECH_WORDS)


def _has_quote_mark(text: str) -> bool:
    return any(q in text for q in rules.FEATURE_QUOTE_MARKS)


def article_quote(text: str) -> bool:
    """Does the text quote someone as the article does (a speech cue and a quotation mark) with
    none of a post's marks (hashtag, mention, link)? Such a line or sentence is the article's
    own, introducing the post below it, not the post's text."""
    if _HASHTAG_RE.search(text) or _MENTION_RE.search(text) or _LINK_RE.search(text):
        return False
    return _has_quote_mark(text) and _speaks(text)


def post_line_values(text: str, distance: int, author: str, below: list[str]) -> dict[str, float]:
    """Features of a line `distance` lines above a post's attribution (the line next to the
    attribution is distance 1 and always the post's); `below` holds the lines between."""
    words = [w.strip(rules.WORD_EDGE_PUNCTUATION).casefold() for w in text.split()]
    author_words = {w.casefold() for w in author.split() if len(w) >= rules.POST_AUTHOR_WORD_MIN_CHARS}
    own = set(tokens(text))
    repeats = False
    for other in below:
        theirs = set(tokens(other))
        if own and theirs and len(own & theirs) / min(len(own), len(theirs)) >= rules.POST_REPEAT_SHARE:
            repeats = True
            break
    stripped = text.rstrip()
    return {
        "distance2": float(distance == 2),
        "distance_far": float(distance > 2),
        "hashtag": float(bool(_HASHTAG_RE.search(text))),
        "mention": float(bool(_MENTION_RE.search(text))),
        "link": float(bool(_LINK_RE.search(text))),
        "speech": float(_speaks(text)),
        "quote_mark": float(_has_quote_mark(text)),
        "ends_colon": float(stripped.endswith(":")),
        "very_long": float(len(stripped) > rules.POST_MAX_CHARS),
        "short": float(len(words) <= rules.POST_SHORT_WORDS),
        "ends_sentence": float(ends_sentence(stripped)),
        "author_named": float(bool(author_words & set(words))),
        "first_person": float(any(w in _FIRST_PERSON for w in words)),
        "repeats_below": float(repeats),
        "third_person": float(any(w in _THIRD_PERSON for w in words)),
    }
