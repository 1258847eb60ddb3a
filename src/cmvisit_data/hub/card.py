"""The dataset card: YAML metadata and prose, every figure in it from the schema and the build."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..curation.metrics import CURATED_FIELDS, flat
from ..info import INFO
from ..tables import TABLE_DESCRIPTIONS, TABLE_KEYS, TABLE_NAMES, enum_values, table_schema
from .croissant import croissant
from .features import CARD_SOURCE, HF_DIR, MIN_DATASETS, TASK_CATEGORIES, data_file, hf_features


def size_category(n: int) -> str:
    for limit, label in (
        (1_000, "n<1K"),
        (10_000, "1K<n<10K"),
        (100_000, "10K<n<100K"),
        (1_000_000, "100K<n<1M"),
    ):
        if n < limit:
            return label
    return "1M<n<10M"


def card_metadata(manifest: dict[str, Any], sizes: dict[str, dict[str, int]]) -> Any:
    """The card's YAML as huggingface_hub.DatasetCardData, generated from the build."""
    from huggingface_hub import DatasetCardData

    configs = [
        {
            "config_name": name,
            "data_files": [{"split": "train", "path": data_file(name)}],
            **({"default": True} if name == "documents" else {}),
        }
        for name in TABLE_NAMES
    ]
    info = [
        {
            "config_name": name,
            "features": hf_features(name)._to_yaml_list(),
            "splits": [
                {
                    "name": "train",
                    "num_bytes": sizes[name]["num_bytes"],
                    "num_examples": sizes[name]["num_examples"],
                }
            ],
            "download_size": sizes[name]["download_size"],
            "dataset_size": sizes[name]["num_bytes"],
        }
        for name in TABLE_NAMES
    ]
    return DatasetCardData(
        pretty_name=INFO.pretty_name,
        license=INFO.license,
        license_name=INFO.license_name,
        license_link="LICENSE.md",
        language=list(INFO.languages),
        multilinguality="multilingual",
        task_categories=TASK_CATEGORIES,
        size_categories=[size_category(manifest["counts"]["documents"])],
        source_datasets=["original"],
        language_creators=["found"],
        # the parser's values; and where a curator checked fields of some documents, theirs too
        annotations_creators=["machine-generated"]
        + (["expert-generated"] if (manifest.get("curated") or {}).get("documents") else []),
        tags=["press-releases", "government-communication", "hindi", "news", "quotes"],
        configs=configs,
        dataset_info=info,
    )


def _data_dictionary() -> str:
    out: list[str] = []
    for name in TABLE_NAMES:
        features = hf_features(name)
        out += [
            f"#### `{name}`",
            "",
            TABLE_DESCRIPTIONS[name],
            "",
            "Key: " + ", ".join(f"`{column}`" for column in TABLE_KEYS[name]) + " (one row per value).",
            "",
            "| column | type | description |",
            "|---|---|---|",
        ]
        for field in table_schema(name):
            description = (field.metadata or {}).get(b"description", b"").decode().replace("|", "\\|")
            kind = _type_name(features[field.name], enum_values(name, field.name))
            out.append(f"| `{field.name}` | {kind} | {description} |")
        out.append("")
    return "\n".join(out)


def _type_name(feature: Any, allowed: list[str] | None = None) -> str:
    from datasets import List, Value

    if allowed:
        return "string, one of " + ", ".join(f"`{n}`" for n in allowed)
    if isinstance(feature, List):
        return f"list of {_type_name(feature.feature)}"
    if isinstance(feature, dict):
        return "struct {" + ", ".join(f"{k}: {_type_name(v)}" for k, v in feature.items()) + "}"
    if isinstance(feature, Value):
        return feature.dtype
    return type(feature).__name__


def _counts(manifest: dict[str, Any], rows: dict[str, int]) -> str:
    counts = manifest["counts"]
    published = counts["published"]
    lines = [
        f"- documents: {counts['documents']}",
        "- by language: " + ", ".join(f"`{k}` {v}" for k, v in counts["languages"].items()),
        "- by outlet: " + ", ".join(f"{markdown_text(k)} {v}" for k, v in counts["outlets"].items()),
        f"- publication dates: {published['first'] or 'none printed'} to "
        f"{published['last'] or 'none printed'} ({published['undated']} documents print no date)",
        f"- near-duplicates marked: {counts['duplicates']}",
        f"- inputs rejected: {len(manifest['rejected'])}",
        "- rows per table: " + ", ".join(f"`{k}` {v}" for k, v in rows.items()),
    ]
    return "\n".join(lines)


def _dedup_method() -> str:
    """The dedup module's own account of the method, its parameters named by their values."""
    from .. import dedup

    text = dedup.__doc__.split("How it is decided (the dataset card repeats this):", 1)[1]
    text = text.split("The signature is computed", 1)[0].strip().replace("`", "")
    for name in ("MIN_SHINGLES", "PERMUTATIONS", "THRESHOLD", "BANDS", "SHINGLE"):
        text = re.sub(rf"\b{name}\b", str(getattr(dedup, name)), text)
    return text + (
        f"\n\nParameters: {dedup.SHINGLE}-word shingles, {dedup.PERMUTATIONS} MinHash values in "
        f"{dedup.BANDS} bands, threshold {dedup.THRESHOLD}, at least {dedup.MIN_SHINGLES} shingles."
    )


def _quality(manifest: dict[str, Any] | None = None) -> str:
    """The parser's measured scores (quality.json, written by the eval gate), as a table; with a
    manifest whose release has curated documents, the parser against them in a column of its own
    (its `curated` block, figures as `cmvisit score` gives them)."""
    data = json.loads((Path(__file__).resolve().parents[1] / "quality.json").read_text(encoding="utf-8"))
    check = data["check"]
    curated = (manifest or {}).get("curated") or {}
    ours = flat(curated["figures"]) if curated.get("documents") else None
    head = "| field | pages from outlets the parser was not developed on | development set, whole "
    head += "| development set, cross-validated by outlet |"
    if ours is not None:
        head += f" the parser against {curated['documents']} curated documents of this release |"
    rows = [head + " how lenient |", "|---|---|---|---|" + ("---|" if ours is not None else "") + "---|"]
    for name, (label, leniency) in QUALITY_FIELDS.items():
        cells = [
            _score(check["scores"][name], check["gold"].get(name.replace("_f1", "_gold")), name=name),
            _score(data["whole"][name]),
            _score(data["cross_validated"][name]),
        ]
        if ours is not None:
            counts = (ours.get(name.replace("_f1", "_gold")), ours.get(name.replace("_f1", "_predicted")))
            cells.append(_score(ours.get(name), *counts, name=name))
        rows.append(f"| {label} | " + " | ".join(cells) + f" | {leniency} |")
    return (
        f"Measured with {data['measured_with']}. The first column is the honest estimate for an "
        f"outlet the parser has never met: {check['pages']} annotated pages from {check['outlets']} "
        "outlets found nowhere in the development set, whose pages were never read while the "
        f"parser was written. The development set is {data['pages']} annotated pages from "
        f"{data['outlets']} outlets, read and fitted on; its cross-validated column parses each "
        "page with header weights fitted without its outlet. Where a field has few annotated "
        "items on the new outlets, one item moves its score by several points."
        + (_curated_note(curated) if ours is not None else "")
        + "\n\n"
        + "\n".join(rows)
    )


def _score(value: float | None, gold: int | None = None, predicted: int | None = None, name: str = "") -> str:
    """A figure, with its count of annotated items for an F1; "n/a" where nothing was measured
    (a field no curated document checks, or an F1 with nothing annotated and nothing found: the
    scorer's 1.0 would say nothing; where the parser found what a person checked is not there,
    the F1 is 0)."""
    if value is None:
        return "n/a"
    if gold == 0 and predicted == 0 and name.endswith("_f1"):
        return "n/a (0 items)"
    counted = f" ({gold} item{'s' * (gold != 1)})" if gold is not None and name.endswith("_f1") else ""
    return f"{value:.3f}{counted}"


def _per_field(curated: dict[str, Any]) -> str:
    """How many documents a person checked each field of, in the record's order of fields."""
    counts = curated["fields"]
    return ", ".join(f"{name} {counts[name]}" for name in CURATED_FIELDS if name in counts)


def _curated_note(curated: dict[str, Any]) -> str:
    fields = _per_field(curated)
    return (
        f" The last column scores the parser against the {curated['documents']} documents of this "
        "release whose fields a person checked (`cmvisit score`), on the checked fields only "
        f"(documents per field: {fields}): the parser's own output, before the annotation "
        "replaced it, measured on the dataset's own documents."
    )


def _annotations(manifest: dict[str, Any]) -> str:
    """Who made the values: the parser, and where a person checked fields, that person."""
    curated = manifest.get("curated") or {}
    if not curated.get("documents"):
        return "All annotations are produced by the parser (machine-generated); none are made by hand."
    fields = _per_field(curated)
    return (
        "The parser produces the values (machine-generated), except in "
        f"{curated['documents']} of the release's {manifest['counts']['documents']} documents, "
        "where a curator checked some fields against the text and wrote them in an annotation "
        f"file that the build applied (documents per field: {fields}). In the `documents` table, "
        "`curated_fields` names the fields a person checked and `annotation_sha256` the "
        "annotation's checksum; the annotation files themselves are in the release's "
        "`annotations/` folder, in the extraction contract's gold format."
    )


# The card's rows: the label, and in one line how lenient the scorer is for that field.
QUALITY_FIELDS = {
    "title_f1": ("title F1", "strict: equal to the annotation up to case and spacing"),
    "published_f1": ("publication date F1", "strict: the same date"),
    "byline_f1": ("byline F1", "strict: the same set of credits, up to case"),
    "dateline_f1": ("dateline F1", "strict: equal to the annotation up to case and spacing"),
    "highlights_f1": ("highlights F1", "lenient: an item matches when its words overlap by F1 ≥ 0.5"),
    "quotes_f1": ("quotes F1", "lenient: a quote matches when its words overlap by F1 ≥ 0.5"),
    "quote_speaker_accuracy": ("quote speaker, last name", "lenient: of matched quotes, the last name"),
    "quote_speaker_exact": ("quote speaker, whole name", "strict: of matched quotes, the fullest form"),
    "tweets_f1": ("embedded posts F1", "lenient: a post matches when its words overlap by F1 ≥ 0.5"),
    "language_accuracy": ("language accuracy", "exact"),
    "span_accuracy": ("span accuracy", "exact: every span selects its text"),
}


def _examples(hf: Path) -> str:
    """One row of each config, long texts cut, as a reader sees it."""
    import pyarrow.parquet as pq

    out = []
    for name in TABLE_NAMES:
        path = hf / data_file(name)
        # the first row only: reading the table would hold every document's text in memory
        first = next(pq.ParquetFile(path).iter_batches(batch_size=1), None) if path.is_file() else None
        rows = first.to_pylist() if first is not None else []
        if not rows:
            continue
        row = {k: _cut(v) for k, v in rows[0].items()}
        out += [
            f"`{name}`:",
            "",
            "```json",
            json.dumps(row, ensure_ascii=False, indent=1, default=str),
            "```",
            "",
        ]
    return "\n".join(out).rstrip()


def _cut(value: Any) -> Any:
    if isinstance(value, str) and len(value) > 120:
        return value[:117] + "..."
    if isinstance(value, list):
        return [_cut(v) for v in value[:3]] + (["..."] if len(value) > 3 else [])
    if isinstance(value, dict):
        return {k: _cut(v) for k, v in value.items()}
    return value


def card_template() -> str:
    """dataset_card.md: from a source checkout, or the copy shipped inside the package."""
    from importlib import resources

    packaged = resources.files("cmvisit_data").joinpath("card", CARD_SOURCE)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return (Path(__file__).resolve().parents[3] / CARD_SOURCE).read_text(encoding="utf-8")


def render_card(
    manifest: dict[str, Any],
    sizes: dict[str, dict[str, int]],
    template: str | None = None,
    hf: Path | None = None,
    sources: str | None = None,
) -> str:
    """The full card: generated YAML, then the prose with its {{placeholders}} filled (with `hf`,
    the Hub folder, one example row of each config; `sources`, the inputs' `sources_text`,
    when it is already made)."""
    template = template if template is not None else card_template()
    values = {
        "pretty_name": INFO.pretty_name,
        "version": manifest["version"],
        "package_version": manifest["package_version"],
        "schema_sha256": manifest["schema_sha256"],
        "min_datasets": MIN_DATASETS,
        "description": INFO.description,
        "data_dictionary": _data_dictionary(),
        "counts": _counts(manifest, {k: v["num_examples"] for k, v in sizes.items()}),
        "dedup_method": _dedup_method(),
        "citation": INFO.citation,
        "sources": sources if sources is not None else sources_text(manifest),
        "hub_repo": manifest.get("hub_repo", INFO.hub_repo),
        "quality": _quality(manifest),
        "annotations": _annotations(manifest),
        "examples": _examples(hf)
        if hf is not None
        else "(the examples are shown once the tables are written)",
    }
    missing = sorted(set(re.findall(r"\{\{\s*(\w+)\s*\}\}", template)) - set(values))
    if missing:
        raise ValueError(f"dataset_card.md uses unknown placeholders: {', '.join(missing)}")
    body = re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: str(values[m.group(1)]), template)
    return f"---\n{card_metadata(manifest, sizes).to_yaml()}\n---\n\n{body.lstrip()}"


_CARD_REPO_RE = re.compile(r'load_dataset\("([^"\s]+)"')


def card_repo_id(release: Path, manifest: dict[str, Any]) -> str | None:
    """The Hub repository a release's card is written for: the manifest's `hub_repo` (recorded
    since 0.3.0), or, for a release built before, the repository its card's code loads from;
    None when neither names one."""
    if manifest.get("hub_repo"):
        return str(manifest["hub_repo"])
    try:
        card = (release / HF_DIR / "README.md").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    found = _CARD_REPO_RE.search(card)
    return found.group(1) if found else None


def license_text(manifest: dict[str, Any], sources: str | None = None) -> str:
    """hf/LICENSE.md: the terms of the annotations and the rights of each source, from the build
    (`sources`: the inputs' `sources_text`, when it is already made)."""
    return (
        f"# Licence of {INFO.pretty_name} {manifest['version']}\n\n"
        "The annotations (offsets, labels, extracted structure, table layout) are released under the "
        f"{INFO.annotations_license_name}.\n\n"
        f"The texts (`raw_text`, `body_text` and every extracted `text`): {INFO.texts_license} They are "
        "distributed for research with attribution. The rights recorded for each source:\n\n"
        f"{sources if sources is not None else sources_text(manifest)}\n"
    )


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def markdown_text(value: str) -> str:
    """A provenance string as plain text inside Markdown: on one line, with every character
    that could start markup (emphasis, links, HTML, tables, code) escaped and & as an entity,
    so that no heading, link or script can be injected into the card."""
    one_line = " ".join(value.split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line.replace("&", "&amp;"))


def sources_text(manifest: dict[str, Any]) -> str:
    """Provenance and rights of the inputs, grouped by outlet and rights note."""
    pairs = Counter(
        (item.get("outlet") or "outlet not recorded", item.get("rights") or "rights not recorded")
        for item in manifest["inputs"]
    )
    groups: Counter[str] = Counter()  # two notes that differ only in their markup are one group
    for (outlet, rights), count in pairs.items():
        groups[f"{markdown_text(outlet)}: {markdown_text(rights)}"] += count
    if not groups:
        return "- no inputs"
    return "\n".join(f"- {k} ({v} document{'' if v == 1 else 's'})" for k, v in sorted(groups.items()))


def write_hf_metadata(
    release: Path,
    manifest: dict[str, Any],
    sizes: dict[str, dict[str, int]],
    card_template: str | None = None,
) -> None:
    """README.md (the card), LICENSE.md and croissant.json of release/hf/."""
    hf = release / HF_DIR
    sources = sources_text(manifest)  # one pass over the inputs for both files
    (hf / "README.md").write_text(render_card(manifest, sizes, card_template, hf, sources), encoding="utf-8")
    (hf / "LICENSE.md").write_text(license_text(manifest, sources), encoding="utf-8")
    (hf / "croissant.json").write_text(
        json.dumps(croissant(manifest, hf), ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        encoding="utf-8",
    )
