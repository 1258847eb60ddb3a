"""Placing an annotation's texts in its document: the published date's printed occurrence, items
that overlap, texts at word edges, texts in another Unicode form."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cmvisit_data.cli import main
from cmvisit_data.curation.annotations import resolve, shape_problems
from cmvisit_data.curation.apply import apply
from cmvisit_data.record import parse_path

# A date in the headline before the credit line's date: the parser takes the credit line's.
DATED = (
    "CM Sai to visit Osaka on 23 August 2025\n"
    "By Meera Nair | Updated: 23 August 2025\n\n"
    "RAIPUR: Chief Minister Vishnu Deo Sai will leave for Japan on Saturday. The visit will last "
    "ten days.\n\nThe state government said the trip was planned months ago.\n"
)


def _annotate(tmp_path: Path, text: str) -> tuple[dict, dict]:
    doc = tmp_path / "doc.txt"
    doc.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["annotate", str(doc), "--out", "-"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    record, problems = parse_path(doc)
    assert not problems
    return json.loads(result.stdout), record


def test_a_published_date_not_first_printed_is_written_and_placed_at_its_start(tmp_path):
    annotation, record = _annotate(tmp_path, DATED)
    span = record["metadata"]["spans"]["published"]
    first = DATED.index("23 August 2025")
    assert span["start"] != first  # the parser's date is the credit line's, the second printed
    assert annotation["published"] == {"date": "2025-08-23", "start": span["start"]}
    resolved, problems = resolve(annotation, record["raw_text"], "x.json")
    assert not problems
    curated = apply(record, resolved, "annotations/x.json", "0" * 64)
    assert curated["metadata"]["published"] == "2025-08-23"
    assert curated["metadata"]["spans"]["published"] == span
    # The date alone is the first printed one; a start where no such date is printed is refused.
    resolved, _ = resolve({"published": "2025-08-23"}, DATED, "x.json")
    assert resolved.spans["published"]["start"] == first
    resolved, _ = resolve({"published": {"date": "2025-08-23", "occurrence": 2}}, DATED, "x.json")
    assert resolved.spans["published"] == span
    _, problems = resolve({"published": {"date": "2025-08-23", "start": 3}}, DATED, "x.json")
    assert [(p.type, p.pointer) for p in problems] == [("annotation-wrong-place", "/published/start")]
    assert [p.pointer for p in shape_problems({"published": {"date": "2025-02-30"}}, "x")] == [
        "/published/date"
    ]
    assert [p.pointer for p in shape_problems({"published": {"day": "2025-08-23"}}, "x")] == [
        "/published/day",
        "/published",
    ]

    # Printed first, the date is written alone.
    annotation, _ = _annotate(tmp_path, DATED.replace(" on 23 August 2025\n", "\n", 1))
    assert annotation["published"] == "2025-08-23"


def test_the_metrics_read_a_placed_published_date_as_its_date():
    from cmvisit_data.curation.metrics import disagreements, document_counts

    record = {"metadata": {"published": "2025-08-23", "title": "CM Sai", "language": "en"}}
    gold = {"published": {"date": "2025-08-23", "start": 67}, "title": {"text": "CM Sai", "start": 9}}
    assert disagreements(gold, record, ["published", "title"]) == []
    counts = document_counts(gold, record, ["published", "title"])
    assert counts["published.tp"] == counts["title.tp"] == 1


QUOTED = (
    "CM Sai meets investors in Osaka\n\nBy Meera Nair | Saturday, 23 August 2025\n\n"
    'OSAKA: Chief Minister Vishnu Deo Sai met investors on Saturday. "We are open for business," Sai '
    "said. He said that the state was ready for investment.\n\n"
    '"We are open for business," Industries Minister Lakhan Lal Dewangan said later.\n\n'
    "The visit continues on Sunday.\n"
)


def test_disagreements_point_at_the_files_items_and_same_texts_match_at_their_spans(tmp_path):
    from cmvisit_data.curation.annotations import as_gold
    from cmvisit_data.curation.metrics import disagreements

    annotation, record = _annotate(tmp_path, QUOTED)
    first, second = annotation["quotes"]
    assert first["text"] == second["text"] and first["start"] < second["start"]
    # The file lists the later quote first; the earlier one's speaker is a person's correction.
    annotation = {"quotes": [second, {**first, "speaker": "Sai"}]}
    resolved, problems = resolve(annotation, record["raw_text"], "x.json")
    assert not problems
    found = disagreements(as_gold(resolved), record, ["quotes"])
    assert [(d["pointer"], d["annotation"], d["parser"], d["parser_index"]) for d in found] == [
        ("/quotes/1/speaker", "Sai", "Vishnu Deo Sai", 0)
    ]


def test_an_unscored_reported_quote_keeps_the_pointers_of_the_items_after_it():
    from cmvisit_data.curation.metrics import disagreements

    said = {"text": "the state was ready", "kind": "reported", "speaker": "Sai"}
    direct = {"text": "We are open for business,", "kind": "direct", "speaker": "Sai"}
    record = {"metadata": {"language": "en"}, "quotes": [{**direct, "speaker": "Lakhan Lal Dewangan"}]}
    found = disagreements({"quotes": [said, direct]}, record, ["quotes"])
    assert [d["pointer"] for d in found] == ["/quotes/1/speaker"]


def test_items_of_one_list_do_not_overlap():
    quote = {
        "text": "We are open for business,",
        "start": QUOTED.index("We are"),
        "kind": "direct",
        "speaker": "Sai",
    }
    nested = {"text": "open for business", "occurrence": 1, "kind": "direct", "speaker": "Sai"}
    wrong = [
        (
            {"byline": ["Meera Nair", "Meera Nair"]},
            "/byline/1",
            "the same text at the same place as /byline/0",
        ),
        ({"quotes": [quote, nested]}, "/quotes/1", "overlaps /quotes/0"),
        (
            {"highlights": ["the state was ready", "ready for investment"]},
            "/highlights/1",
            "overlaps /highlights/0",
        ),
    ]
    for annotation, pointer, why in wrong:
        _, problems = resolve(annotation, QUOTED, "x.json")
        assert [(p.type, p.pointer) for p in problems] == [("annotation-invalid", pointer)], annotation
        assert why in problems[0].message
    # Pieces side by side are distinct.
    resolved, problems = resolve({"highlights": ["the state was", "ready for investment"]}, QUOTED, "x.json")
    assert not problems and len(resolved.items["highlights"]) == 2


def test_a_text_neither_starts_nor_ends_inside_a_word(tmp_path):
    from cmvisit_data.curation.placing import occurrences

    text = 'By Vista Rao and Rajesh Kumari | TOKYO: Kumar met Vist. "Kumar, go," he said. नमस्ते नम\n'
    refused = [
        ({"byline": ["Rajesh Kumar"]}, "/byline/0", "(at 17: 'Kumari')"),
        ({"dateline": "TOK"}, "/dateline", "(at 33: 'TOKYO')"),
    ]
    for annotation, pointer, word in refused:
        _, problems = resolve(annotation, text, "x.json")
        assert [(p.type, p.pointer) for p in problems] == [("annotation-text-not-found", pointer)]
        assert f"inside a longer word {word}" in problems[0].message
    # Whole-word occurrences only: "Vist" once (not in "Vista"), "Kumar" twice (not in "Kumari"),
    # "नम" once (a vowel sign continues its word: not in "नमस्ते"); an edge that is no word
    # character is unconstrained ('Kumar,' and ', go,').
    assert occurrences(text, "Vist") == [text.index("Vist.")]
    assert occurrences(text, "Kumar") == [text.index("Kumar met"), text.index("Kumar,")]
    assert occurrences(text, "नम") == [text.rindex("नम")]
    assert occurrences(text, ", go,") == [text.index(", go,")]
    assert occurrences(text, "r, go,") == []
    resolved, problems = resolve({"byline": ["Vist"], "highlights": ["Kumar, go,"]}, text, "x.json")
    assert not problems
    _, problems = resolve({"highlights": ["Kumar"]}, text, "x.json")
    assert "the text occurs 2 times" in problems[0].message
    # A page that glues words ("Staff ReporterUpdated") prints a text inside one: its start names it,
    # and a start annotation gives it.
    glued = "Minister to visit Osaka\nStaff ReporterUpdated: 23 August 2025\n\nRAIPUR: The visit will last ten days.\n"
    resolved, problems = resolve({"byline": [{"text": "Staff Reporter", "start": 24}]}, glued, "x.json")
    assert not problems and resolved.spans["byline"] == [{"text": "Staff Reporter", "start": 24, "end": 38}]


def test_a_text_in_another_unicode_form_is_said_to_be_so():
    import unicodedata

    # Composed é and ë; क़ as its one code point (U+0958), which NFC and NFD both write as क + nukta.
    text = "R\u00e9union \u00e0 No\u00ebl\n\nLe ministre \u0958\u093f\u0932\u093e visite Tokyo.\n"
    for given in ("Re\u0301union", "Noe\u0308l", "\u0915\u093c\u093f\u0932\u093e"):
        assert given not in text and unicodedata.normalize("NFC", given) in unicodedata.normalize("NFC", text)
        _, problems = resolve({"highlights": [given]}, text, "x.json")
        assert [p.type for p in problems] == ["annotation-text-not-found"]
        assert "another Unicode form" in problems[0].message, given
    _, problems = resolve({"highlights": ["Osaka"]}, text, "x.json")
    assert "Unicode" not in problems[0].message


def test_a_speaker_printed_with_other_punctuation_is_printed():
    text = 'Minister R. Kumar Das opened the fair in Durg. "We welcome the investors," he said.\n'
    quote = {"text": "We welcome the investors,", "kind": "direct"}
    for speaker in ("R Kumar Das", "R. Kumar Das"):
        _, problems = resolve({"quotes": [{**quote, "speaker": speaker}]}, text, "x.json")
        assert not problems, speaker
    for speaker in ("Kumar Da", "Das Kumar"):
        _, problems = resolve({"quotes": [{**quote, "speaker": speaker}]}, text, "x.json")
        assert [p.type for p in problems] == ["annotation-speaker-not-found"], speaker
