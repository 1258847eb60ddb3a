"""Edges of the review page that a mutation test found untested: nesting order, empty pieces,
excerpts, hover titles and a metadata disagreement with no parser value."""

from __future__ import annotations

from cmvisit_data.review.nesting import Mark, marked_html
from cmvisit_data.review.page import EXCERPT_CHARS, _excerpt, _row, _title
from cmvisit_data.review.pieces import Piece


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    marks = [Mark(n, a, b, "pc") for n, (a, b) in enumerate(spans, 1)]
    return marked_html(text, marks, lambda m: f"p{m.number}")


def test_the_longer_of_two_pieces_with_one_start_holds_the_shorter():
    html = _marked("abcdef", [(0, 2), (0, 5)])
    assert html.index('data-piece="2"') < html.index('data-piece="1"')  # the outer one opens first
    assert html.count('data-piece="1"') == 1 and html.count('data-piece="2"') == 1  # nested, not split


def test_an_empty_piece_keeps_its_element():
    assert _marked("ab", [(1, 1)]) == 'a<span class="pc" data-piece="1" id="p1"></span>b'


def test_an_excerpt_is_at_most_its_length_with_the_ellipsis():
    assert len(_excerpt("x" * 100)) == EXCERPT_CHARS and _excerpt("x" * 100).endswith("…")
    assert _excerpt("x" * EXCERPT_CHARS) == "x" * EXCERPT_CHARS


def test_a_quote_title_names_no_owner_but_a_cue_names_its_quote():
    assert _title(Piece(3, "quote", 0, 5, "x", of="quote 1")) == "3. quote [0-5]"
    assert " of quote 1" in _title(Piece(4, "cue", 6, 10, "said", of="quote 1"))


def test_a_metadata_value_the_parser_did_not_give_is_empty_not_an_absent_item():
    row = _row(1, {"field": "title", "pointer": "/title", "annotation": "T", "parser": None, "parser_index": None},
               [], "en", True)  # fmt: skip
    assert "(not there)" not in row
