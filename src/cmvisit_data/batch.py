"""The build's per-chunk step and its stream: `build_batch` runs `builder.process` over a
chunk of jobs in a worker and turns the outcomes into checked Arrow tables (`Batch`);
`generate_batches` maps it over the manifest with an engine (`engines.local` or
`engines.dask`) and yields the batches in manifest order.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from . import rules
from .builder import Job, Outcome, entry_jobs, process
from .engines.local import ChunkMap, default_chunk_size
from .errors import Problem
from .seeds.manifest import Entry

TABLE_SLICE_DOCS = 200  # rows become Arrow tables this many documents at a time


def generate_batches(
    seeds_dir: str | os.PathLike[str],
    entries: list[Entry],
    workers: int = 1,
    max_bytes: int = rules.DEFAULT_MAX_BYTES,
    engine: str = "local",
    scheduler: str | None = None,
) -> Any:
    """Every entry's outcome, in manifest order, a chunk at a time, each chunk's outcomes
    already turned into checked tables in the worker (`build_batch`): what the release build reads.
    `engine` "local" maps it in this machine's processes, "dask" on a Dask cluster (one
    started here, or the one at `scheduler`); both yield the chunks in order. The workers
    start at once; use the result as a context manager and iterate it."""
    jobs = entry_jobs(seeds_dir, max_bytes)
    if engine == "dask":
        from .engines.dask import DaskChunkMap

        size = default_chunk_size(len(entries), workers)
        return DaskChunkMap(build_batch, entries, workers, jobs, size, scheduler)
    return ChunkMap(build_batch, entries, workers, jobs)


@dataclass(frozen=True)
class Kept:
    """What the build keeps of one valid document once its rows are in the batch's tables."""

    key: str
    doc_id: str
    published: str | None
    signature: bytes | None
    bytes: int
    sha256: str
    language: str
    curation: dict[str, Any] | None = None  # the record's: the annotation applied, its fields
    counts: Any = None  # a Counter: the parser against the annotation (curation.metrics)


@dataclass(frozen=True)
class Rejection:
    """An input left out of the release, and every problem that rejected it."""

    file: str
    problems: list[Problem]

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "problems": [p.to_dict() for p in self.problems]}


@dataclass
class Batch:
    """One chunk of the build, made in a worker: the outcomes of its documents turned into
    checked tables. Everything in it is typed; nothing is keyed by strings but table names."""

    kept: list[Kept]
    rejected: list[Rejection]
    tables: dict[str, Any]  # table name -> pyarrow.Table, in its declared schema
    problems: list[Problem]
    seconds: dict[str, float]
    worker: int = 0  # the process that made it (never written to a release)


def build_batch(jobs: list[Job]) -> Batch:
    """The build's step for one chunk, run in a worker: `process` each document, then build
    this chunk's tables and run every table check on them (`validation.tables.check_batch`)."""
    import time

    from .validation.tables import check_batch

    started = time.perf_counter()
    tabulated = _Tables()
    kept, rejected = [], []
    # Each record is dropped once its rows and identity are taken, and the rows become Arrow
    # slices every TABLE_SLICE_DOCS documents: a chunk's records are never in memory at once.
    with _garbage_collected_once():
        for job in jobs:
            outcome = _process_or_name(job)
            if outcome.record is None or outcome.columns is None:
                rejected.append(Rejection(outcome.key, outcome.problems))
                continue
            record = outcome.record
            kept.append(
                Kept(outcome.key, record["doc_id"], record["metadata"]["published"], outcome.signature,
                     record["source"]["bytes"], record["source"]["sha256"], record["metadata"]["language"],
                     record.get("curation"), outcome.counts)
            )  # fmt: skip
            tabulated.add(outcome.columns)
    tables = tabulated.tables()
    built = time.perf_counter()
    # The documents' one column filled in later (duplicate_of) is checked when it is.
    problems = check_batch(tables)
    checked = time.perf_counter()
    seconds = {
        "parse_and_validate": built - started - tabulated.seconds,
        "tables": tabulated.seconds,
        "table_checks": checked - built,
    }
    return Batch(kept, rejected, tables, problems, seconds, os.getpid())


class _Tables:
    """A chunk's values, column by column, turned into Arrow slices of TABLE_SLICE_DOCS
    documents as they come (a value in a Python list costs several times its Arrow form)."""

    def __init__(self) -> None:
        from .tables import TABLE_NAMES

        self.columns: dict[str, dict[str, list[Any]]] = {t: {} for t in TABLE_NAMES}
        self.slices: dict[str, list[Any]] = {t: [] for t in TABLE_NAMES}
        self.documents = 0
        self.seconds = 0.0

    def add(self, columns: dict[str, dict[str, list[Any]]]) -> None:
        for name, found in columns.items():
            kept = self.columns[name]
            if not kept:
                self.columns[name] = {column: list(values) for column, values in found.items()}
                continue
            for column, values in found.items():
                kept[column] += values
        self.documents += 1
        if self.documents % TABLE_SLICE_DOCS == 0:
            self._flush()

    def _flush(self) -> None:
        import time

        from .tables import columns_table, table_schema

        started = time.perf_counter()
        for name, found in self.columns.items():
            # A slice per TABLE_SLICE_DOCS documents that have rows here, and one (empty, with
            # the schema) for a table no document has rows in.
            if found and found["doc_id"]:
                self.slices[name].append(columns_table(name, found))
            elif not self.slices[name]:
                self.slices[name].append(columns_table(name, {c: [] for c in table_schema(name).names}))
            self.columns[name] = {}
        self.seconds += time.perf_counter() - started

    def tables(self) -> dict[str, Any]:
        import pyarrow as pa

        self._flush()
        return {name: pa.concat_tables(parts) for name, parts in self.slices.items()}


@contextmanager
def _garbage_collected_once() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a chunk is parsed, and run once after:
    parsing makes many short-lived objects and few cycles, and a collection every few hundred
    allocations would walk the chunk's records again and again (about 5% of the time)."""
    import gc

    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


def _process_or_name(job: Job) -> Outcome:
    """process(job), with a failure of the step itself (a bug, never bad input) turned into
    a rejection that names the document: the build then fails cleanly, writing nothing."""
    try:
        return process(job)
    except Exception as exc:
        message = f"the parser failed on this document ({type(exc).__name__}: {str(exc)[:200]})"
        return Outcome(key=job.entry.file, problems=[Problem("parser-failure", message, file=job.entry.file)])
