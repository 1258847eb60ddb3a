"""The `cmvisit` command line: thin click commands over the library.

Each command calls the library and returns an exit code: 0 all good, 1 some input is
invalid, 2 usage error (click's own). Heavy libraries are imported inside the commands that
need them, so `cmvisit --help` starts fast. Bad input is reported one line per problem on
stderr (text) or as a JSON report (--format json), never as a traceback.
"""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import Any

import click

from . import rules
from ._version import __version__
from .cli_base import (
    _EXAMPLES,
    _QUIET,
    CLEAR,
    _count,
    _echo_problems,
    _echo_skipped,
    _echo_some,
    _Group,
    _Progress,
    _provenance_change_options,
    _provenance_options,
)
from .errors import Problem, shown

_MAX_BYTES = click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=rules.DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse documents larger than this many bytes.",
)


def _repo_id(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--repo-id checked by the Hub's rules before anything is built or uploaded."""
    if value is None:
        return None
    from .release.publish import repo_id_problem

    why = repo_id_problem(value)
    if why is not None:
        raise click.BadParameter(why)
    return value


# Options several commands share, each written once.
_SEEDS_OPTION = click.option(
    "--seeds",
    "seeds_dir",
    default=None,
    type=click.Path(file_okay=False),
    help="The seeds folder: documents with their manifest.json (default: the project's seeds/, "
    "looked for from the current folder up to the repository root).",
)
_OUT_OPTION = click.option(
    "--out",
    "out_dir",
    default=None,
    type=click.Path(file_okay=False),
    help="Folder that holds the releases (default: the project's build/, beside the seeds/ found; "
    "with --seeds or --discover, ./build).",
)
_REPO_ID_OPTION = click.option(
    "--repo-id",
    "hub_repo",
    default=None,
    metavar="ORG/NAME",
    callback=_repo_id,
    help="The Hub dataset repository the card is written for (default: the project's); publish goes there.",
)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]}, epilog=_EXAMPLES)
@click.version_option(
    __version__,
    prog_name="cmvisit",
    message="%(prog)s (the cmvisit-data package) %(version)s; a release has its own (build --version)",
    help="Show the package's version and exit (a release's version is build's --version).",
)
def main() -> None:
    """Build and check the cmvisit press-release dataset."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--pretty", is_flag=True, help="Print one indented record per document instead of JSON Lines.")
@click.option(
    "--explain",
    is_flag=True,
    help="Add an 'explain' object to each line: every title, publication-date and post-line "
    "candidate the scorer rated, with its features, score and the terms that decided it; the rule "
    "behind each byline name and the dateline; how each quote was attributed and its speaker "
    "chosen; and why each bullet list is or is not highlights.",
)
@click.option(
    "--weights",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="Score page headers with this weights file instead of the package's own "
    "(one written by tools/fit_header.py).",
)
@_MAX_BYTES
def parse(paths: tuple[str, ...], pretty: bool, explain: bool, weights: str | None, max_bytes: int) -> None:
    """Parse raw documents into records, one JSON record per line, in argument order (a folder:
    its .txt documents, sorted, every other file named as skipped).

    A document that cannot be parsed still gets its line, an object {"file", "error"}, so
    lines stay aligned with the arguments; the exit code is then 1.
    """
    from .header.model import WeightsError, load
    from .record import parse_path

    try:
        model = load(weights)
    except WeightsError as exc:
        raise click.BadParameter(str(exc), param_hint="--weights") from None
    from .seeds.folders import DOCUMENT_SUFFIXES, expand

    files, skipped = expand(list(paths), DOCUMENT_SUFFIXES)
    _echo_skipped(skipped, "not a document (.txt)")
    failed = False
    for path in files:
        why: dict[str, object] | None = {} if explain else None
        record, problems = parse_path(path, max_bytes, model=model, explain=why)
        if record is not None and why is not None:
            record = {**record, "explain": why}
        if record is None:
            failed = True
            for problem in problems:
                click.echo(problem.one_line(), err=True)
            out = {"file": path, "error": [p.to_dict() for p in problems]}
        else:
            out = record
        click.echo(json.dumps(out, ensure_ascii=False, indent=2 if pretty else None))
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Human-readable lines, or one JSON report for scripts.",
)
@_MAX_BYTES
@_QUIET
def validate(paths: tuple[str, ...], fmt: str, max_bytes: int, quiet: bool) -> None:
    """Check raw documents (.txt) and records (.json, .jsonl); directories are searched.

    Prints OK or every problem with its place (file, line, JSON pointer), the offending
    value and what to do. Exit 0 when all inputs are valid, 1 when any is not; with -q, only
    the problems are printed.
    """
    from .intake import validate_paths

    summary = validate_paths(list(paths), max_bytes)
    if fmt == "json":
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    elif quiet:
        for report in summary.reports:
            for problem in report.problems:
                click.echo(problem.one_line())
    else:
        for report in summary.reports:
            if report.valid:
                click.echo(f"{shown(report.file)}: OK")
            for problem in report.problems:
                click.echo(problem.one_line())
        _echo_skipped(summary.skipped, "not a document (.txt) or record (.json, .jsonl)")
        skipped = f", {_count(len(summary.skipped), 'file')} skipped" if summary.skipped else ""
        click.echo(
            f"{len(summary.reports) - summary.invalid} valid, {summary.invalid} invalid{skipped}", err=True
        )
    sys.exit(0 if summary.valid else 1)


_FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Human-readable lines, or one JSON report for scripts.",
)
_WORKERS = click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to parse with (default: all cores).",
)


@main.command()
@click.option(
    "--version",
    "version",
    default=__version__,
    show_default=True,
    help="The release's version to build, MAJOR.MINOR.PATCH (not the package's: see cmvisit --version); "
    "a new one must be above the newest in --out.",
)
@_SEEDS_OPTION
@_OUT_OPTION
@click.option(
    "--allow-rejects",
    is_flag=True,
    help="Publish the valid documents and record the rejected ones (default: any invalid input fails).",
)
@click.option(
    "--discover",
    is_flag=True,
    help="For a folder with no manifest.json (a benchmark corpus): build every .txt, provenance unknown.",
)
@_WORKERS
@_MAX_BYTES
@_FORMAT
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
@_REPO_ID_OPTION
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
    from .release import BuildResult
    from .release import build as run_build

    if discover:
        seeds_dir = seeds_dir or "seeds"  # a corpus with no manifest: the folder as given
        out_dir = out_dir or "build"
    else:
        found = _seeds_folder(seeds_dir, "--discover builds a folder of .txt files that has none")
        if not isinstance(found, str):
            refused = BuildResult(
                version=version, path=str(Path(out_dir or "build") / version), status="failed"
            )
            refused.problems.extend(found)
            if fmt == "json":
                click.echo(json.dumps(refused.to_dict(), ensure_ascii=False, indent=2))
            _echo_problems(found, fmt)
            sys.exit(1)
        out_dir = _out_beside(out_dir, seeds_dir, found)
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
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
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
    sys.exit(0 if result.ok else 1)


@main.command("release")
@click.argument("version")
@_SEEDS_OPTION
@_OUT_OPTION
@_REPO_ID_OPTION
@_WORKERS
@_MAX_BYTES
@_FORMAT
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
    from .release.cut import cut

    found = _seeds_or_exit(seeds_dir, "cmvisit add --init starts one", fmt)
    out_dir, seeds_dir = _out_beside(out_dir, seeds_dir, found), found
    progress = None if quiet or fmt != "text" else _Progress(f"building {version}")
    options: dict[str, Any] = {"workers": workers, "max_bytes": max_bytes, "progress": progress}
    if hub_repo:
        options["hub_repo"] = hub_repo
    try:
        result = cut(seeds_dir, out_dir, version, **options)
    finally:
        if progress is not None:
            progress.finish()
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    problems = result.build.problems + (result.verified.problems if result.verified is not None else [])
    _echo_problems(problems, fmt)
    if fmt != "text":
        sys.exit(0 if result.ok else 1)
    path = shown(result.build.path)
    if not result.ok:
        what = "its verification failed" if result.build.ok else "nothing was written"
        click.echo(f"release {version} was not cut: {what}", err=True)
        sys.exit(1)
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


@main.command()
@click.argument("release", type=click.Path(file_okay=False))
@_FORMAT
@click.option(
    "--expect",
    metavar="SHA256",
    default=None,
    help="The manifest's sha256, as CHANGELOG.md or the Hub tag records it.",
)
def verify(release: str, fmt: str, expect: str | None) -> None:
    """Prove a release from its data: its manifest, every checksum, schema and table rule.

    The manifest must list exactly the folder's files and agree with every figure the data
    gives. With --expect, its own sha256 must also be the one given (CHANGELOG.md and the
    Hub tag record it). Exit 0 when the release is intact, 1 with what failed where.
    """
    from .release import verify as run_verify

    report = run_verify(release, expect=expect)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        for problem in report.problems:
            click.echo(problem.one_line())
        if report.valid:
            click.echo(f"{shown(release)}: OK ({report.records} documents)")
    sys.exit(0 if report.valid else 1)


@main.command()
@click.argument("old", type=click.Path(file_okay=False, exists=True))
@click.argument("new", type=click.Path(file_okay=False, exists=True))
@_FORMAT
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="Documents listed in text per kind (added, removed, changed); --format json lists all.",
)
def diff(old: str, new: str, fmt: str, limit: int) -> None:
    """Compare two releases: documents added, removed and changed, and why.

    A summary comes first: the counts, then per cause (the text, the schema, the parser, the
    provenance) the documents, fields and items that changed. Then each document with its
    file name and title; a changed one with its fields old -> new and its items per table
    (quotes +2 -1, speakers changed: 1). --format json gives all of it, with stable keys.
    """
    from .release import diff as run_diff
    from .release.diff_text import detail_lines, heading, summary_lines

    result = run_diff(old, new)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    first, *causes = summary_lines(result)
    click.echo(f"{result['from']} -> {result['to']}: {first}")
    for line in causes:
        click.echo(f"  {line}")
    for table, rows in result["rows"].items():
        change = rows["to"] - rows["from"]
        click.echo(f"{table}: {rows['from']} -> {rows['to']} ({change:+d})")
    for kind in ("added", "removed", "changed"):
        entries = result[kind]
        if entries:
            click.echo(f"{kind}: {len(entries):,}")
        for entry in entries[:limit]:
            cause = f"  ({entry['cause']})" if kind == "changed" else ""
            click.echo(f"  {heading(entry)}{cause}")
            for line in detail_lines(entry) if kind == "changed" else []:
                click.echo(f"    {line}")
        if len(entries) > limit:
            click.echo(f"  … and {len(entries) - limit:,} more (--limit N, or --format json for all)")


def _seeds_folder(seeds_dir: str | None, instead: str) -> str | list[Problem]:
    """The seeds folder of add, build and seeds: --seeds when it holds manifest.json, else the
    project's seeds/ found from the current folder up to the repository root; or the problem
    that names the paths tried (`instead`: the command's own way to do without one)."""
    from .seeds.manifest import find_seeds, seeds_missing

    folder, tried = find_seeds(seeds_dir)
    if folder is None:
        return [seeds_missing(tried, seeds_dir is not None, instead)]
    return str(folder)


def _out_beside(out_dir: str | None, seeds_dir: str | None, found: str) -> str:
    """--out, or else the project's build/: beside the seeds/ the lookup found (from a subfolder
    too, so that a release is never cut into another build/ where the newest is not known), or
    ./build when the seeds folder was given."""
    if out_dir is not None:
        return out_dir
    return "build" if seeds_dir is not None else str(Path(found).parent / "build")


def _seeds_or_exit(seeds_dir: str | None, instead: str, fmt: str = "text") -> str:
    """_seeds_folder, or its problem printed and exit 1 (release, seeds set, seeds remove)."""
    found = _seeds_folder(seeds_dir, instead)
    if not isinstance(found, str):
        _echo_problems(found, fmt)
        sys.exit(1)
    return found


def _table_path(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from .seeds.provenance import TABLE_SUFFIXES

    if value is not None and Path(value).suffix.lower() not in TABLE_SUFFIXES:
        raise click.BadParameter(f"{value!r}: give the table as a .csv or a .jsonl file")
    return value


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_SEEDS_OPTION
@click.option(
    "--init",
    is_flag=True,
    help="Start a new seeds folder (with an empty manifest.json) at --seeds, or ./seeds, when none is found.",
)
@click.option(
    "--provenance",
    "table",
    default=None,
    type=click.Path(dir_okay=False),
    callback=_table_path,
    help="A table of where each document came from, one row per file: CSV with the columns file, url, "
    "outlet, rights, obtained, or JSON Lines with those keys. file is the document's name or its path "
    "as given; write null, or leave the cell empty, where a value is not known.",
)
@_provenance_options
@click.option(
    "--same-provenance",
    is_flag=True,
    help="Confirm that the --url, --outlet, --rights and --obtained given are true of every document added.",
)
@_WORKERS
@_MAX_BYTES
@_FORMAT
@_QUIET
def add(
    paths: tuple[str, ...],
    seeds_dir: str | None,
    init: bool,
    table: str | None,
    same_provenance: bool,
    workers: int | None,
    max_bytes: int,
    fmt: str,
    quiet: bool,
    **provenance: str | None,
) -> None:
    """Validate documents and add the valid ones to the seeds with manifest entries.

    PATHS are .txt files or folders (every .txt under them). Invalid documents are reported
    and nothing of them is written; documents whose bytes are already listed are skipped.
    Where each came from is given by a provenance table (--provenance), or by the options for
    one document (for several, only with --same-provenance). A long list is summarised:
    --format json lists every file.
    """
    from .seeds.add import add as run_add

    found = _seeds_folder(seeds_dir, "add --init starts one there")
    if not isinstance(found, str):
        if not init:
            _echo_problems(found, "text")
            sys.exit(1)
        found = seeds_dir or "seeds"
    progress = None if quiet or fmt != "text" else _Progress("adding")
    try:
        result, problems = run_add(list(paths), found, provenance, workers, max_bytes, table=table,
                                   same_provenance=same_provenance, init=init, progress=progress)  # fmt: skip
    finally:
        if progress is not None:
            progress.finish()
    if problems:
        _echo_problems(problems, "text")
        sys.exit(1)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        more = "… and {n} more; --format json lists all"
        if not quiet:
            added = [f"added {shown(i['file'])} as {found}/{i['as']} ({i['language']})" for i in result.added]
            _echo_some(added, more)
            present = [_present_line(item, found) for item in result.present]
            _echo_some(present, more)
        for report in result.invalid:
            for problem in report.problems:
                click.echo(problem.one_line())
        if not quiet:
            _echo_skipped(result.skipped, "not a document (.txt)")
            click.echo(
                f"{len(result.added)} added, {len(result.present)} already present, "
                f"{len(result.invalid)} invalid",
                err=True,
            )
    sys.exit(1 if result.invalid else 0)


def _present_line(item: dict[str, Any], folder: str) -> str:
    """An already listed document: nothing to do, unless the provenance given differs from the
    listed one, which `seeds set` corrects (add never rewrites an entry)."""
    where = f"already present: {shown(item['file'])} (as {folder}/{item['as']})"
    if "provenance" not in item:
        return f"{where}; nothing to do"
    listed, given = item["provenance"]["listed"], item["provenance"]["given"]
    differ = " ".join(
        f"--{name} {'null' if given[name] is None else shlex.quote(given[name])}"
        for name in given
        if given[name] != listed[name]
    )
    return (
        f"{where} with other provenance, kept as listed; to change it: cmvisit seeds set {item['as']} "
        + differ
    )


@main.group()
def seeds() -> None:
    """Correct or remove an entry of the seeds manifest (seeds set, seeds remove)."""


def _shown_value(value: object) -> str:
    return "null" if value is None else repr(value)


@seeds.command("set")
@click.argument("file")
@_SEEDS_OPTION
@_provenance_change_options
@_FORMAT
def seeds_set(file: str, seeds_dir: str | None, fmt: str, **options: object) -> None:
    """Correct the provenance of one listed document: each value given replaces the entry's,
    null clears it, and the old value is printed beside the new.

    FILE is the entry's file name (or its path in the seeds folder). The manifest is rewritten
    under the seeds' lock, as add does, and the values pass the same checks as add's.
    """
    from .seeds.manifest import set_provenance

    changes = {
        name: (None if value is CLEAR else value) for name, value in options.items() if value is not None
    }
    if not changes:
        raise click.UsageError("give at least one of --url, --outlet, --rights, --obtained (null clears one)")
    found = _seeds_or_exit(seeds_dir, "cmvisit add --init starts one")
    change, problems = set_provenance(found, file, changes)
    _echo_change(change, problems, fmt, found)
    if change is not None and fmt == "text":
        for name in changes:
            old, new = change.old[name], change.new[name] if change.new else None
            same = " (unchanged)" if old == new else ""
            click.echo(f"{found}/{change.file}: {name}: {_shown_value(old)} -> {_shown_value(new)}{same}")
    sys.exit(0 if change is not None else 1)


@seeds.command("remove")
@click.argument("file")
@_SEEDS_OPTION
@click.option(
    "--keep-file",
    is_flag=True,
    help="Keep the document in the seeds folder (unlisted: move it out, or add it again, before a build).",
)
@_FORMAT
def seeds_remove(file: str, seeds_dir: str | None, keep_file: bool, fmt: str) -> None:
    """Remove one document's entry from the seeds manifest, and the document from the seeds
    folder unless --keep-file; its provenance is printed, so nothing is lost unsaid.

    FILE is the entry's file name (or its path in the seeds folder).
    """
    from .seeds.manifest import remove_entry

    found = _seeds_or_exit(seeds_dir, "there is nothing to remove")
    change, problems = remove_entry(found, file, keep_file)
    _echo_change(change, problems, fmt, found)
    if change is not None and fmt == "text":
        was = ", ".join(f"{name} {_shown_value(value)}" for name, value in change.old.items())
        click.echo(f"removed {found}/{change.file} from the manifest (was: {was})")
        if change.file_removed:
            click.echo(f"deleted {found}/{change.file}")
        elif keep_file:
            click.echo(
                f"kept {found}/{change.file}: it is unlisted now, so build refuses it until you move it out "
                f"of {found}/ or list it again: cmvisit add {found}/{change.file} --url ... --outlet ..."
            )
    sys.exit(0 if change is not None else 1)


def _echo_change(change: Any, problems: list[Problem], fmt: str, folder: str) -> None:
    if fmt == "json":
        body = change.to_dict() if change is not None else {}
        click.echo(
            json.dumps({**body, "errors": [p.to_dict() for p in problems]}, ensure_ascii=False, indent=2)
        )
    _echo_problems(problems, fmt)


@main.command()
@click.argument("release", type=click.Path(file_okay=False, exists=True))
@click.option(
    "--repo-id",
    default=None,
    metavar="ORG/NAME",
    callback=_repo_id,
    help="Target dataset repository on the Hub, ORG/NAME (default: the one the release's card names; "
    "another is refused).",
)
@click.option("--dry-run", is_flag=True, help="Print the plan and upload nothing (no token needed).")
@_FORMAT
def publish(release: str, repo_id: str | None, dry_run: bool, fmt: str) -> None:
    """Upload a verified release's hf/ folder to the Hub in one commit, tagged v<version>.

    The repository is the one the release's card names. The token comes from HF_TOKEN or the
    saved login (`huggingface-cli login`) and is never printed; without one, nothing is uploaded
    and the exit code is 1. With --dry-run, prints the plan (files, sizes, sha256, repository,
    tag) instead.
    """
    from .release.publish import publish_release

    result = publish_release(release, repo_id, dry_run)
    target = result.plan.get("repo_id")
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2))
    else:
        _echo_problems(result.problems, fmt)
        if result.uploaded:
            tag = result.plan["tag"]
            click.echo(f"published {release} to dataset {target} at commit {result.commit}, tagged {tag}")
        elif result.ok:
            plan = result.plan
            click.echo(f"plan: upload {len(plan['files'])} files to dataset {target}, tag {plan['tag']}")
            for item in plan["files"]:
                click.echo(f"  {item['path']}  {item['bytes']:,} bytes  sha256 {item['sha256']}")
            click.echo(f"nothing uploaded ({result.reason})")
    sys.exit(0 if result.ok else 1)


if __name__ == "__main__":  # pragma: no cover
    main()
