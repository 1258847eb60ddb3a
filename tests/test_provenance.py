"""The provenance table: each row checked as the options are, every problem with the table's
line and column, and a table with a problem adds nothing (issue 24, provenance per file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmvisit_data.seeds.provenance import match_table, read_table

TEXT = "Raipur: The state cabinet on Monday approved policy number {} for rice mills.\n"


def _documents(tmp_path: Path, n: int = 3) -> tuple[Path, list[str]]:
    folder = tmp_path / "new"
    folder.mkdir()
    for i in range(1, n + 1):
        (folder / f"p{i}.txt").write_text(TEXT.format(i), encoding="utf-8")
    return folder, [str(folder / f"p{i}.txt") for i in range(1, n + 1)]


def _table(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_each_document_gets_its_own_row_by_name_or_path_and_null_or_empty_is_no_value(tmp_path):
    folder, documents = _documents(tmp_path)
    table = _table(tmp_path, "sources.csv", (
        "file,url,outlet,rights,obtained\n"
        "p1.txt,https://example.org/1,Example Times,CC BY 4.0,copied\n"
        f"{folder}/p2.txt,NULL,Other Daily,,\n"
        "p3.txt,,null,null,\n"
    ))  # fmt: skip
    rows, problems = match_table(table, documents, [str(folder)])
    assert problems == []
    assert rows[documents[0]] == {"url": "https://example.org/1", "outlet": "Example Times",
                                  "rights": "CC BY 4.0", "obtained": "copied"}  # fmt: skip
    assert rows[documents[1]] == {"url": None, "outlet": "Other Daily", "rights": None, "obtained": None}
    assert rows[documents[2]] == dict.fromkeys(("url", "outlet", "rights", "obtained"))


def test_jsonl_rows_with_missing_keys_and_null(tmp_path):
    folder, documents = _documents(tmp_path, 2)
    table = _table(tmp_path, "sources.jsonl", '{"file": "p1.txt", "url": "https://example.org/1"}\n\n'
                   '{"file": "p2.txt", "outlet": null, "rights": "null"}\n')  # fmt: skip
    rows, problems = match_table(table, documents, [str(folder)])
    assert problems == [] and rows[documents[0]]["url"] == "https://example.org/1"
    assert rows[documents[1]] == dict.fromkeys(("url", "outlet", "rights", "obtained"))


def test_every_problem_of_a_csv_table_is_one_line_with_its_line_and_column(tmp_path):
    folder, documents = _documents(tmp_path)
    table = _table(
        tmp_path,
        "sources.csv",
        (
            "file,url,outlet\n"
            "p1.txt,https://example.org/1,Example Times\n"
            "p1.txt,https://example.org/1b,Example Times\n"  # line 3: a second row for p1
            "p9.txt,,\n"  # line 4: not being added
            "p2.txt,javascript:alert(1),Unknown\n"  # line 5: a URL and a reserved outlet
            "p2.txt\u200b,,\n"  # line 6: a name with an invisible character is another name
        ),
    )  # fmt: skip  (p3 has no row)
    rows, problems = match_table(table, documents, [str(folder)])
    assert rows == {}
    lines = [p.one_line() for p in problems]
    assert all(p.type == "provenance-invalid" and p.file == str(table) for p in problems), lines
    assert [p.line for p in problems] == [3, 4, 5, 5, 6, None]
    assert "second row" in lines[0] and "the first is line 2" in lines[0]
    assert "'p9.txt' is not a document this add is given" in lines[1] and "Remove the row" in lines[1]
    assert {"column outlet" in lines[2] + lines[3], "column url" in lines[2] + lines[3]} == {True}
    assert "reserved" in lines[2] + lines[3] and "not an http(s) URL" in lines[2] + lines[3]
    assert "no row for" in lines[5] and "p3.txt" in lines[5] and "Give every document" in lines[5]


def test_an_unknown_column_is_refused_at_the_header(tmp_path):
    folder, documents = _documents(tmp_path, 1)
    table = _table(tmp_path, "sources.csv", "file,url,colour\np1.txt,https://example.org/1,red\n")
    rows, problems = match_table(table, documents, [str(folder)])
    (problem,) = problems
    assert rows == {} and problem.line == 1 and "'colour' is not a provenance column" in problem.message
    assert "file, url, outlet, rights, obtained" in problem.hint


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('{"file": "p1.txt", "colour": "red"}\n', 1, "'colour' is not a provenance column"),
        ('{"file": "p1.txt"}\n{"file": "p1.txt", "url": 5}\n', 2, "a JSON int"),
        ('{"file": "p1.txt"}\n["p1.txt"]\n', 2, "not an object"),
        ('{"file": "p1.txt"}\n{"file": \n', 2, "Expecting value"),
        ('{"file": "p1.txt", "file": "p2.txt"}\n', 1, "twice"),
        ('{"file": "p1.txt", "outlet": "Example\\nTimes"}\n', 1, "line break"),
        # a U+2028 inside a string parts no JSON line: the row is read whole, its value refused
        ('{"file": "p1.txt", "outlet": "Example\u2028Times"}\n{"file": 5}\n', 1, "U+2028"),
    ],
)
def test_jsonl_problems_name_the_line(tmp_path, text, line, words):
    folder, documents = _documents(tmp_path, 1)
    table = _table(tmp_path, "sources.jsonl", text)
    _, problems = match_table(table, documents, [str(folder)])
    assert problems and problems[0].line == line and words in problems[0].one_line(), problems


def test_a_row_that_fits_two_documents_asks_for_the_path(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / "new" / sub).mkdir(parents=True)
        (tmp_path / "new" / sub / "page.txt").write_text(TEXT.format(sub), encoding="utf-8")
    documents = [str(tmp_path / "new" / sub / "page.txt") for sub in ("a", "b")]
    given = [str(tmp_path / "new")]
    table = _table(tmp_path, "sources.csv", "file,outlet\npage.txt,One\n")
    _, problems = match_table(table, documents, given)
    assert "names 2 documents" in problems[0].message and "path as given" in problems[0].hint
    table = _table(tmp_path, "sources.csv", "file,outlet\na/page.txt,One\nb/page.txt,Two\n")
    rows, problems = match_table(table, documents, given)
    assert problems == [] and [rows[d]["outlet"] for d in documents] == ["One", "Two"]


def test_a_table_that_is_not_csv_or_jsonl_or_not_utf8_is_refused(tmp_path):
    assert read_table(_table(tmp_path, "sources.xlsx", "x"))[1][0].type == "unsupported-file"
    latin = tmp_path / "sources.csv"
    latin.write_bytes("file,outlet\np1.txt,Café\n".encode("latin-1"))
    assert read_table(latin)[1][0].type == "invalid-utf8"
    assert read_table(_table(tmp_path, "empty.csv", ""))[1][0].message.startswith("the table is empty")
