"""parse_text sequences the extractors; the body is what they leave."""

from __future__ import annotations

from cmvisit_data.parse import parse_text


def test_language_is_that_of_most_body_letters_not_of_the_title():
    raw = (
        "Raipur News Desk\n\n"
        "Raipur: मुख्यमंत्री ने आज नई औद्योगिक नीति की घोषणा की और कहा कि इससे हर जिले में रोजगार बढ़ेगा।\n\n"
        "नीति के तहत छोटे उद्योगों को पांच साल तक बिजली में छूट मिलेगी और नए उद्योगों को जमीन दी जाएगी।\n"
    )
    record = parse_text(raw)
    assert record["metadata"]["language"] == "hi"
    assert [p["language"] for p in record["paragraphs"]] == ["hi", "hi"]


def test_headings_paragraphs_and_related_links_keep_their_spans():
    raw = (
        "Korba: The district opened a new water plant on Monday, which will serve forty villages nearby.\n\n"
        "What comes next\n\n"
        "A second plant will follow next year in the south of the district, officials said.\n\n"
        "Also Read: New school opens in Korba\n"
    )
    record = parse_text(raw)
    kinds = [(p["kind"], p["text"][:10]) for p in record["paragraphs"]]
    assert kinds == [("paragraph", "Korba: The"), ("heading", "What comes"), ("paragraph", "A second p")]
    (link,) = record["related"]
    assert link["text"] == "New school opens in Korba" and link["label"] == "Also Read"
    for item in (*record["paragraphs"], link):
        assert raw[item["start"] : item["end"]] == item["text"]


def test_two_copies_of_a_release_with_different_footers_have_the_same_body():
    release = (
        "Minister Opens Dam in Dhamtari\n\n"
        'Dhamtari: The minister opened the new dam on Monday. "Water will reach every field," she said.\n\n'
        "The dam will irrigate twelve villages in the district.\n\n"
    )
    one = release + "AB/SK\n\n(Release ID: 2098765)\n\nRead this release in: Hindi\n"
    two = release + "****\n\nक्रमांक-1187/सुनीता\n\nFollow us on X and Facebook\n\n© 2025 Jansampark, Raipur\n"
    first, second = parse_text(one), parse_text(two)
    assert [p["text"] for p in first["paragraphs"]] == [p["text"] for p in second["paragraphs"]]
    assert (
        [q["text"] for q in first["quotes"]]
        == [q["text"] for q in second["quotes"]]
        == ["Water will reach every field,"]
    )
