"""The disagreements' links: a link goes to the piece the disagreement is about, in the record
shown, and there is none where the parser has no such piece or the record shown is not the
parser's (a release shows the curated record)."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from cmvisit_data.cli import main
from cmvisit_data.release import build

from ..conftest import copy_seeds
from .dom import piece_texts

ENGLISH = "000_a25e3bb1cf0e3701.txt"
HIGHLIGHTS = [
    "Chhattisgarh CM engages Japanese firms to drive technology-based industrial growth.",
    "Emphasis on digital ecosystem strengthening through cloud, cybersecurity, and IT solutions.",
    "Cultural diplomacy and tourism promotion complement investment and trade-focused initiatives.",
]
# A sentence of the body, printed once: a highlight the parser does not give.
BODY = "The visit, combining elements of spirituality, trade diplomacy, and innovation"

_ROW = re.compile(
    r'<tr><td class="field">([^<]*)</td><td class="field">([^<]*)</td><td[^>]*>([^<]*)</td>'
    r'<td[^>]*>([^<]*?)(?: <a href="#d1-p(\d+)">#\d+</a>)?</td></tr>'
)


def _rows(page: str) -> list[tuple[str, str, str, str, str | None]]:
    """(field, pointer, annotation, parser, linked piece number or None) of each disagreement."""
    table = page[page.index('<div class="disagree">') :]
    table = table[: table.index("</div>")]
    rows = _ROW.findall(table)
    assert len(rows) == table.count("<tr>") - 1, table  # every row read (one is the head)
    return [(f, p, a, o, n or None) for f, p, a, o, n in rows]


def _seeds(tmp_path, highlights: list) -> object:
    seeds = copy_seeds(tmp_path / "seeds")
    (seeds / "annotations").mkdir()
    text = json.dumps({"highlights": highlights}, ensure_ascii=False)
    (seeds / "annotations" / f"{ENGLISH}.json").write_text(text, encoding="utf-8")
    return seeds


def _review(tmp_path, *args: str) -> str:
    out = tmp_path / "review.html"
    result = CliRunner().invoke(main, ["review", *args, "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_links_name_the_parsers_piece_and_none_for_an_item_it_has_not(tmp_path):
    seeds = _seeds(tmp_path, [HIGHLIGHTS[2], BODY])
    page = _review(tmp_path, str(seeds / ENGLISH))
    texts = piece_texts(page, "d1")
    rows = _rows(page)
    assert sorted((r[1], r[3], r[4] is not None) for r in rows) == [
        ("", HIGHLIGHTS[0], True),
        ("", HIGHLIGHTS[1], True),
        ("/highlights/1", "(not there)", False),  # the parser has no such piece: no link
    ]
    for _, _, _, parser, number in rows:
        if number is not None:
            assert texts[number] == parser  # the link goes to the very piece the parser gave


def test_a_release_shows_the_parsers_values_without_links(tmp_path):
    seeds = _seeds(tmp_path, [HIGHLIGHTS[2]])
    result = build(seeds, tmp_path / "out", "1.0.0", workers=1)
    assert result.status == "built", [p.one_line() for p in result.problems]
    doc_id = json.loads((tmp_path / "out" / "1.0.0" / "manifest.json").read_text())["inputs"][0]["doc_id"]
    page = _review(tmp_path, str(tmp_path / "out" / "1.0.0"), "--doc", doc_id)
    # The release's record holds the curated highlight only: the parser's two others are not
    # pieces of the page, so they are shown as text, linked to nothing.
    assert [(r[2], r[3], r[4]) for r in _rows(page)] == [
        ("(not there)", HIGHLIGHTS[0], None),
        ("(not there)", HIGHLIGHTS[1], None),
    ]
