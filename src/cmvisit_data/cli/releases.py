"""The commands that make a release from the seeds: build (the tables) and release (build,
verify, the CHANGELOG entry and what to commit, in one step)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .._version import __version__
from ..errors import Report, shown
from .base import _count, _echo_problems, _Progress
from .options import (
    FORMAT,
    MAX_BYTES,
    OUT_OPTION,
    REPO_ID_OPTION,
    SEEDS_OPTION,
    WORKERS,
    emit,
    out_beside,
    refuse,
    seeds_folder,
    seeds_or_exit,
)


def build_report(result: Any) -> Report:
    """A BuildResult as the one report: its figures in stats, the release under "release"."""
    stats = {
        "documents": result.documents,
        "rows": result.rows,
        "rejected": len(result.rejected),
        "bytes_in": result.bytes_in,
        "seconds": result.seconds,
    }
    release = {
        "version": result.version,
        "path": result.path,
        "status": result.status,
        "note": result.note,
        "rejected": result.rejected,
    }
    return Report(problems=list(result.problems), stats=stats, payload={"release": release})


def _exit(ok: bool, report: Report) -> None:
    """0 when the work was done; else 2 for a usage problem, 1 for any other failure."""
    sys.exit(0 if ok else max(1, report.exit_code))


@click.command()
@click.option(
    "--version",
    "version",
    default=__version__,
    show_default=True,
    help="The release's version to build, MAJOR.MINOR.PATCH (not the package's: see cmvisit --version); "
    "a new one must be above the newest in --out.",
)
@SEEDS_OPTION
@OUT_OPTION
@click.option(
    "--allow-rejects",
    is_flag=True,
    help="Publish the valid documents and record the rejected ones (default: any invalid input fails).",
)
@click.option(
    "--discover",
    is_flag=True,
    help="For a folder with no manifest.json (a benchmark corpus): build every .txt, .html and .htm, "
    "provenance unknown.",
)
@WORKERS
@MAX_BYTES
@FORMAT
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where the documents are parsed: this machine's processes, or a Dask cluster (the 'dask' extra).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="With --engine dask: an existing cluster's scheduler (tcp://host:8786); without it, a local one.",
)
@REPO_ID_OPTION
def build(
    version: str,
    seeds_dir: str | None,
    out_dir: str | None,
    allow_rejects: bool,
    discover: bool,
    workers: int | None,
    max_bytes: int,
    fmt: str,
    quiet: bool,
    engine: str,
    scheduler: str | None,
    hub_repo: str | None,
) -> None:
    """Build release VERSION from the seeds into OUT/VERSION as typed Parquet tables.

    Every document listed in the seeds manifest is parsed and validated, split into the
    documents, highlights, quotes, tweets, paragraphs and related tables, checked, and
    written with manifest.json. An existing release is never overwritten.
    """
    from ..release import build as run_build

    refused = {"version": version, "path": str(Path(out_dir or "build") / version), "status": "failed"}
    if discover:
        seeds_dir = seeds_dir or "seeds"  # a corpus with no manifest: the folder as given
        out_dir = out_dir or "build"
    else:
        found = seeds_folder(seeds_dir, "--discover builds a folder of .txt and .html files that has none")
        if not isinstance(found, str):
            refuse(found, fmt, release=refused)
        out_dir = out_beside(out_dir, seeds_dir, found)
        seeds_dir = found
    progress = None if quiet or fmt != "text" else _Progress(f"building {version}")
    try:
        options: dict[str, Any] = {"engine": engine, "scheduler": scheduler}
        if hub_repo:
            options["hub_repo"] = hub_repo
        result = run_build(
            seeds_dir, out_dir, version, allow_rejects, workers, max_bytes, progress, discover, **options
        )
    finally:
        if progress is not None:
            progress.finish()
    report = build_report(result)
    emit(report, fmt)
    _echo_problems(result.problems, fmt)
    if fmt == "text" and not quiet:
        if result.status == "built":
            rows = ", ".join(f"{k} {v}" for k, v in result.rows.items())
            took = result.seconds.get("total", 0.0)
            click.echo(f"built {result.path}: {rows} ({result.bytes_in:,} bytes of text in {took:.2f} s)")
            if result.rejected:
                click.echo(f"{len(result.rejected)} rejected inputs recorded in {result.path}/rejected.jsonl")
        elif result.status == "reproduced":
            click.echo(
                f"{result.path} already exists and releases are never overwritten; "
                f"this build reproduces it {result.note}: nothing was written"
            )
        elif result.status == "failed":
            click.echo(
                f"build of {version} failed: {_count(len(result.problems), 'problem')}, nothing was written",
                err=True,
            )
    _exit(result.ok, report)


def _cut_report(result: Any) -> Report:
    """A CutResult as the one report: the build's, with its verification, the CHANGELOG entry
    and the paths to commit under "release"."""
    report = build_report(result.build)
    verified = result.verified
    if verified is not None:
        report.problems.extend(verified.problems)
    report.payload["release"].update(
        verified=verified is not None and verified.valid,
        changelog=result.changelog,
        entry=result.entry,
        commit=result.commit,
    )
    return report


@click.command("release")
@click.argument("version")
@SEEDS_OPTION
@OUT_OPTION
@REPO_ID_OPTION
@WORKERS
@MAX_BYTES
@FORMAT
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors and what to commit.")
def release_command(
    version: str,
    seeds_dir: str | None,
    out_dir: str | None,
    hub_repo: str | None,
    workers: int | None,
    max_bytes: int,
    fmt: str,
    quiet: bool,
) -> None:
    """Cut release VERSION in one step: build it, verify it, write its CHANGELOG entry, and say
    what to commit.

    VERSION must be above the newest release in OUT. Exit 0 when the release is in place and
    verified, 1 with what failed otherwise (a failed build writes nothing).
    """
    from ..release.cut import cut

    found = seeds_or_exit(seeds_dir, "cmvisit add --init starts one", fmt, release=None)
    out_dir, seeds_dir = out_beside(out_dir, seeds_dir, found), found
    progress = None if quiet or fmt != "text" else _Progress(f"building {version}")
    options: dict[str, Any] = {"workers": workers, "max_bytes": max_bytes, "progress": progress}
    if hub_repo:
        options["hub_repo"] = hub_repo
    try:
        result = cut(seeds_dir, out_dir, version, **options)
    finally:
        if progress is not None:
            progress.finish()
    report = _cut_report(result)
    emit(report, fmt)
    _echo_problems(report.problems, fmt)
    if fmt != "text":
        _exit(result.ok, report)
    path = shown(result.build.path)
    if not result.ok:
        what = "its verification failed" if result.build.ok else "nothing was written"
        click.echo(f"release {version} was not cut: {what}", err=True)
        _exit(False, report)
    if result.build.status == "reproduced":
        click.echo(f"{path} is already released, and these inputs reproduce it: nothing new to commit")
        sys.exit(0)
    if not quiet:
        rows = ", ".join(f"{k} {v}" for k, v in result.build.rows.items())
        click.echo(f"released {path}: {rows}; verified ({result.verified.records} documents)")
        click.echo(f"its entry in {shown(result.changelog)}:")
        for line in result.entry:
            click.echo(f"  {line}")
    click.echo("commit what made it:")
    click.echo("  git add " + " ".join(shown(p) for p in result.commit))
    click.echo(f"then publish it: cmvisit publish {path} --dry-run, and without --dry-run")
