"""Title and published-date candidates, and their named features for the fitted scorer.

- title: each of the first text lines (up to the second body-length line), as a whole or,
  when a standfirst sentence is glued after the headline, its headline part; a breadcrumb
  trail opening the line ("Home / News / ...") is left out;
- published: each dated line of the header, a dateline's full date, and dates printed with a
  "Published"/"Updated" label anywhere on the page.

Every feature is a number in [0, 1] with a name; `header.features.FEATURES` lists them per
role, and the weights file must use these names only. Nothing here decides: `header.model`
scores, and `extract.header_roles` takes the decision.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from .. import rules
from ..header.features import TITLE_FEATURES
from ..header.text import BYLINE_LABEL_RE, TIME_RE, breadcrumb_end, glued_headline_end, norm, tokens
from ..segment import (
    BOILERPLATE,
    BULLET,
    NOT_LATIN_RE,
    TEXT,
    TITLE,
    Line,
    ends_sentence,
    language_of,
)
from .datelines import dateline_match
from .dates import find_dates

_SITE_SUFFIX_RE = re.compile(r"\s[|–—-]\s*\S+(?:\s+\S+){0,3}$")


@dataclass
class Candidate:
    """A line (or its first part) and the features it has for one role."""

    line: Line
    start: int
    end: int
    values: dict[str, float] = field(default_factory=dict)
    iso: str | None = None  # for dates
    facts: dict[str, Any] = field(default_factory=dict)  # what date_values reads


def is_long(line: Line) -> bool:
    n = len(line.words)
    return n >= rules.LONG_LINE_WORDS or (n >= rules.LONG_SENTENCE_WORDS and ends_sentence(line.text))


def word_scale(n: int) -> float:
    """A word count as a feature: its log, up to rules.FEATURE_MAX_WORDS words (1.0)."""
    return min(math.log1p(n) / math.log1p(rules.FEATURE_MAX_WORDS), 1.0)


def position_scale(k: int) -> float:
    """A place among the text lines (k >= 0) as a feature, up to rules.FEATURE_MAX_POSITION."""
    return min(k, rules.FEATURE_MAX_POSITION) / rules.FEATURE_MAX_POSITION


def body_language(text_lines: list[Line]) -> str:
    deva = latin = 0
    for line in text_lines:
        d, la = line.scripts
        deva, latin = deva + d, latin + la
    return "hi" if deva >= latin and deva else "en"


def title_candidates(lines: list[Line], text_lines: list[Line], role: Any = None) -> list[Candidate]:
    """The first text lines, each with its title features (`TITLE_STAGES`, then first_shaped).
    With `role` (the title model), the model computes each candidate's features stage by
    stage and stops at a candidate that can no longer be chosen (`RoleModel.staged`): its
    features not computed are 0, and its facts say at which stage it stopped (`pruned`)."""
    window = title_window(text_lines)
    doc = _title_document(lines, text_lines, window)
    out: list[Candidate] = []
    longs = 0
    shaped_seen = False
    beat: float | None = None  # the best margin of the candidates given all their features
    for k, line in enumerate(window):
        ctx = TitleContext(doc, k, longs, shaped_seen)
        cand = title_line(line)
        stages = [partial(stage, cand, ctx) for stage in TITLE_STAGES]
        if role is None:
            values, done = _all_stages(stages), len(stages)
        else:
            # first_shaped is known early or only with the text features; until it is, the
            # candidate is not stopped: its shape decides later candidates' first_shaped.
            def known(v: dict[str, float], seen: bool = shaped_seen) -> dict[str, float] | None:
                fs = first_shaped(v, seen)
                return None if fs is None else {**v, "first_shaped": fs}

            values, done = role.staged(stages, beat, known)
        facts: dict[str, Any] = {}
        if done < len(stages):
            values, facts = {**_NO_TITLE_FEATURES, **values}, {"pruned": done}
        fs = first_shaped(values, shaped_seen)
        assert fs is not None  # every stage that decides it has run, or it was known early
        values["first_shaped"] = fs
        shaped_seen = shaped_seen or _headline_shaped(values)
        if role is not None and not facts:
            margin = role.margin(values)
            beat = margin if beat is None else max(beat, margin)
        out.append(Candidate(line, cand.start, cand.end, values, facts=facts))
        longs += is_long(line)
    return out


def _all_stages(stages: list[Any]) -> dict[str, float]:
    values: dict[str, float] = {}
    for stage in stages:
        values.update(stage())
    return values


def title_window(text_lines: list[Line]) -> list[Line]:
    """The text lines a title is looked for in: the first rules.MAX_TITLE_CANDIDATES, up to
    and including the rules.TITLE_WINDOW_LONG_LINES-th body-length one."""
    window: list[Line] = []
    longs = 0
    for line in text_lines[: rules.MAX_TITLE_CANDIDATES]:
        if longs >= rules.TITLE_WINDOW_LONG_LINES:
            break
        window.append(line)
        longs += is_long(line)
    return window


@dataclass(slots=True)
class TitleDocument:
    """What every title candidate of one page reads beyond its own line."""

    lines: list[Line]
    text_lines: list[Line]
    language: str  # the body's
    counts: dict[str, int]  # normalised line -> how often the page prints it
    later_longs: list[Line]  # the body-length lines among the window and a few below it


@dataclass(slots=True)
class TitleContext:
    """A title candidate's place on its page."""

    doc: TitleDocument
    k: int  # its place among the text lines
    longs: int  # body-length lines above it
    shaped_seen: bool  # a headline-shaped line came above: this one is not the first

    @property
    def nxt(self) -> Line | None:
        """The next text line."""
        text_lines = self.doc.text_lines
        return text_lines[self.k + 1] if self.k + 1 < len(text_lines) else None


@dataclass(slots=True)
class TitleLine:
    """A title candidate's text: its line, or the headline part of it (after a breadcrumb
    trail, before a glued standfirst)."""

    line: Line
    start: int
    end: int
    text: str
    key: str  # the normalised text, before a glued standfirst is cut off
    glued: bool
    trimmed: bool  # the text is not the whole line
    n: int  # its words


def title_line(line: Line) -> TitleLine:
    text = line.text
    start, end = line.start, line.end
    crumb = breadcrumb_end(text)
    if crumb is not None:  # the headline after a breadcrumb trail
        start, text = line.start + crumb, text[crumb:]
    key = norm(text)
    glued = False
    if ends_sentence(text):
        split = glued_headline_end(text)
        if split is not None:
            end, glued, text = start + split, True, text[:split]
    trimmed = glued or crumb is not None
    n = len(text.split()) if trimmed else len(line.words)
    return TitleLine(line, start, end, text, key, glued, trimmed, n)


def _title_document(lines: list[Line], text_lines: list[Line], window: list[Line]) -> TitleDocument:
    language = body_language(text_lines[: rules.MAX_TITLE_CANDIDATES + 2])
    lengths = {len(line.text) for line in window}
    keys = {norm(line.text) for line in window}
    # A headline after a breadcrumb trail is printed once more, inside the trail's line.
    crumbed = [norm(line.text[k:]) for line in window if (k := breadcrumb_end(line.text)) is not None]
    counts: dict[str, int] = dict.fromkeys(crumbed, 0)
    for key in crumbed:
        counts[key] += 1
    keys.update(crumbed)
    lengths.update(len(x) for x in crumbed)
    for line in lines:
        if len(line.text) in lengths and line.kind in (TEXT, BOILERPLATE, TITLE):
            key = norm(line.text)
            if key in keys:
                counts[key] = counts.get(key, 0) + 1
    later_longs = [x for x in text_lines[: len(window) + rules.TITLE_LEAD_LOOKAHEAD] if is_long(x)]
    return TitleDocument(lines, text_lines, language, counts, later_longs)


# --- The title feature stages, cheapest first: each a function of (candidate, context). ---


def place_values(c: TitleLine, ctx: TitleContext) -> dict[str, float]:
    """The candidate's own shape and place; and whether the page prints it more than once
    (the strongest positive evidence, cheap to read: known early, it stops most candidates)."""
    n, nxt, k = c.n, ctx.nxt, ctx.k
    return {
        "first": float(k == 0),
        "position": position_scale(k),
        "after_long": min(ctx.longs, rules.TITLE_WINDOW_LONG_LINES) / rules.TITLE_WINDOW_LONG_LINES,
        "words": word_scale(n),
        "short": float(n <= rules.SHORT_TITLE_WORDS),
        "very_long": float(n > rules.VERY_LONG_TITLE_WORDS),
        "ends_sentence": float(ends_sentence(c.text)),
        "glued": float(c.glued),
        "next_long": float(nxt is not None and is_long(nxt)),
        "prev_meta": float(k > 0 and is_meta_like(ctx.doc.text_lines[k - 1])),
        "repeated": float(ctx.doc.counts.get(c.key, 0) > 1),
    }


def neighbour_values(c: TitleLine, ctx: TitleContext) -> dict[str, float]:
    """What the next text line is: a dateline, a date or byline line."""
    nxt = ctx.nxt
    return {
        "next_dateline": float(nxt is not None and dateline_match(nxt.text) is not None),
        "next_meta": float(nxt is not None and is_meta_like(nxt)),
    }


def below_values(c: TitleLine, ctx: TitleContext) -> dict[str, float]:
    """How much of its words the body-length lines below repeat; whether a list follows it."""
    doc = ctx.doc
    line = c.line
    lead = [x for x in doc.later_longs if x.index > line.index][: rules.TITLE_LEAD_LINES]
    lead_toks = set().union(*(tokens(x.text) for x in lead))
    toks = tokens(c.text)
    after = next((x for x in doc.lines[line.index + 1 :] if x.text), None)
    return {
        "lead_overlap": (sum(t in lead_toks for t in toks) / len(toks)) if toks and lead_toks else 0.0,
        "next_bullet": float(after is not None and after.kind == BULLET),
    }


def first_shaped(values: dict[str, float], shaped_seen: bool) -> float | None:
    """Whether the candidate is the first headline-shaped line, from its features so far; None
    while that rests on features not computed yet (the shape's blockers are text features)."""
    if shaped_seen or values["ends_sentence"] or values["words"] < _SHAPED_WORDS:
        return 0.0
    if any(b not in values for b in _SHAPE_BLOCKERS):
        return None
    return float(_headline_shaped(values))


def _headline_shaped(v: dict[str, float]) -> bool:
    """A candidate's features say: five words or more, not a sentence, no date, label,
    credit, link or markup."""
    if v["ends_sentence"] or v["words"] < _SHAPED_WORDS:
        return False
    return not any(v[b] for b in _SHAPE_BLOCKERS)


_SHAPE_BLOCKERS = ("dated", "byline_label", "credit", "url", "markup", "caption", "dateline")


_SHAPED_WORDS = word_scale(rules.HEADLINE_MIN_WORDS)


def is_credit(text: str) -> bool:
    """A byline credit without a label: a desk or network, a reporter's role, "… की रिपोर्ट"."""
    low = text.casefold()
    if len(text.split()) > rules.MAX_CREDIT_WORDS:
        return False
    words = set(low.replace(",", " ").replace("-", " ").split())
    return (
        any(w in words for w in rules.DESK_WORDS)
        or any(w in low for w in rules.BYLINE_ROLE_WORDS)
        or text.endswith(rules.HI_REPORT_CREDITS)
    )


def is_meta_like(line: Line) -> bool:
    """A short line with a full date, an author label or a credit."""
    text = line.text
    return len(line.words) <= rules.MAX_DATE_LINE_WORDS and (
        bool(BYLINE_LABEL_RE.match(text)) or is_credit(text) or any(d.iso for d in find_dates(text))
    )


_NO_TITLE_FEATURES = dict.fromkeys(TITLE_FEATURES, 0.0)


def text_values(c: TitleLine, ctx: TitleContext) -> dict[str, float]:
    """What the candidate's text holds."""
    text, language = c.text, ctx.doc.language
    words = text.split()
    n = len(words)
    low = text.casefold()
    latin = [w for w in words if w[:1].isascii() and w[:1].isalpha()]
    n_letters = sum(map(str.isalpha, text))
    word_set = {w.strip(rules.WORD_EDGE_PUNCTUATION).casefold() for w in words}
    return {
        "ends_colon": float(text.rstrip().endswith((":", "："))),
        "pipe": float("|" in text),
        "site_suffix": float(bool(_SITE_SUFFIX_RE.search(text)) and n >= rules.HEADLINE_MIN_WORDS),
        "title_case": sum(w[0].isupper() for w in latin) / len(latin) if latin else 0.0,
        "all_caps": float(n_letters >= rules.MIN_CAPS_LETTERS and NOT_LATIN_RE.sub("", text).isupper()),
        "digits": min(sum(map(str.isdigit, text)) / max(len(text), 1) / rules.DIGIT_SHARE_FULL, 1.0),
        "script_mismatch": float((language_of(text) or language) != language),
        "dateline": float(
            dateline_match(text) is not None and (ends_sentence(text) or n >= rules.LONG_LINE_WORDS)
        ),
        "dated": float(any(d.iso for d in find_dates(text))),
        "byline_label": float(bool(BYLINE_LABEL_RE.match(text))),
        "caption": float(text.startswith("(") or any(m in low for m in rules.CAPTION_MARKERS)),
        "quote_mark": float(any(q in text for q in rules.FEATURE_QUOTE_MARKS)),
        "speech": float(
            bool(word_set & rules.EN_SPEECH_VERBS) or any(c in text for c in rules.HI_SPEECH_WORDS)
        ),
        "url": float(any(m in low for m in rules.URL_MARKERS) or text.startswith("/")),
        "nav_words": sum(w in rules.NAV_WORDS for w in word_set) / max(len(word_set), 1),
        "markup": float(any(c in text for c in rules.MARKUP_CHARS)),
        "credit": float(is_credit(text)),
        "list_heading": float(low.startswith(rules.HIGHLIGHT_HEADINGS)),
    }  # fmt: skip


TITLE_STAGES = (place_values, neighbour_values, text_values, below_values)


def date_values(
    *,
    line: Line,
    position: int,
    title_position: int | None,
    label: str | None,
    source: str,
    first: bool,
    repeated: bool,
) -> dict[str, float]:
    """The features of one printed date: its label, where it stands, what its line holds.

    position and title_position count text lines from the top (-1: not a text line);
    label is "published", "updated" or None; source is "meta" (a date or byline line of
    the header), "dateline" (the date of the body's dateline) or "labelled" (a labelled
    date elsewhere on the page)."""
    words = line.words
    return {
        "label_published": float(label == "published"),
        "label_updated": float(label == "updated"),
        "meta_line": float(source == "meta"),
        "in_dateline": float(source == "dateline"),
        "labelled_elsewhere": float(source == "labelled"),
        "before_title": float(title_position is not None and 0 <= position < title_position),
        "no_title": float(title_position is None),
        "position": position_scale(position) if position >= 0 else 1.0,
        "line_words": word_scale(len(words)),
        "has_time": float(bool(TIME_RE.search(line.text))),
        "trailing": float(line.kind == BOILERPLATE),
        "repeated": float(repeated),
        "first": float(first),
        "weekday": float(any(w.strip(",.").casefold() in rules.WEEKDAYS for w in words)),
        "in_sentence": float(len(words) > rules.DATE_IN_SENTENCE_WORDS and source != "dateline"),
    }


def date_label(before: str) -> str | None:
    """The label printed just before a date: "published" wins over "updated" when both are."""
    before = before.casefold()
    if any(lab in before for lab in rules.PUBLISHED_LABELS) and not any(
        lab in before for lab in rules.UPDATED_LABELS
    ):
        return "published"
    if any(lab in before for lab in rules.UPDATED_LABELS):
        return "updated"
    return None
