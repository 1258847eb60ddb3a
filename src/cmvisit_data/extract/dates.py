"""Printed dates -> ISO dates.

Finds dates as pages print them, in English and Hindi: "August 23, 2025", "23 August 2025",
"Aug 23", "28 Aug, 2025", "21-08-2025" (day first, as Indian pages print it), "2025-08-21", "12-Aug-2023",
"28 अगस्त 2025", with Devanagari digits too. A date without a year is found (a dateline
needs to know where it ends) but has no ISO value: nothing here guesses a year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .. import rules
from ..memo import pure
from ..patterns import first_chars

_EN_MONTH = "|".join(sorted(rules.EN_MONTHS, key=len, reverse=True))
_HI_MONTH = "|".join(sorted(rules.HI_MONTHS, key=len, reverse=True))
_D = rf"[{rules.DIGITS}]"
_DAY = rf"{_D}{{1,2}}(?:{'|'.join(rules.EN_ORDINAL_SUFFIXES)})?"
_YEAR = rf"{_D}{{4}}"

# Every date starts with a digit or a month's first letter: looked ahead for, one test
# rejects most positions (see `patterns`).
DATE_RE = re.compile(
    rf"(?={_D}|{first_chars(rules.EN_MONTHS)})(?<![A-Za-z_{rules.DIGITS}])(?:"
    rf"(?P<m1>{_EN_MONTH})\.?\s+(?P<d1>{_DAY})(?:\s*,\s*|\s+)?(?P<y1>{_YEAR})?"  # August 23, 2025 / Aug 23
    rf"|(?P<d2>{_DAY})\s+(?P<m2>{_EN_MONTH}|{_HI_MONTH})\.?(?:\s*,\s*|\s+)?(?P<y2>{_YEAR})?"  # 23 August 2025
    rf"|(?P<d3>{_D}{{1,2}})[-/.](?P<n3>{_D}{{1,2}})[-/.](?P<y3>{_YEAR})"  # 21-08-2025
    rf"|(?P<y4>{_YEAR})-(?P<n4>{_D}{{2}})-(?P<d4>{_D}{{2}})"  # 2025-08-21
    rf"|(?P<d5>{_D}{{1,2}})[-/ ](?P<m5>{_EN_MONTH})[-/](?P<y5>{_YEAR})"  # 12-Aug-2023
    rf")(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    start: int  # offsets relative to the searched string
    end: int
    iso: str | None  # None when the year is not printed or the date does not exist


_ORDINAL_LETTERS = "".join(sorted({c for x in rules.EN_ORDINAL_SUFFIXES for c in x + x.upper()}))


def _int(text: str) -> int:
    return int(text.translate(rules.DEVANAGARI_DIGITS).rstrip(_ORDINAL_LETTERS))


def _month(name: str) -> int:
    name = name.rstrip(".")
    return rules.EN_MONTHS.get(name.casefold()) or rules.HI_MONTHS[name]


def _iso(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> FoundDate:
    g = m.groupdict()
    if g["m1"]:
        iso = _iso(_int(g["y1"]) if g["y1"] else None, _month(g["m1"]), _int(g["d1"]))
    elif g["m2"]:
        iso = _iso(_int(g["y2"]) if g["y2"] else None, _month(g["m2"]), _int(g["d2"]))
    elif g["m5"]:
        iso = _iso(_int(g["y5"]), _month(g["m5"]), _int(g["d5"]))
    elif g["y3"]:
        iso = _iso(_int(g["y3"]), _int(g["n3"]), _int(g["d3"]))
    else:
        iso = _iso(_int(g["y4"]), _int(g["n4"]), _int(g["d4"]))
    end = m.end()
    while end > m.start() and m.string[end - 1] in " ,":
        end -= 1
    return FoundDate(m.start(), end, iso)


@pure
def find_dates(text: str) -> tuple[FoundDate, ...]:
    """Every date printed in text, in order."""
    return tuple(_from_match(m) for m in DATE_RE.finditer(text))
