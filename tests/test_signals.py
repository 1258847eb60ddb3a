"""Ctrl-C with worker processes, in real processes: one line, exit 130, nothing half-done,
no process left behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cmvisit_data.seeds.manifest import load_manifest

from .conftest import SEEDS

pytestmark = pytest.mark.slow

PARAGRAPH = (
    "Raipur: The minister opened the library on Monday, and said, “Reading rooms should be open to "
    "everyone, in every district.” Officials said more would follow.\n\n"
)


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"d{i:05d}.txt").write_text(
            f"Minister opens library number {i}\n\n" + PARAGRAPH * 15, encoding="utf-8"
        )
    return folder


def _interrupt(args: list[str], cwd: Path, after: float) -> subprocess.CompletedProcess:
    """Run `cmvisit args` in its own process group, press Ctrl-C (SIGINT to the group) after
    `after` seconds, and wait until no process of the group is left."""
    command = [sys.executable, "-c", "from cmvisit_data.cli import main; main()", *args]
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as a terminal would
    )  # fmt: skip
    time.sleep(after)
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=60)
    _group_ends(process, time.monotonic() + 15, "worker processes outlived the interrupted command")
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def _group_ends(process: subprocess.Popen, deadline: float, failure: str) -> None:
    """Wait until no process of process's group is left, failing the test at the deadline."""
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    pytest.fail(failure)


def _build_args(corpus: Path, tmp_path: Path) -> list[str]:
    return [
        "build",
        "--discover",
        "--seeds",
        str(corpus),
        "--out",
        str(tmp_path / "out"),
        "--version",
        "0.0.1",
    ]


def test_an_interrupted_build_leaves_nothing_and_says_so_in_one_line(tmp_path):
    corpus = _corpus(tmp_path / "corpus", 6000)
    done = _interrupt([*_build_args(corpus, tmp_path), "--workers", "2"], tmp_path, after=2.0)
    assert done.returncode == 130, done.stderr[-2000:]
    assert done.stderr.strip().splitlines() == [
        "cmvisit: interrupted; nothing half-done was kept (a build publishes all or nothing; "
        "every document an add placed is listed)."
    ]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".0.0.1.lock"]


def test_an_interrupted_add_lists_every_file_it_copied(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    incoming = _corpus(tmp_path / "incoming", 4000)
    done = _interrupt(["add", str(incoming), "--seeds", str(seeds), "--workers", "2"], tmp_path, after=2.5)
    assert done.returncode == 130 and "Traceback" not in done.stderr, done.stderr[-2000:]
    entries, problems = load_manifest(seeds)
    assert problems == [] and {e.file for e in entries} == {p.name for p in seeds.glob("*.txt")}


def test_an_interrupted_dask_build_stops_its_cluster_and_leaves_nothing(tmp_path):
    pytest.importorskip("dask.distributed")
    corpus = _corpus(tmp_path / "corpus", 6000)
    done = _interrupt(
        [*_build_args(corpus, tmp_path), "--workers", "2", "--engine", "dask"], tmp_path, after=6.0
    )
    assert done.returncode == 130 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".0.0.1.lock"]


def test_sigterm_stops_a_build_as_ctrl_c_does(tmp_path):
    """`kill PID` (SIGTERM to the main process only) mid-build: one line, no worker traceback,
    no leaked-semaphore warning, no temporary folder, no process left."""
    corpus = _corpus(tmp_path / "corpus", 3000)
    out = tmp_path / "out"
    command = [sys.executable, "-c", "from cmvisit_data.cli import main; main()",
               *_build_args(corpus, tmp_path), "--workers", "2"]  # fmt: skip
    process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)  # fmt: skip
    deadline = time.monotonic() + 120
    while not list(out.glob(".tmp-*")):  # polled: the build is under way once its folder exists
        assert process.poll() is None and time.monotonic() < deadline, "the build never started"
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    _group_ends(process, deadline, "worker processes outlived the stopped build")
    assert process.returncode == 130, err[-2000:]
    assert err.strip().splitlines() == [
        "cmvisit: interrupted; nothing half-done was kept (a build publishes all or nothing; "
        "every document an add placed is listed)."
    ]
    assert sorted(p.name for p in out.iterdir()) == [".0.0.1.lock"]
