"""The Metadata record: the spans the metadata readers found (title, published date, byline,
dateline, a standfirst glued after the headline, the date candidates), the rule behind each
byline name and the dateline, and the record's metadata part built from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..header.text import norm
from .dates import FoundDate
from .header_features import Candidate


@dataclass
class Metadata:
    title: tuple[int, int] | None = None
    published: FoundDate | None = None  # offsets absolute
    byline: list[tuple[int, int]] = field(default_factory=list)
    dateline: tuple[int, int] | None = None
    standfirst: tuple[int, int] | None = None  # text glued after the headline on its line
    dates: list[Candidate] = field(default_factory=list)  # publication-date candidates
    # The rule that read each byline name (in byline's order) and the dateline, for --explain.
    byline_rules: list[str] = field(default_factory=list)
    dateline_rule: str | None = None

    def add_byline(self, spans: list[tuple[int, int]], raw: str, rule: str) -> None:
        seen = {norm(raw[s:e]) for s, e in self.byline}
        for s, e in spans:
            if e > s and norm(raw[s:e]) not in seen:
                self.byline.append((s, e))
                self.byline_rules.append(rule)
                seen.add(norm(raw[s:e]))

    def explained(self, raw: str) -> dict[str, Any]:
        """The rule behind each byline name and the dateline, with their spans."""
        dateline = None
        if self.dateline is not None:
            s, e = self.dateline
            dateline = {"text": raw[s:e], "start": s, "end": e, "rule": self.dateline_rule}
        return {
            "byline": [
                {"text": raw[s:e], "start": s, "end": e, "rule": rule}
                for (s, e), rule in zip(self.byline, self.byline_rules, strict=True)
            ],
            "dateline": dateline,
        }

    def to_record(self, raw: str, language: str) -> dict[str, Any]:
        def span(se: tuple[int, int] | None) -> dict[str, Any] | None:
            return None if se is None else {"text": raw[se[0] : se[1]], "start": se[0], "end": se[1]}

        published_span = span((self.published.start, self.published.end)) if self.published else None
        return {
            "language": language,
            "title": raw[self.title[0] : self.title[1]] if self.title else None,
            "published": self.published.iso if self.published else None,
            "byline": [raw[s:e] for s, e in self.byline],
            "dateline": raw[self.dateline[0] : self.dateline[1]] if self.dateline else None,
            "spans": {
                "title": span(self.title),
                "published": published_span,
                "byline": [span(b) for b in self.byline],
                "dateline": span(self.dateline),
            },
        }
