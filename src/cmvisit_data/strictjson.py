"""JSON read strictly: an object that names a key twice is an error, never "the last one wins"."""

from __future__ import annotations

from typing import Any


class DuplicateKey(ValueError):
    """A key that appears twice in one JSON object; args[0] is the key."""

    def __str__(self) -> str:
        return f"the key {self.args[0]!r} appears twice in one object"


def no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads(..., object_pairs_hook=no_duplicate_keys)."""
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKey(key)
        seen[key] = value
    return seen
