"""The commands on documents before they are seeds: validate (check them) and parse (the
records they give)."""

from __future__ import annotations

import json
import sys

import click

from ..errors import Report, shown
from .base import _QUIET, _count, _echo_problems, _echo_skipped
from .options import FORMAT, MAX_BYTES, SKIP_UNSUPPORTED, emit


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@FORMAT
@MAX_BYTES
@SKIP_UNSUPPORTED
@_QUIET
def validate(paths: tuple[str, ...], fmt: str, max_bytes: int, skip_unsupported: bool, quiet: bool) -> None:
    """Check raw documents (.txt, .html, .htm) and records (.json, .jsonl); directories are searched.

    Prints OK or every problem with its place (file, line, JSON pointer), the offending
    value and what to do. Exit 0 when all inputs are valid, 1 when any is not; with -q, only
    the problems are printed.
    """
    from ..intake import validate_paths

    summary = validate_paths(list(paths), max_bytes, skip_unsupported)
    if fmt == "json":
        inputs = [{k: v for k, v in r.to_dict().items() if k != "problems"} for r in summary.reports]
        stats = {
            "inputs": len(summary.reports),
            "invalid": summary.invalid,
            "skipped": len(summary.skipped),
            "records": sum(r.records for r in summary.reports),
        }
        problems = [p for r in summary.reports for p in r.problems]
        emit(
            Report(problems=problems, stats=stats, payload={"inputs": inputs, "skipped": summary.skipped}),
            fmt,
        )
    elif quiet:
        for report in summary.reports:
            for problem in report.problems:
                click.echo(problem.one_line())
    else:
        for report in summary.reports:
            if report.valid:
                click.echo(f"{shown(report.file or '')}: OK")
            for problem in report.problems:
                click.echo(problem.one_line())
        _echo_skipped(summary.skipped, "not a document (.txt, .html, .htm) or record (.json, .jsonl)")
        skipped = f", {_count(len(summary.skipped), 'file')} skipped" if summary.skipped else ""
        click.echo(
            f"{len(summary.reports) - summary.invalid} valid, {summary.invalid} invalid{skipped}", err=True
        )
    sys.exit(0 if summary.valid else 1)


@click.command()
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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json"]),
    default="jsonl",
    show_default=True,
    help="A record per line as each document is parsed, or one JSON report (valid, stats, problems, "
    "records) at the end.",
)
@MAX_BYTES
@SKIP_UNSUPPORTED
def parse(
    paths: tuple[str, ...],
    pretty: bool,
    explain: bool,
    weights: str | None,
    fmt: str,
    max_bytes: int,
    skip_unsupported: bool,
) -> None:
    """Parse raw documents into records, one JSON record per line, in argument order (a folder:
    its .txt and .html/.htm documents, sorted, every other file named as skipped).

    A document that cannot be parsed still gets its line, an object {"file", "valid": false,
    "problems"}, so lines stay aligned with the arguments; the exit code is then 1. With
    --format json, one report holds every record and every problem instead.
    """
    from ..header.model import WeightsError, load
    from ..record import parse_path
    from ..seeds.folders import DOCUMENT_SUFFIXES, expand, unsupported

    try:
        model = load(weights)
    except WeightsError as exc:
        raise click.BadParameter(str(exc), param_hint="--weights") from None
    files, skipped = expand(list(paths), DOCUMENT_SUFFIXES)
    skipped, problems = unsupported(skipped, skip_unsupported)
    _echo_skipped(skipped, "not a document (.txt, .html, .htm)")
    _echo_problems(problems, "text" if fmt == "jsonl" else fmt)
    records: list[dict[str, object]] = []
    failed = 0
    for path in files:
        why: dict[str, object] | None = {} if explain else None
        record, found = parse_path(path, max_bytes, model=model, explain=why)
        if record is not None and why is not None:
            record = {**record, "explain": why}
        if record is None:
            failed += 1
            problems.extend(found)
            _echo_problems(found, "text" if fmt == "jsonl" else fmt)
            out = {"file": path, "valid": False, "problems": [p.to_dict() for p in found]}
        else:
            out = record
            records.append(record)
        if fmt == "jsonl":
            click.echo(json.dumps(out, ensure_ascii=False, indent=2 if pretty else None))
    stats = {
        "documents": len(files),
        "parsed": len(files) - failed,
        "failed": failed,
        "skipped": len(skipped),
        "unsupported": sum(p.type == "unsupported-file" for p in problems),
    }
    emit(Report(problems=problems, stats=stats, payload={"records": records, "skipped": skipped}), fmt)
    sys.exit(1 if problems else 0)
