from __future__ import annotations

from cmvisit_data.parse import parse_text


def test_post_on_its_own_line_after_its_text():
    raw = (
        "नदी परियोजना पर बैठक हुई।\n"
        "Reviewed the river project with engineers today @WaterDept #CleanRivers\n"
        "— Asha Verma (@ashaverma) March 4, 2025\n"
        "More lines of the paste that follow the attribution.\n"
    )
    (post,) = parse_text(raw)["tweets"]
    assert post["text"] == "Reviewed the river project with engineers today @WaterDept #CleanRivers"
    assert (post["author"], post["handle"], post["posted"]) == ("Asha Verma", "ashaverma", "2025-03-04")
    assert post["mentions"] == ["WaterDept"] and post["hashtags"] == ["CleanRivers"]
    assert (
        raw[post["attribution"]["start"] : post["attribution"]["end"]]
        == "— Asha Verma (@ashaverma) March 4, 2025"
    )


def test_inline_post_keeps_its_links():
    raw = (
        "Lead paragraph of the story.\n\n"
        "Opened the new school block today. pic.twitter.com/AbC123xyz — District Office (@dist_office) "
        "June 2, 2024\n\nNext paragraph.\n"
    )
    (post,) = parse_text(raw)["tweets"]
    assert post["text"] == "Opened the new school block today. pic.twitter.com/AbC123xyz"
    assert post["links"] == ["pic.twitter.com/AbC123xyz"]
    assert post["posted"] == "2024-06-02"


def test_post_across_a_blank_line_and_html_dash():
    raw = "Body.\n\nGood talks on power supply with the board.\n\n&mdash; Power Board (@pboard) Jan 5, 2024\n"
    (post,) = parse_text(raw)["tweets"]
    assert post["text"] == "Good talks on power supply with the board."
    assert post["handle"] == "pboard"


def test_post_text_is_not_searched_for_quotes_and_its_date_is_not_publication():
    raw = 'Body text here.\n\nI said, "we will finish the road this year." — Ravi Kant (@ravikant) May 1, 2025\n'
    record = parse_text(raw)
    assert len(record["tweets"]) == 1
    assert record["quotes"] == []
    assert record["metadata"]["published"] is None


def test_attribution_without_a_year_is_not_a_post():
    assert parse_text("Some text\n— Asha Verma (@ashaverma) March 4\n")["tweets"] == []


def test_post_over_several_lines_starts_after_the_article_paragraph():
    raw = (
        "Raipur: Chief Minister Asha Verma returned on Monday, and said, “The visit was a success.”\n"
        "Landed in Raipur after a great week in #Tokyo!\n"
        "Signed six agreements for new plants in Korba.\n"
        "— Asha Verma (@ashaverma) March 4, 2025\n"
    )
    record = parse_text(raw)
    (post,) = record["tweets"]
    assert (
        post["text"]
        == "Landed in Raipur after a great week in #Tokyo!\nSigned six agreements for new plants in Korba."
    )
    assert post["hashtags"] == ["Tokyo"]
    # the article's paragraph above stays the article's, and its quotation a quote
    assert [q["text"] for q in record["quotes"]] == ["The visit was a success."]


def test_explain_reports_each_line_scored_above_a_post():
    raw = (
        "Raipur: Chief Minister Asha Verma returned on Monday, and said, “The visit was a success.”\n"
        "Landed in Raipur after a great week in #Tokyo!\n"
        "Signed six agreements for new plants in Korba.\n"
        "— Asha Verma (@ashaverma) March 4, 2025\n"
    )
    why: dict = {}
    parse_text(raw, explain=why)
    (post,) = why["posts"]
    assert [(c["text"][:7], c["taken"]) for c in post["lines_above"]] == [
        ("Landed ", True),
        ("Raipur:", False),
    ]
    assert all(0.0 <= c["score"] <= 1.0 and c["features"] for c in post["lines_above"])


def test_a_hindi_post_with_latin_tags_is_not_extended_into_the_english_article():
    raw = (
        "Raipur: The cabinet met on Tuesday and approved thirty proposals for the state.\n"
        "मुख्यमंत्री श्री @AshaVerma की अध्यक्षता में बैठक हुई। #CabinetDecisions #RaipurNews https://t.co/AbCdEf\n"
        "— Cabinet Office (@cabinet_office) July 15, 2025\n"
    )
    (post,) = parse_text(raw)["tweets"]
    assert post["text"].startswith("मुख्यमंत्री श्री @AshaVerma")


def test_display_name_holding_parentheses():
    raw = "Body of the story.\n\nBest wishes to the people of Bastar.\n— Asha Verma (Seva Parivar) (@ashaverma) March 4, 2025\n"
    (post,) = parse_text(raw)["tweets"]
    assert (post["author"], post["handle"]) == ("Asha Verma (Seva Parivar)", "ashaverma")
    assert post["text"] == "Best wishes to the people of Bastar."


def test_long_dash_glued_to_the_link_before_it():
    raw = "Body of the story.\n\nOpened the Durg bridge today pic.twitter.com/Xy12Ab34Cd— Durg Office (@durg_off) June 2, 2024\n"
    (post,) = parse_text(raw)["tweets"]
    assert post["text"] == "Opened the Durg bridge today pic.twitter.com/Xy12Ab34Cd"
    assert post["attribution"]["text"].startswith("— Durg Office")


def test_hyphen_glued_to_a_word_is_not_an_attribution_dash():
    raw = "Body of the story.\n\nThe well-Durg Office (@durg_off) June 2, 2024 note.\n"
    assert parse_text(raw)["tweets"] == []


def test_attribution_several_blank_lines_below_its_post_is_not_a_bullet():
    raw = (
        "Lead paragraph of the story about the visit.\n\n"
        "Thanked the farmers of Durg for the warm welcome today #Durg\n\n\n\n"
        "- Ravi Kant (@ravikant) May 1, 2025\n\nNext paragraph of the article.\n"
    )
    record = parse_text(raw)
    (post,) = record["tweets"]
    assert post["text"] == "Thanked the farmers of Durg for the warm welcome today #Durg"
    assert record["highlights"] == []


def test_on_a_page_without_blank_lines_the_article_quote_above_a_post_stays_the_articles():
    raw = (
        "Korba Power Plan Approved\n"
        "The new unit was approved in Korba on Monday. Ravi Kant said, “The plant will light 40 villages.”\n"
        "Proud to open the Korba unit for the people of the district!\n"
        "— Ravi Kant (@ravikant) May 1, 2025\n"
        "Work on the second unit starts next year.\n"
    )
    record = parse_text(raw)
    (post,) = record["tweets"]
    assert post["text"] == "Proud to open the Korba unit for the people of the district!"
    assert [q["text"] for q in record["quotes"]] == ["The plant will light 40 villages."]


def test_a_post_pasted_on_the_line_of_the_article_quote_starts_after_it():
    raw = (
        "Body of the story.\n\n"
        'In a post, Kant said, "The road to Dhamtari is open." Thanked the workers of Dhamtari today. '
        "pic.twitter.com/Ab12Cd34Ef — Ravi Kant (@ravikant) May 1, 2025\n\nNext paragraph.\n"
    )
    record = parse_text(raw)
    (post,) = record["tweets"]
    assert post["text"] == "Thanked the workers of Dhamtari today. pic.twitter.com/Ab12Cd34Ef"
    assert [q["text"] for q in record["quotes"]] == ["The road to Dhamtari is open."]


def test_a_post_keeps_its_paragraphs_across_a_wider_break_than_the_articles():
    raw = (
        "Raipur: The fair opened on Monday.\n\n"
        "Stalls from every district lined the ground.\n\n"
        "#WATCH | Raipur: Folk dancers of Bastar perform at the fair.\n\n\n\n"
        "(Source: DD) pic.twitter.com/Ab12Cd34Ef — City News (@citynews) May 1, 2025\n\n"
        "The fair runs till Sunday.\n"
    )
    (post,) = parse_text(raw)["tweets"]
    assert post["text"] == (
        "#WATCH | Raipur: Folk dancers of Bastar perform at the fair.\n\n\n\n(Source: DD) pic.twitter.com/Ab12Cd34Ef"
    )


def test_a_line_that_would_take_a_post_past_its_length_limit_is_the_articles():
    article = (
        "Ministers from Raipur, Durg, Bilaspur and Korba attended the opening of the new power unit, "
        "which the state built with the central board over four years at a cost the officials put at "
        "twelve hundred crore rupees, and which will supply the mines, the steel plant and the villages "
        "around the reservoir through the coming summer."
    )
    raw = (
        "Korba Unit Opens\n"
        f"{article}\n"
        "Glad to open the Korba unit today with the people of the district!\n"
        "— Ravi Kant (@ravikant) May 1, 2025\n"
    )
    (post,) = parse_text(raw)["tweets"]
    assert post["text"] == "Glad to open the Korba unit today with the people of the district!"


def test_post_line_values_give_exactly_the_declared_features_in_range():
    from cmvisit_data.extract.post_features import post_line_values
    from cmvisit_data.header.features import FEATURES

    values = post_line_values("We met the farmers of #Bastar today https://t.co/x", 3, "Asha Verma", ["Asha"])
    assert tuple(values) == FEATURES["post_line"]
    assert all(0.0 <= v <= 1.0 for v in values.values())


def test_post_after_the_article_quote_on_its_line_is_not_extended_upward():
    # the post starts after the article's quoted sentence, mid-line: the plain line above is
    # the article's, not the post's (it was taken, and with it the quote, before the fix)
    raw = (
        "The collector opened the new hostel at Bilaspur on Friday.\n"
        'The collector told reporters, "Every girl here will get a room." Hostel keys handed over '
        "today #Bilaspur pic.twitter.com/Hx7 — Bilaspur Collector (@bspcollector) July 12, 2024\n"
    )
    record = parse_text(raw)
    (post,) = record["tweets"]
    assert post["text"] == "Hostel keys handed over today #Bilaspur pic.twitter.com/Hx7"
    assert [q["text"] for q in record["quotes"]] == ["Every girl here will get a room."]


def test_post_above_its_attribution_starts_after_the_article_quote_on_that_line():
    # the same with the attribution on its own line: the line above is cut as an inline one is
    raw = (
        "The collector opened the new hostel at Bilaspur on Friday.\n"
        'The collector told reporters, "Every girl here will get a room." Hostel keys handed over '
        "today #Bilaspur pic.twitter.com/Hx7\n"
        "— Bilaspur Collector (@bspcollector) July 12, 2024\n"
    )
    record = parse_text(raw)
    (post,) = record["tweets"]
    assert post["text"] == "Hostel keys handed over today #Bilaspur pic.twitter.com/Hx7"
    assert [q["text"] for q in record["quotes"]] == ["Every girl here will get a room."]
