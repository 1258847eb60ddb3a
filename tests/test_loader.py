"""The installed loader: bundled releases read offline, and the import stays light."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

import cmvisit_data
from cmvisit_data.hub import hf_features

from .conftest import ROOT, SEEDS


def test_versions_lists_the_bundled_releases():
    assert "0.1.0" in cmvisit_data.versions()


@pytest.mark.parametrize("config", ["documents", "quotes", "tweets", "paragraphs", "highlights", "related"])
def test_load_every_config_in_every_format(config, tmp_path):
    dataset = cmvisit_data.load(config, cache_dir=tmp_path)  # the latest release: this package's features
    frame = cmvisit_data.load(config, format="pandas")
    table = cmvisit_data.load(config, format="arrow")
    assert dataset.num_rows == len(frame) == table.num_rows > 0
    # A release built before record schema 1.2.0 (layout 1) has none of the columns it added,
    # and one built before 1.3.0 none of the curation columns.
    from datasets import Features

    from cmvisit_data.contract import version_of_schema
    from cmvisit_data.release.layout import read_manifest
    from cmvisit_data.release.parquet import COLUMNS_SINCE_1_2_0

    version = version_of_schema(read_manifest(cmvisit_data.loader._release(None))["schema_sha256"])
    old = COLUMNS_SINCE_1_2_0 - set(dataset.features)
    wanted = hf_features(config, version)
    assert dataset.features == Features({k: v for k, v in wanted.items() if k not in old})


def test_load_from_a_hub_folder_with_repo_id(tmp_path):
    from cmvisit_data.loader import releases_root

    hub_folder = releases_root() / "0.1.0" / "hf"
    quotes = cmvisit_data.load("quotes", repo_id=str(hub_folder), cache_dir=tmp_path)
    assert quotes.num_rows == 4


def test_bad_arguments_say_what_to_choose():
    with pytest.raises(ValueError, match="choose one of documents"):
        cmvisit_data.load("nope")
    with pytest.raises(ValueError, match="not bundled"):
        cmvisit_data.load("documents", version="9.9.9")
    with pytest.raises(ValueError, match="unknown format"):
        cmvisit_data.load("documents", format="csv")


def test_wheel_installs_and_loads_outside_the_repository(tmp_path):
    """Build the wheel, install it into a new virtual environment, and load every config there."""
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                   check=True, capture_output=True)  # fmt: skip
    (wheel,) = dist.glob("cmvisit_data-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()  # fmt: skip
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", site, str(wheel)],
                   check=True, capture_output=True)  # fmt: skip
    # The new environment borrows this one's dependencies (datasets, pyarrow, ...) through a
    # .pth file, read after its own site-packages: cmvisit_data itself comes only from the wheel.
    import sysconfig

    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site, "zz-borrowed-deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    code = (
        "import cmvisit_data, pathlib\n"
        "assert 'site-packages' in cmvisit_data.__file__, cmvisit_data.__file__\n"
        "print(cmvisit_data.versions())\n"
        "for c in ['documents','highlights','quotes','tweets','paragraphs','related']:\n"
        "    print(c, cmvisit_data.load(c).num_rows)\n"
        f"print('title', cmvisit_data.parse_document({str(SEEDS / '000_a25e3bb1cf0e3701.txt')!r})['metadata']['title'])\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf")}
    out = subprocess.run([str(python), "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    committed = _committed_releases(ROOT)
    assert str(committed) in out.stdout
    # the newest committed release's rows, however many documents it holds
    manifest = json.loads((ROOT / "build" / committed[-1] / "manifest.json").read_text(encoding="utf-8"))
    for config, meta in manifest["tables"].items():
        assert f"{config} {meta['rows']}" in out.stdout.splitlines()
    assert "title Chhattisgarh CM Visits Japan" in out.stdout  # the header weights ship in the wheel
    assert wheel.stat().st_size < 2_000_000


def test_import_stays_light():
    # importing the package loads none of the heavy libraries: they load when first used
    code = "import sys, cmvisit_data; print([m for m in ('datasets','pandas','pyarrow','pandera') if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _git(folder, *args):
    return subprocess.run(["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@example.org",
                           "-c", "commit.gpgsign=false", *args], check=True, capture_output=True, text=True)  # fmt: skip


def _committed_releases(folder) -> list[str]:
    """The releases committed in the git repository at folder, by git itself."""
    names = _git(folder, "ls-tree", "-r", "--name-only", "--full-tree", "HEAD", "--", "build").stdout.split()
    found = {n.split("/")[1] for n in names if n.count("/") == 2 and n.endswith("/manifest.json")}
    return sorted(found, key=lambda v: tuple(map(int, v.split("."))))


def _wheel_releases(source, dist) -> list[str]:
    import zipfile

    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(source)],
                   check=True, capture_output=True)  # fmt: skip
    (wheel,) = dist.glob("cmvisit_data-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert not [n for n in names if ".lock" in n or ".tmp-" in n or "scratch" in n]
    shipped = {n.split("/")[2] for n in names if n.startswith("cmvisit_data/releases/")}
    return sorted(shipped - {"CHANGELOG.md"}, key=lambda v: tuple(map(int, v.split(".")))) + sorted(
        shipped & {"CHANGELOG.md"}
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="the committed releases are git's to tell")
def test_the_wheel_ships_exactly_the_committed_releases_with_no_list_to_edit(tmp_path):
    """A copy of the project whose git history holds the releases committed here: its wheel
    ships exactly those and CHANGELOG.md; a release built and not committed, a scratch folder,
    a lock and a temporary folder in build/ never do; a release once committed ships, with
    nothing edited in pyproject.toml."""
    source = tmp_path / "src-copy"
    shutil.copytree(
        ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv*", "__pycache__", "*.egg-info")
    )
    committed = _committed_releases(ROOT)
    _git(source, "init", "-q")
    _git(source, "add", "build/CHANGELOG.md", *(f"build/{v}" for v in committed))
    _git(source, "commit", "-q", "-m", "the committed releases")
    pyproject = (source / "pyproject.toml").read_bytes()
    shutil.copytree(source / "build" / committed[-1], source / "build" / "99.0.0")  # built, not committed
    (source / "build" / ".0.2.0.lock").write_text("")
    (source / "build" / ".tmp-9.9.10-123").mkdir()
    (source / "build" / ".tmp-9.9.10-123" / "manifest.json").write_text("{}")
    (source / "build" / "scratch").mkdir()
    (source / "build" / "scratch" / "notes.txt").write_text("a scratch folder")
    assert _wheel_releases(source, tmp_path / "dist1") == [*committed, "CHANGELOG.md"]
    _git(source, "add", "build/99.0.0")
    _git(source, "commit", "-q", "-m", "release 99.0.0")
    assert _wheel_releases(source, tmp_path / "dist2") == [*committed, "99.0.0", "CHANGELOG.md"]
    assert (source / "pyproject.toml").read_bytes() == pyproject


def test_load_answers_the_usual_mistakes_in_words(monkeypatch):
    from cmvisit_data.loader import load, releases_root

    with pytest.raises(ValueError, match=r"repo_id='.*0\.2\.0/hf'"):
        load("quotes", repo_id=str(releases_root() / "0.2.0"))
    with pytest.raises(ValueError, match=r"repo_id='ORG/NAME', revision='v9\.9\.9'"):
        load("quotes", version="9.9.9")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ConnectionError, match="HF_HUB_OFFLINE is set"):
        load("quotes", repo_id="someorg/somename")


def test_verify_of_a_missing_release_and_build_of_missing_seeds_say_so(tmp_path):
    from cmvisit_data.release import build, verify

    assert [p.type for p in verify(tmp_path / "0.9.9").problems] == ["release-missing"]
    result = build(tmp_path / "no-seeds", tmp_path / "out", "0.0.1")
    assert [(p.type, p.message, p.file) for p in result.problems] == [
        ("seeds-missing", "there is no such folder", str(tmp_path / "no-seeds"))
    ]
    assert "--discover" in result.problems[0].hint and not (tmp_path / "out").exists()


# --- issue 24: in a checkout, the published releases are the committed ones ----------------


@pytest.mark.skipif(shutil.which("git") is None, reason="the committed releases are git's to tell")
def test_a_release_built_and_not_committed_is_never_the_default_and_loads_by_name(tmp_path, monkeypatch):
    from cmvisit_data import loader

    project = tmp_path / "checkout"
    for version in ("0.1.0", "0.2.0"):
        shutil.copytree(ROOT / "build" / version, project / "build" / version)
    monkeypatch.setattr(loader, "releases_root", lambda: project / "build")
    monkeypatch.setattr(loader, "_packaged", lambda: False, raising=False)  # a checkout, not a wheel
    assert loader.versions() == ["0.1.0", "0.2.0"]  # no git history: every release folder
    _git(project, "init", "-q")
    _git(project, "add", "build/0.1.0")
    _git(project, "commit", "-q", "-m", "release 0.1.0")
    assert loader.versions() == ["0.1.0"] and loader.local_versions() == ["0.2.0"]
    default = loader.load("documents", format="arrow")
    local = loader.load("documents", version="0.2.0", format="arrow")  # by name
    assert default.equals(loader.load("documents", version="0.1.0", format="arrow"))
    assert local.num_rows > 0 and not default.equals(local)
    with pytest.raises(
        ValueError, match=r"bundled: 0\.1\.0; built here and not published \(by name only\): 0\.2\.0"
    ):
        loader.load("documents", version="9.9.9")


@pytest.mark.parametrize("version", ["0.1.0", "0.2.0"])
def test_arrow_from_a_hub_folder_gives_labels_not_class_ids(tmp_path, version):
    """The Hub copies of 0.1.0 and 0.2.0 store enums as class-label ids: arrow reads them back
    as labels, as pandas and a bundled release do."""
    from cmvisit_data.loader import releases_root

    hub_folder = str(releases_root() / version / "hf")
    table = cmvisit_data.load("quotes", repo_id=hub_folder, cache_dir=tmp_path, format="arrow")
    frame = cmvisit_data.load("quotes", repo_id=hub_folder, cache_dir=tmp_path, format="pandas")
    bundled = cmvisit_data.load("quotes", version=version, format="arrow")
    assert table.column("kind").to_pylist() == list(frame["kind"]) == bundled.column("kind").to_pylist()
    assert set(table.column("kind").to_pylist()) <= {"direct", "reported"}
