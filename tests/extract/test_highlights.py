from __future__ import annotations

from cmvisit_data.parse import parse_text


def highlights(text: str) -> list[str]:
    return [h["text"] for h in parse_text(text)["highlights"]]


def test_list_under_the_byline_is_highlights():
    raw = (
        "Plant Expands in Durg\n\nStaff Reporter | 2 June 2025\n\n"
        "  • Output will double by next year.\n  • Five hundred jobs are expected.\n\n"
        "Durg: The plant will expand, its owners said.\n"
    )
    assert highlights(raw) == ["Output will double by next year.", "Five hundred jobs are expected."]


def test_hindi_dash_list_after_title():
    raw = "बांध का काम शुरू\n- काम अगले साल पूरा होगा।\n- किसानों को पानी मिलेगा।\nरायपुर। बांध का काम आज शुरू हुआ।\n"
    assert highlights(raw) == ["काम अगले साल पूरा होगा।", "किसानों को पानी मिलेगा।"]


def test_list_deep_in_the_body_is_not_highlights():
    raw = (
        "Cabinet Decisions Today\n\nThe cabinet met today and took several decisions.\n\n"
        "The health scheme grows, covering all elders now.\n\n"
        "- All elders above seventy will be covered by it.\n- A new card will be issued to them.\n"
    )
    assert highlights(raw) == []


def test_list_under_a_highlights_heading_anywhere():
    raw = (
        "The minister returned on Sunday after a week abroad.\n"
        "Highlights of the visit abroad\n"
        "The minister met several leaders there.\n"
        "- Signed three agreements on trade and power.\n"
        "- Met the community in the capital city.\n"
    )
    assert highlights(raw) == [
        "Signed three agreements on trade and power.",
        "Met the community in the capital city.",
    ]


def test_menu_lists_are_never_highlights():
    raw = "  • Home\n  • National\n  • Sports\n\nRoad Plan Approved\n\nThe plan was approved today.\n"
    assert highlights(raw) == []


def test_a_lone_numbered_or_dashed_line_is_not_a_list():
    raw = (
        "Cabinet Clears Four Schemes\n\nThe state cabinet cleared four schemes on Monday:\n\n"
        "1. Farmers in Bastar will get free seed for two seasons under a new plan.\n\n"
        "The agriculture minister said the seed would reach villages by June.\n\n"
        "Officials expect the plan to cover most small holdings in the district.\n"
    )
    assert highlights(raw) == []


def test_tag_and_metadata_items_are_not_highlights():
    raw = (
        "Bridge Opens in Korba\n\n  • Country:\n  • India\n\n"
        "Korba: A new bridge over the river opened on Tuesday.\n"
    )
    assert highlights(raw) == []
    raw = (
        "Bridge Opens in Korba\n\n- Publish Date - 4 March 2025\n- Tags: Korba, bridges\n"
        "- The bridge cuts the trip to the city by an hour.\n- Work took three years.\n\n"
        "Korba: A new bridge over the river opened on Tuesday.\n"
    )
    assert highlights(raw) == ["The bridge cuts the trip to the city by an hour.", "Work took three years."]
