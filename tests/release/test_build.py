"""The release build's phases: what it refuses, and what it says about a version that exists."""

from __future__ import annotations

import json
import shutil

import pyarrow.parquet as pq

from cmvisit_data.release import build

from ..conftest import SEEDS


def test_the_build_refuses_duplicate_of_pointing_at_itself_or_at_another_copy():
    from cmvisit_data.release.build import _check_duplicates

    assert _check_duplicates({"b": "a", "c": "a"}) == []
    problems = _check_duplicates({"b": "b", "c": "b", "d": "a"})
    assert [(p.row, p.field) for p in problems] == [("b", "duplicate_of"), ("c", "duplicate_of")]
    assert "the row itself" in problems[0].message and "itself a duplicate" in problems[1].message


def test_an_existing_version_written_by_another_writer_is_reproduced_row_for_row(tmp_path):
    out = tmp_path / "out"
    assert build(SEEDS, out, "0.1.0", workers=1).status == "built"
    # the same rows, other bytes: as a release written by another pyarrow version would be
    path = out / "0.1.0" / "quotes.parquet"
    pq.write_table(pq.read_table(path), path, compression="gzip")
    again = build(SEEDS, out, "0.1.0", workers=1)
    assert again.status == "reproduced" and again.note.startswith("row for row (1 files differ")
    assert "quotes.parquet" in again.note


def test_an_existing_version_with_other_rows_is_refused_and_left_alone(tmp_path):
    out = tmp_path / "out"
    assert build(SEEDS, out, "0.1.0", workers=1).status == "built"
    manifest = out / "0.1.0" / "manifest.json"
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    entries = json.loads((seeds / "manifest.json").read_text(encoding="utf-8"))
    entries["documents"][0]["outlet"] = "another outlet"
    (seeds / "manifest.json").write_text(json.dumps(entries), encoding="utf-8")
    before = manifest.read_bytes()
    again = build(seeds, out, "0.1.0", workers=1)
    assert again.status == "refused" and [p.type for p in again.problems] == ["release-exists"]
    assert manifest.read_bytes() == before
