"""A metadata value the annotation places elsewhere than the parser read it: the values agree,
the spans do not. The metrics see it (a resolved annotation carries its metadata spans)."""

from __future__ import annotations

from cmvisit_data.curation.annotations import as_gold, resolve
from cmvisit_data.curation.metrics import disagreements, document_counts, figures

TEXT = (
    "Sai meets investors\n"
    "By Meera Joshi | 12 March 2025\n"
    "Raipur: The minister spoke. Sai meets investors, the notice said.\n"
    "Published 12 March 2025. Filed by Meera Joshi.\n"
)


def _at(piece: str, nth: int = 1) -> dict:
    start = -1
    for _ in range(nth):
        start = TEXT.index(piece, start + 1)
    return {"text": piece, "start": start, "end": start + len(piece)}


def _record() -> dict:
    """The parser's reading of TEXT: every value at its first place."""
    spans = {
        "title": _at("Sai meets investors"),
        "published": _at("12 March 2025"),
        "byline": [_at("Meera Joshi")],
        "dateline": _at("Raipur"),
    }
    metadata = {"language": "en", "title": "Sai meets investors", "published": "2025-03-12",
                "byline": ["Meera Joshi"], "dateline": "Raipur", "spans": spans}  # fmt: skip
    return {"metadata": metadata, "highlights": [], "quotes": [], "tweets": [], "raw_text": TEXT,
            "rendering": None}  # fmt: skip


def _gold(annotation: dict) -> dict:
    resolved, problems = resolve(annotation, TEXT, "x.txt.json")
    assert not problems, problems
    return as_gold(resolved)


FIELDS = ["title", "byline", "published"]


def test_values_at_the_parsers_places_agree_in_span_too():
    byline = [{"text": "Meera Joshi", "occurrence": 1}]
    gold = _gold({"title": "Sai meets investors", "byline": byline, "published": "2025-03-12"})
    assert disagreements(gold, _record(), FIELDS) == []
    result = figures(document_counts(gold, _record(), FIELDS))
    assert result["span_agreement"] == 1.0


def test_a_right_value_read_at_another_place_is_a_span_disagreement():
    annotation = {
        "title": {"text": "Sai meets investors", "occurrence": 2},
        "byline": [{"text": "Meera Joshi", "occurrence": 2}],
        "published": {"date": "2025-03-12", "occurrence": 2},
    }
    gold = _gold(annotation)
    title, name, date = _at("Sai meets investors", 2), _at("Meera Joshi", 2), _at("12 March 2025", 2)
    record = _record()
    spans = record["metadata"]["spans"]
    found = {d["pointer"]: (d["annotation"], d["parser"]) for d in disagreements(gold, record, FIELDS)}
    assert found == {
        "/title/start": (f"{title['start']}-{title['end']}", f"{spans['title']['start']}-{spans['title']['end']}"),
        "/byline/0/start": (f"{name['start']}-{name['end']}",
                            f"{spans['byline'][0]['start']}-{spans['byline'][0]['end']}"),
        "/published/start": (f"{date['start']}-{date['end']}",
                              f"{spans['published']['start']}-{spans['published']['end']}"),
    }  # fmt: skip
    result = figures(document_counts(gold, record, FIELDS))
    assert result["span_agreement"] == 0.0
    # The values themselves are right: precision, recall and F1 do not change.
    assert all(result["fields"][name]["f1"] == 1.0 for name in FIELDS)
