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


def test_provenance_edited_into_the_manifest_passes_the_same_policy_as_add(seeds):
    # S3: "Reuters" followed by invisible tag characters is another outlet that looks the same.
    _edit(seeds, lambda d: d["documents"][0].update(outlet="Reuters\U000e0041\U000e0042"))
    _edit(seeds, lambda d: d["documents"][1].update(outlet="Unknown"))
    _, problems = load_manifest(seeds)
    assert [(p.type, p.pointer) for p in problems] == [
        ("provenance-invalid", "/documents/0/outlet"),
        ("provenance-invalid", "/documents/1/outlet"),
    ]
    assert "U+E0041" in problems[0].message and "reserved" in problems[1].message


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


def test_a_fifo_listed_in_the_manifest_is_refused_never_waited_on(seeds):
    import os
    import threading

    from cmvisit_data.intake import check_manifest

    os.mkfifo(seeds / "pipe.txt")
    _edit(seeds, lambda d: d["documents"].append({**d["documents"][0], "file": "pipe.txt"}))
    reports = []
    checking = threading.Thread(target=lambda: reports.append(check_manifest(str(seeds / "manifest.json"))),
                                daemon=True)  # fmt: skip
    checking.start()
    checking.join(timeout=30)
    if checking.is_alive():  # let the blocked open go before failing
        os.close(os.open(seeds / "pipe.txt", os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("validate waited on a FIFO listed in the manifest")
    (report,) = reports
    assert [(p.type, p.file) for p in report.problems] == [("not-a-file", str(seeds / "pipe.txt"))]


def test_a_link_that_loops_is_one_problem_with_its_place(seeds):
    from cmvisit_data.intake import check_manifest

    (seeds / "loop.txt").symlink_to("loop.txt")
    _, problem = resolve_entry(seeds, Entry("loop.txt", "0" * 64, "en", None, None, None, None))
    assert problem.type == "path-outside-seeds" and "loops" in problem.message
    _edit(seeds, lambda d: d["documents"].append({**d["documents"][0], "file": "loop.txt"}))
    report = check_manifest(str(seeds / "manifest.json"))
    assert [(p.type, p.file) for p in report.problems] == [("path-outside-seeds", str(seeds / "loop.txt"))]


def test_a_link_inside_the_folder_is_read_by_its_target_and_its_message_names_no_local_path(seeds, tmp_path):
    (seeds / "alias.txt").symlink_to("000_a25e3bb1cf0e3701.txt")
    path, problem = resolve_entry(seeds, Entry("alias.txt", "0" * 64, "en", None, None, None, None))
    assert problem is None and path == seeds / "000_a25e3bb1cf0e3701.txt"
    (seeds / "out.txt").symlink_to(tmp_path / "elsewhere.txt")
    (tmp_path / "elsewhere.txt").write_text("x", encoding="utf-8")
    _, problem = resolve_entry(seeds, Entry("out.txt", "0" * 64, "en", None, None, None, None))
    assert problem.type == "path-outside-seeds" and str(tmp_path) not in problem.message
