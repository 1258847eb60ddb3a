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

What `verify` proves of them from the data (not from the manifest's word) is `annotated_proof`.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..hub.features import HF_DIR

ANNOTATIONS = "annotations"  # the folder of the annotations, in the seeds and in hf/
# The documents table's columns of schema 1.3.0 on that record what a person checked.
SHA_COLUMN = "annotation_sha256"
FIELDS_COLUMN = "curated_fields"
REBUILD_HINT = (
    "A release is never edited: restore the file from the published copy of the release; to "
    "publish a changed annotation, put it in seeds/annotations/ and build a new version."
)


def annotation_file(seed_file: str) -> str:
    """An annotation's name as the manifest and the record give it: annotations/<seed file>.json."""
    return f"{ANNOTATIONS}/{seed_file}.json"


def release_path(seed_file: str) -> str:
    """Where a release holds the annotation of a seed file: hf/annotations/<seed file>.json."""
    return f"{HF_DIR}/{annotation_file(seed_file)}"


def input_annotation(curation: dict[str, Any] | None) -> dict[str, str] | None:
    """The manifest input's `annotation` for a record's `curation`."""
    if curation is None:
        return None
    return {"file": curation["annotation"], "sha256": curation["sha256"]}


def annotated_files(manifest: dict[str, Any]) -> set[str]:
    """The release paths of the annotations the manifest's inputs name."""
    return {
        f"{HF_DIR}/{item['annotation']['file']}"
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
        target = release / HF_DIR / annotation["file"]
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


# --- verify ------------------------------------------------------------------------------


def changed(path: str) -> Problem:
    """An annotation file of a release that is not the one the release was built with."""
    return Problem(
        "checksum-mismatch",
        "the annotation is not the one the release was built with (its sha256 differs from the "
        "one manifest.json and the documents table record): it was changed after the build",
        file=path,
        hint=REBUILD_HINT,
    )


def proof(opened: dict[str, Any], manifest: dict[str, Any], tables: dict[str, Any]) -> list[Problem]:
    """What the release's annotations are, proven from its files: each annotation's bytes have the
    sha256 its input records (which `audit.derived_fields` holds to the documents table's
    annotation_sha256), and, resolved again against its document's text as the release stores
    it (`curation.annotations.resolve`), give exactly the curated fields of its document: their
    names, values and spans in the tables."""
    problems = []
    named: dict[str, Any] = {}  # doc_id -> the sealed annotation file
    for item in manifest["inputs"]:
        annotation = item.get("annotation")
        if not isinstance(annotation, dict):
            continue
        sealed = opened[f"{HF_DIR}/{annotation['file']}"]
        if sealed.sha256 != annotation["sha256"]:  # hashed by verify's checksums
            problems.append(changed(sealed.path))
        else:
            named[item["doc_id"]] = sealed
    if not named or problems:
        return problems
    stored = _stored(tables, set(named))
    for doc_id, sealed in named.items():
        problems += _resolved_again(sealed, stored[doc_id])
    return problems


# The documents' columns the curated fields are in, and the item tables' columns they hold.
_DOCUMENT_COLUMNS = ("doc_id", "raw_text", "rendering", FIELDS_COLUMN, "language", "title", "title_span",
                     "published", "published_span", "byline", "byline_spans", "dateline",
                     "dateline_span")  # fmt: skip
_ITEM_COLUMNS = {
    "highlights": ("text", "start", "end"),
    "quotes": ("text", "start", "end", "kind", "speaker"),
    "tweets": ("text", "start", "end", "author", "handle", "posted"),
}


def _stored(tables: dict[str, Any], doc_ids: set[str]) -> dict[str, dict[str, Any]]:
    """The curated documents' rows (the columns above), each with its items in position order."""
    from . import sealed as reading

    found: dict[str, dict[str, Any]] = {}
    for batch in reading.batches(*tables["documents"], columns=list(_DOCUMENT_COLUMNS)):
        for row in batch.to_pylist():
            if row["doc_id"] in doc_ids:
                found[row["doc_id"]] = {**row, **{name: [] for name in _ITEM_COLUMNS}}
    for name, columns in _ITEM_COLUMNS.items():
        for batch in reading.batches(*tables[name], columns=["doc_id", "position", *columns]):
            for row in batch.to_pylist():
                if row["doc_id"] in found:
                    found[row["doc_id"]][name].append(row)
    for row in found.values():
        for name, columns in _ITEM_COLUMNS.items():
            row[name] = [_plain({c: item[c] for c in columns}) for item in sorted(row[name], key=_position)]
    return found


def _position(item: dict[str, Any]) -> int:
    return int(item["position"])


def _plain(value: Any) -> Any:
    """A stored value as an annotation gives it: dates as YYYY-MM-DD."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _resolved_again(sealed: Any, row: dict[str, Any]) -> list[Problem]:
    """One annotation resolved against its document's stored text, compared field by field with
    what the tables hold."""
    from ..curation.annotations import resolve, shape_problems
    from ..strictjson import StrictJSONError, loads
    from .audit import first_difference, short

    where = sealed.path
    try:
        annotation = loads(sealed.data.decode("utf-8"))
    except (UnicodeDecodeError, StrictJSONError) as exc:
        return [Problem("release-invalid", f"not an annotation (strict JSON): {str(exc)[:200]}", file=where)]
    problems = shape_problems(annotation, where)
    if problems:
        return problems
    text = row["raw_text"] if row["rendering"] is None else row["rendering"]
    resolved, problems = resolve(annotation, text, where)
    if resolved is None:
        return problems
    given = {"curated_fields": list(resolved.fields)}
    for name in resolved.fields:
        if name in _ITEM_COLUMNS:
            given[name] = [{c: item[c] for c in _ITEM_COLUMNS[name]} for item in resolved.items[name]]
        else:
            given[name] = resolved.metadata[name]
        if name in resolved.spans:
            given[_SPAN_COLUMNS[name]] = resolved.spans[name]
    problems = []
    for name, value in given.items():
        found = first_difference(value, _plain(row[name]), f"/{name}")
        if found is not None:
            at, ours, theirs = found
            problems.append(
                Problem("release-invalid", f"resolved again against the document's text, the annotation "
                        f"gives {short(ours)} at {at}, and the release holds {short(theirs)}",
                        file=where, row=row["doc_id"], field=name, hint=REBUILD_HINT)
            )  # fmt: skip
    return problems


_SPAN_COLUMNS = {"title": "title_span", "published": "published_span", "byline": "byline_spans",
                 "dateline": "dateline_span"}  # fmt: skip
