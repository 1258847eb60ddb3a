from __future__ import annotations

from cmvisit_data.extract.attribution import subject_before
from cmvisit_data.parse import parse_text


def quotes(text: str) -> list[tuple[str, str, str | None]]:
    return [(q["kind"], q["text"], q["speaker"]) for q in parse_text(text)["quotes"]]


def test_english_quote_before_and_after_the_verb():
    raw = (
        "Korba: Chief Minister Asha Verma opened the plant on Monday.\n\n"
        "“This plant will give work to our youth,” Verma said. She added, “We will build two more.”\n"
    )
    assert quotes(raw) == [
        ("direct", "This plant will give work to our youth,", "Asha Verma"),
        ("direct", "We will build two more.", "Asha Verma"),
    ]


def test_role_and_pronoun_resolve_to_the_named_person():
    raw = (
        "Durg: Chief Minister Ravi Kant Sahu met farmers.\n\n"
        '"Water will reach every field by June," the chief minister said.\n\n'
        '"Farmers come first," he added.\n'
    )
    assert [q[2] for q in quotes(raw)] == ["Ravi Kant Sahu", "Ravi Kant Sahu"]


def test_names_in_quotation_marks_are_not_quotes():
    raw = (
        "Raipur: Minister Asha Verma visited the 'Green Roads' exhibition and the “Future Farms Hall”.\n"
        "Officials said the 'good' response was expected.\n"
    )
    assert quotes(raw) == []


def test_quote_after_a_cue_earlier_in_the_paragraph():
    raw = (
        "Raipur: Minister Asha Verma said that the state is ready for investment. "
        "“Our policies are simple and our people are skilled.”\n"
    )
    assert quotes(raw) == [("direct", "Our policies are simple and our people are skilled.", "Asha Verma")]


def test_quote_cut_off_by_the_end_of_the_document_runs_to_the_end():
    raw = 'Raipur: Minister Asha Verma spoke to reporters.\n\nVerma said: "We have set a goal of doubling'
    (q,) = parse_text(raw)["quotes"]
    assert q["text"] == "We have set a goal of doubling"
    assert q["truncated"] is True and q["speaker"] == "Asha Verma"


def test_hindi_reported_speech_splits_at_the_next_cue():
    raw = (
        "रायपुर। मुख्यमंत्री रमेश कुमार साहू ने कहा कि राज्य में निवेश बढ़ रहा है। युवाओं को रोजगार मिलेगा। "
        "उन्होंने बताया कि नई नीति जल्द आएगी।\n"
    )
    assert quotes(raw) == [
        ("reported", "राज्य में निवेश बढ़ रहा है। युवाओं को रोजगार मिलेगा।", "रमेश कुमार साहू"),
        ("reported", "नई नीति जल्द आएगी।", "रमेश कुमार साहू"),
    ]


def test_hindi_cue_followed_by_quotation_is_direct_and_role_resolves():
    raw = "बिलासपुर। मुख्यमंत्री रमेश साहू ने आज बैठक ली।\nमुख्यमंत्री ने कहा कि “हम हर गांव तक सड़क पहुंचाएंगे।”\n"
    assert quotes(raw) == [("direct", "हम हर गांव तक सड़क पहुंचाएंगे।", "रमेश साहू")]


def test_hindi_passive_and_present_tense_are_not_cues():
    raw = "रायपुर। बताया गया है कि काम जारी है। लोगों की रुचि बताती है कि योजना सफल है।\n"
    assert quotes(raw) == []


def test_hindi_dash_cue():
    raw = "दुर्ग। मंत्री सुनील वर्मा ने कहा- सड़क का काम समय पर पूरा होगा।\n"
    assert quotes(raw) == [("reported", "सड़क का काम समय पर पूरा होगा।", "सुनील वर्मा")]


def test_headings_and_titles_are_not_searched():
    raw = "सड़क पर मंत्री बोले- काम जल्द पूरा होगा\n\nरायपुर। मंत्री ने दौरा किया।\n"
    assert quotes(raw) == []


def test_every_quote_span_and_cue_selects_its_text():
    raw = (
        "Durg: Minister Asha Verma said, “A,” and then, “Roads and schools matter most to us.”\n"
        "रायपुर। मंत्री सुनील वर्मा ने कहा कि काम जारी है।\n"
    )
    for q in parse_text(raw)["quotes"]:
        assert raw[q["start"] : q["end"]] == q["text"]
        if q["cue"]:
            assert raw[q["cue"]["start"] : q["cue"]["end"]] == q["cue"]["text"]


def test_hindi_statement_stops_before_a_second_cue_in_the_same_sentence():
    raw = "रायपुर। मंत्री सुनील वर्मा ने कहा कि सड़क बनेगी और मंत्री रमेश साहू ने कहा कि पुल भी बनेगा।\n"
    assert [q[1] for q in quotes(raw)] == ["सड़क बनेगी", "पुल भी बनेगा।"]


def test_designations_go_as_whole_phrases_and_names_stay_whole():
    cases = {
        "“We will give farmers new seeds this year,” said Agriculture Minister Ramvichar Netam.\n": "Ramvichar Netam",
        "“The state is ready for investors from Japan,” said Chief Minister Vishnu Deo Sai.\n": "Vishnu Deo Sai",
        "“Every district hospital will get a new ward,” said Health Minister Shyam Bihari Jaiswal on Monday.\n": "Shyam Bihari Jaiswal",
        "स्वास्थ्य मंत्री श्याम बिहारी जायसवाल ने कहा कि हर जिले में नया अस्पताल बनेगा।\n": "श्याम बिहारी जायसवाल",
    }
    for raw, speaker in cases.items():
        assert [q[2] for q in quotes(raw)] == [speaker], raw


def test_portfolios_lower_case_titles_and_bodies_stay_in_the_designation():
    lead = "Raipur: Chief Minister Asha Verma opened the fair.\n\n"
    cases = {
        "“Investors are welcome here,” Minister of Tourism Kiran Pal Singh said.\n": "Kiran Pal Singh",
        "“The fair will run for a week,” Madhya Pradesh chief minister Ravi Kant Sahu said.\n": "Ravi Kant Sahu",
        "“Our members will invest,” said Raipur Traders of Commerce President Meena Joshi.\n": "Meena Joshi",
    }
    for raw, speaker in cases.items():
        assert [q[2] for q in quotes(lead + raw)] == [speaker], raw


def test_a_relative_clause_between_subject_and_verb_keeps_the_subject():
    raw = (
        "Durg: Chief Minister Asha Verma spoke first.\n\n"
        'Bastar MP Ravi Kant Sahu, who was present at the ceremony, tweeted, "A proud day for the state."\n\n'
        'Korba MLA Meena Joshi, who came from Korba, also posted, "I thank the people of Durg."\n'
    )
    assert [q[2] for q in quotes(raw)] == ["Ravi Kant Sahu", "Meena Joshi"]


def test_a_curly_quotation_closed_by_a_straight_mark():
    raw = 'Durg: Minister Asha Verma visited.\n\n“Work starts in June. Every village will gain," said Asha Verma.\n'
    assert quotes(raw) == [("direct", "Work starts in June. Every village will gain,", "Asha Verma")]


def test_hindi_pronoun_is_the_previous_clause_subject_not_its_object():
    raw = (
        "रायपुर। मुख्यमंत्री रमेश साहू ने प्रधानमंत्री सुनील वर्मा सहित अतिथियों का स्वागत किया। "
        "उन्होंने कहा कि राज्य में निवेश बढ़ेगा।\n"
    )
    assert [q[2] for q in quotes(raw)] == ["रमेश साहू"]


def test_hindi_former_title_and_pronoun_spelt_without_the_nasal():
    raw = (
        "भोपाल। कांग्रेस विधायक रहे मोहन लाल दुबे को राज्य मंत्री बनाया गया है। "
        "मीडिया से बात करते हुए उन्होने बताया कि वह पूरा प्रयास करेंगे।\n"
    )
    assert [q[2] for q in quotes(raw)] == ["मोहन लाल दुबे"]


def test_hindi_pronoun_spelt_without_the_nasal():
    raw = (
        "रायपुर। मुख्यमंत्री रमेश साहू ने मंत्री मोहन लाल दुबे को बधाई दी। "
        "मीडिया से बात करते हुए उन्होने बताया कि राज्य में निवेश बढ़ेगा।\n"
    )
    assert [q[2] for q in quotes(raw)] == ["रमेश साहू"]
    # The pronoun itself is what is read, not a fallback to the most named person.
    assert subject_before("मीडिया से बात करते हुए उन्होने ") == ("pronoun", "")


def test_a_participle_introduces_a_quote_and_is_its_cue():
    raw = (
        "Bilaspur: The state opened a new rice mill on Friday.\n\n"
        "In a post on Friday night, Minister Asha Verma thanked the farmers, saying, “This mill is "
        "yours.”\n\n"
        "Minister Ravi Sahu met the traders, adding “Paddy will be bought at the new price.”\n"
    )
    found = parse_text(raw)["quotes"]
    assert [(q["text"], q["speaker"], q["cue"]["text"]) for q in found] == [
        ("This mill is yours.", "Asha Verma", "saying"),
        ("Paddy will be bought at the new price.", "Ravi Sahu", "adding"),
    ]


def test_a_quote_attributed_to_someone_addressing_or_speaking_to_an_audience():
    raw = (
        "Jaipur: Chief Minister Bhajan Lal Sharma opened the state's first investor meet on Friday.\n\n"
        "“The state is ready for your plants and your people,” the Chief Minister while addressing "
        "the meet. Minister Diya Kumari, speaking to reporters, “We will clear every file within a "
        "month.”\n"
    )
    assert [(q["text"], q["speaker"], q["cue"]["text"]) for q in parse_text(raw)["quotes"]] == [
        ("The state is ready for your plants and your people,", "Bhajan Lal Sharma", "addressing"),
        ("We will clear every file within a month.", "Diya Kumari", "speaking"),
    ]


def test_a_line_ending_in_a_letter_of_ki_is_not_a_cue_line():
    # "कि" is two code points: a line ending in क or ि alone does not introduce the next line.
    head = "रायपुर: गांव में नई सड़क बनी।\n\n"
    said = "बिलासपुर जिले के सरगांव में आज शाम ग्राम सभा के सदस्यों को संबोधित करते हुए मंत्री रमेश साहू ने कहा"
    quote = "\n“हमारे गांव में अब बस आएगी और बच्चे स्कूल जाएंगे।”\n"
    direct = [q[1:] for q in quotes(head + said + " कि" + quote) if q[0] == "direct"]
    assert direct == [("हमारे गांव में अब बस आएगी और बच्चे स्कूल जाएंगे।", "रमेश साहू")]
    for ending in (" कि नई सड़क से गांव की प्रगति", " कि सड़क का काम मार्च तक"):
        assert [q for q in quotes(head + said + ending + quote) if q[0] == "direct"] == []


def test_hindi_noun_and_light_verb_before_ki_is_a_cue_with_a_ne_subject():
    raw = (
        "रायपुर। मंत्री सुनील वर्मा ने कहा कि सड़कें जल्द बनेंगी। "
        "मंत्री सुनील वर्मा ने अधिकारियों को निर्देश दिए कि काम समय पर पूरा हो।\n\n"
        "गांव में सभा हुई और यह तय किया गया कि मेला लगेगा।\n\n"
        "मंत्री ने कहा कि सरकार ने फैसला किया है कि हर गांव में स्कूल खुलेगा।\n"
    )
    assert quotes(raw) == [
        ("reported", "सड़कें जल्द बनेंगी।", "सुनील वर्मा"),
        ("reported", "काम समय पर पूरा हो।", "सुनील वर्मा"),
        ("reported", "सरकार ने फैसला किया है कि हर गांव में स्कूल खुलेगा।", "सुनील वर्मा"),
    ]


def test_hindi_saying_cue_names_its_speaker_before_ka():
    raw = "रायपुर। मुख्यमंत्री रमेश साहू कल लौटेंगे। जिला किसान संघ का कहना है कि मुख्यमंत्री रमेश साहू नई योजना लेकर आ रहे हैं।\n"
    assert quotes(raw) == [("reported", "मुख्यमंत्री रमेश साहू नई योजना लेकर आ रहे हैं।", "जिला किसान संघ")]


def test_hindi_full_stop_glued_to_the_next_word_ends_a_sentence():
    raw = (
        "रायपुर। मंत्री सुनील वर्मा ने कहा कि सड़कें जल्द बनेंगी.मंत्री ने अधिकारियों को "
        "बताया कि काम समय पर पूरा हो और प्रो.रमन ने कहा कि पुल भी बनेगा।\n"
    )
    assert [q[1] for q in quotes(raw)] == ["सड़कें जल्द बनेंगी.", "काम समय पर पूरा हो", "पुल भी बनेगा।"]


def test_places_and_platforms_are_not_speakers():
    raw = (
        "Korba: Chhattisgarh Chief Minister Asha Verma opened a steel plant on Monday.\n\n"
        "Addressing a rally at Ghanta Ghar in Korba on Monday the Chhattisgarh Chief Minister said, "
        "“This plant will give work to ten thousand youth.”\n\n"
        "On Tuesday the Chief Minister took to X (once called Twitter) and wrote, “Proud of our workers today.”\n"
    )
    assert [q[2] for q in quotes(raw)] == ["Asha Verma", "Asha Verma"]


def test_a_partial_quote_after_described_as_is_a_quote():
    raw = (
        "Bhilai: Chief Minister Asha Verma returned from Delhi on Friday.\n\n"
        "Verma described the trip as a season of “real gains” for the state. "
        "The fair was described by officials as a “big boost” for trade.\n"
    )
    assert quotes(raw) == [("direct", "real gains", "Asha Verma")]


def test_verbs_outside_the_list_and_a_spaced_closing_mark():
    raw = (
        "Raipur: Chief Minister Asha Verma signed ten agreements on Monday.\n\n"
        '"Two of the firms will build plants in Bastar and Korba this year, " she detailed.\n\n'
        '"The firms that signed are Alpha Steel, Beta Power and Gamma Foods", the statement read.\n'
    )
    assert [q[1] for q in quotes(raw)] == [
        "Two of the firms will build plants in Bastar and Korba this year,",
        "The firms that signed are Alpha Steel, Beta Power and Gamma Foods",
    ]


def test_hindi_subject_printed_before_ne_wins_over_a_nearby_name():
    raw = (
        "रायपुर। मुख्यमंत्री रमेश साहू आज दिल्ली पहुंचे। उन्होंने वहाँ जिला अधिकारियों के साथ चर्चा की। "
        "अधिकारियों ने उन्हें बताया कि किसानों को ऋण जल्द मिलेगा।\n"
    )
    assert quotes(raw) == [("reported", "किसानों को ऋण जल्द मिलेगा।", "जिला अधिकारियों")]


def test_a_long_quotation_goes_on_from_the_paragraph_above_that_reports_its_speaker():
    raw = (
        "Raipur: Industries Minister Ravi Sahu met investors on Monday.\n\n"
        "Industries Minister Ravi Sahu said that ten firms would sign agreements.\n\n"
        "Advertisement\n\n"
        "“We have talked to twelve firms from Japan and Korea and more of them will come next month.”\n\n"
        "The fair opened in Bhilai.\n\n"
        "“The hall was full of people from every district and every village of the state that day.”\n"
    )
    assert quotes(raw) == [
        (
            "direct",
            "We have talked to twelve firms from Japan and Korea and more of them will come next month.",
            "Ravi Sahu",
        )
    ]


def test_after_and_added_that_the_sentence_subject_is_not_the_object_before_it():
    raw = (
        "Raipur: Chief Minister Asha Verma, at a fair on Monday, said the state signed MoUs worth "
        "Rs 500 crore and added that more would follow.\n\n"
        "“We will sign agreements with twenty more firms in the coming two months of this year.”\n"
    )
    assert [q[2] for q in quotes(raw)] == ["Asha Verma"]


def test_hindi_cue_whose_ki_lost_its_space_or_went_to_the_next_line():
    raw = (
        "रायपुर। मंत्री सुनील वर्मा ने आज सभा ली। मंत्री सुनील वर्मा ने बताया किनई सड़क जल्द बनेगी। "
        "नई योजना भी आएगी।\n"
        "दुर्ग में सांसद गीता साहू ने किसानों की एक बड़ी सभा को संबोधित करते हुए उनसे कहा\n"
        "कि धान की खरीदी समय पर होगी।\n"
    )
    assert quotes(raw) == [
        ("reported", "नई सड़क जल्द बनेगी। नई योजना भी आएगी।", "सुनील वर्मा"),
        ("reported", "धान की खरीदी समय पर होगी।", "गीता साहू"),
    ]
    # A word that opens with कि after the verb is not a cue: "किसानों" is printed so elsewhere.
    assert quotes("रायपुर। मंत्री ने बताया किसानों को खाद मिलेगी और किसानों को बीज भी।\n") == []


def test_a_pronoun_is_the_person_its_paragraph_names_first_not_the_last_speaker_or_listener():
    raw = (
        "Raipur: Chief Minister Asha Verma met farmers on Monday.\n\n"
        "“Water will reach every field by June,” Verma said.\n\n"
        "Minister of Road and Transport Ravi Sahu greeted the farmers on Monday. "
        "He wrote, “Your work feeds the state and all its people.”\n"
    )
    assert [q[2] for q in quotes(raw)] == ["Asha Verma", "Ravi Sahu"]
    hindi = (
        "रायपुर। मुख्यमंत्री रमेश साहू ने आज किसानों की सभा ली। उन्होंने ट्वीट करके दुर्ग जिले की सांसद "
        "गीता वर्मा को कहा कि सड़क जल्द बनेगी।\n"
    )
    assert quotes(hindi) == [("reported", "सड़क जल्द बनेगी।", "रमेश साहू")]


def test_a_few_marked_words_in_running_text_are_a_term_not_a_quote():
    raw = (
        "Raipur: Chief Minister Asha Verma met investors on Monday.\n\n"
        "The government said the plan reflects a path towards “growth and new jobs,” matching its budget.\n\n"
        "Verma called the fair “a big day for the state,” adding that more firms would come.\n"
    )
    assert [q[1] for q in quotes(raw)] == ["a big day for the state,"]


def test_it_or_the_statement_speaks_for_the_office_named_before_in_its_fullest_form():
    raw = (
        "Raipur: Chief Minister Asha Verma reached Tokyo, the Chhattisgarh CMO said on Monday.\n\n"
        "The CMO said in a note that the team met ten firms.\n\n"
        "“The team will meet twenty more firms this week in Tokyo and Osaka,” it added.\n\n"
        "“The firms that met the team are Alpha Steel, Beta Power and Gamma Foods”, the statement read.\n"
    )
    assert [q[2] for q in quotes(raw)] == ["Chhattisgarh CMO", "Chhattisgarh CMO"]


def test_a_name_does_not_run_into_the_next_word():
    raw = (
        "Korba: A team led by Chief Minister Tara Rao Tuesday held a meeting with investors.\n\n"
        "“We have land, water and power for every plant that comes to the state,” Rao said.\n"
    )
    assert [q[2] for q in quotes(raw)] == ["Tara Rao"]
    hindi = (
        "बिलासपुर से लौटे सीएम रमेश साहू बोले – सड़कें जल्द बनेंगी और गांवों तक बस चलेगी।\n\n"
        "मुख्यमंत्री ने आज पत्रकारों से बातचीत में कहा कि पुल भी बनेगा।\n"
    )
    assert [q[2] for q in quotes(hindi)] == ["रमेश साहू", "रमेश साहू"]


def test_a_cue_broken_over_a_line_end_holds_across_one_line_break_only():
    from cmvisit_data.parse import parse_text

    head = (
        "कोरबा में नया पुल खुला, स्टेशन की दूरी घटी\n\nरायपुर। जिला प्रशासन ने मंगलवार को नए पुल को यातायात "
        "के लिए खोल दिया। इस मौके पर मंत्री राम शर्मा ने लोगों को संबोधित करते हुए सभा को कहा"
    )
    tail = "कि इस पुल से स्टेशन की दूरी एक घंटा कम हो जाएगी और व्यापार भी बढ़ेगा।\n"
    quotes = parse_text(head + "\n" + tail)["quotes"]
    assert [(q["speaker"], q["cue"]["text"]) for q in quotes] == [("राम शर्मा", "कहा\nकि")]
    assert parse_text(head + "\n\n" + tail)["quotes"] == []  # a blank line parts two paragraphs


def test_a_curly_opening_mark_with_a_space_after_it_still_opens_but_not_a_closing_one():
    raw = (
        "Bilaspur: Minister Kiran Toppo opened the new bridge on Sunday.\n\n"
        "Toppo said, “ The bridge joins twelve villages to the market town.”\n\n"
        "“The road comes next,“ Toppo said, and the crowd cheered the plan.\n"
    )
    assert quotes(raw)[0] == ("direct", "The bridge joins twelve villages to the market town.", "Kiran Toppo")
    assert all(not text.startswith(("Toppo said", " ")) for _, text, _ in quotes(raw))


def test_a_quote_attributed_after_a_name_and_its_appositive():
    raw = (
        "Jashpur: The tea growers' fair opened on Tuesday.\n\n"
        "“Our leaf is now sold in three countries,” Sunita Minj, the district's tea officer, said.\n\n"
        "“We will plant more next year,” Lakra, who leads the growers' society, told reporters.\n\n"
        "“Prices stayed low,” Minj, a grower, and two traders said.\n"
    )
    assert quotes(raw) == [
        ("direct", "Our leaf is now sold in three countries,", "Sunita Minj"),
        ("direct", "We will plant more next year,", "Lakra"),
    ]


def test_a_straight_closing_mark_glued_to_the_next_sentence_still_closes():
    raw = (
        "Kanker: Minister Meena Netam visited the new hostel on Monday.\n\n"
        'Netam said, "Every girl of the block will have a bed here by June."The hostel has 200 rooms.\n'
    )
    assert quotes(raw) == [("direct", "Every girl of the block will have a bed here by June.", "Meena Netam")]


def test_doubled_escaped_and_two_apostrophe_marks_hold_the_quotation_alone():
    head = "Dantewada: Minister Ravi Kunjam opened the school on Friday.\n\n"
    for said in (
        "““Every child here will learn in two languages,”” Kunjam said.\n",
        '\\"Every child here will learn in two languages,\\" Kunjam said.\n',
        "''Every child here will learn in two languages,'' Kunjam said.\n",
        "''Every child here will learn in two languages,\" Kunjam said.\n",
    ):
        assert quotes(head + said) == [
            ("direct", "Every child here will learn in two languages,", "Ravi Kunjam")
        ]


def test_a_partial_quote_of_what_the_speaker_invited_others_to_do():
    raw = (
        "Raigarh: Minister Pooja Sidar met steel makers on Thursday.\n\n"
        "Sidar invited the makers to “set up their next plant in our district”.\n"
    )
    assert quotes(raw) == [("direct", "set up their next plant in our district", "Pooja Sidar")]


def test_a_short_cue_line_above_the_quotation_is_read_though_it_looks_like_a_heading():
    raw = (
        "Kondagaon: Minister Lata Usendi opened the craft market on Saturday.\n\n"
        "Lata Usendi said:\n\n"
        "“Every artisan of the district will have a stall here by the winter.”\n"
    )
    assert quotes(raw) == [
        ("direct", "Every artisan of the district will have a stall here by the winter.", "Lata Usendi")
    ]


def test_a_quotation_after_a_sentence_saying_who_spoke():
    raw = (
        "Mungeli: Minister Hemant Dhruw met farmers of the block on Monday.\n\n"
        "Dhruw addressed the farmers in the market yard. “Every field will get water by June.”\n"
    )
    assert quotes(raw) == [("direct", "Every field will get water by June.", "Hemant Dhruw")]


def test_a_quotation_that_reads_a_post_from_its_author_is_the_authors():
    raw = (
        "Balod: Minister Gita Sahu opened the dairy plant on Sunday.\n\n"
        "“Milk from every village of the district will reach this plant,” reads a post from Sahu on X.\n"
    )
    assert quotes(raw) == [
        ("direct", "Milk from every village of the district will reach this plant,", "Gita Sahu")
    ]


def test_marks_printed_the_wrong_way_round_pair_but_a_closing_mark_after_a_word_opens_nothing():
    raw = (
        "Surajpur: Minister Anil Paikra opened the fair on Friday.\n\n"
        "Paikra said, ”The fair will run for ten days every winter.“\n\n"
        "“The stalls are free,” Paikra said, “and so is the water.”\n"
    )
    assert quotes(raw) == [
        ("direct", "The fair will run for ten days every winter.", "Anil Paikra"),
        ("direct", "The stalls are free,", "Anil Paikra"),
        ("direct", "and so is the water.", "Anil Paikra"),
    ]
