"""A compact set of the article ids a long run has seen: duplicates in the input
(:func:`pipeline.io.iter_articles`) and across the ray engine's shards.

An id is kept as its 8-byte BLAKE2b digest: in a sorted ``array('Q')`` (binary search), plus a
small Python set of the latest ones that is merged into the array when it reaches an
eighth of its size. About 8-20 bytes per id (16 MB for a million ids) instead of the id
strings themselves. Two different ids share a digest with probability ~n^2/2^65 (one in
300,000 runs of ten million articles): the second would be reported as a duplicate.
"""

from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_left

import numpy as np

MERGE_AT = 4096  # smallest number of recent digests merged into the array at once


def digest(article_id: str) -> int:
    """The 8-byte BLAKE2b digest of an id, as an unsigned integer."""
    return int.from_bytes(hashlib.blake2b(article_id.encode("utf-8"), digest_size=8).digest(), "little")


class SeenIds:
    """``add(id)`` is False when ``id`` was added before: the first occurrence wins."""

    def __init__(self) -> None:
        self._sorted = array("Q")
        self._recent: set[int] = set()

    def __len__(self) -> int:
        return len(self._sorted) + len(self._recent)

    def __contains__(self, article_id: str) -> bool:
        return self._has(digest(article_id))

    def _has(self, key: int) -> bool:
        if key in self._recent:
            return True
        i = bisect_left(self._sorted, key)
        return i < len(self._sorted) and self._sorted[i] == key

    def add(self, article_id: str) -> bool:
        """Remember ``article_id``; False when it was already there (a duplicate)."""
        key = digest(article_id)
        if self._has(key):
            return False
        self._recent.add(key)
        if len(self._recent) >= max(MERGE_AT, len(self._sorted) // 8):
            recent = np.fromiter(self._recent, dtype=np.uint64, count=len(self._recent))
            merged = np.sort(np.concatenate([np.frombuffer(self._sorted, dtype=np.uint64), recent]))
            self._sorted = array("Q", merged.tobytes())
            self._recent.clear()
        return True

    @property
    def nbytes(self) -> int:
        """Approximate memory held (array, set table and its integers)."""
        return self._sorted.itemsize * len(self._sorted) + len(self._recent) * 70
