"""Memoised pure functions of short strings, for the parser's hottest small steps.

A corpus repeats the same short strings across documents and within one: a minister's name
and title, "said Chief Minister Vishnu Deo Sai", a date line. The functions wrapped here are
pure (their result depends on their arguments alone, and is immutable: a tuple, a string, a
frozen value or None), so remembering the last results changes no output, only the time.
Each cache is bounded, so a worker's memory does not grow with the corpus.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

SIZE = 8192  # results kept per function

F = TypeVar("F", bound=Callable[..., object])


MEMOISED: list[Any] = []  # every function wrapped here, for tests and clear()


def pure(fn: F) -> F:
    """fn, remembering its last SIZE results (its arguments must be hashable)."""
    wrapped = lru_cache(maxsize=SIZE)(fn)
    MEMOISED.append(wrapped)
    return wrapped  # type: ignore[return-value]


def clear() -> None:
    """Forget every remembered result."""
    for fn in MEMOISED:
        fn.cache_clear()
