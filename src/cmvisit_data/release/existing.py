"""A build of a version that exists: the release is never touched; the build either
reproduces it (byte for byte, or row for row when another pyarrow wrote its Parquet files)
or is refused, saying what changed since it and the command that cuts the next release.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import Problem
from ..hashing import sha256_of
from ..info import INFO
from .diff import digests
from .layout import RELEASE_MANIFEST, read_manifest, versions
from .versioning import cut_steps, next_version


def _claims(release: Path) -> dict[str, Any] | None:
    """A manifest without what another Parquet writer changes: its version, and the bytes and
    checksums of the Parquet files (the rows they hold are compared on their own)."""
    try:
        manifest = read_manifest(release)
    except Exception:
        return None
    manifest["writer"].pop("pyarrow", None)
    for meta in [*manifest["tables"].values(), *manifest["files"].values()]:
        meta.pop("bytes", None)
        meta.pop("sha256", None)
    return manifest


def _writer_of(release: Path) -> str | None:
    try:
        return read_manifest(release).get("writer", {}).get("pyarrow")
    except Exception:  # an unreadable manifest excuses nothing
        return None


def settle_existing(tmp: Path, final: Path, out: Path) -> tuple[str, str, Problem | None]:
    """A version that exists is never touched: say whether this build reproduces it, byte for
    byte, or row for row (Parquet written by another pyarrow version differs in its bytes); if
    not, what changed since it and the next step. Returns (status, note, the problem when
    refused)."""
    ours = {str(p.relative_to(tmp)): sha256_of(p) for p in tmp.rglob("*") if p.is_file()}
    theirs = {str(p.relative_to(final)): sha256_of(p) for p in final.rglob("*") if p.is_file()}
    if ours == theirs:
        return "reproduced", "byte for byte", None
    # Parquet bytes depend on the writing library's version: a table file written by another
    # pyarrow may differ in its bytes and still hold the same rows. Nothing else is excused.
    differing = sorted(n for n in set(ours) | set(theirs) if ours.get(n) != theirs.get(n))
    writer = _writer_of(final)
    import pyarrow

    from ..hub import same_but_file_sizes

    parquet_only = all(
        n.endswith(".parquet") or n == RELEASE_MANIFEST or same_but_file_sizes(n, tmp / n, final / n)
        for n in differing
    )
    parquet_only = parquet_only and set(ours) == set(theirs) and _claims(tmp) == _claims(final)
    if parquet_only and writer not in (None, pyarrow.__version__) and digests(tmp) == digests(final):
        note = (
            f"row for row ({len(differing)} files differ in their bytes, e.g. {differing[0]}; "
            f"the release was written with pyarrow {writer}, this build with {pyarrow.__version__})"
        )
        return "reproduced", note, None
    return "refused", "", _what_changed(tmp, final, out)


def _what_changed(tmp: Path, final: Path, out: Path) -> Problem:
    """release-exists, with why this build differs from the release (the seeds, the Hub
    repository the card names, or the code) and the command that cuts the next release."""
    version, following = final.name, next_version(out)
    ours, theirs = _claims(tmp) or {}, _claims(final) or {}
    repo = ours.get("hub_repo")
    step = cut_steps(following)
    if ours.get("inputs") != theirs.get("inputs"):
        why = f"the seeds changed since {version}"
    elif repo is not None and repo != theirs.get("hub_repo", INFO.hub_repo):
        built_for = theirs.get("hub_repo", INFO.hub_repo)
        why = f"{version} was built for the Hub repository {built_for}, not {repo}"
        step = cut_steps(following, repo)
    else:
        why = f"what these inputs build changed since {version} (the parser, the schema or the card)"
    hint = f"Releases are never overwritten; to cut a new one, {step}."
    newest = versions(out)[-1]
    if newest != version:  # the package's version (plain `cmvisit build`) is behind the releases
        hint = (
            f"Releases are never overwritten. The newest is {newest}: if it holds these seeds, "
            f"`cmvisit build --version {newest}` reproduces it (and __version__ in _version.py follows it); "
            f"otherwise, to cut a new one, {step}."
        )
    return Problem(
        "release-exists",
        f"{final} exists and differs from what these inputs build: {why}",
        file=str(final),
        hint=hint,
    )
