"""The Hugging Face side of a release: the Hub folder, the dataset card, Croissant, publishing.

`HubWriter` writes a release's tables into `hf/`, a Hub-ready dataset repository, as the
release is written:
`data/<table>/train-00000-of-00001.parquet` per table (enum columns stored as class-label
ids, every column cast to the declared features), `README.md` (the card: YAML with one
config per table, typed `dataset_info` features and real split sizes, then the prose of
`dataset_card.md` with its generated data dictionary and counts) and `croissant.json`.
Nothing in the card is typed by hand: features, counts and sizes come from the schema and
the build. `publish` uploads `hf/` in one commit and tags it `v<version>`; the token is
never printed or logged.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .builder import INFO
from .manifest import sha256_of
from .tables import TABLE_DESCRIPTIONS, TABLE_NAMES, enum_values, table_schema

if TYPE_CHECKING:
    import pyarrow as pa

HF_DIR = "hf"
CARD_SOURCE = "dataset_card.md"
# The feature types used here (List, nested dicts, date32, ClassLabel) are read by datasets 4.0+.
MIN_DATASETS = "4.0.0"
PARQUET_OPTIONS = {"compression": "zstd", "compression_level": 3, "use_dictionary": True, "version": "2.6"}
TASK_CATEGORIES = ["text-classification", "token-classification", "summarization"]
# The Croissant 1.0 JSON-LD context (the standard vocabulary of mlcommons.org/croissant).
CROISSANT_CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "samplingRate": "cr:samplingRate",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}


def data_file(table: str) -> str:
    return f"data/{table}/train-00000-of-00001.parquet"


# --- features ----------------------------------------------------------------------------------


def _feature(field: pa.Field, table: str) -> Any:
    import pyarrow as pa
    from datasets import ClassLabel, List, Value

    t = field.type
    if pa.types.is_dictionary(t):
        return ClassLabel(names=enum_values(table, field.name) or [])
    if pa.types.is_struct(t):
        return {t.field(i).name: _feature(t.field(i), table) for i in range(t.num_fields)}
    if pa.types.is_list(t):
        return List(_feature(t.value_field, table))
    names = {
        pa.int32(): "int32",
        pa.int64(): "int64",
        pa.bool_(): "bool",
        pa.string(): "string",
        pa.date32(): "date32",
    }
    return Value(names[t])


def hf_features(table: str) -> Any:
    """The `datasets.Features` of a table, derived from its Arrow schema (enums as class labels)."""
    from datasets import Features

    return Features({field.name: _feature(field, table) for field in table_schema(table)})


def _to_hf_table(table: pa.Table, name: str, features: Any) -> pa.Table:
    """A release table as the Hub stores it: enum strings as class ids, cast to the features."""
    import pyarrow as pa
    import pyarrow.compute as pc
    from datasets import ClassLabel

    columns = []
    for field in table.schema:
        column = table.column(field.name)
        feature = features[field.name]
        if isinstance(feature, ClassLabel):
            names = pa.array(feature.names, pa.string())
            column = pc.index_in(column.cast(pa.string()), value_set=names).cast(pa.int64())
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=features.arrow_schema)


class HubWriter:
    """Writes the Hub copies of the tables, row group by row group, as the release is written."""

    def __init__(self, release: Path):
        import pyarrow.parquet as pq

        self.hf = release / HF_DIR
        self.features = {name: hf_features(name) for name in TABLE_NAMES}
        self.writers = {}
        self.schemas = {}
        for name in TABLE_NAMES:
            target = self.hf / data_file(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            self.schemas[name] = self.features[name].arrow_schema.with_metadata(
                {
                    "huggingface": json.dumps(
                        {"info": {"features": self.features[name].to_dict()}}, sort_keys=True
                    )
                }
            )
            # A table with no rows gets no row groups: datasets reads that as an empty split
            # (a zero-row row group makes it fail).
            self.writers[name] = pq.ParquetWriter(target, self.schemas[name], **PARQUET_OPTIONS)

    def write(self, name: str, table: pa.Table) -> None:
        if not table.num_rows:
            return
        converted = _to_hf_table(table, name, self.features[name])
        converted = converted.replace_schema_metadata(self.schemas[name].metadata)
        self.writers[name].write_table(converted, row_group_size=converted.num_rows)

    def close(self) -> dict[str, dict[str, int]]:
        """Finish the files; sizes are measured on what was written (read back row group by
        row group), so they do not depend on how the batches were laid out in memory."""
        import pyarrow.parquet as pq

        for writer in self.writers.values():
            writer.close()
        sizes = {}
        for name in TABLE_NAMES:
            path = self.hf / data_file(name)
            written = pq.ParquetFile(path)
            # Column by column and on this thread: a whole row group of documents at once, or
            # a buffer pool per reading thread, would be the build's largest allocation.
            nbytes = sum(
                written.read_row_group(g, columns=[column], use_threads=False).nbytes
                for g in range(written.num_row_groups)
                for column in written.schema_arrow.names
            )
            sizes[name] = {
                "num_examples": written.metadata.num_rows,
                "num_bytes": nbytes,
                "download_size": path.stat().st_size,
            }
        return sizes


def write_hf_metadata(
    release: Path,
    manifest: dict[str, Any],
    sizes: dict[str, dict[str, int]],
    card_template: str | None = None,
) -> None:
    """README.md (the card), LICENSE.md and croissant.json of release/hf/."""
    hf = release / HF_DIR
    (hf / "README.md").write_text(render_card(manifest, sizes, card_template), encoding="utf-8")
    (hf / "LICENSE.md").write_text(license_text(manifest), encoding="utf-8")
    (hf / "croissant.json").write_text(
        json.dumps(croissant(manifest, hf), ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        encoding="utf-8",
    )


# --- writing the folder -------------------------------------------------------------------------


def hf_files(release: Path) -> list[Path]:
    """Every file of release/hf/, in a stable order."""
    return sorted(p for p in (release / HF_DIR).rglob("*") if p.is_file())


# --- the card --------------------------------------------------------------------------------------


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
        license_name="third-party-news-text",
        license_link="LICENSE.md",
        language=list(INFO.languages),
        multilinguality="multilingual",
        task_categories=TASK_CATEGORIES,
        size_categories=[size_category(manifest["counts"]["documents"])],
        source_datasets=["original"],
        language_creators=["found"],
        annotations_creators=["machine-generated"],
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
            "| column | type | description |",
            "|---|---|---|",
        ]
        for field in table_schema(name):
            description = (field.metadata or {}).get(b"description", b"").decode().replace("|", "\\|")
            out.append(f"| `{field.name}` | {_type_name(features[field.name])} | {description} |")
        out.append("")
    return "\n".join(out)


def _type_name(feature: Any) -> str:
    from datasets import ClassLabel, List, Value

    if isinstance(feature, ClassLabel):
        return "class label: " + ", ".join(f"`{n}`" for n in feature.names)
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
        "- by outlet: " + ", ".join(f"{k} {v}" for k, v in counts["outlets"].items()),
        f"- publication dates: {published['first'] or 'none printed'} to "
        f"{published['last'] or 'none printed'} ({published['undated']} documents print no date)",
        f"- near-duplicates marked: {counts['duplicates']}",
        f"- inputs rejected: {len(manifest['rejected'])}",
        "- rows per table: " + ", ".join(f"`{k}` {v}" for k, v in rows.items()),
    ]
    return "\n".join(lines)


def _dedup_method() -> str:
    from . import dedup

    return dedup.__doc__.split("How it is decided (the dataset card repeats this):", 1)[1].split(
        "The signature is computed", 1
    )[0].strip().replace("`", "") + (
        f"\n\nParameters: {dedup.SHINGLE}-word shingles, {dedup.PERMUTATIONS} MinHash values in "
        f"{dedup.BANDS} bands, threshold {dedup.THRESHOLD}."
    )


def card_template() -> str:
    """dataset_card.md: from a source checkout, or the copy shipped inside the package."""
    from importlib import resources

    packaged = resources.files("cmvisit_data").joinpath("card", CARD_SOURCE)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return (Path(__file__).resolve().parents[2] / CARD_SOURCE).read_text(encoding="utf-8")


def render_card(
    manifest: dict[str, Any], sizes: dict[str, dict[str, int]], template: str | None = None
) -> str:
    """The full card: generated YAML, then the prose with its {{placeholders}} filled."""
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
        "sources": _sources(manifest),
    }
    missing = sorted(set(re.findall(r"\{\{\s*(\w+)\s*\}\}", template)) - set(values))
    if missing:
        raise ValueError(f"dataset_card.md uses unknown placeholders: {', '.join(missing)}")
    body = re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: str(values[m.group(1)]), template)
    return f"---\n{card_metadata(manifest, sizes).to_yaml()}\n---\n\n{body.lstrip()}"


def license_text(manifest: dict[str, Any]) -> str:
    """hf/LICENSE.md: the terms of the annotations and the rights of each source, from the build."""
    return (
        f"# Licence of {INFO.pretty_name} {manifest['version']}\n\n"
        "The annotations (offsets, labels, extracted structure, table layout) are released under the "
        "Creative Commons Attribution 4.0 International licence (CC BY 4.0).\n\n"
        "The texts (`raw_text`, `body_text` and every extracted `text`) are third-party news and "
        "government material. Their copyright stays with their publishers; they are distributed for "
        "research with attribution. The rights recorded for each source:\n\n"
        f"{_sources(manifest)}\n"
    )


def _sources(manifest: dict[str, Any]) -> str:
    """Provenance and rights of the inputs, grouped by outlet and rights note."""
    groups: dict[str, int] = {}
    for item in manifest["inputs"]:
        key = f"{item.get('outlet') or 'outlet not recorded'}: {item.get('rights') or 'rights not recorded'}"
        groups[key] = groups.get(key, 0) + 1
    if not groups:
        return "- no inputs"
    return "\n".join(f"- {k} ({v} documents)" for k, v in sorted(groups.items()))


# --- Croissant -------------------------------------------------------------------------------------


def _croissant_type(field: pa.Field) -> tuple[str, bool]:
    import pyarrow as pa

    t = field.type
    repeated = pa.types.is_list(t)
    if repeated:
        t = t.value_type
    if pa.types.is_date32(t):
        return "sc:Date", repeated
    if pa.types.is_integer(t):
        return "sc:Integer", repeated
    if pa.types.is_boolean(t):
        return "sc:Boolean", repeated
    return "sc:Text", repeated


def croissant(manifest: dict[str, Any], hf: Path) -> dict[str, Any]:
    """Croissant 1.0 metadata describing every table and field of the Hub folder."""
    import pyarrow as pa

    distribution = []
    record_sets = []
    for name in TABLE_NAMES:
        path = hf / data_file(name)
        file_id = f"{name}-parquet"
        distribution.append(
            {
                "@type": "cr:FileObject",
                "@id": file_id,
                "name": file_id,
                "description": f"The {name} table.",
                "contentUrl": data_file(name),
                "contentSize": f"{path.stat().st_size} B",
                "encodingFormat": "application/x-parquet",
                "sha256": sha256_of(path),  # streamed: the documents file can be hundreds of MB
            }
        )
        fields = []
        for field in table_schema(name):
            data_type, repeated = _croissant_type(field)
            entry: dict[str, Any] = {
                "@type": "cr:Field",
                "@id": f"{name}/{field.name}",
                "name": field.name,
                "description": (field.metadata or {}).get(b"description", b"").decode(),
                "dataType": data_type,
                "source": {"fileObject": {"@id": file_id}, "extract": {"column": field.name}},
            }
            if pa.types.is_struct(field.type) or (repeated and pa.types.is_struct(field.type.value_type)):
                struct = field.type.value_type if repeated else field.type
                entry.pop("dataType")
                entry["subField"] = [
                    {
                        "@type": "cr:Field",
                        "@id": f"{name}/{field.name}/{struct.field(i).name}",
                        "name": struct.field(i).name,
                        "dataType": _croissant_type(struct.field(i))[0],
                        "source": {
                            "fileObject": {"@id": file_id},
                            "extract": {"column": field.name},
                            "transform": {"jsonPath": struct.field(i).name},
                        },
                    }
                    for i in range(struct.num_fields)
                ]
            if repeated:
                entry["repeated"] = True
            fields.append(entry)
        record_sets.append(
            {
                "@type": "cr:RecordSet",
                "@id": name,
                "name": name,
                "description": TABLE_DESCRIPTIONS[name],
                "field": fields,
            }
        )
    return {
        "@context": CROISSANT_CONTEXT,
        "@type": "sc:Dataset",
        "name": INFO.name,
        "description": INFO.description,
        "conformsTo": "http://mlcommons.org/croissant/1.0",
        "citeAs": INFO.citation,
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "url": INFO.homepage,
        "version": manifest["version"],
        "inLanguage": list(INFO.languages),
        "distribution": distribution,
        "recordSet": record_sets,
    }


# --- publishing -------------------------------------------------------------------------------------


def publish_plan(release: Path, repo_id: str) -> dict[str, Any]:
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    files = [
        {
            "path": str(p.relative_to(release / HF_DIR)),
            "bytes": p.stat().st_size,
            "sha256": sha256_of(p),
        }
        for p in hf_files(release)
    ]
    return {"repo_id": repo_id, "repo_type": "dataset", "tag": f"v{manifest['version']}", "files": files}


def token_from_environment() -> str | None:
    """HF_TOKEN, or the user's saved login; never printed."""
    token = os.environ.get("HF_TOKEN")
    if token:
        return token
    try:
        from huggingface_hub import get_token

        return get_token()
    except Exception:
        return None


def redact(text: str, token: str | None) -> str:
    """text with the token (and anything that looks like a Hub token) removed."""
    if token:
        text = text.replace(token, "***")
    return re.sub(r"hf_[A-Za-z0-9]{8,}", "hf_***", text)


def upload(release: Path, repo_id: str, token: str) -> str:
    """Upload release/hf in one commit and tag it v<version>; returns the commit id."""
    from huggingface_hub import HfApi

    plan = publish_plan(release, repo_id)
    api = HfApi(token=token)
    api.create_repo(repo_id, repo_type="dataset", exist_ok=True)
    commit = api.upload_folder(
        folder_path=str(release / HF_DIR),
        repo_id=repo_id,
        repo_type="dataset",
        commit_message=f"Release {plan['tag']}",
    )
    api.create_tag(repo_id, tag=plan["tag"], revision=commit.oid, repo_type="dataset")
    return commit.oid
