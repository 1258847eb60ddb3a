"""Properties: parsing any text never raises, and every offset it reports holds."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmvisit_data.inputs import Document
from cmvisit_data.parse import parse_text
from cmvisit_data.record import build_record
from cmvisit_data.validation.records import validate_record

# Text built from the pieces press pages are made of, so the parser's rules are exercised.
PIECES = st.sampled_from(
    [
        "\n", "\n\n", " ", "  • ", "- ", "1. ", "“", "”", '"', "'", "‘", "’", "—", ":", "।", ".", ",",
        "Raipur", "रायपुर", "said", "ने कहा कि", "कहा-", "By ", " | ", "August 23, 2025", "२८ अगस्त २०२५",
        "— Asha Verma (@asha_v) May 1, 2025", "pic.twitter.com/x1", "Also Read: ", "CM Sai", "मुख्यमंत्री साय",
        "Chief Minister", "(PTI)", "[India]", "Home News About Us Sports Business", "He", "उन्होंने",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join),
)


def _spans(parts):
    meta = parts["metadata"]["spans"]
    for item in [*parts["highlights"], *parts["paragraphs"], *parts["quotes"], *parts["tweets"],
                 *parts["related"], *parts["boilerplate"]]:  # fmt: skip
        yield item
        for key in ("cue", "attribution"):
            if item.get(key):
                yield item[key]
    yield from (s for s in (meta["title"], meta["published"], meta["dateline"]) if s)
    yield from meta["byline"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_parse_never_raises_and_spans_hold(raw):
    parts = parse_text(raw)
    for span in _spans(parts):
        assert 0 <= span["start"] < span["end"] <= len(raw)
        assert raw[span["start"] : span["end"]] == span["text"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS.filter(lambda t: t.strip() and all(c.isprintable() or c in "\n\t" for c in t)))
def test_records_validate_and_round_trip(raw):
    import hashlib

    data = raw.encode("utf-8")
    doc = Document(file="x.txt", text=raw, sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    record = build_record(doc)
    again = json.loads(json.dumps(record, ensure_ascii=False))
    assert again == record
    assert validate_record(again) == []
