"""The header's text tests: tokens are case-folded words, however they are folded."""

from __future__ import annotations

import random

from cmvisit_data.header.text import _TOKEN_RE, tokens


def test_tokens_of_an_ascii_text_are_its_words_each_folded():
    # An ASCII text is folded whole before it is split: the same tokens as folding each one.
    rng = random.Random(7)
    alphabet = [chr(c) for c in range(32, 127)] + ["\t", "\n", "’"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert tokens(text) == [t.casefold() for t in _TOKEN_RE.findall(text)], text
    assert tokens("Chief Minister's VISIT") == ["chief", "minister's", "visit"]
    assert tokens("मुख्यमंत्री SAI’S Straße") == ["मुख्यमंत्री", "sai’s", "strasse"]


def test_a_breadcrumb_trail_ends_before_the_headline():
    from cmvisit_data.header.text import breadcrumb_end

    text = "Home / India News / Rice mills to open in Korba next month"
    assert text[breadcrumb_end(text) :] == "Rice mills to open in Korba next month"
    assert breadcrumb_end("होम » छत्तीसगढ़ » कोरबा में नई चावल मिलें अगले महीने खुलेंगी") is not None
    assert breadcrumb_end("Home / India News / Korba") is None  # no headline after the trail
    assert breadcrumb_end("Home / A long section name here / Rice mills open") is None  # not a crumb
    assert breadcrumb_end("Home / News > Rice mills to open in Korba next month") is None  # mixed
