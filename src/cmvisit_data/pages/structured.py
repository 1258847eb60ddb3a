"""The page's own structured metadata, read with lxml: JSON-LD (a NewsArticle or another
schema.org article type), then OpenGraph, then meta tags. Each value keeps where it came
from ("json-ld", "opengraph", "meta"); the text's parser fills what the page does not give.
Dates are taken only as ISO dates here (YYYY-MM-DD...): a date printed in words, Hindi or
Indian forms included, is the package's own date reader's, on the rendering."""

from __future__ import annotations

import json
import re
from typing import Any

# The schema.org types that are an article's own description (not the site's or a breadcrumb).
ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "WebPage"}
)
_ISO_DATE_RE = re.compile(r"\A\s*(\d{4}-\d{2}-\d{2})(?:[T ]|\s*\Z)")
# Bound the JSON-LD read: a script is metadata, not a payload (pages embed megabytes of state).
MAX_JSON_LD_CHARS = 200_000
_META_KEYS = {
    "title": (
        ("property", "og:title", "opengraph"),
        ("name", "title", "meta"),
        ("name", "twitter:title", "meta"),
    ),
    "published": (
        ("property", "article:published_time", "opengraph"),
        ("name", "publish-date", "meta"),
        ("name", "pubdate", "meta"),
        ("name", "date", "meta"),
        ("name", "dc.date", "meta"),
        ("itemprop", "datePublished", "meta"),
    ),
    "byline": (("name", "author", "meta"), ("property", "article:author", "opengraph")),
}


def _iso_date(value: Any) -> str | None:
    found = _ISO_DATE_RE.match(value) if isinstance(value, str) else None
    return found.group(1) if found else None


def _names(author: Any) -> list[str]:
    """The author names a JSON-LD author gives: a string, a Person or Organization, or a list."""
    items = author if isinstance(author, list) else [author]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and not name.strip().startswith("http"):
            names.append(" ".join(name.split()))
    return names


def _articles(node: Any) -> list[dict[str, Any]]:
    """Every schema.org article object in a JSON-LD value, in document order (@graph too)."""
    found: list[dict[str, Any]] = []
    stack = [node]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack[0:0] = item
        elif isinstance(item, dict):
            kind = item.get("@type")
            kinds = set(kind) if isinstance(kind, list) else {kind}
            if kinds & ARTICLE_TYPES:
                found.append(item)
            if "@graph" in item:
                stack[0:0] = [item["@graph"]]
    return found


def _json_ld(tree: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        text = script.text or ""
        if len(text) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(text)
        except ValueError:
            continue  # a broken script is the page's problem, not a reason to refuse it
        for article in _articles(data):
            headline = article.get("headline")
            if isinstance(headline, str) and headline.strip():
                values.setdefault("title", " ".join(headline.split()))
            if _iso_date(article.get("datePublished")):
                values.setdefault("published", _iso_date(article.get("datePublished")))
            if _names(article.get("author")):
                values.setdefault("byline", _names(article.get("author")))
    return values


def read_structured(tree: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """(values, sources) for title, published and byline: JSON-LD first, then OpenGraph and meta."""
    values = _json_ld(tree)
    sources = {field: "json-ld" for field in values}
    for field, keys in _META_KEYS.items():
        if field in values:
            continue
        for attribute, key, source in keys:
            found = tree.xpath(f'//meta[translate(@{attribute}, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", '
                               f'"abcdefghijklmnopqrstuvwxyz")="{key.lower()}"]/@content')  # fmt: skip
            content = " ".join(found[0].split()) if found else ""
            value: Any = _iso_date(content) if field == "published" else content or None
            if field == "byline" and value:
                value = _names(value)
            if value:
                values[field], sources[field] = value, source
                break
    return values, sources
