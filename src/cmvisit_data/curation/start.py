"""A starting annotation: what the parser made of a document, in the gold format, for a person
to correct (`cmvisit annotate`).

Every checked field is written (`CURATED_FIELDS`), so that a curator deletes what they did not
check rather than types what they did. A text is written alone where it occurs once in the
document's text, and as {"text", "start"} where it occurs more than once (the title only where
it is not its first occurrence), and the published date as {"date", "start"} where its
printed date is not the first that reads as it: what `annotations.resolve` needs to place it again. Applied
as it is, the annotation gives the parser's values back.
"""

from __future__ import annotations

import json
from typing import Any

from ..contract import document_text
from .placing import date_starts, occurrences


def starting_annotation(record: dict[str, Any]) -> dict[str, Any]:
    """The gold-format annotation of every field, as the parser found them in `record`."""
    text = document_text(record)
    meta, spans = record["metadata"], record["metadata"]["spans"]

    def placed(span: dict[str, Any] | None, first_by_default: bool = False) -> Any:
        if span is None:
            return None
        found = occurrences(text, span["text"])
        if found[:1] == [span["start"]] and (first_by_default or len(found) == 1):
            return span["text"]
        return {"text": span["text"], "start": span["start"]}

    def item(found: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
        where = placed(found)
        return {**(where if isinstance(where, dict) else {"text": where}), **{k: found[k] for k in keys}}

    return {
        "language": meta["language"],
        "title": placed(spans["title"], first_by_default=True),
        "published": _published(text, meta["published"], spans["published"]),
        "byline": [placed(span) for span in spans["byline"]],
        "dateline": placed(spans["dateline"]),
        "highlights": [placed(h) for h in record["highlights"]],
        "quotes": [item(q, ("kind", "speaker")) for q in record["quotes"]],
        "tweets": [item(t, ("author", "handle", "posted")) for t in record["tweets"]],
    }


def _published(text: str, date: str | None, span: dict[str, Any] | None) -> Any:
    """The date alone where its span is the first printed date that reads as it (where
    `resolve` places a date), else {"date", "start"} naming the printed one."""
    if span is None or date_starts(text, date)[:1] == [span["start"]]:
        return date
    return {"date": date, "start": span["start"]}


def annotation_text(annotation: dict[str, Any]) -> str:
    """An annotation as its file holds it: indented JSON, UTF-8 text as printed, one newline at the end."""
    return json.dumps(annotation, ensure_ascii=False, indent=2) + "\n"
