"""The builder contract: what the dataset is, where its documents come from, and the
per-document step that turns one source into a validated record or a typed rejection.

`INFO` describes the dataset once. `sources` enumerates the seeds manifest. `process` is
the per-document step: bytes + provenance in, `Outcome` out (a validated record with its
table rows and near-duplicate signature, or a rejection with every problem). It is a pure
function of its `Job` with no global state, so any engine that can map a function over
jobs (multiprocessing here; Spark, Beam or Dask elsewhere) can run it unchanged.
`generate_examples` maps it over the manifest and yields `(key, outcome)` pairs in manifest
order, with unique, deterministic keys (the source file names). Everything downstream
(tables, checks, the release, the card) consumes that stream.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import rules
from .errors import CmvisitError, Problem
from .inputs import read_path
from .ordered import InOrder
from .seeds.manifest import MANIFEST_NAME, Entry, load_manifest, resolve_entry, unlisted

# Modules the worker processes import once, in the fork server, before any work.
WORKER_PRELOAD = (
    "cmvisit_data.record",
    "cmvisit_data.validation.tables",
    "cmvisit_data.dedup",
    "pandera.pandas",
)
# Documents per unit of work sent to a worker, and units in flight per worker.
CHUNK_DOCS = 1000  # a worker holds a chunk's rows at once: 2,000 were 3% faster, 50 MB more each
IN_FLIGHT_PER_WORKER = 3
TABLE_SLICE_DOCS = 200  # rows become Arrow tables this many documents at a time


@dataclass(frozen=True)
class DatasetInfo:
    name: str
    pretty_name: str
    description: str
    license: str  # the Hub's licence id for the whole: "other" (the parts differ)
    license_name: str  # the Hub card's name for that licence; its terms are hf/LICENSE.md
    texts_license: str  # the terms of the texts, as Croissant and LICENSE.md state them
    annotations_license: str  # the licence of what this project adds: offsets, labels, structure
    annotations_license_name: str
    annotations_license_url: str
    languages: tuple[str, ...]
    homepage: str
    hub_repo: str  # the Hub dataset repository a release is built for, unless build --repo-id says
    citation: str


INFO = DatasetInfo(
    name="cmvisit-data",
    pretty_name="CM Visit Press Releases (English-Hindi)",
    description=(
        "Government press releases and press coverage in English and Hindi, parsed into typed "
        "metadata, highlights, quotes and embedded posts, each traceable to the exact characters "
        "of the raw text it came from. The first corpus covers Chhattisgarh Chief Minister Vishnu "
        "Deo Sai's investment visit to Japan and South Korea in August 2025."
    ),
    license="other",
    license_name="cc-by-4.0-annotations-third-party-texts",
    texts_license=(
        "The texts are third-party news and government material: copyright stays with their publishers."
    ),
    annotations_license="cc-by-4.0",
    annotations_license_name="Creative Commons Attribution 4.0 International licence (CC BY 4.0)",
    annotations_license_url="https://creativecommons.org/licenses/by/4.0/",
    languages=("en", "hi"),
    homepage="https://github.com/cmvisit-data/cmvisit-data",
    hub_repo="cmvisit-data/cmvisit-data",
    citation=(
        "@misc{cmvisit_data,\n"
        "  title  = {cmvisit-data: a dataset of English and Hindi government press releases and coverage},\n"
        "  author = {{cmvisit-data developers}},\n"
        "  year   = {2026},\n"
        "  howpublished = {\\url{https://github.com/cmvisit-data/cmvisit-data}}\n"
        "}"
    ),
)


@dataclass(frozen=True)
class Job:
    """Everything the per-document step needs: no shared state."""

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

    @property
    def ok(self) -> bool:
        return self.record is not None

    @property
    def rows(self) -> dict[str, list[dict[str, Any]]] | None:
        """The record's rows in every table (its columns, a dict per row)."""
        from .tables import rows_by_table

        return None if self.columns is None else rows_by_table(self.columns)


def process(job: Job) -> Outcome:
    """One document: read it, check it against its manifest entry, parse and validate it."""
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
    if job.listed and record["metadata"]["language"] != entry.language:
        outcome.problems.append(
            Problem(
                "language-mismatch",
                f"the manifest says {entry.language!r} but the text is {record['metadata']['language']!r}",
                file=str(path),
            )
        )
        return outcome
    outcome.record = record
    outcome.columns = record_columns(record)
    outcome.signature = signature(record)
    return outcome


def sources(seeds_dir: str | os.PathLike[str], discover: bool = False) -> tuple[list[Entry], list[Problem]]:
    """The manifest's entries, and the problems with the manifest and the seeds folder.

    With `discover`, a folder without a manifest gives every .txt in it as an entry with
    unknown provenance (checksum and language are then taken from the document itself)."""
    if discover and not (Path(seeds_dir) / MANIFEST_NAME).exists():
        with os.scandir(seeds_dir) as found:  # names only: no Path object per file
            names = sorted(e.name for e in found if e.name.endswith(".txt"))
        return [Entry(name, "", "", None, None, None, None) for name in names], []
    entries, problems = load_manifest(seeds_dir)
    if not problems:
        problems = unlisted(seeds_dir, entries)
    return entries, problems


def generate_examples(
    seeds_dir: str | os.PathLike[str],
    entries: list[Entry],
    workers: int = 1,
    max_bytes: int = rules.DEFAULT_MAX_BYTES,
) -> Iterator[tuple[str, Outcome]]:
    """(key, outcome) for every entry, in manifest order, using `workers` processes."""
    with ChunkMap(process_chunk_outcomes, entries, workers, entry_jobs(seeds_dir, max_bytes)) as mapped:
        for chunk in mapped:
            for outcome in chunk:
                yield outcome.key, outcome


def generate_batches(
    seeds_dir: str | os.PathLike[str],
    entries: list[Entry],
    workers: int = 1,
    max_bytes: int = rules.DEFAULT_MAX_BYTES,
    engine: str = "local",
    scheduler: str | None = None,
) -> Any:
    """The same stream as generate_examples, a chunk at a time, each chunk's outcomes already
    turned into checked tables in the worker (`build_batch`): what the release build reads.
    `engine` "local" maps it in this machine's processes, "dask" on a Dask cluster (one
    started here, or the one at `scheduler`); both yield the chunks in order. The workers
    start at once; use the result as a context manager and iterate it."""
    jobs = entry_jobs(seeds_dir, max_bytes)
    if engine == "dask":
        from .engines.dask import DaskChunkMap

        return DaskChunkMap(
            build_batch, entries, workers, jobs, _chunk_size(len(entries), workers), scheduler
        )
    return ChunkMap(build_batch, entries, workers, jobs)


def entry_jobs(seeds_dir: str | os.PathLike[str], max_bytes: int) -> Any:
    """entry -> the Job that processes it."""

    def job(entry: Entry) -> Job:
        return Job(str(seeds_dir), entry, max_bytes, listed=bool(entry.sha256))

    return job


def process_chunk_outcomes(jobs: list[Job]) -> list[Outcome]:
    return [process(job) for job in jobs]


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
    tables: dict[str, Any]  # table name -> pyarrow.Table (dictionary columns as plain strings)
    problems: list[Problem]
    seconds: dict[str, float]
    worker: int = 0  # the process that made it (never written to a release)


def build_batch(jobs: list[Job]) -> Batch:
    """The build's step for one chunk, run in a worker: `process` each document, then build
    this chunk's tables and run every table check on them (`validation.tables.check_batch`)."""
    import time

    from .release.parquet import plain
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
                     record["source"]["bytes"], record["source"]["sha256"], record["metadata"]["language"])
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
    return Batch(
        kept, rejected, {name: plain(t) for name, t in tables.items()}, problems, seconds, os.getpid()
    )


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


def _chunk_size(documents: int, workers: int) -> int:
    return max(1, min(CHUNK_DOCS, -(-documents // max(1, workers * 4))))


def parallel(documents: int, workers: int, chunk_size: int = 0) -> bool:
    """Whether a map over this many documents runs in worker processes (more than one chunk)."""
    return workers > 1 and documents > (chunk_size or _chunk_size(documents, workers))


def start_workers(workers: int) -> None:
    """Start the fork server, which imports the libraries the workers need, and return at
    once: it does so while this process goes on with its own set-up."""
    if workers > 1 and "forkserver" in multiprocessing.get_all_start_methods():
        from multiprocessing import forkserver

        multiprocessing.get_context("forkserver").set_forkserver_preload(list(WORKER_PRELOAD))
        forkserver.ensure_running()


def _init_worker() -> None:
    """A worker leaves Ctrl-C to the main process (which stops the pool and says so in one
    line), and ends when the process that started it ends: no orphan outlives a build."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker whose main process was killed outright ends on its closed pipe without a
    # traceback (Python's default would raise BrokenPipeError and print one).
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    # What the fork server imported is kept for good: the collector, run once per chunk,
    # never walks it again (nor touches, and so copies, the pages it shares with the others).
    gc.freeze()
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except OSError:  # pragma: no cover - no glibc: the pool's own shutdown still applies
            pass


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM handled as Ctrl-C is while the work runs: KeyboardInterrupt in the main thread,
    so the same clean-up runs (the workers stopped, temporary files removed, what `add` copied
    listed) and the command ends in one line. A second SIGTERM during that clean-up is
    ignored, so the clean-up itself is not cut short. Outside the main thread, nothing changes."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: Any) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class ChunkMap(InOrder):
    """function(jobs) over chunks of the items in `workers` processes, results in order: the
    one process pool of the package (the build and `add` both map through it).

    The workers start, and the first chunks are sent, when the map is made; the results are
    read by iterating it. At most IN_FLIGHT_PER_WORKER chunks per worker are in flight, so
    results never pile up in memory. Use it as a context manager: leaving stops the workers.
    """

    def __init__(
        self,
        function: Any,
        items: Sequence[Any],
        workers: int,
        make_job: Callable[[Any], Any] = lambda item: item,
        chunk_size: int = 0,
    ):
        size = chunk_size or _chunk_size(len(items), workers)
        self.function = function
        # Jobs are made a chunk at a time, when the chunk is sent, never all at once.
        self.chunks = ([make_job(x) for x in items[i : i + size]] for i in range(0, len(items), size))
        self.pool: Any = None
        self.pending: deque[Any] = deque()
        self.limit = workers * IN_FLIGHT_PER_WORKER
        if not parallel(len(items), workers, size):
            return
        # Workers come from a fork server that has imported the libraries but holds none of
        # this process's data (the manifest, the results so far): their memory does not grow
        # with the corpus. What this process holds is frozen so the collector does not walk it.
        start_workers(workers)
        gc.collect()
        gc.freeze()
        if "forkserver" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("forkserver")
        else:  # pragma: no cover - platforms without fork
            context = multiprocessing.get_context("spawn")
        self.pool = context.Pool(workers, initializer=_init_worker)
        self._send()

    def _submit(self, chunk: list[Any]) -> Any:
        return self.pool.apply_async(self.function, (chunk,))

    def _result(self, handle: Any) -> Any:
        return handle.get()

    def __iter__(self) -> Iterator[Any]:
        if self.pool is None:
            for chunk in self.chunks:
                yield self.function(chunk)
            return
        yield from self._in_order()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
            gc.unfreeze()
