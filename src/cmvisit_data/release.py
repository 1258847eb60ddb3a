"""Releases: build, verify and compare versioned Parquet releases; add documents to the seeds.

A release is `build/<version>/`: one Parquet file per table, `manifest.json` (versions,
schema checksum, every input with its checksum, every output with rows, bytes and
checksum, rejected inputs) and, when some inputs were rejected under `--allow-rejects`,
`rejected.jsonl`. `build/CHANGELOG.md` is regenerated from the releases' manifests.

Guarantees:
- reproducible: the same inputs give byte-identical files (no timestamps, inputs in
  manifest order, pinned Parquet writer options);
- immutable: an existing version is never overwritten; a build writes to a temporary
  folder and renames it into place, under a lock, so a killed build leaves no partial
  release and a concurrent build of the same version is refused;
- nothing lost: each document's raw text is stored as decoded, and its UTF-8 bytes hash
  to the recorded sha256;
- strict: any invalid input fails the build, listing every failure, unless rejects are
  allowed, in which case they are recorded.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from . import __version__, rules
from .builder import INFO, ChunkMap, Job, parallel, process, sources, start_workers
from .checks import CrossTable, check_frame
from .dedup import Signatures
from .errors import Problem, Report
from .manifest import MANIFEST_NAME, Entry, load_manifest, sha256_of, write_manifest
from .tables import COUNTED, TABLE_NAMES, table_schema, to_table

INPUT_FIELDS = ("file", "sha256", "doc_id", "language", "url", "outlet", "rights", "obtained")
VERSION_RE = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
BATCH_DOCS = 1000
RELEASE_MANIFEST = "manifest.json"
REJECTED = "rejected.jsonl"
CHANGELOG = "CHANGELOG.md"
# Pinned so that the same inputs and library versions give the same bytes.
PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 3,
    "use_dictionary": True,
    "write_statistics": True,
    "version": "2.6",
    "data_page_version": "1.0",
    "store_schema": True,
}


@dataclass
class BuildResult:
    version: str
    path: str
    status: str  # built | reproduced | failed | refused
    documents: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    bytes_in: int = 0
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.status in ("built", "reproduced")

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "path": self.path,
            "status": self.status,
            "documents": self.documents,
            "rows": self.rows,
            "rejected": self.rejected,
            "errors": [p.to_dict() for p in self.problems],
            "seconds": self.seconds,
            "bytes_in": self.bytes_in,
            "note": self.note,
        }


# --- locking --------------------------------------------------------------------------------


@contextlib.contextmanager
def _lock(out_root: Path, version: str) -> Iterator[bool]:
    """An exclusive lock per version, released by the kernel if the process dies."""
    import fcntl

    path = out_root / f".{version}.lock"
    handle = open(path, "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        handle.close()


def _remove_stale(out_root: Path, version: str) -> None:
    """Temporary folders of this version left by killed builds (we hold the lock)."""
    for stale in out_root.glob(f".tmp-{version}-*"):
        shutil.rmtree(stale, ignore_errors=True)


# --- building -------------------------------------------------------------------------------


class _Writers:
    """One Parquet writer per table, fed batch by batch, checking each batch first."""

    def __init__(self, folder: Path, tables: tuple[str, ...]):
        import pyarrow.parquet as pq

        self.folder = folder
        self.writers = {
            name: pq.ParquetWriter(folder / f"{name}.parquet", table_schema(name), **PARQUET_OPTIONS)
            for name in tables
        }
        self.rows = Counter[str]()

    def write(self, name: str, table: Any) -> None:
        if table.num_rows:
            self.writers[name].write_table(table, row_group_size=max(1, table.num_rows))
            self.rows[name] += table.num_rows

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()


def build(
    seeds_dir: str | os.PathLike[str],
    out_root: str | os.PathLike[str],
    version: str,
    allow_rejects: bool = False,
    workers: int | None = None,
    max_bytes: int = rules.DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
    discover: bool = False,
) -> BuildResult:
    """Build release `version` of the documents in seeds_dir into out_root/version."""
    out = Path(out_root)
    final = out / version
    result = BuildResult(version=version, path=str(final), status="failed")
    if not VERSION_RE.match(version):
        result.problems.append(Problem("bad-version", f"{version!r} is not MAJOR.MINOR.PATCH"))
        return result
    out.mkdir(parents=True, exist_ok=True)
    with _lock(out, version) as held:
        if not held:
            result.status = "refused"
            result.problems.append(
                Problem("release-busy", f"another build of {version} holds {out}/.{version}.lock")
            )
            return result
        _remove_stale(out, version)
        tmp = out / f".tmp-{version}-{os.getpid()}"
        tmp.mkdir()
        try:
            _build_into(
                Path(seeds_dir), tmp, version, allow_rejects, workers, max_bytes, progress, result, discover
            )
            if result.problems:
                return result
            if final.exists():
                _settle_existing(tmp, final, result)
            else:
                _fsync_tree(tmp)
                os.rename(tmp, final)
                result.status = "built"
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    if result.status == "built":
        write_changelog(out)
    return result


def _settle_existing(tmp: Path, final: Path, result: BuildResult) -> None:
    """A version that exists is never touched: say whether this build reproduces it, byte for
    byte, or row for row (Parquet written by another pyarrow version differs in its bytes)."""
    ours = {str(p.relative_to(tmp)): sha256_of(p) for p in tmp.rglob("*") if p.is_file()}
    theirs = {str(p.relative_to(final)): sha256_of(p) for p in final.rglob("*") if p.is_file()}
    if ours == theirs:
        result.status, result.note = "reproduced", "byte for byte"
        return
    if (final / RELEASE_MANIFEST).is_file() and _digests(tmp) == _digests(final):
        differing = sorted(n for n in set(ours) | set(theirs) if ours.get(n) != theirs.get(n))
        writer = read_manifest(final).get("writer", {}).get("pyarrow")
        result.status = "reproduced"
        result.note = (
            f"row for row ({len(differing)} files differ in their bytes, e.g. {differing[0]}; "
            f"the release was written with pyarrow {writer})"
        )
        return
    result.status = "refused"
    result.problems.append(
        Problem("release-exists", f"{final} exists and differs from what these inputs build", file=str(final))
    )


def _fsync_tree(folder: Path) -> None:
    """Flush every file and folder of a release to disk before it is renamed into place."""
    for path in sorted(folder.rglob("*"), reverse=True):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _build_chunk(jobs: list[Job]) -> dict[str, Any]:
    """The per-chunk step run in a worker: parse and validate each document (the pure
    per-document `process`), then build and check this chunk's tables."""
    started = time.perf_counter()
    outcomes = [process(job) for job in jobs]
    parsed = time.perf_counter()
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLE_NAMES}
    docs = []
    rejected = []
    for outcome in outcomes:
        if not outcome.ok:
            rejected.append({"file": outcome.key, "problems": [p.to_dict() for p in outcome.problems]})
            continue
        assert outcome.record is not None and outcome.rows is not None
        record = outcome.record
        docs.append(
            {
                "key": outcome.key,
                "doc_id": record["doc_id"],
                "published": record["metadata"]["published"],
                "signature": outcome.signature,
                "bytes": record["source"]["bytes"],
                "sha256": record["source"]["sha256"],
                "language": record["metadata"]["language"],
            }
        )
        for name in TABLE_NAMES:
            rows[name].extend(outcome.rows[name])
    tables = {name: to_table(name, rows[name]) for name in TABLE_NAMES}
    built = time.perf_counter()
    # Every table is checked here, in parallel; the documents' one column added later
    # (duplicate_of) is checked when it is filled in.
    documents = tables["documents"]
    problems = check_frame(
        "documents", documents.drop_columns(["raw_text"]).to_pandas(), exclude=("raw_text",)
    )
    cross = CrossTable()
    cross.add_documents(documents)
    for name in TABLE_NAMES[1:]:
        problems.extend(check_frame(name, tables[name].to_pandas()))
        cross.check_items(name, tables[name])
    problems.extend(cross.problems)
    checked = time.perf_counter()
    return {
        "tables": {name: _plain(tables[name]) for name in TABLE_NAMES},
        "docs": docs,
        "rejected": rejected,
        "problems": [p.to_dict() for p in problems],
        "seconds": {
            "parse_and_validate": parsed - started,
            "tables": built - parsed,
            "table_checks": checked - built,
        },
    }


def _plain(table: Any) -> Any:
    """Dictionary columns as plain strings, so that tables from any chunks concatenate and
    are encoded again per row group (the same bytes whatever the chunking)."""
    import pyarrow as pa

    for i, column in enumerate(table.schema):
        if pa.types.is_dictionary(column.type):
            plain = pa.field(column.name, pa.string(), column.nullable, column.metadata)
            table = table.set_column(i, plain, table.column(i).cast(pa.string()))
    return table


def _encoded(name: str, tables: list[Any]) -> Any:
    """Chunks of a table -> one table with the declared schema (dictionaries re-encoded)."""
    import pyarrow as pa

    schema = table_schema(name)
    combined = pa.concat_tables(tables).combine_chunks() if tables else _plain(schema.empty_table())
    columns = [combined.column(f.name).cast(f.type) for f in schema]
    return pa.Table.from_arrays(columns, schema=schema)


class _RowGroups:
    """Writes every table in row groups of exactly BATCH_DOCS documents (and their items),
    whatever the chunks the workers returned, so that the bytes never depend on --workers."""

    COUNTS: ClassVar[dict[str, str]] = {table: column for column, table in COUNTED.items()}

    def __init__(self, writers: _Writers, documents_writer: Any, hub: Any):
        self.writers = writers
        self.documents_writer = documents_writer
        self.hub = hub
        self.buffer: dict[str, list[Any]] = {t: [] for t in TABLE_NAMES}
        self.docs = 0

    def add(self, tables: dict[str, Any]) -> None:
        for name in TABLE_NAMES:
            self.buffer[name].append(tables[name])
        self.docs += tables["documents"].num_rows
        while self.docs >= BATCH_DOCS:
            self._emit(BATCH_DOCS)

    def close(self) -> None:
        if self.docs:
            self._emit(self.docs)

    def _emit(self, k: int) -> None:
        import pyarrow as pa

        documents = pa.concat_tables(self.buffer["documents"]).combine_chunks()
        head = documents.slice(0, k)
        for name, column in self.COUNTS.items():
            items = pa.concat_tables(self.buffer[name]).combine_chunks()
            count = sum(head.column(column).to_pylist())
            table = _encoded(name, [items.slice(0, count)])
            self.writers.write(name, table)
            self.hub.write(name, table)
            self.buffer[name] = [items.slice(count)]
        self.documents_writer.write_table(_plain(_encoded("documents", [head])))
        self.buffer["documents"] = [documents.slice(k)]
        self.docs -= k


def _build_into(
    seeds: Path,
    tmp: Path,
    version: str,
    allow_rejects: bool,
    workers: int | None,
    max_bytes: int,
    progress: Callable[[int, int], None] | None,
    result: BuildResult,
    discover: bool = False,
) -> None:
    started = time.perf_counter()
    entries, problems = sources(seeds, discover)
    if problems and not entries and not any(p.type == "unlisted-document" for p in problems):
        result.problems.extend(problems)  # no usable manifest
        return
    workers = workers or os.cpu_count() or 1
    if parallel(len(entries), workers):
        start_workers(workers)  # they import their libraries while this process imports its own
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    rejected: list[dict[str, Any]] = [
        {"file": p.file, "problems": [p.to_dict()]} for p in problems if p.type == "unlisted-document"
    ]
    # The workers start on the first chunks now, while this process sets up the writers.
    with ChunkMap(_build_chunk, seeds, entries, workers, max_bytes) as mapped:
        items = TABLE_NAMES[1:]
        writers = _Writers(tmp, items)
        from .hub import HubWriter, hf_files, write_hf_metadata

        hub = HubWriter(tmp)
        # Documents wait in an uncompressed Arrow file until duplicate_of is known (pass 2).
        pass1_path = tmp / ".documents.pass1.arrow"
        documents_pass1 = pa.ipc.new_file(pass1_path, _plain(table_schema("documents").empty_table()).schema)
        groups = _RowGroups(writers, documents_pass1, hub)
        seen: set[str] = set()  # doc_ids kept so far: a second copy of the same bytes is rejected
        copies: list[tuple[str, str, dict[str, Any]]] = []  # (doc_id, key, its rejection) of such copies
        signatures = Signatures()
        inputs = _Inputs(tmp / ".inputs.jsonl")
        table_problems: list[Problem] = []
        timing = Counter[str]()
        by_file = {e.file: e for e in entries}
        done = 0
        loop_started = time.perf_counter()
        for chunk in mapped:
            for key, value in chunk["seconds"].items():
                timing[f"workers_{key}"] += value
            rejected.extend(chunk["rejected"])
            table_problems.extend(_problem_from(p) for p in chunk["problems"])
            keep = []
            for doc in chunk["docs"]:
                key, doc_id = doc["key"], doc["doc_id"]
                if doc_id in seen:
                    # Named once the loop is over (the first copy's file is in the inputs file).
                    copies.append((doc_id, key, {"file": key, "problems": []}))
                    rejected.append(copies[-1][2])
                    continue
                seen.add(doc_id)
                keep.append(doc_id)
                result.bytes_in += doc["bytes"]
                inputs.append(
                    (key, doc["sha256"], doc_id, doc["language"], *by_file[key].provenance().values())
                )
                signatures.add(doc_id, doc["published"], doc["signature"])
            tables = chunk["tables"]
            if len(keep) < len(chunk["docs"]):  # a second copy of the same bytes: drop its rows
                value_set = pa.array(keep, pa.string())
                tables = {
                    name: t.filter(pc.is_in(t.column("doc_id"), value_set=value_set))
                    for name, t in tables.items()
                }
            t0 = time.perf_counter()
            groups.add(tables)
            timing["write"] += time.perf_counter() - t0
            done += len(chunk["docs"]) + len(chunk["rejected"])
            if progress:
                progress(done, len(entries))
    t0 = time.perf_counter()
    groups.close()
    writers.close()
    documents_pass1.close()
    inputs.close()
    timing["write"] += time.perf_counter() - t0
    _name_copies(copies, inputs)
    timing["parse_check_write_wall"] = time.perf_counter() - loop_started

    if rejected and not allow_rejects:
        for item in rejected:
            result.problems.extend(_problem_from(d) for d in item["problems"])
        result.rejected = rejected
        return
    if table_problems:
        result.problems.extend(table_problems)
        return

    t0 = time.perf_counter()
    del entries, by_file, seen
    dupes = signatures.duplicates()
    del signatures
    table_problems.extend(_check_duplicates(dupes))
    timing["near_duplicates"] = time.perf_counter() - t0

    # Pass 2: documents with duplicate_of, checked, written batch by batch.
    t0 = time.perf_counter()
    import pyarrow as pa

    schema = table_schema("documents")
    stats = _Stats()
    with (
        pa.OSFile(str(pass1_path)) as source,  # read batch by batch; a memory map would stay resident
        pq.ParquetWriter(tmp / "documents.parquet", schema, **PARQUET_OPTIONS) as writer,
        # The Hub copy of each batch is encoded on a second thread while this one encodes the
        # release's (Parquet encoding runs without the GIL); each file is still written by one
        # thread, batch after batch, so its bytes do not change. Both finish a batch before the
        # next is read: one batch in memory at a time, as without the thread.
        ThreadPoolExecutor(max_workers=1) as hub_thread,
    ):
        reader = pa.ipc.open_file(source)
        for index in range(reader.num_record_batches):
            table = _encoded("documents", [pa.Table.from_batches([reader.get_batch(index)])])
            ids = table.column("doc_id").to_pylist()
            column = pa.array([dupes.get(i) for i in ids], pa.string())
            table = table.set_column(
                schema.get_field_index("duplicate_of"), schema.field("duplicate_of"), column
            )
            stats.add(table)
            hub_pending = hub_thread.submit(hub.write, "documents", table)
            writer.write_table(table, row_group_size=max(1, table.num_rows))
            hub_pending.result()
    pass1_path.unlink()
    # Give the encoders' freed buffers back to the system before the Hub folder is finished,
    # so that this pass does not raise the build's peak.
    pa.default_memory_pool().release_unused()
    writers.rows["documents"] = stats.documents
    timing["documents"] = time.perf_counter() - t0
    if table_problems:
        result.problems.extend(table_problems)
        return

    if rejected:
        with open(tmp / REJECTED, "w", encoding="utf-8") as handle:
            for item in rejected:
                handle.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
    manifest = _release_manifest(version, tmp, inputs, rejected, writers.rows, stats, len(dupes))
    t0 = time.perf_counter()
    sizes = hub.close()
    write_hf_metadata(tmp, manifest, sizes)
    for path in hf_files(tmp):
        relative = str(path.relative_to(tmp))
        manifest["files"][relative] = {"bytes": path.stat().st_size, "sha256": sha256_of(path)}
        table = next((t for t in TABLE_NAMES if relative.startswith(f"hf/data/{t}/")), None)
        if table is not None:
            manifest["files"][relative]["rows"] = sizes[table]["num_examples"]
    timing["hub_folder"] = time.perf_counter() - t0
    _write_json(tmp / RELEASE_MANIFEST, manifest)
    inputs.path.unlink()
    result.documents = stats.documents
    result.rows = {name: writers.rows[name] for name in TABLE_NAMES}
    result.rejected = rejected
    timing["total"] = time.perf_counter() - started
    result.seconds = {k: round(v, 3) for k, v in timing.items()}


def _check_duplicates(dupes: dict[str, str]) -> list[Problem]:
    """duplicate_of names an original: another document, itself not marked as a duplicate.
    (The rest of the documents table was checked in the workers.)"""
    return [
        Problem(
            "table-check",
            f"duplicate_of {original} is {'the row itself' if original == doc_id else 'itself a duplicate'}",
            table="documents",
            row=doc_id,
            field="duplicate_of",
        )
        for doc_id, original in dupes.items()
        if original == doc_id or original in dupes
    ]


class _Inputs(list):  # type: ignore[type-arg]
    """The inputs of a build, one JSON line each in a file beside the release being built, and
    read back one at a time while the manifest is written: at 100,000 documents they would
    otherwise hold tens of megabytes through the whole build. A list to the JSON encoder (which
    writes any list subclass as an array), though it keeps nothing in the list itself."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self.count = 0
        self._handle: Any = open(path, "w", encoding="utf-8")

    def append(self, item: tuple[Any, ...]) -> None:  # type: ignore[override]
        self._handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        self.count += 1

    def close(self) -> None:
        self._handle.close()

    def __len__(self) -> int:
        return self.count

    def __bool__(self) -> bool:
        return self.count > 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        if not self._handle.closed:
            self._handle.flush()
        with open(self.path, encoding="utf-8") as handle:
            for line in handle:
                yield dict(zip(INPUT_FIELDS, json.loads(line), strict=True))


def _name_copies(copies: list[tuple[str, str, dict[str, Any]]], inputs: _Inputs) -> None:
    """Fill in the rejections of second copies of the same bytes with the first copy's file."""
    if not copies:
        return
    wanted = {doc_id for doc_id, _, _ in copies}
    first = {item["doc_id"]: item["file"] for item in inputs if item["doc_id"] in wanted}
    for doc_id, key, rejection in copies:
        problem = Problem("duplicate-entry", f"same bytes as {first[doc_id]} (doc_id {doc_id})", file=key)
        rejection["problems"].append(problem.to_dict())


def _write_json(path: Path, value: Any) -> None:
    """json.dumps(value, indent=2, sort_keys=True) + newline, written piece by piece."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, sort_keys=True)
    with open(path, "w", encoding="utf-8") as handle:
        for piece in encoder.iterencode(value):
            handle.write(piece)
        handle.write("\n")


def _problem_from(data: dict[str, Any]) -> Problem:
    return Problem(**{k: v for k, v in data.items()})


class _Stats:
    """Counts for the manifest and the card, gathered while documents stream past."""

    def __init__(self) -> None:
        self.documents = 0
        self.languages = Counter[str]()
        self.outlets = Counter[str]()
        self.first: str | None = None
        self.last: str | None = None
        self.undated = 0

    def add(self, table: Any) -> None:
        self.documents += table.num_rows
        self.languages.update(str(x) for x in table.column("language").to_pylist())
        self.outlets.update(
            str(x) if x is not None else "unknown" for x in table.column("outlet").to_pylist()
        )
        for value in table.column("published").to_pylist():
            if value is None:
                self.undated += 1
            else:
                day = value.isoformat()
                self.first = day if self.first is None else min(self.first, day)
                self.last = day if self.last is None else max(self.last, day)

    def to_dict(self) -> dict[str, Any]:
        return {
            "languages": dict(sorted(self.languages.items())),
            "outlets": dict(sorted(self.outlets.items())),
            "published": {
                "first": self.first,
                "last": self.last,
                "undated": self.undated,
            },
        }


def schema_sha256() -> str:
    from .record import schema_path

    return sha256_of(schema_path())


def _release_manifest(
    version: str,
    folder: Path,
    inputs: _Inputs,
    rejected: list[dict[str, Any]],
    rows: Counter[str],
    stats: _Stats,
    duplicates: int,
) -> dict[str, Any]:
    import pyarrow

    tables = {}
    for name in TABLE_NAMES:
        path = folder / f"{name}.parquet"
        tables[name] = {
            "file": path.name,
            "rows": rows[name],
            "bytes": path.stat().st_size,
            "sha256": sha256_of(path),
        }
    files = {}
    if rejected:
        path = folder / REJECTED
        files[REJECTED] = {"bytes": path.stat().st_size, "sha256": sha256_of(path), "rows": len(rejected)}
    return {
        "dataset": INFO.name,
        "version": version,
        "package_version": __version__,
        "schema_sha256": schema_sha256(),
        "writer": {"pyarrow": pyarrow.__version__, **PARQUET_OPTIONS},
        "inputs": inputs,
        "rejected": [{"file": r["file"], "reasons": [p["message"] for p in r["problems"]]} for r in rejected],
        "tables": tables,
        "files": files,
        "counts": {**stats.to_dict(), "documents": stats.documents, "duplicates": duplicates},
    }


# --- reading releases ---------------------------------------------------------------------------


def read_manifest(release: str | os.PathLike[str]) -> dict[str, Any]:
    return json.loads((Path(release) / RELEASE_MANIFEST).read_text(encoding="utf-8"))


def versions(out_root: str | os.PathLike[str]) -> list[str]:
    """Release versions under out_root, oldest first."""
    root = Path(out_root)
    if not root.is_dir():
        return []
    found = [p.name for p in root.iterdir() if VERSION_RE.match(p.name) and (p / RELEASE_MANIFEST).is_file()]
    return sorted(found, key=lambda v: tuple(int(x) for x in v.split(".")))


def verify(release: str | os.PathLike[str]) -> Report:
    """Recompute checksums; check schemas, table rules, spans, raw bytes and references."""
    import pyarrow.parquet as pq

    folder = Path(release)
    report = Report(file=str(folder), kind="release")
    try:
        manifest = read_manifest(folder)
    except (OSError, json.JSONDecodeError) as exc:
        report.problems.append(
            Problem("release-invalid", f"cannot read {RELEASE_MANIFEST}: {exc}", file=str(folder))
        )
        return report
    for name, meta in [*manifest["tables"].items(), *manifest.get("files", {}).items()]:
        path = folder / meta.get("file", name)
        if not path.is_file():
            report.problems.append(Problem("release-invalid", "the file is missing", file=str(path)))
        elif path.stat().st_size != meta["bytes"] or sha256_of(path) != meta["sha256"]:
            report.problems.append(
                Problem(
                    "checksum-mismatch",
                    "the file differs from its size or sha256 in manifest.json",
                    file=str(path),
                )
            )
    if report.problems:
        return report
    files = {name: pq.ParquetFile(folder / meta["file"]) for name, meta in manifest["tables"].items()}
    for name in TABLE_NAMES:
        got, want = files[name].schema_arrow, table_schema(name)
        shape = [(f.name, str(f.type), f.nullable) for f in got]
        if shape != [(f.name, str(f.type), f.nullable) for f in want]:
            report.problems.append(
                Problem(
                    "release-invalid",
                    "the columns differ from the table's declared schema",
                    file=str(folder / manifest["tables"][name]["file"]),
                    table=name,
                )
            )
        if files[name].metadata.num_rows != manifest["tables"][name]["rows"]:
            report.problems.append(
                Problem(
                    "release-invalid",
                    "the row count differs from manifest.json",
                    table=name,
                    file=str(folder),
                )
            )
    if report.problems:
        return report
    report.problems.extend(_verify_rows(files))
    report.records = manifest["tables"]["documents"]["rows"]
    return report


def _verify_rows(files: dict[str, Any]) -> list[Problem]:
    """Table rules batch by batch, and a streaming merge of the item tables with documents."""
    problems: list[Problem] = []
    documents = files["documents"]
    all_ids: set[str] = set()
    for group in range(documents.num_row_groups):
        all_ids.update(documents.read_row_group(group, columns=["doc_id"]).column("doc_id").to_pylist())
    streams = {name: _rows(files[name]) for name in TABLE_NAMES if name != "documents"}
    pending: dict[str, dict[str, Any] | None] = {name: next(stream, None) for name, stream in streams.items()}
    for group in range(documents.num_row_groups):
        table = documents.read_row_group(group)
        problems.extend(
            check_frame("documents", table.drop_columns(["raw_text"]).to_pandas(), exclude=("raw_text",))
        )
        problems.extend(_verify_documents(table))
        window = set(table.column("doc_id").to_pylist())
        cross = CrossTable()
        cross.add_documents(table)
        for name, stream in streams.items():
            rows: list[dict[str, Any]] = []
            while pending[name] is not None and (
                pending[name]["doc_id"] in window or pending[name]["doc_id"] not in all_ids
            ):
                rows.append(pending[name])
                pending[name] = next(stream, None)
            if rows:
                batch = to_table(name, rows)
                problems.extend(check_frame(name, batch.to_pandas()))
                cross.check_items(name, batch)
        problems.extend(cross.problems)
    for name, row in pending.items():
        if row is not None:
            problems.append(
                Problem(
                    "table-check",
                    "rows are out of document order",
                    table=name,
                    row=f"{row['doc_id']}/{row['position']}",
                )
            )
    return problems


def _rows(file: Any) -> Iterator[dict[str, Any]]:
    for batch in file.iter_batches(batch_size=4096):
        yield from batch.to_pylist()


def _verify_documents(table: Any) -> list[Problem]:
    """Raw bytes recoverable, metadata spans holding, per document."""
    problems: list[Problem] = []
    span_columns = ["title_span", "published_span", "dateline_span"]
    for row in table.select(["doc_id", "raw_text", "raw_sha256", "byline_spans", *span_columns]).to_pylist():
        raw = row["raw_text"]
        if hashlib.sha256(raw.encode("utf-8")).hexdigest() != row["raw_sha256"]:
            problems.append(
                Problem(
                    "checksum-mismatch",
                    "raw_text does not encode to the recorded bytes",
                    table="documents",
                    row=row["doc_id"],
                    field="raw_text",
                )
            )
        spans = [(c, row[c]) for c in span_columns if row[c]] + [
            ("byline_spans", s) for s in row["byline_spans"]
        ]
        for column, span in spans:
            if raw[span["start"] : span["end"]] != span["text"]:
                problems.append(
                    Problem(
                        "table-check",
                        "the span does not select its text",
                        table="documents",
                        row=row["doc_id"],
                        field=column,
                    )
                )
    return problems


def diff(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> dict[str, Any]:
    """Documents added, removed and changed (by doc_id) and row counts per table, A -> B."""
    left, right = _digests(Path(a)), _digests(Path(b))
    ma, mb = read_manifest(a), read_manifest(b)
    return {
        "from": ma["version"],
        "to": mb["version"],
        "added": sorted(set(right) - set(left)),
        "removed": sorted(set(left) - set(right)),
        "changed": sorted(k for k in set(left) & set(right) if left[k] != right[k]),
        "rows": {
            name: {"from": ma["tables"][name]["rows"], "to": mb["tables"][name]["rows"]}
            for name in TABLE_NAMES
        },
    }


def _digests(folder: Path) -> dict[str, str]:
    """doc_id -> a digest of all its rows in every table."""
    import pyarrow.parquet as pq

    hashers: dict[str, Any] = {}
    for name in TABLE_NAMES:
        for row in _rows(pq.ParquetFile(folder / f"{name}.parquet")):
            hasher = hashers.setdefault(row["doc_id"], hashlib.sha256())
            hasher.update(name.encode())
            hasher.update(json.dumps(row, sort_keys=True, default=str, ensure_ascii=False).encode())
    return {k: v.hexdigest() for k, v in hashers.items()}


# --- CHANGELOG ------------------------------------------------------------------------------------


def _manifest_head(release: Path) -> dict[str, Any]:
    """A release's manifest without its (long) list of inputs, read without loading it."""
    decoder = json.JSONDecoder()
    text = (release / RELEASE_MANIFEST).read_text(encoding="utf-8")
    start = text.find('"inputs": [')
    if start < 0:
        return json.loads(text)
    # Skip the inputs array by decoding it value by value, keeping nothing.
    pos = start + len('"inputs": [')
    while True:
        while text[pos] in " \n\t,":
            pos += 1
        if text[pos] == "]":
            break
        _, pos = decoder.raw_decode(text, pos)
    head = text[:start] + '"inputs": []' + text[pos + 1 :]
    return json.loads(head)


def write_changelog(out_root: str | os.PathLike[str]) -> None:
    """build/CHANGELOG.md, regenerated from every release's manifest (newest first)."""
    root = Path(out_root)
    found = versions(root)
    lines = [
        "# Changelog",
        "",
        "Generated by `cmvisit build` from each release's `manifest.json`; do not edit by hand.",
        "",
    ]
    previous: set[str] = set()
    sections = []
    import pyarrow.parquet as pq

    for version in found:
        manifest = _manifest_head(root / version)
        ids = set(
            pq.read_table(root / version / "documents.parquet", columns=["doc_id"])
            .column("doc_id")
            .to_pylist()
        )
        counts = manifest["counts"]
        rows = ", ".join(f"{name} {meta['rows']}" for name, meta in manifest["tables"].items())
        langs = ", ".join(f"{k} {v}" for k, v in counts["languages"].items())
        section = [
            f"## {version}",
            "",
            f"- documents: {counts['documents']} ({langs}); near-duplicates marked: {counts['duplicates']}",
            f"- rows: {rows}",
            f"- since the previous release: {len(ids - previous)} added, {len(previous - ids)} removed",
            f"- rejected inputs: {len(manifest['rejected'])}",
            f"- package {manifest['package_version']}, schema sha256 {manifest['schema_sha256'][:12]}",
            "",
        ]
        sections.append(section)
        previous = ids
    for section in reversed(sections):
        lines.extend(section)
    path = root / CHANGELOG
    tmp = root / f".{CHANGELOG}.tmp-{os.getpid()}"
    tmp.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    os.replace(tmp, path)


# --- adding documents ------------------------------------------------------------------------------

_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.txt$")


@dataclass
class AddResult:
    added: list[dict[str, Any]] = field(default_factory=list)
    present: list[dict[str, Any]] = field(default_factory=list)
    invalid: list[Report] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "already_present": self.present,
            "invalid": [r.to_dict() for r in self.invalid],
        }


def _check_for_add(job: tuple[str, int]) -> tuple[str, str | None, str | None, list[Problem]]:
    """(path, sha256, language, problems) for one candidate document: a pure function."""
    from .check import parse_path

    path, max_bytes = job
    record, problems = parse_path(path, max_bytes)
    if record is None:
        return path, None, None, problems
    return path, record["source"]["sha256"], record["metadata"]["language"], []


def add(
    paths: list[str],
    seeds_dir: str | os.PathLike[str],
    provenance: dict[str, Any],
    workers: int | None = None,
    max_bytes: int = rules.DEFAULT_MAX_BYTES,
) -> tuple[AddResult, list[Problem]]:
    """Validate documents and copy the valid ones into the seeds folder with manifest entries."""
    seeds = Path(seeds_dir)
    seeds.mkdir(parents=True, exist_ok=True)
    if (seeds / MANIFEST_NAME).exists():
        entries, problems = load_manifest(seeds)
        if problems:
            return AddResult(), problems
    else:
        entries = []
    by_sha = {e.sha256: e for e in entries}
    names = {e.file for e in entries}
    files = list(_candidate_files(paths))
    result = AddResult()
    jobs = [(f, max_bytes) for f in files]
    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(jobs) >= 4 * workers:
        import multiprocessing

        pool = multiprocessing.get_context("fork").Pool(workers)
        outcomes: Any = pool.imap(_check_for_add, jobs, chunksize=64)
    else:
        pool = None
        outcomes = map(_check_for_add, jobs)
    try:
        for path, sha, language, problems in outcomes:
            if sha is None:
                report = Report(file=path, kind="document", problems=problems)
                result.invalid.append(report)
                continue
            if sha in by_sha:
                result.present.append({"file": path, "as": by_sha[sha].file})
                continue
            name = Path(path).name
            if not _SAFE_NAME.match(name) or name in names or name == MANIFEST_NAME:
                name = f"{sha[:16]}.txt"
            target = seeds / name
            tmp = seeds / f".{name}.tmp-{os.getpid()}"
            shutil.copyfile(path, tmp)
            os.replace(tmp, target)
            entry = Entry(file=name, sha256=sha, language=language or "en", **provenance)
            by_sha[sha] = entry
            names.add(name)
            entries.append(entry)
            result.added.append({"file": path, "as": name, "sha256": sha, "language": language})
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    if result.added:
        write_manifest(seeds, entries)
    return result, []


def _candidate_files(paths: list[str]) -> Iterator[str]:
    for path in paths:
        if os.path.isdir(path):
            yield from sorted(str(p) for p in Path(path).rglob("*.txt") if p.is_file())
        else:
            yield path
