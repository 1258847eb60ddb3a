"""Text tests the header features share: normalised keys, tokens, a headline glued to its
standfirst, and the author-label pattern."""

from __future__ import annotations

import re

from .. import rules
from ..memo import pure

# Possessive: a run is never followed by one of its own characters (an apostrophe is not one),
# so giving back letters could never help; the same tokens, without backtracking records.
_TOKEN_RE = re.compile(rf"[^\W_{rules.DEVANAGARI}]++(?:['’][^\W_]++)?+|[{rules.DEVANAGARI_LETTERS}]++")
WORD_RE = re.compile(r"\S+")
# A clock time on a date line: "10:43 PM IST", "06:53 pm", "3:46 AM GMT".
TIME_RE = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|IST|GMT|hrs)?(?:\s*IST)?", re.IGNORECASE
)


@pure
def norm(text: str) -> str:
    """Whitespace folded and case folded: two printings of one line compare equal."""
    return " ".join(text.split()).casefold()


def tokens(text: str) -> list[str]:
    """The case-folded word tokens of a text."""
    return [t.casefold() for t in _TOKEN_RE.findall(text)]


def glued_headline_end(text: str) -> int | None:
    """Where a headline ends when its standfirst sentence follows on the same line."""
    toks = text.split()  # the words WORD_RE finds (both split at Unicode white space)
    if len(toks) < rules.GLUED_LINE_MIN_WORDS:
        return None
    medium: int | None = None
    for i in range(rules.HEADLINE_MIN_WORDS, len(toks) - rules.GLUED_STANDFIRST_WORDS):
        prev, nxt = toks[i - 1], toks[i]
        if prev[-1] in rules.SENTENCE_STOPS:
            return None  # the headline would hold a sentence end
        if not nxt[0].isupper() or prev[-1] in ",:;–—-(" or prev.casefold() in rules.NO_BREAK_AFTER:
            continue
        word = nxt.strip(",.;:").casefold()
        strong = (
            word in rules.SENTENCE_STARTERS
            or (word.endswith("ing") and len(word) > rules.SHORT_ING_WORD_CHARS)
            or nxt == prev
            or nxt == toks[0]
        )
        if strong:
            return _word_end(text, i - 1)
        if medium is None and prev[0].isdigit():
            medium = i - 1
    return None if medium is None else _word_end(text, medium)


_CRUMB_SEP_RE = re.compile(rf"\s+[{re.escape(rules.BREADCRUMB_SEPARATORS)}]\s+")


def breadcrumb_end(text: str) -> int | None:
    """Where a headline starts when a breadcrumb trail opens its line ("Home / India News /
    Headline"): after the trail's last separator. None when the line opens with no trail: the
    first crumb is a home link, every crumb a short section name, the same separator between
    them all, and a headline of more words than a crumb after them."""
    seps = list(_CRUMB_SEP_RE.finditer(text))
    if len(seps) < 2 or len({m.group().strip() for m in seps}) > 1:
        return None
    bounds = [0, *(x for m in seps for x in (m.start(), m.end())), len(text)]
    parts = [text[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
    *crumbs, headline = parts
    if parts[0].strip().casefold() not in rules.BREADCRUMB_HOMES:
        return None
    if any(len(c.split()) > rules.BREADCRUMB_MAX_WORDS for c in crumbs):
        return None
    if len(headline.split()) <= rules.BREADCRUMB_MAX_WORDS:
        return None
    return seps[-1].end()


def _word_end(text: str, k: int) -> int:
    """The offset just past word k of text (words as text.split() gives them)."""
    for n, m in enumerate(WORD_RE.finditer(text)):
        if n == k:
            return m.end()
    raise IndexError(k)


BYLINE_LABEL_RE = re.compile(
    r"(?:^|(?<=[\s|,•]))(?P<label>"
    + "|".join(re.escape(x) for x in sorted(rules.BYLINE_LABELS, key=len, reverse=True))
    + r")(?=[\s:：]|$)[ \t]*[:：]?[ \t]*",
    re.IGNORECASE,
)
