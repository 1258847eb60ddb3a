"""The builder contract: one per-document step, mapped by one pool, in manifest order."""

from __future__ import annotations

import shutil

from cmvisit_data.batch import Batch, Rejection, build_batch, generate_batches
from cmvisit_data.builder import Outcome, entry_jobs, process, sources
from cmvisit_data.engines.local import ChunkMap
from cmvisit_data.seeds.manifest import Entry

from .conftest import SEEDS


def test_builder_contract_keys_each_outcome_by_its_file():
    entries, problems = sources(SEEDS)
    assert problems == []
    outcomes = [process(entry_jobs(SEEDS, 1 << 20)(e)) for e in entries]
    assert all(
        o.ok and o.record["source"]["file"] == o.key == e.file for o, e in zip(outcomes, entries, strict=True)
    )
    assert len({o.record["doc_id"] for o in outcomes}) == len(outcomes)


def _outcomes(jobs: list) -> list[Outcome]:
    return [process(job) for job in jobs]


def test_batches_are_the_outcomes_in_manifest_order_with_checked_tables():
    entries, _ = sources(SEEDS)
    examples = [process(entry_jobs(SEEDS, 1 << 20)(e)).record["doc_id"] for e in entries]
    with generate_batches(SEEDS, entries, workers=1) as mapped:
        batches = list(mapped)
    assert all(isinstance(b, Batch) for b in batches)
    assert [k.doc_id for b in batches for k in b.kept] == examples
    assert all(b.problems == [] and b.rejected == [] for b in batches)
    assert [b.tables["documents"].column("doc_id").to_pylist() for b in batches] == [[x] for x in examples]
    assert {d for b in batches for d in b.tables["paragraphs"].column("doc_id").to_pylist()} == set(examples)


def test_a_bad_document_is_a_typed_rejection_and_the_rest_go_on(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "broken.txt").write_bytes(b"\xff\xfe not text")
    entries, problems = sources(seeds, discover=False)
    jobs = [entry_jobs(seeds, 1 << 20)(e) for e in entries]
    batch = build_batch(jobs)
    assert [p.type for p in problems] == ["unlisted-document"]  # not in the manifest: never read
    assert len(batch.kept) == len(entries) and batch.rejected == []
    # read as a discovered document (no manifest entry to check it against), beside a good one
    found = [Entry("broken.txt", "", "", None, None, None, None), entries[0]]
    batch = build_batch([entry_jobs(seeds, 1 << 20)(e) for e in found])
    assert [k.key for k in batch.kept] == [entries[0].file] and isinstance(batch.rejected[0], Rejection)
    assert batch.rejected[0].file == "broken.txt" and batch.rejected[0].problems


def test_the_pool_returns_chunks_in_order():
    entries, _ = sources(SEEDS)
    with ChunkMap(_outcomes, entries * 3, 2, entry_jobs(SEEDS, 1 << 20), chunk_size=1) as mapped:
        keys = [outcome.key for chunk in mapped for outcome in chunk]
    assert keys == [e.file for e in entries * 3]


def test_a_chunk_pauses_the_garbage_collector_and_leaves_it_as_it_found_it(monkeypatch):
    import gc

    import cmvisit_data.batch as batch

    seen = []
    real = batch.process
    monkeypatch.setattr(batch, "process", lambda job: seen.append(gc.isenabled()) or real(job))
    entries, _ = sources(SEEDS)
    jobs = [entry_jobs(SEEDS, 1 << 20)(e) for e in entries]
    assert gc.isenabled()
    assert len(build_batch(jobs).kept) == len(entries)
    assert seen == [False] * len(entries) and gc.isenabled()
    gc.disable()
    try:
        build_batch(jobs)
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


def test_a_chunk_tabulated_in_slices_gives_the_rows_of_every_document_in_order(tmp_path, monkeypatch):
    import cmvisit_data.batch as batch_module
    import cmvisit_data.builder as builder
    from cmvisit_data.tables import TABLE_NAMES, rows_by_table, to_table

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for k in range(3):  # different bytes, so different documents
            (seeds / f"{path.stem}-{k}.txt").write_text(text + "\n" * k, encoding="utf-8")
    entries, _ = sources(seeds, discover=True)
    jobs = [builder.Job(str(seeds), e, listed=False) for e in entries]
    monkeypatch.setattr(batch_module, "TABLE_SLICE_DOCS", 4)  # 6 documents: slices of 4 and 2
    batch = build_batch(jobs)
    assert len(batch.kept) == 6 and batch.problems == []
    outcomes = [builder.process(job) for job in jobs]
    for name in TABLE_NAMES:
        whole = to_table(name, [row for o in outcomes for row in rows_by_table(o.columns)[name]])
        assert batch.tables[name].to_pylist() == whole.to_pylist(), name
    assert batch.tables["paragraphs"].column("doc_id").num_chunks == 2
