"""Near-duplicate documents: the same release syndicated by several outlets, lightly edited.

How it is decided (the dataset card repeats this):

1. A document's body (its paragraphs and headings, boilerplate left out) is cut into word
   5-grams after case folding; documents with fewer than `MIN_SHINGLES` of them are never
   marked.
2. Each document gets a MinHash signature of `PERMUTATIONS` values; the share of equal
   values estimates the Jaccard similarity of two documents' 5-gram sets.
3. Locality-sensitive hashing (`BANDS` bands of the signature) proposes candidate pairs
   without comparing all pairs, so the work grows near-linearly with the corpus.
4. Candidates whose estimated similarity is at least `THRESHOLD` are joined into groups.
   In each group the original is the earliest-published document (undated ones after dated
   ones, ties broken by the smallest doc_id); every other member gets `duplicate_of` = the
   original's doc_id. Nothing is dropped.

The signature is computed per document (a pure function, run in the build's workers); the
grouping runs once over all signatures.
"""

from __future__ import annotations

import re
import sys
import zlib
from functools import lru_cache
from typing import Any

from . import rules

SHINGLE = 5
MIN_SHINGLES = 8
PERMUTATIONS = 64
BANDS = 16
THRESHOLD = 0.8

# Possessive (++): nothing follows either run, so giving back letters could never help; the same
# words, found without the backtracking records a plain + keeps (a fifth of the scan).
_WORD_RE = re.compile(rf"[^\W_]++|[{rules.DEVANAGARI_LETTERS}]++")
_MASK_SEED = 0x5EED


@lru_cache(maxsize=1)
def _masks():  # type: ignore[no-untyped-def]
    import numpy as np

    rng = np.random.default_rng(_MASK_SEED)
    return rng.integers(1, 2**32 - 1, size=PERMUTATIONS, dtype=np.uint64)


class _WordHashes(dict):  # type: ignore[type-arg]
    """word -> zlib.crc32 of its UTF-8 bytes, remembered (a corpus repeats its words; a
    lookup is a third of the hashing's cost), and forgotten all at once when it grows big."""

    LIMIT = 1 << 16

    def __missing__(self, word: str) -> int:
        if len(self) >= self.LIMIT:
            self.clear()
        value = self[word] = zlib.crc32(word.encode())
        return value


_WORD_HASHES = _WordHashes()


def signature(record: dict[str, Any]) -> bytes | None:
    """The MinHash signature of a record's body, or None when the body is too short."""
    import numpy as np

    words = _WORD_RE.findall(" ".join(p["text"] for p in record["paragraphs"]).casefold())
    n = len(words) - SHINGLE + 1
    if n < MIN_SHINGLES:
        return None
    # Hash each word once, then combine SHINGLE consecutive word hashes into a shingle hash
    # (a polynomial rolling hash, vectorised): no string is built per shingle.
    w = np.fromiter(map(_WORD_HASHES.__getitem__, words), dtype=np.uint64, count=len(words))
    hashes = w[:n].copy()
    for k in range(1, SHINGLE):
        hashes *= np.uint64(1_000_003)
        hashes += w[k : k + n]
    # In place, each step on one (shingles x permutations) array; keeping the low 32 bits is
    # the cast to uint32, and the minimum is taken over those.
    mixed = np.bitwise_xor(hashes[:, None], _masks()[None, :])
    mixed *= np.uint64(0x9E3779B97F4A7C15)
    mixed ^= mixed >> np.uint64(29)
    return mixed.astype(np.uint32).min(axis=0).astype("<u4").tobytes()


class Signatures:
    """Every document's signature, gathered as the build streams past, in compact arrays: a
    signature is its PERMUTATIONS four-byte values in one growing buffer, and its publication
    date a day number, so that 100,000 documents cost about 30 MB rather than a tuple each."""

    def __init__(self) -> None:
        from array import array

        self.ids: list[str] = []  # of the signed documents, in the order they were added
        self.days = array("l")  # date.toordinal() of each one's publication date, 0 when undated
        self.values = bytearray()

    def add(self, doc_id: str, published: str | None, sig: bytes | None) -> None:
        """Remember one document; one too short to sign can never be a near-duplicate."""
        if not sig:
            return
        from datetime import date

        self.ids.append(doc_id)
        self.days.append(date.fromisoformat(published).toordinal() if published else 0)
        self.values += sig

    def __len__(self) -> int:
        return len(self.ids)

    def duplicates(self) -> dict[str, str]:
        """doc_id -> doc_id of its original, for every near-duplicate."""
        import numpy as np

        if len(self.ids) < 2:
            return {}
        matrix = np.frombuffer(self.values, dtype="<u4").reshape(len(self.ids), PERMUTATIONS)
        return {self.ids[i]: self.ids[j] for i, j in _groups(matrix, self._rank).items()}

    def _rank(self, i: int) -> tuple[int, str]:
        # Dated before undated, earliest first, then the smallest doc_id.
        return (self.days[i] or sys.maxsize, self.ids[i])


def duplicates(docs: list[tuple[str, str | None, bytes | None]]) -> dict[str, str]:
    """doc_id -> doc_id of its original, for (doc_id, published, signature) of every document."""
    found = Signatures()
    for doc_id, published, sig in docs:
        found.add(doc_id, published, sig)
    return found.duplicates()


def _groups(matrix: Any, rank: Any) -> dict[int, int]:
    """Row -> row of its group's original, for the rows of a signature matrix that are
    near-duplicates of another; `rank(row)` orders a group's members, the original first."""
    import numpy as np

    n = len(matrix)
    rows = PERMUTATIONS // BANDS
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for band in range(BANDS):
        keys = matrix[:, band * rows : (band + 1) * rows]
        # Sorting the band's keys puts equal keys next to each other: no table of buckets.
        order = np.lexsort(keys.T[::-1])
        same = np.all(keys[order[1:]] == keys[order[:-1]], axis=1)
        at = np.flatnonzero(same) + 1  # sorted positions equal to their predecessor
        if not len(at):
            continue
        # The first position of each run of equal keys, for every position.
        starts = np.where(np.concatenate(([True], ~same)), np.arange(n), 0)
        run_first = np.maximum.accumulate(starts)
        # Each member of a run is compared with the run's first and with its predecessor:
        # linear in the run's length, never all pairs; all comparisons of a band at once.
        left = np.concatenate((order[run_first[at]], order[at - 1]))
        right = np.concatenate((order[at], order[at]))
        keep = left != right
        left, right = left[keep], right[keep]
        for lo in range(0, len(left), 1 << 16):
            a, b = left[lo : lo + (1 << 16)], right[lo : lo + (1 << 16)]
            close = (matrix[a] == matrix[b]).mean(axis=1) >= THRESHOLD
            for x, y in zip(a[close].tolist(), b[close].tolist(), strict=True):
                rx, ry = find(x), find(y)
                if rx != ry:
                    parent[ry] = rx
    groups: dict[int, list[int]] = {}  # root -> its group, for groups of two or more only
    for i in range(n):
        root = find(i)
        if root != i:
            groups.setdefault(root, [root]).append(i)
    result: dict[int, int] = {}
    for members in groups.values():
        ranked = sorted(members, key=rank)
        for i in ranked[1:]:
            result[i] = ranked[0]
    return result
