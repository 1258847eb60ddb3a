"""A diff said as text, for the command line and the changelog alike: the summary (a line of
counts, then one per cause of change), a changed document's heading and its lines."""

from __future__ import annotations

import json
from typing import Any

from .diff import CAUSES

COLUMN_NAMES = {("quotes", "speaker"): "speakers"}  # a column's name when it changes, where it reads better


def summary_lines(result: dict[str, Any]) -> list[str]:
    """The summary of a diff, first line the counts, then one line per cause of change (or why
    nothing changed although the package or schema did)."""
    summary = result["summary"]
    lines = [f"{summary['added']} added, {summary['removed']} removed, {summary['changed']} changed"]
    releases = result["releases"]
    for cause in CAUSES:
        if cause in summary["causes"]:
            lines.append(f"{_cause_text(cause, releases)}: {_cause_counts(summary['causes'][cause])}")
    old, new = releases["from"], releases["to"]
    if not summary["changed"]:  # what did change, although no row of a document kept did
        if old["schema_sha256"] != new["schema_sha256"]:
            lines.append(f"schema sha256 {old['schema_sha256']} -> {new['schema_sha256']}, the same rows")
        if old["package_version"] != new["package_version"]:
            lines.append(
                f"package {old['package_version']} -> {new['package_version']}: the parser's outputs "
                "are the same for every document kept"
            )
    return lines


def detail_lines(change: dict[str, Any]) -> list[str]:
    """A changed document's lines (after its heading): shown fields old -> new, the other
    fields, and the items per table."""
    lines = [f"{name}: {_value(v['from'])} -> {_value(v['to'])}" for name, v in change["values"].items()]
    if "curation" in change:
        lines.append(_curation_text(change["curation"]))
    others = [f for f in change["fields"] if f not in change["values"]]
    if others:
        lines.append(("other fields: " if change["values"] else "fields: ") + ", ".join(others))
    if change["items"]:
        lines.append(_items_text(change["items"]))
    return lines


def heading(entry: dict[str, Any]) -> str:
    """doc_id, file and title of a document, on one line."""
    from ..errors import shown

    title = entry["title"]
    title_text = "(no title)" if title is None else json.dumps(_short(title), ensure_ascii=False)
    return f"{entry['doc_id']}  {shown(entry['file'])}  {shown(title_text)}"


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _value(value: Any) -> str:
    from ..errors import shown

    if isinstance(value, str):
        return shown(json.dumps(_short(value), ensure_ascii=False))
    return shown(json.dumps(value, ensure_ascii=False))


def _cause_text(cause: str, releases: dict[str, Any]) -> str:
    old, new = releases["from"], releases["to"]
    if cause == "text":
        return "text changed (raw_sha256 differs)"
    if cause == "curation":
        return "curation changed (same text, an annotation added, changed or removed)"
    if cause == "schema":
        return f"schema changed (schema sha256 {old['schema_sha256']} -> {new['schema_sha256']})"
    if cause == "parser":
        if old["package_version"] == new["package_version"]:
            return f"parser changed (same text, same package {new['package_version']})"
        return f"parser changed (same text, package {old['package_version']} -> {new['package_version']})"
    if cause == "provenance":
        return "provenance changed (same text, the seeds entry's file name, url, outlet, rights or obtained)"
    return "near-duplicate marking changed (same text)"


def _cause_counts(total: dict[str, Any]) -> str:
    documents = total["documents"]
    parts = [f"{documents:,} document{'' if documents == 1 else 's'}"]
    if total.get("annotations"):
        parts.append(", ".join(f"annotations {change} {n:,}" for change, n in total["annotations"].items()))
    if total["fields"]:
        parts.append(", ".join(f"{name} {n:,}" for name, n in total["fields"].items()))
    if total["items"]:
        parts.append(_items_text(total["items"]))
    return "; ".join(parts)


def _curation_text(curation: dict[str, Any]) -> str:
    """'annotation added: checks title, quotes' (or changed: before -> after, or removed)."""
    fields = curation["fields"]

    def listed(names: list[str] | None) -> str:
        return ", ".join(names) if names else "no field"

    if curation["change"] == "added":
        return f"annotation added: checks {listed(fields['to'])}"
    if curation["change"] == "removed":
        return f"annotation removed: it checked {listed(fields['from'])}"
    if fields["from"] == fields["to"]:
        return f"annotation changed: checks {listed(fields['to'])}"
    return f"annotation changed: checks {listed(fields['from'])} -> {listed(fields['to'])}"


def _items_text(items: dict[str, Any]) -> str:
    """'quotes +2 -1, speakers changed: 1, paragraphs moved: 3'."""
    parts = []
    for table, counts in items.items():
        if counts["added"] or counts["removed"]:
            parts.append(f"{table} +{counts['added']:,} -{counts['removed']:,}")
        for column, n in counts["changed"].items():
            name = COLUMN_NAMES.get((table, column), f"{table} {column}")
            parts.append(f"{name} changed: {n:,}")
        if counts["moved"]:
            parts.append(f"{table} moved: {counts['moved']:,}")
        if not (counts["added"] or counts["removed"] or counts["changed"] or counts["moved"]):
            parts.append(f"{table} rows differ")
    return ", ".join(parts)
