"""Checking inputs a contributor gives: raw documents (.txt) and record files (.json, .jsonl).

Each input gets a `Report` that lists every problem found, with its place; one bad input
never stops the others. Raw documents go through `inputs` (reading) and `record`
(parsing and validation); record files are bounded in size and nesting before they are
parsed as JSON and validated. This is what `cmvisit validate` and `cmvisit parse` call.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import rules
from .curation.check import check_annotation, is_annotation, stray_folders
from .errors import CmvisitError, Problem, Report
from .hashing import sha256_of_handle
from .inputs import open_regular, read_path
from .record import parse_path
from .seeds.folders import RECORD_SUFFIXES, expand, unsupported
from .seeds.manifest import MANIFEST_NAME, load_manifest, reading, resolve_entry, unlisted
from .strictjson import DuplicateKey, no_duplicate_keys
from .validation.records import validate_record

MAX_JSON_DEPTH = 32


@dataclass
class Summary:
    """The reports of every input a contributor gave, and whether all are valid."""

    reports: list[Report]
    skipped: list[str] = field(default_factory=list)  # files in the folders given that are not inputs

    @property
    def valid(self) -> bool:
        return all(r.valid for r in self.reports)

    @property
    def invalid(self) -> int:
        return sum(not r.valid for r in self.reports)


def validate_paths(
    paths: list[str], max_bytes: int = rules.DEFAULT_MAX_BYTES, skip_unsupported: bool = False
) -> Summary:
    """A report for every input under paths (directories are searched), one bad input never
    stopping the others: what `cmvisit validate` prints. A file a folder holds that is no
    input is a report with its problem, unless skip_unsupported (then it is named as skipped)."""
    files, skipped = expand(paths)
    files, strays = stray_folders(paths, files)
    skipped, problems = unsupported(stray_folders(paths, skipped)[0], skip_unsupported)
    reports = [check_path(path, max_bytes) for path in files]
    reports += [Report(file=p.file, kind="annotation", problems=[p]) for p in strays]
    reports += [Report(file=p.file, kind="document", problems=[p]) for p in problems]
    return Summary(reports, skipped)


def check_path(path: str, max_bytes: int = rules.DEFAULT_MAX_BYTES) -> Report:
    """A report for one input: a seeds manifest, an annotation (annotations/*.json), a record
    file, or (anything else) a document."""
    if Path(path).name == MANIFEST_NAME:
        return check_manifest(path)
    if is_annotation(path):
        return check_annotation(path, max_bytes)
    if Path(path).suffix.lower() in RECORD_SUFFIXES:
        return check_record_file(path, max_bytes)
    report = Report(file=path, kind="document")
    record, problems = parse_path(path, max_bytes)
    report.problems.extend(problems)
    report.records = 1 if record is not None else 0
    return report


def check_manifest(path: str) -> Report:
    """A seeds manifest: its own validity, every entry's file and checksum, unlisted documents.
    What an interrupted add left is put right first, and the seeds' lock is held, shared,
    while they are read (`seeds.manifest.reading`)."""
    seeds = Path(path).parent
    report = Report(file=path, kind="manifest")
    try:
        with reading(seeds) as problems:
            report.problems.extend(problems)
            _check_manifest_locked(seeds, report)
    except CmvisitError as exc:  # a lock file that is a link, and the like
        report.problems.extend(exc.problems)
    return report


def _check_manifest_locked(seeds: Path, report: Report) -> None:
    entries, problems = load_manifest(seeds)
    report.problems.extend(problems)
    for entry in entries:
        found, problem = resolve_entry(seeds, entry)
        if problem is None:
            # Opened without following a link and without blocking, then checked on the open
            # file: a FIFO or a link swapped in is refused, never waited on or followed.
            handle, opened = open_regular(found, follow_links=False)
            if handle is None:
                report.problems.extend(opened)
                continue
            with handle:
                if sha256_of_handle(handle) == entry.sha256:
                    continue
            differs = "the file's bytes differ from the sha256 in the manifest"
            problem = Problem("checksum-mismatch", differs, file=str(found))
        report.problems.append(problem)
    report.problems.extend(unlisted(seeds, entries))
    report.records = len(entries)


def check_record_file(path: str, max_bytes: int = rules.DEFAULT_MAX_BYTES) -> Report:
    """A .json file (one record, at most max_bytes) or a .jsonl file (one record per line,
    each at most max_bytes), read as a stream: memory stays that of one record."""
    if not path.lower().endswith(".jsonl"):
        report = Report(file=path, kind="records")
        doc = read_path(path, max_bytes)
        if isinstance(doc, list):
            report.problems.extend(doc)
        else:
            _check_json_text(doc.text, path, None, report)
        return report
    return _check_jsonl(path, max_bytes)


def _check_jsonl(path: str, max_bytes: int) -> Report:
    report = Report(file=path, kind="records")
    handle, problems = open_regular(path)
    if handle is None:
        report.problems.extend(problems)
        return report
    with handle:
        # Records are split on "\n" only: U+2028 and the like may stand inside a JSON string.
        # No line is read whole beyond the limit: memory stays that of one record.
        number = 0
        while data := handle.readline(max_bytes + 2):
            number += 1
            if len(data) > max_bytes + 1:
                while data and not data.endswith(b"\n"):
                    data = handle.readline(1 << 20)
                message = f"the record is over the limit of {max_bytes:,} bytes"
                report.problems.append(Problem("file-too-large", message, file=path, line=number))
                continue
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                where = f"bytes are not UTF-8 at byte {exc.start} of the line ({exc.reason})"
                bad = Problem("invalid-utf8", where, file=path, line=number, column=exc.start + 1)
                report.problems.append(bad)
                continue
            text = text.removesuffix("\n").removesuffix("\r")
            if text.strip():
                _check_json_text(text, path, number, report)
    return report


def _check_json_text(text: str, path: str, line: int | None, report: Report) -> None:
    try:
        value = json.loads(text, object_pairs_hook=no_duplicate_keys)
    except DuplicateKey as exc:
        report.problems.append(Problem("json-duplicate-key", str(exc), file=path, line=line))
        return
    except RecursionError:
        report.problems.append(
            Problem("json-too-deep", f"nesting is deeper than {MAX_JSON_DEPTH} levels", file=path, line=line)
        )
        return
    except json.JSONDecodeError as exc:
        where = line if line is not None else exc.lineno
        report.problems.append(Problem("json-malformed", exc.msg, file=path, line=where, column=exc.colno))
        return
    except ValueError as exc:  # an integer too long to convert, and the like
        report.problems.append(Problem("json-malformed", str(exc)[:200], file=path, line=line))
        return
    depth = _depth(value)
    if depth > MAX_JSON_DEPTH:
        report.problems.append(
            Problem(
                "json-too-deep",
                f"nesting is {depth} levels deep, over the limit of {MAX_JSON_DEPTH}",
                file=path,
                line=line,
            )
        )
        return
    report.records += 1
    report.problems.extend(validate_record(value, file=path, line=line))


def _depth(value: Any) -> int:
    """Nesting depth of a JSON value, without recursion."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest
