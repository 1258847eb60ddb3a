"""The documents a review shows when it is given raw documents or folders of them: each parsed
with the package's parser, and compared with its annotation where it has one.

A document's annotation is `annotations/<file name>.json` in the seeds folder given
(`--seeds DIR`), else in the document's own folder (a seeds folder holds its documents beside
`annotations/`). What is compared is the parser's own output, before any annotation is
applied: the page shows what the parser made of the document and where a person disagrees.
An annotation is of a seed's bytes: a document that the seeds manifest lists by its name with
another sha256 is not compared with it (its texts and places are the other version's).
"""

from __future__ import annotations

from pathlib import Path

from .. import rules
from ..contract import document_text
from ..errors import Problem
from ..record import parse_path
from ..seeds.folders import DOCUMENT_SUFFIXES, expand
from .page import Reviewed


def _folder(document: str, seeds: str | None) -> Path:
    """The seeds folder whose annotations/ a document's annotation is looked for in."""
    return Path(seeds) if seeds is not None else Path(document).parent


def annotation_file(document: str, seeds: str | None) -> Path | None:
    """The annotation of a document, or None where it has none."""
    from ..curation.annotations import annotation_path

    found = annotation_path(_folder(document, seeds), Path(document).name)
    return found if found.is_file() else None


def other_version(document: str, sha256: str, seeds: str | None, annotation: Path) -> Problem | None:
    """Why a document's annotation is not for it (a problem naming the annotation), or None: the
    seeds manifest lists a document of its name with other bytes (the annotation's texts and
    places are that version's). A folder without a manifest, or one that does not list the name,
    cannot say: the annotation is used."""
    from ..seeds.manifest import MANIFEST_NAME, load_manifest

    folder, name = _folder(document, seeds), Path(document).name
    if not (folder / MANIFEST_NAME).is_file():
        return None
    entries, _ = load_manifest(folder)
    listed = next((e.sha256 for e in entries if e.file == name), None)
    if listed is None or listed == sha256:
        return None
    return Problem(
        "checksum-mismatch",
        f"Not compared: the annotation belongs to another version of this document "
        f"({folder / MANIFEST_NAME} lists {name} with sha256 {listed[:16]}..., this file's is "
        f"{sha256[:16]}...)",
        file=str(annotation),
        hint=f"Review the seed itself, or annotate this version (cmvisit annotate {document}).",
    )


def compared(item: Reviewed, annotation: Path, text: str) -> Reviewed:
    """The item with what its annotation file says: where the annotation, placed in the text,
    and the parser's record disagree (as `cmvisit score` reads it: each annotated item with its
    span, so equal texts are told apart by place), or the annotation's own problems when it
    cannot be placed (then nothing is compared)."""
    from ..curation.annotations import as_gold, load_annotation, resolve
    from ..curation.metrics import disagreements

    item.annotation = str(annotation)
    gold, problems = load_annotation(annotation)
    resolved, more = resolve(gold, text, str(annotation)) if gold is not None else (None, [])
    if resolved is not None:
        item.disagreements = disagreements(as_gold(resolved), item.record, resolved.fields)
    item.annotation_problems += [*problems, *more]
    item.notes += [p.one_line() for p in item.annotation_problems]
    return item


def from_documents(
    paths: list[str], seeds: str | None = None, max_bytes: int = rules.DEFAULT_MAX_BYTES
) -> tuple[list[Reviewed], list[Problem]]:
    """(the documents to show, the problems of those that cannot be parsed): every document
    the paths name (a folder: its .txt/.html/.htm documents, sorted), each with its annotation
    compared where it has one."""
    files, _ = expand(paths, DOCUMENT_SUFFIXES)
    items: list[Reviewed] = []
    problems: list[Problem] = []
    for path in files:
        record, found = parse_path(path, max_bytes)
        if record is None:
            problems += found
            continue
        item = Reviewed(path, record)
        annotation = annotation_file(path, seeds)
        if annotation is not None:
            elsewhere = other_version(path, record["source"]["sha256"], seeds, annotation)
            if elsewhere is not None:
                item.annotation = str(annotation)
                item.notes.append(f"{elsewhere.message}. {elsewhere.hint}")
                item.annotation_problems.append(elsewhere)
            else:
                item = compared(item, annotation, document_text(record))
        items.append(item)
    return items, problems
