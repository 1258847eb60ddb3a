from __future__ import annotations

from cmvisit_data import segment
from cmvisit_data.segment import BLANK, BOILERPLATE, BULLET, TEXT


def lines_of(text: str):
    lines = segment.split_lines(text)
    segment.classify(lines)
    return lines


def test_offsets_select_trimmed_text():
    raw = "  Title here  \r\n\n\tBody line.\u00a0\nlast"
    lines = segment.split_lines(raw)
    assert [line.kind for line in lines] == [TEXT, BLANK, TEXT, TEXT]
    for line in lines:
        assert raw[line.start : line.end] == line.text
    assert [line.text for line in lines if line.text] == ["Title here", "Body line.", "last"]


def test_furniture_lines():
    raw = "\n".join(
        [
            "Home News Business Sports Videos About Us",
            "ADVERTISEMENT",
            "-Advertisement-",
            "Also Read: Another story about roads",
            "यह भी पढ़ें: सड़कों पर दूसरी खबर",
            "no script",
            '<div class="embed">',
            "state opens new textile park in the north",
            "(This story is auto-generated from a syndicated feed and is unedited.)",
            "🍪 We use cookies to improve your experience",
        ]
    )
    kinds = [line.detail for line in lines_of(raw)]
    assert kinds == [
        "navigation",
        "advertisement",
        "advertisement",
        "related",
        "related",
        "markup",
        "markup",
        "slug",
        "disclaimer",
        "cookie",
    ]


def test_press_office_footers_are_boilerplate_below_the_body():
    footers = [
        "AB/SK",
        "RK / PSJ / TS",
        "(Release ID: 2098765)",
        "Read this release in: Hindi , Marathi",
        "Follow us on X and Facebook",
        "© 2025 Directorate of Public Relations, Raipur",
        "Copyright 2025 Jansampark Vibhag",
        "Website content managed by the department. All rights reserved.",
        "क्रमांक-1187/सुनीता/रमेश",
        "(रिलीज़ आईडी: 2098765) आगंतुक पटल : 52",
        "समाचार क्रमांक 412/2025",
        "एबी/एसके/आरटी",
        "****",
        "- - -",
    ]
    raw = "\n".join(
        [
            "Follow us",
            "Road Plan Approved",
            "Raipur: The state approved a road plan for villages today.",
            *footers,
        ]
    )
    lines = lines_of(raw)
    # above the body's first sentence a site's header may hold the same words: left alone
    assert [line.kind for line in lines[:3]] == [TEXT, TEXT, TEXT]
    assert [(line.kind, line.detail) for line in lines[3:]] == [(BOILERPLATE, "trailing")] * len(footers)


def test_end_marker_makes_the_rest_trailing():
    raw = "Body.\nMore Stories\nTeaser one about dams\nTeaser two about bridges."
    lines = lines_of(raw)
    assert [line.detail for line in lines[1:]] == ["trailing", "trailing", "trailing"]


def test_bullets_keep_marker_and_item_offsets():
    raw = "  • First point made here.\n- Second point made here\n1. Third one made here\n-Fourth, no space before it"
    lines = lines_of(raw)
    assert all(line.kind == BULLET for line in lines)
    assert [line.detail for line in lines] == ["•", "-", "1.", "-"]
    assert [line.item for line in lines] == [
        "First point made here.",
        "Second point made here",
        "Third one made here",
        "Fourth, no space before it",
    ]
    for line in lines:
        assert raw[line.item_start : line.end] == line.item


def test_short_bullet_runs_are_menus():
    raw = "  • Home\n  • About\n    • State\n  • Sports\n\nReal body sentence goes here."
    lines = lines_of(raw)
    assert [line.detail for line in lines if line.kind == BOILERPLATE] == ["navigation"] * 4


def test_headings_and_language():
    assert segment.is_heading(segment.split_lines("Investment in the north")[0], is_last=False)
    assert not segment.is_heading(segment.split_lines("This is a sentence.")[0], is_last=False)
    assert not segment.is_heading(segment.split_lines("He said “hello")[0], is_last=False)
    assert segment.language_of("राज्य सरकार ने कहा") == "hi"
    assert segment.language_of("The state said") == "en"
    assert segment.language_of("1234 —") is None


def test_script_counts_count_letters_of_each_script_and_nothing_else():
    # Devanagari signs and digits count as Devanagari; Latin means A-Z and a-z only.
    assert segment.script_counts("CM साय ने 12 MoUs, café ०९।") == (8, 9)
    assert segment.script_counts("Plain ASCII, 2025!") == (0, 10)
    assert segment.script_counts("") == (0, 0)
    assert segment.language_of("CM Sai ने") == "en"  # 5 Latin letters against 2
    assert segment.language_of("AB कहा") == "hi"  # 2 against 3
    assert segment.language_of("AB कह") == "hi"  # a tie goes to Hindi


def test_script_counts_agree_with_the_character_ranges_for_every_character_near_them():
    import re

    from cmvisit_data import rules

    # Every character of Devanagari and its neighbours, Latin and its look-alikes, other
    # three-byte UTF-8 characters that share a lead byte, and a lone surrogate.
    chars = [chr(c) for c in (*range(0x0800, 0x0A80), *range(0x20, 0x250), 0xFF21, 0x1D400, 0xE0A4)]
    text = "".join(chars) + "\ud800"
    deva = len(re.findall(f"[{rules.DEVANAGARI}]", text))
    latin = len(re.findall("[A-Za-z]", text))
    assert (deva, latin) == (0x980 - 0x900, 52)
    assert segment.script_counts(text) == (deva, latin)
    for ch in chars:
        assert segment.script_counts(ch) == (int(rules.is_devanagari(ch)), int(ch.isascii() and ch.isalpha()))


def test_captions_are_found_whatever_the_case_of_their_word():
    # The case-folded pre-test must admit every spelling re.IGNORECASE admits: a dotted or
    # dotless capital I folds to "i̇" or stays "ı".
    captions = [
        "The Chief Minister at the plant (Photo: DPR)",
        "Workers at the new unit - IMAGE courtesy company",
        "Delegates in Seoul – PİC by staff",
        "Delegates in Seoul (pıc: staff)",
        "Delegates in Seoul - İmage: staff",
    ]
    lines = [x for x in lines_of("\n".join([*captions, "Body text with no credit at all."])) if x.text]
    assert [(x.kind, x.detail) for x in lines] == [(BOILERPLATE, "caption")] * 5 + [(TEXT, None)]


def test_a_line_computes_its_words_and_scripts_once():
    line = segment.split_lines("  मुख्यमंत्री Vishnu Deo Sai in Tokyo  ")[0]
    assert "words" not in vars(line) and "scripts" not in vars(line)
    words = line.words
    assert words == ["मुख्यमंत्री", "Vishnu", "Deo", "Sai", "in", "Tokyo"] and line.words is words
    assert line.scripts == segment.script_counts(line.text) and vars(line)["scripts"] == line.scripts
    line.text = "changed"  # computed once: no line's text changes after split_lines
    assert line.words is words
