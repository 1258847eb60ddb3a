"""The Dask engine writes the same bytes as the local one, whatever the workers do."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest

from cmvisit_data.release import build

from .conftest import SEEDS

distributed = pytest.importorskip("dask.distributed")
pytestmark = pytest.mark.slow

PARAGRAPH = (
    "Raipur: The minister opened library {i} on Monday, and said, “Reading rooms should be open to "
    "everyone, in every district.” Officials said more would follow in {place}.\n\n"
)
PLACES = ["Bastar", "Durg", "Korba", "Bilaspur", "Raigarh"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds and 3,000 generated documents, read without a manifest (--discover)."""
    folder = tmp_path_factory.mktemp("corpus")
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    rng = random.Random(7)
    for i in range(3000):
        body = "".join(PARAGRAPH.format(i=i, place=rng.choice(PLACES)) for _ in range(rng.randint(1, 6)))
        (folder / f"g{i:05d}.txt").write_text(
            f"Minister opens library number {i}\n\n{body}", encoding="utf-8"
        )
    return folder


@pytest.fixture(scope="module")
def local_release(corpus, tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("local")
    assert build(corpus, out, "0.0.1", workers=2, discover=True).status == "built"
    return _files(out / "0.0.1")


def _files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}  # fmt: skip


def test_the_dask_engine_writes_the_local_engines_bytes(corpus, local_release, tmp_path):
    result = build(corpus, tmp_path, "0.0.1", workers=2, discover=True, engine="dask")
    assert result.status == "built", [p.one_line() for p in result.problems]
    assert _files(tmp_path / "0.0.1") == local_release


def test_two_worker_processes_share_the_chunks(corpus):
    from cmvisit_data.batch import generate_batches
    from cmvisit_data.builder import sources

    entries, _ = sources(corpus, discover=True)
    with generate_batches(corpus, entries, workers=2, engine="dask") as batches:
        workers = {batch.worker for batch in batches}
    assert len(workers) >= 2 and os.getpid() not in workers


def test_a_worker_killed_mid_build_changes_nothing(corpus, local_release, tmp_path):
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        client = distributed.Client(cluster)
        pids = list(client.run(os.getpid).values())

        def kill_one() -> None:
            time.sleep(1.0)
            os.kill(pids[0], signal.SIGKILL)  # the nanny starts another; its tasks rerun

        killer = threading.Thread(target=kill_one)
        killer.start()
        result = build(corpus, tmp_path, "0.0.1", workers=2, discover=True, engine="dask",
                       scheduler=cluster.scheduler_address)  # fmt: skip
        killer.join()
        client.close()
    assert result.status == "built", [p.one_line() for p in result.problems]
    assert _files(tmp_path / "0.0.1") == local_release


def test_tasks_delayed_at_random_change_nothing(corpus, local_release, tmp_path):
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        client = distributed.Client(cluster)
        client.register_plugin(_RandomDelay())
        result = build(corpus, tmp_path, "0.0.1", workers=2, discover=True, engine="dask",
                       scheduler=cluster.scheduler_address)  # fmt: skip
        client.close()
    assert result.status == "built"
    assert _files(tmp_path / "0.0.1") == local_release


class _RandomDelay(distributed.WorkerPlugin):
    """Holds each task back a random while, so that tasks finish out of order."""

    def transition(self, key, start, finish, **kwargs):  # type: ignore[no-untyped-def]
        if finish == "executing":
            time.sleep(random.random() * 0.3)


def test_without_dask_the_error_says_how_to_install_it(monkeypatch, tmp_path):
    import builtins

    real_import = builtins.__import__

    def no_dask(name, globals=None, locals=None, fromlist=(), level=0):  # type: ignore[no-untyped-def]
        if level == 0 and (name == "dask" or name.startswith("dask.")):
            raise ImportError(name)
        return real_import(name, globals, locals, fromlist, level)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    from cmvisit_data.errors import CmvisitError

    with pytest.raises(CmvisitError) as caught:
        build(SEEDS, tmp_path, "0.0.1", workers=2, engine="dask")
    assert "pip install 'cmvisit-data[dask]'" in caught.value.problems[0].hint
