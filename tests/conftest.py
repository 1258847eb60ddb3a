"""Fixtures built in one place: the seed documents, a release built from them once per
session, and writers for small test files.

Test texts are written here by hand (never copied from third-party pages); the seeds are the
project's own `seeds/`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden"


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
