"""Header candidates and their features, on short hand-written pages."""

from __future__ import annotations

from cmvisit_data import segment
from cmvisit_data.extract.datelines import dateline_match
from cmvisit_data.extract.header_features import date_label, is_credit, title_candidates
from cmvisit_data.header.features import FEATURES

BODY_LINE = (
    "Raipur: The cabinet on Wednesday approved a new policy for rice mills, and ministers said it "
    "would bring investment to every district of the state."
)


def _candidates(raw: str):
    lines = segment.split_lines(raw)
    segment.classify(lines)
    return title_candidates(lines, [x for x in lines if x.kind == segment.TEXT])


def test_every_candidate_has_every_declared_feature_in_range():
    raw = "Home\n\nCabinet clears rice mill policy\n\nBy Asha Verma | 4 March 2025\n\n" + BODY_LINE + "\n"
    cands = _candidates(raw)
    texts = [raw[c.start : c.end] for c in cands]
    assert texts == ["Home", "Cabinet clears rice mill policy", "By Asha Verma | 4 March 2025", BODY_LINE]
    for c in cands:
        assert set(c.values) == set(FEATURES["title"])
        assert all(0.0 <= v <= 1.0 for v in c.values.values())
    home, headline, date_line, body = cands
    assert home.values["first"] == 1.0 and home.values["short"] == 1.0 and home.values["nav_words"] == 1.0
    assert headline.values["first_shaped"] == 1.0 and headline.values["next_meta"] == 1.0
    assert date_line.values["byline_label"] == 1.0 and date_line.values["dated"] == 1.0
    assert body.values["ends_sentence"] == 1.0 and body.values["dateline"] == 1.0
    assert body.values["prev_meta"] == 1.0


def test_candidates_stop_after_the_second_body_line():
    raw = "Cabinet clears rice mill policy\n\n" + "\n\n".join([BODY_LINE] * 4) + "\n"
    assert len(_candidates(raw)) == 3


def test_a_glued_standfirst_gives_a_headline_candidate_of_the_first_part():
    raw = (
        "Minister opens new bridge across the river in Korba district "
        "While the bridge cuts travel time, officials expect more trade across the region.\n"
    )
    (cand,) = _candidates(raw)
    assert raw[cand.start : cand.end] == "Minister opens new bridge across the river in Korba district"
    assert cand.values["glued"] == 1.0


def test_a_glued_headline_ends_at_the_right_character_whatever_the_white_space():
    # No-break, thin and ideographic spaces and a run of spaces: words are split where str.split
    # splits, and the headline's end is an offset into the line as printed.
    raw = (
        "Minister\u00a0opens new  bridge across\u2009the river in Korba\u3000district "
        "While the bridge cuts travel time, officials expect more trade across the region.\n"
    )
    (cand,) = _candidates(raw)
    assert (
        raw[cand.start : cand.end]
        == "Minister\u00a0opens new  bridge across\u2009the river in Korba\u3000district"
    )


def test_credits_and_labels():
    assert is_credit("OB Bureau") and is_credit("Abhijit Nath, NET Correspondent, Tripura")
    assert is_credit("संजय कुमार मुनचुन की रिपोर्ट")
    assert not is_credit("Cabinet clears rice mill policy")
    assert date_label("Published: ") == "published"
    assert date_label("Published: 2 May | Updated: ") == "updated"
    assert date_label("Friday, ") is None


def test_datelines_of_the_forms_outlets_print():
    cases = {
        "Shimla (Himachal Pradesh) [India], January 9 (Diary Times): The cabinet met.": "Shimla",
        "NEW DELHI In a special gesture, the minister met them.": "NEW DELHI",
        "गोरखपुर 12 अगस्त (संवाददाता) मुख्यमंत्री ने आज कहा।": "गोरखपुर",
        "रायपुर, 5 अगस्त 2020/ मुख्यमंत्री ने आज कहा।": "रायपुर",
    }
    for text, place in cases.items():
        m = dateline_match(text)
        assert m is not None and m.group("place") == place, text
    for text in (
        "BRICS Summit 2016 Day 2: PM Modi to hold talks",
        "ओसाका (जापान) में चल रहे एक्सपो",
        "CG News: a label",
    ):
        m = dateline_match(text)
        assert m is None or m.group("place") not in ("BRICS", "ओसाका", "CG News"), text


def test_a_breadcrumb_trail_opening_the_headline_line_is_left_out_of_the_candidate():
    # The headline printed after "Home / ... /" and again on its own line: the first candidate
    # is the headline alone, and both printings count as the headline repeated.
    headline = "Korba district to get two new rice mills by March"
    raw = f"Home / State News / {headline}\n\n{headline}\n\n" + BODY_LINE + "\n"
    first, second, _ = _candidates(raw)
    assert raw[first.start : first.end] == headline
    assert first.values["repeated"] == 1.0 and second.values["repeated"] == 1.0
    assert first.values["nav_words"] == 0.0


def test_a_slashed_headline_without_a_home_crumb_is_kept_whole():
    raw = "Raipur / Bhilai / Durg: three cities get new bus routes this month\n\n" + BODY_LINE + "\n"
    first, _ = _candidates(raw)
    assert first.start == 0 and raw[first.start : first.end].startswith("Raipur / Bhilai")
