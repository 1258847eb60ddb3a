"""The Hugging Face side of a release: the Hub folder, the dataset card, Croissant.

`hf/` is a Hub-ready dataset repository: `data/<table>/train-00000-of-00001.parquet` per table
(since layout 2 the release's tables themselves, which the build writes; `features`), `README.md`
(the card: YAML with one config per table, typed `dataset_info` features and real split
sizes, then the prose of `dataset_card.md` with its generated data dictionary and counts;
`card`) and `croissant.json` (`croissant`). Nothing in the card is typed by hand: features,
counts and sizes come from the schema and the build. `release.publish` uploads `hf/` in one
commit and tags it `v<version>`; the token is never printed or logged.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .card import license_text, render_card, size_category, write_hf_metadata
from .croissant import croissant
from .features import HF_DIR, HubSizes, hf_features, hf_files

__all__ = [
    "HF_DIR",
    "HubSizes",
    "croissant",
    "hf_features",
    "hf_files",
    "license_text",
    "render_card",
    "same_but_file_sizes",
    "size_category",
    "write_hf_metadata",
]

# What the card and croissant.json record of the data files' bytes (their sizes, sha256s),
# which another Parquet writer changes while the rows stay the same.
_CARD_FILE_SIZE = re.compile(r"^(\s*download_size: )\d+$", re.M)
_CROISSANT_FILE_FIELDS = ("contentSize", "sha256")


def same_but_file_sizes(name: str, ours: Path, theirs: Path) -> bool:
    """Whether two copies of hf/README.md or hf/croissant.json differ only in what they record
    of the data files' bytes (sizes, sha256s): the same release written by another pyarrow."""
    a, b = ours.read_text(encoding="utf-8"), theirs.read_text(encoding="utf-8")
    if name == "hf/README.md":
        return _CARD_FILE_SIZE.sub(r"\1N", a) == _CARD_FILE_SIZE.sub(r"\1N", b)
    if name == "hf/croissant.json":
        try:
            x, y = json.loads(a), json.loads(b)
        except ValueError:
            return False
        for value in (x, y):
            for item in value.get("distribution", []) if isinstance(value, dict) else []:
                for key in _CROISSANT_FILE_FIELDS:
                    item.pop(key, None) if isinstance(item, dict) else None
        return x == y
    return False
