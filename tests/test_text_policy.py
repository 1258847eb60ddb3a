"""One text policy for raw documents and for records' raw_text (issue: intake rules)."""

from __future__ import annotations

import json

import pytest

from cmvisit_data import parse_document
from cmvisit_data.intake import check_path

from .conftest import SEEDS

BODY = "Raipur: The state cabinet on Monday approved a new policy for rice mills in every district.\n"


@pytest.mark.parametrize(
    "char",
    ["\u200b", "\U000e0041", "\ufff9", "\ufffb", "\ufeff", "\uffff", "\u200e", "\u202e", "\x1b", "\ue000"],
    ids=lambda c: f"U+{ord(c):04X}",
)
def test_invisible_and_unassigned_characters_are_refused_in_documents(write, char):
    report = check_path(str(write("doc.txt", BODY.replace("cabinet", "cab" + char + "inet"))))
    assert [p.type for p in report.problems] == ["control-characters"]
    assert f"U+{ord(char):04X}" in report.problems[0].message and report.problems[0].line == 1


def test_what_devanagari_and_typesetting_need_is_allowed(write):
    text = "रायपुर। मुख्य\u200dमंत्री ने क\u200cहा कि नीति\u00a0लागू होगी,\u3000और\u2009काम शुरू होगा।\n"
    assert check_path(str(write("hi.txt", text))).valid
    assert check_path(str(write("bom.txt", "\ufeff" + BODY))).valid


def test_a_leading_byte_order_mark_stays_out_of_the_title(write):
    record = parse_document(write("t.txt", "\ufeffRice mill policy cleared for every district\n\n" + BODY))
    assert record["metadata"]["title"] == "Rice mill policy cleared for every district"
    assert record["raw_text"].startswith("\ufeff")


@pytest.mark.parametrize("space", ["\u2028", "\u2029", "\u00a0", "\u3000", " \n\t"])
def test_unicode_white_space_alone_is_an_empty_document(write, space):
    report = check_path(str(write("empty.txt", space * 3)))
    assert [p.type for p in report.problems] == ["empty-document"]


def _record() -> dict:
    return parse_document(SEEDS / "000_a25e3bb1cf0e3701.txt")


@pytest.mark.parametrize("escaped", ["\\u202e", "\\u0000", "\\u001b", "\\ud800"])
def test_records_obey_the_same_text_policy(write, escaped):
    line = json.dumps(_record(), ensure_ascii=True)
    at = line.index('"raw_text": "') + len('"raw_text": "')
    report = check_path(str(write("r.jsonl", line[:at] + escaped + line[at:] + "\n")))
    assert report.problems and report.problems[0].type == "control-characters", [
        p.one_line() for p in report.problems
    ]
    assert report.problems[0].pointer == "/raw_text" and report.problems[0].line == 1


def test_record_files_refuse_duplicate_keys_and_huge_integers_with_a_typed_error(write):
    line = json.dumps(_record())
    twice = line.replace('"doc_id":', '"doc_id": "x", "doc_id":', 1)
    report = check_path(str(write("dup.jsonl", twice + "\n")))
    assert [p.type for p in report.problems] == ["json-duplicate-key"] and "twice" in report.problems[
        0
    ].message
    huge = line.replace('"bytes": ', '"bytes": ' + "9" * 5000 + ', "x": ', 1)
    report = check_path(str(write("big.json", huge)))
    assert [p.type for p in report.problems] == ["json-malformed"]


def test_jsonl_records_are_split_on_newlines_only(write):
    record = _record()
    record["source"]["outlet"] = "Line\u2028Separated Outlet"
    text = json.dumps(record, ensure_ascii=False) + "\n" + json.dumps(_record()) + "\n"
    report = check_path(str(write("two.jsonl", text)))
    assert report.valid and report.records == 2


def test_jsonl_is_streamed_with_the_limit_per_record(write):
    good = json.dumps(_record(), ensure_ascii=False)
    big = '{"raw_text": "' + "a" * (len(good.encode()) + 100) + '"}'
    path = write("mixed.jsonl", "\n".join([good, big, good, "\xff"]) + "\n")
    path.write_bytes(path.read_bytes().replace("\xff".encode(), b"\xff"))
    report = check_path(str(path), max_bytes=len(good.encode()) + 10)
    assert report.records == 2
    assert [(p.type, p.line) for p in report.problems] == [("file-too-large", 2), ("invalid-utf8", 4)]


def test_an_html_page_saved_as_text_is_refused_with_what_to_do(write):
    page = (
        "<!DOCTYPE html>\n<html><head><title>CM visit</title></head><body><p>" + BODY + "</p></body></html>\n"
    )
    report = check_path(str(write("page.txt", page)))
    assert [p.type for p in report.problems] == ["html-document"]
    divs = "".join(f'<div class="c{i}"><span>{i}</span></div>\n' for i in range(40)) + BODY
    assert [p.type for p in check_path(str(write("divs.txt", divs))).problems] == ["html-document"]
    # a page's text that mentions a tag or two is text
    assert check_path(str(write("ok.txt", BODY + "The site uses <b>bold</b> in one place.\n"))).valid


def test_the_line_by_line_check_agrees_with_the_policy_for_every_character_and_neighbour():
    from cmvisit_data import rules
    from cmvisit_data.inputs import control_character_problems

    def allowed(text: str) -> bool:  # the policy, stated directly (a leading BOM is the file's)
        return all(ch.isprintable() or ch in rules.ALLOWED_INVISIBLE for ch in text.removeprefix(rules.BOM))

    chars = [chr(c) for c in (*range(0, 0x3100), *range(0xFE00, 0x10000), 0x1F36A, 0xE0041, 0x10FFFF)]
    for ch in chars:
        if 0xD800 <= ord(ch) < 0xE000:
            continue  # a surrogate cannot stand in a decoded file (it is tested with records)
        for text in (f"a{ch}b\nok\n", f"ok\n\ta{ch}\u200db\n", f"{ch}\n"):
            assert (control_character_problems(text, "x") == []) == allowed(text), (hex(ord(ch)), text)


# --- provenance values (issue 23 S3): the same policy, and a one-line label's rules ----------

PROVENANCE_REFUSED = [
    "\U000e0041",  # a tag character: "Reuters" + tags looks like "Reuters"
    "\U000e0001",
    "\u061c",  # ARABIC LETTER MARK
    "\u00ad",  # SOFT HYPHEN
    "\u3164",  # HANGUL FILLER: a letter that prints nothing
    "\u115f",
    "\u2800",  # BRAILLE PATTERN BLANK
    "\ufe0f",  # a variation selector
    "\u202e",
    "\u2066",
    "\u200b",
    "\u200d",  # a joiner after a Latin letter
    "\ufeff",
    "\x1b",
    "\t",
    "\n",
    "\u2028",
    "\u00a0",  # looks like a space
    "\u3000",
]


@pytest.mark.parametrize("char", PROVENANCE_REFUSED, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("field", ["outlet", "url", "rights", "obtained"])
def test_provenance_values_refuse_invisible_characters_naming_the_code_point(field, char):
    from cmvisit_data.inputs import provenance_text_problem

    why = provenance_text_problem(field, "Reu" + char + "ters")
    assert why is not None and f"U+{ord(char):04X}" in why and "at character 4" in why
    assert "\n" not in why and ("again without it" in why or "one line" in why or "ordinary space" in why)


def test_provenance_refuses_every_character_the_document_policy_refuses():
    from cmvisit_data.inputs import provenance_text_problem, refused

    for code in (*range(0, 0x3200), *range(0xFE00, 0x10000), *range(0xE0000, 0xE0080)):
        ch = chr(code)
        if refused(ch):
            assert provenance_text_problem("outlet", f"A{ch}B") is not None, hex(code)


def test_provenance_allows_what_names_need():
    from cmvisit_data.inputs import provenance_text_problem

    for value in (
        "Reuters",
        "नवभारत\u200dटाइम्स",
        "क्\u200cष",
        "Example Times (Raipur)",
        "https://example.org/a?b=c",
    ):
        assert provenance_text_problem("outlet", value) is None, value


@pytest.mark.parametrize("value", [" Reuters", "Reuters ", "Dainik  Bhaskar"])
def test_provenance_refuses_spacing_that_makes_a_look_alike(value):
    from cmvisit_data.inputs import provenance_text_problem

    assert "one space between words" in provenance_text_problem("outlet", value)


@pytest.mark.parametrize("value", ["unknown", "Unknown", "UNKNOWN"])
def test_an_outlet_named_unknown_is_reserved_for_the_null_outlets_count(value):
    from cmvisit_data.inputs import provenance_text_problem

    why = provenance_text_problem("outlet", value)
    assert why is not None and "reserved" in why and "null" in why
    assert provenance_text_problem("rights", value) is None  # only the outlet is counted by name


def test_provenance_problems_of_an_entry_name_the_field_and_pointer():
    from cmvisit_data.inputs import provenance_text_problems

    problems = provenance_text_problems(
        {"url": None, "outlet": "Reuters\u061c", "rights": "ok"},
        file="seeds/manifest.json",
        at="/documents/3",
    )
    assert [(p.type, p.pointer) for p in problems] == [("provenance-invalid", "/documents/3/outlet")]
    assert problems[0].message.startswith("outlet: U+061C ARABIC LETTER MARK")
