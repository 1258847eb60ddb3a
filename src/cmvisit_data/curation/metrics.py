"""The extraction contract's metrics: the parser's record against a person's annotation.

The same measures as the evaluation's scorer (../shared/eval/score.py, described in the
contract's "Scoring" section), so that a figure on the dataset's own curated documents means
what the development pages' figure means:

- `language`: accuracy over documents;
- `title`, `published`, `byline`, `dateline`: precision, recall and F1 over non-empty values; a
  value is right when it equals the annotated one (title and dateline after whitespace and case
  folding, byline as a set after case folding, published exactly);
- `highlights`, `quotes`, `tweets`: each annotated item matches at most one extracted item, best
  pairs first, when their shared-token F1 is at least `rules.MATCH_MIN_OVERLAP`; pooled
  precision, recall and F1. On matched quotes the speaker is scored by last name and by whole
  name; on matched posts, the handle and the date. English `reported` quotes are not scored.
- spans: the share of extracted items whose span holds in the document's text, and, where the
  annotation gives positions, the share of matched items and right metadata values whose span
  equals the annotated one (a resolved annotation gives its metadata spans under "spans", as a
  record's metadata.spans; the evaluation's gold files give none).

Only the fields a person checked (an annotation's keys) are counted. A document's counts are a
`Counter`, so a corpus's are their sum, and `figures` turns a sum into the reported figures.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Any

from .. import rules
from ..contract import document_text

METADATA_FIELDS = ("title", "published", "byline", "dateline")
ITEM_FIELDS = ("highlights", "quotes", "tweets")
# Every field an annotation can check, in the order figures and records list them.
CURATED_FIELDS = ("language", *METADATA_FIELDS, *ITEM_FIELDS)

# The scorer's token split: whitespace and the punctuation of both scripts.
TOKEN_SPLIT = re.compile(r"[\s.,;:!?\"'“”‘’«»()\[\]{}<>।॥—–\-/|…]+")


def tokens(text: str | None) -> list[str]:
    text = unicodedata.normalize("NFC", text or "").casefold()
    return [t for t in TOKEN_SPLIT.split(text) if t]


def overlap(a: str, b: str) -> float:
    """Shared-token F1 of two texts."""
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    precision, recall = common / sum(tb.values()), common / sum(ta.values())
    return 2 * precision * recall / (precision + recall)


def text_of(item: Any) -> str:
    return item if isinstance(item, str) else (item.get("text") or "")


def _same_span(a: Any, b: Any) -> bool:
    """Whether both items give a span and it is the same one."""
    spans = [(x.get("start"), x.get("end")) if isinstance(x, dict) else (None, None) for x in (a, b)]
    return None not in spans[0] and spans[0] == spans[1]


def match(gold: list[Any], pred: list[Any]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), best overlap first; of equal overlaps,
    pairs at the same span first (two annotated items of one text pair with the parser's at
    their own places), then by position."""
    pairs = sorted(
        (
            (overlap(text_of(g), text_of(p)), not _same_span(g, p), i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(pred)
        ),
        key=lambda t: (-t[0], t[1], t[2], t[3]),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for score, _, i, j in pairs:
        if score < rules.MATCH_MIN_OVERLAP:
            break
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return sorted(out)


def same(name: str, gold: Any, pred: Any) -> bool:
    if name == "byline":
        return {b.casefold().strip() for b in gold or []} == {b.casefold().strip() for b in pred or []}
    if name in ("title", "dateline"):
        return " ".join((gold or "").split()).casefold() == " ".join((pred or "").split()).casefold()
    return gold == pred


def last_name(name: str | None) -> str:
    parts = tokens(name)
    return parts[-1] if parts else ""


def _speaker_right(gold: str | None, said: str | None) -> bool:
    return bool(last_name(said)) and last_name(said) in tokens(gold)


def _gold(gold: dict[str, Any], name: str) -> Any:
    """An annotated metadata value as a value: the text of a placed title, dateline or byline
    name ({"text", "start"}), the date of a placed published date ({"date", "start"})."""
    value = gold.get(name)
    if isinstance(value, dict):
        return value.get("date") if name == "published" else value.get("text")
    if name == "byline" and isinstance(value, list):
        return [v.get("text") if isinstance(v, dict) else v for v in value]
    return value


def _metadata(record: dict[str, Any]) -> dict[str, Any]:
    return record.get("metadata") or {}


def _value(record: dict[str, Any], name: str) -> Any:
    """A metadata value, empty ones (None, [], "") as None."""
    return _metadata(record).get(name) or None


def _items(source: dict[str, Any], name: str, language: str | None) -> list[Any]:
    return [item for _, item in _indexed(source, name, language)]


def _indexed(source: dict[str, Any], name: str, language: str | None) -> list[tuple[int, Any]]:
    """The scored items of a list, each with its index in the list (a pointer's index)."""
    items = list(enumerate(source.get(name) or []))
    if name == "quotes":  # English indirect speech may be emitted, but is not scored
        items = [(i, q) for i, q in items if not (language == "en" and q.get("kind") == "reported")]
    return items


def _count_metadata(counts: Counter, name: str, gold: Any, pred: Any, spans: list[tuple[Any, Any]]) -> None:
    gold, pred = gold or None, pred or None
    counts[f"{name}.gold"] += gold is not None
    counts[f"{name}.pred"] += pred is not None
    agree = gold is not None and pred is not None and same(name, gold, pred)
    counts[f"{name}.tp"] += agree
    if agree:  # a right value read where the annotation places it (an annotation that places it)
        counts["span_agreement.n"] += len(spans)
        counts["span_agreement.ok"] += sum(_span(g) == _span(p) for g, p in spans)


def _metadata_spans(gold: dict[str, Any], record: dict[str, Any], name: str) -> list[tuple[Any, Any]]:
    """(annotated span, the parser's span) of a metadata value, one pair per byline name, where
    the annotation is placed (a resolved annotation's "spans", as a record's metadata.spans)."""
    given = (gold.get("spans") or {}).get(name)
    found = (_metadata(record).get("spans") or {}).get(name)
    if name != "byline":
        return [(given, found)] if _span(given) else []
    by_name = {(s.get("text") or "").casefold().strip(): s for s in (found or []) if isinstance(s, dict)}
    return [(g, by_name.get((g.get("text") or "").casefold().strip())) for g in (given or []) if _span(g)]


def _count_pair(counts: Counter, name: str, g: Any, p: dict[str, Any]) -> None:
    """The measures of one matched pair beyond the match itself."""
    if name == "quotes":
        counts["speaker.n"] += 1
        counts["speaker.ok"] += _speaker_right(g.get("speaker"), p.get("speaker"))
        counts["speaker.exact"] += tokens(p.get("speaker")) == tokens(g.get("speaker"))
    if name == "tweets":
        counts["tweet.n"] += 1
        counts["tweet.handle"] += (p.get("handle") or "").lstrip("@").casefold() == (
            g.get("handle") or ""
        ).casefold()
        counts["tweet.posted"] += p.get("posted") == g.get("posted")
    if isinstance(g, dict) and "start" in g and "end" in g:
        counts["span_agreement.n"] += 1
        counts["span_agreement.ok"] += (g["start"], g["end"]) == (p.get("start"), p.get("end"))


def _count_items(counts: Counter, name: str, gold: list[Any], pred: list[Any], text: str) -> None:
    pairs = match(gold, pred)
    counts[f"{name}.gold"] += len(gold)
    counts[f"{name}.pred"] += len(pred)
    counts[f"{name}.tp"] += len(pairs)
    for i, j in pairs:
        _count_pair(counts, name, gold[i], pred[j])
    for item in pred:
        if isinstance(item, dict) and "start" in item and "end" in item:
            counts["spans.n"] += 1
            counts["spans.ok"] += text[item["start"] : item["end"]] == item.get("text")


def document_counts(gold: dict[str, Any], record: dict[str, Any], fields: Iterable[str]) -> Counter:
    """The counts of one document: the parser's `record` (before any annotation is applied)
    against `gold` (an annotation in the contract's gold format), on `fields` only."""
    counts: Counter = Counter(documents=1)
    language = gold.get("language") or _value(record, "language")
    text = document_text(record)
    for name in fields:
        counts[f"{name}.documents"] += 1
        if name == "language":
            counts["language.n"] += 1
            counts["language.ok"] += gold.get("language") == _value(record, "language")
        elif name in METADATA_FIELDS:
            spans = _metadata_spans(gold, record, name)
            _count_metadata(counts, name, _gold(gold, name), _value(record, name), spans)
        elif name in ITEM_FIELDS:
            _count_items(counts, name, _items(gold, name, language), _items(record, name, language), text)
        else:
            raise ValueError(
                f"{name!r} is not a field an annotation checks; expected one of {CURATED_FIELDS}"
            )
    return counts


def _share(hits: int, n: int) -> float | None:
    return round(hits / n, 3) if n else None


def _prf(counts: Counter, name: str) -> dict[str, Any]:
    gold, pred, tp = counts[f"{name}.gold"], counts[f"{name}.pred"], counts[f"{name}.tp"]
    precision = tp / pred if pred else (1.0 if not gold else 0.0)
    recall = tp / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "documents": counts[f"{name}.documents"],
        "gold": gold,
        "predicted": pred,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
    }


def figures(counts: Counter) -> dict[str, Any]:
    """The reported figures of summed counts: per checked field its documents, gold and predicted
    counts, precision, recall and F1 (language: accuracy), then the speaker, post and span
    shares (None where nothing was there to measure)."""
    fields: dict[str, Any] = {}
    for name in CURATED_FIELDS:
        if not counts[f"{name}.documents"]:
            continue
        if name == "language":
            fields[name] = {
                "documents": counts["language.documents"],
                "accuracy": _share(counts["language.ok"], counts["language.n"]),
            }
        else:
            fields[name] = _prf(counts, name)
    return {
        "documents": counts["documents"],
        "fields": fields,
        "quote_speaker_accuracy": _share(counts["speaker.ok"], counts["speaker.n"]),
        "quote_speaker_exact": _share(counts["speaker.exact"], counts["speaker.n"]),
        "tweet_handle_accuracy": _share(counts["tweet.handle"], counts["tweet.n"]),
        "tweet_posted_accuracy": _share(counts["tweet.posted"], counts["tweet.n"]),
        "span_accuracy": _share(counts["spans.ok"], counts["spans.n"]),
        "span_agreement": _share(counts["span_agreement.ok"], counts["span_agreement.n"]),
    }


def flat(result: dict[str, Any]) -> dict[str, Any]:
    """`figures`' result under the evaluation scorer's keys ("title_f1", "quotes_gold",
    "language_accuracy", "quote_speaker_exact" …), as quality.json and the card name them."""
    out = {}
    for name, field in result["fields"].items():
        if name == "language":
            out["language_accuracy"] = field["accuracy"]
            continue
        for key in ("precision", "recall", "f1", "gold", "predicted"):
            out[f"{name}_{key}"] = field[key]
    out.update({k: v for k, v in result.items() if k not in ("documents", "fields")})
    return out


def _shown(item: Any) -> Any:
    """An item as a disagreement shows it: its text, or for a quote its text and speaker."""
    if isinstance(item, dict) and "speaker" in item:
        return {"text": item.get("text"), "speaker": item.get("speaker")}
    return text_of(item)


def _span(item: Any) -> str | None:
    """An item's span as a disagreement shows it ("120-145"), None where it has none."""
    if isinstance(item, dict) and isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
        return f"{item['start']}-{item['end']}"
    return None


def _item_disagreements(
    name: str, indexed: list[tuple[int, Any]], pred_indexed: list[tuple[int, Any]]
) -> list[dict[str, Any]]:
    """The disagreements of one list; pointers and parser indexes are the items' own indexes."""
    found = []
    gold, pred = [g for _, g in indexed], [p for _, p in pred_indexed]
    pairs = match(gold, pred)
    checks = {"quotes": ("speaker", "kind"), "tweets": ("handle", "posted", "author")}.get(name, ())
    for i, j in pairs:
        (at, g), (j_at, p) = indexed[i], pred_indexed[j]
        for key in checks:
            if isinstance(g, dict) and key in g and not _agree(key, g.get(key), p.get(key)):
                found.append(_disagreement(name, f"/{name}/{at}/{key}", g.get(key), p.get(key), j_at))
        if _span(g) and _span(p) and _span(g) != _span(p):  # the same words, read at another place
            found.append(_disagreement(name, f"/{name}/{at}/start", _span(g), _span(p), j_at))
    matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
    found += [
        _disagreement(name, f"/{name}/{at}", _shown(g), None, None)
        for i, (at, g) in enumerate(indexed)
        if i not in matched_g
    ]
    found += [
        _disagreement(name, None, None, _shown(p), j_at)
        for j, (j_at, p) in enumerate(pred_indexed)
        if j not in matched_p
    ]
    return found


def _agree(key: str, gold: Any, pred: Any) -> bool:
    if key == "speaker":
        return tokens(gold) == tokens(pred)
    if key == "handle":
        return (pred or "").lstrip("@").casefold() == (gold or "").casefold()
    return gold == pred


def _disagreement(name: str, pointer: str | None, gold: Any, pred: Any, index: int | None) -> dict[str, Any]:
    """One disagreement: the field, the annotation's JSON pointer (None for an item the parser
    found and the annotation has not), both values, and the parser's item index where there is one."""
    return {"field": name, "pointer": pointer, "annotation": gold, "parser": pred, "parser_index": index}


def disagreements(
    gold: dict[str, Any], record: dict[str, Any], fields: Iterable[str]
) -> list[dict[str, Any]]:
    """Where the parser's `record` and the annotation `gold` differ, on `fields`, in field order:
    a metadata value, an annotated item the parser missed, an item the annotation has not, and on
    matched items a different speaker, kind, handle, date or author, or (where the annotation is
    placed) another span, as "start-end"; on a right metadata value, another span likewise."""
    language = gold.get("language") or _value(record, "language")
    found: list[dict[str, Any]] = []
    for name in (f for f in CURATED_FIELDS if f in set(fields)):
        if name in ITEM_FIELDS:
            found += _item_disagreements(
                name, _indexed(gold, name, language), _indexed(record, name, language)
            )
            continue
        ours, theirs = _value(record, name), _gold(gold, name) or None
        if not (ours == theirs if name == "language" else same(name, theirs, ours)):
            found.append(_disagreement(name, f"/{name}", theirs, ours, None))
        elif name in METADATA_FIELDS and theirs is not None:
            found += _span_disagreements(name, _metadata_spans(gold, record, name))
    return found


def _span_disagreements(name: str, spans: list[tuple[Any, Any]]) -> list[dict[str, Any]]:
    """A right metadata value the parser read at another place than the annotation's: /title/start,
    or /byline/i/start for the i-th name, with both spans as "start-end"."""
    return [
        _disagreement(name, f"/{name}/{i}/start" if name == "byline" else f"/{name}/start",
                      _span(g), _span(p), None)
        for i, (g, p) in enumerate(spans)
        if _span(g) != _span(p)
    ]  # fmt: skip
