"""HTML pages through every command (issue 26): validate, parse, add, build, verify and load;
and the release of a mix of text and pages is the same bytes whatever the order and workers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmvisit_data import loader
from cmvisit_data.cli import main

from ..conftest import PROJECT_SEEDS

HERE = Path(__file__).parent
TEXTS = ("000_a25e3bb1cf0e3701.txt", "001_f633bab6aa95e6a6.txt")
PAGE_2 = (
    '<html><head><meta charset="windows-1252"><meta property="og:title" content="Water for villages">'
    "</head><body><article><h1>Water for villages</h1><p>Raipur, March 5: Chief Minister Vishnu Deo "
    "Sai opened the “new” water scheme for forty villages on Tuesday, officials said.</p><p>The scheme "
    "will bring piped water to twelve thousand homes by the end of the year.</p></article></body></html>"
)


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _inputs(folder: Path) -> list[Path]:
    folder.mkdir()
    (folder / "jsonld.html").write_bytes((HERE / "jsonld.html").read_bytes())
    (folder / "water.htm").write_bytes(PAGE_2.encode("cp1252"))
    for name in TEXTS:
        (folder / name).write_bytes((PROJECT_SEEDS / name).read_bytes())
    return sorted(folder.iterdir())


def test_an_html_page_goes_through_every_command(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    (page, *_rest) = [p for p in _inputs(tmp_path / "in") if p.suffix == ".html"]
    assert _run("validate", str(page)).exit_code == 0
    parsed = _run("parse", str(page))
    assert parsed.exit_code == 0 and json.loads(parsed.stdout)["media_type"] == "text/html"
    seeds, out = tmp_path / "seeds", tmp_path / "build"
    added = _run("add", "--seeds", str(seeds), "--init", str(page))
    assert added.exit_code == 0 and (seeds / "jsonld.html").read_bytes() == page.read_bytes()
    assert _run("build", "--version", "0.1.0", "--seeds", str(seeds), "--out", str(out)).exit_code == 0
    verified = _run("verify", str(out / "0.1.0"))
    assert verified.exit_code == 0, verified.output
    monkeypatch.setattr(loader, "releases_root", lambda: out)
    (row,) = loader.load("documents", version="0.1.0", format="arrow").to_pylist()
    assert row["raw_text"].encode(row["encoding"]) == page.read_bytes()
    assert row["rendering"].startswith("CM visits Japan\n") and row["metadata_sources"]["title"] == "json-ld"


def test_build_discover_takes_the_html_pages_of_a_folder_without_a_manifest(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    folder = tmp_path / "in"
    _inputs(folder)
    out = tmp_path / "build"
    built = _run("build", "--discover", "--seeds", str(folder), "--out", str(out), "--version", "0.1.0",
                 "--format", "json")  # fmt: skip
    assert built.exit_code == 0, built.output
    assert json.loads(built.stdout)["stats"]["documents"] == 4  # two pages (.html, .htm), two texts


def _release(tmp_path: Path, name: str, order: list[Path], workers: str, *extra: str) -> dict[str, bytes]:
    seeds, out = tmp_path / f"seeds-{name}", tmp_path / f"build-{name}"
    for path in order:  # one add per file: the manifest lists them in this order
        assert _run("add", "--seeds", str(seeds), "--init", str(path)).exit_code == 0
    built = _run(
        "build", "--version", "0.1.0", "--seeds", str(seeds), "--out", str(out), "--workers", workers
    )
    assert built.exit_code == 0, built.output
    root = out / "0.1.0"
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_mixed_release_is_the_same_bytes_in_any_order_and_any_workers(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    files = _inputs(tmp_path / "in")
    first = _release(tmp_path, "a", files, "1")
    second = _release(tmp_path, "b", files[::-1], "2")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


@pytest.mark.slow
def test_a_mixed_release_is_the_same_bytes_on_the_dask_engine(tmp_path, monkeypatch):
    pytest.importorskip("dask.distributed")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    files = _inputs(tmp_path / "in")
    local = _release(tmp_path, "local", files, "1")
    dask = _release(tmp_path, "dask", files[::-1], "2", "--engine", "dask")
    assert [name for name in local if local[name] != dask.get(name)] == [] and local.keys() == dask.keys()
