"""The marked text: every piece's elements, joined in document order, give exactly its text,
whether spans nest, touch or cross; the HTML stays well formed; text is escaped."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmvisit_data.review.nesting import Mark, escape_text, marked_html

from .dom import piece_texts, read


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    marks = [Mark(n, a, b, "pc") for n, (a, b) in enumerate(spans, 1)]
    return marked_html(text, marks, lambda m: f"p{m.number}")


def _check(text: str, spans: list[tuple[int, int]]) -> dict[str, str]:
    fragment = _marked(text, spans)
    got = piece_texts(f'<div class="text">{fragment}</div>')
    for n, (a, b) in enumerate(spans, 1):
        assert got.get(str(n), "") == text[a:b], (n, a, b)
    assert "".join(read(f'<div class="text">{fragment}</div>').texts.get("", [])) == text
    return got


def test_crossing_spans_split_the_later_one():
    text = "abcdefghij"
    fragment = _marked(text, [(1, 6), (4, 9)])
    # piece 2 starts inside piece 1 and ends after it: closed where 1 ends, opened again
    assert fragment == (
        'a<span class="pc" data-piece="1" id="p1">bcd<span class="pc" data-piece="2" id="p2">ef</span></span>'
        '<span class="pc cont" data-piece="2">ghi</span>j'
    )
    _check(text, [(1, 6), (4, 9)])


def test_nested_touching_and_equal_spans():
    text = "He said: “we will invest here” — CM (@cm) 1 May 2025"
    post = (0, len(text))
    cue = (3, 7)
    quote = (9, 30)
    attribution = (31, len(text))
    _check(text, [post, cue, quote, attribution, (9, 30), (7, 9)])


def test_three_crossing_chains_and_empty_pieces():
    text = "0123456789abcdef"
    _check(text, [(0, 5), (3, 8), (6, 12), (10, 16), (4, 4), (16, 16), (0, 16)])


def test_hindi_text_is_marked_by_code_point():
    text = "मुख्यमंत्री ने कहा कि “छत्तीसगढ़ में निवेश बढ़ेगा।” — विष्णुदेव साय"
    cue = (text.index("कहा कि"), text.index("कहा कि") + len("कहा कि"))
    quote = (text.index("छत्तीसगढ़"), text.index("बढ़ेगा।") + len("बढ़ेगा।"))
    speaker = (text.index("विष्णुदेव"), len(text))
    crossing = (text.index("निवेश"), text.index("साय"))  # from inside the quote into the speaker
    got = _check(text, [cue, quote, speaker, crossing])
    assert got["2"].startswith("छत्तीसगढ़") and got["4"].endswith("विष्णुदेव ")


def test_text_is_escaped_and_kept_to_the_character():
    text = "<script>alert(\"x\")</script> & 'q'\r\nline\x0bend"
    fragment = _marked(text, [(0, 8), (5, 20)])
    assert "<script" not in fragment and "\r" not in fragment and "&#13;" in fragment
    _check(text, [(0, 8), (5, 20)])
    assert escape_text('"<>&') == "&quot;&lt;&gt;&amp;"


def test_a_span_outside_the_text_is_refused():
    with pytest.raises(ValueError, match="piece 1: span 2-9"):
        _marked("abc", [(2, 9)])


_TEXT = st.text(alphabet="ab <>&\"'\r\nकहाि्ं“”", min_size=0, max_size=40)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.data())
def test_any_spans_give_their_texts(text, data):
    bound = st.integers(min_value=0, max_value=len(text))
    spans = data.draw(st.lists(st.tuples(bound, bound).map(sorted).map(tuple), max_size=8))
    _check(text, spans)
