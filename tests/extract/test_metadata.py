from __future__ import annotations

from cmvisit_data.parse import parse_text


def meta(text: str) -> dict:
    return parse_text(text)["metadata"]


def test_english_title_byline_date_and_dateline():
    raw = (
        "State Unveils Plan for River Clean-up\n"
        "Home News Politics Business Sports About Us\n\n"
        "By Asha Verma and Ravi Kant | Tuesday, 4 March 2025\n\n"
        "Bilaspur: The state government on Tuesday announced a river plan.\n"
    )
    m = meta(raw)
    assert m["title"] == "State Unveils Plan for River Clean-up"
    assert m["byline"] == ["Asha Verma", "Ravi Kant"]
    assert m["published"] == "2025-03-04"
    assert m["dateline"] == "Bilaspur"
    spans = m["spans"]
    assert raw[spans["published"]["start"] : spans["published"]["end"]] == "4 March 2025"
    for span in (spans["title"], spans["dateline"], *spans["byline"]):
        assert raw[span["start"] : span["end"]] == span["text"]


def test_first_published_wins_over_updated():
    raw = "Dam Work Begins\nPublished: 2 May 2024 | Updated: 6 May 2024\n\nDurg: Work began today.\n"
    assert meta(raw)["published"] == "2024-05-02"


def test_wire_dateline_without_year_gives_no_date():
    raw = "Korba, Aug 9 (PTI) The district reported good rainfall this week, officials said.\n"
    m = meta(raw)
    assert m["title"] is None  # the text opens with its body
    assert m["dateline"] == "Korba"
    assert m["published"] is None
    assert m["byline"] == []


def test_bracketed_dateline_and_event_dates_are_not_publication():
    raw = "Tokyo [Japan], May 2 (ANI): The minister met investors on Friday, March 7, 2025 in the city.\n"
    m = meta(raw)
    assert m["dateline"] == "Tokyo" and m["published"] is None


def test_dateline_with_full_date_is_the_publication_date():
    raw = "Nagpur, January 15, 2024: The council passed the budget.\n"
    m = meta(raw)
    assert (m["dateline"], m["published"]) == ("Nagpur", "2024-01-15")


def test_hindi_title_dateline_and_desk_byline():
    raw = (
        "राज्य में नई सड़क परियोजना को मंजूरी\n"
        "समाचार डेस्क, बिलासपुर। राज्य सरकार ने सोमवार को नई सड़क परियोजना को मंजूरी दी।\n"
    )
    m = meta(raw)
    assert m["language"] == "hi"
    assert m["title"] == "राज्य में नई सड़क परियोजना को मंजूरी"
    assert m["byline"] == ["समाचार डेस्क"]
    assert m["dateline"] == "बिलासपुर"
    assert m["published"] is None


def test_hindi_dateline_line_with_date():
    raw = "कोरबा में मेला शुरू\n\nकोरबा, 3 जनवरी 2025।\nजिले में आज मेला शुरू हुआ।\n"
    m = meta(raw)
    assert (m["dateline"], m["published"]) == ("कोरबा", "2025-01-03")


def test_sentence_first_lines_and_captions_are_not_titles():
    assert meta("The minister visited the plant on Monday and met workers.\n")["title"] is None
    assert meta("Minister meets workers at the plant (Image: X/@someoffice)\n\nBody.")["title"] is None
    assert meta("मुख्यमंत्री ने आज संयंत्र का दौरा किया।\n")["title"] is None


BODY = (
    "Korba: The district administration on Tuesday opened the new bridge to traffic after two years of "
    "work, and officials said the crossing would cut the journey to the railway station by an hour.\n\n"
    "The collector said that the next phase would widen the approach roads on both banks of the river "
    "before the monsoon, and that tenders for the work had already been issued.\n"
)


def test_headline_glued_to_its_standfirst_is_split():
    raw = (
        "Minister opens new bridge across the river in Korba district "
        "While the bridge cuts travel time, officials expect more trade across the region.\n\n" + BODY
    )
    record = parse_text(raw)
    assert record["metadata"]["title"] == "Minister opens new bridge across the river in Korba district"
    standfirst = record["paragraphs"][0]["text"]
    assert standfirst.startswith("While the bridge cuts travel time")


def test_repeated_headline_is_boilerplate_not_body():
    raw = "New Bridge Opens in Korba\nNew Bridge Opens in Korba\n\n" + BODY
    record = parse_text(raw)
    assert record["metadata"]["title"] == "New Bridge Opens in Korba"
    assert [b["kind"] for b in record["boilerplate"]] == ["repeated-title"]
    assert record["metadata"]["spans"]["title"]["start"] == 0  # the first occurrence


def test_section_label_and_site_name_above_the_headline_are_furniture():
    raw = "Chhattisgarh\nDistrict News Desk\n\nNew bridge opens in Korba, cutting station trips by an hour\n\n" + BODY
    record = parse_text(raw)
    assert record["metadata"]["title"] == "New bridge opens in Korba, cutting station trips by an hour"
    assert record["metadata"]["dateline"] == "Korba"
    kinds = {b["text"]: b["kind"] for b in record["boilerplate"]}
    assert kinds.get("Chhattisgarh") == "furniture"
    assert all(p["text"] != "Chhattisgarh" for p in record["paragraphs"])


def test_a_page_that_opens_with_its_body_has_no_title():
    assert meta(BODY)["title"] is None
