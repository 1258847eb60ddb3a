"""Bylines: the names credited on a page, each read by one rule, which --explain names.

A labelled author line ("By", "Edited By", "द्वारा"), a "Name | date" pair, a label alone with
the name on the next line, a name glued to a date label, a short name line beside a date line,
a "Name, Correspondent, Place" line, a name alone below the headline, and credits printed
after the body ("OB Bureau", "हिन्दुस्थान समाचार / नाम", "नाम की रिपोर्ट"). A byline-and-date line
gives its dates to the published scorer too (`extract.header_roles` chooses). A desk opening
the body ("समाचार डेस्क, रायपुर।") is read with the dateline (`extract.dateline_choice`).
"""

from __future__ import annotations

import re

from .. import rules
from ..header.text import BYLINE_LABEL_RE, TIME_RE
from ..segment import BOILERPLATE, META, TEXT, TITLE, Line, ends_sentence
from .date_lines import (
    DATE_LABEL_RE,
    LABEL_REST,
    alternatives,
    char_class,
    date_candidate,
    label_before,
    stamp_spans,
    too_many_extra_words,
)
from .datelines import dateline_match
from .dates import FoundDate, find_dates
from .metadata_record import Metadata


def _repeat(bounds: tuple[int, int]) -> str:
    """A pattern's count of repeats, "{low,high}"."""
    low, high = bounds
    return f"{{{low},{high}}}"


# "By" glued to the capitalised name it credits ("ByRavi Kant"): the label, not part of the name.
# Any one-word Latin byline label, capitalised.
_GLUED_BYLINE_LABELS = [x.capitalize() for x in rules.BYLINE_LABELS if x.isascii() and " " not in x]
_GLUED_BY_RE = re.compile(rf"(?:{alternatives(_GLUED_BYLINE_LABELS)})(?=[A-Z][a-z])")
# A separator after which a byline label may open the credit ("March 4, 2025 | By Ravi Kant").
_CREDIT_SEPARATOR_RE = re.compile(rf"[{char_class(rules.CREDIT_SEPARATORS)}]\s*")
# What joins two names in one credit: a mark, or a conjunction as a word of its own.
_NAME_SPLIT_RE = re.compile(
    r"\s*(?:"
    + "|".join(
        [re.escape(m) for m in rules.BYLINE_NAME_MARKS]
        + [rf"\b{re.escape(w)}\b" for w in rules.EN_BYLINE_CONJUNCTIONS + rules.HI_BYLINE_CONJUNCTIONS]
    )
    + r")\s*"
)
# Where a name after a label ends: a separator, a comma, or a dash with a space on both sides.
_NAME_END_RE = re.compile(
    rf"[{char_class(rules.LABELLED_NAME_END_MARKS)}]|\s[{char_class(rules.CREDIT_DASHES)}]\s"
)
_DESK_SEPARATORS = char_class(rules.DESK_PLACE_SEPARATORS)
# "Desk - Place": the desk opens with a letter and holds no separator and no colon, the place opens
# with a letter and holds letters, digits and spaces.
_DESK_PLACE_RE = re.compile(
    rf"(?P<desk>(?=[^\W\d])[^{_DESK_SEPARATORS}:]{_repeat(rules.DESK_CREDIT_DESK_CHARS)}?)\s*[{_DESK_SEPARATORS}]\s*"
    rf"(?=[^\W\d])[\w ]{_repeat(rules.DESK_CREDIT_PLACE_CHARS)}$"
)
# What may follow a date label printed without its date ("Updated on:").
_EMPTY_LABEL_REST_RE = re.compile(LABEL_REST, re.IGNORECASE)
_BARE_NAME_STOPS = rules.NOT_PLACES | rules.BARE_NAME_STOPS
# A Latin date label glued to the name before it ("Ravi KantUpdated: ..."), capitalised, its link
# word left off ("Posted On" is printed "Posted" too).
_GLUED_LABELS = sorted(
    {
        " ".join(w for w in label.split() if w not in rules.DATE_LABEL_LINKS).title()
        for label in rules.PUBLISHED_LABELS + rules.UPDATED_LABELS
        if label.isascii()
    },
    key=len,
    reverse=True,
)
_GLUED_LABEL_RE = re.compile(rf"(?<=[a-z.])(?:{alternatives(_GLUED_LABELS)})\b")
# A site's account printed as its credit ("admin"): lower-case letters, digits, "_" and ".".
_ACCOUNT_RE = re.compile(rf"(?=[a-z])[a-z0-9_.]{{{rules.ACCOUNT_MIN_CHARS},}}")


# The byline rules, as --explain names them.
_BY_LABEL = "after a byline label"
_BY_LABEL_ALONE = "the line after a byline label printed alone"
_BY_GLUED_LABEL = "a name glued to a date label"
_BY_BEFORE_BAR = "before '|' on a date line"
_BY_ROLE_CREDIT = "a credit line naming a role"
_BY_BESIDE_DATE_LINE = "a name line beside a date line"
_BY_BARE_NAME = "a name alone below the headline"
_BY_AGENCY_SLASH = "an agency / name credit"
_BY_HI_REPORT = "a Hindi report credit"
_BY_DESK_LINE = "a desk credit line"


def read_meta_line(raw: str, line: Line, k: int, meta: Metadata, text_lines: list[Line]) -> bool:
    """Read a byline and/or date line; True (and the line claimed as META) when it is one."""
    text = line.text
    words = text.split()
    if len(words) > rules.MAX_DATE_LINE_WORDS:
        return False
    dates = [d for d in find_dates(text) if d.iso]
    names: list[tuple[int, int]] = []
    label = _byline_label(text)
    glued = _GLUED_LABEL_RE.search(text) if dates else None
    rule = ""
    if label:
        names = _names_after(text, label.end(), dates)
        rule = _BY_LABEL
        if label.end() >= len(text) and k + 1 < len(text_lines):
            names = _name_line(text_lines[k + 1])  # the label alone; the name is the next line
            rule = _BY_LABEL_ALONE
            if names:
                text_lines[k + 1].kind = META
                names = [(s + text_lines[k + 1].start - line.start, e + text_lines[k + 1].start - line.start)
                         for s, e in names]  # fmt: skip
    elif glued:
        names, rule = _names_in(text, 0, glued.start()), _BY_GLUED_LABEL
    elif dates and "|" in text[: dates[0].start]:
        names, rule = _names_in(text, 0, text.index("|")), _BY_BEFORE_BAR
    elif not dates:
        names, rule = _role_credit(text), _BY_ROLE_CREDIT
        if not names:
            return False
    if not names and not dates and not label:
        return False
    known = [*names, *((d.start, d.end) for d in dates), *stamp_spans(text)]
    if label:
        known.append(label.span())
    if too_many_extra_words(text, known) and not (names and not dates and not label):
        return False
    if dates and not names:
        names, rule = _beside_date_line(text_lines, k), _BY_BESIDE_DATE_LINE
    meta.add_byline([(line.start + s, line.start + e) for s, e in names], raw, rule)
    for d in dates:
        found = FoundDate(line.start + d.start, line.start + d.end, d.iso)
        meta.dates.append(date_candidate(line, k, found, label_before(text, d.start), "meta"))
    line.kind = META
    return True


def _opening_label(text: str) -> re.Match[str] | None:
    """The byline label that opens a line: "By ", "By:", "द्वारा", or "By" glued to the name."""
    return BYLINE_LABEL_RE.match(text) or _GLUED_BY_RE.match(text)


def _byline_label(text: str) -> re.Match[str] | None:
    """The byline label that opens a line (_opening_label), or opens its credit after a
    separator ("March 4, 2025 | By Ravi Kant")."""
    label = _opening_label(text)
    if label is None:
        for sep in _CREDIT_SEPARATOR_RE.finditer(text):
            label = BYLINE_LABEL_RE.match(text, sep.end())
            if label is not None:
                break
    return label


def _name_line(line: Line) -> list[tuple[int, int]]:
    """A line that is only a name or desk: short, no digits, no sentence punctuation."""
    text = line.text
    if line.kind != TEXT or len(line.words) > rules.MAX_BYLINE_WORDS or ends_sentence(text):
        return []
    if any(ch.isdigit() for ch in text) or dateline_match(text) is not None or ":" in text:
        return []
    if any(word.casefold() in rules.BARE_NAME_STOPS for word in line.words):
        return []  # a page control ("Share Article", "Follow Us"), not a name
    label = _opening_label(text)  # "By" is never the name's
    return _names_in(text, label.end() if label else 0, len(text))


def bare_name(raw: str, text_lines: list[Line], meta: Metadata) -> None:
    """A name line with no label standing alone right below the headline (or below its
    standfirst) and right above a date line or the first body paragraph: "Asha Verma",
    "Korba Stories Team", an account ("admin")."""
    if meta.byline:
        return
    title_k = next((k for k, line in enumerate(text_lines) if line.kind == TITLE), None)
    if title_k is None:
        return
    below = [line for line in text_lines[title_k + 1 :] if line.kind != BOILERPLATE]
    after = below[: rules.BARE_NAME_LINES + 1]  # the lines a name may stand on, and the line below them
    for j, line in enumerate(after[: rules.BARE_NAME_LINES]):
        if j > 0 and not (after[0].kind == TEXT and len(after[0].words) >= rules.MIN_STANDFIRST_WORDS):
            return
        nxt = after[j + 1] if j + 1 < len(after) else None
        if nxt is None or not _opens_article(nxt):
            continue
        # one word ("admin", or a label like "premium") is a credit only above a date line
        if (
            _name_shaped(line.text)
            and (len(line.words) > 1 or not _opens_body(nxt))
            and len(line.words) <= rules.MAX_BARE_NAME_WORDS
            and not _words_elsewhere(raw, line)
        ):
            names = _name_line(line)
            if len(names) == 1:
                meta.add_byline([(line.start + s, line.start + e) for s, e in names], raw, _BY_BARE_NAME)
                line.kind = META
            return


def _words_elsewhere(raw: str, line: Line) -> bool:
    """Whether half or more of line's words also occur elsewhere in the page: a caption or a
    kicker ("Vishnu Deo Sai", "Hasdeo Bridge") repeats the article's words, a credit names
    someone the article does not."""
    rest = raw[: line.start] + "\n" + raw[line.end :]
    words = re.findall(r"\w+", line.text)
    found = [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", rest, re.IGNORECASE)]
    return len(found) >= rules.BARE_NAME_REPEATED_SHARE * len(words)


def _name_shaped(text: str) -> bool:
    """Two or more capitalised Latin words ("Asha Verma") or one lower-case account
    ("admin"); never a word that opens a label ("The", "In", "CM")."""
    words = text.split()
    if any(w.casefold().strip(".") in _BARE_NAME_STOPS for w in words):
        return False
    if len(words) >= rules.BARE_NAME_MIN_CAPITALISED_WORDS and all(
        re.fullmatch(r"[A-Z][\w.'’-]*", w) for w in words
    ):
        return True  # one capitalised word is a section label ("Regional")
    return len(words) == 1 and _ACCOUNT_RE.fullmatch(words[0]) is not None


def _opens_article(line: Line) -> bool:
    """A date line, a date label alone ("Updated on:"), or a body paragraph."""
    if line.kind == META:
        return bool(find_dates(line.text))
    label = DATE_LABEL_RE.match(line.text)
    if label and _EMPTY_LABEL_REST_RE.fullmatch(line.text, label.end()):
        return True
    return _opens_body(line)


def _opens_body(line: Line) -> bool:
    return line.kind == TEXT and len(line.words) >= rules.MIN_STANDFIRST_WORDS and ends_sentence(line.text)


def _beside_date_line(text_lines: list[Line], k: int) -> list[tuple[int, int]]:
    """The name printed on its own line just above (or else just below) a date line."""
    for j in (k - 1, k + 1):
        if 0 <= j < len(text_lines):
            other = text_lines[j]
            site = rules.SITE_NAME_MARK in other.text.strip(rules.SITE_NAME_MARK)
            fits = other.kind == TEXT and (
                rules.DATE_LINE_NAME_MIN_WORDS <= len(other.words) <= rules.DATE_LINE_NAME_MAX_WORDS
                or (site and len(other.words) == 1)
            )
            names = _name_line(other) if fits else []
            if names:
                other.kind = META
                base = other.start - text_lines[k].start
                return [(s + base, e + base) for s, e in names]
    return []


def _role_credit(text: str) -> list[tuple[int, int]]:
    """ "Abhijit Nath, NET Correspondent, Tripura": the name before a reporter's role;
    "Daijiworld Media Network - Mumbai": a desk before its place."""
    dash = _DESK_PLACE_RE.match(text)
    if dash and any(w in dash.group("desk").casefold().split() for w in rules.DESK_WORDS):
        return _names_in(text, 0, dash.end("desk"))
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 2 or len(text.split()) > rules.MAX_ROLE_CREDIT_WORDS:
        return []
    if not any(w in parts[1].casefold() for w in rules.BYLINE_ROLE_WORDS):
        return []
    return _names_in(text, 0, text.index(","))


def _names_after(text: str, pos: int, dates: list[FoundDate]) -> list[tuple[int, int]]:
    """Names from pos up to the next separator, date label, date or time."""
    end = len(text)
    found = _NAME_END_RE.search(text, pos)
    if found:
        end = found.start()
    for m in (*DATE_LABEL_RE.finditer(text, pos), *TIME_RE.finditer(text, pos)):
        end = min(end, m.start())
    for d in dates:
        if d.start >= pos:
            end = min(end, d.start)
    return _names_in(text, pos, end)


def _names_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    segment = text[start:end]
    pos = 0
    for piece in _NAME_SPLIT_RE.split(segment):
        at = segment.find(piece, pos)
        pos = at + len(piece)
        name = piece.strip(rules.NAME_STRIP_CHARS)
        if not name:
            continue
        if any(ch.isdigit() for ch in name) or len(name.split()) > rules.MAX_CREDIT_NAME_WORDS:
            return []
        s = start + at + piece.find(name)
        spans.append((s, s + len(name)))
    return spans


def read_credits(raw: str, lines: list[Line], meta: Metadata) -> None:
    """Credits printed after the body: a desk line ("OB Bureau"), "Agency / Name", "Name की रिपोर्ट"."""
    for line in lines:
        if (
            line.kind not in (TEXT, BOILERPLATE)
            or not line.text
            or len(line.words) > rules.MAX_CREDIT_LINE_WORDS
        ):
            continue
        text = line.text
        low = text.casefold()
        names: list[tuple[int, int]] = []
        rule = ""
        if "/" in text and text.count("/") == 1:
            left, right = text.split("/")
            if any(w in left.casefold() for w in rules.AGENCY_WORDS) and right.strip():
                names, rule = _names_in(text, text.index("/") + 1, len(text)), _BY_AGENCY_SLASH
        for credit in rules.HI_REPORT_CREDITS:
            if text.endswith(credit):
                names, rule = _names_in(text, 0, len(text) - len(credit)), _BY_HI_REPORT
        if (
            not names
            and not meta.byline
            and line.kind == TEXT
            and len(line.words) <= rules.MAX_DESK_CREDIT_WORDS
        ):
            if any(w in low.split() for w in rules.DESK_WORDS) and not ends_sentence(text):
                names, rule = _name_line(line), _BY_DESK_LINE
        if names and all(
            len(raw[line.start + s : line.start + e].split()) <= rules.MAX_BYLINE_WORDS for s, e in names
        ):
            meta.add_byline([(line.start + s, line.start + e) for s, e in names], raw, rule)
            line.kind = META
