"""The error catalogue and the report type.

Every problem the package reports about its input is a `Problem`: a stable kebab-case
`type`, a sentence saying what is wrong, where (file, line, column, JSON pointer), the
offending value, and what to do. Problems are collected, never raised one at a time, and
returned in a `Report` that the CLI renders as text or JSON (the JSON is `Report.to_dict()`).

`CmvisitError` is the one base exception of the package; it carries problems when code
must stop (a document that cannot be read at all).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# type -> what to do about it. The message says what is wrong; the hint says how to fix it.
CATALOGUE: dict[str, str] = {
    "file-not-found": "Check the path; the file does not exist or is not readable.",
    "provenance-invalid": "Give an http(s) URL, and names and notes as one line of visible text.",
    "add-conflict": "Rename the file, or remove the unlisted file of the same name from seeds/.",
    "html-document": "Save the page's text (not its HTML source) as the .txt; HTML input is not read yet.",
    "engine-missing": "Install the Dask engine: pip install 'cmvisit-data[dask]'.",
    "not-a-file": "Give a regular file: folders are searched, but FIFOs, devices and sockets are never read.",
    "file-too-large": "Split the document, or raise the limit with --max-bytes if it is genuine.",
    "empty-document": "Remove the file, or give it the document's text.",
    "invalid-utf8": "Re-save the file as UTF-8 (the page's text was decoded with the wrong encoding).",
    "binary-content": "This is not a text file; give the document's text, not a binary file.",
    "nul-bytes": "Remove the NUL bytes; a text document never holds them.",
    "control-characters": (
        "Remove the invisible, unassigned or private-use characters; they change how the text "
        "displays or compares (ZWJ and ZWNJ are kept)."
    ),
    "json-malformed": "Fix the JSON syntax at the line and column given.",
    "json-too-deep": "A record is nested far deeper than the schema allows; check the file is a record.",
    "schema-violation": (
        "Make the value match the record schema (press_release.schema.json: schema/ of the repository, "
        "or cmvisit_data/schema/ of the installed package)."
    ),
    "span-mismatch": "Offsets must select exactly the text: raw_text[start:end] == text.",
    "span-out-of-range": "Offsets must lie within raw_text: 0 <= start < end <= len(raw_text).",
    "doc-id-mismatch": "doc_id must be the first 16 hex digits of source.sha256.",
    "checksum-mismatch": "The bytes changed since their checksum was recorded; restore them or re-record it.",
    "unsupported-file": "Give .txt documents or .json/.jsonl records.",
    "manifest-missing": (
        "Check --seeds; `cmvisit add --init` starts one, and --discover builds a folder of "
        ".txt files that has none."
    ),
    "release-missing": (
        "Check the path: cmvisit_data.versions() lists the bundled releases; build/ holds yours."
    ),
    "manifest-invalid": (
        "Fix the manifest at the JSON pointer given (seeds_manifest.schema.json: schema/ of the repository, "
        "or cmvisit_data/schema/ of the installed package)."
    ),
    "unlisted-document": "Add the document with `cmvisit add`, or remove it from the seeds folder.",
    "path-outside-seeds": "Name files inside the seeds folder only: no '..', absolute paths or links out.",
    "duplicate-entry": "List each file once in the manifest.",
    "language-mismatch": "Correct the manifest's language, or check the document is the one meant.",
    "table-check": "The release tables break a rule; rebuild, and report it if the inputs were valid.",
    "release-exists": "Releases are never overwritten: build a new --version.",
    "release-busy": "Another build of this version is running; wait for it to finish.",
    "release-invalid": "The release on disk differs from its manifest; restore it from the published copy.",
    "bad-version": "Give the version as MAJOR.MINOR.PATCH, e.g. 0.2.0.",
    "bad-repo-id": "Give the Hub repository as ORG/NAME, e.g. my-org/cmvisit-data.",
    "parser-failure": "This is a bug in cmvisit-data; please report it with the file.",
    "publish-refused": "Only a release that passes cmvisit verify is published: rebuild or restore it.",
    "publish-failed": "Check the repository id, your token's write access and the network, then retry.",
    "write-failed": (
        "Free some space on that disk, or name a folder you may write to whose every part is a folder; "
        "then run the command again."
    ),
    "lock-refused": (
        "Remove what is at that name: cmvisit creates its lock files itself, as plain files, and never "
        "follows a link there."
    ),
}


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
    message: str
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
        if self.hint is None:
            object.__setattr__(self, "hint", CATALOGUE[self.type])

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
    """The outcome of checking one input (a document or a record file)."""

    file: str
    kind: str  # "document" or "records"
    problems: list[Problem] = field(default_factory=list)
    records: int = 0

    @property
    def valid(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "kind": self.kind,
            "valid": self.valid,
            "records": self.records,
            "errors": [p.to_dict() for p in self.problems],
        }


class CmvisitError(Exception):
    """Base exception of the package: carries the problems that stopped the work."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.one_line() for p in problems))
