from __future__ import annotations

from cmvisit_data.dedup import duplicates, signature

BODY = (
    "The state cabinet approved a new industrial policy on Monday that offers land at lower rates "
    "to firms building factories in tribal districts, and promises faster approvals for power and "
    "water connections within thirty days of an application being filed by any investor."
)


def record(*paragraphs: str) -> dict:
    return {"paragraphs": [{"text": p} for p in paragraphs]}


def test_lightly_edited_copies_are_marked_with_the_earliest_original():
    a = signature(record(BODY, "Officials said more details would follow."))
    b = signature(record(BODY, "Officials said more details would follow next week."))
    c = signature(
        record(
            "A completely different story about a cricket match played in the rain."
            " The home side won by six wickets after a late collapse by the visitors"
            " who had looked set for a big total until lunch on the second day."
        )
    )
    found = duplicates([("bbbb", "2025-08-24", b), ("aaaa", "2025-08-23", a), ("cccc", None, c)])
    assert found == {"bbbb": "aaaa"}


def test_undated_copies_lose_to_dated_ones_and_ties_go_to_the_smaller_id():
    sig = signature(record(BODY))
    assert duplicates([("0002", None, sig), ("0003", "2025-01-01", sig)]) == {"0002": "0003"}
    assert duplicates([("0009", None, sig), ("0001", None, sig)]) == {"0009": "0001"}


def test_short_bodies_are_never_marked():
    assert signature(record("Too short to judge.")) is None
    assert duplicates([("a", None, None), ("b", None, None)]) == {}


def test_signature_is_deterministic():
    assert signature(record(BODY)) == signature(record(BODY))
