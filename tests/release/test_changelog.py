"""build/CHANGELOG.md, the root of trust `verify --expect` takes: made under the output
folder's lock (no release lost to a concurrent build), only from releases that verify, never
rewriting a recorded sha256, and printing every sha256 whole."""

from __future__ import annotations

import hashlib
import importlib
import json
import re
import shutil
import threading

from cmvisit_data.release import build, verify

from ..conftest import ROOT, SEEDS

EXPECT_RE = re.compile(r"`cmvisit verify (?:\S*/)?(\d+\.\d+\.\d+) --expect (\S+)`")


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _changelog(out) -> str:
    return (out / "CHANGELOG.md").read_text(encoding="utf-8")


def test_the_expect_line_holds_the_whole_sha256_and_works_as_printed(tmp_path):
    out = tmp_path / "out"
    assert build(SEEDS, out, "0.1.0", workers=1).status == "built"
    [(version, sha)] = EXPECT_RE.findall(_changelog(out))
    assert version == "0.1.0" and sha == _sha(out / "0.1.0" / "manifest.json")
    assert verify(out / version, expect=sha).valid


def test_two_builds_of_two_versions_at_once_both_reach_the_changelog(tmp_path, monkeypatch):
    """Each build stops after making its changelog text, until the other has made its own or
    has waited two seconds: without the output folder's lock, both texts miss the other."""
    build_module = importlib.import_module("cmvisit_data.release.build")
    out = tmp_path / "out"
    out.mkdir()
    meet = threading.Barrier(2, timeout=2)
    made = build_module.changelog_text

    def made_then_meet(*args, **kwargs):
        text = made(*args, **kwargs)
        try:
            meet.wait()
        except threading.BrokenBarrierError:
            pass  # the other build waits for the lock: the expected case
        return text

    monkeypatch.setattr(build_module, "changelog_text", made_then_meet)
    results = {}

    def run(version):
        results[version] = build(SEEDS, out, version, workers=1)

    threads = [threading.Thread(target=run, args=(v,)) for v in ("1.0.0", "2.0.0")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert {v: r.status for v, r in results.items()} == {"1.0.0": "built", "2.0.0": "built"}
    recorded = dict(EXPECT_RE.findall(_changelog(out)))
    assert recorded == {v: _sha(out / v / "manifest.json") for v in ("1.0.0", "2.0.0")}


def _reseal(release) -> None:
    """A forgery anyone with write access can make: the manifest edited where verify has no
    way to tell (the writer's version), and written back."""
    path = release / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["writer"]["pyarrow"] = "0.0.1-forged"
    path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def test_a_forged_release_keeps_its_recorded_sha256_and_its_own_never_enters(tmp_path):
    out = tmp_path / "out"
    assert build(SEEDS, out, "0.1.0", workers=1).status == "built"
    genuine = _sha(out / "0.1.0" / "manifest.json")
    _reseal(out / "0.1.0")
    forged = _sha(out / "0.1.0" / "manifest.json")
    assert build(SEEDS, out, "0.2.0", workers=1).status == "built"
    text = _changelog(out)
    assert forged not in text and dict(EXPECT_RE.findall(text))["0.1.0"] == genuine
    assert "0.1.0" in text.split("## 0.1.0")[1] and "no longer has the sha256 recorded here" in text


def test_a_release_that_does_not_verify_is_named_and_never_listed(tmp_path):
    out = tmp_path / "out"
    shutil.copytree(ROOT / "build" / "0.1.0", out / "0.1.0")
    (out / "0.1.0" / "hf" / "README.md").write_text("edited", encoding="utf-8")  # not re-sealed
    (out / "0.0.9").mkdir()
    (out / "0.0.9" / "manifest.json").write_text("garbage", encoding="utf-8")
    assert build(SEEDS, out, "0.2.0", workers=1).status == "built"
    text = _changelog(out)
    assert list(dict(EXPECT_RE.findall(text))) == ["0.2.0"]
    listed, not_listed = text.split("## Not listed")
    assert "## 0.1.0" not in listed and "## 0.0.9" not in listed
    assert "- 0.0.9: does not pass `cmvisit verify`" in not_listed
    assert "- 0.1.0: does not pass `cmvisit verify`" in not_listed


def test_a_recorded_sha256_is_kept_and_its_expect_line_written_whole(tmp_path):
    """The changelog as builds before this one wrote it (a shortened --expect hint): its
    sections are kept, and the hint written whole."""
    out = tmp_path / "out"
    for version in ("0.4.0", "0.5.0"):
        shutil.copytree(ROOT / "build" / version, out / version)
    shutil.copy(ROOT / "build" / "CHANGELOG.md", out / "CHANGELOG.md")
    before = _changelog(out)
    assert build(SEEDS, out, "0.9.0", workers=1).status == "built"
    text = _changelog(out)
    recorded = dict(EXPECT_RE.findall(text))
    for version in ("0.4.0", "0.5.0"):
        sha = re.search(rf"## {version}\n(?:.*\n)*?- manifest sha256 ([0-9a-f]{{64}})", before).group(1)
        assert recorded[version] == sha == _sha(out / version / "manifest.json")
    # a section of a release no longer in the folder is kept, and says so
    assert "## 0.3.0" in text and "the release's folder is gone" in text.split("## 0.3.0")[1].split("##")[0]
    assert "…" not in text


def test_a_new_section_says_what_changed_since_the_previous_release_as_diff_does(tmp_path):
    """0.1.0 -> 0.2.0 changed every document's schema_version: "0 added, 0 removed" said
    nothing of it. A section written anew carries diff's summary, and every sha256 whole."""
    from cmvisit_data.release.changelog import changelog_text
    from cmvisit_data.release.diff import diff
    from cmvisit_data.release.diff_text import summary_lines

    out = tmp_path / "out"
    for version in ("0.1.0", "0.2.0"):
        shutil.copytree(ROOT / "build" / version, out / version)
    section = changelog_text(out).split("## 0.2.0\n")[1].split("## ")[0].splitlines()
    first, *causes = summary_lines(diff(out / "0.1.0", out / "0.2.0"))
    assert f"- since the previous release: {first}" in section
    assert first == "0 added, 0 removed, 2 changed" and causes and all(f"  - {c}" in section for c in causes)
    schema = json.loads((out / "0.2.0" / "manifest.json").read_text(encoding="utf-8"))["schema_sha256"]
    assert "- package 0.2.0, schema sha256 " + schema in section
    assert all(len(sha) == 64 for sha in re.findall(r"sha256 ([0-9a-f]+)", "\n".join(section)))


def test_a_recorded_section_keeps_what_it_recorded(tmp_path):
    """The summary applies to sections written anew: a recorded one keeps its lines, but for
    its --expect line written whole."""
    from cmvisit_data.release.changelog import changelog_text, recorded

    out = tmp_path / "out"
    for version in ("0.1.0", "0.2.0"):
        shutil.copytree(ROOT / "build" / version, out / version)
    shutil.copy(ROOT / "build" / "CHANGELOG.md", out / "CHANGELOG.md")
    before = recorded(_changelog(out))["0.2.0"]
    after = recorded(changelog_text(out))["0.2.0"]
    assert [line for line in after if "--expect" not in line] == [
        line for line in before if "--expect" not in line
    ]
    assert "- since the previous release: 0 added, 0 removed" in after


def test_a_release_never_committed_and_cut_again_gets_its_entry_anew(tmp_path):
    """Deleted before it was published (committed) and cut again, a release's CHANGELOG entry
    holds the new sha256, so that its --expect line works; a committed one's is never rewritten."""
    import subprocess

    project = tmp_path / "project"
    out = project / "build"
    shutil.copytree(ROOT / "build" / "0.5.0", out / "0.5.0")
    git = ["git", "-C", str(project), "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    assert build(SEEDS, out, "0.6.0", workers=1).status == "built"
    subprocess.run([*git, "add", "build/0.5.0"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "0.5.0"], check=True)
    first = hashlib.sha256((out / "0.6.0" / "manifest.json").read_bytes()).hexdigest()
    assert first in (out / "CHANGELOG.md").read_text(encoding="utf-8")
    shutil.rmtree(out / "0.6.0")  # not committed: never published
    assert build(SEEDS, out, "0.6.0", workers=1, hub_repo="someorg/somename").status == "built"
    again = hashlib.sha256((out / "0.6.0" / "manifest.json").read_bytes()).hexdigest()
    text = (out / "CHANGELOG.md").read_text(encoding="utf-8")
    assert again != first and f"--expect {again}" in text and first not in text
    assert "no longer has the sha256 recorded here" not in text
    # committed, it is published: cut again, its recorded sha256 stays, with a warning
    subprocess.run([*git, "add", "build"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "0.6.0"], check=True)
    shutil.rmtree(out / "0.6.0")
    assert build(SEEDS, out, "0.6.0", workers=1).status == "built"
    text = (out / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"--expect {again}" in text and "no longer has the sha256 recorded here" in text
