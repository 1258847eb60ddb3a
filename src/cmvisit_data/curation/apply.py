"""Applying a resolved annotation to the parser's record: the checked fields replace the parser's.

`apply` returns a new record (the parser's is left as it was, for scoring): each checked
metadata value with its span and `metadata.sources` "annotation"; each checked list of items
in the record's shape, reusing what the parser found for the same piece and deriving the rest
from the text; and `curation` naming the annotation file, its sha256 and the fields it checked.
Fields the annotation does not hold stay exactly the parser's. Whether the result is valid is
`validation`'s to say (the build validates it).

The parser's piece of a curated quote or post is the one `metrics.match` pairs it with (shared
words, best first, the same span first among equals), so a person who trims a comma or the
first words keeps what the parser found around the piece: a quote's cue (its own span in the
text, so it stays where it was), a post's status link and, where the same line follows, its
attribution. A quote's `truncated` is the parser's only for the very same span.
"""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path
from typing import Any

from ..contract import document_text
from ..errors import Problem
from ..record import SOURCED_FIELDS
from .annotations import Resolved
from .metrics import match

# The marker a curated highlight gets where the parser found none at its span and its line
# prints none before it (the parser's own default, extract.highlights).
DEFAULT_MARKER = "-"
# The longest marker the schema allows (highlight.marker maxLength).
MAX_MARKER = 4


def apply(record: dict[str, Any], resolved: Resolved, annotation_file: str, sha256: str) -> dict[str, Any]:
    """The parser's record with the annotation's checked fields in place of its own."""
    out = copy.deepcopy(record)
    text = document_text(record)
    meta = out["metadata"]
    for name, value in resolved.metadata.items():
        meta[name] = value
        if name in SOURCED_FIELDS:
            meta["spans"][name] = resolved.spans[name]
            meta["sources"][name] = "annotation" if value not in (None, []) else None
    if "highlights" in resolved.items:
        out["highlights"] = [
            _highlight(item, record["highlights"], text) for item in resolved.items["highlights"]
        ]
    if "quotes" in resolved.items:
        items = resolved.items["quotes"]
        out["quotes"] = [_quote(item, parser, text) for item, parser in _paired(items, record["quotes"])]
    if "tweets" in resolved.items:
        items = resolved.items["tweets"]
        out["tweets"] = [_tweet(item, parser) for item, parser in _paired(items, record["tweets"])]
    out["curation"] = {"annotation": annotation_file, "sha256": sha256, "fields": list(resolved.fields)}
    return out


def _same_span(item: dict[str, Any], found: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The parser's item with the same span, if it found one."""
    return next((f for f in found if (f["start"], f["end"]) == (item["start"], item["end"])), None)


def _paired(
    items: list[dict[str, Any]], found: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Each curated item with the parser's item it is paired with as the metrics pair them, or None."""
    pairs = dict(match(items, found))
    return [(item, found[pairs[i]] if i in pairs else None) for i, item in enumerate(items)]


def _highlight(item: dict[str, Any], found: list[dict[str, Any]], text: str) -> dict[str, Any]:
    parser = _same_span(item, found)
    if parser is not None:
        marker = parser["marker"]
    else:  # what the item's line prints before it, if that is short enough to be a bullet
        line_start = text.rfind("\n", 0, item["start"]) + 1
        before = text[line_start : item["start"]].strip()
        marker = before if 0 < len(before) <= MAX_MARKER else DEFAULT_MARKER
    return {"text": item["text"], "start": item["start"], "end": item["end"], "marker": marker}


def _quote(item: dict[str, Any], parser: dict[str, Any] | None, text: str) -> dict[str, Any]:
    cue = copy.deepcopy(parser["cue"]) if parser is not None else None
    if cue is not None and cue["start"] < item["end"] and item["start"] < cue["end"]:
        cue = None  # the curated quote holds the parser's cue: it is no cue of it
    same = parser is not None and (parser["start"], parser["end"]) == (item["start"], item["end"])
    truncated = parser["truncated"] if same else item["end"] == len(text)
    return {
        "text": item["text"],
        "start": item["start"],
        "end": item["end"],
        "kind": item["kind"],
        "speaker": item["speaker"],
        "cue": cue,
        "truncated": truncated,
    }


def _tweet(item: dict[str, Any], parser: dict[str, Any] | None) -> dict[str, Any]:
    from ..extract.posts import entities

    attribution = item["attribution"]  # the line after the curated text, which resolve read
    if parser is not None and (parser.get("attribution") or {}).get("start") == attribution["start"]:
        attribution = copy.deepcopy(parser["attribution"])
    return {
        "text": item["text"],
        "start": item["start"],
        "end": item["end"],
        "author": item["author"],
        "handle": item["handle"],
        "posted": item["posted"],
        "attribution": attribution,
        **entities(item["text"]),
        "status_url": parser["status_url"] if parser is not None else None,
    }


def curate(
    record: dict[str, Any], annotation: dict[str, Any], sha256: str, path: Path, seed_file: str
) -> tuple[dict[str, Any] | None, Counter[str] | None, list[Problem]]:
    """The parser's record with a read annotation placed, applied and validated, and the parser's
    counts against it; or (None, None, problems) for an annotation that is wrong. The build and
    `validate` both come here, so that they refuse and accept the same annotations."""
    from ..validation.records import validate_record
    from .annotations import annotation_name, as_gold, resolve
    from .metrics import document_counts

    resolved, problems = resolve(annotation, document_text(record), str(path))
    if resolved is None:
        return None, None, problems
    result = apply(record, resolved, annotation_name(seed_file), sha256)
    problems = validate_record(result, file=str(path), decoded=True)
    if problems:
        return None, None, problems
    return result, document_counts(as_gold(resolved), record, resolved.fields), []


def read_and_curate(
    record: dict[str, Any], path: Path, seed_file: str
) -> tuple[dict[str, Any] | None, Counter[str] | None, list[Problem]]:
    """`curate` with the seed's annotation file, read as the build reads it (no link followed)."""
    from .annotations import read_annotation

    annotation, sha256, problems = read_annotation(path, follow_links=False)
    if annotation is None or sha256 is None:
        return None, None, problems
    return curate(record, annotation, sha256, path, seed_file)
