"""The commands on the seeds: add (documents with their manifest entries) and the seeds group
(set, remove: correct or drop one entry)."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import Problem, Report, shown
from .base import (
    _QUIET,
    CLEAR,
    _echo_problems,
    _echo_skipped,
    _echo_some,
    _Progress,
    _provenance_change_options,
    _provenance_options,
)
from .options import (
    FORMAT,
    MAX_BYTES,
    SEEDS_OPTION,
    SKIP_UNSUPPORTED,
    WORKERS,
    emit,
    refuse,
    seeds_folder,
    seeds_or_exit,
)


def _table_path(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from ..seeds.provenance import TABLE_SUFFIXES

    if value is not None and Path(value).suffix.lower() not in TABLE_SUFFIXES:
        raise click.BadParameter(f"{value!r}: give the table as a .csv or a .jsonl file")
    return value


def _add_report(result: Any) -> Report:
    """add's result as the one report: the invalid documents' problems, the files added."""
    stats = {
        "added": len(result.added),
        "already_present": len(result.present),
        "invalid": len(result.invalid),
        "skipped": len(result.skipped),
    }
    problems = [p for report in result.invalid for p in report.problems]
    payload = {"added": result.added, "already_present": result.present, "skipped": result.skipped}
    return Report(problems=problems, stats=stats, payload=payload)


# add's report when it stops before adding anything: the same keys as any other add's.
_NOTHING_ADDED: dict[str, list[Any]] = {"added": [], "already_present": [], "skipped": []}


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@SEEDS_OPTION
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
@WORKERS
@MAX_BYTES
@SKIP_UNSUPPORTED
@FORMAT
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

    PATHS are .txt or .html/.htm files, or folders (every such file under them). Invalid
    documents are reported and nothing of them is written; documents whose bytes are already
    listed are skipped.
    Where each came from is given by a provenance table (--provenance), or by the options for
    one document (for several, only with --same-provenance). A long list is summarised:
    --format json lists every file.
    """
    from ..seeds.add import add as run_add

    found = seeds_folder(seeds_dir, "add --init starts one there")
    if not isinstance(found, str):
        if not init:
            refuse(found, fmt, **_NOTHING_ADDED)
        found = seeds_dir or "seeds"
    progress = None if quiet or fmt != "text" else _Progress("adding")
    try:
        result, problems = run_add(list(paths), found, provenance, workers, max_bytes, table=table,
                                   same_provenance=same_provenance, init=init, progress=progress,
                                   skip_unsupported=provenance.pop("skip_unsupported"))  # fmt: skip
    finally:
        if progress is not None:
            progress.finish()
    if problems:
        refuse(problems, fmt, **_NOTHING_ADDED)
    report = _add_report(result)
    emit(report, fmt)
    if fmt == "text":
        more = "… and {n} more; --format json lists all"
        if not quiet:
            added = [f"added {shown(i['file'])} as {found}/{i['as']} ({i['language']})" for i in result.added]
            _echo_some(added, more)
            present = [_present_line(item, found) for item in result.present]
            _echo_some(present, more)
        for problem in report.problems:
            click.echo(problem.one_line())
        if not quiet:
            _echo_skipped(result.skipped, "not a document (.txt, .html, .htm)")
            click.echo(
                f"{len(result.added)} added, {len(result.present)} already present, "
                f"{len(result.invalid)} invalid",
                err=True,
            )
    sys.exit(report.exit_code)


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


@click.group()
def seeds() -> None:
    """Correct or remove an entry of the seeds manifest (seeds set, seeds remove)."""


def _shown_value(value: object) -> str:
    return "null" if value is None else repr(value)


@seeds.command("set")
@click.argument("file")
@SEEDS_OPTION
@_provenance_change_options
@FORMAT
def seeds_set(file: str, seeds_dir: str | None, fmt: str, **options: object) -> None:
    """Correct the provenance of one listed document: each value given replaces the entry's,
    null clears it, and the old value is printed beside the new.

    FILE is the entry's file name (or its path in the seeds folder). The manifest is rewritten
    under the seeds' lock, as add does, and the values pass the same checks as add's.
    """
    from ..seeds.manifest import set_provenance

    changes = {
        name: (None if value is CLEAR else value) for name, value in options.items() if value is not None
    }
    if not changes:
        raise click.UsageError("give at least one of --url, --outlet, --rights, --obtained (null clears one)")
    found = seeds_or_exit(seeds_dir, "cmvisit add --init starts one", fmt, entry=None)
    change, problems = set_provenance(found, file, changes)
    if change is not None and fmt == "text":
        for name in changes:
            old, new = change.old[name], change.new[name] if change.new else None
            same = " (unchanged)" if old == new else ""
            click.echo(f"{found}/{change.file}: {name}: {_shown_value(old)} -> {_shown_value(new)}{same}")
    _finish_change(change, problems, fmt)


@seeds.command("remove")
@click.argument("file")
@SEEDS_OPTION
@click.option(
    "--keep-file",
    is_flag=True,
    help="Keep the document and its annotation in the seeds folder (unlisted: move them out, or add the "
    "document again, before a build).",
)
@FORMAT
def seeds_remove(file: str, seeds_dir: str | None, keep_file: bool, fmt: str) -> None:
    """Remove one document's entry from the seeds manifest, and the document and its annotation
    (annotations/FILE.json) from the seeds folder unless --keep-file; its provenance is
    printed, so nothing is lost unsaid.

    FILE is the entry's file name (or its path in the seeds folder).
    """
    from ..seeds.manifest import remove_entry

    found = seeds_or_exit(seeds_dir, "there is nothing to remove", fmt, entry=None)
    change, problems = remove_entry(found, file, keep_file)
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
        if change.annotation_removed:
            click.echo(f"deleted its annotation {found}/{change.annotation}")
        elif change.annotation is not None:
            click.echo(
                f"kept its annotation {found}/{change.annotation}: it names no entry now, so build refuses "
                "it until the document is listed again or the annotation is moved out"
            )
    _finish_change(change, problems, fmt)


def _finish_change(change: Any, problems: list[Problem], fmt: str) -> None:
    """The entry changed (or the problems that kept it as it was) as the one report, and exit."""
    report = Report(problems=problems, payload={"entry": change.to_dict() if change is not None else None})
    emit(report, fmt)
    _echo_problems(problems, fmt)
    sys.exit(0 if change is not None else max(1, report.exit_code))
