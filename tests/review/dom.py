"""A page read back as a browser's DOM would hold it, for the tests: the text of each marked
piece (its elements' texts joined in document order) and the whole text, with the nesting of
elements checked on the way (every end tag closes the element open last)."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "area", "base", "col", "embed", "source"}


class Read(HTMLParser):
    """Texts per (section id, data-piece), the text of each `.text` block, every tag with its
    attributes; raises AssertionError on an end tag that does not close the last open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.pieces: dict[tuple[str, str], list[str]] = {}
        self.elements: dict[tuple[str, str], int] = {}
        self.texts: dict[str, list[str]] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []

    def _section(self) -> str | None:
        return next((a.get("id") for t, a in reversed(self.stack) if t == "section"), None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        if tag in VOID:
            return
        self.stack.append((tag, found))
        if "data-piece" in found:
            key = (self._section() or "", found["data-piece"] or "")
            self.elements[key] = self.elements.get(key, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        section = self._section()
        if self.stack and self.stack[-1][0] == "style":
            self.styles.append(data)
        for _, attrs in self.stack:
            if "data-piece" in attrs:
                self.pieces.setdefault((section or "", attrs["data-piece"] or ""), []).append(data)
        if any("text" in (a.get("class") or "").split() for _, a in self.stack):
            self.texts.setdefault(section or "", []).append(data)


def read(page: str) -> Read:
    reader = Read()
    reader.feed(page)
    reader.close()
    assert not reader.stack, f"elements left open: {reader.stack}"
    return reader


def piece_texts(page: str, section: str = "") -> dict[str, str]:
    """data-piece -> its joined text, in one section (or in a bare fragment)."""
    reader = read(page)
    return {n: "".join(parts) for (s, n), parts in reader.pieces.items() if s == section}
