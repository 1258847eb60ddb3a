"""HTML pages at the intake (issue 26): their encoding read from the bytes, the page kept byte
for byte, and the formats that are not read named as what they are."""

from __future__ import annotations

import codecs

from cmvisit_data.inputs import Document, decode, read_path
from cmvisit_data.seeds.folders import expand

PAGE = "<!doctype html><html><head>{meta}<title>T</title></head><body><p>{body}</p></body></html>"


def _page(body: str, meta: str = "") -> str:
    return PAGE.format(meta=meta, body=body)


def test_a_utf8_page_is_a_document_of_its_own_media_type():
    data = _page("Raipur: the Chief Minister said “yes”.").encode()
    doc = decode(data, "p.html", html=True)
    assert isinstance(doc, Document)
    assert (doc.media_type, doc.encoding) == ("text/html", "utf-8")
    assert doc.text.encode(doc.encoding) == data


def test_a_windows_1252_page_declared_so_round_trips_byte_for_byte():
    data = _page("the “scheme” café", '<meta charset="windows-1252">').encode("cp1252")
    doc = decode(data, "p.html", html=True)
    assert isinstance(doc, Document) and doc.encoding == "windows-1252"
    assert "“scheme” café" in doc.text
    assert doc.text.encode(doc.encoding) == data


def test_a_page_declaring_latin1_is_read_as_windows_1252_as_browsers_do():
    data = _page("the “scheme”", '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
    doc = decode(data.encode("cp1252"), "p.htm", html=True)
    assert isinstance(doc, Document) and "“scheme”" in doc.text and doc.encoding == "windows-1252"


def test_an_undeclared_non_utf8_page_is_detected_and_still_round_trips():
    data = _page("Le ministre a déclaré à Raipur que le programme était prêt. " * 5).encode("cp1252")
    doc = decode(data, "p.html", html=True)
    assert isinstance(doc, Document) and doc.text.encode(doc.encoding) == data
    assert "déclaré" in doc.text


def test_a_bom_decides_and_is_kept():
    data = codecs.BOM_UTF8 + _page("x", '<meta charset="windows-1252">').encode()
    doc = decode(data, "p.html", html=True)
    assert isinstance(doc, Document) and doc.encoding == "utf-8" and doc.text.encode("utf-8") == data


def test_a_page_whose_bytes_break_its_declared_encoding_is_refused():
    data = _page("ok", '<meta charset="utf-8">').encode() + b"\xff\xfe\xfa bad"
    problems = decode(data, "p.html", html=True)
    assert [p.type for p in problems] == ["invalid-encoding"]


def test_a_txt_holding_html_is_refused_with_a_hint_to_rename_it():
    (problem,) = decode(_page("x").encode(), "p.txt")
    assert problem.type == "html-document" and ".html" in problem.to_dict()["hint"]


def test_a_pdf_is_named_a_pdf_even_when_its_bytes_are_ascii():
    (problem,) = decode(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n", "r.txt")
    assert problem.type == "unsupported-format"
    assert problem.message == "pdf: not supported; save the release's text as .txt"


def test_utf16_with_or_without_bom_is_diagnosed_as_utf16():
    text = "Raipur: the Chief Minister said the scheme is ready.\n"
    for data in (text.encode("utf-16"), text.encode("utf-16-le"), text.encode("utf-16-be")):
        (problem,) = decode(data, "n.txt")
        assert problem.type == "utf16-document" and "UTF-8" in problem.to_dict()["hint"]


def test_a_page_over_the_limit_is_refused_like_text(tmp_path):
    page = tmp_path / "big.html"
    page.write_text(_page("x" * 5000))
    (problem,) = read_path(page, max_bytes=1000)
    assert problem.type == "file-too-large"


def test_binary_bytes_named_html_are_binary():
    (problem,) = decode(bytes(range(1, 32)) * 40, "p.html", html=True)
    assert problem.type == "binary-content"


def test_folders_give_html_pages_as_documents(tmp_path):
    for name in ("a.html", "b.htm", "c.txt", "d.pdf"):
        (tmp_path / name).write_text("x")
    files, skipped = expand([str(tmp_path)])
    assert [f.rsplit("/", 1)[1] for f in files] == ["a.html", "b.htm", "c.txt"]
    assert [f.rsplit("/", 1)[1] for f in skipped] == ["d.pdf"]


def test_a_page_whose_text_does_not_give_its_bytes_back_is_refused():
    # ISO-2022-JP: a redundant escape sequence decodes to nothing, so it would be lost.
    data = b'<html><head><meta charset="iso-2022-jp"></head><body>\x1b(Bhello\x1b(B</body></html>'
    (problem,) = decode(data, "p.html", html=True)
    assert problem.type == "encoding-not-reversible"
