"""The review command: one self-contained HTML page showing what the parser made of documents
(the page is `review.page`'s, the records `review.documents`' and `review.release`')."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .base import _echo_problems
from .options import MAX_BYTES


def _is_release(path: str) -> bool:
    """A release folder: its manifest.json beside its Hub folder (a seeds folder has a
    manifest.json too, and no hf/)."""
    from ..hub.features import HF_DIR

    return (Path(path) / "manifest.json").is_file() and (Path(path) / HF_DIR).is_dir()


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    default="review.html",
    show_default=True,
    help="Where to write the page.",
)
@click.option(
    "--doc",
    "doc_ids",
    multiple=True,
    help="In a release, review this document (its doc_id); repeat for several. Without it a "
    "release gives every document, up to 50.",
)
@click.option(
    "--seeds",
    "seeds_dir",
    type=click.Path(file_okay=False, exists=True),
    default=None,
    help="Find documents' annotations in this seeds folder's annotations/ (default: the "
    "annotations/ folder beside each document).",
)
@MAX_BYTES
def review(
    paths: tuple[str, ...], out: str, doc_ids: tuple[str, ...], seeds_dir: str | None, max_bytes: int
) -> None:
    """Write one HTML page showing what the parser made of documents: raw documents (.txt,
    .html, .htm) or folders of them, parsed here, or a release folder (build/X), its records
    rebuilt from its tables.

    Each document's text is shown with every extracted piece highlighted by kind (title,
    byline, date, dateline, highlights, quotes and their cues, embedded posts and their
    attribution lines, related links; boilerplate greyed), beside a list of the pieces with
    their values and spans. Where a document has an annotation, the page lists where it and
    the parser disagree. The page loads nothing (no network, no file beside it) and uses the
    system's fonts. Exit 1 when a document cannot be parsed (the page shows the others); an
    annotation that cannot be compared (not placed in its document, or of another version of
    it) is named with its problems on stderr, and on the page.
    """
    from ..atomic import write_atomic
    from ..review import review_page
    from ..review.documents import from_documents
    from ..review.release import ReviewRefused, from_release

    releases = [p for p in paths if _is_release(p)]
    if doc_ids and not releases:
        raise click.UsageError("--doc picks documents of a release: give a release folder (e.g. build/0.7.0)")
    items, problems = from_documents([p for p in paths if p not in releases], seeds_dir, max_bytes)
    try:
        for release in releases:
            items += from_release(release, list(doc_ids))
    except ReviewRefused as exc:
        raise click.UsageError(str(exc)) from None
    _echo_problems(problems, "text")
    for item in items:  # annotations that could not be compared: the page says so, and so do we
        _echo_problems(item.annotation_problems, "text")
    if not items:
        click.echo("no document to review: nothing written", err=True)
        sys.exit(1)
    write_atomic(Path(out), review_page(items).encode("utf-8"))
    click.echo(f"{out}: {len(items)} document{'s' if len(items) != 1 else ''}", err=True)
    sys.exit(1 if problems else 0)
