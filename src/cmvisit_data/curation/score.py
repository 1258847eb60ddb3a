"""The parser against the corpus's annotations (`cmvisit score`): every listed document that
has an annotation is parsed afresh, and its parser output, before any annotation is applied,
is measured against the annotation with the extraction contract's metrics (`metrics`), on the
fields the annotation checks. The build keeps the same counts in its manifest (`curated`)."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import rules
from ..contract import document_text
from ..errors import Problem
from ..record import parse_path
from ..seeds.manifest import load_manifest
from .annotations import annotation_path, as_gold, orphans, read_annotation, resolve
from .metrics import disagreements, document_counts, figures


@dataclass
class Scored:
    """The corpus's figures, each scored document's disagreements, and the problems that kept a
    document out (a wrong annotation, an unreadable document)."""

    counts: Counter = field(default_factory=Counter)
    documents: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # The manifest could not be read: nothing was scored (its problems say why).
    manifest_refused: bool = False

    def figures(self) -> dict[str, Any]:
        return figures(self.counts)


def score_seeds(seeds_dir: str | os.PathLike[str], max_bytes: int = rules.DEFAULT_MAX_BYTES) -> Scored:
    """Score the parser against every annotation of a seeds folder, in manifest order. A
    manifest with problems scores nothing: its problems are reported, and no annotation is
    called an orphan of it (as the build, which refuses the manifest first)."""
    scored = Scored()
    entries, problems = load_manifest(seeds_dir)
    if problems:
        return Scored(problems=problems, manifest_refused=True)
    scored.problems += orphans(seeds_dir, {e.file for e in entries})
    for entry in entries:
        path = annotation_path(seeds_dir, entry.file)
        if os.path.lexists(path):
            _score_one(scored, Path(seeds_dir) / entry.file, path, entry.file, max_bytes)
    return scored


def _score_one(scored: Scored, document: Path, path: Path, seed_file: str, max_bytes: int) -> None:
    record, problems = parse_path(document, max_bytes)
    if record is None:
        scored.problems += problems
        return
    annotation, _, problems = read_annotation(path, follow_links=False)
    resolved, more = resolve(annotation, document_text(record), str(path)) if annotation else (None, [])
    if resolved is None:
        scored.problems += problems + more
        return
    gold = as_gold(resolved)
    scored.counts += document_counts(gold, record, resolved.fields)
    scored.documents.append(
        {
            "file": seed_file,
            "doc_id": record["doc_id"],
            "fields": list(resolved.fields),
            "disagreements": disagreements(gold, record, resolved.fields),
        }
    )
