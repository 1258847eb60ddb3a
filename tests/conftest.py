"""Fixtures built in one place: the seed documents, a release built from them once per
session, and writers for small test files.

Test texts are written here by hand (never copied from third-party pages). The seeds the suite
uses (`SEEDS`) are its own: the project's two original documents with their manifest entries,
copied once per session into a temporary folder. The project's `seeds/` grows with every
contribution, and the suite's exact counts (rows, quotes, documents added) are about these two;
`PROJECT_SEEDS` is the project's folder, for the tests about the project as it is (its own
release rebuilt from its seeds). No test writes to either.
"""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT_SEEDS = ROOT / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden"
# The documents the suite's exact figures are about: the project's first two seeds.
ORIGINAL_SEEDS = ("000_a25e3bb1cf0e3701.txt", "001_f633bab6aa95e6a6.txt")


def copy_seeds(target: Path, files: tuple[str, ...] = ORIGINAL_SEEDS) -> Path:
    """A seeds folder at target holding `files` of the project's seeds, with their manifest
    entries as the project records them."""
    manifest = json.loads((PROJECT_SEEDS / "manifest.json").read_text(encoding="utf-8"))
    documents = [entry for entry in manifest["documents"] if entry["file"] in files]
    assert sorted(entry["file"] for entry in documents) == sorted(files), "a seed is missing from seeds/"
    target.mkdir(parents=True, exist_ok=True)
    for entry in documents:
        shutil.copy2(PROJECT_SEEDS / entry["file"], target / entry["file"])
    text = json.dumps({**manifest, "documents": documents}, ensure_ascii=False, indent=2) + "\n"
    (target / "manifest.json").write_text(text, encoding="utf-8")
    return target


def _session_seeds() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="cmvisit-test-seeds-"))
    atexit.register(shutil.rmtree, folder, True)
    return copy_seeds(folder / "seeds")


SEEDS = _session_seeds()


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def english_seed() -> Path:
    return SEEDS / "000_a25e3bb1cf0e3701.txt"


@pytest.fixture
def hindi_seed() -> Path:
    return SEEDS / "001_f633bab6aa95e6a6.txt"


@pytest.fixture
def write(tmp_path: Path):
    """write(name, text_or_bytes) -> path of a new file under a temporary directory."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path

    return _write


@pytest.fixture(autouse=True)
def _isolated_caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Caches point at temporary directories, and nothing reaches for the network."""
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf-datasets"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A release of the seeds, built once; tests that change it work on a copy."""
    from cmvisit_data.release import build

    out = tmp_path_factory.mktemp("out")
    result = build(SEEDS, out, "0.1.0", workers=1)
    assert result.status == "built", [p.one_line() for p in result.problems]
    return out / "0.1.0"
