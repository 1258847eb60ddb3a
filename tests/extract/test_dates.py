from __future__ import annotations

import pytest

from cmvisit_data.extract.dates import find_dates


@pytest.mark.parametrize(
    ("text", "printed", "iso"),
    [
        ("Friday, 12 September 2025", "12 September 2025", "2025-09-12"),
        ("Updated : March 3, 2024 | 9:10 am", "March 3, 2024", "2024-03-03"),
        ("Posted 7 Sept, 2023 10:00", "7 Sept, 2023", "2023-09-07"),
        ("दुर्ग, 5 दिसम्बर 2024।", "5 दिसम्बर 2024", "2024-12-05"),
        ("बिलासपुर, २ मार्च २०२४", "२ मार्च २०२४", "2024-03-02"),
        ("dated 09-01-2025 by the office", "09-01-2025", "2025-01-09"),  # day first
        ("on 2025-01-09", "2025-01-09", "2025-01-09"),
        ("Bhilai, Oct 2 (IANS)", "Oct 2", None),  # no year: found, never guessed
        ("on 31 February 2025", "31 February 2025", None),  # no such day
    ],
)
def test_dates(text, printed, iso):
    (found,) = find_dates(text)
    assert text[found.start : found.end] == printed
    assert found.iso == iso


def test_words_that_look_like_months_need_a_day():
    assert find_dates("you may march on") == ()


def test_dashed_month_dates_and_dates_glued_to_a_place():
    from cmvisit_data.extract.dates import find_dates

    assert [d.iso for d in find_dates("12-Aug-2023 07:05 PM")] == ["2023-08-12"]
    assert [d.iso for d in find_dates("भोपालJul 09, 2025 / 06:53 pm")] == ["2025-07-09"]
    assert find_dates("RefAug 09, 2025") == ()  # glued to a Latin word: not a date
