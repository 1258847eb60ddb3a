"""What the dataset is, said once: its names, description, licences, languages, homepage,
Hub repository and citation. The release manifest, the card and Croissant read it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DatasetInfo:
    name: str
    pretty_name: str
    description: str
    license: str  # the Hub's licence id for the whole: "other" (the parts differ)
    license_name: str  # the Hub card's name for that licence; its terms are hf/LICENSE.md
    texts_license: str  # the terms of the texts, as Croissant and LICENSE.md state them
    annotations_license: str  # the licence of what this project adds: offsets, labels, structure
    annotations_license_name: str
    annotations_license_url: str
    languages: tuple[str, ...]
    homepage: str
    hub_repo: str  # the Hub dataset repository a release is built for, unless build --repo-id says
    citation: str


INFO = DatasetInfo(
    name="cmvisit-data",
    pretty_name="CM Visit Press Releases (English-Hindi)",
    description=(
        "Government press releases and press coverage in English and Hindi, parsed into typed "
        "metadata, highlights, quotes and embedded posts, each traceable to the exact characters "
        "of the raw text it came from. The first corpus covers Chhattisgarh Chief Minister Vishnu "
        "Deo Sai's investment visit to Japan and South Korea in August 2025."
    ),
    license="other",
    license_name="cc-by-4.0-annotations-third-party-texts",
    texts_license=(
        "The texts are third-party news and government material: copyright stays with their publishers."
    ),
    annotations_license="cc-by-4.0",
    annotations_license_name="Creative Commons Attribution 4.0 International licence (CC BY 4.0)",
    annotations_license_url="https://creativecommons.org/licenses/by/4.0/",
    languages=("en", "hi"),
    homepage="https://github.com/cmvisit-data/cmvisit-data",
    hub_repo="cmvisit-data/cmvisit-data",
    citation=(
        "@misc{cmvisit_data,\n"
        "  title  = {cmvisit-data: a dataset of English and Hindi government press releases and coverage},\n"
        "  author = {{cmvisit-data developers}},\n"
        "  year   = {2026},\n"
        "  howpublished = {\\url{https://github.com/cmvisit-data/cmvisit-data}}\n"
        "}"
    ),
)
