"""The local engine: a function mapped over chunks of items in this machine's processes, the
results in order (`ChunkMap`). The workers come from a fork server that has imported the
libraries the build needs; Ctrl-C and SIGTERM stop them cleanly, and none outlives its parent.
The build and `add` both map through it.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..ordered import InOrder

# Modules the worker processes import once, in the fork server, before any work.
WORKER_PRELOAD = (
    "cmvisit_data.record",
    "cmvisit_data.validation.tables",
    "cmvisit_data.dedup",
    "pandera.pandas",
)
# Documents per unit of work sent to a worker, and units in flight per worker.
CHUNK_DOCS = 1000  # a worker holds a chunk's rows at once: 2,000 were 3% faster, 50 MB more each
IN_FLIGHT_PER_WORKER = 3


def default_chunk_size(documents: int, workers: int) -> int:
    return max(1, min(CHUNK_DOCS, -(-documents // max(1, workers * 4))))


def parallel(documents: int, workers: int, chunk_size: int = 0) -> bool:
    """Whether a map over this many documents runs in worker processes (more than one chunk)."""
    return workers > 1 and documents > (chunk_size or default_chunk_size(documents, workers))


def start_workers(workers: int) -> None:
    """Start the fork server, which imports the libraries the workers need, and return at
    once: it does so while this process goes on with its own set-up."""
    if workers > 1 and "forkserver" in multiprocessing.get_all_start_methods():
        from multiprocessing import forkserver

        multiprocessing.get_context("forkserver").set_forkserver_preload(list(WORKER_PRELOAD))
        forkserver.ensure_running()


def _init_worker() -> None:
    """A worker leaves Ctrl-C to the main process (which stops the pool and says so in one
    line), and ends when the process that started it ends: no orphan outlives a build."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker whose main process was killed outright ends on its closed pipe without a
    # traceback (Python's default would raise BrokenPipeError and print one).
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    # What the fork server imported is kept for good: the collector, run once per chunk,
    # never walks it again (nor touches, and so copies, the pages it shares with the others).
    gc.freeze()
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except OSError:  # pragma: no cover - no glibc: the pool's own shutdown still applies
            pass


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM handled as Ctrl-C is while the work runs: KeyboardInterrupt in the main thread,
    so the same clean-up runs (the workers stopped, temporary files removed, what `add` copied
    listed) and the command ends in one line. A second SIGTERM during that clean-up is
    ignored, so the clean-up itself is not cut short. Outside the main thread, nothing changes."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: Any) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class ChunkMap(InOrder):
    """function(jobs) over chunks of the items in `workers` processes, results in order: the
    one process pool of the package (the build and `add` both map through it).

    The workers start, and the first chunks are sent, when the map is made; the results are
    read by iterating it. At most IN_FLIGHT_PER_WORKER chunks per worker are in flight, so
    results never pile up in memory. Use it as a context manager: leaving stops the workers.
    """

    def __init__(
        self,
        function: Any,
        items: Sequence[Any],
        workers: int,
        make_job: Callable[[Any], Any] = lambda item: item,
        chunk_size: int = 0,
    ):
        size = chunk_size or default_chunk_size(len(items), workers)
        self.function = function
        # Jobs are made a chunk at a time, when the chunk is sent, never all at once.
        self.chunks = ([make_job(x) for x in items[i : i + size]] for i in range(0, len(items), size))
        self.pool: Any = None
        self.pending: deque[Any] = deque()
        self.limit = workers * IN_FLIGHT_PER_WORKER
        if not parallel(len(items), workers, size):
            return
        # Workers come from a fork server that has imported the libraries but holds none of
        # this process's data (the manifest, the results so far): their memory does not grow
        # with the corpus. What this process holds is frozen so the collector does not walk it.
        start_workers(workers)
        gc.collect()
        gc.freeze()
        if "forkserver" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("forkserver")
        else:  # pragma: no cover - platforms without fork
            context = multiprocessing.get_context("spawn")
        self.pool = context.Pool(workers, initializer=_init_worker)
        self._send()

    def _submit(self, chunk: list[Any]) -> Any:
        return self.pool.apply_async(self.function, (chunk,))

    def _result(self, handle: Any) -> Any:
        return handle.get()

    def __iter__(self) -> Iterator[Any]:
        if self.pool is None:
            for chunk in self.chunks:
                yield self.function(chunk)
            return
        yield from self._in_order()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
            gc.unfreeze()
