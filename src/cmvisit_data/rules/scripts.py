"""Scripts: the Devanagari block and its letters, digits of both scripts, and the marks that end
a sentence; with the two character tests (`is_devanagari`, `has_devanagari`)."""

from __future__ import annotations

import re

# The Devanagari block, for character classes; and its letters and signs without the danda and
# digits (U+0964-U+096F), which word patterns leave out.
DEVANAGARI = "\u0900-\u097f"
DEVANAGARI_LETTERS = "\u0900-\u0963\u0970-\u097f"


def is_devanagari(ch: str) -> bool:
    """Whether one character is in the Devanagari block."""
    return "\u0900" <= ch <= "\u097f"


_DEVANAGARI_RE = re.compile(f"[{DEVANAGARI}]")


def has_devanagari(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text (or text[start:end], searched in place) holds a Devanagari character."""
    return _DEVANAGARI_RE.search(text, start, len(text) if end is None else end) is not None


# Digits for character classes: pages print dates and serials in Latin or Devanagari digits.
DIGITS = "0-9\u0966-\u096f"

# Marks that end a sentence, in both scripts: the full stop, the danda, ! and ?.
SENTENCE_STOPS = ".।!?"
# An ellipsis trails off: it ends no sentence.
ELLIPSES = ("…", "...")
# What may follow a sentence's stop on its line: spaces, closing quotation marks and brackets
# ("… he said.”").
SENTENCE_TRAILERS = " \"'”’)]»"
