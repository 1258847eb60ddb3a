"""What a curator meets when the seeds folder is not as the build wants it: a manifest with
problems (nothing is scored, and no annotation is called an orphan of it), a folder or a byte-order
mark among the annotations."""

from __future__ import annotations

import json
import shutil

from .common import run, seeds_copy

HINDI = "001_f633bab6aa95e6a6.txt"


def test_score_with_a_broken_manifest_reports_it_and_scores_nothing(tmp_path):
    seeds = seeds_copy(tmp_path)
    manifest = seeds / "manifest.json"
    manifest.write_text(manifest.read_text(encoding="utf-8")[:-20], encoding="utf-8")  # cut short
    result = run("score", "--seeds", str(seeds))
    assert result.exit_code == 1
    assert "nothing scored" in result.stdout and "has an annotation" not in result.stdout
    assert "manifest.json" in result.output and "annotation-orphan" not in result.output
    report = json.loads(run("score", "--seeds", str(seeds), "--format", "json").stdout)
    assert [p["type"] for p in report["problems"]] and all(
        p["type"] != "annotation-orphan" for p in report["problems"]
    )


def test_folders_among_the_annotations_are_one_problem_each_for_validate_as_for_build(tmp_path):
    from cmvisit_data.builder import sources

    seeds = seeds_copy(tmp_path)
    annotations = seeds / "annotations"
    (annotations / "old").mkdir()
    shutil.copy2(annotations / f"{HINDI}.json", annotations / "old" / f"{HINDI}.json")
    (annotations / "x.json").mkdir()
    (annotations / "x.json" / "a.json").write_text("{}", encoding="utf-8")
    (annotations / "empty").mkdir()
    folders = [str(annotations / name) + "/" for name in ("empty", "old", "x.json")]
    _, problems = sources(seeds)
    assert [(p.type, p.file) for p in problems] == [("annotation-orphan", f) for f in folders]
    result = run("validate", str(seeds), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    found = [(p["type"], p["file"]) for p in report["problems"]]
    assert found == [("annotation-orphan", f) for f in folders], found
    assert "a folder among the annotations" in run("validate", str(seeds)).output


def test_an_annotation_not_named_after_a_seed_says_so_in_english(tmp_path):
    from cmvisit_data.builder import sources

    seeds = seeds_copy(tmp_path)
    (seeds / "annotations" / "readme").write_text("notes", encoding="utf-8")
    (problem,) = sources(seeds)[1]
    assert problem.type == "annotation-orphan" and problem.file.endswith("readme")
    assert problem.message.startswith(
        "the file is not named after a seed: an annotation is named as its seed"
    )


def test_an_annotation_with_a_byte_order_mark_says_to_save_it_without(tmp_path):
    seeds = seeds_copy(tmp_path)
    path = seeds / "annotations" / f"{HINDI}.json"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert "starts with a byte-order mark" in result.output and "UTF-8 without BOM" in result.output
    assert "utf-8-sig" not in result.output
