"""The curation commands: annotate (a starting annotation of a document, from the parser's
output, for a person to correct) and score (the parser against the corpus's annotations)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..errors import Problem, Report, shown
from .base import _echo_problems
from .options import FORMAT, MAX_BYTES, SEEDS_OPTION, emit, seeds_or_exit


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

    _stop(_not_a_document(file))
    record, problems = parse_path(file, max_bytes)
    if record is None:
        _stop(problems)
    target = Path(out) if out not in (None, "-") else (_seed_annotation(file) if out is None else None)
    text = annotation_text(starting_annotation(record))
    if target is None:
        click.echo(text, nl=False)
        sys.exit(0)
    if os.path.lexists(target) and not force:
        _stop([Problem("annotation-exists", file=str(target))])
    try:
        if target == annotation_path(Path(file).parent, Path(file).name):
            target.parent.mkdir(exist_ok=True)
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


def _not_a_document(file: str) -> list[Problem]:
    """The problem of a file annotate does not take: one that is no document (.txt, .html,
    .htm), or one in an annotations folder (an annotation, or a file among them)."""
    from ..curation.annotations import ANNOTATIONS_DIR
    from ..seeds.folders import DOCUMENT_SUFFIXES

    path = Path(file)
    in_annotations = (
        path.resolve().parent.name == ANNOTATIONS_DIR
    )  # where annotations live: seeds/annotations/
    if path.suffix.lower() in DOCUMENT_SUFFIXES and not in_annotations:
        return []
    what = "a file of an annotations folder" if in_annotations else "not a document"
    return [
        Problem(
            "unsupported-file",
            f"{what}: annotate writes the annotation of a document (.txt, .html, .htm)",
            file=file,
            hint="Give the document itself, e.g. cmvisit annotate seeds/FILE.txt; to check an "
            "annotation, run cmvisit validate on it.",
        )
    ]


def _stop(problems: list[Problem]) -> None:
    if not problems:
        return
    _echo_problems(problems, "text")
    sys.exit(Report(problems=problems).exit_code)


@click.command()
@SEEDS_OPTION
@FORMAT
@click.option(
    "--show",
    is_flag=True,
    help="Also list, document by document, where the parser and the annotation disagree.",
)
@MAX_BYTES
def score(seeds_dir: str | None, fmt: str, show: bool, max_bytes: int) -> None:
    """Score the parser against the corpus's annotations, with the extraction contract's metrics.

    Every document of the seeds that has an annotation (seeds/annotations/FILE.json) is parsed
    afresh and its output, before the annotation replaces it, is measured on the fields the
    annotation checks: per field precision, recall and F1 (language: accuracy), the quote
    speaker by last name and by whole name, posts' handle and date, and spans. The build puts
    the same figures in the release's manifest and card. Exit 1 when an annotation is wrong
    (it is left out and named), 0 otherwise.
    """
    from ..curation.score import score_seeds

    seeds = seeds_or_exit(seeds_dir, "write annotations with cmvisit annotate FILE", fmt)
    scored = score_seeds(seeds, max_bytes)
    result = scored.figures()
    report = Report(problems=scored.problems, stats={"documents": result["documents"]})
    report.payload["score"] = {**result, "per_document": scored.documents}
    emit(report, fmt)
    if fmt == "text":
        if scored.manifest_refused:
            click.echo(f"nothing scored: the manifest of {shown(seeds)} has problems (below); correct them")
        else:
            click.echo("\n".join(score_lines(result, seeds)))
            if show:
                click.echo("\n".join(disagreement_lines(scored.documents)))
        _echo_problems(scored.problems, fmt)
    sys.exit(report.exit_code)


# The figures' rows in text: (label, key of metrics.flat), after the per-field table.
_SHARES = (
    ("quote speaker, last name", "quote_speaker_accuracy"),
    ("quote speaker, whole name", "quote_speaker_exact"),
    ("post handle", "tweet_handle_accuracy"),
    ("post date", "tweet_posted_accuracy"),
    ("spans that select their text", "span_accuracy"),
    ("spans equal to the annotated ones", "span_agreement"),
)


def score_lines(result: dict, seeds: str) -> list[str]:
    """The figures as a table a person reads."""
    n = result["documents"]
    if not n:
        return [f"no document of {shown(seeds)} has an annotation: write one with cmvisit annotate FILE"]
    lines = [f"the parser against {n} curated document{'s' * (n != 1)} of {shown(seeds)}:", ""]
    lines.append(f"  {'field':<12}{'documents':>10}{'items':>7}{'precision':>11}{'recall':>8}{'F1':>7}")
    for name, field in result["fields"].items():
        if name == "language":
            lines.append(
                f"  {name:<12}{field['documents']:>10}{'':>7}{'accuracy':>11}{'':>8}{field['accuracy']:>7.3f}"
            )
            continue
        lines.append(
            f"  {name:<12}{field['documents']:>10}{field['gold']:>7}{field['precision']:>11.3f}"
            f"{field['recall']:>8.3f}{field['f1']:>7.3f}"
        )
    lines.append("")
    for label, key in _SHARES:
        value = result[key]
        lines.append(f"  {label:<34}{'n/a (none to measure)' if value is None else f'{value:.3f}'}")
    return lines


def disagreement_lines(documents: list[dict]) -> list[str]:
    """Where the parser and each annotation disagree: the field, the annotation's pointer, both values."""
    lines = [""]
    for doc in documents:
        found = doc["disagreements"]
        lines.append(
            f"{doc['file']} ({doc['doc_id']}): {len(found) or 'no'} disagreement{'s' * (len(found) != 1)}"
        )
        for d in found:
            where = d["pointer"] or f"(parser's {d['field']} {d['parser_index']}, not annotated)"
            lines.append(f"  {where}: annotation {d['annotation']!r}, parser {d['parser']!r}")
    return lines
