"""The release build's phases: what it refuses, and what it says about a version that exists."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from itertools import pairwise

import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from cmvisit_data.release import build
from cmvisit_data.release.layout import table_file

from ..conftest import ROOT, SEEDS
from .test_verify import seal_table


def test_the_build_refuses_duplicate_of_pointing_at_itself_or_at_another_copy():
    from cmvisit_data.release.build import _check_duplicates

    assert _check_duplicates({"b": "a", "c": "a"}) == []
    problems = _check_duplicates({"b": "b", "c": "b", "d": "a"})
    assert [(p.row, p.field) for p in problems] == [("b", "duplicate_of"), ("c", "duplicate_of")]
    assert "the row itself" in problems[0].message and "itself a duplicate" in problems[1].message


def _rewrite_quotes(release, writer=None):
    """The quotes table with the same rows in other bytes, and the manifest made to agree
    (the card and croissant.json, which record its size and sha256, are left as they were)."""
    path = table_file(release, "quotes")
    pq.write_table(pq.read_table(path), path, compression="gzip")
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    seal_table(manifest, release, "quotes")
    _record_size_in_hub_files(release, manifest, "quotes")
    if writer:
        manifest["writer"]["pyarrow"] = writer
    (release / "manifest.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def _record_size_in_hub_files(release, manifest, table):
    """The card and croissant.json record a table's new size and sha256, as the build that
    wrote it would have; the manifest's entries of the two files made to agree."""
    path = table_file(release, table)
    croissant = release / "hf" / "croissant.json"
    value = json.loads(croissant.read_text(encoding="utf-8"))
    for item in value["distribution"]:
        if item["@id"] == f"{table}-parquet":
            item.update(
                sha256=hashlib.sha256(path.read_bytes()).hexdigest(), contentSize=f"{path.stat().st_size} B"
            )
    croissant.write_text(json.dumps(value, indent=2), encoding="utf-8")
    card = release / "hf" / "README.md"
    text = card.read_text(encoding="utf-8")
    head, _, tail = text.partition(f"config_name: {table}\n")
    tail = re.sub(r"download_size: \d+", f"download_size: {path.stat().st_size}", tail, count=1)
    card.write_text(head + f"config_name: {table}\n" + tail, encoding="utf-8")
    for name in ("hf/croissant.json", "hf/README.md"):
        data = (release / name).read_bytes()
        manifest["files"][name].update(bytes=len(data), sha256=hashlib.sha256(data).hexdigest())


def test_an_existing_version_written_by_another_pyarrow_is_reproduced_row_for_row(tmp_path):
    out = tmp_path / "out"
    assert build(SEEDS, out, "0.1.0", workers=1).status == "built"
    _rewrite_quotes(out / "0.1.0", writer="21.0.0")  # as an older pyarrow would have written it
    again = build(SEEDS, out, "0.1.0", workers=1)
    assert again.status == "reproduced" and again.note.startswith("row for row (4 files differ")
    assert "pyarrow 21.0.0" in again.note


def test_tampering_is_never_explained_away_as_row_for_row(tmp_path):
    out = tmp_path / "out"
    assert build(SEEDS, out, "0.1.0", workers=1).status == "built"
    _rewrite_quotes(out / "0.1.0")  # same writer version: differing bytes are not its doing
    assert build(SEEDS, out, "0.1.0", workers=1).status == "refused"
    _rewrite_quotes(out / "0.1.0", writer="21.0.0")  # another writer: the sizes it changes are excused
    card = out / "0.1.0" / "hf" / "README.md"
    card.write_text(card.read_text(encoding="utf-8").replace("Release **0.1.0**", "Release **9.9.9**"))
    assert build(SEEDS, out, "0.1.0", workers=1).status == "refused"  # not the card's other words


def test_a_release_is_never_built_inside_another(tmp_path):
    out = tmp_path / "out"
    assert build(SEEDS, out, "0.1.0", workers=1).status == "built"
    for inside in (out / "0.1.0", out / "0.1.0" / "hf"):
        result = build(SEEDS, inside, "0.2.0", workers=1)
        assert result.status == "refused" and "inside the release" in result.problems[0].message
    assert not (out / "0.1.0" / "hf" / "0.2.0").exists()


def test_a_build_publishes_completely_or_not_at_all(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
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
    from cmvisit_data.cli.base import _Progress

    progress = _Progress("building 0.1.0")
    progress.tty = False
    progress.EVERY = 0.0
    progress(1, 3)
    progress(3, 3)
    progress.finish()
    assert capsys.readouterr().err.splitlines() == [
        "building 0.1.0: 1 of 3 documents (33%)",
        "building 0.1.0: 3 of 3 documents (100%)",
    ]


def test_the_inputs_of_a_build_are_what_was_appended_and_nothing_else(tmp_path):
    """The inputs wait on disk while the build runs; read back, they are what was appended,
    and they never pass for an empty list (a list subclass holding nothing did: len 1, == [])."""
    from cmvisit_data.release.contents import Inputs

    inputs = Inputs(tmp_path / "inputs.jsonl")
    item = {"file": "a.txt", "sha256": "0" * 64, "doc_id": "0" * 16, "language": "en"}
    inputs.append(item)
    inputs.close()
    assert len(inputs) == 1 and list(inputs) == [item]
    assert inputs != [] and json.dumps(list(inputs)) == json.dumps([item])


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


# --- S1, S2, R2, R3: what the build opens, and its locks -------------------------------------


def _corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    (folder / "manifest.json").unlink()
    return folder


def test_a_file_swapped_for_a_link_after_its_check_is_refused_never_followed(tmp_path, monkeypatch):
    import os

    import cmvisit_data.builder as builder

    corpus = _corpus(tmp_path)
    secret = tmp_path / "id_rsa.txt"
    secret.write_text(
        "PRIVATE KEY of this machine, never to be published\n\nsecret body text\n", encoding="utf-8"
    )
    checked = builder.resolve_entry

    def swap_after_check(seeds, entry):
        found = checked(seeds, entry)
        if entry.file == "000_a25e3bb1cf0e3701.txt":  # between the check and the open
            os.unlink(found[0])
            os.symlink(secret, found[0])
        return found

    monkeypatch.setattr(builder, "resolve_entry", swap_after_check)
    result = build(corpus, tmp_path / "out", "0.1.0", workers=1, discover=True, allow_rejects=True)
    assert result.status == "built" and result.documents == 1
    [rejection] = result.rejected
    assert rejection["file"] == "000_a25e3bb1cf0e3701.txt"
    assert [p["type"] for p in rejection["problems"]] == ["not-a-file"]
    texts = pq.read_table(table_file(tmp_path / "out" / "0.1.0", "documents")).column("raw_text").to_pylist()
    assert not any("PRIVATE KEY" in t for t in texts)


def test_rejections_never_record_a_path_of_the_machine_that_built(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "000_a25e3bb1cf0e3701.txt").write_bytes(b"changed bytes\n")
    (seeds / "loop.txt").symlink_to("loop.txt")
    listed = json.loads((seeds / "manifest.json").read_text(encoding="utf-8"))
    listed["documents"].append({**listed["documents"][0], "file": "loop.txt"})
    (seeds / "manifest.json").write_text(json.dumps(listed), encoding="utf-8")
    result = build(seeds.absolute(), tmp_path / "out", "0.1.0", workers=1, allow_rejects=True)
    assert result.status == "built"
    release = tmp_path / "out" / "0.1.0"
    recorded = (release / "rejected.jsonl").read_text(encoding="utf-8")
    rejected = [json.loads(line) for line in recorded.splitlines()]
    assert [(r["file"], [p["type"] for p in r["problems"]]) for r in rejected] == [
        ("000_a25e3bb1cf0e3701.txt", ["checksum-mismatch"]),
        ("loop.txt", ["path-outside-seeds"]),
    ]
    assert [p["file"] for r in rejected for p in r["problems"]] == ["000_a25e3bb1cf0e3701.txt", "loop.txt"]
    assert str(tmp_path) not in recorded and str(tmp_path) not in (release / "manifest.json").read_text()


def _locked_elsewhere(path) -> str:
    """'exclusive' if another process could take path's lock exclusive now, 'shared' if only
    shared, 'none' if neither (probed without waiting, in a fresh descriptor)."""
    import fcntl
    import os

    fd = os.open(path, os.O_RDONLY)
    try:
        for mode, name in ((fcntl.LOCK_EX, "exclusive"), (fcntl.LOCK_SH, "shared")):
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                fcntl.flock(fd, fcntl.LOCK_UN)
                return name
            except BlockingIOError:
                continue
        return "none"
    finally:
        os.close(fd)


def test_the_build_holds_the_seeds_lock_shared_while_it_reads(tmp_path, monkeypatch):
    import importlib

    build_module = importlib.import_module("cmvisit_data.release.build")
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / ".seeds.lock").touch()
    seen = []
    listed = build_module.sources

    def probe(*args, **kwargs):
        seen.append(_locked_elsewhere(seeds / ".seeds.lock"))
        return listed(*args, **kwargs)

    monkeypatch.setattr(build_module, "sources", probe)
    assert build(seeds, tmp_path / "out", "0.1.0", workers=1).status == "built"
    assert seen == ["shared"]  # an add (exclusive) waits; another reader does not


def test_a_link_planted_at_a_lock_name_is_refused_and_nothing_is_created_where_it_points(tmp_path):
    from cmvisit_data.seeds.add import add

    out = tmp_path / "out"
    out.mkdir()
    for name in (".0.1.0.lock", ".releases.lock"):
        target = tmp_path / f"created-through{name}"
        (out / name).symlink_to(target)
        result = build(SEEDS, out, "0.1.0", workers=1)
        assert result.status != "built" and [p.type for p in result.problems] == ["lock-refused"]
        assert not target.exists() and not (out / "0.1.0").exists()
        (out / name).unlink()
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds, ignore=shutil.ignore_patterns(".*"))
    (seeds / ".seeds.lock").symlink_to(tmp_path / "through-seeds")
    _, problems = add([str(SEEDS / "000_a25e3bb1cf0e3701.txt")], seeds, {})
    assert [p.type for p in problems] == ["lock-refused"] and not (tmp_path / "through-seeds").exists()


def _cli(*args):
    from click.testing import CliRunner

    from cmvisit_data.cli import main

    return CliRunner().invoke(main, list(args))


def test_a_path_the_file_system_refuses_is_one_line_with_its_place(tmp_path):
    file = tmp_path / "a-file"
    file.write_text("x", encoding="utf-8")
    long = str(tmp_path / ("x" * 300))
    for args in (
        ["build", "--seeds", str(SEEDS), "--out", str(file / "out"), "--version", "9.0.0"],
        ["build", "--seeds", str(SEEDS), "--out", long, "--version", "9.0.0"],
        ["add", str(SEEDS / "000_a25e3bb1cf0e3701.txt"), "--seeds", str(file / "seeds"), "--init"],
        ["add", str(SEEDS / "000_a25e3bb1cf0e3701.txt"), "--seeds", long, "--init"],
    ):
        done = _cli(*args)
        assert done.exit_code == 1 and isinstance(done.exception, SystemExit | None), done.stderr
        problems = [line for line in done.stderr.splitlines() if "write-failed" in line]
        assert len(problems) == 1 and "Traceback" not in done.stderr and "internal error" not in done.stderr
        assert ("a part of the path is a file" in problems[0]) or ("too long" in problems[0])


def test_the_python_build_refuses_a_bad_repo_id_and_writes_nothing(tmp_path):
    # S4 from Python as from the CLI: the id is written into the card's code snippet.
    out = tmp_path / "out"
    result = build(SEEDS, out, "9.0.0", hub_repo='org/x")\nimport os  #')
    assert result.status == "failed"
    assert [p.type for p in result.problems] == ["bad-repo-id"]
    assert not out.exists()


# --- issue 24: versions only move forward; a release cut in one step ---------------------


def _with_release(tmp_path, version="0.4.0"):
    """An output folder holding a copy of a committed release, with its CHANGELOG made."""
    from cmvisit_data.release import write_changelog

    out = tmp_path / "out"
    shutil.copytree(ROOT / "build" / version, out / version)
    write_changelog(out)
    return out


def test_a_version_not_above_the_newest_is_refused_naming_the_newest(tmp_path):
    out = _with_release(tmp_path)
    changelog = (out / "CHANGELOG.md").read_bytes()
    result = build(SEEDS, out, "0.3.9", workers=1)
    assert result.status == "refused" and [p.type for p in result.problems] == ["bad-version"]
    line = result.problems[0].one_line()
    assert "0.3.9 is not above the newest release" in line and "0.4.0" in line and "\n" not in line
    assert "`cmvisit release 0.5.0`" in line
    assert not (out / "0.3.9").exists() and (out / "CHANGELOG.md").read_bytes() == changelog
    assert build(SEEDS, out, "0.4.1", workers=1).status == "built"  # above the newest: a new release


def test_a_changelog_under_out_names_the_path_of_its_releases(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from cmvisit_data.cli import main

    out = tmp_path / "elsewhere"
    assert build(SEEDS, out, "9.0.1", workers=1).status == "built"
    text = (out / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"`cmvisit verify {out.as_posix()}/9.0.1 --expect" in text and "build/9.0.1" not in text
    monkeypatch.chdir(tmp_path)  # an --out relative to where the command runs, as given
    ran = CliRunner().invoke(main, ["build", "--seeds", str(SEEDS), "--out", "dist", "--version", "9.0.2",
                                    "--workers", "1", "-q"])  # fmt: skip
    assert ran.exit_code == 0, ran.output
    assert "`cmvisit verify dist/9.0.2 --expect" in (tmp_path / "dist" / "CHANGELOG.md").read_text()


def _seeds_with_one_more(tmp_path):
    from cmvisit_data.seeds.add import add

    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    page = tmp_path / "new" / "page.txt"
    page.parent.mkdir()
    page.write_text(
        "Cabinet clears rice mill policy for every district\n\nRaipur: The state cabinet on Monday "
        "approved a new policy for rice mills, and ministers said it would help every district.\n",
        encoding="utf-8",
    )
    result, problems = add(
        [str(page)], seeds, {"url": None, "outlet": None, "rights": None, "obtained": None}
    )
    assert not problems and len(result.added) == 1
    return seeds


def _as_a_checkout(monkeypatch) -> None:
    """Run as from a source checkout, whose _version.py the contributor raises, however the
    suite's package was installed (CI installs a wheel)."""
    import importlib

    versioning = importlib.import_module("cmvisit_data.release.versioning")
    monkeypatch.setattr(versioning, "version_file", lambda: ROOT / "src" / "cmvisit_data" / "_version.py")
    monkeypatch.chdir(ROOT)  # where the hints' paths are shown from


def test_a_rebuild_after_an_add_says_the_seeds_changed_and_names_the_next_release(tmp_path, monkeypatch):
    import cmvisit_data._version

    _as_a_checkout(monkeypatch)
    monkeypatch.setattr(cmvisit_data._version, "__version__", "0.5.0")  # the package at the release's version
    out = tmp_path / "out"
    assert build(SEEDS, out, "0.5.0", workers=1).status == "built"
    seeds = _seeds_with_one_more(tmp_path)
    again = build(seeds, out, "0.5.0", workers=1)  # what a plain `cmvisit build` does after an add
    line = again.problems[0].one_line()
    assert again.status == "refused" and again.problems[0].type == "release-exists"
    assert "the seeds changed since 0.5.0" in line and "to cut a new one" in line
    # in a checkout the package's version follows its releases: raised first
    assert (
        'set __version__ = "0.6.0" in src/cmvisit_data/_version.py, then run `cmvisit release 0.6.0`' in line
    )
    other = build(SEEDS, out, "0.5.0", workers=1, hub_repo="myorg/mydata")  # the same seeds, another card
    assert "0.5.0 was built for the Hub repository cmvisit-data/cmvisit-data, not myorg/mydata" in (
        other.problems[0].message
    )
    assert "`cmvisit release 0.6.0 --repo-id myorg/mydata`" in other.problems[0].one_line()


def test_release_builds_verifies_writes_the_changelog_and_says_what_to_commit(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import cmvisit_data._version
    from cmvisit_data.cli import main

    out = _with_release(tmp_path, "0.5.0")
    seeds = _seeds_with_one_more(tmp_path)
    args = ["release", "0.6.0", "--seeds", str(seeds), "--out", str(out), "--workers", "1"]
    _as_a_checkout(monkeypatch)
    monkeypatch.setattr(cmvisit_data._version, "__version__", "0.5.0")
    # in a checkout, the package's version is raised first: a release records it
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 2 and not (out / "0.6.0").exists()  # a refused version: usage
    assert "bad-version: the package's version is 0.5.0" in first.stderr
    assert 'set __version__ = "0.6.0" here, then run `cmvisit release 0.6.0` again' in first.stderr
    monkeypatch.setattr(cmvisit_data._version, "__version__", "0.6.0")  # as the contributor raised it
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "verified (3 documents)" in result.stdout
    sha = hashlib.sha256((out / "0.6.0" / "manifest.json").read_bytes()).hexdigest()
    assert f"- manifest sha256 {sha}" in result.stdout and "## 0.6.0" in (out / "CHANGELOG.md").read_text()
    version_file = "src/cmvisit_data/_version.py"
    assert f"git add {out / '0.6.0'} {out / 'CHANGELOG.md'} {seeds} {version_file}" in result.stdout
    again = CliRunner().invoke(main, [*args, "--format", "json"])
    report = json.loads(again.stdout)
    assert (
        again.exit_code == 0
        and report["release"]["status"] == "reproduced"
        and report["release"]["commit"] == []
    )
    monkeypatch.setattr(cmvisit_data._version, "__version__", "0.5.9")
    older = CliRunner().invoke(main, ["release", "0.5.9", "--seeds", str(seeds), "--out", str(out)])
    assert older.exit_code == 2 and "not above the newest release" in older.stderr  # a refused version
    assert "0.6.0" in older.stderr and not (out / "0.5.9").exists()


def test_an_installed_package_cuts_a_release_of_any_version_and_names_no_version_file(tmp_path, monkeypatch):
    """Installed (not a checkout), the package's version is not the contributor's to raise."""
    import importlib

    versioning = importlib.import_module("cmvisit_data.release.versioning")
    monkeypatch.setattr(versioning, "version_file", lambda: None)
    out = _with_release(tmp_path, "0.5.0")
    seeds = _seeds_with_one_more(tmp_path)
    result = importlib.import_module("cmvisit_data.release.cut").cut(seeds, out, "0.6.0", workers=1)
    assert result.ok and result.commit == [str(out / "0.6.0"), str(out / "CHANGELOG.md"), str(seeds)]
    assert versioning.cut_steps("0.7.0") == "`cmvisit release 0.7.0`"


def test_release_names_the_newest_before_asking_for_the_package_version(tmp_path, monkeypatch):
    """A version below the newest, or not a version, is refused as such first: raising
    _version.py to it would only lead to a second refusal."""
    import cmvisit_data._version

    _as_a_checkout(monkeypatch)
    monkeypatch.setattr(cmvisit_data._version, "__version__", "0.7.0")
    out = _with_release(tmp_path, "0.5.0")
    below = build_module_cut(SEEDS, out, "0.4.9")
    (problem,) = below.build.problems
    assert "not above the newest release" in problem.message and "0.5.0" in problem.message
    assert '__version__ = "0.4.9"' not in problem.one_line()
    (bad,) = build_module_cut(SEEDS, out, "v0.7.0").build.problems
    assert "is not MAJOR.MINOR.PATCH" in bad.message and "__version__" not in bad.one_line()
    assert not (out / "0.4.9").exists()


def build_module_cut(seeds, out, version):
    import importlib

    return importlib.import_module("cmvisit_data.release.cut").cut(seeds, out, version, workers=1)


def test_a_build_into_the_checkouts_build_of_another_version_is_refused_as_release_refuses_it(
    tmp_path, monkeypatch
):
    """`build --version X` into the checkout's own build/ records the package that built it: X
    must be the package's, as for `release`; any other --out may hold any version."""
    import importlib

    import cmvisit_data._version

    project = tmp_path / "project"
    versioning = importlib.import_module("cmvisit_data.release.versioning")
    monkeypatch.setattr(versioning, "version_file", lambda: project / "src" / "cmvisit_data" / "_version.py")
    monkeypatch.setattr(cmvisit_data._version, "__version__", "0.6.0")
    refused = build(SEEDS, project / "build", "0.7.0", workers=1)
    assert refused.status == "refused" and '__version__ = "0.7.0"' in refused.problems[0].one_line()
    assert not (project / "build" / "0.7.0").exists()
    assert build(SEEDS, tmp_path / "scratch", "0.7.0", workers=1).status == "built"
    assert build(SEEDS, project / "build", "0.6.0", workers=1).status == "built"
