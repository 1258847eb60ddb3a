"""Inputs that try to break the package: malformed files, pathological texts, races and kills.

Correctness only; how long each takes is measured by benchmarks/hardening.py.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cmvisit_data.cli import main
from cmvisit_data.parse import parse_text
from cmvisit_data.release import verify
from cmvisit_data.seeds.manifest import Entry, write_manifest

from .conftest import ROOT, SEEDS


def bad_inputs(folder: Path) -> dict[str, Path]:
    """One file of each kind a scraper or contributor can get wrong, named after its defect."""
    rng = random.Random(5)
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "invalid-utf8.txt": b"Title\n\nValid start " + b"\xff\xfe bad " + "ठीक".encode()[:-1],
        "empty.txt": b"",
        "binary.txt": bytes(rng.randrange(256) for _ in range(4096)),
        "huge-line.txt": b"a" * (50 * 2**20),
        "bidi-override.txt": "Title\n\nसामान्य \u202etext\u202c and \u2067isolate\u2069\n".encode(),
        "nul-bytes.txt": b"Title\n\nsome\x00text\x00here\n",
    }
    paths = {}
    for name, data in files.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths


EXPECTED = {
    "invalid-utf8.txt": "invalid-utf8",
    "empty.txt": "empty-document",
    "binary.txt": "binary-content",
    "huge-line.txt": "file-too-large",
    "bidi-override.txt": "control-characters",
    "nul-bytes.txt": "nul-bytes",
}


def test_validate_gives_each_bad_file_one_line(tmp_path):
    paths = bad_inputs(tmp_path / "bad")
    result = CliRunner().invoke(main, ["validate", *map(str, paths.values())], catch_exceptions=False)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == len(paths)
    for line, (name, path) in zip(lines, paths.items(), strict=True):
        assert line.startswith(str(path)) and f": {EXPECTED[name]}: " in line
    assert "Traceback" not in result.output


def test_build_reports_every_bad_file_at_once_and_builds_nothing(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    paths = bad_inputs(seeds)
    entries = [
        Entry(p.name, hashlib.sha256(p.read_bytes()).hexdigest(), "en", None, None, None, None)
        for p in paths.values()
    ]
    from cmvisit_data.seeds.manifest import load_manifest

    good, _ = load_manifest(seeds)
    write_manifest(seeds, good + entries)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", "--seeds", str(seeds), "--out", str(out), "--version", "0.9.0"]
    )
    assert result.exit_code == 1 and "Traceback" not in result.output
    reported = [line for line in result.stderr.splitlines() if line.startswith(str(seeds))]
    assert {Path(line.split(":")[0]).name: line.split(": ")[1] for line in reported} == EXPECTED
    assert not (out / "0.9.0").exists()

    allowed = CliRunner().invoke(
        main, ["build", "--seeds", str(seeds), "--out", str(out), "--version", "0.9.0", "--allow-rejects"]
    )
    assert allowed.exit_code == 0
    rejected = [json.loads(x) for x in (out / "0.9.0" / "rejected.jsonl").read_text().splitlines()]
    assert {r["file"]: r["problems"][0]["type"] for r in rejected} == EXPECTED
    assert verify(out / "0.9.0").valid


PATHOLOGICAL = {
    "quotation marks": "“" * 200_000,
    "straight quotes": '"' * 200_000,
    "single quotes": "'a " * 70_000,
    "dashes": "—" * 200_000,
    "handles": "(@" * 100_000,
    "attribution-like": "— A (@a) " * 20_000,
    "bullets": "• " * 100_000,
    "devanagari without danda": "राज्य सरकार ने कहा कि " * 10_000,
    "nested quotes": "He said, “‘" * 20_000,
    "dates": "August 23, 2025 " * 12_000,
    "quote, verb, quote": "“We said ” said Sai “" * 10_000,
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_lines_parse_and_every_span_holds(name):
    raw = "Title\n\n" + PATHOLOGICAL[name] + "\n"
    parts = parse_text(raw)
    # Extracted items never overlap so much that the output grows faster than the input.
    assert sum(len(q["text"]) for q in parts["quotes"]) <= 2 * len(raw)
    for key in ("highlights", "paragraphs", "quotes", "tweets", "related", "boilerplate"):
        for item in parts[key]:
            assert raw[item["start"] : item["end"]] == item["text"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["“", "”", '"', "'", "‘", "’", "—", "-", "(@", ")", "•", "कि", "कहा", " ", "\n", "।", "a"]),
                min_size=1000, max_size=3000).map("".join))  # fmt: skip
def test_long_runs_of_structural_characters(raw):
    parts = parse_text(raw)
    for item in parts["quotes"] + parts["tweets"] + parts["paragraphs"]:
        assert raw[item["start"] : item["end"]] == item["text"]


def _cmvisit(*args: str) -> list[str]:
    return [sys.executable, "-c", "from cmvisit_data.cli import main; main()", *args]


def _corpus(tmp_path: Path, n: int) -> Path:
    """n small valid documents with their manifest, written by hand."""
    seeds = tmp_path / "corpus"
    seeds.mkdir()
    entries = []
    for i in range(n):
        text = (f"Plant {i} Opens in Durg\n\nDurg: Plant number {i} opened on Monday, officials said. "
                f"“We will hire {i + 10} people this year,” Minister Asha Verma said.\n")  # fmt: skip
        path = seeds / f"doc{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        entries.append(
            Entry(path.name, hashlib.sha256(text.encode()).hexdigest(), "en", None, None, None, None)
        )
    write_manifest(seeds, entries)
    return seeds


def _holder_of_lock(lock: Path) -> bool:
    """True when another process holds the build lock (probing never keeps it)."""
    if not lock.exists():
        return False
    with open(lock, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def test_two_builds_of_one_version_at_once(tmp_path):
    seeds = _corpus(tmp_path, 600)
    out = tmp_path / "out"
    out.mkdir()
    first = subprocess.Popen(_cmvisit("build", "--seeds", str(seeds), "--out", str(out), "--version", "1.0.0",
                                      "--workers", "1", "-q"), stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.time() + 60
    while not _holder_of_lock(out / ".1.0.0.lock"):
        assert time.time() < deadline and first.poll() is None, "the first build never took its lock"
        time.sleep(0.01)
    second = subprocess.run(_cmvisit("build", "--seeds", str(seeds), "--out", str(out), "--version", "1.0.0"),
                            capture_output=True, text=True)  # fmt: skip
    assert first.wait(timeout=120) == 0
    assert second.returncode == 1 and "release-busy" in second.stderr and "Traceback" not in second.stderr
    assert verify(out / "1.0.0").valid


@pytest.mark.parametrize("delay", [0.05, 0.4, 1.0, 2.0])
def test_a_killed_build_leaves_releases_consistent(tmp_path, delay):
    seeds = _corpus(tmp_path, 800)
    out = tmp_path / "out"
    shutil.copytree(ROOT / "build" / "0.1.0", out / "0.1.0")
    before = {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in (out / "0.1.0").rglob("*") if p.is_file()
    }
    process = subprocess.Popen(_cmvisit("build", "--seeds", str(seeds), "--out", str(out), "--version", "2.0.0",
                                        "--workers", "2", "-q"), start_new_session=True)  # fmt: skip
    time.sleep(delay)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    after = {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in (out / "0.1.0").rglob("*") if p.is_file()
    }
    assert after == before
    if (out / "2.0.0").exists():  # the kill came after the rename: the release is whole
        assert verify(out / "2.0.0").valid
    again = subprocess.run(_cmvisit("build", "--seeds", str(seeds), "--out", str(out), "--version", "2.0.0", "-q"),
                           capture_output=True, text=True)  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert verify(out / "2.0.0").valid and not list(out.glob(".tmp-*"))


def _long_corpus(tmp_path: Path, n: int, copy_every: int) -> Path:
    """n documents long enough to be signed; every copy_every-th is a lightly edited copy of
    the one before it (a syndicated release)."""
    folder = tmp_path / "long"
    folder.mkdir()
    words = "budget river school tender power road clinic harvest rail water forest mine".split()
    rng = random.Random(7)
    body = ""
    for i in range(n):
        if i % copy_every == copy_every - 1:
            body = body.replace("officials said.", "officials added.")
        else:
            day = 1 + i % 28
            body = " ".join(rng.choice(words) for _ in range(150)).capitalize() + ", officials said."
        text = f"District Notes {i}\n\nRaipur, August {day}, 2025: {body}\n"
        (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_parallel_and_serial_builds_write_the_same_bytes(tmp_path):
    from cmvisit_data.release import build

    corpus = _long_corpus(tmp_path, 1300, copy_every=50)
    serial = build(corpus, tmp_path / "one", "1.0.0", workers=1, discover=True)
    both = build(corpus, tmp_path / "two", "1.0.0", workers=2, discover=True)
    assert serial.status == both.status == "built" and serial.documents == 1300
    files = sorted(p.relative_to(tmp_path / "one" / "1.0.0") for p in (tmp_path / "one" / "1.0.0").rglob("*"))
    for name in files:
        one, two = tmp_path / "one" / "1.0.0" / name, tmp_path / "two" / "1.0.0" / name
        assert one.is_dir() or one.read_bytes() == two.read_bytes(), name
    manifest = json.loads((tmp_path / "two" / "1.0.0" / "manifest.json").read_text())
    assert manifest["counts"]["duplicates"] == 1300 // 50
    assert verify(tmp_path / "two" / "1.0.0").valid
