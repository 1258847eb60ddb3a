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

This module sequences the readers over the header and makes no decision of its own: the title
and the published date are `extract.header_roles`', the bylines `extract.bylines`', the
dateline `extract.dateline_choice`'s; what they find is kept in `extract.metadata_record`, and
what a date line holds is read by `extract.date_lines`.
"""

from __future__ import annotations

from typing import Any

from .. import rules
from ..header import model as header_model
from ..header.text import norm
from ..segment import BOILERPLATE, TEXT, Line
from .bylines import bare_name, read_credits, read_meta_line
from .dateline_choice import read_dateline, read_standalone_dateline
from .header_features import is_long
from .header_roles import choose_published, choose_title, date_lines_below, labelled_dates
from .metadata_record import Metadata


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
    title_at = choose_title(raw, lines, text_lines, meta, model, explain)
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
        if (not above_title and read_standalone_dateline(raw, line, nxt, meta)) or read_meta_line(
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
            if read_dateline(raw, line, meta, text_lines.index(line)):
                break
    bare_name(raw, text_lines, meta)
    read_credits(raw, lines, meta)
    labelled_dates(lines, meta)
    date_lines_below(text_lines, body, meta)
    choose_published(meta, title_at, model, explain, raw)
    if explain is not None:
        explain.update(meta.explained(raw))
    return meta
