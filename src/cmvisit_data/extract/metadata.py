"""Document metadata: title, byline, publication date and dateline, each with its span.

Reads the lines `segment` marked and claims the ones it uses (the title as TITLE, byline,
date and stand-alone dateline lines as META, furniture above the title and repeated
headlines as boilerplate). The decisions:

- title: the fitted header scorer (`header`) rates each of the first text lines; the best
  one above the threshold is the title, or there is none (a page that opens with its body).
- byline: a labelled author line ("By", "Edited By", "द्वारा"), a "Name | date" pair, a
  label alone with the name on the next line, a short name line beside a date line, a
  "Name, Correspondent, Place" line, a desk opening the body ("समाचार डेस्क, रायपुर।"), and
  credits printed after the body ("OB Bureau", "हिन्दुस्थान समाचार / नाम", "नाम की रिपोर्ट").
- published: the fitted scorer rates every candidate date (header date lines, a dateline's
  full date, labelled dates anywhere); the best above the threshold wins, or none does.
- dateline: the place that opens one of the first body paragraphs (`extract.datelines`), or a
  place printed alone on the line above the body.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import rules
from ..header import model as header_model
from ..header.text import BYLINE_LABEL_RE, TIME_RE, norm
from ..patterns import led_by_first_chars
from ..segment import BOILERPLATE, META, TEXT, TITLE, Line, ends_sentence
from .datelines import dateline_match
from .dates import FoundDate, find_dates
from .header_features import Candidate, date_label, date_values, is_long, title_candidates


def _char_class(chars: str) -> str:
    """The characters of chars for a [...] class, each escaped."""
    return "".join(re.escape(ch) for ch in chars)


def _repeat(bounds: tuple[int, int]) -> str:
    """A pattern's count of repeats, "{low,high}"."""
    low, high = bounds
    return f"{{{low},{high}}}"


def _alternatives(words: Sequence[str]) -> str:
    """The words as alternatives of a pattern, each escaped."""
    return "|".join(re.escape(w) for w in words)


_DATE_LABELS = sorted(rules.PUBLISHED_LABELS + rules.UPDATED_LABELS, key=len, reverse=True)
_DATE_LABEL_RE = re.compile(led_by_first_chars(_alternatives(_DATE_LABELS), _DATE_LABELS), re.IGNORECASE)
# What may stand between a date label and its date: a link word and a separator ("Updated on: ").
_LABEL_REST = (
    rf"\s*(?:{_alternatives(rules.DATE_LABEL_LINKS)})?\s*[{_char_class(rules.DATE_LABEL_SEPARATORS)}]?\s*"
)
# "By" glued to the capitalised name it credits ("ByRavi Kant"): the label, not part of the name.
# Any one-word Latin byline label, capitalised.
_GLUED_BYLINE_LABELS = [x.capitalize() for x in rules.BYLINE_LABELS if x.isascii() and " " not in x]
_GLUED_BY_RE = re.compile(rf"(?:{_alternatives(_GLUED_BYLINE_LABELS)})(?=[A-Z][a-z])")
# A separator after which a byline label may open the credit ("March 4, 2025 | By Ravi Kant").
_CREDIT_SEPARATOR_RE = re.compile(rf"[{_char_class(rules.CREDIT_SEPARATORS)}]\s*")
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
    rf"[{_char_class(rules.LABELLED_NAME_END_MARKS)}]|\s[{_char_class(rules.CREDIT_DASHES)}]\s"
)
# A label right before its date: "Published: ", "first published on ", "Updated: Friday, ".
_LABEL_BEFORE_RE = re.compile(
    r"(?:" + _DATE_LABEL_RE.pattern + r")" + _LABEL_REST + r"(?:[^\W\d]+,?\s*)?$", re.IGNORECASE
)
# A place printed alone above the body: capitalised or capital Latin words, or Devanagari ones.
_PLACE_WORD = rf"(?:[A-Z][a-z]+|[A-Z]+|[{rules.DEVANAGARI_LETTERS}]+)"
_LONE_PLACE_RE = re.compile(rf"{_PLACE_WORD}(?: {_PLACE_WORD})*")
_DESK_SEPARATORS = _char_class(rules.DESK_PLACE_SEPARATORS)
# "Desk - Place": the desk opens with a letter and holds no separator and no colon, the place opens
# with a letter and holds letters, digits and spaces.
_DESK_PLACE_RE = re.compile(
    rf"(?P<desk>(?=[^\W\d])[^{_DESK_SEPARATORS}:]{_repeat(rules.DESK_CREDIT_DESK_CHARS)}?)\s*[{_DESK_SEPARATORS}]\s*"
    rf"(?=[^\W\d])[\w ]{_repeat(rules.DESK_CREDIT_PLACE_CHARS)}$"
)
# A sentence's end inside a line: a danda or a double danda anywhere, or a Latin stop (full stop,
# ! or ?) after a word and before a space. The stops are rules.SENTENCE_STOPS with the double
# danda added (a Hindi verse's or a paragraph's end, which no line ends with in segment's
# ends_sentence); unlike ends_sentence (the line's last mark) it reads inside a line, and unlike
# quotes' sentence ends it needs a space after a Latin stop and takes no glued Hindi stop.
_DANDAS = "".join(ch for ch in rules.SENTENCE_STOPS if rules.is_devanagari(ch)) + rules.HI_DOUBLE_DANDA
_LATIN_STOPS = "".join(ch for ch in rules.SENTENCE_STOPS if not rules.is_devanagari(ch))
_SENTENCE_END_RE = re.compile(
    rf"[{_char_class(_DANDAS)}]|(?<=[^\s.])(?P<stop>[{_char_class(_LATIN_STOPS)}])(?=\s)"
)
_INDEX_PREFIX_RE = re.compile(
    rf"{re.escape(rules.SCRAPE_INDEX_LABEL)}\s+\d{{4}}-\d{{2}}-\d{{2}}(?:\s+[^\W\d]+)?"
)
# What may follow a date label printed without its date ("Updated on:").
_EMPTY_LABEL_REST_RE = re.compile(_LABEL_REST, re.IGNORECASE)
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
_GLUED_LABEL_RE = re.compile(rf"(?<=[a-z.])(?:{_alternatives(_GLUED_LABELS)})\b")
# A site's account printed as its credit ("admin"): lower-case letters, digits, "_" and ".".
_ACCOUNT_RE = re.compile(rf"(?=[a-z])[a-z0-9_.]{{{rules.ACCOUNT_MIN_CHARS},}}")
# A letter word, for counting the words a date line holds besides its date, labels and names.
_LETTER_WORD_RE = re.compile(rf"(?:[^\W\d_]|[{rules.DEVANAGARI_LETTERS}])+")


# The byline and dateline rules, as --explain names them.
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
_BY_DESK_PLACE = "a desk printed where the dateline's place stands"
_DATELINE_ALONE = "a line that is only a dateline"
_DATELINE_OPENING = "the opening of a body line"
_PLACE_ALONE = "a place alone on the line above the body"


@dataclass
class Metadata:
    title: tuple[int, int] | None = None
    published: FoundDate | None = None  # offsets absolute
    byline: list[tuple[int, int]] = field(default_factory=list)
    dateline: tuple[int, int] | None = None
    standfirst: tuple[int, int] | None = None  # text glued after the headline on its line
    dates: list[Candidate] = field(default_factory=list)  # publication-date candidates
    # The rule that read each byline name (in byline's order) and the dateline, for --explain.
    byline_rules: list[str] = field(default_factory=list)
    dateline_rule: str | None = None

    def add_byline(self, spans: list[tuple[int, int]], raw: str, rule: str) -> None:
        seen = {norm(raw[s:e]) for s, e in self.byline}
        for s, e in spans:
            if e > s and norm(raw[s:e]) not in seen:
                self.byline.append((s, e))
                self.byline_rules.append(rule)
                seen.add(norm(raw[s:e]))

    def explained(self, raw: str) -> dict[str, Any]:
        """The rule behind each byline name and the dateline, with their spans."""
        dateline = None
        if self.dateline is not None:
            s, e = self.dateline
            dateline = {"text": raw[s:e], "start": s, "end": e, "rule": self.dateline_rule}
        return {
            "byline": [
                {"text": raw[s:e], "start": s, "end": e, "rule": rule}
                for (s, e), rule in zip(self.byline, self.byline_rules, strict=True)
            ],
            "dateline": dateline,
        }

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


def extract_metadata(
    raw: str,
    lines: list[Line],
    model: header_model.HeaderModel | None = None,
    explain: dict[str, Any] | None = None,
) -> Metadata:
    """The metadata of one document; with explain, every scored candidate is recorded there."""
    model = model or header_model.load()
    meta = Metadata()
    text_lines = [line for line in lines if line.kind == TEXT]
    if not text_lines:
        return meta
    title_at = _choose_title(raw, lines, text_lines, meta, model, explain)
    title_key = norm(raw[meta.title[0] : meta.title[1]]) if meta.title else None

    body: list[Line] = []
    for k, line in enumerate(text_lines):
        if len(body) >= rules.HEADER_BODY_LINES:
            break
        if line.kind != TEXT:
            continue
        if title_key and norm(line.text) == title_key:
            line.kind, line.detail = BOILERPLATE, "repeated-title"
            continue
        nxt = text_lines[k + 1] if k + 1 < len(text_lines) else None
        above_title = title_at is not None and k < title_at
        if (not above_title and _read_standalone_dateline(raw, line, nxt, meta)) or _read_meta_line(
            raw, line, k, meta, text_lines
        ):
            continue
        if above_title:
            if not is_long(line):
                line.kind, line.detail = BOILERPLATE, "furniture"
            continue
        if len(line.words) >= rules.HEADER_BODY_MIN_WORDS:
            body.append(line)

    if meta.dateline is None:
        for line in body:  # at most rules.HEADER_BODY_LINES
            if _read_dateline(raw, line, meta, text_lines.index(line)):
                break
    _bare_name(raw, text_lines, meta)
    _read_credits(raw, lines, meta)
    _labelled_dates(lines, meta)
    _date_lines_below(text_lines, body, meta)
    _choose_published(meta, title_at, model, explain, raw)
    if explain is not None:
        explain.update(meta.explained(raw))
    return meta


# --- title -------------------------------------------------------------------------------


def _choose_title(
    raw: str,
    lines: list[Line],
    text_lines: list[Line],
    meta: Metadata,
    model: header_model.HeaderModel,
    explain: dict[str, Any] | None,
) -> int | None:
    role = model.role("title")
    # An explanation lists every candidate's features in full; otherwise hopeless ones are pruned.
    candidates = title_candidates(lines, text_lines, role if explain is None else None)
    # A pruned candidate can be chosen by no ordering of scores: it is not scored.
    live = [i for i, c in enumerate(candidates) if not c.facts.get("pruned")]
    pick = role.choose([candidates[i].values for i in live])
    pick = (live[pick[0]], pick[1]) if pick is not None else None
    if explain is not None:
        explain["title"] = _explained(raw, candidates, role, pick)
    if pick is None:
        return None
    chosen = candidates[pick[0]]
    meta.title = (chosen.start, chosen.end)
    line = chosen.line
    line.kind = TITLE
    if chosen.end < line.end:
        rest = chosen.end
        while rest < line.end and raw[rest].isspace():
            rest += 1
        meta.standfirst = (rest, line.end)
    return pick[0]


def _explained(
    raw: str, candidates: list[Candidate], role: header_model.RoleModel, pick: tuple[int, float] | None
) -> dict[str, Any]:
    return {
        "threshold": role.threshold,
        "chosen": None if pick is None else pick[0],
        "candidates": [
            {
                "text": raw[c.start : c.end],
                "start": c.start,
                "end": c.end,
                **({"iso": c.iso} if c.iso else {}),
                "score": round(role.score(c.values), 4),
                "features": {k: round(v, 4) for k, v in c.values.items() if v},
                "because": [[n, round(x, 4)] for n, _, x in role.contributions(c.values)[:6]],
            }
            for c in candidates
        ],
    }


# --- byline and date lines ------------------------------------------------------------------


def _read_meta_line(raw: str, line: Line, k: int, meta: Metadata, text_lines: list[Line]) -> bool:
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
    known = [*names, *((d.start, d.end) for d in dates), *_stamps(text)]
    if label:
        known.append(label.span())
    if _too_many_extra_words(text, known) and not (names and not dates and not label):
        return False
    if dates and not names:
        names, rule = _beside_date_line(text_lines, k), _BY_BESIDE_DATE_LINE
    meta.add_byline([(line.start + s, line.start + e) for s, e in names], raw, rule)
    for d in dates:
        found = FoundDate(line.start + d.start, line.start + d.end, d.iso)
        meta.dates.append(_date_candidate(line, k, found, _label_before(text, d.start), "meta"))
    line.kind = META
    return True


def _stamps(text: str) -> list[tuple[int, int]]:
    """The spans of a line's date labels and times."""
    return [m.span() for m in (*_DATE_LABEL_RE.finditer(text), *TIME_RE.finditer(text))]


def _too_many_extra_words(text: str, known: list[tuple[int, int]]) -> bool:
    """Whether a date line holds more than rules.MAX_DATE_LINE_EXTRA_WORDS words (weekdays left
    out) besides the known spans (its dates, labels, times, names): then it is prose."""
    covered: set[int] = set()
    for s, e in known:
        covered.update(range(s, e))
    rest = "".join(" " if i in covered else ch for i, ch in enumerate(text))
    extra = [w for w in _LETTER_WORD_RE.findall(rest) if w.casefold() not in rules.WEEKDAYS]
    return len(extra) > rules.MAX_DATE_LINE_EXTRA_WORDS


def _label_before(text: str, start: int) -> str | None:
    """The label ("published", "updated") printed in the rules.DATE_LABEL_REACH characters before a date."""
    return date_label(text[max(0, start - rules.DATE_LABEL_REACH) : start])


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


def _bare_name(raw: str, text_lines: list[Line], meta: Metadata) -> None:
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
    label = _DATE_LABEL_RE.match(line.text)
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
    for m in (*_DATE_LABEL_RE.finditer(text, pos), *TIME_RE.finditer(text, pos)):
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


def _read_credits(raw: str, lines: list[Line], meta: Metadata) -> None:
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


# --- publication date ------------------------------------------------------------------


def _date_candidate(line: Line, k: int, found: FoundDate, label: str | None, source: str) -> Candidate:
    return Candidate(
        line, found.start, found.end, iso=found.iso, facts={"position": k, "label": label, "source": source}
    )


def _labelled_dates(lines: list[Line], meta: Metadata) -> None:
    """Dates printed with a Published/Updated label anywhere on the page (a footer's "first
    published: ...") that the header did not already give."""
    seen = {c.start for c in meta.dates}
    for line in lines:
        if not line.text or line.kind == META or len(line.words) > rules.MAX_LABELLED_DATE_WORDS:
            continue
        label_at = _DATE_LABEL_RE.search(line.text)
        if label_at is None or len(line.text[: label_at.start()].split()) > rules.MAX_WORDS_BEFORE_DATE_LABEL:
            continue  # a label opens a date line; one inside prose ("was created on") is not one
        for d in find_dates(line.text):
            before = line.text[max(0, d.start - rules.LABELLED_DATE_LABEL_REACH) : d.start]
            label = date_label(before) if _LABEL_BEFORE_RE.search(before) else None
            if d.iso and label and line.start + d.start not in seen:
                found = FoundDate(line.start + d.start, line.start + d.end, d.iso)
                meta.dates.append(_date_candidate(line, -1, found, label, "labelled"))


def _date_lines_below(text_lines: list[Line], body: list[Line], meta: Metadata) -> None:
    """Date lines printed below a standfirst, a caption or the first paragraph, past the lines
    the header scan read (it stops at its third body line): "3 min read Last Updated : Mar 4
    2025 | 10:15 AM IST", a short line of the page's top that holds a full date with its label
    or its time and, besides them, little else."""
    if len(body) < rules.HEADER_BODY_LINES:
        return  # the header scan read every text line
    start = text_lines.index(body[-1]) + 1
    seen = {c.start for c in meta.dates}
    for k in range(start, min(len(text_lines), rules.DATE_LINE_WINDOW)):
        line = text_lines[k]
        text = line.text
        if line.kind != TEXT or len(line.words) > rules.MAX_DATE_LINE_WORDS:
            continue
        dates = [d for d in find_dates(text) if d.iso]
        if not dates:
            continue
        stamps = _stamps(text)
        if not stamps:
            continue  # a bare date down here may head a teaser or a list; a page's stamp has a label or time
        if _too_many_extra_words(text, [(d.start, d.end) for d in dates] + stamps):
            continue
        for d in dates:
            if line.start + d.start not in seen:
                found = FoundDate(line.start + d.start, line.start + d.end, d.iso)
                meta.dates.append(_date_candidate(line, k, found, _label_before(text, d.start), "meta"))


def _choose_published(
    meta: Metadata,
    title_at: int | None,
    model: header_model.HeaderModel,
    explain: dict[str, Any] | None,
    raw: str,
) -> None:
    # the index prefix some scraped pages open with (" date 2021-02-25 English") is the
    # scrape's record, not a date the page prints
    meta.dates = [
        c for c in meta.dates if not (c.line.index == 0 and _INDEX_PREFIX_RE.fullmatch(c.line.text))
    ]
    if any(c.facts["label"] == "published" for c in meta.dates):
        # the contract: the first-published date wins when an updated one is printed too
        meta.dates = [c for c in meta.dates if c.facts["label"] != "updated"]
    iso_counts = Counter(c.iso for c in meta.dates)
    for i, cand in enumerate(meta.dates):
        cand.values = date_values(
            line=cand.line,
            title_position=title_at,
            first=i == 0,
            repeated=iso_counts[cand.iso] > 1,
            **cand.facts,
        )
    role = model.role("published")
    pick = role.choose([c.values for c in meta.dates])
    if explain is not None:
        explain["published"] = _explained(raw, meta.dates, role, pick)
    if pick is not None:
        c = meta.dates[pick[0]]
        meta.published = FoundDate(c.start, c.end, c.iso)


# --- dateline --------------------------------------------------------------------------


def _read_standalone_dateline(raw: str, line: Line, nxt: Line | None, meta: Metadata) -> bool:
    """A line that is only a dateline ("Raipur:", "रायपुर, 28 अगस्त 2025।"), or a place printed
    alone on the line above the body ("भोपाल", "भोपाल,")."""
    if meta.dateline is not None:
        return False
    m = dateline_match(line.text)
    if m is not None and m.end() >= len(line.text):
        return _read_dateline(raw, line, meta, -1)
    words = line.words
    place = line.text.removesuffix(",").rstrip()  # "रायपुर," alone: the comma before the body
    if (
        len(words) <= rules.LONE_PLACE_MAX_WORDS
        and nxt is not None
        and is_long(nxt)
        and _LONE_PLACE_RE.fullmatch(place)
    ):
        if place.casefold() in rules.NOT_PLACES or place in rules.HI_NAME_STOPS:
            return False
        if dateline_match(nxt.text) is not None:
            return False
        meta.dateline, meta.dateline_rule = (line.start, line.start + len(place)), _PLACE_ALONE
        line.kind = META
        return True
    return False


def _reads_as_prose(text: str, start: int) -> bool:
    """Whether text after start is a paragraph's prose: it ends a sentence, or a sentence ends
    inside it (a headline or a kicker has no full stop)."""
    if ends_sentence(text):
        return True
    for m in _SENTENCE_END_RE.finditer(text, start):
        # a full stop after a title ("Dr.", "डॉ.") abbreviates it and ends no sentence
        word = _word_ending_at(text, m.start()).casefold()
        if not (m.group("stop") == "." and (word in rules.EN_TITLES or word in rules.HI_TITLES)):
            return True
    return False


def _word_ending_at(text: str, end: int) -> str:
    """The whitespace-delimited word that ends at end, read backwards from it (reading the text
    before it whole, for each stop of a long line, would be quadratic)."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _cut_off(raw: str, line: Line) -> bool:
    """A long last line: a paragraph cut off by the end of a truncated document, whose first
    sentence may not have ended yet."""
    return len(line.words) >= rules.LONG_LINE_WORDS and not raw[line.end :].strip()


def _read_dateline(raw: str, line: Line, meta: Metadata, k: int) -> bool:
    m = dateline_match(line.text)
    if m is None:
        return False
    if m.end() < len(line.text) and not (_reads_as_prose(line.text, m.end()) or _cut_off(raw, line)):
        return False  # a headline's prefix ("X |", "CG:") or a kicker: a dateline opens a paragraph
    place_key = "place"
    groups = m.groupdict()
    if any(d in m.group("place").casefold() for d in rules.DESK_WORDS):
        meta.add_byline([(line.start + m.start("place"), line.start + m.end("place"))], raw, _BY_DESK_PLACE)
        if not groups.get("place2"):
            return False
        place_key = "place2"
    meta.dateline = (line.start + m.start(place_key), line.start + m.end(place_key))
    meta.dateline_rule = _DATELINE_ALONE if k < 0 else _DATELINE_OPENING
    if groups.get("date"):
        found = find_dates(m.group("date"))
        if found and found[0].iso:
            d = found[0]
            base = line.start + m.start("date")
            meta.dates.append(
                _date_candidate(line, k, FoundDate(base + d.start, base + d.end, d.iso), None, "dateline")
            )
    if m.end() >= len(line.text):
        line.kind = META
    return True
