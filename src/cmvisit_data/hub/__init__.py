"""The Hugging Face side of a release: the Hub folder, the dataset card, Croissant.

`features.HubWriter` writes a release's tables into `hf/`, a Hub-ready dataset repository,
as the release is written: `data/<table>/train-00000-of-00001.parquet` per table, `README.md`
(the card: YAML with one config per table, typed `dataset_info` features and real split
sizes, then the prose of `dataset_card.md` with its generated data dictionary and counts;
`card`) and `croissant.json` (`croissant`). Nothing in the card is typed by hand: features,
counts and sizes come from the schema and the build. `release.publish` uploads `hf/` in one
commit and tags it `v<version>`; the token is never printed or logged.
"""

from __future__ import annotations

from .card import license_text, render_card, size_category, write_hf_metadata
from .croissant import croissant
from .features import HF_DIR, HubWriter, hf_features, hf_files

__all__ = [
    "HF_DIR",
    "HubWriter",
    "croissant",
    "hf_features",
    "hf_files",
    "license_text",
    "render_card",
    "size_category",
    "write_hf_metadata",
]
