"""The `cmvisit` command line: thin click commands over the library.

Each command calls the library and returns an exit code: 0 all good, 1 some input is
invalid, 2 usage error (click's own). Heavy libraries are imported inside the commands that
need them, so `cmvisit --help` starts fast. Bad input is reported one line per problem on
stderr (text) or as a JSON report (--format json), never as a traceback.
"""

from __future__ import annotations

import json
import sys

import click

from . import __version__, rules

_MAX_BYTES = click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=rules.DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse documents larger than this many bytes.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cmvisit")
def main() -> None:
    """Build and check the cmvisit press-release dataset."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--pretty", is_flag=True, help="Print one indented record per document instead of JSON Lines.")
@_MAX_BYTES
def parse(paths: tuple[str, ...], pretty: bool, max_bytes: int) -> None:
    """Parse raw documents into records, one JSON record per line, in argument order.

    A document that cannot be parsed still gets its line, an object {"file", "error"}, so
    lines stay aligned with the arguments; the exit code is then 1.
    """
    from .check import parse_path

    failed = False
    for path in paths:
        record, problems = parse_path(path, max_bytes)
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
def validate(paths: tuple[str, ...], fmt: str, max_bytes: int) -> None:
    """Check raw documents (.txt) and records (.json, .jsonl); directories are searched.

    Prints OK or every problem with its place (file, line, JSON pointer), the offending
    value and what to do. Exit 0 when all inputs are valid, 1 when any is not.
    """
    from .check import check_path, expand

    reports = [check_path(path, max_bytes) for path in expand(list(paths))]
    if fmt == "json":
        summary = {
            "valid": all(r.valid for r in reports),
            "inputs": len(reports),
            "invalid": sum(not r.valid for r in reports),
            "reports": [r.to_dict() for r in reports],
        }
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        for report in reports:
            if report.valid:
                click.echo(f"{report.file}: OK")
            for problem in report.problems:
                click.echo(problem.one_line())
        bad = sum(not r.valid for r in reports)
        click.echo(f"{len(reports) - bad} valid, {bad} invalid", err=True)
    sys.exit(0 if all(r.valid for r in reports) else 1)


if __name__ == "__main__":  # pragma: no cover
    main()
