"""Building a release, in phases over the builder's stream of checked batches.

1. collect: the workers parse, validate and table each chunk (`batch.generate_batches`);
   here the item tables are written in fixed row groups, documents wait in an Arrow file,
   and the inputs, signatures and rejections are gathered;
2. near-duplicates: the signatures are grouped once (`dedup`);
3. documents: each batch gets its `duplicate_of` and is written to the release and the Hub;
4. finish: rejected.jsonl, the Hub folder's metadata, and the manifest.

The release is assembled in a temporary folder and renamed into place under the version's
lock (`layout`), so a killed build leaves nothing half-written and an existing version is
never changed: a rebuild either reproduces it or is refused. The seeds' lock is held,
shared, while the seeds are read (an `add` waits for the build); the rename and the
changelog happen under the lock of the whole output folder (`changelog`). SIGTERM stops a
build as Ctrl-C does: the workers stopped, the temporary folder removed, one line said.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import rules
from ..atomic import file_lock, write_atomic, write_problem
from ..batch import Batch, Kept, Rejection, generate_batches
from ..builder import sources
from ..dedup import Signatures
from ..engines.local import parallel, start_workers, terminate_as_interrupt
from ..errors import CmvisitError, Problem
from ..hashing import sha256_of
from ..info import INFO
from ..seeds.manifest import reading
from ..tables import TABLE_NAMES, table_schema
from .annotated import SHA_COLUMN, copy_annotations, curated_block, input_annotation
from .changelog import RELEASES_LOCK, changelog_text
from .contents import Inputs, Stats, release_manifest, source_date_problem
from .existing import settle_existing
from .layout import (
    CHANGELOG,
    REJECTED,
    RELEASE_MANIFEST,
    VERSION_RE,
    fsync_tree,
    hf_data_file,
    remove_stale,
    write_json,
)
from .parquet import RowGroups, Writers, encoded, open_writer
from .versioning import not_above_newest, off_the_package


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


@dataclass(frozen=True)
class BuildOptions:
    seeds: Path
    version: str
    allow_rejects: bool = False
    workers: int = 1
    max_bytes: int = rules.DEFAULT_MAX_BYTES
    progress: Callable[[int, int], None] | None = None
    discover: bool = False
    hub_repo: str = INFO.hub_repo
    engine: str = "local"  # or "dask"
    scheduler: str | None = None  # a Dask scheduler's address; None starts a LocalCluster


def build(
    seeds_dir: str | os.PathLike[str],
    out_root: str | os.PathLike[str],
    version: str,
    allow_rejects: bool = False,
    workers: int | None = None,
    max_bytes: int = rules.DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
    discover: bool = False,
    hub_repo: str = INFO.hub_repo,
    engine: str = "local",
    scheduler: str | None = None,
) -> BuildResult:
    """Build release `version` of the documents in seeds_dir into out_root/version, its card
    written for the Hub repository `hub_repo`."""
    out = Path(out_root)
    final = out / version
    result = BuildResult(version=version, path=str(final), status="failed")
    if not VERSION_RE.match(version):
        result.problems.append(Problem("bad-version", f"{version!r} is not MAJOR.MINOR.PATCH"))
        return result
    off = off_the_package(out, version)
    if off is not None:
        result.status = "refused"
        result.problems.append(off)
        return result
    from ..hub.repo_id import repo_id_problem

    bad_repo = repo_id_problem(hub_repo)
    if bad_repo is not None:  # it is written into the card's code: checked before anything is
        result.problems.append(Problem("bad-repo-id", bad_repo))
        return result
    bad_date = source_date_problem()
    if bad_date is not None:  # it dates the release: checked before anything is written
        result.problems.append(bad_date)
        return result
    processes = workers or os.cpu_count() or 1
    options = BuildOptions(
        Path(seeds_dir),
        version,
        allow_rejects,
        processes,
        max_bytes,
        progress,
        discover,
        hub_repo,
        engine,
        scheduler,
    )
    try:
        with terminate_as_interrupt():
            _build_locked(options, out, final, result)
    except CmvisitError as exc:
        if any(p.type != "lock-refused" for p in exc.problems):
            raise  # as before: the command says what stopped the build, in one line each
        result.status = "refused"  # a link or a FIFO planted at a lock file's name
        result.problems.extend(exc.problems)
    except OSError as exc:  # a full disk, --out under a file, a name too long: one line
        result.problems.append(write_problem(exc, "nothing was written"))
    return result


def _build_locked(options: BuildOptions, out: Path, final: Path, result: BuildResult) -> None:
    """The build under the version's lock, and its temporary folder removed whatever happens."""
    version = options.version
    if not os.path.isdir(options.seeds):
        missing = Problem("seeds-missing", "there is no such folder", file=str(options.seeds))
        result.problems.append(missing)
        return
    inside = _inside_a_release(out)
    if inside is not None:
        result.status = "refused"
        message = f"--out {out} is inside the release {inside}: choose a folder outside it"
        result.problems.append(Problem("out-invalid", message, file=str(out)))
        return
    behind = not_above_newest(out, version)
    if behind is not None:
        result.status = "refused"
        result.problems.append(behind)
        return
    out.mkdir(parents=True, exist_ok=True)
    # Opened without following a link: one planted at the name is refused, nothing is created.
    with file_lock(out / f".{version}.lock", wait=False) as held:
        if not held:
            result.status = "refused"
            result.problems.append(
                Problem("release-busy", f"another build of {version} holds {out}/.{version}.lock")
            )
            return
        remove_stale(out, version)
        tmp = out / f".tmp-{version}-{os.getpid()}"
        tmp.mkdir()
        try:
            with reading(options.seeds) as problems:  # the seeds' lock, shared, while they are read
                result.problems.extend(problems)
                if not problems:
                    _build_into(options, tmp, result)
            if result.problems:
                return
            if final.exists() or final.is_symlink():
                result.status, result.note, changed = settle_existing(tmp, final, out)
                result.problems.extend([changed] if changed else [])
            else:
                _publish(out, tmp, final, result)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def _inside_a_release(out: Path) -> Path | None:
    """The release folder that `out` is in (or is), if any: a release never holds another."""
    here = out.resolve()
    for folder in (here, *here.parents):
        if VERSION_RE.match(folder.name) and (folder / RELEASE_MANIFEST).is_file():
            return folder
    return None


def _publish(out: Path, tmp: Path, final: Path, result: BuildResult) -> None:
    """Rename the finished release into place under the output folder's lock (a build of
    another version waits), with everything that could fail done first: the changelog is
    made from the releases as they are then, before the rename, and written after it. A build
    publishes completely or not at all, and every release built is in the changelog."""
    with file_lock(out / RELEASES_LOCK):
        try:
            text = changelog_text(out, pending=(result.version, tmp))
        except CmvisitError as exc:
            result.problems.extend(exc.problems)
            return
        fsync_tree(tmp)
        os.rename(tmp, final)
        result.status = "built"
        write_atomic(out / CHANGELOG, text.encode("utf-8"))


@dataclass
class _Collected:
    """What phase 1 leaves for the others."""

    inputs: Inputs
    signatures: Signatures
    writers: Writers
    hub: Any
    pass1: Path  # the documents, without duplicate_of yet
    rejected: list[Rejection] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    timing: Counter[str] = field(default_factory=Counter)
    bytes_in: int = 0
    curated: int = 0  # documents with an annotation
    curated_fields: Counter[str] = field(default_factory=Counter)  # field -> documents that curate it
    counts: Counter[str] = field(default_factory=Counter)  # the parser against the annotations, summed


def _build_into(options: BuildOptions, tmp: Path, result: BuildResult) -> None:
    started = time.perf_counter()
    entries, problems = sources(options.seeds, options.discover)
    # A file of seeds/ that no entry names (a document, an annotation) rejects only itself.
    stray = ("unlisted-document", "annotation-orphan")
    if problems and not entries and not any(p.type in stray for p in problems):
        result.problems.extend(problems)  # no usable manifest
        return
    if options.engine == "local" and parallel(len(entries), options.workers):
        start_workers(options.workers)  # they import their libraries while this process imports its own
    unlisted = [Rejection(p.file or "", [p]) for p in problems if p.type in stray]
    collected = _collect(options, entries, tmp, unlisted)
    rejected = collected.rejected
    if rejected and not options.allow_rejects:
        result.problems.extend(p for r in rejected for p in r.problems)
        result.rejected = [r.to_dict() for r in rejected]
        return
    if collected.problems:
        result.problems.extend(collected.problems)
        return
    t0 = time.perf_counter()
    del entries
    dupes = collected.signatures.duplicates()
    collected.problems.extend(_check_duplicates(dupes))
    collected.timing["near_duplicates"] = time.perf_counter() - t0
    stats = _write_documents(tmp, collected, dupes)
    collected.problems.extend(copy_annotations(options.seeds, tmp, collected.inputs))
    if collected.problems:
        result.problems.extend(collected.problems)
        return
    _finish(options, tmp, collected, stats, len(dupes))
    result.documents = stats.documents
    result.rows = {name: collected.writers.rows[name] for name in TABLE_NAMES}
    result.rejected = [r.to_dict() for r in rejected]
    result.bytes_in = collected.bytes_in
    collected.timing["total"] = time.perf_counter() - started
    result.seconds = {k: round(v, 3) for k, v in collected.timing.items()}


def _collect(options: BuildOptions, entries: list[Any], tmp: Path, rejected: list[Rejection]) -> _Collected:
    """Phase 1: every batch's item tables written, its documents set aside, its inputs noted."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from ..hub import HubSizes

    # The workers start on the first chunks now, while this process sets up the writers.
    batches_of = generate_batches(
        options.seeds, entries, options.workers, options.max_bytes, options.engine, options.scheduler
    )
    with batches_of as batches:
        pass1 = tmp / ".documents.pass1.arrow"
        documents = pa.ipc.new_file(pass1, table_schema("documents"))
        inputs, writers = Inputs(tmp / ".inputs.jsonl"), Writers(tmp, TABLE_NAMES[1:])
        c = _Collected(inputs, Signatures(), writers, HubSizes(tmp), pass1, rejected)
        groups = RowGroups(c.writers, documents)
        seen: dict[str, str] = {}  # doc_id -> the file kept with those bytes
        by_file = {e.file: e for e in entries}
        done = 0
        loop_started = time.perf_counter()
        batch: Batch
        for batch in batches:
            for key, value in batch.seconds.items():
                c.timing[f"workers_{key}"] += value
            c.rejected.extend(batch.rejected)
            c.problems.extend(batch.problems)
            keep = [doc.doc_id for doc in batch.kept if _keep(doc, seen, by_file, c)]
            tables = batch.tables
            if len(keep) < len(batch.kept):  # drop the rows of second copies
                value_set = pa.array(keep, pa.string())
                tables = {
                    n: t.filter(pc.is_in(t.column("doc_id"), value_set=value_set)) for n, t in tables.items()
                }
            t0 = time.perf_counter()
            groups.add(tables)
            c.timing["write"] += time.perf_counter() - t0
            done += len(batch.kept) + len(batch.rejected)
            if options.progress:
                options.progress(done, len(entries))
    t0 = time.perf_counter()
    groups.close()
    c.writers.close()  # the item tables are complete; documents come in phase 3
    documents.close()
    c.inputs.close()
    c.timing["write"] += time.perf_counter() - t0
    c.timing["parse_check_write_wall"] = time.perf_counter() - loop_started
    return c


def _keep(doc: Kept, seen: dict[str, str], by_file: dict[str, Any], c: _Collected) -> bool:
    """Note one valid document's input and signature; a second copy of bytes already kept is
    rejected instead, naming the file kept."""
    if doc.doc_id in seen:
        message = f"same bytes as {seen[doc.doc_id]} (doc_id {doc.doc_id})"
        c.rejected.append(Rejection(doc.key, [Problem("duplicate-content", message, file=doc.key)]))
        return False
    seen[doc.doc_id] = doc.key
    c.bytes_in += doc.bytes
    identity = {"file": doc.key, "sha256": doc.sha256, "doc_id": doc.doc_id, "language": doc.language}
    # An input names its annotation (or null) where the documents table records one (schema 1.3.0 on).
    annotation = {"annotation": input_annotation(doc.curation)} if _records_annotations() else {}
    c.inputs.append({**identity, **by_file[doc.key].provenance(), **annotation})
    if doc.curation is not None:
        c.curated += 1
        c.curated_fields.update(doc.curation["fields"])
        c.counts.update(doc.counts or Counter())
    c.signatures.add(doc.doc_id, doc.published, doc.signature)
    return True


def _records_annotations() -> bool:
    return SHA_COLUMN in table_schema("documents").names


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


def _write_documents(tmp: Path, c: _Collected, dupes: dict[str, str]) -> Stats:
    """Phase 3: documents with duplicate_of, written batch by batch (the release's table is the Hub's)."""
    import pyarrow as pa

    t0 = time.perf_counter()
    schema = table_schema("documents")
    stats = Stats()
    with (
        pa.OSFile(str(c.pass1)) as source,  # read batch by batch; a memory map would stay resident
        open_writer(tmp, "documents") as writer,
    ):
        reader = pa.ipc.open_file(source)
        for index in range(reader.num_record_batches):
            table = encoded("documents", [pa.Table.from_batches([reader.get_batch(index)])])
            ids = table.column("doc_id").to_pylist()
            column = pa.array([dupes.get(i) for i in ids], pa.string())
            table = table.set_column(
                schema.get_field_index("duplicate_of"), schema.field("duplicate_of"), column
            )
            stats.add(table)
            writer.write_table(table, row_group_size=max(1, table.num_rows))
    c.pass1.unlink()
    # Give the encoders' freed buffers back to the system before the Hub folder is finished,
    # so that this pass does not raise the build's peak.
    pa.default_memory_pool().release_unused()
    c.writers.rows["documents"] = stats.documents
    c.timing["documents"] = time.perf_counter() - t0
    return stats


def _finish(options: BuildOptions, tmp: Path, c: _Collected, stats: Stats, duplicates: int) -> None:
    """Phase 4: rejected.jsonl, the Hub folder's metadata, and the manifest, written last."""
    from ..hub import hf_files, write_hf_metadata

    rejected = [_without_local_paths(r.to_dict(), options.seeds) for r in c.rejected]
    if rejected:
        with open(tmp / REJECTED, "w", encoding="utf-8") as handle:
            for item in rejected:
                handle.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
    curated = curated_block(c.curated_fields, c.curated, c.counts) if c.curated else None
    manifest = release_manifest(
        options.version, tmp, c.inputs, rejected, c.writers.rows, stats, duplicates, options.hub_repo,
        existing=tmp.parent / options.version,  # a rebuild keeps the day the release was built
        curated=curated,
    )  # fmt: skip
    t0 = time.perf_counter()
    sizes = c.hub.close()
    write_hf_metadata(tmp, manifest, sizes)
    for path in hf_files(tmp):
        relative = str(path.relative_to(tmp))
        table = next((t for t in TABLE_NAMES if relative == hf_data_file(t)), None)
        if table is not None:  # a table's file: hashed once, for the manifest's tables
            entry = manifest["tables"][table]
            manifest["files"][relative] = {"bytes": entry["bytes"], "sha256": entry["sha256"]}
            manifest["files"][relative]["rows"] = sizes[table]["num_examples"]
        else:
            manifest["files"][relative] = {"bytes": path.stat().st_size, "sha256": sha256_of(path)}
    c.timing["hub_folder"] = time.perf_counter() - t0
    write_json(tmp / RELEASE_MANIFEST, manifest)
    c.inputs.path.unlink()


def _without_local_paths(rejection: dict[str, Any], seeds: Path) -> dict[str, Any]:
    """A rejection as a release records it: each file named inside the seeds folder, never by
    a path of the machine that built it (an absolute --seeds, a home folder)."""
    for problem in rejection["problems"]:
        if "file" in problem:
            problem["file"] = _inside(problem["file"], seeds)
    return rejection


def _inside(file: str, seeds: Path) -> str:
    path = Path(file)
    for base in (seeds, seeds.absolute()):
        try:
            return str(path.relative_to(base))
        except ValueError:
            continue
    return path.name if path.is_absolute() else file
