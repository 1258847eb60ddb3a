"""The parser's memoised steps change no output: their results are immutable, their caches
bounded, and a document parsed with warm caches gives the record it gives with cold ones."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from cmvisit_data import memo
from cmvisit_data.extract.dates import FoundDate
from cmvisit_data.parse import parse_text

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SAMPLES = (
    "said Chief Minister Vishnu Deo Sai,",
    "मुख्यमंत्री श्री विष्णु देव साय ने कहा कि",
    "RAIPUR, August 23, 2025:",
    "रायपुर, 23 अगस्त 2025",
    "By Staff Reporter | Updated: Aug 23, 2025",
    "",
)


# A short page of our own beside the seeds, so that every memoised step is on the path.
PAGE = """Chhattisgarh signs three MoUs in Tokyo on the first day of the visit
By Staff Reporter | Updated: Aug 23, 2025

RAIPUR, August 23, 2025: The state signed three agreements with Japanese firms on Saturday.

“We will build the plant in Naya Raipur,” said Chief Minister Vishnu Deo Sai.

Sai said, “Investors have found a partner in the state.”
"""


def _texts() -> list[str]:
    return [PAGE] + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _immutable(value: object) -> bool:
    if isinstance(value, tuple):
        return all(map(_immutable, value))
    return value is None or isinstance(value, str | int | float | bool | FoundDate | re.Match)


def test_every_memoised_function_is_bounded_and_returns_immutable_values():
    for text in _texts():
        parse_text(text)
    assert len(memo.MEMOISED) >= 8
    for fn in memo.MEMOISED:
        assert fn.cache_info().maxsize == memo.SIZE, fn.__wrapped__.__name__
        assert fn.cache_info().currsize > 0, f"{fn.__wrapped__.__name__} is not on the parse path"
        for sample in SAMPLES:
            of_text = next(iter(inspect.signature(fn.__wrapped__).parameters.values())).annotation == "str"
            result = fn(sample if of_text else tuple(sample.split()))  # of a text, or of its words
            assert _immutable(result), (fn.__wrapped__.__name__, result)


def test_parsing_with_warm_caches_gives_the_same_parts_as_with_cold_ones():
    texts = _texts()
    memo.clear()
    cold = [parse_text(t) for t in texts]
    warm = [parse_text(t) for t in reversed(texts)][::-1]
    again = [parse_text(t) for t in texts]
    assert cold == warm == again
    assert all(fn.cache_info().hits for fn in memo.MEMOISED if fn.cache_info().currsize > 1)


def test_a_long_argument_is_answered_but_never_kept():
    from cmvisit_data.extract.speakers import english_subject
    from cmvisit_data.header.text import norm

    memo.clear()
    caches = {fn.__wrapped__.__name__: fn for fn in memo.MEMOISED}
    line = "Raipur  NEWS " * 200  # 2,600 characters
    assert norm(line) == " ".join(line.split()).casefold()
    assert caches["norm"].cache_info().currsize == 0
    assert norm("Raipur  NEWS") == "raipur news" and caches["norm"].cache_info().currsize == 1
    words = ["Chief", "Minister", "Vishnu", "Deo", "Sai"]
    assert english_subject(words * 10) == english_subject(words * 10)  # 50 words: not kept
    assert caches["_english_subject"].cache_info().currsize == 0
    assert english_subject(words) == ("name", "Vishnu Deo Sai")
    assert caches["_english_subject"].cache_info().currsize == 1
