"""A document's text with its pieces marked: well-formed nested elements over spans that may
nest, touch or cross.

Every piece becomes one or more `<span data-piece="N">` elements whose texts, joined in
document order, are exactly the piece's text (`text[start:end]`). Elements nest where the
spans nest; where two spans cross, the one that starts later (or, at one start, the shorter)
is closed where the other ends and opened again after it, so that it is split into parts and
the HTML stays well formed. A piece of no length is an empty element at its offset. Text is
escaped here and nowhere else on the way; a carriage return, which an HTML parser would turn
into a line feed, is written as a character reference (which it keeps), so that the DOM's text
is the document's text to the character. (A NUL, which a browser drops, is no document's:
reading refuses it.)
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Mark:
    """A span to mark: [start, end) of the text, its number (data-piece), and the classes
    and hover title of its elements."""

    number: int
    start: int
    end: int
    classes: str
    title: str = ""


# An HTML parser turns \r and \r\n into \n in text, and keeps "&#13;" as \r.
_CR = "\r"


def escape_text(text: str) -> str:
    """Text for an HTML text node (or attribute) whose DOM text is `text` itself."""
    return html.escape(text, quote=True).replace(_CR, "&#13;")


def _open(mark: Mark, part: int, anchor: Callable[[Mark], str]) -> str:
    ident = f' id="{escape_text(anchor(mark))}"' if part == 0 else ""
    title = f' title="{escape_text(mark.title)}"' if mark.title else ""
    cont = " cont" if part else ""
    return f'<span class="{escape_text(mark.classes)}{cont}" data-piece="{mark.number}"{ident}{title}>'


def marked_html(text: str, marks: Sequence[Mark], anchor: Callable[[Mark], str]) -> str:
    """The text as HTML, every mark's elements in place (see the module's docstring); the
    first element of each mark carries the id `anchor(mark)`, the others the class `cont`."""
    rank = {id(m): r for r, m in enumerate(sorted(marks, key=lambda m: (m.start, -m.end, m.number)))}
    starts: dict[int, list[Mark]] = {}
    for mark in marks:
        if not 0 <= mark.start <= mark.end <= len(text):
            raise ValueError(f"piece {mark.number}: span {mark.start}-{mark.end} is outside the text")
        starts.setdefault(mark.start, []).append(mark)
    points = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out: list[str] = []
    stack: list[Mark] = []
    active: list[Mark] = []
    parts: dict[int, int] = {}
    for k, point in enumerate(points):
        active = [m for m in active if m.end > point]
        active += [m for m in starts.get(point, ()) if m.end > point]
        wanted = sorted(active, key=lambda m: rank[id(m)])
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        out.append("</span>" * (len(stack) - keep))
        stack = stack[:keep]
        for empty in sorted((m for m in starts.get(point, ()) if m.end == point), key=lambda m: rank[id(m)]):
            out.append(_open(empty, 0, anchor) + "</span>")
        for mark in wanted[keep:]:
            out.append(_open(mark, parts.get(id(mark), 0), anchor))
            parts[id(mark)] = parts.get(id(mark), 0) + 1
            stack.append(mark)
        if k + 1 < len(points):
            out.append(escape_text(text[point : points[k + 1]]))
    out.append("</span>" * len(stack))
    return "".join(out)
