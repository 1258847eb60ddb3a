"""`--explain` shows every decision the parser made: how each quote was attributed and its
speaker chosen, which rule read each byline name and the dateline, and why each bullet list is
or is not a list of highlights. Explaining never changes the record."""

from cmvisit_data.parse import parse_text

ARTICLE = (
    "Villagers Welcome New Clinic\n"
    "By Ravi Kant\n"
    "Korba: Chief Minister Asha Verma opened a clinic in the district on Monday.\n"
    "• Forty beds for the district\n"
    "• Open all night\n"
    "“Every village will have a doctor,” Verma said.\n"
    "She added, “The second clinic opens in June.”\n"
    "The clinic was built in eight months by a local firm.\n"
    "Officials said the land had been allotted in the previous year.\n"
    "The state plans twelve more clinics in the coming year.\n"
    "- a road to the clinic\n"
    "- a water tank\n"
)


def test_explain_names_each_quotes_attribution_and_speaker_step():
    why: dict = {}
    quotes = parse_text(ARTICLE, explain=why)["quotes"]
    assert [q["speaker"] for q in quotes] == ["Asha Verma", "Asha Verma"]
    first, second = why["quotes"]
    assert (first["start"], first["end"]) == (quotes[0]["start"], quotes[0]["end"])
    assert first["attributed_by"] == "speech verb after the quotation"
    assert first["subject"] == {"kind": "name", "text": "Verma"}
    assert first["speaker_from"] == "name: its fullest form in the document"
    assert second["attributed_by"] == "speech verb before the quotation"
    assert second["subject"]["kind"] == "pronoun"
    assert second["speaker_from"].startswith("pronoun:")


def test_explain_names_the_rule_behind_the_byline_and_the_dateline():
    why: dict = {}
    meta = parse_text(ARTICLE, explain=why)["metadata"]
    assert meta["byline"] == ["Ravi Kant"] and meta["dateline"] == "Korba"
    (name,) = why["byline"]
    assert name["text"] == "Ravi Kant" and name["rule"] == "after a byline label"
    assert ARTICLE[name["start"] : name["end"]] == "Ravi Kant"
    assert why["dateline"]["text"] == "Korba"
    assert why["dateline"]["rule"] == "the opening of a body line"


def test_explain_says_why_each_list_is_or_is_not_highlights():
    why: dict = {}
    highlights = parse_text(ARTICLE, explain=why)["highlights"]
    assert [h["text"] for h in highlights] == ["Forty beds for the district", "Open all night"]
    top, deep = why["highlights"]
    assert top["highlights"] is True and top["why"].startswith("near the top")
    assert deep["highlights"] is False and "no heading announcing highlights" in deep["why"]
    assert ARTICLE[deep["start"] : deep["end"]] == "- a road to the clinic\n- a water tank"


def test_explaining_changes_no_record():
    assert parse_text(ARTICLE, explain={}) == parse_text(ARTICLE)
