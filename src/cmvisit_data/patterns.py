"""Building blocks for the parser's regular expressions.

Python's regex engine tries an alternation's branches one after another at every position
of the text, so a pattern that opens with an alternation of many words ("said|told|added…",
a month's names) is slow to search even where nothing matches. A lookahead on the set of
the words' first characters (`first_chars`) rejects most positions with one test, and
matches exactly what the alternation alone matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def first_chars(words: Iterable[str]) -> str:
    """A character class of the words' first characters (with re.IGNORECASE, a letter's class
    matches the same case variants the letter does)."""
    return "[" + "".join(sorted({re.escape(w[0]) for w in words})) + "]"


def led_by_first_chars(alternation: str, words: Iterable[str]) -> str:
    """`alternation` (a pattern whose every match starts with one of `words`' first
    characters) behind a lookahead for those characters."""
    return f"(?={first_chars(words)})(?:{alternation})"
