"""`cmvisit release VERSION`: build a release, verify it, see its CHANGELOG entry written,
and say what to commit."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem
from . import versioning
from .build import BuildResult, build
from .layout import CHANGELOG, VERSION_RE
from .versioning import not_above_newest, package_version_problem, shown_path


@dataclass
class CutResult:
    """What `cut` did: the build, its verification, the CHANGELOG entry, and what to commit."""

    build: BuildResult
    verified: Any = None  # the verify Report, once the build is in place
    changelog: str = ""  # the CHANGELOG.md written
    entry: list[str] = field(default_factory=list)  # the release's section in it
    commit: list[str] = field(default_factory=list)  # the paths to commit, when there is something new

    @property
    def ok(self) -> bool:
        return self.build.ok and self.verified is not None and self.verified.valid and bool(self.entry)


def cut(
    seeds_dir: str | os.PathLike[str], out_root: str | os.PathLike[str], version: str, **options: Any
) -> CutResult:
    """Cut release `version` in one step: build it (a version not above the newest is refused),
    verify it, and see its CHANGELOG entry written (the build writes it; a release already in
    place whose entry is missing gets it now). `options` are build()'s. The paths to commit are
    the release, the CHANGELOG, the seeds it was built from and, in a checkout, _version.py,
    unless it already existed. In a checkout, `version` must be the package's: the release
    records it, and `cmvisit build` and the tests rebuild the package's own release."""
    from .. import _version
    from .changelog import read_changelog, recorded, write_changelog
    from .verify import verify

    out = Path(out_root)
    where = versioning.version_file()  # looked up when called: tests stand in a checkout
    # The version's own form and place come first: raising _version.py to a version that is not
    # valid, or not above the newest, would only lead to a second refusal.
    early = (
        Problem("bad-version", f"{version!r} is not MAJOR.MINOR.PATCH")
        if not VERSION_RE.match(version)
        else None
    )
    early = early or not_above_newest(out, version)
    if early is not None:
        refused = BuildResult(version=version, path=str(out / version), status="refused")
        refused.problems.append(early)
        return CutResult(refused)
    if where is not None and version != _version.__version__:
        refused = BuildResult(version=version, path=str(out / version), status="refused")
        refused.problems.append(package_version_problem(where, version))
        return CutResult(refused)
    result = CutResult(build(seeds_dir, out, version, **options))
    if not result.build.ok:
        return result
    final = Path(result.build.path)
    result.verified = verify(final)
    if not result.verified.valid:
        return result
    result.changelog = str(out / CHANGELOG)
    entries = recorded(read_changelog(out))
    if version not in entries:
        write_changelog(out)
        entries = recorded(read_changelog(out))
    result.entry = [line for line in entries.get(version, []) if line.strip()]
    if result.build.status == "built":
        result.commit = [str(final), result.changelog, str(seeds_dir)]
        if where is not None:
            result.commit.append(shown_path(where))
    return result
