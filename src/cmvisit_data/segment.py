"""Raw text -> lines, each with its offsets and what it is.

This module owns the first look at a document: splitting it into trimmed lines with exact
offsets, and recognising page furniture (menus, cookie banners, advertisements, share
buttons, 'Also Read' links, disclaimers, markup, press-office footers), bullet items, section
headings and the language of a stretch of text. It does not decide what the title, byline or
quotes are: the `extract` modules do, reading the lines this module marks.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import rules
from .patterns import led_by_first_chars

# Kinds a line can have. The extract modules claim lines for themselves by setting kind.
BLANK, TEXT, BULLET, BOILERPLATE = "blank", "text", "bullet", "boilerplate"
TITLE, META, POST, HEADING = "title", "meta", "post", "heading"

_BULLET_RE = re.compile(
    r"(?P<marker>[" + re.escape(rules.BULLETS.replace("-", "").replace("–", "").replace("—", "")) + r"]"
    r"|[-–—](?![-–—])|\d{1,2}[.)](?=\s))[ \t\u00a0]*(?=\S)"
)
_CAPTION_END_RE = re.compile(
    rf"[-–(]\s*(?:{'|'.join(rules.CAPTION_CREDIT_WORDS)})\b[^()]{{0,{rules.CAPTION_CREDIT_MAX_CHARS}}}\)?\s*$",
    re.IGNORECASE,
)
_MARKUP_RE = re.compile(r"^</?[a-zA-Z][a-zA-Z0-9]*(?:\s|>|/>|$)")
_SLUG_RE = re.compile(rf"^[a-z0-9]+(?: [a-z0-9]+){{{rules.SLUG_MIN_WORDS - 1},}}$")
_RULE = "[" + re.escape(rules.FOOTER_RULE_CHARS) + "]"
# A press office's footer: the officers' initials ("AB/SK", "RK / PSJ"), or a release serial
# ("क्रमांक-1187/..."), or a rule of asterisks or dashes closing the release ("****").
_FOOTER_RE = re.compile(
    r"^(?:[A-Z]{1,6}(?:\s?[/\\]\s?[A-Z]{1,6}){1,6}\.?$"
    rf"|[{rules.DEVANAGARI}]{{1,8}}(?:/[{rules.DEVANAGARI}]{{1,8}}){{2,6}}$"
    r"|(?:" + "|".join(re.escape(x) for x in rules.FOOTER_SERIALS) + rf")\s*[-–:.]?\s*[{rules.DIGITS}]"
    rf"|{_RULE}{{3,}}$|(?:{_RULE} ){{2,}}{_RULE}$)"
)
_SLUG_FIRST = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_RELATED = "|".join(re.escape(x) for x in sorted(rules.RELATED_LABELS, key=len, reverse=True))
_RELATED_RE = re.compile(
    r"^(?P<label>" + led_by_first_chars(_RELATED, rules.RELATED_LABELS) + r")"
    r"\s*(?:[:：|\-–—]+|…+\.*|\.{2,})\s*",
    re.IGNORECASE,
)


# rules.CAPTION_CREDIT_WORDS as a case-folded line holds them in any case: under re.IGNORECASE
# an "i" is also "İ" (folded "i̇") and "ı".
_PICTURE_WORDS = tuple(
    dict.fromkeys(
        v
        for w in rules.CAPTION_CREDIT_WORDS
        for v in (w, w.replace("i", "i\u0307"), w.replace("i", "\u0131"))
    )
)


def _names_a_picture(low: str) -> bool:
    """Whether a case-folded line holds a word _CAPTION_END_RE finds, in any case: the quick
    test most lines fail before the pattern is searched."""
    return _holds_any(low, _PICTURE_WORDS)


class _computed_once:
    """functools.cached_property without its lock (Python 3.11's takes one on every first
    computation): a Line belongs to one parse, on one thread. The value is stored in the
    instance's __dict__ under the same name, so later reads are plain attribute reads."""

    def __init__(self, fn: Callable[[Any], Any]):
        self.fn = fn
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.fn(instance)
        return value


@dataclass
class Line:
    """One line of the document, trimmed: raw[start:end] == text."""

    index: int
    start: int
    end: int
    text: str
    kind: str = TEXT
    detail: str | None = None  # boilerplate kind, or a bullet's marker
    item_start: int | None = None  # where a bullet's text begins

    @_computed_once
    def words(self) -> list[str]:
        return self.text.split()

    @_computed_once
    def scripts(self) -> tuple[int, int]:
        """(Devanagari characters, Latin letters) of the line, counted once."""
        return script_counts(self.text)

    @property
    def item(self) -> str:
        """The line without its bullet (the whole line for a non-bullet)."""
        return self.text[self.item_start - self.start :] if self.item_start is not None else self.text


def split_lines(raw: str) -> list[Line]:
    """Every line of raw with the offsets of its trimmed text; blank lines are kept as BLANK."""
    lines: list[Line] = []
    offset = 0
    for index, piece in enumerate(raw.splitlines(keepends=True)):
        body = piece.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        if index == 0 and body.startswith(rules.BOM):
            # a byte order mark opens the file, not its first line: it stays in raw_text only
            body, offset = body[1:], offset + 1
            piece = piece[1:]
        stripped = body.strip()
        if stripped:
            start = offset + (len(body) - len(body.lstrip()))
            line = Line(index, start, start + len(stripped), stripped)
        else:
            line = Line(index, offset, offset, "", kind=BLANK)
        lines.append(line)
        offset += len(piece)
    return lines


def runs(lines: list[Line], kinds: tuple[str, ...], skip: tuple[str, ...] = ()) -> list[list[Line]]:
    """Maximal runs of lines whose kind is in `kinds`; lines of a kind in `skip` neither join
    nor break a run, any other line ends it. Bullet items separated by blank lines form one
    list (kinds=(BULLET,), skip=(BLANK,)); adjacent text lines form one block."""
    found: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.kind in kinds:
            current.append(line)
        elif line.kind not in skip and current:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


def ends_sentence(text: str) -> bool:
    """True when text ends like a sentence (a full stop, danda, ! or ?), not an ellipsis: the
    test for a whole line. Where sentences end inside a line is quote_base.SENTENCE_END_RE, and
    whether one Latin word of a name closes a sentence subjects.ends_sentence_word."""
    text = text.rstrip(rules.SENTENCE_TRAILERS)
    return bool(text) and text[-1] in rules.SENTENCE_STOPS and not text.endswith(rules.ELLIPSES)


NOT_LATIN_RE = re.compile(r"[^A-Za-z]+")


_ASCII_LETTERS = string.ascii_letters.encode()
# In UTF-8 a character of U+0900-U+097F (rules.DEVANAGARI) is E0 A4 xx or E0 A5 xx; E0 only
# leads a sequence and A4, A5 only continue one, so each such pair is one such character.
_DEVANAGARI_UTF8 = (b"\xe0\xa4", b"\xe0\xa5")


def script_counts(text: str) -> tuple[int, int]:
    """(Devanagari characters, Latin letters) in text, counted on its UTF-8 bytes (where
    both are found by C loops: a Latin letter is one byte, a Devanagari one a fixed prefix)."""
    data = text.encode("utf-8", "surrogatepass")
    latin = len(data) - len(data.translate(None, _ASCII_LETTERS))
    if len(data) == len(text):  # ASCII
        return 0, latin
    return data.count(_DEVANAGARI_UTF8[0]) + data.count(_DEVANAGARI_UTF8[1]), latin


def language_of(text: str) -> str | None:
    return language_of_counts(*script_counts(text))


def language_of_counts(deva: int, latin: int) -> str | None:
    """The language of a text with these (Devanagari, Latin) letter counts; Hindi on a tie."""
    if not deva and not latin:
        return None
    return "hi" if deva >= latin else "en"


def _fold_low(low: str) -> str:
    """A case-folded line without its edge punctuation: the key of the furniture lexicons."""
    return low.strip(rules.FURNITURE_EDGE_PUNCT)


def _furniture_kind(line: Line, low: str, folded: str) -> str | None:
    """The boilerplate kind of a line that is page furniture on its own, or None (low: the
    line case folded, folded: that also stripped of edge punctuation, `_fold_low`)."""
    text = line.text
    if folded in rules.FURNITURE_LINES:
        return rules.FURNITURE_LINES[folded]
    words = line.words
    if len(words) <= rules.COOKIE_MAX_WORDS and _holds_any(low, rules.COOKIE_MARKERS):
        return "cookie"
    if text[0] == "<" and _MARKUP_RE.match(text):
        return "markup"
    if text.startswith("(") and _holds_any(low, rules.DISCLAIMER_MARKERS):
        return "disclaimer"
    if text[0] in _SLUG_FIRST and _SLUG_RE.match(text):
        return "slug"
    if _is_nav_line(words, text):
        return "navigation"
    return None


def _is_footer(line: Line, low: str) -> bool:
    """A press office's footer line (case folded in low): short, and of a footer's shape."""
    if len(line.words) > rules.FOOTER_MAX_WORDS:
        return False
    if low.startswith(rules.FOOTER_OPENINGS) or _holds_any(low, rules.FOOTER_MARKERS):
        return True
    return _FOOTER_RE.match(line.text) is not None


_SENTENCE_PUNCT_RE = re.compile("[" + re.escape(rules.SENTENCE_PUNCT) + "]")


def _holds_any(low: str, markers: tuple[str, ...]) -> bool:
    """Whether low holds one of a few literal markers (a loop of `in`: quicker, for so few,
    than a regex alternation or any() over a generator)."""
    for marker in markers:
        if marker in low:
            return True
    return False


def _is_nav_line(words: list[str], text: str) -> bool:
    """A menu bar (text, split into words): enough capitalised words, no sentence punctuation,
    menu vocabulary (rules.NAV_LINE_MIN_WORDS). The cheapest test most lines fail comes first."""
    if len(words) < rules.NAV_LINE_MIN_WORDS:
        return False
    for w in words:  # most lines fail on their first or second word
        if not (w[0].isupper() or w in rules.NAV_SEPARATORS):
            return False
    if _SENTENCE_PUNCT_RE.search(text):
        return False
    return (
        sum(w.casefold().removesuffix("'s") in rules.NAV_WORDS for w in words) >= rules.NAV_LINE_MIN_NAV_WORDS
    )


def related_match(text: str) -> re.Match[str] | None:
    """An 'Also Read: <headline>' line: the label and where the headline starts."""
    match = _RELATED_RE.match(text)
    if match and match.end() < len(text):
        return match
    return None


def classify(lines: list[Line]) -> None:
    """Mark boilerplate, related links and bullets in place. Footers are looked for once the
    body has begun (a line that is a sentence of some length): above it, a site's header
    may hold the same words ("Follow us")."""
    ended = body_begun = False
    for line in lines:
        if line.kind == BLANK:
            continue
        if ended:
            line.kind, line.detail = BOILERPLATE, "trailing"
            continue
        low = line.text.casefold()
        folded = _fold_low(low)
        if folded in rules.END_MARKERS:
            line.kind, line.detail = BOILERPLATE, "trailing"
            ended = True
            continue
        kind = _furniture_kind(line, low, folded)
        if kind:
            line.kind, line.detail = BOILERPLATE, kind
            continue
        if body_begun and _is_footer(line, low):
            line.kind, line.detail = BOILERPLATE, "trailing"
            continue
        if related_match(line.text):
            line.kind, line.detail = BOILERPLATE, "related"
            continue
        if not body_begun and len(line.words) >= rules.BODY_SENTENCE_WORDS and ends_sentence(line.text):
            body_begun = True
        if _names_a_picture(low) and _CAPTION_END_RE.search(line.text):
            line.kind, line.detail = BOILERPLATE, "caption"
            continue
        bullet = _BULLET_RE.match(line.text)
        if bullet:
            line.kind, line.detail = BULLET, bullet.group("marker")
            line.item_start = line.start + bullet.end()
    _mark_nav_runs(lines)


def _mark_nav_runs(lines: list[Line]) -> None:
    """A run of short bullet items (a menu rendered as a list) is navigation."""
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and line.kind == BULLET:
            run.append(line)
            continue
        if line is not None and line.kind == BLANK and run:
            continue
        if len(run) >= rules.NAV_RUN_MIN_ITEMS:
            short = sum(
                len(item.item.split()) <= rules.NAV_ITEM_MAX_WORDS and not ends_sentence(item.item)
                for item in run
            )
            if short / len(run) >= rules.NAV_RUN_SHORT_SHARE:
                for item in run:
                    item.kind, item.detail, item.item_start = BOILERPLATE, "navigation", None
        run = []


def is_heading(line: Line, is_last: bool) -> bool:
    """A section heading or label: short, not a sentence, holding no quotation or cue."""
    text = line.text
    words = line.words
    if not words or len(words) > rules.HEADING_MAX_WORDS or is_last:
        return False
    if any(mark in text for mark in rules.QUOTE_PAIRS if mark not in "'"):
        return False
    stripped = text.rstrip()
    if stripped.endswith(":"):
        return len(words) <= rules.LABEL_MAX_WORDS
    if ends_sentence(stripped) or stripped[-1] in rules.RUN_ON_ENDINGS:
        return False
    return True
