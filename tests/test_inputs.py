from __future__ import annotations

import hashlib

import pytest

from cmvisit_data.inputs import Document, decode, read_path


def test_decodes_utf8_exactly_and_hashes_the_bytes(write):
    data = "Raipur: hello\r\nदूसरी पंक्ति\n".encode()
    doc = read_path(write("ok.txt", data))
    assert isinstance(doc, Document)
    assert doc.text == data.decode("utf-8")  # CRLF kept, nothing normalised
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.size == len(data)


def test_invalid_utf8_names_line_column_and_byte(write):
    data = b"line one\nline two \xff\xfe here\n"
    problems = read_path(write("bad.txt", data))
    assert [p.type for p in problems] == ["invalid-utf8"]
    p = problems[0]
    assert (p.line, p.column) == (2, 10)
    assert "byte 18" in p.message and p.file.endswith("bad.txt")


def test_truncated_multibyte_sequence_is_reported(write):
    data = "ठीक".encode()[:-1]
    (problem,) = read_path(write("cut.txt", data))
    assert problem.type == "invalid-utf8"
    assert "cut short" in problem.message


@pytest.mark.parametrize("data", [b"", b"  \n\t \n"])
def test_empty_and_whitespace_only(write, data):
    (problem,) = read_path(write("empty.txt", data))
    assert problem.type == "empty-document"


def test_nul_bytes_are_located(write):
    (problem,) = read_path(write("nul.txt", b"abc\ndef\x00ghi\x00"))
    assert problem.type == "nul-bytes"
    assert (problem.line, problem.column) == (2, 4)
    assert "2 in all" in problem.message


def test_random_binary_is_binary_content(write):
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4096))
    (problem,) = read_path(write("blob.txt", data))
    assert problem.type == "binary-content"


def test_size_limit_refuses_without_reading(write):
    path = write("big.txt", b"a" * 2000)
    (problem,) = read_path(path, max_bytes=1000)
    assert problem.type == "file-too-large"
    assert "2,000 bytes" in problem.message and "--max-bytes" in problem.hint
    assert isinstance(read_path(path, max_bytes=2000), Document)


def test_a_file_that_grows_after_it_was_measured_is_read_whole_or_refused(write, monkeypatch):
    import os
    from types import SimpleNamespace

    import cmvisit_data.inputs as inputs

    data = ("Raipur: a line that keeps growing\n" * 60).encode()
    path = write("growing.txt", data)
    real_stat = os.stat
    # The size seen before opening is smaller than what is there when the file is read.
    monkeypatch.setattr(
        inputs.os, "stat", lambda p: SimpleNamespace(st_size=10) if str(p) == str(path) else real_stat(p)
    )
    doc = read_path(path, max_bytes=len(data) + 5)
    assert isinstance(doc, Document) and doc.text == data.decode()  # nothing cut off at the old size
    (problem,) = read_path(path, max_bytes=len(data) - 1)
    assert problem.type == "file-too-large"


@pytest.mark.parametrize("char", ["\u202e", "\u2067", "\u200f", "\x07", "\x85"])
def test_invisible_controls_are_reported_not_removed(char):
    text = f"Title\nsome {char}text\n"
    (problem,) = decode(text.encode(), "x.txt")
    assert problem.type == "control-characters"
    assert f"U+{ord(char):04X}" in problem.message
    assert (problem.line, problem.column) == (2, 6)


def test_joiners_used_by_devanagari_are_allowed():
    text = "क्‍ष और क्‌ष\n"  # ZWJ and ZWNJ shape Devanagari conjuncts
    assert isinstance(decode(text.encode(), "x.txt"), Document)


def test_missing_file(tmp_path):
    (problem,) = read_path(tmp_path / "nope.txt")
    assert problem.type == "file-not-found"


def test_open_regular_refuses_a_link_when_told_not_to_follow_one(tmp_path):
    import os

    from cmvisit_data.inputs import open_regular

    target = tmp_path / "real.txt"
    target.write_text("text\n", encoding="utf-8")
    os.symlink(target, tmp_path / "link.txt")
    handle, problems = open_regular(tmp_path / "link.txt")
    assert handle is not None and problems == []
    handle.close()
    handle, problems = open_regular(tmp_path / "link.txt", follow_links=False)
    assert handle is None and [p.type for p in problems] == ["not-a-file"]


def test_a_link_that_loops_is_refused_in_one_line(tmp_path):
    import os

    from cmvisit_data.inputs import open_regular

    os.symlink("loop.txt", tmp_path / "loop.txt")
    for follow in (True, False):
        handle, problems = open_regular(tmp_path / "loop.txt", follow_links=follow)
        assert handle is None and [p.type for p in problems] == ["not-a-file"]
