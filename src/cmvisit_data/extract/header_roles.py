"""The header's two scored roles: the title and the publication date.

The fitted header scorer (`header`) rates the candidates `extract.header_features` makes: the
best title candidate above the threshold is the title (or there is none: a page that opens with
its body); the best date candidate (header date lines, a dateline's full date, labelled dates
anywhere, date lines just below the header) above the threshold is the published date, the
first-published one winning over an updated one. With explain, every candidate, its features
and score are recorded.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .. import rules
from ..header import model as header_model
from ..segment import META, TEXT, TITLE, Line
from .date_lines import (
    DATE_LABEL_RE,
    LABEL_REST,
    date_candidate,
    label_before,
    stamp_spans,
    too_many_extra_words,
)
from .dates import FoundDate, find_dates
from .header_features import Candidate, date_label, date_values, title_candidates
from .metadata_record import Metadata

# A label right before its date: "Published: ", "first published on ", "Updated: Friday, ".
_LABEL_BEFORE_RE = re.compile(
    r"(?:" + DATE_LABEL_RE.pattern + r")" + LABEL_REST + r"(?:[^\W\d]+,?\s*)?$", re.IGNORECASE
)
# The scrape's index record some pages open with (" date 2021-02-25 English"): no date of the page.
_INDEX_PREFIX_RE = re.compile(
    rf"{re.escape(rules.SCRAPE_INDEX_LABEL)}\s+\d{{4}}-\d{{2}}-\d{{2}}(?:\s+[^\W\d]+)?"
)


def choose_title(
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


def labelled_dates(lines: list[Line], meta: Metadata) -> None:
    """Dates printed with a Published/Updated label anywhere on the page (a footer's "first
    published: ...") that the header did not already give."""
    seen = {c.start for c in meta.dates}
    for line in lines:
        if not line.text or line.kind == META or len(line.words) > rules.MAX_LABELLED_DATE_WORDS:
            continue
        label_at = DATE_LABEL_RE.search(line.text)
        if label_at is None or len(line.text[: label_at.start()].split()) > rules.MAX_WORDS_BEFORE_DATE_LABEL:
            continue  # a label opens a date line; one inside prose ("was created on") is not one
        for d in find_dates(line.text):
            before = line.text[max(0, d.start - rules.LABELLED_DATE_LABEL_REACH) : d.start]
            label = date_label(before) if _LABEL_BEFORE_RE.search(before) else None
            if d.iso and label and line.start + d.start not in seen:
                found = FoundDate(line.start + d.start, line.start + d.end, d.iso)
                meta.dates.append(date_candidate(line, -1, found, label, "labelled"))


def date_lines_below(text_lines: list[Line], body: list[Line], meta: Metadata) -> None:
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
        stamps = stamp_spans(text)
        if not stamps:
            continue  # a bare date down here may head a teaser or a list; a page's stamp has a label or time
        if too_many_extra_words(text, [(d.start, d.end) for d in dates] + stamps):
            continue
        for d in dates:
            if line.start + d.start not in seen:
                found = FoundDate(line.start + d.start, line.start + d.end, d.iso)
                meta.dates.append(date_candidate(line, k, found, label_before(text, d.start), "meta"))


def choose_published(
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
