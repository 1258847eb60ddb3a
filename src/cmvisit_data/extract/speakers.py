"""Turning a quote's subject into a speaker's fullest name.

`resolve` maps a subject phrase (`extract.subjects`) to a speaker with the document's name index
(`extract.name_index`): a name to its fullest form in the document ("Sai" -> "Vishnu Deo Sai"),
a role to the person the text gives that role ("the CM"), a pronoun to the nearest preceding
named speaker, an office to the office named before. Each step it takes is named for --explain.

The parser and the quote finder import the index and the subject readers from here too, so that
the speakers' parts have one entry point.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import rules
from .name_index import NameIndex
from .subjects import english_subject, hindi_subject

__all__ = ["NameIndex", "english_subject", "hindi_subject", "resolve"]


def resolve(
    subject: tuple[str, str] | None,
    names: NameIndex,
    offset: int,
    last: str | None,
    paragraph: tuple[int, int] | None = None,
) -> tuple[str | None, str]:
    """A speaker for a subject found at offset, and the step that chose it (as --explain names
    it); `last` is the previous quote's speaker; `paragraph` the span from its paragraph's start
    to the quote and its cue."""
    if subject is None:
        return _first_of(
            (last, "no subject: the previous quote's speaker"),
            (names.most_named, "no subject: the person the document names most"),
            (lambda: names.nearest_before(offset), "no subject: the nearest person named before"),
        )
    kind, value = subject
    if kind == "pronoun":
        # The person the paragraph names first, before the previous quote's speaker ("Minister
        # X congratulated Y. He wrote, “…”").
        return _first_of(
            (
                lambda: names.first_between(*paragraph) if paragraph else None,
                "pronoun: the paragraph's first person",
            ),
            (last, "pronoun: the previous quote's speaker"),
            (lambda: names.antecedent(offset), "pronoun: the nearest subject or person before"),
            (names.most_named, "pronoun: the person the document names most"),
        )
    if kind == "body":
        return _first_of(
            (lambda: names.body_before(offset), "office: the office named before, in its fullest form"),
            (last, "office: the previous quote's speaker"),
            (names.most_named, "office: the person the document names most"),
        )
    if kind == "role":
        return _first_of(
            (lambda: names.role(value), "role: the person the document gives this role"),
            (last, "role: the previous quote's speaker"),
            (names.most_named, "role: the person the document names most"),
        )
    if names.known(value):
        return names.full(value), "name: its fullest form in the document"
    if kind == "named":
        return value, "name printed next to its cue"  # not a person the index knows
    if rules.has_devanagari(value) and len(value.split()) == 1:
        # "अधिकारियों ने कहा": the subject printed wins over a nearby name
        return names.widened(value), "Hindi subject, with the word printed before it"
    if all(w[:1].isupper() for w in value.split()):
        return value, "a name the index did not catch, as printed"  # "Biden" named once, alone
    found = _first_of(
        (lambda: names.nearest_before(offset), "subject not a name: the nearest person named before"),
        (last, "subject not a name: the previous quote's speaker"),
    )
    return found if found[0] else (value, "subject not a name, as printed")


def _first_of(*steps: tuple[str | Callable[[], str | None] | None, str]) -> tuple[str | None, str]:
    """The first step that gives a speaker, and its name; each lookup runs only when the steps
    before it gave none."""
    for found, why in steps:
        speaker = found() if callable(found) else found
        if speaker:
            return speaker, why
    return None, "no speaker found"
