"""add never overwrites, never follows a link, copies the bytes it checked, and two at once
lose nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from cmvisit_data.manifest import load_manifest
from cmvisit_data.release import add

from ..conftest import SEEDS

TEXT = "Raipur: The state cabinet on Monday approved a new policy for rice mills in every district.\n"


def _seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    return seeds


def test_an_unlisted_file_of_the_same_name_is_never_overwritten(tmp_path):
    seeds = _seeds(tmp_path)
    (seeds / "mine.txt").write_text("Someone else's unlisted document text.\n", encoding="utf-8")
    new = tmp_path / "other" / "mine.txt"
    new.parent.mkdir()
    new.write_text(TEXT, encoding="utf-8")
    result, problems = add([str(new)], seeds, {})
    assert problems == [] and (seeds / "mine.txt").read_text(encoding="utf-8").startswith("Someone else")
    (item,) = result.added
    assert item["as"] != "mine.txt" and (seeds / item["as"]).read_text(encoding="utf-8") == TEXT


def test_links_are_refused(tmp_path):
    seeds = _seeds(tmp_path)
    folder = tmp_path / "incoming"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text(TEXT, encoding="utf-8")
    os.symlink(secret, folder / "passwd.txt")
    result, _ = add([str(folder)], seeds, {})
    assert result.added == [] and [p.type for r in result.invalid for p in r.problems] == ["not-a-file"]


def test_a_prepared_link_at_a_temporary_name_is_never_written_through(tmp_path):
    seeds = _seeds(tmp_path)
    outside = tmp_path / "outside.txt"
    outside.write_text("untouched\n", encoding="utf-8")
    for pid in range(os.getpid() - 5, os.getpid() + 5):  # the names an old add would have used
        os.symlink(outside, seeds / f".new.txt.tmp-{pid}")
    new = tmp_path / "new.txt"
    new.write_text(TEXT, encoding="utf-8")
    result, _ = add([str(new)], seeds, {})
    assert result.added and outside.read_text(encoding="utf-8") == "untouched\n"


def test_the_bytes_copied_are_the_bytes_checked(tmp_path, monkeypatch):
    import importlib

    add_module = importlib.import_module("cmvisit_data.release.add")

    seeds = _seeds(tmp_path)
    new = tmp_path / "new.txt"
    new.write_text(TEXT, encoding="utf-8")
    checked = add_module._check_chunk

    def swap_after_check(jobs):
        out = checked(jobs)
        new.write_text(TEXT.replace("rice", "sugar"), encoding="utf-8")  # swapped in between
        return out

    monkeypatch.setattr(add_module, "_check_chunk", swap_after_check)
    result, _ = add([str(new)], seeds, {})
    assert result.added == [] and [p.type for r in result.invalid for p in r.problems] == [
        "checksum-mismatch"
    ]
    entries, problems = load_manifest(seeds)
    assert problems == [] and len(entries) == 2


def test_two_adds_at_once_lose_no_entry(tmp_path):
    seeds = _seeds(tmp_path)
    folders = []
    for k in range(2):
        folder = tmp_path / f"batch{k}"
        folder.mkdir()
        for i in range(40):
            (folder / f"b{k}_{i:03d}.txt").write_text(f"{TEXT.strip()} Item {k}-{i}.\n", encoding="utf-8")
        folders.append(folder)
    code = "import sys; from cmvisit_data.release import add; add([sys.argv[1]], sys.argv[2], {}, workers=1)"
    procs = [subprocess.Popen([sys.executable, "-c", code, str(f), str(seeds)]) for f in folders]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    entries, problems = load_manifest(seeds)
    assert problems == [] and len(entries) == 2 + 80
    listed = {e.file for e in entries}
    assert {p.name for p in seeds.glob("*.txt")} == listed
    assert json.loads((seeds / "manifest.json").read_text(encoding="utf-8"))["manifest_version"] == 1


def test_provenance_is_checked_before_anything_is_added(tmp_path):
    seeds = _seeds(tmp_path)
    before = (seeds / "manifest.json").read_bytes()
    hostile = {
        "outlet": "Evil\u202eOutlet\n\n## Injected heading\n<script>alert(1)</script>",
        "url": "javascript:alert(1)",
        "rights": "\x1b[31mred",
        "obtained": "x" * 5000,
    }
    new = tmp_path / "new.txt"
    new.write_text(TEXT, encoding="utf-8")
    result, problems = add([str(new)], seeds, hostile)
    assert sorted(p.pointer for p in problems) == ["/obtained", "/outlet", "/rights", "/url"]
    assert all(p.type == "provenance-invalid" for p in problems) and result.added == []
    assert (seeds / "manifest.json").read_bytes() == before
    good, problems = add([str(new)], seeds, {"url": "https://example.org/a?b=1", "outlet": "Example Times"})
    assert problems == [] and len(good.added) == 1


def test_provenance_rendered_into_the_card_cannot_inject_markup():
    from cmvisit_data.hub.card import markdown_text, sources_text

    hostile = (
        "Evil\n\n## Injected heading\n<script>alert(1)</script> [x](javascript:alert(1)) *b* `c` |t| &amp"
    )
    shown = markdown_text(hostile)
    assert "\n" not in shown and "<script>" not in shown and "](" not in shown.replace("\\](", "")
    assert "\\<script\\>" in shown and "&amp;amp" in shown
    listed = sources_text({"inputs": [{"outlet": hostile, "rights": "CC BY 4.0 - with attribution"}]})
    assert listed.count("\n") == 0 and "CC BY 4.0 - with attribution" in listed


def test_sources_are_grouped_as_the_card_shows_them():
    from cmvisit_data.hub.card import sources_text

    inputs = [{"outlet": "Example  Times", "rights": "CC BY"}, {"outlet": "Example Times\n", "rights": "CC BY"},
              {"outlet": "Other", "rights": None}, {"outlet": None, "rights": None}]  # fmt: skip
    assert sources_text({"inputs": inputs}).splitlines() == [
        "- Example Times: CC BY (2 documents)",
        "- Other: rights not recorded (1 document)",
        "- outlet not recorded: rights not recorded (1 document)",
    ]
