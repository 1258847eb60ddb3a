"""The error catalogue and the report type.

Every problem the package reports about its input is a `Problem`: a stable kebab-case
`type`, a sentence saying what is wrong, where (file, line, column, JSON pointer), the
offending value, and what to do. Problems are collected, never raised one at a time, and
returned in a `Report` that the CLI renders as text or JSON (the JSON is `Report.to_dict()`,
the same shape for every command). Each type's entry in `CATALOGUE` gives its title, the
message template and the hint, as frictionless-py's `errors/` does.

`CmvisitError` is the one base exception of the package; it carries problems when code
must stop (a document that cannot be read at all).
"""

from __future__ import annotations

import errno
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class ErrorType:
    """One entry of the catalogue, as frictionless-py describes its errors: a title, the message
    a problem of this type gets when its maker gives none (a template over the problem's own
    fields: {file}, {line}, {pointer}, {value}, {table}, {row}, {field}), and the hint that says
    what to do. `usage` marks the mistakes in how a command was called (exit code 2, not 1)."""

    title: str
    template: str
    hint: str
    usage: bool = False


_SCHEMAS = "schema/ of the repository, or cmvisit_data/schema/ of the installed package"

# type -> its entry. The message says what is wrong; the hint says how to fix it.
CATALOGUE: dict[str, ErrorType] = {
    # Reading a file
    "file-not-found": ErrorType("File not found", "no such file", "Check the path; the file does not exist."),
    "permission-denied": ErrorType(
        "Permission denied",
        "you may not read this file",
        "Give yourself read access to it (chmod u+r), or copy it somewhere you may read it.",
    ),
    "file-unreadable": ErrorType(
        "File unreadable",
        "the file cannot be read",
        "Check the disk and the file (an I/O error, or a name the system refuses); then run the "
        "command again.",
    ),
    "not-a-file": ErrorType(
        "Not a regular file",
        "this is not a regular file",
        "Give a regular file: folders are searched, but FIFOs, devices and sockets are never read.",
    ),
    "file-too-large": ErrorType(
        "File too large",
        "the file is over the size limit",
        "Split the document, or raise the limit with --max-bytes if it is genuine.",
    ),
    "unsupported-file": ErrorType(
        "Unsupported file",
        "not a file kind this command reads",
        "Give .txt or .html/.htm documents or .json/.jsonl records; move other files out of the "
        "folder, or pass --skip-unsupported.",
    ),
    # A document's text
    "empty-document": ErrorType(
        "Empty document", "the document holds no text", "Remove the file, or give it the document's text."
    ),
    "invalid-utf8": ErrorType(
        "Invalid UTF-8",
        "the bytes are not UTF-8",
        "Re-save the file as UTF-8 (the page's text was decoded with the wrong encoding).",
    ),
    "binary-content": ErrorType(
        "Binary content",
        "this is not a text file",
        "This is not a text file; give the document's text, not a binary file.",
    ),
    "nul-bytes": ErrorType(
        "NUL bytes", "the text holds NUL bytes", "Remove the NUL bytes; a text document never holds them."
    ),
    "control-characters": ErrorType(
        "Invisible characters",
        "the text holds invisible, unassigned or private-use characters",
        "Remove the invisible, unassigned or private-use characters; they change how the text "
        "displays or compares (ZWJ and ZWNJ are kept).",
    ),
    "html-document": ErrorType(
        "HTML document",
        "this is an HTML page, not its text",
        "Rename the file to .html (or .htm): HTML pages are read as pages, .txt files as text.",
    ),
    "unsupported-format": ErrorType(
        "Unsupported format",
        "this file's format is not read",
        "Save the release's text as .txt (or the page as .html); PDF and other formats are not read.",
    ),
    "utf16-document": ErrorType(
        "UTF-16 document",
        "the file is UTF-16, not UTF-8",
        "Re-save as UTF-8 (in Notepad: Save As, Encoding: UTF-8).",
    ),
    "invalid-encoding": ErrorType(
        "Invalid encoding",
        "the page's bytes are not in its encoding",
        "Re-save the page as UTF-8, or fix its <meta charset> to the encoding it is saved in.",
    ),
    "encoding-not-reversible": ErrorType(
        "Encoding not reversible",
        "the page's bytes cannot be recovered from its text",
        "Re-save the page as UTF-8: its bytes must come back exactly from the text kept.",
    ),
    "no-main-content": ErrorType(
        "No main content",
        "the page has no article text",
        "Give an article page: this one (a listing, a menu, an empty page) has no main text to parse.",
    ),
    "parser-failure": ErrorType(
        "Parser failure",
        "the parser failed on this document",
        "This is a bug in cmvisit-data; please report it with the file.",
    ),
    # JSON and records
    "json-malformed": ErrorType(
        "Malformed JSON", "not JSON", "Fix the JSON syntax at the line and column given."
    ),
    "json-duplicate-key": ErrorType(
        "Duplicate JSON key",
        "an object gives the same key twice",
        "Give each key once in its object: JSON readers disagree on which of the two values counts.",
    ),
    "json-too-deep": ErrorType(
        "JSON too deep",
        "the value nests too deep",
        "A record is nested far deeper than the schema allows; check the file is a record.",
    ),
    "schema-violation": ErrorType(
        "Schema violation",
        "the value breaks the record schema",
        f"Make the value match the record schema (press_release.schema.json: {_SCHEMAS}).",
    ),
    "span-mismatch": ErrorType(
        "Span mismatch",
        "the offsets do not select the text",
        "Offsets must select exactly the text: raw_text[start:end] == text.",
    ),
    "span-out-of-range": ErrorType(
        "Span out of range",
        "the offsets lie outside raw_text",
        "Offsets must lie within raw_text: 0 <= start < end <= len(raw_text).",
    ),
    "doc-id-mismatch": ErrorType(
        "doc_id mismatch",
        "doc_id does not match source.sha256",
        "doc_id must be the first 16 hex digits of source.sha256.",
    ),
    "byte-count-mismatch": ErrorType(
        "Byte count mismatch",
        "source.bytes is not the size of raw_text in UTF-8",
        "Set source.bytes to the length of raw_text encoded as UTF-8, or restore the raw_text it counted.",
    ),
    "checksum-mismatch": ErrorType(
        "Checksum mismatch",
        "the bytes are not those their checksum records",
        "The bytes changed since their checksum was recorded; restore them or re-record it.",
    ),
    # Annotations (seeds/annotations/<seed file>.json)
    "annotation-malformed": ErrorType(
        "Malformed annotation",
        "the annotation is not strict JSON",
        "Fix the JSON at the place given (each key once, UTF-8), or start again: cmvisit annotate --force.",
    ),
    "annotation-invalid": ErrorType(
        "Invalid annotation",
        "the value is not what the gold format allows",
        "Give the value in the extraction contract's gold format (title, published, byline, dateline, "
        "highlights, quotes, tweets, language), as `cmvisit annotate` writes it.",
    ),
    "annotation-unknown-key": ErrorType(
        "Unknown annotation key",
        "no field an annotation checks",
        "Remove the key, or correct its spelling: an annotation holds language, title, published, "
        "byline, dateline, highlights, quotes and tweets (notes and id are ignored).",
    ),
    "annotation-text-not-found": ErrorType(
        "Annotation text not found",
        "text not found in the document",
        "Copy the text exactly as the document prints it (the rendering, for an HTML page: see "
        "`cmvisit parse`), without the quotation marks or bullet around it.",
    ),
    "annotation-ambiguous": ErrorType(
        "Ambiguous annotation text",
        "the text occurs more than once in the document",
        'Say which one: give the item as {"text": ..., "start": OFFSET} or {"text": ..., "occurrence": N}.',
    ),
    "annotation-wrong-place": ErrorType(
        "Annotation text not at its place",
        "the text does not occur where the annotation says",
        "Give the start of one of the offsets listed, or an occurrence the text has.",
    ),
    "annotation-speaker-not-found": ErrorType(
        "Annotation speaker not printed",
        "the speaker is not printed in the document",
        "Give the speaker as the document prints them (their fullest form), or null where none is named.",
    ),
    "annotation-date-not-printed": ErrorType(
        "Annotation date not printed",
        "no printed date reads as this date",
        "A record's publication date is one the document prints: correct the date, or give null.",
    ),
    "annotation-no-attribution": ErrorType(
        "Post without its attribution line",
        "the post's attribution line is not where the annotation says",
        "A post's text ends right before its attribution line ('— Name (@handle) Month D, YYYY'); give "
        "author, handle and posted as that line prints them.",
    ),
    "annotation-exists": ErrorType(
        "Annotation exists",
        "an annotation is there already",
        "Edit the annotation that is there, or pass --force to replace it with a new start.",
    ),
    "annotation-orphan": ErrorType(
        "Annotation without its seed",
        "the annotation names no document of the manifest",
        "Name the annotation after its seed file (annotations/<seed file>.json), or remove it with its seed.",
    ),
    # The seeds and their manifest
    "seeds-missing": ErrorType(
        "Seeds folder missing",
        "no seeds folder here",
        "Check --seeds; `cmvisit add --init` starts one, and --discover builds a folder of .txt and "
        ".html files that has no manifest.",
        usage=True,
    ),
    "manifest-missing": ErrorType(
        "Manifest missing",
        "the seeds folder has no manifest.json",
        "Start one with `cmvisit add --init`, or build a folder of .txt and .html files that has none "
        "with --discover.",
    ),
    "manifest-invalid": ErrorType(
        "Manifest invalid",
        "the manifest breaks its schema",
        f"Fix the manifest at the JSON pointer given (seeds_manifest.schema.json: {_SCHEMAS}).",
    ),
    "provenance-invalid": ErrorType(
        "Provenance invalid",
        "the provenance given is not usable",
        "Give an http(s) URL, and names and notes as one line of visible text.",
    ),
    "unlisted-document": ErrorType(
        "Unlisted document",
        "the seeds folder holds a document the manifest does not list",
        "Add the document with `cmvisit add`, or remove it from the seeds folder.",
    ),
    "not-listed": ErrorType(
        "Not listed",
        "the seeds manifest lists no such file",
        "Give a file the manifest lists (its 'file' field).",
        usage=True,
    ),
    "path-outside-seeds": ErrorType(
        "Path outside the seeds",
        "the name leads outside the seeds folder",
        "Name files inside the seeds folder only: no '..', absolute paths or links out.",
    ),
    "duplicate-entry": ErrorType(
        "Duplicate entry", "the manifest lists this file twice", "List each file once in the manifest."
    ),
    "duplicate-content": ErrorType(
        "Duplicate content",
        "the same bytes as another input",
        "Keep one copy of the document: remove the rejected file, or list it under the name already kept.",
    ),
    "language-mismatch": ErrorType(
        "Language mismatch",
        "the document is not in the manifest's language",
        "Correct the manifest's language, or check the document is the one meant.",
    ),
    "add-conflict": ErrorType(
        "Add conflict",
        "a file of that name is already in the seeds folder",
        "Rename the file, or remove the unlisted file of the same name from seeds/.",
    ),
    # Releases
    "release-missing": ErrorType(
        "Release missing",
        "there is no release here",
        "Check the path: cmvisit_data.versions() lists the bundled releases; build/ holds yours.",
        usage=True,
    ),
    "release-invalid": ErrorType(
        "Release invalid",
        "the release on disk differs from its manifest",
        "The release on disk differs from its manifest; restore it from the published copy.",
    ),
    "out-invalid": ErrorType(
        "Output folder invalid",
        "--out cannot hold releases",
        "Give --out the folder that holds the releases (e.g. build/), outside every release.",
        usage=True,
    ),
    "table-check": ErrorType(
        "Table check",
        "the release tables break a rule",
        "The release tables break a rule; rebuild, and report it if the inputs were valid.",
    ),
    "release-exists": ErrorType(
        "Release exists",
        "that release exists already",
        "Releases are never overwritten: build a new --version.",
    ),
    "release-busy": ErrorType(
        "Release busy", "another build of this version is running", "Wait for the other build to finish."
    ),
    "bad-version": ErrorType(
        "Bad version",
        "not a version this command can build",
        "Give the version as MAJOR.MINOR.PATCH, e.g. 0.2.0.",
        usage=True,
    ),
    "bad-source-date-epoch": ErrorType(
        "Bad SOURCE_DATE_EPOCH",
        "SOURCE_DATE_EPOCH is not a time a release can be dated",
        "Set SOURCE_DATE_EPOCH to whole seconds since 1970-01-01 UTC (digits only, e.g. "
        "$(git log -1 --format=%ct)), or unset it to date the release today.",
        usage=True,
    ),
    "engine-missing": ErrorType(
        "Engine missing",
        "the engine is not installed",
        "Install the Dask engine: pip install 'cmvisit-data[dask]'.",
    ),
    # Publishing
    "bad-repo-id": ErrorType(
        "Bad repository id",
        "not a Hub repository id",
        "Give the Hub repository as ORG/NAME, e.g. my-org/cmvisit-data.",
        usage=True,
    ),
    "publish-refused": ErrorType(
        "Publish refused",
        "the release does not verify",
        "Only a release that passes cmvisit verify is published: rebuild or restore it.",
    ),
    "publish-failed": ErrorType(
        "Publish failed",
        "the upload failed",
        "Check the repository id, your token's write access and the network, then retry.",
    ),
    # The machine
    "write-failed": ErrorType(
        "Write failed",
        "cannot write there",
        "Free some space on that disk, or name a folder you may write to whose every part is a folder; "
        "then run the command again.",
    ),
    "lock-refused": ErrorType(
        "Lock refused",
        "something other than a lock file is at the lock's name",
        "Remove what is at that name: cmvisit creates its lock files itself, as plain files, and never "
        "follows a link there.",
    ),
}


def os_error_type(exc: OSError) -> str:
    """The catalogue's type for a file that could not be opened or read: missing, not ours to
    read, or unreadable for another reason (an I/O error, a name too long)."""
    if isinstance(exc, FileNotFoundError) or exc.errno == errno.ENOENT:
        return "file-not-found"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission-denied"
    return "file-unreadable"


def shown(text: str) -> str:
    """A path or name as it may be printed on one line of a report: every character that is
    not visible (a newline in a file name, an escape sequence, a bidi override) written as its
    escape, so that no name can fake another line or hide what it is."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, with where it is and what to do."""

    type: str
    message: str = ""  # empty: the catalogue's template for the type, over these fields
    file: str | None = None
    line: int | None = None
    column: int | None = None
    pointer: str | None = None
    value: Any = None
    hint: str | None = None
    table: str | None = None
    row: str | None = None  # the row key: doc_id, or doc_id/position
    field: str | None = None  # the table column

    def __post_init__(self) -> None:
        if self.type not in CATALOGUE:
            raise ValueError(f"unknown problem type {self.type!r}; add it to errors.CATALOGUE")
        entry = CATALOGUE[self.type]
        if not self.message:
            fields = {k: ("" if v is None else v) for k, v in asdict(self).items()}
            object.__setattr__(self, "message", entry.template.format_map(fields))
        if self.hint is None:
            object.__setattr__(self, "hint", entry.hint)

    @property
    def usage(self) -> bool:
        """Whether this is a mistake in how the command was called (exit code 2)."""
        return CATALOGUE[self.type].usage

    def where(self) -> str:
        """'file:line:column' (as much as is known) and the JSON pointer, for one-line reports."""
        place = shown(self.file) if self.file else (f"table {self.table}" if self.table else "<input>")
        if self.table and self.file:
            place += f" ({self.table})"
        if self.row is not None:
            place += f": row {self.row}"
        if self.field is not None:
            place += f", column {self.field}"
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        if self.pointer is not None:
            place += f": {self.pointer or '/'}"
        return place

    def one_line(self) -> str:
        value = ""
        if self.value is not None:
            shown = repr(self.value)
            value = f" (got {shown[:80]}{'…' if len(shown) > 80 else ''})"
        return f"{self.where()}: {self.type}: {self.message}{value}. {self.hint}"

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class Report:
    """What a command found, and what it found about each input: `valid`, figures (`stats`),
    every `problem`, and for a command its own result under one key (`payload`: the release
    built, the records parsed, ...). Every command's --format json is one `Report.to_dict()`;
    a report on one input (a document, a record file, a release) also names it (`file`, `kind`)."""

    file: str | None = None
    kind: str | None = None  # "document", "records", "manifest", "release"
    problems: list[Problem] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    payload: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.file is not None:
            self.stats.setdefault("records", 0)

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def records(self) -> int:
        """The records (documents) the input holds: stats["records"]."""
        return int(self.stats.get("records", 0))

    @records.setter
    def records(self, value: int) -> None:
        self.stats["records"] = value

    @property
    def exit_code(self) -> int:
        """0 valid, 1 some input is invalid, 2 the command was called wrongly (a usage problem)."""
        if any(p.usage for p in self.problems):
            return 2
        return 0 if self.valid else 1

    def to_dict(self) -> dict[str, Any]:
        named = {"file": self.file, "kind": self.kind} if self.file is not None else {}
        return {
            "valid": self.valid,
            "stats": self.stats,
            "problems": [p.to_dict() for p in self.problems],
            **named,
            **self.payload,
        }


class CmvisitError(Exception):
    """Base exception of the package: carries the problems that stopped the work."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.one_line() for p in problems))
