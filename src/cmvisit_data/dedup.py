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
import zlib
from collections import defaultdict
from functools import lru_cache
from typing import Any

SHINGLE = 5
MIN_SHINGLES = 8
PERMUTATIONS = 64
BANDS = 16
THRESHOLD = 0.8

_WORD_RE = re.compile(r"[^\W_]+|[\u0900-\u0963\u0970-\u097f]+")
_MASK_SEED = 0x5EED


@lru_cache(maxsize=1)
def _masks():  # type: ignore[no-untyped-def]
    import numpy as np

    rng = np.random.default_rng(_MASK_SEED)
    return rng.integers(1, 2**32 - 1, size=PERMUTATIONS, dtype=np.uint64)


def signature(record: dict[str, Any]) -> bytes | None:
    """The MinHash signature of a record's body, or None when the body is too short."""
    import numpy as np

    words = _WORD_RE.findall(" ".join(p["text"] for p in record["paragraphs"]).casefold())
    n = len(words) - SHINGLE + 1
    if n < MIN_SHINGLES:
        return None
    # Hash each word once, then combine SHINGLE consecutive word hashes into a shingle hash
    # (a polynomial rolling hash, vectorised): no string is built per shingle.
    w = np.array(list(map(zlib.crc32, map(str.encode, words))), dtype=np.uint64)
    hashes = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE):
        hashes = hashes * np.uint64(1_000_003) + w[k : k + n]
    mixed = (hashes[:, None] ^ _masks()[None, :]) * np.uint64(0x9E3779B97F4A7C15)
    mixed ^= mixed >> np.uint64(29)
    return (mixed & np.uint64(0xFFFFFFFF)).min(axis=0).astype("<u4").tobytes()


def duplicates(docs: list[tuple[str, str | None, bytes | None]]) -> dict[str, str]:
    """doc_id -> doc_id of its original, for (doc_id, published, signature) of every document."""
    import numpy as np

    signed = [(doc_id, published) for doc_id, published, sig in docs if sig]
    if len(signed) < 2:
        return {}
    matrix = np.frombuffer(b"".join(sig for _, _, sig in docs if sig), dtype="<u4").reshape(
        len(signed), PERMUTATIONS
    )
    rows = PERMUTATIONS // BANDS
    parent = list(range(len(signed)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def similar(a: int, b: int) -> bool:
        return float(np.mean(matrix[a] == matrix[b])) >= THRESHOLD

    for band in range(BANDS):
        keys = matrix[:, band * rows : (band + 1) * rows]
        # Sorting the band's keys puts equal keys next to each other: no table of buckets.
        order = np.lexsort(keys.T[::-1])
        same = np.all(keys[order[1:]] == keys[order[:-1]], axis=1)
        k = 0
        while k < len(same):
            if not same[k]:
                k += 1
                continue
            start = k  # a run of equal keys: order[start .. end]
            while k < len(same) and same[k]:
                k += 1
            members = order[start : k + 1]
            # Each member is compared with the run's first and with its predecessor: linear in
            # the run's length, never all pairs.
            for m in range(1, len(members)):
                other = int(members[m])
                for first in {int(members[0]), int(members[m - 1])}:
                    if find(first) != find(other) and similar(first, other):
                        parent[find(other)] = find(first)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(signed)):
        groups[find(i)].append(i)
    result: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        ranked = sorted(members, key=lambda i: (signed[i][1] is None, signed[i][1] or "", signed[i][0]))
        original = signed[ranked[0]][0]
        for i in ranked[1:]:
            result[signed[i][0]] = original
    return result
