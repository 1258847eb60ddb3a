"""The encoding of an HTML page, read from its bytes, and the page decoded so that its bytes
come back exactly: a byte-order mark, then the page's own declaration (`<meta charset>` or
http-equiv), then UTF-8, then detection (charset_normalizer). A page whose decoded text does
not encode back to the same bytes is refused: nothing of the original may be lost."""

from __future__ import annotations

import codecs
import re

from ..errors import Problem

# The declaration must come early: browsers look at the first 1024 bytes; we allow more,
# since pages scraped with long comments or scripts first are common.
DECLARATION_WINDOW = 4096
_META_RE = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
# Labels that browsers read as windows-1252 (WHATWG Encoding): a page saying latin-1 that
# holds curly quotes (0x93) means windows-1252, and Python's latin-1 would give controls.
_AS_WINDOWS_1252 = frozenset({"iso8859-1", "ascii", "cp1252"})
# Names in the record: the WHATWG label where Python's canonical name differs.
_RECORD_NAME = {"cp1252": "windows-1252", "utf-8": "utf-8"}


def _codec(label: str) -> str | None:
    """Python's canonical codec name for an encoding label, or None when it names none."""
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in _AS_WINDOWS_1252:
        return "cp1252"
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"  # a page read as bytes that says UTF-16 is ASCII-compatible (WHATWG)
    return name


def sniff(data: bytes) -> tuple[str, str]:
    """(codec name, how it was found: "bom", "declared", "utf-8" or "detected")."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8", "bom"
    found = _META_RE.search(data[:DECLARATION_WINDOW])
    if found:
        declared = _codec(found.group(1).decode("ascii", "replace"))
        if declared is not None:
            return declared, "declared"
    try:
        data.decode("utf-8")
        return "utf-8", "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # detection only for pages that need it

    best = from_bytes(data).best()
    guessed = _codec(best.encoding) if best is not None else None
    return (guessed or "utf-8"), "detected"


def decode_page(data: bytes, name: str) -> tuple[str, str] | list[Problem]:
    """(the page's text, the encoding to record) or why it cannot be kept byte for byte."""
    codec, how = sniff(data)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        origin = {"declared": "the page declares", "bom": "its byte-order mark says"}.get(how, "detected")
        bad = data[exc.start : exc.end].hex(" ")
        return [
            Problem(
                "invalid-encoding",
                f"the bytes are not {codec} ({origin} {codec}) at byte {exc.start}: {bad}",
                file=name,
            )
        ]
    if text.encode(codec) != data:
        return [
            Problem(
                "encoding-not-reversible",
                f"decoded as {codec}, the page does not encode back to the same bytes",
                file=name,
            )
        ]
    return text, _RECORD_NAME.get(codec, codec)
