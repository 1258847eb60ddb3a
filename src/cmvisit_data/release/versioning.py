"""Which versions a release may take: releases only move forward (a new version is above the
newest), the next one is the newest's next minor, and in a source checkout the package's
version is the release's (`cmvisit build` and the tests rebuild the package's own release).
The steps a contributor runs to cut a version are said here, for the build's refusals and
for `publish`.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import Problem
from .layout import versions


def _order(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in version.split("."))


def next_version(out: Path) -> str:
    """The version to cut next in `out`: the newest release's next minor (0.5.0 -> 0.6.0), as a
    release that adds documents is numbered; 0.1.0 when there is none."""
    found = versions(out)
    if not found:
        return "0.1.0"
    major, minor, _ = _order(found[-1])
    return f"{major}.{minor + 1}.0"


def package_version_problem(where: Path, version: str) -> Problem:
    """A release of another version than the checkout's package: the release would record a
    package that did not build it, and `cmvisit build` could never reproduce it."""
    from .. import _version

    return Problem(
        "bad-version",
        f"the package's version is {_version.__version__}, and a release records the package that built it",
        file=shown_path(where),
        hint=f"In a checkout the package's version follows its releases (`cmvisit build` and the "
        f'tests rebuild its own): set __version__ = "{version}" here, then run '
        f"`cmvisit release {version}` again.",
    )


def off_the_package(out: Path, version: str) -> Problem | None:
    """A build into the checkout's own build/ of another version than the package's, refused as
    `release` refuses it; any other --out (a benchmark, a test, a scratch folder) may hold any."""
    from .. import _version

    where = version_file()
    if where is None or version == _version.__version__ or os.path.exists(out / version):
        return None  # an existing version is reproduced or refused as such
    if os.path.realpath(out) != os.path.realpath(where.parents[2] / "build"):
        return None  # (os.path: a name the file system refuses is the build's to report)
    return package_version_problem(where, version)


def version_file() -> Path | None:
    """The package's _version.py when the package runs from a source checkout (src/cmvisit_data
    beside a pyproject.toml), where the package's version follows its releases: `cmvisit build`
    and the tests rebuild the package's own release from the seeds, and a release records the
    package that built it. None when the package is installed."""
    from .. import _version

    here = Path(_version.__file__).resolve()
    if here.parent.parent.name == "src" and (here.parents[2] / "pyproject.toml").is_file():
        return here
    return None


def shown_path(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def cut_steps(version: str, repo: str | None = None) -> str:
    """What a contributor runs to cut release `version` (for the Hub repository `repo`): in a
    checkout whose package is at another version, raising it first."""
    from .. import _version

    command = f"`cmvisit release {version}{f' --repo-id {repo}' if repo else ''}`"
    where = version_file()
    if where is None or _version.__version__ == version:
        return command
    return f'set __version__ = "{version}" in {shown_path(where)}, then run {command}'


def not_above_newest(out: Path, version: str) -> Problem | None:
    """Releases only move forward: a new version must be above the newest in `out` (0.3.9 after
    0.4.0 would be listed out of order and counted against the wrong predecessor). A version that
    exists is not new: it is reproduced or refused as such. Checked when a build starts: builds of
    two versions started together both land, and the changelog lists them in order."""
    found = versions(out)
    if not found or version in found or _order(version) > _order(found[-1]):
        return None
    newest, following = found[-1], next_version(out)
    return Problem(
        "bad-version",
        f"{version} is not above the newest release in {out}, {newest}",
        file=str(out),
        hint=f"Releases only move forward: give a version above {newest}; to cut {following}, "
        f"{cut_steps(following)}.",
    )
