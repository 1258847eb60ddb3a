from __future__ import annotations

from cmvisit_data.extract.speakers import NameIndex, english_subject, hindi_subject, resolve
from cmvisit_data.parse import parse_text


def test_full_form_role_and_nearest_person():
    raw = "Chief Minister Asha Rani Verma met Governor Ravi Kant. Later Verma spoke."
    names = NameIndex(raw, "en")
    assert names.full("Verma") == "Asha Rani Verma"
    assert names.role("chief minister") == "Asha Rani Verma"
    assert names.role("governor") == "Ravi Kant"
    assert names.nearest_before(len(raw)) == "Asha Rani Verma"


def test_hindi_names_stop_at_words_used_outside_names():
    raw = "मुख्यमंत्री रमेश साहू जापान और कोरिया गए। जापान से निवेश आएगा। श्री साहू ने कहा।"
    names = NameIndex(raw, "hi")
    assert names.role("मुख्यमंत्री") == "रमेश साहू"


def test_subjects():
    assert english_subject("In a post , Verma".split()) == ("name", "Verma")
    assert english_subject(["the", "Chief", "Minister"]) == ("role", "chief minister")
    assert english_subject(["He"]) == ("pronoun", "he")
    assert english_subject("near Pune. Tara Rao".split()) == ("name", "Tara Rao")
    assert english_subject("Tara Rao, Secretary".split()) == ("name", "Tara Rao")
    assert hindi_subject(["सीएम", "श्री", "साहू"]) == ("name", "साहू")
    assert hindi_subject(["राष्ट्रपति"]) == ("role", "राष्ट्रपति")


def test_resolve_pronoun_uses_previous_speaker():
    names = NameIndex("Minister Asha Verma spoke. Minister Ravi Kant listened.", "en")
    assert resolve(("pronoun", "he"), names, 10, "Asha Verma") == (
        "Asha Verma",
        "pronoun: the previous quote's speaker",
    )
    assert resolve(("name", "Kant"), names, 10, None) == (
        "Ravi Kant",
        "name: its fullest form in the document",
    )


def test_hindi_names_end_before_sahit_and_verbs():
    names = NameIndex("मुख्यमंत्री रमेश साहू ने प्रधानमंत्री सुनील वर्मा सहित अतिथियों का स्वागत किया।", "hi")
    assert names.role("प्रधानमंत्री") == "सुनील वर्मा"
    names = NameIndex("मोहन दुबे को राज्य मंत्री बनाया गया है।", "hi")
    assert names.role("मंत्री") is None


def test_word_starts_of_a_capturing_split_are_the_words_offsets():
    from cmvisit_data.extract.name_index import _HI_WORD_RE, _HI_WORD_SPLIT_RE, _WordStarts

    raw = "  (रायपुर) मुख्यमंत्री श्री विष्णु देव साय ने, Tokyo में कहा। अंत"
    starts = [m.start() for m in _HI_WORD_RE.finditer(raw)]
    at = _WordStarts(_HI_WORD_SPLIT_RE.split(raw))
    assert [at(j) for j in range(len(starts))] == starts  # in increasing order, as the scan asks
    assert [at(j) for j in (5, 2, 2, 9, 0)] == [starts[j] for j in (5, 2, 2, 9, 0)]  # and in any


def test_a_short_form_that_drops_the_last_word_gets_the_full_name():
    raw = (
        "Korba: Chief Minister Asha Rani Verma opened a clinic on Monday.\n"
        "“Every village will have a doctor,” Asha Rani said.\n"
        "Asha Rani Verma also met the district's nurses.\n"
    )
    assert [q["speaker"] for q in parse_text(raw)["quotes"]] == ["Asha Rani Verma"]


def test_a_name_printed_once_is_not_a_short_forms_full_name():
    # "Health Minister Asha Rani Speaks" in a title-case line reads as a titled name "Asha Rani
    # Speaks": printed once, it is not taken as the fuller form of "Asha Rani".
    raw = (
        "Korba: Health Minister Asha Rani Speaks\n\n"
        "The minister spoke to nurses on Monday at the district hospital.\n"
        "“Every village will have a doctor,” Asha Rani said.\n"
    )
    assert [q["speaker"] for q in parse_text(raw)["quotes"]] == ["Asha Rani"]


def test_a_hindi_name_ends_before_a_demonstrative_that_opens_the_next_phrase():
    from cmvisit_data.parse import parse_text

    raw = (
        "बस्तर में नया पुल\n\nजगदलपुर। जिले में सोमवार को नए पुल का काम शुरू हुआ।\n\n"
        "मंत्री रमेश कुमार इन दिनों जिले के दौरे पर हैं। उन्होंने कहा कि पुल अगले साल तक बन जाएगा।\n"
    )
    assert [(q["kind"], q["speaker"]) for q in parse_text(raw)["quotes"]] == [("reported", "रमेश कुमार")]


def test_a_hindi_name_ends_before_a_day_or_month_name():
    from cmvisit_data.parse import parse_text

    for when in ("शुक्रवार को", "अगस्त में"):
        raw = (
            "बस्तर में नया पुल\n\nजगदलपुर। जिले में नए पुल का काम शुरू हुआ।\n\n"
            f"मंत्री रमेश कुमार {when} जिले के दौरे पर रहे। उन्होंने कहा कि पुल अगले साल तक बन जाएगा।\n"
        )
        assert [q["speaker"] for q in parse_text(raw)["quotes"]] == ["रमेश कुमार"], when
