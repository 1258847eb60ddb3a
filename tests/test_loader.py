"""The installed loader: bundled releases read offline, and the import stays light."""

from __future__ import annotations

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
    assert dataset.features == hf_features(config)


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
    committed = sorted(
        p.name for p in (ROOT / "build").iterdir() if p.is_dir() and not p.name.startswith(".")
    )
    assert str(committed) in out.stdout and "quotes 4" in out.stdout and "documents 2" in out.stdout
    assert "title Chhattisgarh CM Visits Japan" in out.stdout  # the header weights ship in the wheel
    assert wheel.stat().st_size < 2_000_000


def test_import_stays_light():
    # importing the package loads none of the heavy libraries: they load when first used
    code = "import sys, cmvisit_data; print([m for m in ('datasets','pandas','pyarrow','pandera') if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_wheel_ships_only_the_published_releases(tmp_path):
    """A scratch release, a lock and a temporary folder in build/ never reach the wheel."""
    import tomllib
    import zipfile

    source = tmp_path / "src-copy"
    shutil.copytree(
        ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv*", "__pycache__", "*.egg-info")
    )
    (source / "build" / ".0.2.0.lock").write_text("")
    shutil.copytree(source / "build" / "0.2.0", source / "build" / "9.9.9")
    (source / "build" / ".tmp-9.9.10-123").mkdir()
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(source)],
                   check=True, capture_output=True)  # fmt: skip
    (wheel,) = dist.glob("cmvisit_data-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(
        {n.split("/")[2] for n in names if n.startswith("cmvisit_data/releases/") and n.count("/") > 2}
    )
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    published = sorted(Path(k).name for k in listed if k.startswith("build/") and k != "build/CHANGELOG.md")
    assert shipped == published and "9.9.9" not in shipped
    assert not [n for n in names if ".lock" in n or ".tmp-" in n]
    committed = sorted(
        p.name for p in (ROOT / "build").iterdir() if p.is_dir() and not p.name.startswith(".")
    )
    assert published == committed, (
        "every release folder in build/ is listed in pyproject.toml, and only those"
    )


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
        ("manifest-missing", "there is no such folder", str(tmp_path / "no-seeds"))
    ]
    assert "--discover" in result.problems[0].hint and not (tmp_path / "out").exists()
