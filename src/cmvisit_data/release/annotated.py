"""The annotation files of a release: inputs like the documents, listed, copied and proven.

A document built with an annotation (`seeds/annotations/<seed file>.json`, read by
`curation.annotations`) has it as an input of the release:

- the manifest's input names it, `"annotation": {"file": "annotations/<seed file>.json",
  "sha256": …}` (null for a document without one; absent in the releases made before
  annotations, whose documents table has no `annotation_sha256`);
- its bytes are copied to `hf/annotations/<seed file>.json` and listed in `files` like every
  file, so that the release holds what it was built from;
- the manifest's `curated` block counts the curated documents and fields, with the parser's
  figures against the annotations (`curation.metrics.figures`); absent when no document is
  curated.

What `verify` proves of them from the data (not from the manifest's word) is `curated`'s.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..hub.features import HF_DIR

# The documents table's columns of schema 1.3.0 on that record what a person checked.
SHA_COLUMN = "annotation_sha256"
FIELDS_COLUMN = "curated_fields"
REBUILD_HINT = (
    "A release is never edited: restore the file from the published copy of the release; to "
    "publish a changed annotation, put it in seeds/annotations/ and build a new version."
)


def in_release(annotation: str) -> str:
    """Where a release holds an annotation (annotations/<seed file>.json): in hf/, as the Hub does."""
    return f"{HF_DIR}/{annotation}"


def input_annotation(curation: dict[str, Any] | None) -> dict[str, str] | None:
    """The manifest input's `annotation` for a record's `curation`."""
    if curation is None:
        return None
    return {"file": curation["annotation"], "sha256": curation["sha256"]}


def annotated_files(manifest: dict[str, Any]) -> set[str]:
    """The release paths of the annotations the manifest's inputs name."""
    return {
        in_release(item["annotation"]["file"])
        for item in manifest["inputs"]
        if isinstance(item.get("annotation"), dict)
    }


# --- the build ---------------------------------------------------------------------------


def copy_annotations(seeds: Path, release: Path, inputs: Any) -> list[Problem]:
    """Each annotation an input names, copied from the seeds into the release's hf/annotations/,
    after checking that its bytes are still those the document was built with (an annotation
    edited while the build ran is refused: its record and its copy would disagree)."""
    problems = []
    for item in inputs:
        annotation = item.get("annotation")
        if annotation is None:
            continue
        source = seeds / annotation["file"]
        data = source.read_bytes()
        if hashlib.sha256(data).hexdigest() != annotation["sha256"]:
            problems.append(
                Problem("checksum-mismatch", "the annotation changed while the build read it",
                        file=str(source), hint="Build again, once the annotation is as you want it.")
            )  # fmt: skip
            continue
        target = release / in_release(annotation["file"])
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return problems


def curated_block(fields: Counter[str], documents: int, counts: Counter[str]) -> dict[str, Any]:
    """The manifest's `curated`: the curated documents, the documents per checked field, and the
    parser's figures against the annotations (the sum of every document's counts)."""
    from ..curation.metrics import figures

    return {"documents": documents, "fields": dict(sorted(fields.items())), "figures": figures(counts)}


def curated_counts(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """What the documents table says of `curated`: the curated documents and the documents per
    checked field, which the figures count too (None when no document is curated, or the table
    predates annotations). `curated_claims` is what the manifest says of the same."""
    curated = [row for row in rows if row.get(SHA_COLUMN) is not None]
    if not curated:
        return None
    fields = dict(sorted(Counter(f for row in curated for f in row.get(FIELDS_COLUMN) or []).items()))
    return {
        "documents": len(curated),
        "fields": fields,
        "figures": {"documents": len(curated), "fields": fields},
    }


def curated_claims(manifest: dict[str, Any]) -> dict[str, Any] | None:
    """The counts the manifest's `curated` block states, in `curated_counts`' shape."""
    curated = manifest.get("curated")
    if curated is None:
        return None
    figures = curated["figures"]
    per_field = figures.get("fields")
    return {
        "documents": curated["documents"],
        "fields": curated["fields"],
        "figures": {
            "documents": figures.get("documents"),
            "fields": {
                name: value.get("documents") if isinstance(value, dict) else value
                for name, value in sorted(per_field.items())
            }
            if isinstance(per_field, dict)
            else per_field,
        },
    }
