"""Parsed parts + identity + provenance -> one record.

This module assembles the record (`build_record`; `parse_path` reads a document's file
first): its `doc_id` (`validation.doc_id_for`: the first 16 hex
digits of the SHA-256 of the document's bytes), its `source` block with the provenance
fields the seeds schema declares, the parsed parts and the raw text. Whether the result is
valid is `validation`'s to say; no record leaves `build_record` unvalidated.
"""

from __future__ import annotations

import os
from typing import Any

from . import rules
from .contract import PROVENANCE_FIELDS, SCHEMA_VERSION, empty_provenance
from .errors import CmvisitError, Problem
from .header.model import HeaderModel
from .inputs import Document, read_path
from .parse import parse_text
from .validation.records import doc_id_for, validate_record


def build_record(
    doc: Document,
    provenance: dict[str, Any] | None = None,
    model: HeaderModel | None = None,
    explain: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Parse a readable document into a record and validate it; raises CmvisitError if invalid."""
    rendering = None
    if doc.media_type == "text/html":
        from .pages.render import render

        rendering = render(doc.text, doc.file)
        if isinstance(rendering, list):
            raise CmvisitError(rendering)
    parts = parse_text(doc.text if rendering is None else rendering.text, model, explain)
    _sources(parts["metadata"], rendering)
    _status_urls(parts["tweets"], [] if rendering is None else rendering.posts)
    source = {"file": doc.file, "sha256": doc.sha256, "bytes": doc.size, **empty_provenance()}
    if provenance:
        source.update({k: provenance.get(k) for k in PROVENANCE_FIELDS})
    record = {
        "schema_version": SCHEMA_VERSION,
        "doc_id": doc_id_for(doc.sha256),
        "source": source,
        "media_type": doc.media_type,
        "encoding": doc.encoding,
        **parts,
        "raw_text": doc.text,
        "rendering": None if rendering is None else rendering.text,
        "curation": None,  # a person's annotation, applied by the build (`curation.apply`)
    }
    # doc comes from inputs.decode: its text policy, checksum and size are already its own.
    problems = validate_record(record, file=doc.file, decoded=True)
    if problems:
        raise CmvisitError(problems)
    return record


def _status_urls(tweets: list[dict[str, Any]], posts: list[Any]) -> None:
    """Each post its status link: that of the page's blockquote whose text and attribution line
    the post prints (in order, each blockquote once); None where there is none (a text document)."""
    links: dict[tuple[str, str], list[str | None]] = {}
    for post in posts:
        links.setdefault((post.text, post.attribution), []).append(post.url)
    for tweet in tweets:
        found = links.get((tweet["text"], tweet["attribution"]["text"]))
        tweet["status_url"] = found.pop(0) if found else None


# The metadata fields whose source a record names (metadata.sources).
SOURCED_FIELDS = ("title", "published", "byline", "dateline")


def _sources(meta: dict[str, Any], rendering: Any) -> None:
    """The page's structured values over the text parser's (HTML pages), each with its span in
    the rendering where the rendering prints it; and metadata.sources: where each value came
    from ("json-ld", "opengraph", "meta" or "text"), null for a value not found."""
    structured = {} if rendering is None else rendering.sources
    for field in structured:
        value, printed = rendering.values[field], rendering.printed[field]
        text = rendering.text
        spans = [{"text": text[a:b], "start": a, "end": b} for a, b in printed]
        meta[field] = value
        meta["spans"][field] = spans if field == "byline" else spans[0]
    meta["sources"] = {
        field: structured.get(field, "text") if meta[field] not in (None, []) else None
        for field in SOURCED_FIELDS
    }


def parse_path(
    path: str | os.PathLike[str],
    max_bytes: int = rules.DEFAULT_MAX_BYTES,
    provenance: dict[str, Any] | None = None,
    model: HeaderModel | None = None,
    explain: dict[str, Any] | None = None,
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read, parse and validate one raw document: (record, []) or (None, problems).

    model and explain go to the parser (`parse.parse_text`)."""
    doc = read_path(path, max_bytes)
    if isinstance(doc, list):
        return None, doc
    try:
        return build_record(doc, provenance, model, explain), []
    except CmvisitError as exc:
        return None, exc.problems
    except RecursionError:  # pragma: no cover - guarded by bounded regexes; reported, never raised
        return None, [Problem("parser-failure", "the parser ran out of stack", file=str(path))]
