"""Loading released data: the releases bundled with the package, or a release on the Hub.

`load(config)` returns one table of a release as a `datasets.Dataset` (the same code path
the Hub uses: `datasets.load_dataset` on the release's `hf/` folder), a pandas DataFrame or
an Arrow table. A table's file is where its release's layout puts it (`release.layout`);
pandas gets the same types whether the release is bundled or read from the Hub: enums as
strings, dates as datetime64. Bundled releases are read offline from the package data (or from `build/`
in a source checkout). Nothing here is imported by `import cmvisit_data` until it is used.

The releases the package lists (`versions()`, and the default of `load()`) are the published
ones: in an installed wheel, all it holds (the build hook ships only those); in a checkout (an
editable install), the committed ones (`published` says why). A release built in the checkout
and not committed loads by its name only, so that it never becomes the default unnoticed.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

FORMATS = ("datasets", "pandas", "arrow")


def releases_root() -> Path:
    """Where bundled releases live: inside the installed package, or build/ of a checkout."""
    packaged = resources.files("cmvisit_data").joinpath("releases")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "build"


def _packaged() -> bool:
    return resources.files("cmvisit_data").joinpath("releases").is_dir()


def versions() -> list[str]:
    """Versions of the published releases bundled with the package, oldest first (in a
    checkout: the committed ones)."""
    from .published import published, release_folders

    root = releases_root()
    return release_folders(root) if _packaged() else published(root)


def local_versions() -> list[str]:
    """Versions of the release folders in the checkout's build/ that are not published (built
    and not committed): load() reads them by name only."""
    from .published import release_folders

    listed = set(versions())
    return [v for v in release_folders(releases_root()) if v not in listed]


def load(
    config: str = "documents",
    version: str | None = None,
    format: str = "datasets",
    repo_id: str | None = None,
    revision: str | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
) -> Any:
    """One table (config) of a release, as a datasets.Dataset, a pandas DataFrame or an Arrow table.

    Without `repo_id`, reads the bundled release `version` (default: the latest) offline.
    With `repo_id` ("org/name", or a local Hub folder), reads it with `datasets.load_dataset`,
    pinned to `revision` (for example "v0.1.0") when given.
    """
    from .tables import TABLE_NAMES

    if config not in TABLE_NAMES:
        raise ValueError(f"unknown config {config!r}; choose one of {', '.join(TABLE_NAMES)}")
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    if repo_id is not None:
        return _as(_from_hub(repo_id, config, revision, cache_dir), format)
    release = _release(version)
    if format != "datasets":
        import pyarrow.parquet as pq

        from .release.layout import table_file

        table = _strings(pq.read_table(table_file(release, config)))
        return _pandas(table) if format == "pandas" else table
    from .release.layout import read_manifest

    manifest = read_manifest(release)
    if manifest["tables"][config]["rows"] == 0:
        # datasets cannot read a split with no examples (it raises "corresponds to no data"):
        # an empty table is returned with its declared features instead.
        import datasets

        from .contract import version_of_schema
        from .hub.features import hf_features

        features = hf_features(config, version_of_schema(manifest["schema_sha256"]))
        return datasets.Dataset.from_dict({name: [] for name in features}, features=features)
    import datasets

    return datasets.load_dataset(str(release / "hf"), config, split="train", cache_dir=cache_dir)


def _release(version: str | None) -> Path:
    found = versions()
    local = [] if _packaged() else local_versions()
    unpublished = f"; built here and not published (by name only): {', '.join(local)}" if local else ""
    if not found and version is None:
        raise FileNotFoundError(f"no published releases are bundled under {releases_root()}{unpublished}")
    if version is None:
        version = found[-1]
    if version not in found and version not in local:
        raise ValueError(
            f"release {version!r} is not bundled with this package (bundled: {', '.join(found)}"
            f"{unpublished}); a release built elsewhere loads with repo_id='<its folder>/hf', one on "
            f"the Hub with repo_id='ORG/NAME', revision='v{version}'"
        )
    return releases_root() / version


def _from_hub(repo_id: str, config: str, revision: str | None, cache_dir: Any) -> Any:
    """A config from a Hub repository or a local Hub folder, with the mistakes users make
    answered in words: a release folder given instead of its hf/, or no network while offline."""
    import datasets

    local = Path(repo_id)
    if local.is_dir() and (local / "manifest.json").is_file() and (local / "hf").is_dir():
        raise ValueError(f"{repo_id} is a release folder; load its Hub folder: repo_id={str(local / 'hf')!r}")
    offline = os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes", "on")
    if offline and not local.is_dir():
        raise ConnectionError(
            f"HF_HUB_OFFLINE is set, so {repo_id!r} cannot be downloaded: unset it to fetch the dataset, "
            "or load a bundled release without repo_id (cmvisit_data.versions() lists them)"
        )
    return datasets.load_dataset(repo_id, config, split="train", revision=revision, cache_dir=cache_dir)


def _as(dataset: Any, format: str) -> Any:
    if format == "pandas":
        return _pandas(_labels(dataset))
    if format == "arrow":
        return _labels(dataset)
    return dataset


def _labels(dataset: Any) -> Any:
    """A Dataset's rows as Arrow, each class-label id (the Hub copies of 0.1.0 and 0.2.0) read
    back as its label, as every later release stores it."""
    import pyarrow as pa
    from datasets import ClassLabel

    table = dataset.with_format("arrow")[:]
    for name, feature in dataset.features.items():
        if isinstance(feature, ClassLabel):
            i = table.schema.get_field_index(name)
            labels = pa.array(feature.names, pa.string()).take(table.column(i))
            table = table.set_column(i, pa.field(name, pa.string()), labels)
    return table


def _strings(table: Any) -> Any:
    """Enum columns as plain strings, as every reader shows them (releases before layout 2
    stored them dictionary-encoded, which pandas would read as `category`)."""
    import pyarrow as pa

    for i, field in enumerate(table.schema):
        if pa.types.is_dictionary(field.type):
            table = table.set_column(i, field.with_type(pa.string()), table.column(i).cast(pa.string()))
    return table


def _pandas(table: Any) -> Any:
    """An Arrow table as pandas, the same from a bundled release and from the Hub: enums as
    strings, and date columns as datetime64 (so that `.dt` works), not Python dates."""
    return table.to_pandas(date_as_object=False)
