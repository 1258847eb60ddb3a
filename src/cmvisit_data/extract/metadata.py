"""Document metadata: title, byline, publication date and dateline, each with its span.

Reads the lines `segment` marked and claims the ones it uses (the title as TITLE, byline,
date and stand-alone dateline lines as META, repeated headlines as boilerplate). The rules:

- title: the first text line, when it reads as a headline: not a sentence, not a caption or
  source tag, not opening with a dateline, and not a standfirst whose words stand again in
  a longer body paragraph. A headline and standfirst printed on one line are split where
  the standfirst's sentence starts.
- byline and date: short lines between the title and the body that hold an author label
  ("By", "Edited By", "द्वारा"), a "Name | date" pair, or a full date with a label.
- dateline: the place that opens one of the first body paragraphs ("Raipur:", "रायपुर।",
  "Seoul [South Korea], August 28 (ANI):"); its date counts as the publication date only
  when it carries a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import rules
from ..segment import BOILERPLATE, META, TEXT, TITLE, Line, ends_sentence
from .dates import DATE_RE, FoundDate, find_dates

_EN_WORD = r"[A-Z][\w.'’&-]*"
_HI_WORD = r"[\u0900-\u0963\u0970-\u097f]+"
_DATE = DATE_RE.pattern

EN_DATELINE_RE = re.compile(
    rf"(?P<place>{_EN_WORD}(?:[ \t]+{_EN_WORD}){{0,2}})"
    r"(?:[ \t]*\([^()\n]{1,40}\))?(?:[ \t]*\[[^\[\]\n]{1,40}\])?"
    rf"(?:[ \t]*,[ \t]*(?P<date>{_DATE})|[ \t]*,[ \t]*(?P<place2>{_EN_WORD}(?:[ \t]+{_EN_WORD}){{0,2}}))?"
    r"[ \t]*(?:\((?P<agency>[A-Za-z]{2,12})\))?"
    r"[ \t]*(?P<term>[:：]|[—–-](?=\s)|\|)?",
    re.IGNORECASE,
)
HI_DATELINE_RE = re.compile(
    rf"(?P<place>{_HI_WORD}(?:[ \t]+{_HI_WORD}){{0,2}})"
    r"(?:[ \t]*\([^()\n]{1,40}\))?"
    rf"(?:[ \t]*,[ \t]*(?P<date>{_DATE})|[ \t]*,[ \t]*(?P<place2>{_HI_WORD}(?:[ \t]+{_HI_WORD}){{0,2}}))?"
    r"[ \t]*(?:\((?P<agency>[^()\n]{2,12})\))?"
    r"[ \t]*(?P<term>[।:|]|\.(?=\s|$)|[—–-](?=\s)|(?<=[0-9०-९])$)",
)
_LABEL_RE = re.compile(
    r"(?:^|(?<=[\s|,•]))(?P<label>"
    + "|".join(re.escape(x) for x in sorted(rules.BYLINE_LABELS, key=len, reverse=True))
    + r")(?=[\s:：])[ \t]*[:：]?[ \t]*",
    re.IGNORECASE,
)
_DATE_LABEL_RE = re.compile(
    "|".join(
        re.escape(x) for x in sorted(rules.PUBLISHED_LABELS + rules.UPDATED_LABELS, key=len, reverse=True)
    ),
    re.IGNORECASE,
)
_TIME_RE = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|IST|hrs)?(?:\s*IST)?", re.IGNORECASE
)
_NAME_SPLIT_RE = re.compile(r"\s*(?:,|&|\band\b|\bऔर\b)\s*")
_TOKEN_RE = re.compile(r"[^\W_\u0900-\u097f]+(?:['’][^\W_]+)?|[\u0900-\u0963\u0970-\u097f]+")


@dataclass
class Metadata:
    title: tuple[int, int] | None = None
    published: FoundDate | None = None  # offsets absolute
    byline: list[tuple[int, int]] = field(default_factory=list)
    dateline: tuple[int, int] | None = None
    standfirst: tuple[int, int] | None = None  # text glued after the headline on its line

    def to_record(self, raw: str, language: str) -> dict[str, Any]:
        def span(se: tuple[int, int] | None) -> dict[str, Any] | None:
            return None if se is None else {"text": raw[se[0] : se[1]], "start": se[0], "end": se[1]}

        published_span = span((self.published.start, self.published.end)) if self.published else None
        return {
            "language": language,
            "title": raw[self.title[0] : self.title[1]] if self.title else None,
            "published": self.published.iso if self.published else None,
            "byline": [raw[s:e] for s, e in self.byline],
            "dateline": raw[self.dateline[0] : self.dateline[1]] if self.dateline else None,
            "spans": {
                "title": span(self.title),
                "published": published_span,
                "byline": [span(b) for b in self.byline],
                "dateline": span(self.dateline),
            },
        }


def extract_metadata(raw: str, lines: list[Line]) -> Metadata:
    meta = Metadata()
    text_lines = [line for line in lines if line.kind == TEXT]
    if not text_lines:
        return meta
    first = text_lines[0]
    header_dates: list[tuple[FoundDate, bool]] = []  # (date, labelled as published/updated first)
    start_at = 0
    if not _read_meta_line(first, meta, header_dates):
        title = _title_span(first, lines)
        if title is not None:
            meta.title = title
            first.kind = TITLE
            if title[1] < first.end:
                rest = title[1]
                while rest < first.end and raw[rest].isspace():
                    rest += 1
                meta.standfirst = (rest, first.end)
            start_at = 1
    title_key = _norm(raw[meta.title[0] : meta.title[1]]) if meta.title else None

    # The header: lines between the title and the body.
    body: list[Line] = []
    for line in text_lines[start_at:]:
        if line.kind != TEXT:
            continue
        if title_key and _norm(line.text) == title_key:
            line.kind, line.detail = BOILERPLATE, "repeated-title"
            continue
        if not body and (
            _read_standalone_dateline(raw, line, meta, header_dates)
            or _read_meta_line(line, meta, header_dates)
        ):
            continue
        body.append(line)
        if len(body) >= 3:
            break

    if meta.dateline is None:
        for line in body[:2]:
            if _read_dateline(raw, line, meta, header_dates):
                break

    labelled = [d for d, first_label in header_dates if first_label]
    chosen = labelled[0] if labelled else (header_dates[0][0] if header_dates else None)
    meta.published = chosen
    return meta


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


# --- title -------------------------------------------------------------------------------


def _title_span(line: Line, lines: list[Line]) -> tuple[int, int] | None:
    text = line.text
    low = text.casefold()
    words = list(re.finditer(r"\S+", text))
    if any(marker in low for marker in rules.CAPTION_MARKERS) or low.startswith(rules.SOURCE_TAG_PREFIXES):
        return None
    if text.startswith("("):
        return None
    if _dateline_match(text) is not None:
        return None
    if ends_sentence(text):
        split = _glued_headline_end(text, words)
        if split is None:
            return None
        return line.start, line.start + split
    if len(words) > rules.MAX_TITLE_WORDS:
        return None
    if _is_standfirst(line, lines):
        return None
    return line.start, line.end


def _glued_headline_end(text: str, words: list[re.Match[str]]) -> int | None:
    """Where a headline ends when its standfirst sentence follows on the same line."""
    tokens = [w.group(0) for w in words]
    if len(tokens) < 15:
        return None
    medium: int | None = None
    for i in range(5, len(tokens) - 6):
        prev, nxt = tokens[i - 1], tokens[i]
        if prev[-1] in ".!?।":
            return None  # the headline would hold a sentence end
        if not nxt[0].isupper() or prev[-1] in ",:;–—-(" or prev.casefold() in rules.NO_BREAK_AFTER:
            continue
        word = nxt.strip(",.;:").casefold()
        strong = (
            word in rules.SENTENCE_STARTERS
            or (word.endswith("ing") and len(word) > 5)
            or nxt == prev
            or nxt == tokens[0]
        )
        if strong:
            return words[i - 1].end()
        if medium is None and prev[0].isdigit():
            medium = words[i - 1].end()
    return medium


def _tokens(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN_RE.findall(text)]


def _is_standfirst(line: Line, lines: list[Line]) -> bool:
    """True when the line reads as a sentence (a finite auxiliary, or standfirst length) and
    most of it stands again, from its middle on, in a longer body line."""
    head = _tokens(line.text)
    if len(head) < 6:
        return False
    if len(head) < rules.STANDFIRST_MIN_WORDS and not any(t in rules.EN_AUXILIARIES for t in head):
        return False
    need = max(6, int(len(head) * rules.STANDFIRST_SHARED_SHARE + 0.999))
    grams: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(head) - 2):
        grams.setdefault(tuple(head[i : i + 3]), []).append(i)
    key = _norm(line.text)
    for other in lines:
        if other is line or not other.text or other.kind != TEXT or _norm(other.text) == key:
            continue
        toks = _tokens(other.text)
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


# --- byline and date lines ------------------------------------------------------------------


def _read_meta_line(line: Line, meta: Metadata, dates_out: list[tuple[FoundDate, bool]]) -> bool:
    """Read a byline and/or date line; True (and the line claimed as META) when it is one."""
    text = line.text
    words = text.split()
    if len(words) > 16:
        return False
    dates = [d for d in find_dates(text) if d.iso]
    names: list[tuple[int, int]] = []
    label = _LABEL_RE.match(text)
    if label:
        names = _names_after(text, label.end(), dates)
    elif dates and "|" in text[: dates[0].start]:
        names = _names_in(text, 0, text.index("|"))
    covered = set()
    for s, e in names:
        covered.update(range(s, e))
    for d in dates:
        covered.update(range(d.start, d.end))
    if label:
        covered.update(range(label.start(), label.end()))
    for m in (*_DATE_LABEL_RE.finditer(text), *_TIME_RE.finditer(text)):
        covered.update(range(m.start(), m.end()))
    rest = "".join(ch if i not in covered else " " for i, ch in enumerate(text))
    extra = [w for w in re.findall(r"[^\W\d_]+", rest) if w.casefold() not in rules.WEEKDAYS]
    if not names and not dates:
        return False
    if len(extra) > rules.MAX_DATE_LINE_EXTRA_WORDS:
        return False
    if names and not meta.byline:
        meta.byline = [(line.start + s, line.start + e) for s, e in names]
    for d in dates:
        before = text[max(0, d.start - 24) : d.start].casefold()
        labelled_published = any(lab in before for lab in rules.PUBLISHED_LABELS) and not any(
            lab in before for lab in rules.UPDATED_LABELS
        )
        dates_out.append((FoundDate(line.start + d.start, line.start + d.end, d.iso), labelled_published))
    line.kind = META
    return True


def _names_after(text: str, pos: int, dates: list[FoundDate]) -> list[tuple[int, int]]:
    """Names from pos up to the next separator, date label, date or time."""
    end = len(text)
    for m in re.finditer(r"[|•,]|\s[-–—]\s", text[pos:]):
        end = pos + m.start()
        break
    for m in (*_DATE_LABEL_RE.finditer(text, pos), *_TIME_RE.finditer(text, pos)):
        end = min(end, m.start())
    for d in dates:
        if d.start >= pos:
            end = min(end, d.start)
    # a comma-separated list of names continues while each piece is a short name
    return _names_in(text, pos, end)


def _names_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    segment = text[start:end]
    pos = 0
    for piece in _NAME_SPLIT_RE.split(segment):
        at = segment.find(piece, pos)
        pos = at + len(piece)
        name = piece.strip(" \t:;-–—.")
        if not name:
            continue
        if any(ch.isdigit() for ch in name) or len(name.split()) > 6:
            return []
        s = start + at + piece.find(name)
        spans.append((s, s + len(name)))
    return spans


# --- dateline --------------------------------------------------------------------------


def _dateline_match(text: str) -> re.Match[str] | None:
    for regex in (EN_DATELINE_RE, HI_DATELINE_RE):
        m = regex.match(text)
        if m is None:
            continue
        if m.group("term") is None and not m.group("agency"):
            continue
        place_words = m.group("place").split()
        if regex is EN_DATELINE_RE:
            if any(w.casefold().strip(".") in rules.NOT_PLACES for w in place_words):
                continue
            if not all(w[0].isupper() for w in place_words):
                continue
            if m.group("term") in ("-", "–", "—") and not (m.group("date") or m.group("agency")):
                continue
        elif any(w in rules.HI_NAME_STOPS or w in rules.HI_TITLES for w in place_words):
            desk = any(d in m.group("place").casefold() for d in rules.DESK_WORDS)
            if not desk:
                continue
        return m
    return None


def _read_standalone_dateline(
    raw: str, line: Line, meta: Metadata, dates_out: list[tuple[FoundDate, bool]]
) -> bool:
    """A line that is only a dateline ("Raipur:", "रायपुर, 28 अगस्त 2025।")."""
    m = _dateline_match(line.text)
    if m is None or m.end() < len(line.text) or meta.dateline is not None:
        return False
    return _read_dateline(raw, line, meta, dates_out)


def _read_dateline(raw: str, line: Line, meta: Metadata, dates_out: list[tuple[FoundDate, bool]]) -> bool:
    m = _dateline_match(line.text)
    if m is None:
        return False
    place_key = "place"
    if any(d in m.group("place").casefold() for d in rules.DESK_WORDS):
        if not m.group("place2"):
            return False
        if not meta.byline:
            meta.byline = [(line.start + m.start("place"), line.start + m.end("place"))]
        place_key = "place2"
    meta.dateline = (line.start + m.start(place_key), line.start + m.end(place_key))
    if m.group("date"):
        found = find_dates(m.group("date"))
        if found and found[0].iso and not dates_out:
            d = found[0]
            base = line.start + m.start("date")
            dates_out.append((FoundDate(base + d.start, base + d.end, d.iso), False))
    if m.end() >= len(line.text):
        line.kind = META
    return True
