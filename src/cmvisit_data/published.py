"""Which releases are published: the one rule the wheel's build hook and the loader share.

A release is published when it is committed: its folder `build/X.Y.Z/` with a manifest.json is
in the project's git history (HEAD). Why git, and not another list:
- committing is how a release is published (the README's contributor path: `cmvisit release
  X.Y.Z`, then commit what it names), so git already holds the answer, kept by no one by hand;
- build/CHANGELOG.md cannot tell: every build, a scratch one too, lists its release there;
- a list in pyproject.toml or the package had to be edited by hand for each release, and was
  forgotten (issue 24).
Where the project has no git history (an unpacked sdist, which ships only the committed
releases, or git not installed), every release folder is taken as published.

Standard library only: the build hook (hatch_build.py) loads this file with hatchling alone.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

_VERSION_RE = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")  # as release.layout.VERSION_RE
_MANIFEST = "manifest.json"


def _order(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in version.split("."))


def release_folders(root: Path) -> list[str]:
    """Versions of the release folders under root (X.Y.Z with a manifest.json), oldest first."""
    if not root.is_dir():
        return []
    found = [p.name for p in root.iterdir() if _VERSION_RE.match(p.name) and (p / _MANIFEST).is_file()]
    return sorted(found, key=_order)


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.SubprocessError):  # no git, or it hangs
        return None


def committed(root: Path) -> set[str] | None:
    """Versions whose root/X.Y.Z/manifest.json is committed (in HEAD) in the project's git
    repository, the project being root's parent; None when that folder is not the top of a git
    work tree (an unpacked sdist, a wheel, no git), where nothing can be told."""
    project = root.parent
    top = _git(project, "rev-parse", "--show-toplevel")
    if top is None or top.returncode != 0 or Path(top.stdout.strip()).resolve() != project.resolve():
        return None
    listed = _git(project, "ls-tree", "-r", "--name-only", "--full-tree", "HEAD", "--", root.name)
    if listed is None or listed.returncode != 0:
        return set()  # a repository with no commit yet: nothing is published
    prefix = f"{root.name}/"
    return {
        name[len(prefix) :].split("/")[0]
        for name in listed.stdout.splitlines()
        if name.startswith(prefix) and name.count("/") == 2 and name.endswith(f"/{_MANIFEST}")
    }


def published(root: Path) -> list[str]:
    """The published releases under root (a project's build/), oldest first."""
    found = release_folders(root)
    known = committed(root)
    return found if known is None else [v for v in found if v in known]
