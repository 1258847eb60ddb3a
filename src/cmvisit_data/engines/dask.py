"""The Dask engine: the build's per-chunk step mapped on a `dask.distributed` cluster.

`cmvisit build --engine dask` sends the same chunks the local pool would (`builder.Job`
lists: paths and manifest entries, never document bytes) to a cluster: a `LocalCluster` of
`--workers` processes, or the scheduler at `--scheduler ADDRESS`. Results are read back in
chunk order whatever order tasks finish in, with a bounded number in flight, so the driver
writes the same row groups and the release has the same bytes as the local engine's. A
worker that dies has its tasks rerun elsewhere by Dask; a cluster this engine started is
closed when the build ends, is interrupted or fails.

Dask lives in an extra: `pip install 'cmvisit-data[dask]'`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..errors import CmvisitError, Problem
from ..ordered import InOrder

# Chunks in flight per worker: enough to keep every worker busy, few enough that results
# never pile up on the driver.
IN_FLIGHT_PER_WORKER = 3


def _distributed() -> Any:
    try:
        import dask.distributed as distributed
    except ImportError:
        raise CmvisitError(
            [Problem("engine-missing", "the Dask engine needs dask.distributed, which is not installed")]
        ) from None
    return distributed


def _ignore_interrupt(distributed: Any) -> Any:
    class IgnoreInterrupt(distributed.WorkerPlugin):
        def setup(self, worker: Any) -> None:
            import signal
            import threading

            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGINT, signal.SIG_IGN)

    return IgnoreInterrupt


class DaskChunkMap(InOrder):
    """function(jobs) over chunks of the items on a Dask cluster, results in chunk order; the
    same interface as the local engine's `ChunkMap`."""

    def __init__(
        self,
        function: Any,
        items: Sequence[Any],
        workers: int,
        make_job: Callable[[Any], Any],
        chunk_size: int,
        scheduler: str | None = None,
    ):
        distributed = _distributed()
        self.function = function
        self.chunks = (
            [make_job(x) for x in items[i : i + chunk_size]] for i in range(0, len(items), chunk_size)
        )
        self.cluster = None
        if scheduler is None:
            self.cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            self.client = distributed.Client(self.cluster)
            # Ctrl-C reaches every process of the terminal's group: the workers this build
            # started leave it to the build, which closes them (no worker prints a traceback).
            self.client.register_plugin(_ignore_interrupt(distributed)(), name="cmvisit-ignore-sigint")
        else:
            self.client = distributed.Client(scheduler)
        size = len(self.client.scheduler_info().get("workers", {})) or workers
        self.limit = max(1, size) * IN_FLIGHT_PER_WORKER
        self.pending: deque[Any] = deque()
        self._send()

    def _submit(self, chunk: list[Any]) -> Any:
        # pure=False: two chunks are never merged as "the same task", and a rerun after a
        # worker dies recomputes the chunk from its jobs.
        return self.client.submit(self.function, chunk, pure=False)

    def _result(self, handle: Any) -> Any:
        return handle.result()

    def __iter__(self) -> Iterator[Any]:
        yield from self._in_order()

    def close(self) -> None:
        for future in self.pending:
            future.cancel()
        self.pending.clear()
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
