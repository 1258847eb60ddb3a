"""Memoised pure functions of short strings, for the parser's hottest small steps.

A corpus repeats the same short strings across documents and within one: a minister's name
and title, "said Chief Minister Vishnu Deo Sai", a date line. The functions wrapped here are
pure (their result depends on their arguments alone, and is immutable: a tuple, a string, a
frozen value or None), so remembering the last results changes no output, only the time.
Each cache is bounded, in entries and in the length of what it keeps, so a worker's memory
does not grow with the corpus or with a document's longest line.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

SIZE = 4096  # results kept per function
LONGEST = 300  # characters: a longer argument (a paragraph, a minified page) is not kept

F = TypeVar("F", bound=Callable[..., object])


MEMOISED: list[Any] = []  # every cache made here (functools' lru wrappers), for tests and clear()


def pure(fn: F) -> F:
    """fn of one string, remembering its last SIZE results for strings of up to LONGEST
    characters: so a cache holds at most SIZE x LONGEST characters of keys, whatever the
    corpus (long lines seldom repeat, and would make the cache hold whole pages)."""
    return _remembered(fn, len)


def pure_words(fn: F) -> F:
    """pure, for a function of a tuple of words (up to LONGEST characters in all)."""
    return _remembered(fn, lambda words: sum(map(len, words)) if len(words) <= 32 else LONGEST + 1)


def _remembered(fn: F, size: Callable[[Any], int]) -> F:
    """fn remembered for the arguments whose `size` is at most LONGEST (for a string, its
    length: the builtin itself, so that the test costs no Python call)."""
    cached = lru_cache(maxsize=SIZE)(fn)
    MEMOISED.append(cached)

    @wraps(fn)
    def call(arg: Any) -> Any:
        return cached(arg) if size(arg) <= LONGEST else fn(arg)

    return call  # type: ignore[return-value]


def clear() -> None:
    """Forget every remembered result."""
    for fn in MEMOISED:
        fn.cache_clear()
