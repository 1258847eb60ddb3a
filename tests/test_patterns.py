"""A lookahead on first characters changes what no pattern matches, only how fast."""

from __future__ import annotations

import re
import sys

import pytest

from cmvisit_data import rules
from cmvisit_data.patterns import first_chars, led_by_first_chars

from .conftest import SEEDS

LEXICONS = {
    "speech verbs": sorted(rules.EN_SPEECH_VERBS),
    "months": sorted(rules.EN_MONTHS),
    "date labels": sorted(rules.PUBLISHED_LABELS + rules.UPDATED_LABELS),
    "hindi cues": sorted([*rules.HI_CUE_VERBS, *rules.HI_DASH_CUE_VERBS]),
    "marks": ["-x", "]y", "^z", "\\w"],  # first characters a class must escape
}
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + [
    "He SAID, ſaid and Said; TOLD them. Published: 23 AUG; UPDATED on Sept 5 -x ]y ^z \\w",
    "मुख्यमंत्री ने कहा कि निवेश आएगा। उन्होंने बताया- ठीक है",
]


@pytest.mark.parametrize("name", LEXICONS)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_a_led_alternation_matches_what_the_alternation_matches(name, flags):
    words = LEXICONS[name]
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    plain, led = re.compile(alternation, flags), re.compile(led_by_first_chars(alternation, words), flags)
    for text in [*TEXTS, " ".join(words), " ".join(words).upper()]:
        assert [m.span() for m in led.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_first_character_class_matches_the_case_variants_its_letters_match():
    # re.IGNORECASE gives a class the variants it gives a letter ('ſ' for s, 'K' for k).
    letters = "".join(sorted({w[0] for words in LEXICONS.values() for w in words}))
    klass = re.compile(first_chars(letters), re.IGNORECASE)
    any_letter = re.compile("|".join(map(re.escape, letters)), re.IGNORECASE)
    differ = [
        ch
        for ch in map(chr, range(sys.maxunicode + 1))
        if bool(klass.fullmatch(ch)) != bool(any_letter.fullmatch(ch))
    ]
    assert differ == []
