"""The release build's phases: what it refuses, and what it says about a version that exists."""

from __future__ import annotations

import hashlib
import json
import shutil
from itertools import pairwise

import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from cmvisit_data.release import build

from ..conftest import SEEDS


def test_the_build_refuses_duplicate_of_pointing_at_itself_or_at_another_copy():
    from cmvisit_data.release.build import _check_duplicates

    assert _check_duplicates({"b": "a", "c": "a"}) == []
    problems = _check_duplicates({"b": "b", "c": "b", "d": "a"})
    assert [(p.row, p.field) for p in problems] == [("b", "duplicate_of"), ("c", "duplicate_of")]
    assert "the row itself" in problems[0].message and "itself a duplicate" in problems[1].message


def _rewrite_quotes(release, writer=None):
    """quotes.parquet with the same rows in other bytes, and the manifest made to agree."""
    path = release / "quotes.parquet"
    pq.write_table(pq.read_table(path), path, compression="gzip")
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    manifest["tables"]["quotes"].update(
        bytes=path.stat().st_size, sha256=hashlib.sha256(path.read_bytes()).hexdigest()
    )
    if writer:
        manifest["writer"]["pyarrow"] = writer
    (release / "manifest.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def test_an_existing_version_written_by_another_pyarrow_is_reproduced_row_for_row(tmp_path):
    out = tmp_path / "out"
    assert build(SEEDS, out, "0.1.0", workers=1).status == "built"
    _rewrite_quotes(out / "0.1.0", writer="21.0.0")  # as an older pyarrow would have written it
    again = build(SEEDS, out, "0.1.0", workers=1)
    assert again.status == "reproduced" and again.note.startswith("row for row (2 files differ")
    assert "pyarrow 21.0.0" in again.note


def test_tampering_is_never_explained_away_as_row_for_row(tmp_path):
    out = tmp_path / "out"
    assert build(SEEDS, out, "0.1.0", workers=1).status == "built"
    _rewrite_quotes(out / "0.1.0")  # same writer version: differing bytes are not its doing
    assert build(SEEDS, out, "0.1.0", workers=1).status == "refused"
    (out / "0.1.0" / "hf" / "README.md").write_text("edited", encoding="utf-8")
    assert build(SEEDS, out, "0.1.0", workers=1).status == "refused"


def test_a_release_is_never_built_inside_another(tmp_path):
    out = tmp_path / "out"
    assert build(SEEDS, out, "0.1.0", workers=1).status == "built"
    for inside in (out / "0.1.0", out / "0.1.0" / "hf"):
        result = build(SEEDS, inside, "0.2.0", workers=1)
        assert result.status == "refused" and "inside the release" in result.problems[0].message
    assert not (out / "0.1.0" / "hf" / "0.2.0").exists()


def test_a_build_publishes_completely_or_not_at_all(tmp_path):
    out = tmp_path / "out"
    (out / "0.0.9").mkdir(parents=True)
    (out / "0.0.9" / "manifest.json").write_text("garbage", encoding="utf-8")
    result = build(SEEDS, out, "0.1.0", workers=1)
    assert result.status == "failed" and result.problems[0].file == str(out / "0.0.9")
    assert not (out / "0.1.0").exists() and not list(out.glob(".tmp-*"))
    shutil.rmtree(out / "0.0.9")
    (out / "CHANGELOG.md").mkdir()
    result = build(SEEDS, out, "0.1.0", workers=1)
    assert result.status == "failed" and "CHANGELOG.md" in result.problems[0].message
    assert not (out / "0.1.0").exists()
    (out / "CHANGELOG.md").rmdir()
    assert build(SEEDS, out, "0.1.0", workers=1).status == "built"
    sha = hashlib.sha256((out / "0.1.0" / "manifest.json").read_bytes()).hexdigest()
    assert f"manifest sha256 {sha}" in (out / "CHANGELOG.md").read_text(encoding="utf-8")


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


def test_progress_advances_with_the_documents(tmp_path):
    calls = []
    result = build(
        SEEDS, tmp_path / "out", "0.1.0", workers=1, progress=lambda done, total: calls.append((done, total))
    )
    assert result.status == "built"
    assert calls[-1] == (2, 2) and all(a[0] < b[0] for a, b in pairwise(calls))


def test_progress_without_a_terminal_prints_lines(capsys, monkeypatch):
    from cmvisit_data import cli

    progress = cli._Progress("building 0.1.0")
    progress.tty = False
    progress.EVERY = 0.0
    progress(1, 3)
    progress(3, 3)
    progress.finish()
    assert capsys.readouterr().err.splitlines() == [
        "building 0.1.0: 1 of 3 documents (33%)",
        "building 0.1.0: 3 of 3 documents (100%)",
    ]


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8))
_JSON = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=20,
)
_FLAT = st.dictionaries(st.text(max_size=6), _SCALARS, max_size=5)  # an input of the manifest


@settings(max_examples=300, deadline=None)
@given(st.one_of(_JSON, st.dictionaries(st.text(max_size=6), st.one_of(_JSON, st.lists(_FLAT, max_size=5)))))
def test_write_json_writes_what_json_dumps_with_indent_writes(tmp_path_factory, value):
    from cmvisit_data.release.layout import write_json

    path = tmp_path_factory.mktemp("json") / "m.json"
    write_json(path, value)
    expected = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert path.read_text(encoding="utf-8") == expected
