"""Quotes: direct speech in quotation marks, and Hindi reported speech.

Searches only body lines (paragraphs and list items), never the title, headings, byline
lines, boilerplate or embedded posts.

Direct: a quoted span is a quote when the text attributes it: a speech verb right before
it ("He said, “…”", "ने कहा, “…”", "Goyal wrote on X: “…”"), right after it ("“…,” Sai said"),
or earlier in its paragraph or at the end of the line above it ("CM Sai said that … “…”",
"पर लिखा –⏎“…”"). Short unpunctuated quoted spans without such a verb are names of things
('Deep Space', “Strategic Partnership”), not quotes. A quotation with no closing mark runs
to the end of its paragraph, or of the document when the document is cut off there.

Reported (Hindi): a cue ending in कि ("ने कहा कि", "विश्वास व्यक्त किया कि") or an unquoted
"कहा-" introduces a statement that runs to the end of the paragraph, or to just before the
sentence that holds the next cue in the same paragraph.

This module sequences the finders and makes the records: the quoted spans are found in
`extract.direct_quotes`, their attribution rules are `extract.attribution`'s, reported speech
is `extract.reported`'s, and each subject becomes a speaker in `extract.speakers`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..segment import BLANK, Line, runs
from .direct_quotes import direct_in_block
from .quote_base import SEARCHED, QuoteCandidate, Sentences, item_start
from .reported import reported_in_line
from .speakers import NameIndex, resolve


def find_quotes(
    raw: str,
    lines: list[Line],
    make_names: Callable[[], NameIndex],
    language: str,
    explain: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Every quote, in document order; `make_names` builds the name index when one is needed.
    With explain, each quote's attribution rule, subject phrase and speaker step go in
    explain["quotes"], in the same order."""
    searched = [line for line in lines if line.kind in SEARCHED]
    if not searched:
        return []
    last_line = next(line for line in reversed(lines) if line.kind != BLANK)  # lines are in order
    truncated_doc = not raw.endswith(("\n", "\r"))
    sentences = Sentences(raw)
    candidates: list[QuoteCandidate] = []
    quoted: list[tuple[int, int]] = []
    for block in runs(lines, SEARCHED):
        for cand in direct_in_block(raw, lines, block, last_line, truncated_doc, sentences):
            quoted.append((cand.start - 1, cand.end + 1))
            candidates.append(cand)
    quoted.sort()
    for line in searched:
        candidates.extend(reported_in_line(raw, lines, line, quoted, sentences))
    candidates.sort(key=lambda c: c.start)
    if not candidates:
        return []
    names = make_names()
    out: list[dict[str, Any]] = []
    last: str | None = None
    for cand in candidates:
        para_start = item_start(cand.line)
        before_quote = min(cand.start, cand.cue[0]) if cand.cue else cand.start
        speaker, step = resolve(cand.subject, names, cand.start, last, (para_start, before_quote))
        if speaker:
            last = speaker
        if explain is not None:
            explain.setdefault("quotes", []).append(
                {
                    "start": cand.start,
                    "end": cand.end,
                    "kind": cand.kind,
                    "attributed_by": cand.rule,
                    "subject": None
                    if cand.subject is None
                    else {"kind": cand.subject[0], "text": cand.subject[1]},
                    "speaker": speaker,
                    "speaker_from": step,
                }
            )
        out.append(
            {
                "text": raw[cand.start : cand.end],
                "start": cand.start,
                "end": cand.end,
                "kind": cand.kind,
                "speaker": speaker,
                "cue": None
                if cand.cue is None
                else {"text": raw[cand.cue[0] : cand.cue[1]], "start": cand.cue[0], "end": cand.cue[1]},
                "truncated": cand.truncated,
            }
        )
    return out
