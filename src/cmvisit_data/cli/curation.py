"""The curation commands: annotate (a starting annotation of a document, from the parser's
output, for a person to correct)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import Problem, Report, shown
from .base import _echo_problems
from .options import MAX_BYTES


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the annotation here ('-': standard output). Default: seeds/annotations/FILE.json for a "
    "document the seeds manifest beside it lists, else standard output.",
)
@click.option("--force", is_flag=True, help="Replace an annotation that exists already.")
@MAX_BYTES
def annotate(file: str, out: str | None, force: bool, max_bytes: int) -> None:
    """Write a starting annotation of a document: what the parser found, for you to correct.

    Every field is written in the gold format (title, published, byline, dateline,
    highlights, quotes, tweets, language); a text that occurs more than once carries its
    start. Correct the values, delete the fields you did not check, then run
    `cmvisit validate` on the file and build: the checked fields replace the parser's.
    An existing annotation is never replaced without --force.
    """
    from ..atomic import write_atomic
    from ..curation.annotations import annotation_path
    from ..curation.start import annotation_text, starting_annotation
    from ..record import parse_path

    record, problems = parse_path(file, max_bytes)
    if record is None:
        _stop(problems)
    target = Path(out) if out not in (None, "-") else (_seed_annotation(file) if out is None else None)
    text = annotation_text(starting_annotation(record))
    if target is None:
        click.echo(text, nl=False)
        sys.exit(0)
    if target.exists() and not force:
        _stop([Problem("annotation-exists", file=str(target))])
    if target == annotation_path(Path(file).parent, Path(file).name):
        target.parent.mkdir(exist_ok=True)
    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        _stop([Problem("write-failed", f"cannot write the annotation ({exc.strerror})", file=str(target))])
    click.echo(
        f"wrote {shown(str(target))}: correct it, then: cmvisit validate {shown(str(target))}", err=True
    )
    sys.exit(0)


def _seed_annotation(file: str) -> Path | None:
    """seeds/annotations/<name>.json when file is a document its folder's manifest lists."""
    from ..curation.annotations import annotation_path
    from ..seeds.manifest import MANIFEST_NAME, load_manifest

    seeds = Path(file).parent
    if not (seeds / MANIFEST_NAME).is_file():
        return None
    entries, problems = load_manifest(seeds)
    listed = not problems and Path(file).name in {e.file for e in entries}
    return annotation_path(seeds, Path(file).name) if listed else None


def _stop(problems: list[Problem]) -> None:
    _echo_problems(problems, "text")
    sys.exit(Report(problems=problems).exit_code)
