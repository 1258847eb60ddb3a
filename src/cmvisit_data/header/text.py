"""Text tests the header features share: normalised keys, tokens, a headline glued to its
standfirst, and whether a line stands again inside a longer body line."""

from __future__ import annotations

import re

from .. import rules
from ..segment import TEXT, Line

_TOKEN_RE = re.compile(r"[^\W_\u0900-\u097f]+(?:['’][^\W_]+)?|[\u0900-\u0963\u0970-\u097f]+")
WORD_RE = re.compile(r"\S+")


def norm(text: str) -> str:
    """Whitespace folded and case folded: two printings of one line compare equal."""
    return " ".join(text.split()).casefold()


def tokens(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN_RE.findall(text)]


def glued_headline_end(text: str) -> int | None:
    """Where a headline ends when its standfirst sentence follows on the same line."""
    words = list(WORD_RE.finditer(text))
    toks = [w.group(0) for w in words]
    if len(toks) < 15:
        return None
    medium: int | None = None
    for i in range(5, len(toks) - 6):
        prev, nxt = toks[i - 1], toks[i]
        if prev[-1] in ".!?।":
            return None  # the headline would hold a sentence end
        if not nxt[0].isupper() or prev[-1] in ",:;–—-(" or prev.casefold() in rules.NO_BREAK_AFTER:
            continue
        word = nxt.strip(",.;:").casefold()
        strong = (
            word in rules.SENTENCE_STARTERS
            or (word.endswith("ing") and len(word) > 5)
            or nxt == prev
            or nxt == toks[0]
        )
        if strong:
            return words[i - 1].end()
        if medium is None and prev[0].isdigit():
            medium = words[i - 1].end()
    return medium


def stands_again(line: Line, lines: list[Line]) -> bool:
    """True when the line reads as a sentence (a finite auxiliary, or standfirst length) and
    most of it stands again, from its middle on, in a longer body line: a standfirst."""
    head = tokens(line.text)
    if len(head) < 6:
        return False
    if len(head) < rules.STANDFIRST_MIN_WORDS and not any(t in rules.EN_AUXILIARIES for t in head):
        return False
    need = max(6, int(len(head) * rules.STANDFIRST_SHARED_SHARE + 0.999))
    grams: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(head) - 2):
        grams.setdefault(tuple(head[i : i + 3]), []).append(i)
    key = norm(line.text)
    for other in lines:
        if other is line or not other.text or other.kind != TEXT or norm(other.text) == key:
            continue
        toks = tokens(other.text)
        if len(toks) <= len(head):
            continue
        for j in range(len(toks) - 2):
            for i in grams.get(tuple(toks[j : j + 3]), ()):
                if i == 0 or (j > 0 and toks[j - 1] == head[i - 1]):
                    continue  # a run from the head's start, or not the leftmost start of its run
                k = 3
                while i + k < len(head) and j + k < len(toks) and head[i + k] == toks[j + k]:
                    k += 1
                if k >= need:
                    return True
    return False


BYLINE_LABEL_RE = re.compile(
    r"(?:^|(?<=[\s|,•]))(?P<label>"
    + "|".join(re.escape(x) for x in sorted(rules.BYLINE_LABELS, key=len, reverse=True))
    + r")(?=[\s:：]|$)[ \t]*[:：]?[ \t]*",
    re.IGNORECASE,
)
