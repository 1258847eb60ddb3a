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
    raw = (
        "Chhattisgarh\nDistrict News Desk\n\nNew bridge opens in Korba, cutting station trips by an hour\n\n"
        + BODY
    )
    record = parse_text(raw)
    assert record["metadata"]["title"] == "New bridge opens in Korba, cutting station trips by an hour"
    assert record["metadata"]["dateline"] == "Korba"
    kinds = {b["text"]: b["kind"] for b in record["boilerplate"]}
    assert kinds.get("Chhattisgarh") == "furniture"
    assert all(p["text"] != "Chhattisgarh" for p in record["paragraphs"])


def test_a_page_that_opens_with_its_body_has_no_title():
    assert meta(BODY)["title"] is None


HEADLINE = "New bridge opens in Korba, cutting station trips by an hour\n\n"


def test_byline_label_alone_takes_the_name_on_the_next_line():
    m = meta(HEADLINE + "By\nKorba Bureau\n\n" + BODY)
    assert m["byline"] == ["Korba Bureau"] and m["title"] == HEADLINE.strip()


def test_a_name_line_beside_a_date_line_is_the_byline():
    m = meta(HEADLINE + "Asha Verma\n11 April 2025 3:46 AM GMT\n\n" + BODY)
    assert (m["byline"], m["published"]) == (["Asha Verma"], "2025-04-11")
    # a one-word section label above a date line is not a name
    assert meta(HEADLINE + "Regional\n13-Jul-2020\n\n" + BODY)["byline"] == []


def test_credits_without_a_label():
    assert meta(HEADLINE + "Ravi Kant, Staff Correspondent, Korba\n\n" + BODY)["byline"] == ["Ravi Kant"]
    m = meta("Korba News Network - Korba\n\n" + BODY)
    assert m["byline"] == ["Korba News Network"] and m["title"] is None
    assert meta(HEADLINE + BODY + "\nKorba Bureau\n")["byline"] == ["Korba Bureau"]


STANDFIRST = "The two-lane crossing over the Hasdeo river was built in two years by the district.\n"


def test_a_bare_name_between_the_standfirst_and_the_body_is_the_byline():
    m = meta(HEADLINE + STANDFIRST + "Nisha Patel Stories\n\n" + BODY)
    assert m["byline"] == ["Nisha Patel Stories"]
    # an account name under the headline, above a date label printed without its date
    assert meta(HEADLINE + "admin\nUpdated on:\n\n" + BODY)["byline"] == ["admin"]
    # but one lower-case word right above the body may be a label ("premium")
    assert meta(HEADLINE + "premium\n\n" + BODY)["byline"] == []
    # a caption or a kicker repeats the article's words; a credit names someone it does not
    assert meta(HEADLINE + STANDFIRST + "Korba Collector\n\n" + BODY)["byline"] == []
    assert meta(HEADLINE + STANDFIRST + "River Crossing\n\n" + BODY)["byline"] == []
    assert meta(HEADLINE + "Hasdeo Bridge\n\n" + BODY)["byline"] == []
    # page controls and list headings are not names
    assert meta(HEADLINE + STANDFIRST + "Listen To This Article\n\n" + BODY)["byline"] == []
    assert meta(HEADLINE + STANDFIRST + "Key Points\n\n" + BODY)["byline"] == []
    # a short line that is not followed by the body or a date line is not a credit
    assert meta(HEADLINE + STANDFIRST + "Nisha Patel\nRiver Notes\n\n" + BODY)["byline"] == []


def test_hindi_credits_after_the_body():
    body = (
        "कोरबा। जिला प्रशासन ने मंगलवार को नया पुल यातायात के लिए खोल दिया और अधिकारियों ने कहा कि इससे "
        "स्टेशन तक का सफर एक घंटा कम हो जाएगा।\n\n"
    )
    head = "कोरबा में नया पुल खुला, स्टेशन का सफर एक घंटा कम\n\n"
    assert meta(head + body + "हिन्दुस्थान समाचार / रवि कांत\n")["byline"] == ["रवि कांत"]
    assert meta(head + body + "रवि कांत की रिपोर्ट\n")["byline"] == ["रवि कांत"]


def test_a_place_alone_above_the_body_is_the_dateline():
    body = BODY.removeprefix("Korba: ")
    assert meta(HEADLINE + "Korba\n\n" + body)["dateline"] == "Korba"
    hindi = "मुख्यमंत्री ने आज नए अस्पताल का उद्घाटन किया और कहा कि हर जिले में ऐसी सुविधा बनेगी, जिससे मरीजों को दूर नहीं जाना पड़ेगा।\n"
    assert meta("भोपाल\n\n" + hindi)["dateline"] == "भोपाल"


def test_a_page_clock_above_the_headline_is_not_the_publication_date():
    m = meta("Thursday, March 28, 2024\n\n" + HEADLINE + BODY)
    assert m["title"] == HEADLINE.strip() and m["published"] is None


def test_a_date_in_prose_with_a_label_word_is_not_the_publication_date():
    m = meta(HEADLINE + BODY + "\nThe district was created on November 1, 2000.\n")
    assert m["published"] is None
    m = meta(HEADLINE + BODY + "\nfirst published: Feb 25, 2021 11:51 am\n")
    assert m["published"] == "2021-02-25"


def test_a_headline_prefix_or_a_kicker_is_not_a_dateline():
    # "X:" / "X |" opening a line with no sentence in it is a headline's prefix or a kicker
    hindi = (
        "बिलासपुर में नई रेल लाइन\n"
        "CG: बिलासपुर में नई रेल लाइन को मंजूरी, मुख्यमंत्री बोले जल्द शुरू होगा काम\n\n"
        "बिलासपुर, 4 मार्च 2025। राज्य सरकार ने आज नई रेल लाइन को मंजूरी दी और काम जल्द शुरू होगा।\n"
    )
    m = meta(hindi)
    assert (m["dateline"], m["published"]) == ("बिलासपुर", "2025-03-04")
    for kicker in (
        "Durg | Minister Opens Three New Plants",
        "Durg Steel Push: Minister Opens Three New Plants",
    ):
        assert meta(HEADLINE + kicker + "\n\n" + BODY)["dateline"] == "Korba"
    # a paragraph whose sentence runs on past the line's end still opens with its dateline
    assert (
        meta(HEADLINE + "Korba: The collector met farmers. Dr. Rao said the canal work")["dateline"]
        == "Korba"
    )
    assert meta(HEADLINE + "Korba: Minister Meets Dr. Rao on the Canal Work Plan")["dateline"] is None


def test_two_places_joined_by_a_slash_are_one_dateline():
    m = meta("दुर्ग/टोक्यो। मुख्यमंत्री ने आज उद्योगपतियों से मुलाकात की।\n")
    assert m["dateline"] == "दुर्ग/टोक्यो"
    m = meta("कोरबा/सियोल, 9 मार्च 2025। मुख्यमंत्री ने आज निवेशकों से मुलाकात की।\n")
    assert (m["dateline"], m["published"]) == ("कोरबा/सियोल", "2025-03-09")


def test_a_dateline_needs_no_punctuation_before_the_body():
    # after its date
    m = meta("कोरबा, 9 मार्च 2025 जिले में आज नए पुल का लोकार्पण हुआ और लोगों ने खुशी जताई।\n")
    assert (m["dateline"], m["published"]) == ("कोरबा", "2025-03-09")
    m = meta("Korba, March 9, 2025 The district opened its new bridge to traffic today.\n")
    assert (m["dateline"], m["published"]) == ("Korba", "2025-03-09")
    # after an outlet's or reporter's tag
    m = meta("कोरबा (हमारा संवाददाता) जिले में आज नए पुल का लोकार्पण हुआ और लोगों ने खुशी जताई।\n")
    assert m["dateline"] == "कोरबा"
    # the comma alone on the line above the body
    body = "जिले में आज नए पुल का लोकार्पण हुआ और लोगों ने खुशी जताई, जिससे स्टेशन तक का सफर एक घंटे कम हो जाएगा।\n"
    assert meta("कोरबा,\n\n" + body)["dateline"] == "कोरबा"
    # a place (or a date) in the sentence is not a dateline
    assert meta("दुर्ग (छत्तीसगढ़) में आज नए पुल का लोकार्पण हुआ और लोगों ने खुशी जताई।\n")["dateline"] is None
    assert meta("नगर निगम, 15 अगस्त को नए पुल का लोकार्पण करेगा और लोगों ने खुशी जताई।\n")["dateline"] is None
    assert meta("राज्य बिजली बोर्ड (सीएसईबी) अधिकारियों ने आज नए उपकेंद्र का लोकार्पण किया।\n")["dateline"] is None
    assert meta("Korba, March 9, 2025 was a busy day for the district, officials said.\n")["dateline"] is None
    assert meta("Friday, March 7, 2025 The district opened its new bridge to traffic.\n")["dateline"] is None


def test_a_date_line_below_the_standfirst_and_caption_is_the_publication_date():
    top = (
        HEADLINE + "The state expects the crossing to cut station trips by an hour for villagers\n"
        "Collector Asha Verma, bridge, Korba\n"
        "Workers on the new bridge over the river near Korba on Monday\n"
        "Ravi Kant Korba\n"
    )
    m = meta(top + "3 min read Last Updated : Mar 4 2025 | 10:15 AM IST\n" + BODY)
    assert m["published"] == "2025-03-04"
    m = meta(
        top + "The council first discussed the plan on Mar 4 2025 in a meeting at the collectorate.\n" + BODY
    )
    assert m["published"] is None
    m = meta(top + "Durg canal opens, March 3, 2024\n" + BODY)  # a teaser, no label or time
    assert m["published"] is None


def test_a_word_before_a_pipe_is_not_a_dateline():
    # the contract: a headline prefix "X |" (or a breadcrumb "X |" on its own line) is not one
    hindi = "जिले में आज नए पुल का लोकार्पण हुआ और लोगों ने खुशी जताई, जिससे स्टेशन तक का सफर कम होगा।\n"
    assert meta("ताज़ा |\n\n" + hindi)["dateline"] is None
    assert (
        meta("Korba | The district opened its new bridge to traffic today, officials said.\n")["dateline"]
        is None
    )


def test_a_scrape_index_prefix_is_not_the_publication_date():
    raw = "  date 2024-03-04 English\n" + HEADLINE + "Ravi Kant\nMarch 4, 2024 / 10:15 AM IST\n\n" + BODY
    explain: dict = {}
    m = parse_text(raw, explain=explain)["metadata"]
    assert m["published"] == "2024-03-04"
    assert m["spans"]["published"]["text"] == "March 4, 2024"
    # not even a candidate: it would count as a second printing of the date ("repeated")
    assert [c["text"] for c in explain["published"]["candidates"]] == ["March 4, 2024"]


def test_a_dateline_paragraph_cut_off_by_a_truncated_document_keeps_its_dateline():
    cut = (
        "Durg: The district administration on Tuesday opened the new bridge to traffic after two "
        "years of work and officials said that the crossing would cut the journey to the"
    )
    assert meta(HEADLINE + cut)["dateline"] == "Durg"
    # the same unfinished line with more text below it is no paragraph
    assert meta(HEADLINE + cut + "\n\n" + BODY)["dateline"] == "Korba"


def test_a_breadcrumb_trail_before_the_headline_is_not_part_of_the_title():
    headline = "Korba district to get two new rice mills by March"
    raw = (
        f"Home / State News / {headline}\n\n{headline}\n\n"
        "Korba: The district will get two new rice mills by March, officials said on Monday, "
        "adding that farmers in nearby villages would sell their paddy there.\n"
    )
    m = meta(raw)
    assert m["title"] == headline
    span = m["spans"]["title"]
    assert span["start"] == len("Home / State News / ")  # its first printing, after the trail
    assert raw[span["start"] : span["end"]] == headline


def test_a_share_or_follow_button_beside_the_date_line_is_not_a_byline():
    for control in ("Share Article", "Follow Us", "Share on WhatsApp"):
        m = meta(HEADLINE + f"{control}\nUpdated: March 4, 2025\n\n" + BODY)
        assert m["byline"] == [] and m["published"] == "2025-03-04", control
    # a name in the same place still is one
    assert meta(HEADLINE + "Ravi Kant\nUpdated: March 4, 2025\n\n" + BODY)["byline"] == ["Ravi Kant"]


def test_a_byline_label_is_never_part_of_the_name_wherever_the_credit_stands():
    cases = {
        "ByRavi Kant\nUpdated: March 4, 2025\n\n": ["Ravi Kant"],  # "By" glued to the name
        "ByRavi Kant | March 4, 2025\n\n": ["Ravi Kant"],  # ... on the date line
        "March 4, 2025 | By Ravi Kant\n\n": ["Ravi Kant"],  # the credit after the date, on its line
        "Updated: March 4, 2025\nBy Ravi Kant\n\n": ["Ravi Kant"],  # the credit on the line below
    }
    for header, byline in cases.items():
        m = meta(HEADLINE + header + BODY)
        assert (m["byline"], m["published"]) == (byline, "2025-03-04"), header
        span = m["spans"]["byline"][0]
        assert (HEADLINE + header + BODY)[span["start"] : span["end"]] == byline[0]


def test_names_joined_by_a_mark_or_a_conjunction_are_separate_bylines():
    assert meta(HEADLINE + "By Asha Verma & Ravi Kant | 4 March 2025\n\n" + BODY)["byline"] == [
        "Asha Verma",
        "Ravi Kant",
    ]
    hindi = meta(HEADLINE + "द्वारा आशा वर्मा और रवि कांत | 4 मार्च 2025\n\n" + BODY)
    assert hindi["byline"] == ["आशा वर्मा", "रवि कांत"]


def test_a_date_label_glued_to_the_name_ends_the_name():
    # any Latin date label of rules.PUBLISHED_LABELS / UPDATED_LABELS, capitalised
    for label in ("Updated", "Posted", "Modified", "First Published"):
        m = meta(HEADLINE + f"Asha Verma{label}: 4 March 2025, 10:15 AM IST\n\n" + BODY)
        assert (m["byline"], m["published"]) == (["Asha Verma"], "2025-03-04"), label


def test_a_site_name_beside_a_date_line_is_the_byline():
    m = meta(HEADLINE + "korbanews.in\n11 April 2025 3:46 AM GMT\n\n" + BODY)
    assert (m["byline"], m["published"]) == (["korbanews.in"], "2025-04-11")


HI_HEADLINE = "कोरबा में नया पुल खुला, स्टेशन की दूरी घटी\n\n"
HI_BODY = (
    "कोरबा। जिला प्रशासन ने मंगलवार को नए पुल को यातायात के लिए खोल दिया और अधिकारियों ने कहा "
    "कि इससे स्टेशन की दूरी एक घंटा कम हो जाएगी।\n"
)


def test_a_weekday_opening_a_date_line_is_never_a_dateline():
    for line in ("गुरुवार, 4 मार्च 2025", "शुक्रवार, 4 मार्च 2025"):
        m = meta(HI_HEADLINE + line + "\n\n" + HI_BODY)
        assert (m["dateline"], m["published"]) == ("कोरबा", "2025-03-04"), line
    m = meta(HEADLINE + "Thursday, March 4, 2025\n\n" + BODY)
    assert (m["dateline"], m["published"]) == ("Korba", "2025-03-04")


def test_a_hindi_word_counts_as_one_word_on_a_date_line():
    # vowel signs are not word breaks: "गुरुवार" is one (weekday) word, not four extra words
    m = meta(HI_HEADLINE + "अपडेटेड: गुरुवार, 4 मार्च 2025\n\n" + HI_BODY)
    assert m["published"] == "2025-03-04"

