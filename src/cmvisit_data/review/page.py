"""The review page: one self-contained HTML file showing what the parser made of documents.

For each document: its text with every piece highlighted by kind (`nesting` marks them), a
side list of the pieces (kind, value, span, each a link to its place), and, where the
document has an annotation, where the annotation and the parser disagree. The page loads
nothing: no script, no font, no image, no stylesheet of its own beside the inline one, and a
Content-Security-Policy that forbids loading anything else; fonts are the system's, with
Devanagari ones named for Hindi text. Everything a document holds is escaped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..contract import document_text
from .nesting import Mark, escape_text, marked_html
from .pieces import KINDS, Piece, pieces

# The side list shows at most this many characters of a piece's text: enough to recognise it.
EXCERPT_CHARS = 80

# System fonts only: none is shipped. Devanagari faces are named before the generic family so
# a Hindi document renders with one where the system has it (Noto, Lohit on Linux; Mangal,
# Nirmala UI on Windows; Kohinoor on macOS).
FONTS = (
    'system-ui, "Noto Sans", "DejaVu Sans", "Noto Sans Devanagari", "Lohit Devanagari", "Mangal", '
    '"Nirmala UI", "Kohinoor Devanagari", sans-serif'
)
# Nothing may be loaded: no network, no file beside the page.
CSP = "default-src 'none'; style-src 'unsafe-inline'"

_CSS = (
    f"body{{font-family:{FONTS};margin:0;color:#1a1a1a;background:#fff;line-height:1.5}}"
    + """
header{padding:.8em 1.2em;border-bottom:1px solid #ccc;background:#f6f6f6}
h1{font-size:1.3em;margin:0 0 .4em}
h2{font-size:1.1em;margin:0 0 .5em;word-break:break-all}
.legend span.pc{margin-right:.6em;padding:0 .3em}
section.doc{padding:1em 1.2em;border-bottom:3px solid #999}
.cols{display:flex;gap:1.2em;align-items:flex-start}
.text{white-space:pre-wrap;flex:3;min-width:0;max-width:80ch;overflow-wrap:anywhere;
 border:1px solid #ddd;padding:.8em;background:#fffefa}
aside{flex:2;min-width:0;max-height:90vh;overflow:auto;position:sticky;top:0}
table{border-collapse:collapse;font-size:.85em;width:100%}
th,td{border:1px solid #ddd;padding:.2em .4em;vertical-align:top;text-align:left;overflow-wrap:break-word}
th{background:#eee}
td.span,td.field{white-space:nowrap}
.meta{color:#555;font-size:.9em;margin:.2em 0 .6em}
.disagree{background:#fff0f0;border:1px solid #d88;padding:.5em;margin:.5em 0}
.notes{color:#444;font-size:.9em}
.agree{background:#f0fff0;border:1px solid #8c8;padding:.5em;margin:.5em 0}
.pc{border-radius:2px}
.k-title{background:#d4f5d4;font-weight:bold}
.k-byline{background:#eadcff}
.k-published{background:#ffe0b3}
.k-dateline{background:#ffd6e7}
.k-highlight{background:#fff3a8}
.k-quote{background:#dcefff}
.k-cue{background:#ffb3b3;font-weight:bold;text-decoration:underline}
.k-tweet{background:#d8f3f3;box-shadow:inset 0 -2px #1b9e9e}
.k-attribution{background:#b8e6e6;font-style:italic}
.k-related{background:#e6e6ff;text-decoration:underline dotted}
.k-boilerplate{color:#999;background:#f2f2f2}
.k-tweet .k-quote,.k-quote .k-tweet{outline:1px dashed #1b6ea8}
"""
)


@dataclass
class Reviewed:
    """A document to show: its record, and what the page says about its annotation."""

    name: str  # the file the record was parsed from, or its release and doc_id
    record: dict[str, Any]
    annotation: str | None = None  # the annotation file, where there is one
    disagreements: list[dict[str, Any]] | None = None  # None: nothing was compared
    notes: list[str] = field(default_factory=list)  # what the reader should know (problems)
    # Why the annotation was not compared (errors.Problem, each with its file and pointer),
    # which the command prints too: the page is not the only place a curator looks.
    annotation_problems: list[Any] = field(default_factory=list)
    # Whether the record shown is the one the disagreements' parser values come from (their
    # parser_index names its items): False for a release, which shows the curated record.
    parser_shown: bool = True


_ITEMS = ("highlights", "quotes", "tweets")


def _value(value: Any, absent: bool = False) -> str:
    """A value as the disagreements show it; `absent`: an item one side has not."""
    if absent:
        return "(not there)"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


def _anchor(doc: int, number: int) -> str:
    return f"d{doc}-p{number}"


def _title(piece: Piece) -> str:
    label = f"{piece.number}. {KINDS[piece.kind]}" + (
        f" of {piece.of}" if piece.of and piece.kind != "quote" else ""
    )
    return label + (f": {piece.value}" if piece.value else "") + f" [{piece.start}-{piece.end}]"


def _kind(piece: Piece) -> str:
    """A piece's kind as the side list names it: "quote 2", "quote's cue (quote 2)"."""
    if piece.kind in ("quote", "tweet") and piece.index is not None:
        return f"{KINDS[piece.kind]} {piece.index + 1}"
    return KINDS[piece.kind] + (f" ({piece.of})" if piece.of else "")


def _side_list(doc: int, found: Sequence[Piece], lang: str) -> str:
    rows = [
        f'<tr><td><a href="#{_anchor(doc, p.number)}">{p.number}</a></td>'
        f'<td class="kind">{escape_text(_kind(p))}</td>'
        f'<td lang="{lang}">{escape_text(p.value)}</td><td lang="{lang}">{escape_text(_excerpt(p.text))}</td>'
        f'<td class="span">{p.start}-{p.end}</td></tr>'
        for p in found
    ]
    head = "<tr><th>#</th><th>kind</th><th>value</th><th>text</th><th>span</th></tr>"
    return f'<aside><table class="pieces">{head}{"".join(rows)}</table></aside>'


# The piece kind a disagreement's field is shown as: an item's, or a metadata field's one piece.
_FIELD_KIND = {"highlights": "highlight", "quotes": "quote", "tweets": "tweet", "title": "title",
               "published": "published", "dateline": "dateline"}  # fmt: skip


def _parser_link(doc: int, found: Sequence[Piece], found_at: dict[str, Any], parser_shown: bool) -> str:
    """A link to the parser's piece a disagreement is about: the item its parser_index names, or
    the field's one piece (title, date, dateline). None where the parser has no such piece, nor
    where the record shown is not the parser's (its pieces are other values)."""
    kind, index = _FIELD_KIND.get(found_at["field"]), found_at.get("parser_index")
    if not parser_shown:
        return ""
    for p in found:
        if p.kind == kind and p.index == index:
            return f' <a href="#{_anchor(doc, p.number)}">#{p.number}</a>'
    return ""


def _row(doc: int, d: dict[str, Any], found: Sequence[Piece], lang: str, parser_shown: bool) -> str:
    """One disagreement: field, the annotation's pointer, both values, a link to the parser's piece."""
    theirs = _value(d["annotation"], d["pointer"] is None)
    ours = _value(d["parser"], d["parser_index"] is None and d["field"] in _ITEMS)
    return (
        f'<tr><td class="field">{escape_text(d["field"])}</td>'
        f'<td class="field">{escape_text(d["pointer"] or "")}</td>'
        f'<td lang="{lang}">{escape_text(theirs)}</td>'
        f'<td lang="{lang}">{escape_text(ours)}{_parser_link(doc, found, d, parser_shown)}</td></tr>'
    )


def _disagreements(doc: int, item: Reviewed, found: Sequence[Piece], lang: str) -> str:
    notes = "".join(f"<p>{escape_text(note)}</p>" for note in item.notes)
    notes = f'<div class="notes">{notes}</div>' if notes else ""
    if item.disagreements is None:
        return notes
    where = f"annotation {escape_text(item.annotation or '')}"
    if not item.disagreements:
        agree = f"The parser agrees with the {where} on every checked field."
        return f'{notes}<div class="agree"><p>{agree}</p></div>'
    rows = "".join(_row(doc, d, found, lang, item.parser_shown) for d in item.disagreements)
    count = len(item.disagreements)
    return (
        f'{notes}<div class="disagree"><p>The parser and the {where} disagree ({count}):</p>'
        f"<table><tr><th>field</th><th>pointer</th><th>annotation</th><th>parser</th></tr>{rows}</table></div>"
    )


def _document(doc: int, item: Reviewed) -> str:
    record = item.record
    text = document_text(record)
    found = pieces(record)
    lang = escape_text(str((record.get("metadata") or {}).get("language") or "und"))
    marks = [Mark(p.number, p.start, p.end, f"pc k-{p.kind}", _title(p)) for p in found]
    body = marked_html(text, marks, lambda m: _anchor(doc, m.number))
    curation = record.get("curation") or {}
    checked = ", ".join(curation.get("fields") or []) or "none"
    meta = (
        f"doc_id {escape_text(str(record.get('doc_id')))}; language {lang}; {len(found)} pieces; "
        f"{len(text)} characters of {'rendered HTML' if record.get('rendering') is not None else 'text'}"
        + (f"; fields a person checked: {escape_text(checked)}" if curation else "")
    )
    return (
        f'<section class="doc" id="d{doc}" data-doc="{escape_text(str(record.get("doc_id")))}">'
        f'<h2>{doc}. {escape_text(item.name)}</h2><p class="meta">{meta}</p>'
        f"{_disagreements(doc, item, found, lang)}"
        f'<div class="cols"><div class="text" lang="{lang}">{body}</div>'
        f"{_side_list(doc, found, lang)}</div></section>"
    )


def _legend() -> str:
    shown = "".join(f'<span class="pc k-{kind}">{escape_text(label)}</span>' for kind, label in KINDS.items())
    return f'<p class="legend">{shown}</p>'


def review_page(items: Sequence[Reviewed]) -> str:
    """The review page of these documents, as one HTML string."""
    index = "".join(f'<li><a href="#d{k}">{escape_text(i.name)}</a></li>' for k, i in enumerate(items, 1))
    sections = "".join(_document(k, item) for k, item in enumerate(items, 1))
    count = f"{len(items)} document{'s' if len(items) != 1 else ''}"
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>cmvisit review: {count}</title><style>{_CSS}</style></head>\n"
        f"<body><header><h1>What the parser made of {count}</h1>{_legend()}"
        f"<ol>{index}</ol></header>\n{sections}\n</body></html>\n"
    )
