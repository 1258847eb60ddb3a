"""The contract's metrics on a person's annotation (curation.metrics): the same measures as the
evaluation's scorer, on the fields an annotation checks only."""

from __future__ import annotations

import copy
import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from cmvisit_data.curation.metrics import CURATED_FIELDS, disagreements, document_counts, figures

TEXT = (
    "Sai meets investors in Tokyo\n"
    "By Meera Joshi\n"
    "Raipur: Chief Minister Vishnu Deo Sai said, \u201cWe welcome every investor.\u201d\n"
    "\u201cThe state is ready,\u201d added Ravi Verma, the secretary.\n"
)


def _span(text: str, piece: str) -> dict:
    start = TEXT.index(piece)
    return {"text": piece, "start": start, "end": start + len(piece)}


def _record() -> dict:
    """A parser's record of TEXT, as the parser would give it."""
    return {
        "metadata": {
            "language": "en",
            "title": "Sai meets investors in Tokyo",
            "published": None,
            "byline": ["Meera Joshi"],
            "dateline": "Raipur",
        },
        "highlights": [],
        "quotes": [
            {**_span(TEXT, "We welcome every investor."), "kind": "direct", "speaker": "Vishnu Deo Sai"},
            {**_span(TEXT, "The state is ready,"), "kind": "direct", "speaker": "Ravi Verma"},
        ],
        "tweets": [],
        "raw_text": TEXT,
        "rendering": None,
    }


def _gold_of(record: dict) -> dict:
    """An annotation equal to the record's output, in the gold format (with the quotes' spans)."""
    meta = record["metadata"]
    gold = {k: meta[k] for k in ("language", "title", "published", "byline", "dateline")}
    gold["highlights"] = []
    gold["quotes"] = [
        {k: q[k] for k in ("text", "start", "end", "kind", "speaker")} for q in record["quotes"]
    ]
    gold["tweets"] = []
    return gold


def _perfect(result: dict) -> None:
    for name, field in result["fields"].items():
        key = "accuracy" if name == "language" else "f1"
        assert field[key] == 1.0, name
    for share in ("quote_speaker_accuracy", "quote_speaker_exact", "span_accuracy", "span_agreement"):
        assert result[share] == 1.0, share


def test_an_annotation_equal_to_the_parser_scores_one_everywhere():
    record = _record()
    result = figures(document_counts(_gold_of(record), record, CURATED_FIELDS))
    assert set(result["fields"]) == set(CURATED_FIELDS)
    _perfect(result)
    assert result["fields"]["quotes"]["gold"] == 2
    assert disagreements(_gold_of(record), record, CURATED_FIELDS) == []


def test_a_changed_speaker_lowers_the_speaker_figures_and_nothing_else():
    record = _record()
    gold = _gold_of(record)
    right = figures(document_counts(gold, record, CURATED_FIELDS))
    gold["quotes"][1]["speaker"] = "Anil Kashyap"
    wrong = figures(document_counts(gold, record, CURATED_FIELDS))
    assert wrong["quote_speaker_accuracy"] == wrong["quote_speaker_exact"] == 0.5
    changed = {k for k in right if right[k] != wrong[k]}
    assert changed == {"quote_speaker_accuracy", "quote_speaker_exact"}
    found = disagreements(gold, record, CURATED_FIELDS)
    assert found == [
        {
            "field": "quotes",
            "pointer": "/quotes/1/speaker",
            "annotation": "Anil Kashyap",
            "parser": "Ravi Verma",
            "parser_index": 1,
        }
    ]


def test_a_whole_name_short_of_the_fullest_form_is_right_by_last_name_only():
    record = _record()
    gold = _gold_of(record)
    record["quotes"][0]["speaker"] = "Sai"
    result = figures(document_counts(gold, record, ["quotes"]))
    assert result["quote_speaker_accuracy"] == 1.0
    assert result["quote_speaker_exact"] == 0.5


def test_only_the_checked_fields_are_counted():
    record = _record()
    gold = {"title": "Another headline"}
    result = figures(document_counts(gold, record, ["title"]))
    assert list(result["fields"]) == ["title"]
    assert result["fields"]["title"] == {
        "documents": 1,
        "gold": 1,
        "predicted": 1,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert result["quote_speaker_accuracy"] is None
    assert [d["pointer"] for d in disagreements(gold, record, ["title"])] == ["/title"]


def test_missed_and_spurious_items_and_a_checked_empty_value():
    record = _record()
    gold = _gold_of(record)
    gold["quotes"] = gold["quotes"][:1]
    gold["byline"] = []  # a person checked: there is no byline
    result = figures(document_counts(gold, record, ["byline", "quotes"]))
    assert result["fields"]["quotes"]["precision"] == 0.5 and result["fields"]["quotes"]["recall"] == 1.0
    assert result["fields"]["byline"]["precision"] == 0.0 and result["fields"]["byline"]["recall"] == 1.0
    found = disagreements(gold, record, ["byline", "quotes"])
    assert [(d["field"], d["pointer"], d["parser_index"]) for d in found] == [
        ("byline", "/byline", None),
        ("quotes", None, 1),
    ]


def test_a_span_that_does_not_hold_and_a_span_that_differs_from_the_annotation():
    record = _record()
    gold = _gold_of(record)
    record["quotes"][0]["start"] += 1  # now indexes the wrong characters
    result = figures(document_counts(gold, record, ["quotes"]))
    assert result["span_accuracy"] == 0.5
    assert result["span_agreement"] == 0.5
    assert result["fields"]["quotes"]["f1"] == 1.0


def test_english_reported_speech_is_not_scored():
    record = _record()
    gold = _gold_of(record)
    record = copy.deepcopy(record)
    record["quotes"].append(
        {"text": "the state is ready", "start": 0, "end": 0, "kind": "reported", "speaker": "Sai"}
    )
    assert figures(document_counts(gold, record, ["quotes"]))["fields"]["quotes"]["precision"] == 1.0


def test_counts_sum_over_documents():
    record = _record()
    one = document_counts(_gold_of(record), record, ["title"])
    other = document_counts({"title": "Elsewhere"}, record, ["title"])
    result = figures(Counter(one) + Counter(other))
    assert result["documents"] == 2
    assert result["fields"]["title"]["f1"] == 0.5


def test_an_unknown_field_is_a_bug_of_the_caller():
    with pytest.raises(ValueError, match="'speakers' is not a field"):
        document_counts({}, _record(), ["speakers"])


SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is not beside the repository")
def test_the_figures_are_the_evaluation_scorers_on_the_development_pages(tmp_path, monkeypatch, capsys):
    """Every field checked on 60 development pages: the same figures as eval/score.py."""
    from cmvisit_data.parse import parse_text

    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    golds = sorted((SCORER.parent / "dev").glob("*.gold.json"))[:60]
    counts: Counter = Counter()
    records = []
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_name(path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        records.append({**parse_text(text), "raw_text": text})
        counts += document_counts(gold, records[-1], CURATED_FIELDS)
    ours = figures(counts)

    # The scorer itself on the same pages and the same records (a folder of links to them).
    for path in golds:
        for name in (path.name, path.name.replace(".gold.json", ".txt")):
            (tmp_path / name).symlink_to(path.with_name(name))
    monkeypatch.setattr(score, "run_parser", lambda cmd, files: records)
    monkeypatch.setattr("sys.argv", ["score.py", str(tmp_path), "--json", str(tmp_path / "s.json")])
    score.main()
    expected = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    for name in ("title", "published", "byline", "dateline", "highlights", "quotes", "tweets"):
        assert ours["fields"][name]["f1"] == expected[f"{name}_f1"], name
        assert ours["fields"][name]["gold"] == expected[f"{name}_gold"], name
    for share in (
        "quote_speaker_accuracy",
        "quote_speaker_exact",
        "tweet_handle_accuracy",
        "tweet_posted_accuracy",
    ):
        assert ours[share] == expected[share], share
    assert ours["fields"]["language"]["accuracy"] == expected["language_accuracy"]


def test_items_match_from_half_their_words_in_common():
    """The scorer's threshold: shared-token F1 of at least 0.5 (3 of 8 words: .545) matches; 0.4 does not."""
    from cmvisit_data.curation.metrics import match

    gold = ["the state is ready for every investor now"]
    assert match(gold, ["the state is"]) == [(0, 0)]
    assert match(gold, ["the state"]) == []


def test_a_matched_item_read_at_another_place_is_a_disagreement():
    """The same words printed twice: the parser read the other occurrence (a placed annotation)."""
    record = _record()
    gold = _gold_of(record)
    start, end = gold["quotes"][0]["start"], gold["quotes"][0]["end"]
    record["quotes"][0].update(start=start + 100, end=end + 100)
    found = disagreements(gold, record, ["quotes"])
    assert found == [
        {"field": "quotes", "pointer": "/quotes/0/start", "annotation": f"{start}-{end}",
         "parser": f"{start + 100}-{end + 100}", "parser_index": 0}
    ]  # fmt: skip
    assert disagreements(_gold_of(_record()), _record(), ["quotes"]) == []
