"""Checking an annotation file against its document, as `cmvisit validate` and the build do.

An annotation sits at seeds/annotations/<seed file name>.json: its seed is the document of
that name in the seeds folder above, listed in seeds/manifest.json. The check reads the
annotation (shape), parses the seed and places every text of the annotation in the text its
spans index (the rendering of an HTML page), then validates the record the annotation makes:
the report names each problem with the annotation file and the JSON pointer of the value.
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import rules
from ..errors import Problem, Report
from .annotations import (
    ANNOTATIONS_DIR,
    orphan,
    read_annotation,
    seed_of,
    stray_folder,
)


def is_annotation(path: str) -> bool:
    """Whether a path names an annotation file: a .json file in a folder named annotations/."""
    given = Path(path)
    return given.suffix == ".json" and given.parent.name == ANNOTATIONS_DIR


def stray_folders(paths: list[str], files: list[str]) -> tuple[list[str], list[Problem]]:
    """(the files still to check, one problem per folder inside an annotations/ folder): what
    a folder there holds is no annotation (a build refuses the folder), so it is not checked as
    records or documents. Folders are those the files lie in, and those of annotations/ folders
    given or inside a folder given (an empty one too)."""
    found: set[Path] = set()
    kept = []
    for file in files:
        inside = [a for a in Path(file).parents if a.parent.name == ANNOTATIONS_DIR and os.path.isdir(a)]
        if inside:
            found.add(inside[-1])
        else:
            kept.append(file)
    for given in map(Path, paths):
        for folder in (given, given / ANNOTATIONS_DIR):
            if folder.name == ANNOTATIONS_DIR and os.path.isdir(folder):  # False on any OSError
                found.update(p for p in folder.iterdir() if p.is_dir())
    return kept, [stray_folder(folder) for folder in sorted(found)]


def check_annotation(path: str, max_bytes: int = rules.DEFAULT_MAX_BYTES) -> Report:
    """A report on one annotation file: its shape, its seed (listed in the manifest of the
    seeds folder it sits in), and every text placed in that seed's text."""
    from ..record import parse_path
    from ..seeds.manifest import MANIFEST_NAME, load_manifest
    from .apply import curate

    report = Report(file=path, kind="annotation")
    annotation, sha256, problems = read_annotation(path, follow_links=False)  # as the build reads it
    if annotation is None or sha256 is None:
        report.problems.extend(problems)
        return report
    seeds, seed = Path(path).parent.parent, seed_of(path)
    if seed is None or not (seeds / seed).is_file():
        report.problems.append(orphan(Path(path)))
        return report
    if (seeds / MANIFEST_NAME).exists():
        entries, problems = load_manifest(seeds)
        entry = next((e for e in entries if e.file == seed), None)
        if not problems and entry is None:
            report.problems.append(orphan(Path(path)))
            return report
        if entry is not None and annotation.get("language", entry.language) != entry.language:
            report.problems.append(language_problem(path, annotation["language"], entry.language))
    record, problems = parse_path(seeds / seed, max_bytes)
    if record is None:  # the document's own problems, which name it: it is to be fixed first
        report.problems.extend(problems)
        return report
    _, _, problems = curate(record, annotation, sha256, Path(path), seed)  # as the build does
    report.problems.extend(problems)
    report.records = 1  # the annotation was placed against its document
    return report


def language_problem(path: str, annotated: str, listed: str) -> Problem:
    """An annotation's language that the document's manifest entry does not give: the
    annotation's place is named, as the build names it."""
    return Problem(
        "language-mismatch",
        f"the annotation says {annotated!r}, the manifest says {listed!r}: correct one of them",
        file=path,
        pointer="/language",
        hint="Correct the annotation's language, or the document's language in seeds/manifest.json.",
    )
