"""The builder contract: where the documents come from, and the per-document step that turns
one source into a validated record or a typed rejection.

`sources` lists the seeds manifest's entries. `process` is the per-document step: bytes +
provenance in, `Outcome` out (a validated record with its table values and near-duplicate
signature, or a rejection with every problem). What it returns depends only on its `Job` and
the files it names, and it writes nothing. It is not free of global state: each process keeps
caches between calls (the schema, its validators and the header model, loaded once; the
parser's bounded memo of pure steps, `memo`), none of which changes a result. So any engine
that can map a function over jobs (a process pool here, Dask; Spark or Beam elsewhere) can
run it unchanged. The build maps it a chunk at a time (`batch`).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import rules
from .curation.annotations import annotation_path, orphans
from .errors import CmvisitError, Problem
from .inputs import HTML_SUFFIXES, read_path
from .seeds.manifest import MANIFEST_NAME, Entry, load_manifest, resolve_entry, unlisted


@dataclass(frozen=True)
class Job:
    """Everything the per-document step needs, sent to a worker as it is (paths, never bytes)."""

    seeds_dir: str
    entry: Entry
    max_bytes: int = rules.DEFAULT_MAX_BYTES
    listed: bool = True  # False for documents discovered without a manifest: nothing to check against


@dataclass
class Outcome:
    key: str  # the source file name: unique in the manifest, stable across builds
    record: dict[str, Any] | None = None
    columns: dict[str, dict[str, list[Any]]] | None = None  # the record's values per table and column
    signature: bytes | None = None
    problems: list[Problem] = field(default_factory=list)
    # The parser against the document's annotation (curation.metrics.document_counts), or None
    # for a document without one: what the release's curated figures sum.
    counts: Counter[str] | None = None

    @property
    def ok(self) -> bool:
        return self.record is not None


def process(job: Job) -> Outcome:
    """One document: read it, check it against its manifest entry, parse and validate it; where
    the seeds hold its annotation (annotations/<file>.json), apply it (a wrong one rejects the
    document with its problems)."""
    from .curation.apply import read_and_curate
    from .dedup import signature
    from .record import build_record
    from .tables import record_columns

    entry = job.entry
    outcome = Outcome(key=entry.file)
    path, problem = resolve_entry(job.seeds_dir, entry)
    if problem is not None:
        outcome.problems.append(problem)
        return outcome
    doc = read_path(path, job.max_bytes, follow_links=False)  # the file resolve_entry checked
    if isinstance(doc, list):
        outcome.problems.extend(doc)
        return outcome
    if job.listed and doc.sha256 != entry.sha256:
        outcome.problems.append(
            Problem(
                "checksum-mismatch", "the file's bytes differ from the sha256 in the manifest", file=str(path)
            )
        )
        return outcome
    try:
        record = build_record(doc, entry.provenance())
    except CmvisitError as exc:
        outcome.problems.extend(exc.problems)
        return outcome
    record["source"]["file"] = entry.file  # the name inside seeds/, not the path this machine read
    annotation, counts = annotation_path(job.seeds_dir, entry.file), None
    if os.path.lexists(annotation):
        record, counts, problems = read_and_curate(record, annotation, entry.file)
        if record is None:
            outcome.problems.extend(problems)
            return outcome
    language = record["metadata"]["language"]
    if job.listed and language != entry.language:
        if "language" in (record["curation"] or {}).get("fields", ()):
            from .curation.check import language_problem  # a person's language: the annotation is named

            problem = language_problem(str(annotation), language, entry.language)
        else:
            why = f"the manifest says {entry.language!r} but the text is {language!r}"
            problem = Problem("language-mismatch", why, file=str(path))
        outcome.problems.append(problem)
        return outcome
    outcome.record, outcome.counts = record, counts  # counts only for a document kept
    outcome.columns = record_columns(record)
    outcome.signature = signature(record)
    return outcome


# The documents --discover takes from a folder without a manifest: text and HTML pages alike.
DISCOVERED_SUFFIXES = (".txt", *HTML_SUFFIXES)


def sources(seeds_dir: str | os.PathLike[str], discover: bool = False) -> tuple[list[Entry], list[Problem]]:
    """The manifest's entries, and the problems with the manifest and the seeds folder.

    With `discover`, a folder without a manifest gives every document in it (.txt, .html,
    .htm) as an entry with unknown provenance (checksum and language are then taken from the
    document itself)."""
    if discover and not (Path(seeds_dir) / MANIFEST_NAME).exists():
        with os.scandir(seeds_dir) as found:  # names only: no Path object per file
            names = sorted(e.name for e in found if e.name.endswith(DISCOVERED_SUFFIXES))
        return [Entry(name, "", "", None, None, None, None) for name in names], []
    entries, problems = load_manifest(seeds_dir)
    if not problems:
        problems = unlisted(seeds_dir, entries) + orphans(seeds_dir, {e.file for e in entries})
    return entries, problems


def entry_jobs(seeds_dir: str | os.PathLike[str], max_bytes: int) -> Any:
    """entry -> the Job that processes it."""

    def job(entry: Entry) -> Job:
        return Job(str(seeds_dir), entry, max_bytes, listed=bool(entry.sha256))

    return job
