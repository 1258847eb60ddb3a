"""add never overwrites, never follows a link, copies the bytes it checked, and two at once
lose nothing."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cmvisit_data.seeds.add import add
from cmvisit_data.seeds.manifest import load_manifest

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

    add_module = importlib.import_module("cmvisit_data.seeds.add")

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


# How long a second add may take to reach the lock and block on it: generous, for a loaded
# machine (starting Python and importing the package takes about a second); the poll ends as
# soon as the add is seen waiting.
WAIT_DEADLINE_S = 60.0


def _waiting_on(inode: int) -> set[int]:
    """The pids the kernel shows blocked on a flock of the file with this inode (Linux's
    /proc/locks marks a waiting request "->"; a line: `1: -> FLOCK ADVISORY WRITE pid dev:inode ...`)."""
    pids = set()
    for line in Path("/proc/locks").read_text(encoding="ascii").splitlines():
        fields = line.split()
        if len(fields) > 6 and fields[1] == "->" and fields[2] == "FLOCK":
            if int(fields[6].rsplit(":", 1)[1]) == inode:
                pids.add(int(fields[5]))
    return pids


@pytest.mark.skipif(not Path("/proc/locks").is_file(), reason="needs Linux's /proc/locks")
@pytest.mark.parametrize("shared", [False, True], ids=["held-by-an-add", "held-by-a-reader"])
def test_an_add_waits_while_the_seeds_lock_is_held_and_two_waiting_lose_no_entry(tmp_path, shared):
    """The test holds the seeds' lock itself, exclusive as a running add does or shared as
    validate and build do: two adds started meanwhile are seen blocked on it, having changed
    nothing; once it is released, both run, one after the other, and every entry of both is in
    the manifest."""
    import time

    from cmvisit_data.seeds.manifest import LOCK_NAME, seeds_lock

    seeds = _seeds(tmp_path)
    folders = []
    for k in range(2):
        folder = tmp_path / f"batch{k}"
        folder.mkdir()
        for i in range(10):
            (folder / f"b{k}_{i:03d}.txt").write_text(f"{TEXT.strip()} Item {k}-{i}.\n", encoding="utf-8")
        folders.append(folder)
    code = "import sys; from cmvisit_data.seeds.add import add; add([sys.argv[1]], sys.argv[2], {}, workers=1)"
    with seeds_lock(seeds, shared=shared):
        inode = (seeds / LOCK_NAME).stat().st_ino
        before = {p.name: p.read_bytes() for p in seeds.iterdir()}
        procs = [subprocess.Popen([sys.executable, "-c", code, str(f), str(seeds)]) for f in folders]
        deadline = time.monotonic() + WAIT_DEADLINE_S
        while not {p.pid for p in procs} <= _waiting_on(inode):
            finished = [p.args[3] for p in procs if p.poll() is not None]
            assert not finished, f"an add ran to its end while the lock was held: {finished}"
            assert time.monotonic() < deadline, "the adds were never seen waiting for the lock"
            time.sleep(0.01)  # a bounded poll for the waiting state, not a synchronisation
        assert {p.name: p.read_bytes() for p in seeds.iterdir()} == before  # nothing done yet
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    entries, problems = load_manifest(seeds)
    assert problems == [] and len(entries) == 2 + 20
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


# --- D1: a killed add; D2: a full disk ------------------------------------------------------


def _incoming(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir()
    for i in range(n):
        (folder / f"n{i:04d}.txt").write_text(f"{TEXT.strip()} Item {i}.\n" * 20, encoding="utf-8")
    return folder


def _consistent(seeds: Path) -> None:
    """Every document in seeds/ listed, every listed one present, nothing of an add left over."""
    entries, problems = load_manifest(seeds)
    assert problems == []
    assert {e.file for e in entries} == {p.name for p in seeds.glob("*.txt")}
    assert [p.name for p in seeds.iterdir() if p.name.startswith(".") and p.name != ".seeds.lock"] == []


def _kill_mid_add(tmp_path: Path, signum: int) -> tuple[Path, subprocess.CompletedProcess]:
    """Run `cmvisit add` on a few hundred documents and send signum once it has placed its
    first document in seeds/: SIGTERM to the main process only, as `kill PID` does; SIGKILL
    to all its processes at once, as the kernel's OOM killer or a power cut would end them."""
    import signal
    import time

    seeds = _seeds(tmp_path)
    incoming = _incoming(tmp_path, 400)
    command = [sys.executable, "-c", "from cmvisit_data.cli import main; main()",
               "add", str(incoming), "--seeds", str(seeds), "--workers", "2"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)  # fmt: skip
    deadline = time.monotonic() + 120
    while not any(seeds.glob("n*.txt")):  # polled: the moment to kill is when a file is placed
        assert process.poll() is None and time.monotonic() < deadline, "add never placed a document"
        time.sleep(0.002)
    if signum == signal.SIGKILL:
        os.killpg(process.pid, signum)
    else:
        os.kill(process.pid, signum)
    out, err = process.communicate(timeout=120)
    return seeds, subprocess.CompletedProcess(command, process.returncode, out, err)


def test_an_add_killed_outright_leaves_nothing_unlisted_after_the_next_start(tmp_path):
    import signal

    from cmvisit_data.intake import validate_paths

    seeds, done = _kill_mid_add(tmp_path, signal.SIGKILL)
    assert done.returncode == -signal.SIGKILL
    summary = validate_paths([str(seeds / "manifest.json")])  # the next start puts it right
    assert summary.valid, [p.one_line() for r in summary.reports for p in r.problems][:3]
    _consistent(seeds)
    assert len(list(seeds.glob("n*.txt"))) >= 1  # what was copied in is listed, not thrown away


def test_sigterm_stops_an_add_as_ctrl_c_does(tmp_path):
    import signal

    seeds, done = _kill_mid_add(tmp_path, signal.SIGTERM)
    assert done.returncode == 130, done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "leaked" not in done.stderr, done.stderr[-2000:]
    assert done.stderr.strip().splitlines()[-1].startswith("cmvisit: interrupted")
    _consistent(seeds)  # at once: no next start is needed


def test_what_an_interrupted_add_journaled_is_listed_and_its_temporary_files_removed(tmp_path):
    from cmvisit_data.seeds.manifest import JOURNAL_NAME, Entry, recover

    seeds = _seeds(tmp_path)
    placed = seeds / "placed.txt"
    placed.write_text(TEXT, encoding="utf-8")
    sha = hashlib.sha256(TEXT.encode()).hexdigest()
    lines = [Entry(name, sha, "en", None, "Example Times", None, None).to_dict()
             for name in ("placed.txt", f"{sha[:16]}.txt", "never-arrived.txt")]  # fmt: skip
    lines[2]["sha256"] = "0" * 64
    (seeds / JOURNAL_NAME).write_text("".join(json.dumps(x) + "\n" for x in lines) + '{"fi', encoding="utf-8")
    (seeds / ".add-tmp-0123456789abcdef").write_bytes(b"half")
    (seeds / ".manifest.json.tmp-0123456789abcdef").write_bytes(b"{")
    assert [e.file for e in recover(seeds)] == ["placed.txt"]
    _consistent(seeds)
    (entry,) = [e for e in load_manifest(seeds)[0] if e.file == "placed.txt"]
    assert entry.outlet == "Example Times" and entry.sha256 == sha


def _fail_after(module, name: str, n: int, monkeypatch) -> None:
    """module.name raises OSError(ENOSPC) from its (n+1)th call on: a disk that fills up."""
    import errno

    real = getattr(module, name)
    calls = []

    def writer(*args, **kwargs):
        calls.append(1)
        if len(calls) > n:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(args[0]))
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, writer)


def _snapshot(seeds: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in seeds.iterdir() if p.name != ".seeds.lock"}


def test_a_full_disk_undoes_the_add_and_says_so_in_one_line(tmp_path, monkeypatch):
    import importlib

    from click.testing import CliRunner

    from cmvisit_data.cli import main

    add_module = importlib.import_module("cmvisit_data.seeds.add")
    seeds = _seeds(tmp_path)
    incoming = _incoming(tmp_path, 30)
    before = _snapshot(seeds)
    _fail_after(add_module, "exclusive_temp", 12, monkeypatch)  # 12 documents copied, then full
    done = CliRunner().invoke(main, ["add", str(incoming), "--seeds", str(seeds), "--workers", "1"])
    assert done.exit_code == 1 and _snapshot(seeds) == before  # nothing placed stays, manifest as it was
    (line,) = done.stderr.strip().splitlines()
    assert "write-failed" in line and "the disk is full" in line and "nothing was added" in line
    assert "--out" not in line and "Traceback" not in line


def test_a_full_disk_when_the_manifest_is_written_removes_every_document_placed(tmp_path, monkeypatch):
    import importlib

    manifest_module = importlib.import_module("cmvisit_data.seeds.manifest")
    seeds = _seeds(tmp_path)
    before = _snapshot(seeds)
    _fail_after(manifest_module, "write_atomic", 0, monkeypatch)
    result, problems = add([str(_incoming(tmp_path, 20))], seeds, {}, workers=1)
    assert [p.type for p in problems] == ["write-failed"] and result.added == []
    assert "20 placed and removed again" in problems[0].message
    assert _snapshot(seeds) == before


# --- issue 24: provenance per file, one seeds folder found or refused, progress ------------


def _pages(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "new"
    folder.mkdir()
    for i in range(1, n + 1):
        (folder / f"page-{i}.txt").write_text(f"{TEXT.strip()} Page {i}.\n", encoding="utf-8")
    return folder


def test_a_provenance_table_gives_each_document_its_own_entry(tmp_path):
    seeds = _seeds(tmp_path)
    folder = _pages(tmp_path, 3)
    table = tmp_path / "sources.csv"
    table.write_text(
        "file,url,outlet,rights,obtained\n"
        "page-1.txt,https://example.org/1,Example Times,CC BY 4.0,copied\n"
        "page-2.txt,https://example.org/2,Other Daily,,\n"
        "page-3.txt,null,null,null,null\n",
        encoding="utf-8",
    )
    result, problems = add([str(folder)], seeds, table=table)
    assert problems == [] and len(result.added) == 3
    listed = {e.file: e for e in load_manifest(seeds)[0]}
    assert (listed["page-1.txt"].url, listed["page-1.txt"].outlet) == (
        "https://example.org/1",
        "Example Times",
    )
    assert (listed["page-2.txt"].url, listed["page-2.txt"].rights) == ("https://example.org/2", None)
    assert listed["page-3.txt"].provenance() == dict.fromkeys(("url", "outlet", "rights", "obtained"))


def test_a_table_with_a_problem_adds_nothing(tmp_path):
    seeds = _seeds(tmp_path)
    before = _snapshot(seeds)
    folder = _pages(tmp_path, 3)
    table = tmp_path / "sources.csv"
    table.write_text("file,url\npage-1.txt,https://example.org/1\npage-2.txt,https://example.org/2\n")
    result, problems = add([str(folder)], seeds, table=table)  # page-3 has no row
    assert result.added == [] and [p.type for p in problems] == ["provenance-invalid"]
    assert "page-3.txt" in problems[0].message and _snapshot(seeds) == before


def test_one_provenance_for_several_documents_is_refused_unless_confirmed(tmp_path):
    seeds = _seeds(tmp_path)
    before = _snapshot(seeds)
    folder = _pages(tmp_path, 5)
    options = {"outlet": "Example Times", "url": "https://example.org/page"}
    result, problems = add([str(folder)], seeds, options)
    (problem,) = problems
    assert result.added == [] and _snapshot(seeds) == before
    assert "5 documents the same provenance" in problem.message
    assert "--provenance" in problem.hint and "--same-provenance" in problem.hint
    assert add([str(folder / "page-1.txt")], seeds, options)[1] == []  # one document: the options do
    result, problems = add([str(folder)], seeds, options, same_provenance=True)
    assert problems == [] and len(result.added) == 4
    table = tmp_path / "sources.csv"
    table.write_text("file\npage-1.txt\n")
    _, problems = add([str(folder)], seeds, options, table=table)  # both: the table is meant
    assert "given with a provenance table" in problems[0].message


def test_add_never_starts_a_manifest_unasked(tmp_path):
    folder = _pages(tmp_path, 1)
    for seeds in (tmp_path / "sedes", tmp_path / "empty"):
        if seeds.name == "empty":
            seeds.mkdir()
        result, problems = add([str(folder)], seeds, {})
        assert [p.type for p in problems] == ["seeds-missing"] and "--init" in problems[0].hint
        assert not (seeds / "manifest.json").exists() and result.added == []
    assert not (tmp_path / "sedes").exists()
    result, problems = add([str(folder)], tmp_path / "started", {}, init=True)
    assert problems == [] and [e.file for e in load_manifest(tmp_path / "started")[0]] == ["page-1.txt"]


def test_add_reports_progress_by_documents(tmp_path):
    seeds = _seeds(tmp_path)
    calls: list[tuple[int, int]] = []
    add(
        [str(_pages(tmp_path, 7))],
        seeds,
        {},
        workers=1,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls and calls[-1] == (7, 7) and all(total == 7 for _, total in calls)


def test_adding_again_with_other_provenance_says_so(tmp_path):
    seeds = _seeds(tmp_path)
    page = _pages(tmp_path, 1) / "page-1.txt"
    add([str(page)], seeds, {"outlet": "Wrong Times"})
    result, _ = add([str(page)], seeds, {"outlet": "Example Times"})
    (present,) = result.present
    assert present["provenance"]["listed"]["outlet"] == "Wrong Times"
    assert present["provenance"]["given"]["outlet"] == "Example Times"


def test_init_where_the_file_system_refuses_is_one_line_with_its_place(tmp_path):
    from click.testing import CliRunner

    from cmvisit_data.cli import main

    file = tmp_path / "a-file"
    file.write_text("x", encoding="utf-8")
    document = str(SEEDS / "000_a25e3bb1cf0e3701.txt")
    for seeds in (str(file / "seeds"), str(tmp_path / ("x" * 300))):
        refused = CliRunner().invoke(main, ["add", document, "--seeds", seeds])  # never started unasked
        assert refused.exit_code == 2 and "seeds-missing" in refused.stderr and "--init" in refused.stderr
        done = CliRunner().invoke(main, ["add", document, "--seeds", seeds, "--init"])
        (line,) = [line for line in done.stderr.splitlines() if "write-failed" in line]
        assert done.exit_code == 1 and "Traceback" not in done.stderr and "internal error" not in done.stderr
        assert ("a part of the path is a file" in line) or ("too long" in line)


def test_validate_of_the_seeds_reads_no_interrupted_adds_journal_as_records(tmp_path):
    """An add killed outright leaves its journal in seeds/ until the next start; validate of the
    seeds folder must not read it as a .jsonl record file (it gave thousands of false errors)."""
    from cmvisit_data.seeds.folders import expand
    from cmvisit_data.seeds.manifest import JOURNAL_NAME, LOCK_NAME

    seeds = _seeds(tmp_path)
    (seeds / JOURNAL_NAME).write_text('{"file": "x.txt"}\n', encoding="utf-8")
    (seeds / LOCK_NAME).write_bytes(b"")
    (seeds / ".add-tmp-0123456789abcdef").write_bytes(b"half")
    files, skipped = expand([str(seeds)])
    named = {Path(f).name for f in files + skipped}
    assert not named & {JOURNAL_NAME, LOCK_NAME, ".add-tmp-0123456789abcdef"}
    assert "manifest.json" in named


def test_the_seeds_set_command_add_prints_runs_as_printed_in_a_shell(tmp_path):
    """The command that corrects an entry is quoted for the shell: a value with an apostrophe
    or a backslash reads back as given."""
    import shlex

    from click.testing import CliRunner

    from cmvisit_data.cli import main

    seeds = _seeds(tmp_path)
    page = _pages(tmp_path, 1) / "page-1.txt"
    add([str(page)], seeds, {"outlet": "Wrong Times"})
    given = 'Asha\'s "Daily" \\ Times'
    done = CliRunner().invoke(main, ["add", str(page), "--seeds", str(seeds), "--outlet", given])
    (line,) = [line for line in done.stdout.splitlines() if "cmvisit seeds set" in line]
    words = shlex.split(line.split("to change it: ", 1)[1])
    assert words[words.index("--outlet") + 1] == given
