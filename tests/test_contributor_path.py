"""The README's contributor path, followed on a copy of the project as a contributor types it:
validate, add documents with a provenance table, review, annotate and score one, raise the
package's version, cut the release, verify it against its
CHANGELOG line, diff it, publish --dry-run; then the suite's release checks on the copy (every
release verifies, and a plain `cmvisit build` reproduces the package's own)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from .conftest import PROJECT_SEEDS, ROOT

PAGE = (
    "Cabinet clears rice mill policy for every district\n\n"
    "Raipur, March 2: The state cabinet on Monday approved a new policy for rice mills, and ministers "
    "said it would bring investment to every district of the state.\n"
)


def _project_copy(tmp_path):
    """The project as a contributor clones it: the package's source, its schema, card, seeds and
    published releases (however many there are by now)."""
    project = tmp_path / "project"
    for name in ("src", "schema"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "dataset_card.md"):
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(PROJECT_SEEDS, project / "seeds", ignore=shutil.ignore_patterns(".*"))
    build = project / "build"
    build.mkdir()
    for folder in (ROOT / "build").iterdir():
        if (folder / "manifest.json").is_file():
            shutil.copytree(folder, build / folder.name)
    shutil.copy2(ROOT / "build" / "CHANGELOG.md", build / "CHANGELOG.md")
    return project


@pytest.mark.slow
def test_the_readme_contributor_path_on_a_copy_of_the_project(tmp_path):
    project = _project_copy(tmp_path)
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("HF_TOKEN", "PYTHONPATH")},
        "PYTHONPATH": str(project / "src"),  # the copy's package, whose version the contributor raises
        "HF_HOME": str(tmp_path / "hf-home"),
        "HF_HUB_OFFLINE": "1",
    }

    def cmvisit(*args):
        return subprocess.run([sys.executable, "-m", "cmvisit_data.cli", *args], cwd=project, env=env,
                              capture_output=True, text=True, timeout=600)  # fmt: skip

    releases = sorted((p.name for p in (project / "build").iterdir() if p.is_dir()),
                      key=lambda v: tuple(map(int, v.split("."))))  # fmt: skip
    newest = releases[-1]
    major, minor, _ = map(int, newest.split("."))
    following = f"{major}.{minor + 1}.0"
    new = tmp_path / "new"
    new.mkdir()
    (new / "page.txt").write_text(PAGE, encoding="utf-8")

    (new / "page-2.txt").write_text(PAGE.replace("rice mill", "paddy"), encoding="utf-8")
    sources = tmp_path / "sources.csv"  # the README's table: one row per file
    sources.write_text(
        "file,url,outlet,rights,obtained\n"
        "page.txt,https://example.org/page,Example Times,Written for this test,Written by hand\n"
        "page-2.txt,https://example.org/page-2,Example Times,null,\n",
        encoding="utf-8",
    )
    assert cmvisit("validate", str(new)).returncode == 0
    added = cmvisit("add", str(new), "--provenance", str(sources))
    assert added.returncode == 0 and "added" in added.stdout, added.stderr
    entries = {
        e["file"]: e for e in json.loads((project / "seeds" / "manifest.json").read_text())["documents"]
    }
    assert (entries["page.txt"]["url"], entries["page.txt"]["outlet"]) == (
        "https://example.org/page",
        "Example Times",
    )
    assert (entries["page-2.txt"]["url"], entries["page-2.txt"]["rights"]) == (
        "https://example.org/page-2",
        None,
    )
    # correcting the parser: review, annotate, validate, score (the README's curation path)
    review = cmvisit("review", "seeds/page.txt", "--out", str(tmp_path / "review.html"))
    assert review.returncode == 0 and "Cabinet clears rice mill policy" in (tmp_path / "review.html").read_text()
    assert cmvisit("annotate", "seeds/page.txt").returncode == 0
    annotation_file = project / "seeds" / "annotations" / "page.txt.json"
    annotation = json.loads(annotation_file.read_text(encoding="utf-8"))
    checked = {"title": annotation["title"], "dateline": "Raipur"}  # what the contributor checked
    annotation_file.write_text(json.dumps(checked, ensure_ascii=False), encoding="utf-8")
    assert cmvisit("validate", "seeds/").returncode == 0
    scored = json.loads(cmvisit("score", "--format", "json").stdout)["score"]
    assert scored["documents"] == 3 and scored["fields"]["dateline"]["documents"] == 3
    # a plain build now names the next step
    plain = cmvisit("build", "-q")
    assert plain.returncode == 1 and f"`cmvisit release {following}`" in plain.stderr, plain.stderr
    # the package's version follows its releases: raised first, as the README says
    version_file = project / "src" / "cmvisit_data" / "_version.py"
    text = version_file.read_text(encoding="utf-8")
    version_file.write_text(re.sub(r'__version__ = "[^"]+"', f'__version__ = "{following}"', text), "utf-8")
    cut = cmvisit("release", following)
    assert cut.returncode == 0, cut.stderr
    assert f"git add build/{following} build/CHANGELOG.md seeds src/cmvisit_data/_version.py" in cut.stdout
    changelog = (project / "build" / "CHANGELOG.md").read_text(encoding="utf-8")
    expect = re.search(rf"`(cmvisit verify build/{re.escape(following)} --expect [0-9a-f]{{64}})`", changelog)
    assert expect is not None, changelog[:2000]
    assert cmvisit(*expect.group(1).split()[1:]).returncode == 0  # the CHANGELOG's line, as printed
    changed = cmvisit("diff", f"build/{newest}", f"build/{following}", "--format", "json")
    report = json.loads(changed.stdout)["diff"]
    assert changed.returncode == 0 and len(report["added"]) == 2 and not report["removed"]
    curated = json.loads((project / "build" / following / "manifest.json").read_text())["curated"]
    assert curated["documents"] == 3 and curated["fields"]["title"] == 3
    card = (project / "build" / following / "hf" / "README.md").read_text(encoding="utf-8")
    assert "the parser against 3 curated documents of this release" in card
    plan = cmvisit("publish", f"build/{following}", "--dry-run")
    assert (
        plan.returncode == 0
        and f"tag v{following}" in plan.stdout
        and "cmvisit-data/cmvisit-data" in plan.stdout
    )

    # the suite's release checks, on the copy: every release verifies, and a plain build
    # reproduces the package's own release
    for version in [*releases, following]:
        assert cmvisit("verify", f"build/{version}").returncode == 0, version
    again = cmvisit("build", "--format", "json")
    status = json.loads(again.stdout)["release"]["status"]
    assert again.returncode == 0 and status == "reproduced", again.stderr
