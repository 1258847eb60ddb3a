"""verify proves a release from its data: each table rule fires on stored rows even when the
manifest's checksums are recomputed to match the forged files (so only the rule can see it)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cmvisit_data.release import verify
from cmvisit_data.release.layout import table_file


def forge(release: Path, tmp_path: Path, table: str, edit: Callable[[list[dict]], None]) -> Path:
    """A copy of the release with one table's rows edited and the manifest made to agree."""
    copy = tmp_path / "forged" / release.name
    shutil.copytree(release, copy)
    path = table_file(copy, table)
    stored = pq.read_table(path)
    rows = stored.to_pylist()
    edit(rows)
    pq.write_table(pa.Table.from_pylist(rows, schema=stored.schema), path)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    seal_table(manifest, copy, table)
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return copy


def seal_table(manifest: dict, release: Path, table: str) -> None:
    """A table's size and sha256 recorded again, in its entry and (layout 2, where the table is
    the Hub's file) in the entry of that file."""
    path = table_file(release, table)
    seal = {"bytes": path.stat().st_size, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    manifest["tables"][table].update(seal)
    manifest["files"].get(manifest["tables"][table]["file"], {}).update(seal)


def _first_with(rows: list[dict], column: str) -> dict:
    return next(r for r in rows if r[column])


def _raw(rows):
    row = rows[0]
    row["raw_text"] = row["raw_text"][:-1] + "!"


def _title_span(rows):
    span = _first_with(rows, "title_span")["title_span"]
    span["text"] = span["text"][:-1] + "#"


def _published_span(rows):
    span = _first_with(rows, "published_span")["published_span"]
    span["start"] += 1


def _byline_spans(rows):
    span = _first_with(rows, "byline_spans")["byline_spans"][0]
    span["text"] = span["text"].upper()


def _cue(rows):
    _first_with(rows, "cue")["cue"]["start"] += 1


def _attribution(rows):
    rows[0]["attribution"]["text"] = "— someone else"


def _handle(rows):
    rows[0]["handle"] = "no spaces allowed"


def _marker(rows):
    rows[0]["marker"] = "•••••"  # longer than the schema's maxLength


def _unknown_document(rows):
    rows[0]["doc_id"] = "0123456789abcdef"


def _past_the_end(rows):
    rows[-1]["end"] = 10**6


CASES = [
    ("documents", _raw, "documents", "raw_text", "checksum-mismatch"),
    ("documents", _title_span, "documents", "title_span", "table-check"),
    ("documents", _published_span, "documents", "published_span", "table-check"),
    ("documents", _byline_spans, "documents", "byline_spans", "table-check"),
    ("quotes", _cue, "quotes", "cue", "table-check"),
    ("tweets", _attribution, "tweets", "attribution", "table-check"),
    ("tweets", _handle, "tweets", "handle", "table-check"),
    ("highlights", _marker, "highlights", "marker", "table-check"),
    ("quotes", _unknown_document, "quotes", "doc_id", "table-check"),
    ("paragraphs", _past_the_end, "paragraphs", "end", "table-check"),
]


@pytest.mark.parametrize(
    ("table", "edit", "where", "column", "kind"), CASES, ids=[c[1].__name__ for c in CASES]
)
def test_each_rule_is_checked_on_the_stored_rows(release, tmp_path, table, edit, where, column, kind):
    assert verify(release).valid
    report = verify(forge(release, tmp_path, table, edit))
    found = {(p.table, p.field, p.type) for p in report.problems}
    assert (where, column, kind) in found, [p.one_line() for p in report.problems]


# --- one read per file (F2, F3) ---------------------------------------------------------------


def _swap_after_hashing(monkeypatch, sha256: str, swap: Callable[[], None]) -> None:
    """Run `swap` the moment a file whose sha256 is `sha256` has been hashed: between the hash
    and whatever reads the file next."""
    real = hashlib.sha256

    class Spy:
        def __init__(self, *data):
            self.inner = real(*data)

        def update(self, data):
            self.inner.update(data)

        def hexdigest(self):
            digest = self.inner.hexdigest()
            if digest == sha256 and not swapped:
                swapped.append(True)
                swap()
            return digest

    swapped: list[bool] = []
    monkeypatch.setattr(hashlib, "sha256", Spy)


def test_expect_parses_the_manifest_bytes_it_hashed(release, tmp_path, monkeypatch):
    copy = tmp_path / "swap" / release.name
    shutil.copytree(release, copy)
    path = copy / "manifest.json"
    genuine = hashlib.sha256(path.read_bytes()).hexdigest()
    forged = json.loads(path.read_text(encoding="utf-8"))
    forged["package_version"] = "9.9.9-forged"  # self-consistent: plain verify cannot tell
    staged = tmp_path / "forged.json"
    staged.write_text(json.dumps(forged, indent=2), encoding="utf-8")
    _swap_after_hashing(monkeypatch, genuine, lambda: os.replace(staged, path))
    report = verify(copy, expect=genuine)
    assert [(p.type, p.message, p.file) for p in report.problems] == [
        ("checksum-mismatch", "the file changed while verify read it: verify again", str(path))
    ]


def test_rows_are_checked_on_the_bytes_hashed(release, tmp_path, monkeypatch):
    copy = tmp_path / "swap" / release.name
    shutil.copytree(release, copy)
    path = table_file(copy, "quotes")
    genuine = hashlib.sha256(path.read_bytes()).hexdigest()
    staged = tmp_path / "forged.parquet"
    stored = pq.read_table(path)
    rows = stored.to_pylist()
    rows[0]["speaker"] = "Someone Else"  # breaks no rule of the quotes table alone
    pq.write_table(pa.Table.from_pylist(rows, schema=stored.schema), staged)
    _swap_after_hashing(monkeypatch, genuine, lambda: os.replace(staged, path))
    report = verify(copy)
    # the rows read were the genuine ones (no difference from the Hub copy), and the swap is named
    assert [(p.type, p.message, p.file) for p in report.problems] == [
        ("checksum-mismatch", "the file changed while verify read it: verify again", str(path))
    ]


def test_a_file_written_in_place_after_hashing_is_named(release, tmp_path, monkeypatch):
    copy = tmp_path / "inplace" / release.name
    shutil.copytree(release, copy)
    path = copy / "hf" / "LICENSE.md"
    genuine = hashlib.sha256(path.read_bytes()).hexdigest()

    def append():
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("and anything goes\n")

    _swap_after_hashing(monkeypatch, genuine, append)
    report = verify(copy)
    assert [p.file for p in report.problems] == [str(path)]


def test_expect_wants_the_whole_sha256(release):
    sha = hashlib.sha256((release / "manifest.json").read_bytes()).hexdigest()
    assert verify(release, expect=sha.upper()).valid
    report = verify(release, expect=sha[:12])
    assert [p.type for p in report.problems] == ["checksum-mismatch"]
    assert "not a whole sha256" in report.problems[0].message


# --- bounded cost (F6) ------------------------------------------------------------------------


def test_a_huge_hostile_manifest_is_refused_quickly_in_bounded_memory(release, tmp_path):
    import time
    import tracemalloc

    copy = tmp_path / "hostile" / release.name
    shutil.copytree(release, copy)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    body = json.dumps(manifest).replace('"inputs": [', '"inputs": [' + "{}, " * (1 << 20), 1)
    (copy / "manifest.json").write_text(body, encoding="utf-8")
    assert (copy / "manifest.json").stat().st_size > 4 << 20
    tracemalloc.start()
    started = time.perf_counter()
    report = verify(copy)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert not report.valid and len(report.problems) <= 21
    assert all(len(p.one_line()) < 600 for p in report.problems)
    assert peak < 400 << 20, peak  # 2.6 GB before, at a sixteenth of the size
    assert seconds < 60, seconds  # 27 s before, at a sixteenth of the size; ~3 s now


def test_a_manifest_of_a_million_containers_is_refused_before_parsing(release, tmp_path):
    from cmvisit_data.release import layout

    copy = tmp_path / "hostile" / release.name
    shutil.copytree(release, copy)
    (copy / "manifest.json").write_text(
        "[" + "[]," * layout.MAX_MANIFEST_CONTAINERS + "[]]", encoding="utf-8"
    )
    report = verify(copy)
    assert [p.message for p in report.problems] == [
        f"manifest.json holds over {layout.MAX_MANIFEST_CONTAINERS} objects and arrays"
    ]


def test_a_small_table_that_would_decompress_hugely_is_refused_unread(release, tmp_path, monkeypatch):
    from cmvisit_data.parquet_options import PARQUET_OPTIONS
    from cmvisit_data.release import sealed
    from tests.release.test_tamper import reseal

    copy = tmp_path / "bomb" / release.name
    shutil.copytree(release, copy)
    bomb = "a" * (80 << 20)  # 80 MiB of raw text in a file of a few KB (the probe's was 1 GiB in 61 KiB)
    path = table_file(copy, "documents")
    stored = pq.read_table(path)
    rows = stored.to_pylist()
    rows[0]["raw_text"] = bomb
    pq.write_table(pa.Table.from_pylist(rows, schema=stored.schema), path, **PARQUET_OPTIONS)
    del rows, bomb
    reseal(copy)
    assert table_file(copy, "documents").stat().st_size < 200_000

    def never(*args, **kwargs):
        raise AssertionError("a page was decompressed")

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", never)
    monkeypatch.setattr(pq.ParquetFile, "read_row_group", never)
    report = verify(copy)
    assert [(p.file, p.type) for p in report.problems] == [
        (str(table_file(copy, "documents")), "release-invalid")
    ]
    assert "refused unread" in report.problems[0].message
    assert f"more than {sealed.MAX_EXPANSION} times" in report.problems[0].message


def test_a_row_group_over_the_limit_is_refused_unread(release, tmp_path, monkeypatch):
    from cmvisit_data.release import sealed

    monkeypatch.setattr(sealed, "MAX_ROW_GROUP_BYTES", 10_000)
    monkeypatch.setattr(pq.ParquetFile, "read_row_group", lambda *a, **k: pytest.fail("read"))
    report = verify(release)
    assert report.problems and all("refused unread" in p.message for p in report.problems)


def test_a_long_difference_is_printed_short(release, tmp_path):
    copy = tmp_path / "long" / release.name
    shutil.copytree(release, copy)
    path = copy / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["inputs"][1]["rights"] = "x" * (1 << 20)
    path.write_text(json.dumps(manifest), encoding="utf-8")
    report = verify(copy)
    assert [p.pointer for p in report.problems] == ["/inputs"]
    assert "at /inputs/1/rights" in report.problems[0].message
    assert len(report.problems[0].one_line()) < 600


# --- corrupt tables (F7) ----------------------------------------------------------------------


def _corrupt_footer(data: bytes) -> bytes:
    return data[:-40] + bytes(b ^ 0x5A for b in data[-40:-8]) + data[-8:]


def _corrupt_page(data: bytes) -> bytes:
    """The first page (after the magic number) flipped: its header and compressed values."""
    return data[:4] + bytes(b ^ 0xFF for b in data[4:68]) + data[68:]


@pytest.mark.parametrize(
    "corrupt",
    [lambda d: b"garbage", lambda d: d[: len(d) // 2], _corrupt_footer, _corrupt_page],
    ids=["garbage", "truncated", "footer", "page"],
)
@pytest.mark.parametrize("table", ["quotes", "documents", "tweets"])
def test_a_corrupt_resealed_table_is_one_line(release, tmp_path, corrupt, table):
    from click.testing import CliRunner

    from cmvisit_data.cli import main
    from tests.release.test_tamper import reseal

    copy = tmp_path / "corrupt" / release.name
    shutil.copytree(release, copy)
    path = table_file(copy, table)
    path.write_bytes(corrupt(path.read_bytes()))
    try:
        reseal(copy)
    except Exception:  # the attacker's tools cannot read it either: seal by hand
        manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
        seal_table(manifest, copy, table)
        (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    report = verify(copy)
    assert not report.valid
    assert all(p.type in ("release-invalid", "table-check", "checksum-mismatch") for p in report.problems)
    result = CliRunner().invoke(main, ["verify", str(copy)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert all(len(line) < 600 for line in result.output.splitlines())


def test_a_path_the_file_system_refuses_is_one_line(tmp_path):
    from cmvisit_data.release import verify

    report = verify(tmp_path / ("n" * 300))  # ENAMETOOLONG from the first look at it
    (problem,) = report.problems
    assert not report.valid and problem.type == "file-unreadable" and "cannot read it" in problem.message
