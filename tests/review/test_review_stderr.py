"""cmvisit review names on stderr each annotation it could not compare (its file and the JSON
pointer of the problem), still writing the page: the page is not the only place one looks."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cmvisit_data.cli import main

from ..conftest import copy_seeds

HINDI = "001_f633bab6aa95e6a6.txt"


def test_an_annotation_that_cannot_be_placed_is_named_on_stderr(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    path = seeds / "annotations" / f"{HINDI}.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"title": "A headline this document never prints"}), encoding="utf-8")
    out = tmp_path / "r.html"
    args = ["review", str(seeds / HINDI), "--out", str(out)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0 and out.is_file()
    assert f"{path}: /title: annotation-text-not-found" in result.stderr, result.stderr


def test_an_annotation_of_another_version_is_named_on_stderr(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    path = seeds / "annotations" / f"{HINDI}.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"title": None}), encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / HINDI).write_bytes((seeds / HINDI).read_bytes() + "\nएक और पंक्ति।\n".encode())
    out = tmp_path / "r.html"
    args = ["review", str(other / HINDI), "--seeds", str(seeds), "--out", str(out)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0 and out.is_file()
    assert (
        f"{path}: checksum-mismatch: Not compared: the annotation belongs to another version" in result.stderr
    )
    assert "annotate this version (cmvisit annotate" in result.stderr
