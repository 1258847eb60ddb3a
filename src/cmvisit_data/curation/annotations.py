"""Annotation files: a person's checked values for some fields of one document, read and placed.

An annotation (`seeds/annotations/<seed file name>.json`) is the extraction contract's gold
format, partial: the fields it holds (`CURATED_FIELDS`, in that order) are the ones a person
checked; `null` and `[]` are checked values too. `load_annotation` reads one strictly and
checks its shape; `resolve` finds every text it gives in the document's text (`raw_text`, or
an HTML page's `rendering`), so that each value gets the span a record needs. Every problem
names the annotation file and the JSON pointer of the value. Applying the resolved values to
a record is `apply`'s job; scoring the parser against them is `metrics`'.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem
from .metrics import CURATED_FIELDS  # the fields an annotation may check, in the record's order
from .placing import date_span, locate, name_printed

# Keys of the gold format that are no checked field: read, and ignored.
IGNORED_KEYS = ("notes", "id")
# The keys an item of each list may hold; the first ones are required.
ITEM_KEYS = {
    "highlights": (("text",), ("start", "occurrence")),
    "quotes": (("text", "kind", "speaker"), ("start", "occurrence")),
    "tweets": (("text", "author", "handle", "posted"), ("start", "occurrence")),
}
LANGUAGES = ("en", "hi")
QUOTE_KINDS = ("direct", "reported")
ANNOTATIONS_DIR = "annotations"
# An annotation lists one document's pieces: a megabyte is far more than any document holds
# (the largest seed's annotation is a few kilobytes), and bounds what a stray file costs.
MAX_ANNOTATION_BYTES = 1_000_000
# What to do about a byte-order mark, as the package says of a UTF-16 document (utf16-document).
BOM_HINT = 'Save it as UTF-8 without BOM (in Notepad: Save As, Encoding: UTF-8, not "UTF-8 with BOM").'
# How far after a curated post its attribution line may start: the white space between the
# post's text and the dash (the parser's posts end right before it).
ATTRIBUTION_GAP = 8
# The longest attribution line searched for: a display name of at most 80 characters (the
# parser's limit), a 15-character handle and a printed date, with room to spare.
MAX_ATTRIBUTION = 160


def annotation_path(seeds_dir: str | os.PathLike[str], seed_file: str) -> Path:
    """Where a seed's annotation lives: seeds/annotations/<seed file name>.json."""
    return Path(seeds_dir) / ANNOTATIONS_DIR / f"{seed_file}.json"


def annotation_name(seed_file: str) -> str:
    """The annotation's name relative to the seeds folder, as a record's curation names it."""
    return f"{ANNOTATIONS_DIR}/{seed_file}.json"


def seed_of(annotation_file: str | os.PathLike[str]) -> str | None:
    """The seed file an annotation's name belongs to (x.txt for x.txt.json), or None."""
    name = Path(annotation_file).name
    return name.removesuffix(".json") if name.endswith(".json") and len(name) > len(".json") else None


def orphans(seeds_dir: str | os.PathLike[str], listed: set[str]) -> list[Problem]:
    """The files of seeds/annotations/ that are no annotation of a listed document: a build
    refuses them, as it refuses a document the manifest does not list."""
    folder = Path(seeds_dir) / ANNOTATIONS_DIR
    if not folder.is_dir():
        return []
    return [
        stray_folder(path) if path.is_dir() else orphan(path)
        for path in sorted(folder.iterdir())
        if path.is_dir() or seed_of(path) not in listed
    ]


def orphan(path: Path) -> Problem:
    """The problem of an annotation whose seed the manifest does not list."""
    seed = seed_of(path)
    why = (
        f"the annotation names no document {seed!r} of seeds/manifest.json"
        if seed
        else "the file is not named after a seed: an annotation is named as its seed file, then "
        ".json (x.txt.json for the seed x.txt)"
    )
    return Problem("annotation-orphan", why, file=str(path))


def stray_folder(path: Path) -> Problem:
    """The problem of a folder inside seeds/annotations/, which holds files only: one problem for
    the folder, whatever it holds (a build refuses it so)."""
    return Problem(
        "annotation-orphan",
        "a folder among the annotations: annotations/ holds one file per annotated seed "
        "(<seed file name>.json) and no folder",
        file=f"{path}{os.sep}",
        hint="Move the folder out of the seeds folder (keep old annotations elsewhere), or remove it.",
    )


# --- reading -----------------------------------------------------------------------------------


def load_annotation(path: str | os.PathLike[str]) -> tuple[dict[str, Any] | None, list[Problem]]:
    """An annotation file read strictly (no key twice, bounded) and its shape checked:
    (annotation, []) or (None, problems), each naming the file and the JSON pointer."""
    annotation, _, problems = read_annotation(path)
    return annotation, problems


def read_annotation(
    path: str | os.PathLike[str], follow_links: bool = True
) -> tuple[dict[str, Any] | None, str | None, list[Problem]]:
    """(annotation, sha256 of the very bytes read, []) or (None, None, problems): the file is
    read once, so the checksum a record carries is that of what was applied."""
    import hashlib

    from ..inputs import open_regular
    from ..strictjson import StrictJSONError, loads

    where = str(path)
    handle, problems = open_regular(path, follow_links=follow_links)
    if handle is None:
        return None, None, problems
    with handle:
        data = handle.read(MAX_ANNOTATION_BYTES + 1)
    if len(data) > MAX_ANNOTATION_BYTES:
        why = f"the file is over the limit of {MAX_ANNOTATION_BYTES:,} bytes"
        return None, None, [Problem("annotation-malformed", why, file=where, pointer="")]
    if data.startswith(codecs.BOM_UTF8):  # a JSON text has none (RFC 8259); Notepad's "UTF-8 with BOM"
        why = "the file starts with a byte-order mark (BOM): an annotation is UTF-8 without one"
        return None, None, [Problem("annotation-malformed", why, file=where, pointer="", hint=BOM_HINT)]
    try:
        annotation = loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        why = f"not UTF-8 at byte {exc.start}"
        return None, None, [Problem("annotation-malformed", why, file=where, pointer="")]
    except StrictJSONError as exc:
        place = {"line": exc.line, "column": exc.column, "pointer": exc.pointer}
        return None, None, [Problem("annotation-malformed", exc.message, file=where, **place)]
    problems = shape_problems(annotation, where)
    return (None, None, problems) if problems else (annotation, hashlib.sha256(data).hexdigest(), [])


def shape_problems(data: Any, file: str) -> list[Problem]:
    """Every key and value of an annotation that the gold format does not allow."""
    if not isinstance(data, dict):
        return [Problem("annotation-invalid", "an annotation is a JSON object", file=file, pointer="")]
    out: list[Problem] = []
    for key, value in data.items():
        pointer = f"/{_escape(key)}"
        if key in IGNORED_KEYS:
            continue
        if key not in CURATED_FIELDS:
            out.append(
                Problem(
                    "annotation-unknown-key",
                    f"{key!r} is no field an annotation checks",
                    file=file,
                    pointer=pointer,
                )
            )
            continue
        out += [
            Problem("annotation-invalid", why, file=file, pointer=at)
            for at, why in _check(key, value, pointer)
        ]
    if not out and not any(key in CURATED_FIELDS for key in data):
        out.append(Problem("annotation-invalid", "the annotation checks no field", file=file, pointer=""))
    return out


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _check(key: str, value: Any, pointer: str) -> list[tuple[str, str]]:
    """(pointer, what is wrong) for one checked field's value."""
    if key == "language":
        return [] if value in LANGUAGES else [(pointer, f"language is one of {', '.join(LANGUAGES)}")]
    if key == "published":
        return _published(value, pointer)
    if key in ("title", "dateline"):
        return _placed(value, pointer, nullable=True)
    if not isinstance(value, list):
        return [(pointer, f"{key} is a list")]
    out: list[tuple[str, str]] = []
    for i, item in enumerate(value):
        at = f"{pointer}/{i}"
        if key == "byline":
            out += _placed(item, at, nullable=False)
        elif key == "highlights" and isinstance(item, str):
            out += _text(item, at)
        else:
            out += _item(key, item, at)
    return out


def _published(value: Any, pointer: str) -> list[tuple[str, str]]:
    """A date, null, or {"date", "start"|"occurrence"} for a date printed more than once."""
    if value is None or _is_date(value):
        return []
    if not isinstance(value, dict):
        return [(pointer, 'published is a YYYY-MM-DD date, {"date": ..., "start": N} or null')]
    out = _keys(value, pointer, ("date",), ("start", "occurrence"))
    if not out and not _is_date(value["date"]):
        out.append((f"{pointer}/date", "published's date is a YYYY-MM-DD date"))
    return out


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != len("YYYY-MM-DD"):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _text(value: Any, pointer: str) -> list[tuple[str, str]]:
    if not isinstance(value, str) or not value.strip():
        return [(pointer, "a text is a non-empty string")]
    if value != value.strip():
        return [(pointer, "a text is given as printed, without white space around it")]
    return []


def _placed(value: Any, pointer: str, nullable: bool) -> list[tuple[str, str]]:
    """A text given as a string, or as {"text", "start"|"occurrence"} where it occurs more than once."""
    if value is None and nullable:
        return []
    if isinstance(value, dict):
        return _keys(value, pointer, ("text",), ("start", "occurrence")) or _text(
            value["text"], f"{pointer}/text"
        )
    return _text(value, pointer)


def _item(key: str, item: Any, pointer: str) -> list[tuple[str, str]]:
    required, optional = ITEM_KEYS[key]
    if not isinstance(item, dict):
        return [(pointer, f"an item of {key} is an object with {', '.join(required)}")]
    out = _keys(item, pointer, required, optional)
    if out:
        return out
    out += _text(item["text"], f"{pointer}/text")
    if key == "quotes":
        if item["kind"] not in QUOTE_KINDS:
            out.append((f"{pointer}/kind", f"kind is one of {', '.join(QUOTE_KINDS)}"))
        if item["speaker"] is not None:
            out += _text(item["speaker"], f"{pointer}/speaker")
    if key == "tweets":
        out += _text(item["author"], f"{pointer}/author")
        if not isinstance(item["handle"], str) or not item["handle"] or item["handle"].startswith("@"):
            out.append((f"{pointer}/handle", "handle is the account's name as printed, without '@'"))
        if not _is_date(item["posted"]):
            out.append((f"{pointer}/posted", "posted is a YYYY-MM-DD date"))
    return out


def _keys(
    item: dict[str, Any], pointer: str, required: tuple[str, ...], optional: tuple[str, ...]
) -> list[Any]:
    out = [(f"{pointer}/{_escape(k)}", f"unknown key {k!r}") for k in item if k not in (*required, *optional)]
    out += [(pointer, f"{k!r} is missing") for k in required if k not in item]
    if "start" in item and "occurrence" in item:
        out.append((pointer, "give start or occurrence, not both"))
    for name, least in (("start", 0), ("occurrence", 1)):
        if name in item and (type(item[name]) is not int or item[name] < least):
            out.append((f"{pointer}/{name}", f"{name} is an integer of at least {least}"))
    return out


def as_gold(resolved: Resolved) -> dict[str, Any]:
    """The resolved annotation in the gold format the metrics read, its items with their spans
    (so that the metrics can say whether the parser's spans are the annotated ones) in the
    file's order (so that a disagreement's pointer names the file's item), and its metadata
    values' spans under "spans" (shaped as a record's metadata.spans)."""
    items = {
        name: [item for _, item in sorted(zip(resolved.indexes[name], found, strict=True))]
        for name, found in resolved.items.items()
    }
    return {**resolved.metadata, **items, "spans": dict(resolved.spans)}


# --- placing the texts in the document ----------------------------------------------------------


@dataclass
class Resolved:
    """An annotation's checked fields with their values in a record's shape (spans in the text)."""

    fields: tuple[str, ...]
    metadata: dict[str, Any] = field(default_factory=dict)  # field -> value
    spans: dict[str, Any] = field(default_factory=dict)  # metadata field -> its span(s)
    items: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # highlights/quotes/tweets
    # Each item's index in the annotation file's list, in the items' (document) order.
    indexes: dict[str, list[int]] = field(default_factory=dict)


def resolve(annotation: dict[str, Any], text: str, file: str) -> tuple[Resolved | None, list[Problem]]:
    """Every value of a (shape-checked) annotation placed in the document's text: (Resolved, [])
    or (None, problems). Items come out in document order, with their indexes in the file."""
    fields = tuple(f for f in CURATED_FIELDS if f in annotation)
    resolved, problems = Resolved(fields), []

    def place(value: Any, pointer: str, first_by_default: bool = False) -> dict[str, Any] | None:
        span, problem = locate(text, value, pointer, file, first_by_default)
        if problem is not None:
            problems.append(problem)
        return span

    for name in fields:
        value, pointer = annotation[name], f"/{name}"
        if name == "language":
            resolved.metadata[name] = value
        elif name in ("title", "dateline"):
            span = None if value is None else place(value, pointer, first_by_default=name == "title")
            resolved.metadata[name], resolved.spans[name] = (span or {}).get("text"), span
        elif name == "published":
            span, problem = date_span(text, value, file)
            problems += [problem] if problem else []
            date = value["date"] if isinstance(value, dict) else value
            resolved.metadata[name], resolved.spans[name] = date, span
        elif name == "byline":
            spans = [place(v, f"{pointer}/{i}") for i, v in enumerate(value)]
            problems += overlaps(name, spans, file)
            resolved.metadata[name] = [s["text"] for s in spans if s]
            resolved.spans[name] = [s for s in spans if s]
        else:
            placed = _items(name, value, text, file, place, problems)
            resolved.items[name] = [item for _, item in placed]
            resolved.indexes[name] = [i for i, _ in placed]
    return (None, problems) if problems else (resolved, [])


def _items(
    name: str, value: list[Any], text: str, file: str, place: Any, problems: list[Problem]
) -> list[Any]:
    out, spans = [], [place(item, f"/{name}/{i}") for i, item in enumerate(value)]
    problems += overlaps(name, spans, file)
    for i, (item, span) in enumerate(zip(value, spans, strict=True)):
        pointer = f"/{name}/{i}"
        if span is None:
            continue
        if name == "quotes":
            speaker = item["speaker"]
            if speaker is not None and not name_printed(text, speaker):
                problems.append(
                    Problem(
                        "annotation-speaker-not-found",
                        f"the speaker {speaker!r} is not printed in the document",
                        file=file,
                        pointer=f"{pointer}/speaker",
                    )
                )
            span.update(kind=item["kind"], speaker=speaker)
        elif name == "tweets":
            span.update(author=item["author"], handle=item["handle"], posted=item["posted"])
            attribution, problem = attribution_after(text, span, item, pointer, file)
            if problem is not None:
                problems.append(problem)
                continue
            span["attribution"] = attribution
        out.append((i, span))
    return sorted(out, key=lambda pair: (pair[1]["start"], pair[1]["end"]))


def overlaps(name: str, spans: list[dict[str, Any] | None], file: str) -> list[Problem]:
    """The items of one list whose spans overlap an earlier item's (one printed piece is one
    item, and pieces do not nest): each named with the earlier item's pointer."""
    out = []
    for i, span in enumerate(spans):
        for j, other in enumerate(spans[:i]):
            if (
                span is None
                or other is None
                or not (span["start"] < other["end"] and other["start"] < span["end"])
            ):
                continue
            same = (span["start"], span["end"]) == (other["start"], other["end"])
            why = (
                f"the same text at the same place as /{name}/{j}"
                if same
                else f"overlaps /{name}/{j} (offsets {other['start']}-{other['end']}, this one "
                f"{span['start']}-{span['end']}): the items of a list are distinct printed pieces"
            )
            out.append(Problem("annotation-invalid", why, file=file, pointer=f"/{name}/{i}"))
            break
    return out


def attribution_after(
    text: str, span: dict[str, Any], item: dict[str, Any], pointer: str, file: str
) -> tuple[dict[str, Any] | None, Problem | None]:
    """The attribution line (dash, display name, (@handle), date) that follows a post's text,
    as a span; it must print the annotation's author, handle and date."""
    from ..extract.dates import find_dates
    from ..extract.posts import ATTRIBUTION_RE

    end = span["end"]
    match = ATTRIBUTION_RE.search(text, end, min(len(text), end + ATTRIBUTION_GAP + MAX_ATTRIBUTION))
    if match is None or text[end : match.start()].strip():
        return None, Problem(
            "annotation-no-attribution",
            "no attribution line ('— Name (@handle) Month D, YYYY') follows the post's text",
            file=file,
            pointer=f"{pointer}/text",
        )
    dates = find_dates(match.group("date"))
    printed = {
        "author": match.group("author").strip(),
        "handle": match.group("handle"),
        "posted": dates[0].iso if dates else None,
    }
    for key, value in printed.items():
        if item[key] != value:
            return None, Problem(
                "annotation-no-attribution",
                f"the attribution line after the post prints {key} {value!r}",
                file=file,
                pointer=f"{pointer}/{key}",
                value=item[key],
            )
    # the date matched, so it holds its year: the line ends with it
    stop = match.end("date")
    return {"text": text[match.start() : stop], "start": match.start(), "end": stop}, None
