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
from .header_features import _HI_SPEECH, _QUOTES

_HASHTAG_RE = re.compile(r"(?<![\w#&])#\w")
_MENTION_RE = re.compile(r"(?<![\w@])@\w")
_LINK_RE = re.compile(r"https?://|pic\.twitter\.com/|\bt\.co/|www\.")
_EN_SPEECH_RE = re.compile(
    r"\b" + led_by_first_chars("|".join(sorted(rules.EN_SPEECH_VERBS)), rules.EN_SPEECH_VERBS) + r"\b",
    re.IGNORECASE,
)
_FIRST_PERSON = frozenset("i i'm i’m my me we our us मैं मेरा मेरी मेरे मुझे हम हमारा हमारी हमारे हमें".split())
_THIRD_PERSON = frozenset("he she his her him they their उन्होंने उनके उनकी उनका".split())
# A post is rarely longer than this many characters; an article paragraph often is.
POST_CHARS = rules.POST_MAX_CHARS


def article_quote(text: str) -> bool:
    """Does the text quote someone as the article does (a speech cue and a quotation mark) with
    none of a post's marks (hashtag, mention, link)? Such a line or sentence is the article's
    own, introducing the post below it, not the post's text."""
    if _HASHTAG_RE.search(text) or _MENTION_RE.search(text) or _LINK_RE.search(text):
        return False
    if not any(q in text for q in _QUOTES):
        return False
    return bool(_EN_SPEECH_RE.search(text)) or any(v in text for v in _HI_SPEECH)


def post_line_values(text: str, distance: int, author: str, below: list[str]) -> dict[str, float]:
    """Features of a line `distance` lines above a post's attribution (the line next to the
    attribution is distance 1 and always the post's); `below` holds the lines between."""
    words = [w.strip(".,!?:;“”\"'‘’()").casefold() for w in text.split()]
    author_words = {w.casefold() for w in author.split() if len(w) > 2}
    own = set(tokens(text))
    repeats = False
    for other in below:
        theirs = set(tokens(other))
        if own and theirs and len(own & theirs) / min(len(own), len(theirs)) >= 0.6:
            repeats = True
            break
    stripped = text.rstrip()
    return {
        "distance2": float(distance == 2),
        "distance_far": float(distance > 2),
        "hashtag": float(bool(_HASHTAG_RE.search(text))),
        "mention": float(bool(_MENTION_RE.search(text))),
        "link": float(bool(_LINK_RE.search(text))),
        "speech": float(bool(_EN_SPEECH_RE.search(text)) or any(v in text for v in _HI_SPEECH)),
        "quote_mark": float(any(q in text for q in _QUOTES)),
        "ends_colon": float(stripped.endswith(":")),
        "very_long": float(len(stripped) > POST_CHARS),
        "short": float(len(words) <= 5),
        "ends_sentence": float(ends_sentence(stripped)),
        "author_named": float(bool(author_words & set(words))),
        "first_person": float(any(w in _FIRST_PERSON for w in words)),
        "repeats_below": float(repeats),
        "third_person": float(any(w in _THIRD_PERSON for w in words)),
    }
