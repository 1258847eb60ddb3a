"""The strict JSON reader, and `--weights` read with it (issue 23 R6): finite numbers only, no
duplicate key, bounded depth, digits and size; every refusal one line with the file and the
JSON pointer, never "internal error"."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cmvisit_data import strictjson
from cmvisit_data.cli import main
from cmvisit_data.header import model
from cmvisit_data.header.features import FEATURES


@pytest.mark.parametrize(
    ("text", "pointer", "words"),
    [
        ('{"a": [1, NaN]}', "/a/1", "NaN"),
        ('{"a": {"b": Infinity}}', "/a/b", "Infinity"),
        ('{"a": -Infinity}', "/a", "-Infinity"),
        ('{"x": 1e400}', "/x", "infinity"),
        ('{"a": 1, "b": {"c": 2, "c": 3}}', "/b", "appears twice"),
        ('{"n": ' + "9" * 5000 + "}", "/n", "5,000 digits"),
        ('{"a~/b": [0, {"c": NaN}]}', "/a~0~1b/1/c", "NaN"),
        ('{"k": [' + "[" * 100 + "]" * 100 + "]}", "/k/0" + "/0" * 62, "deeper than 64"),
    ],
)
def test_loads_refuses_with_the_json_pointer(text, pointer, words):
    with pytest.raises(strictjson.StrictJSONError) as caught:
        strictjson.loads(text)
    assert caught.value.pointer == pointer and words in caught.value.message


def test_loads_reads_ordinary_json_as_json_does():
    text = '{"a": [1, -2.5e3, "x\\"]{", null, true, {"b": []}], "c": 1e308}'
    assert strictjson.loads(text) == json.loads(text)


def test_a_hundred_thousand_levels_are_refused_without_recursing():
    with pytest.raises(strictjson.StrictJSONError, match="deeper than 64"):
        strictjson.loads("[" * 100_000 + "]" * 100_000)


def _weights() -> dict:
    return json.loads(model.WEIGHTS_PATH.read_text(encoding="utf-8"))


def _with(text_of_coef: str) -> str:
    """The package's weights with the title's first coefficient written as text_of_coef."""
    data = _weights()
    data["roles"]["title"]["coef"][0] = "@@"
    return json.dumps(data).replace('"@@"', text_of_coef)


CASES = {
    "nan": (_with("NaN"), "/roles/title/coef/0"),
    "infinity": (_with("Infinity"), "/roles/title/coef/0"),
    "overflow": (_with("1e400"), "/roles/title/coef/0"),
    "1e308": (_with("1e308"), "/roles/title/coef/0"),
    "5000-digit integer": (_with("9" * 5000), "/roles/title/coef/0"),
    "duplicate key": (json.dumps(_weights()).replace('"format": 1', '"format": 1, "format": 1'), "/"),
    "100k deep": (_with("[" * 100_000 + "]" * 100_000), "/roles/title/coef/0" + "/0" * 60),
}


@pytest.mark.parametrize("case", list(CASES))
def test_weights_are_read_strictly_naming_the_file_and_pointer(write, english_seed, case):
    text, pointer = CASES[case]
    path = write("w.json", text)
    with pytest.raises(model.WeightsError) as caught:
        model.load(path)
    assert f"{path}: " in str(caught.value) and f"{pointer}: " in str(caught.value)
    result = CliRunner().invoke(main, ["parse", str(english_seed), "--weights", str(path)])
    assert (
        result.exit_code == 2 and "internal error" not in result.output and "Traceback" not in result.output
    )
    last = result.stderr.strip().splitlines()[-1]
    assert "--weights" in last and str(path) in last and pointer in last


def test_weights_files_are_bounded_in_size_and_must_be_regular(write, tmp_path):
    big = write("big.json", json.dumps(_weights()) + " " * model.MAX_WEIGHTS_BYTES)
    with pytest.raises(model.WeightsError, match="over the limit"):
        model.load(big)
    import os

    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    with pytest.raises(model.WeightsError, match="FIFO"):
        model.load(fifo)


def test_the_package_weights_and_a_rewritten_copy_still_load(write):
    assert model.load(write("w.json", json.dumps(_weights(), indent=1))).roles.keys() == FEATURES.keys()
