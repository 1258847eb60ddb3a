"""The scoring benchmarks/html_f1.py reports the main-text F1 with (issue 26): what each
measure gives on texts where the answer is known."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "html_f1.py"


@pytest.fixture(scope="module")
def f1():
    spec = importlib.util.spec_from_file_location("html_f1", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_token_bag_f1_counts_repeated_tokens_and_ignores_case_and_punctuation(f1):
    assert f1.bag_f1("The scheme, the SCHEME.", "the scheme the scheme") == 1.0
    assert f1.bag_f1("a b", "c d") == 0.0
    assert f1.bag_f1("a a b", "a b") == pytest.approx(0.8)  # precision 2/3, recall 1
    assert f1.bag_f1("", "") == 1.0


def test_snippets_score_found_with_snippets_and_leaked_without_snippets(f1):
    scored = f1.Snippets()
    scored.score(
        "Water for  forty villages.\nHome News",
        ["Water for forty villages.", "missing"],
        ["Home News", "x y"],
    )
    assert (scored.tp, scored.fn, scored.fp, scored.tn) == (1, 1, 1, 1)
    assert scored.f1() == {"precision": 0.5, "recall": 0.5, "f1": 0.5}


def test_a_span_that_does_not_select_its_text_in_the_rendering_is_named(f1):
    record = {
        "raw_text": "<p>x</p>",
        "rendering": "Title\n\nBody text.\n",
        "paragraphs": [{"text": "Body text.", "start": 7, "end": 17}],
        "quotes": [{"text": "Body", "start": 0, "end": 4}],
    }
    assert f1.spans_broken(record) == ["/quotes/0"]
