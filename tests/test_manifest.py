from __future__ import annotations

import json
import shutil

import pytest

from cmvisit_data.hashing import sha256_of
from cmvisit_data.seeds.manifest import (
    Entry,
    load_manifest,
    resolve_entry,
    unlisted,
    write_manifest,
)

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
    assert problems[0].type == "json-duplicate-key" and "twice" in problems[0].message


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


# --- issue 24: one seeds folder, found or refused; seeds set and remove --------------------


def test_the_seeds_folder_is_found_up_to_the_repository_root_and_no_further(tmp_path):
    from cmvisit_data.seeds.manifest import find_seeds

    outside = tmp_path / "outside"
    project = outside / "project"
    (project / "seeds").mkdir(parents=True)
    (project / "pyproject.toml").write_text("")
    deep = project / "docs" / "notes"
    deep.mkdir(parents=True)
    (outside / "seeds").mkdir()
    (outside / "seeds" / "manifest.json").write_text('{"manifest_version": 1, "documents": []}')
    folder, tried = find_seeds(start=deep)  # the project has no manifest: outside's is not taken
    assert folder is None and tried == [d / "seeds" / "manifest.json" for d in (deep, deep.parent, project)]
    (project / "seeds" / "manifest.json").write_text('{"manifest_version": 1, "documents": []}')
    assert find_seeds(start=deep)[0] == project / "seeds"
    # outside any repository, the current folder alone is tried
    (tmp_path / "lone").mkdir()
    assert find_seeds(start=tmp_path / "lone") == (None, [tmp_path / "lone" / "seeds" / "manifest.json"])
    assert find_seeds(project / "sedes")[0] is None  # a mistyped --seeds is never taken for another


def _provenance(seeds, name):
    return next(e for e in load_manifest(seeds)[0] if e.file == name).provenance()


def test_seeds_set_changes_the_values_given_and_keeps_the_others(seeds):
    from cmvisit_data.seeds.manifest import set_provenance

    name = "000_a25e3bb1cf0e3701.txt"
    before = _provenance(seeds, name)
    change, problems = set_provenance(seeds, name, {"url": "https://example.org/page", "rights": None})
    assert problems == [] and change.old == before
    assert change.new == {**before, "url": "https://example.org/page", "rights": None}
    assert _provenance(seeds, name) == change.new and unlisted(seeds, load_manifest(seeds)[0]) == []


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"url": "javascript:alert(1)"}, "not an http(s) URL"),
        ({"outlet": "Reuters\u200b"}, "U+200B"),
        ({"outlet": "unknown"}, "reserved"),
    ],
)
def test_seeds_set_values_pass_the_same_policy_as_add(seeds, changes, words):
    from cmvisit_data.seeds.manifest import set_provenance

    before = (seeds / "manifest.json").read_bytes()
    change, problems = set_provenance(seeds, "000_a25e3bb1cf0e3701.txt", changes)
    assert change is None and problems[0].type == "provenance-invalid" and words in problems[0].message
    assert (seeds / "manifest.json").read_bytes() == before


def test_an_unknown_file_is_refused_with_the_closest_names(seeds):
    from cmvisit_data.seeds.manifest import remove_entry, set_provenance

    before = (seeds / "manifest.json").read_bytes()
    for change, problems in (
        set_provenance(seeds, "000_a25e3bb1cf0e3710.txt", {"outlet": "Example Times"}),
        remove_entry(seeds, "000_a25e3bb1cf0e3710.txt"),
    ):
        (problem,) = problems
        assert (
            change is None and "not listed" in problem.message and "000_a25e3bb1cf0e3701.txt" in problem.hint
        )
    assert (seeds / "manifest.json").read_bytes() == before and len(list(seeds.glob("*.txt"))) == 2


def test_seeds_remove_takes_the_entry_and_its_document_unless_kept(seeds):
    from cmvisit_data.seeds.manifest import remove_entry

    english, hindi = "000_a25e3bb1cf0e3701.txt", "001_f633bab6aa95e6a6.txt"
    old = _provenance(seeds, english)
    change, problems = remove_entry(seeds, str(seeds / english))  # its path in seeds/ will do
    assert problems == [] and change.old == old and change.new is None and change.file_removed
    assert not (seeds / english).exists() and [e.file for e in load_manifest(seeds)[0]] == [hindi]
    change, _ = remove_entry(seeds, hindi, keep_file=True)
    assert not change.file_removed and (seeds / hindi).exists() and load_manifest(seeds)[0] == []


def test_seeds_set_waits_for_the_lock_an_add_holds(seeds):
    import threading

    from cmvisit_data.seeds.manifest import seeds_lock, set_provenance

    done = threading.Event()
    with seeds_lock(seeds):
        worker = threading.Thread(
            target=lambda: (set_provenance(seeds, "000_a25e3bb1cf0e3701.txt", {"outlet": "X"}), done.set())
        )
        worker.start()
        assert not done.wait(0.5)  # held off while an add holds the lock
    worker.join(10)
    assert done.is_set() and _provenance(seeds, "000_a25e3bb1cf0e3701.txt")["outlet"] == "X"
