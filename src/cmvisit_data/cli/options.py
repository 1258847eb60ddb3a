"""The options several commands share, each written once; where the seeds and the releases
are; and the one report every command prints with --format json, and the exit code it gives."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NoReturn

import click

from .. import rules
from ..errors import Problem, Report
from .base import _echo_problems

MAX_BYTES = click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=rules.DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse documents larger than this many bytes.",
)
FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Human-readable lines, or one JSON report for scripts (valid, stats, problems, and the result).",
)
SKIP_UNSUPPORTED = click.option(
    "--skip-unsupported",
    is_flag=True,
    help="Name the files a folder holds that are not documents (a .pdf, .docx, .png …) as skipped, "
    "instead of reporting each as a problem (exit 1).",
)
WORKERS = click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to parse with (default: all cores).",
)


def _repo_id(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--repo-id checked by the Hub's rules before anything is built or uploaded."""
    if value is None:
        return None
    from ..hub.repo_id import repo_id_problem

    why = repo_id_problem(value)
    if why is not None:
        raise click.BadParameter(why)
    return value


SEEDS_OPTION = click.option(
    "--seeds",
    "seeds_dir",
    default=None,
    type=click.Path(file_okay=False),
    help="The seeds folder: documents with their manifest.json (default: the project's seeds/, "
    "looked for from the current folder up to the repository root).",
)
OUT_OPTION = click.option(
    "--out",
    "out_dir",
    default=None,
    type=click.Path(file_okay=False),
    help="Folder that holds the releases (default: the project's build/, beside the seeds/ found; "
    "with --seeds or --discover, ./build).",
)
REPO_ID_OPTION = click.option(
    "--repo-id",
    "hub_repo",
    default=None,
    metavar="ORG/NAME",
    callback=_repo_id,
    help="The Hub dataset repository the card is written for (default: the project's); publish goes there.",
)


def emit(report: Report, fmt: str) -> None:
    """The report as JSON on stdout, with --format json; nothing with text (each command
    writes its own lines)."""
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))


def refuse(problems: list[Problem], fmt: str, **payload: object) -> NoReturn:
    """Stop before the work: the problems as lines (text) or as the command's report (json),
    and exit 2 when they are usage problems (a path that names nothing, a malformed
    version), else 1."""
    report = Report(problems=problems, payload=dict(payload))
    emit(report, fmt)
    _echo_problems(problems, fmt)
    sys.exit(report.exit_code)


def seeds_folder(seeds_dir: str | None, instead: str) -> str | list[Problem]:
    """The seeds folder of add, build and seeds: --seeds when it holds manifest.json, else the
    project's seeds/ found from the current folder up to the repository root; or the problem
    that names the paths tried (`instead`: the command's own way to do without one)."""
    from ..seeds.manifest import find_seeds, seeds_missing

    folder, tried = find_seeds(seeds_dir)
    if folder is None:
        return [seeds_missing(tried, seeds_dir is not None, instead)]
    return str(folder)


def seeds_or_exit(seeds_dir: str | None, instead: str, fmt: str, **payload: object) -> str:
    """seeds_folder, or its problem reported and exit 2 (no seeds folder is a usage error)."""
    found = seeds_folder(seeds_dir, instead)
    if not isinstance(found, str):
        refuse(found, fmt, **payload)
    return found


def out_beside(out_dir: str | None, seeds_dir: str | None, found: str) -> str:
    """--out, or else the project's build/: beside the seeds/ the lookup found (from a subfolder
    too, so that a release is never cut into another build/ where the newest is not known), or
    ./build when the seeds folder was given."""
    if out_dir is not None:
        return out_dir
    return "build" if seeds_dir is not None else str(Path(found).parent / "build")


def release_or_exit(path: str, fmt: str, **payload: object) -> None:
    """A release argument that names nothing, or a folder without manifest.json, is a usage
    error (exit 2), reported as the command's report with --format json."""
    from ..release.layout import RELEASE_MANIFEST, not_a_release

    if not Path(path).exists():
        refuse([Problem("release-missing", "there is no release here", file=path)], fmt, **payload)
    manifest = Path(path) / RELEASE_MANIFEST
    if Path(path).is_dir() and not manifest.exists() and not manifest.is_symlink():
        refuse([not_a_release(path)], fmt, **payload)
