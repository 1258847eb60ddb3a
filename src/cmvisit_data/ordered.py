"""Mapping over chunks in order: a bounded number in flight, results in the order sent."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any


class InOrder:
    """Chunks sent with at most `limit` in flight, their results yielded in chunk order
    whatever order they finish in: what the local pool and the Dask engine share. A
    subclass sets chunks, pending and limit, and says how to submit a chunk and wait for it."""

    chunks: Iterator[list[Any]]
    pending: deque[Any]
    limit: int

    def _submit(self, chunk: list[Any]) -> Any:
        raise NotImplementedError

    def _result(self, handle: Any) -> Any:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def _send(self) -> None:
        while len(self.pending) < self.limit:
            chunk = next(self.chunks, None)
            if chunk is None:
                return
            self.pending.append(self._submit(chunk))

    def _in_order(self) -> Iterator[Any]:
        while self.pending:
            result = self._result(self.pending.popleft())
            self._send()
            yield result

    def __enter__(self) -> InOrder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
