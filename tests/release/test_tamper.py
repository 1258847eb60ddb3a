"""The tamper suite: each way of changing a release without changing its manifest's claims
(or changing the manifest to match) is caught by verify, which names the problem."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from cmvisit_data.release import verify


def _copy(release: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "releases" / release.name
    shutil.copytree(release, copy)
    return copy


def _edit_manifest(folder: Path, edit: Callable[[dict], None]) -> None:
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    edit(manifest)
    path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _hf(manifest: dict) -> str:
    return next(p for p in manifest["files"] if p.startswith("hf/data/quotes/"))


MANIFEST_EDITS = {
    "version": lambda m: m.update(version="9.9.9"),
    "rights": lambda m: m["inputs"][0].update(rights="CC0, do what you like"),
    "duplicates": lambda m: m["counts"].update(duplicates=5),
    "input sha256": lambda m: m["inputs"][0].update(sha256="0" * 64),
    "schema sha256": lambda m: m.update(schema_sha256="1" * 64),
    "rejected": lambda m: m["rejected"].append({"file": "x.txt", "reasons": ["made up"]}),
    "hf rows": lambda m: m["files"][_hf(m)].update(rows=99),
    "languages": lambda m: m["counts"]["languages"].update(en=7),
    "an input dropped": lambda m: m["inputs"].pop(),
    "an unknown field": lambda m: m.update(signed_by="someone"),
}


@pytest.mark.parametrize("name", sorted(MANIFEST_EDITS))
def test_a_forged_manifest_field_is_caught(release, tmp_path, name):
    copy = _copy(release, tmp_path)
    _edit_manifest(copy, MANIFEST_EDITS[name])
    report = verify(copy)
    assert not report.valid
    assert all(p.type == "release-invalid" for p in report.problems), [p.one_line() for p in report.problems]
    assert any(p.file and p.file.endswith("manifest.json") for p in report.problems)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("NaN", lambda t: t.replace('"duplicates": 0', '"duplicates": NaN')),
        ("a key twice", lambda t: t.replace('"duplicates": 0', '"duplicates": 0, "duplicates": 0')),
        ("not UTF-8", lambda t: t + "\udcff"),
        ("a list", lambda t: "[]"),
        ("empty", lambda t: "{}"),
        ("deep", lambda t: "[" * 100_000 + "]" * 100_000),
    ],
)
def test_a_manifest_that_is_not_strict_valid_json_is_refused(release, tmp_path, name, text):
    copy = _copy(release, tmp_path)
    path = copy / "manifest.json"
    path.write_bytes(text(path.read_text(encoding="utf-8")).encode("utf-8", "surrogateescape"))
    report = verify(copy)
    assert [p.type for p in report.problems][:1] == ["release-invalid"], [
        p.one_line() for p in report.problems
    ]


def test_a_missing_table_is_named(release, tmp_path):
    copy = _copy(release, tmp_path)
    _edit_manifest(copy, lambda m: m["tables"].pop("tweets"))
    report = verify(copy)
    assert any("tweets" in p.message and p.pointer == "/tables" for p in report.problems)


@pytest.mark.parametrize(
    "extra", ["hf/evil.py", "extra.parquet", "hf/data/quotes/train-00001-of-00002.parquet"]
)
def test_a_file_the_manifest_does_not_list_is_refused(release, tmp_path, extra):
    copy = _copy(release, tmp_path)
    (copy / extra).write_bytes(b"print('hello')\n")
    report = verify(copy)
    assert [(p.message, p.file) for p in report.problems] == [
        ("a file the manifest does not list", str(copy / extra))
    ]


@pytest.mark.parametrize("path", ["/etc/passwd", "../../etc/passwd", "hf/../../x", "hf\\x"])
def test_manifest_paths_must_be_plain_and_inside(release, tmp_path, path):
    copy = _copy(release, tmp_path)
    _edit_manifest(copy, lambda m: m["files"].update({path: {"bytes": 1, "sha256": "0" * 64}}))
    report = verify(copy)
    assert not report.valid and report.problems[0].pointer.startswith("/files")


@pytest.mark.parametrize("target", ["quotes.parquet", "hf"])
def test_a_link_inside_a_release_is_refused(release, tmp_path, target):
    copy = _copy(release, tmp_path)
    moved = tmp_path / "elsewhere"
    shutil.move(str(copy / target), moved)
    os.symlink(moved, copy / target)
    report = verify(copy)
    assert any(p.message == "a release holds no links" for p in report.problems)


def test_expect_is_a_root_of_trust(release, tmp_path):
    sha = hashlib.sha256((release / "manifest.json").read_bytes()).hexdigest()
    assert verify(release, expect=sha).valid
    copy = _copy(release, tmp_path)
    path = copy / "manifest.json"
    path.write_text(json.dumps(json.loads(path.read_text(encoding="utf-8")), indent=1), encoding="utf-8")
    assert verify(copy).valid  # the same claims in other bytes: valid, but not the release trusted
    report = verify(copy, expect=sha)
    assert [p.type for p in report.problems] == ["checksum-mismatch"]


def test_diff_on_a_broken_release_is_a_typed_error(release, tmp_path):
    from cmvisit_data.errors import CmvisitError
    from cmvisit_data.release import diff

    copy = _copy(release, tmp_path)
    (copy / "quotes.parquet").write_bytes(b"garbage")
    with pytest.raises(CmvisitError) as caught:
        diff(release, copy)
    assert [p.type for p in caught.value.problems] == ["release-invalid"]
    (copy / "manifest.json").write_text("[]", encoding="utf-8")
    with pytest.raises(CmvisitError):
        diff(release, copy)


def test_a_seeds_manifest_nested_deep_is_a_typed_error(tmp_path):
    from cmvisit_data.manifest import load_manifest

    (tmp_path / "manifest.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    entries, problems = load_manifest(tmp_path)
    assert entries == [] and [p.type for p in problems] == ["manifest-invalid"]
