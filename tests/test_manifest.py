from __future__ import annotations

import json
import shutil

import pytest

from cmvisit_data.manifest import Entry, load_manifest, resolve_entry, sha256_of, unlisted, write_manifest

from .conftest import SEEDS


@pytest.fixture
def seeds(tmp_path):
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def test_repository_manifest_lists_every_seed_with_its_checksum():
    entries, problems = load_manifest(SEEDS)
    assert problems == [] and unlisted(SEEDS, entries) == []
    assert sorted(e.file for e in entries) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for entry in entries:
        path, problem = resolve_entry(SEEDS, entry)
        assert problem is None and sha256_of(path) == entry.sha256


def _edit(seeds, change):
    path = seeds / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_unknown_fields_are_errors(seeds):
    _edit(seeds, lambda d: d["documents"][0].update(colour="red"))
    _, problems = load_manifest(seeds)
    assert [(p.type, p.pointer) for p in problems] == [("manifest-invalid", "/documents/0")]


def test_duplicate_keys_are_errors(seeds):
    (seeds / "manifest.json").write_text('{"manifest_version": 1, "manifest_version": 1, "documents": []}')
    _, problems = load_manifest(seeds)
    assert problems[0].type == "manifest-invalid" and "twice" in problems[0].message


def test_paths_that_leave_the_seeds_folder_are_refused(seeds, tmp_path):
    _edit(seeds, lambda d: d["documents"][0].update(file="../secret.txt"))
    _, problems = load_manifest(seeds)
    assert problems and problems[0].pointer == "/documents/0/file"
    outside = tmp_path / "outside.txt"
    outside.write_text("x")
    (seeds / "link.txt").symlink_to(outside)
    entry = Entry("link.txt", "0" * 64, "en", None, None, None, None)
    _, problem = resolve_entry(seeds, entry)
    assert problem.type == "path-outside-seeds"
    _, problem = resolve_entry(seeds, Entry("/etc/passwd", "0" * 64, "en", None, None, None, None))
    assert problem.type == "path-outside-seeds"


def test_entries_listed_twice_and_unlisted_documents(seeds):
    _edit(seeds, lambda d: d["documents"].append(dict(d["documents"][0])))
    entries, problems = load_manifest(seeds)
    assert [p.type for p in problems] == ["duplicate-entry"]
    (seeds / "new.txt").write_text("New document\n")
    assert [p.type for p in unlisted(seeds, entries)] == ["unlisted-document"]


def test_missing_manifest(tmp_path):
    _, problems = load_manifest(tmp_path)
    assert problems[0].type == "manifest-missing"


def test_write_manifest_round_trips_sorted(seeds):
    entries, _ = load_manifest(seeds)
    write_manifest(seeds, list(reversed(entries)))
    again, problems = load_manifest(seeds)
    assert problems == [] and again == sorted(entries, key=lambda e: e.file)
