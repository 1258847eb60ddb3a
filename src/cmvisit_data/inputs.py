"""Reading a document: bytes in, text out, or the problems that make it unreadable.

This module owns the input policy: the size limit, UTF-8 decoding, and the checks for
empty, binary, NUL-bearing and control-character-bearing files. It never alters text: a
document either decodes exactly as given or is refused with a reason that names the place.
Parsing the text is `parse`'s job, not this module's.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from typing import BinaryIO

from . import rules
from .errors import Problem, os_error_type

# The characters the text policy allows although Python calls them unprintable (removed
# before the one pass in C that says whether anything else is left).
_ALLOWED_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(rules.ALLOWED_INVISIBLE)) + "]+")


@dataclass(frozen=True)
class Document:
    """A readable document: its name, exact bytes' checksum and size, and decoded text."""

    file: str
    text: str
    sha256: str
    size: int
    media_type: str = "text/plain"
    encoding: str = "utf-8"  # text.encode(encoding) gives the file's bytes back, exactly


# The names of HTML documents (issue 26): read as pages, every other document as text.
HTML_SUFFIXES = (".html", ".htm")
# A PDF starts with this signature (ISO 32000), after at most a little white space.
_PDF_MAGIC = b"%PDF-"
# UTF-16 without a byte-order mark: NUL in one byte of most pairs of the first bytes looked at.
UTF16_SAMPLE = 512
UTF16_NUL_SHARE = 0.4


def is_html_name(name: str) -> bool:
    return name.lower().endswith(HTML_SUFFIXES)


def _line_col(data: bytes | str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset` (a byte offset in bytes, a code point in str)."""
    newline = b"\n" if isinstance(data, bytes) else "\n"
    line = data.count(newline, 0, offset) + 1
    last = data.rfind(newline, 0, offset)
    return line, offset - last


def open_regular(
    path: str | os.PathLike[str], follow_links: bool = True
) -> tuple[BinaryIO | None, list[Problem]]:
    """path opened for reading when it is a regular file: without blocking, and checked on the
    open file, so that a FIFO or a device is refused before anything is read from it. With
    follow_links=False, a link is refused too (the open itself does not follow it): a name
    checked, then swapped for a link before the open, is refused, never followed."""
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | (0 if follow_links else getattr(os, "O_NOFOLLOW", 0))
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None, [Problem("file-not-found", "no such file", file=name)]
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            what = "a link: only regular files are read here" if not follow_links else "a link that loops"
            return None, [Problem("not-a-file", what, file=name)]
        return None, [Problem(os_error_type(exc), f"cannot read the file ({exc.strerror})", file=name)]
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        kind = "a directory" if stat.S_ISDIR(info.st_mode) else "a FIFO, device or socket"
        return None, [Problem("not-a-file", f"this is {kind}, not a regular file", file=name)]
    return os.fdopen(fd, "rb"), []


def read_path(
    path: str | os.PathLike[str], max_bytes: int = rules.DEFAULT_MAX_BYTES, follow_links: bool = True
) -> Document | list[Problem]:
    """Read a file under the size limit and check it; never reads more than max_bytes + 1 bytes.
    With follow_links=False, the file read is the one checked before (`open_regular`)."""
    name = str(path)
    handle, problems = open_regular(path, follow_links)
    if handle is None:
        return problems
    with handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            return [
                Problem(
                    "file-too-large",
                    f"the file is {size:,} bytes, over the limit of {max_bytes:,} bytes",
                    file=name,
                )
            ]
        try:
            # Ask for the size just seen (a buffer of max_bytes would be allocated per file),
            # and read on up to the limit only when the file has grown since.
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(max_bytes + 1 - len(data))
        except OSError as exc:
            return [Problem(os_error_type(exc), f"cannot read the file ({exc.strerror})", file=name)]
    if len(data) > max_bytes:  # the file grew while we looked
        return [Problem("file-too-large", f"the file is over the limit of {max_bytes:,} bytes", file=name)]
    return decode(data, name, html=is_html_name(name))


def _format_problem(data: bytes, name: str) -> Problem | None:
    """A PDF or a UTF-16 file: named as what it is, not as binary data or bad UTF-8."""
    if data.lstrip()[:5] == _PDF_MAGIC:
        return Problem("unsupported-format", "pdf: not supported; save the release's text as .txt", file=name)
    sample = data[:UTF16_SAMPLE]
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    pairs = max(1, len(sample) // 2)
    pattern = max(odd, even) / pairs > UTF16_NUL_SHARE and min(odd, even) / pairs < UTF16_NUL_SHARE / 8
    if (sample[:2] in (b"\xff\xfe", b"\xfe\xff") and _utf16(data)) or pattern:
        return Problem("utf16-document", 'the file is UTF-16 (Notepad\'s "Unicode"), not UTF-8', file=name)
    return None


def _utf16(data: bytes) -> bool:
    try:
        data.decode("utf-16")
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes, name: str, html: bool = False) -> Document | list[Problem]:
    """Check raw bytes and decode them (a text as UTF-8; an HTML page, `html`, in the encoding
    its bytes give), or say why they are not a document."""
    if not data.strip():
        what = "the file is empty" if not data else "the file holds only white space"
        return [Problem("empty-document", what, file=name)]
    fmt = _format_problem(data, name)
    if fmt is not None:
        return [fmt]
    nul = data.find(b"\x00")
    if nul >= 0:
        if _binary_share(data) > rules.BINARY_SHARE:
            return [Problem("binary-content", "the file holds binary data, not text", file=name)]
        line, col = _line_col(data, nul)
        count = data.count(0)
        return [
            Problem(
                "nul-bytes",
                f"NUL byte at byte {nul} ({count} in all)",
                file=name,
                line=line,
                column=col,
            )
        ]
    if html:
        return _decode_html(data, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _binary_share(data) > rules.BINARY_SHARE:
            return [Problem("binary-content", "the file holds binary data, not text", file=name)]
        line, col = _line_col(data, exc.start)
        bad = data[exc.start : exc.end]
        reason = "a multi-byte sequence cut short" if exc.reason == "unexpected end of data" else exc.reason
        return [
            Problem(
                "invalid-utf8",
                f"bytes are not UTF-8 at byte {exc.start} ({reason}: {bad.hex(' ')})",
                file=name,
                line=line,
                column=col,
            )
        ]
    if not text.strip():
        return [Problem("empty-document", "the file holds only white space", file=name)]
    if is_html(text):
        return [Problem("html-document", "the file is an HTML page (markup), not the page's text", file=name)]
    problems = control_character_problems(text, name)
    if problems:
        return problems
    return Document(file=name, text=text, sha256=hashlib.sha256(data).hexdigest(), size=len(data))


def _decode_html(data: bytes, name: str) -> Document | list[Problem]:
    """An HTML page in the encoding its bytes give (`pages.encoding`), under the text policy."""
    from .pages.encoding import decode_page

    sample = data[:65536]  # controls only: a windows-1252 page is not UTF-8, and that is no sign
    odd = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if odd >= rules.BINARY_MIN_BYTES and odd / len(sample) > rules.BINARY_SHARE:
        return [Problem("binary-content", "the file holds binary data, not text", file=name)]
    decoded = decode_page(data, name)
    if isinstance(decoded, list):
        return decoded
    text, encoding = decoded
    if not text.strip():
        return [Problem("empty-document", "the file holds only white space", file=name)]
    problems = control_character_problems(text, name)
    if problems:
        return problems
    sha = hashlib.sha256(data).hexdigest()
    return Document(name, text, sha, len(data), media_type="text/html", encoding=encoding)


_HTML_START_RE = re.compile(r"\A[\s\ufeff]*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE)
_HTML_TAGS = "html|head|body|div|span|p|a|script|style|meta|link|table|tr|td|ul|li|br|img"
_TAG_RE = re.compile(rf"</?(?:{_HTML_TAGS})\b[^<>]{{0,500}}>", re.IGNORECASE)


def is_html(text: str) -> bool:
    """Whether a text is HTML markup rather than a page's text: it opens as an HTML document,
    or tags make up a fifth of it. (Reading the text out of HTML is a later capability.)"""
    if _HTML_START_RE.match(text):
        return True
    sample = text[:65536]
    tagged = sum(len(m.group(0)) for m in _TAG_RE.finditer(sample))
    return tagged >= 200 and tagged >= len(sample.strip()) / 5


def _binary_share(data: bytes) -> float:
    """Share of bytes that no text would hold: controls other than white space, and NUL."""
    sample = data[:65536]
    odd = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError:
        text = sample.decode("utf-8", errors="replace")
        odd += text.count("\ufffd")
    if odd < rules.BINARY_MIN_BYTES:
        return 0.0
    return odd / max(1, len(sample))


def control_character_problems(
    text: str, name: str, in_record: bool = False, line: int | None = None
) -> list[Problem]:
    """The text policy (rules.ALLOWED_INVISIBLE): every invisible or unassigned character that
    may change how a text displays or compares (controls, bidi marks, zero-width and tag
    characters, surrogates, private-use and unassigned code points), with where the first
    one is. For a record's raw_text (`in_record`), the place is the record's line in its file
    (`line`, for .jsonl) and the character offset in raw_text."""
    body = text[1:] if text.startswith(rules.BOM) else text
    if _printable(body):
        return []
    offset = len(text) - len(body)
    found: dict[str, int] = {}
    for i, ch in enumerate(body):
        if refused(ch):
            found.setdefault(ch, offset + i)
            if len(found) >= 16:
                break
    first = min(found.values())
    at_line, col = _line_col(text, first)
    names = ", ".join(code_point(c) for c in sorted(found, key=found.get))
    where = f"character {first} of raw_text" if in_record else f"line {at_line}, column {col}"
    return [
        Problem(
            "control-characters",
            f"invisible or unassigned characters in the text: {names}; the first at {where}",
            file=name,
            line=line if in_record else at_line,
            column=None if in_record else col,
            pointer="/raw_text" if in_record else None,
        )
    ]


def refused(ch: str) -> bool:
    """The text policy for one character: refused when Python calls it unprintable and
    rules.ALLOWED_INVISIBLE does not let it through."""
    return not ch.isprintable() and ch not in rules.ALLOWED_INVISIBLE


def code_point(ch: str) -> str:
    """'U+061C ARABIC LETTER MARK': a character as a message names it."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, _category_name(ch))}"


# --- provenance values ----------------------------------------------------------------------
# A provenance value (url, outlet, rights, obtained) is a one-line label that the release
# compares for equality (the card counts documents per outlet), so a value that looks like
# another must be the other. Beyond the text policy it refuses:
# - line breaks and tabs, which the text policy allows in a document;
_PROVENANCE_BREAKS = rules.ALLOWED_CONTROLS | frozenset("\u2028\u2029")
# - letters and marks that print nothing (Hangul fillers, the blank braille pattern, the
#   combining grapheme joiner, variation selectors): "Reuters" with one is another outlet
#   that looks the same. In a document they are content seen in context, so the text policy
#   leaves them alone;
_BLANK_GLYPHS = frozenset(
    "\u115f\u1160\u3164\uffa0\u2800\u034f\u17b4\u17b5"
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)
# - the zero-width joiners (ZWNJ, ZWJ) anywhere but after a letter of an Indic script, where
#   they choose how a conjunct is drawn (Devanagari to Sinhala: U+0900 to U+0DFF);
_JOINERS = frozenset("\u200c\u200d")
_INDIC = ("\u0900", "\u0dff")
# - white space other than one ordinary space between words, which would look the same;
# - for the outlet, a word the release gives a meaning: the counts name documents whose
#   outlet is not known "unknown", so an outlet of that name would be counted with them.
RESERVED_OUTLETS = frozenset({"unknown"})
# The word that stands for "not known" on the command line: null, as in the manifest.
NULL_WORD = "null"
_RETYPE = "type the value again without it (copying from a web page can carry such characters)"


def provenance_text_problem(field: str, value: str) -> str | None:
    """Why the provenance value `value` of `field` may not be recorded, in one sentence that
    names the character (its code point) and what to do; None when it may. The same text
    policy as documents (`refused`), and the stricter rules of a one-line label above."""
    for i, ch in enumerate(value):
        where = f"at character {i + 1}"
        if ch in _PROVENANCE_BREAKS:
            return f"{code_point(ch)} {where} is a line break or a tab; give the value on one line"
        if ch in _JOINERS:
            if i and _INDIC[0] <= value[i - 1] <= _INDIC[1]:
                continue
            return (
                f"{code_point(ch)} {where} is invisible (a joiner belongs after an Indic letter); {_RETYPE}"
            )
        if refused(ch) or ch in _BLANK_GLYPHS:
            return f"{code_point(ch)} {where} is invisible or a control character; {_RETYPE}"
        if ch.isspace() and ch != " ":
            return f"{code_point(ch)} {where} is a space that looks like another; use an ordinary space"
    if value != value.strip() or "  " in value:
        return "white space at the start or end, or two spaces in a row; give one space between words"
    if field == "outlet" and value.casefold() in RESERVED_OUTLETS:
        return (
            f"{value!r} is reserved: the card counts documents whose outlet is not known as 'unknown'; "
            f"give {NULL_WORD} (or leave the outlet out) when it is not known, or the outlet's name"
        )
    return None


def provenance_text_problems(
    provenance: dict[str, object], file: str | None = None, at: str = ""
) -> list[Problem]:
    """provenance_text_problem for every string field of a provenance mapping (a seeds entry or
    a record's source), as problems with the JSON pointer `at`/field."""
    problems = []
    for field, value in provenance.items():
        if isinstance(value, str):
            why = provenance_text_problem(field, value)
            if why is not None:
                problems.append(
                    Problem("provenance-invalid", f"{field}: {why}", file=file, pointer=f"{at}/{field}")
                )
    return problems


def _printable(body: str) -> bool:
    """Whether body holds only printable characters and those rules.ALLOWED_INVISIBLE lets
    through. Line by line ("\n" is allowed), so that only a line holding another allowed
    character (a tab, a no-break space, a joiner) pays for removing them first."""
    for part in body.split("\n"):
        if not part.isprintable() and not _ALLOWED_RE.sub("", part).isprintable():
            return False
    return True


def _category_name(ch: str) -> str:
    return {"Cs": "SURROGATE", "Co": "PRIVATE USE", "Cn": "UNASSIGNED"}.get(
        unicodedata.category(ch), "CONTROL"
    )
