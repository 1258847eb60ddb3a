"""Placing an annotation's texts in the document's text: where a text occurs, which occurrence
an annotation means (its `start` or `occurrence`), and where a published date is printed.
Every problem names the annotation file and the JSON pointer of the value."""

from __future__ import annotations

import unicodedata
from typing import Any

from ..errors import Problem

# The Unicode categories of the characters that continue a word: letters, digits and marks (so
# that a Devanagari vowel sign or virama, category M, belongs to its word).
WORD_CATEGORIES = ("L", "N", "M")


# How much of the longer word around a text found only inside one a problem shows.
SHOWN_WORD = 40


def is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in WORD_CATEGORIES


def whole_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] neither starts nor ends inside a word: at an edge whose character
    continues a word, the character beyond it does not (an edge that is no word character, a
    quotation mark or a comma, is not constrained)."""
    if start > 0 and is_word_char(text[start]) and is_word_char(text[start - 1]):
        return False
    return not (end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end]))


def printed_at(text: str, needle: str) -> list[int]:
    """Every offset where needle occurs in text (overlapping ones too, inside words too), in order."""
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def occurrences(text: str, needle: str) -> list[int]:
    """Every offset where needle occurs in text as whole words (neither starting nor ending inside
    a word: "Kumar" is not in "Kumari"), in order."""
    return [at for at in printed_at(text, needle) if whole_word(text, at, at + len(needle))]


def name_printed(text: str, name: str) -> bool:
    """Whether a speaker's name is printed: as whole words, or as the same words with other
    punctuation between them (the parser writes "R. Kumar Das" as "R Kumar Das")."""
    if occurrences(text, name):
        return True
    from .metrics import TOKEN_SPLIT  # the scorer's split: white space and punctuation

    words = [w for w in TOKEN_SPLIT.split(name) if w]
    printed = [w for w in TOKEN_SPLIT.split(text) if w]
    return bool(words) and any(printed[i : i + len(words)] == words for i in range(len(printed)))


def _not_found(text: str, needle: str, file: str, pointer: str) -> Problem:
    """Why a text has no occurrence: nowhere printed, or only inside longer words."""
    inside = printed_at(text, needle)
    why = "text not found in the document"
    if inside:
        start, end = _word_around(text, inside[0], inside[0] + len(needle))
        shown = text[start:end] if end - start <= SHOWN_WORD else text[start : start + SHOWN_WORD] + "…"
        why += (
            f" as whole words: it is printed only inside a longer word (at {inside[0]}: {shown!r}); where "
            f'the page glues words, give {{"text": ..., "start": {inside[0]}}}'
        )
    elif any(
        unicodedata.normalize(form, needle) in unicodedata.normalize(form, text) for form in ("NFC", "NFD")
    ):
        why += (
            ": the document writes it in another Unicode form (the same letters, composed or decomposed "
            "differently); copy it from the document"
        )
    return Problem("annotation-text-not-found", why, file=file, pointer=pointer, value=needle)


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The word the text starts inside (or, where it starts at a word's edge, ends inside)."""
    if start > 0 and is_word_char(text[start]) and is_word_char(text[start - 1]):
        end = start
    else:
        start = end
    while start > 0 and is_word_char(text[start - 1]):
        start -= 1
    while end < len(text) and is_word_char(text[end]):
        end += 1
    return start, end


def locate(
    text: str, value: Any, pointer: str, file: str, first_by_default: bool = False
) -> tuple[dict[str, Any] | None, Problem | None]:
    """A text of an annotation (a string, or an object with text and start or occurrence) as a
    span of the document's text, or the problem that names its place and what to do."""
    given = value if isinstance(value, dict) else {"text": value}
    needle, at = given["text"], pointer + ("/text" if isinstance(value, dict) else "")
    found = occurrences(text, needle)
    if "start" in given and given["start"] not in found and given["start"] in printed_at(text, needle):
        start = given["start"]  # inside a word where a page glues words ("किनई"): its start names it
        return {"text": needle, "start": start, "end": start + len(needle)}, None
    if not found:
        return None, _not_found(text, needle, file, at)
    if "start" in given:
        if given["start"] not in found:
            shown = ", ".join(map(str, found[:5]))
            return None, Problem(
                "annotation-wrong-place",
                f"the text is not at offset {given['start']}; it occurs at {shown}",
                file=file,
                pointer=pointer + "/start",
            )
        start = given["start"]
    elif "occurrence" in given:
        if given["occurrence"] > len(found):
            return None, Problem(
                "annotation-wrong-place",
                f"occurrence {given['occurrence']} of a text that occurs {len(found)} times (at "
                f"{', '.join(map(str, found[:5]))})",
                file=file,
                pointer=pointer + "/occurrence",
            )
        start = found[given["occurrence"] - 1]
    elif len(found) > 1 and not first_by_default:
        shown = ", ".join(map(str, found[:5]))
        return None, Problem(
            "annotation-ambiguous", f"the text occurs {len(found)} times (at {shown})", file=file, pointer=at
        )
    else:
        start = found[0]
    return {"text": needle, "start": start, "end": start + len(needle)}, None


def date_starts(text: str, date: str) -> list[int]:
    """The starts of every printed date of the text that the package's date reader reads as `date`."""
    from ..extract.dates import find_dates

    return [found.start for found in find_dates(text) if found.iso == date]


def date_span(text: str, value: Any, file: str) -> tuple[dict[str, Any] | None, Problem | None]:
    """The span of a published date: a date alone takes the first printed date the package's
    date reader reads as it; {"date", "start"|"occurrence"} the printed one it names."""
    from ..extract.dates import find_dates

    if value is None:
        return None, None
    given = value if isinstance(value, dict) else {"date": value}
    date, pointer = given["date"], "/published" + ("/date" if isinstance(value, dict) else "")
    found = {f.start: f for f in find_dates(text) if f.iso == date}
    if not found:
        return None, Problem(
            "annotation-date-not-printed",
            f"no printed date of the document reads as {date}",
            file=file,
            pointer=pointer,
            value=date,
        )
    starts, shown = list(found), ", ".join(map(str, list(found)[:5]))
    if "start" in given and given["start"] not in found:
        why = f"no printed date reading as {date} starts at offset {given['start']}; one starts at {shown}"
        return None, Problem("annotation-wrong-place", why, file=file, pointer="/published/start")
    if "occurrence" in given and given["occurrence"] > len(starts):
        why = f"occurrence {given['occurrence']} of a date printed {len(starts)} times (at {shown})"
        return None, Problem("annotation-wrong-place", why, file=file, pointer="/published/occurrence")
    start = given["start"] if "start" in given else starts[given.get("occurrence", 1) - 1]
    return {"text": text[start : found[start].end], "start": start, "end": found[start].end}, None
