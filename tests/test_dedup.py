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


def test_signature_is_the_documented_minhash_whatever_the_word_hashes_remembered(monkeypatch):
    import zlib

    import numpy as np

    from cmvisit_data import dedup

    def reference(text: str) -> bytes:  # the method as the module docstring states it, slowly
        words = dedup._WORD_RE.findall(text.casefold())
        shingles = []
        for i in range(len(words) - dedup.SHINGLE + 1):
            h = 0
            for w in words[i : i + dedup.SHINGLE]:
                h = (h * 1_000_003 + zlib.crc32(w.encode())) % 2**64
            shingles.append(h)
        out = []
        for mask in dedup._masks().tolist():
            values = []
            for h in shingles:
                x = ((h ^ mask) * 0x9E3779B97F4A7C15) % 2**64
                values.append((x ^ (x >> 29)) & 0xFFFFFFFF)
            out.append(min(values))
        return np.array(out, dtype="<u4").tobytes()

    hindi = "राज्य मंत्रिमंडल ने सोमवार को नई औद्योगिक नीति को मंजूरी दी जिसमें आदिवासी जिलों में कारखाने लगाने वाली कंपनियों को कम दर पर जमीन मिलेगी"
    monkeypatch.setattr(dedup._WordHashes, "LIMIT", 5)  # forgotten again and again on the way
    dedup._WORD_HASHES.clear()
    for text in (BODY, hindi, BODY):
        assert signature(record(text)) == reference(text)


def test_two_copies_of_a_release_with_different_press_office_footers_are_one_release():
    # parsed from text: the footers are boilerplate, so they never reach the signature
    from cmvisit_data.parse import parse_text

    head = "Cabinet approves new industrial policy\n\nRaipur, 4 March 2025: " + BODY + "\n\n"
    first = parse_text(head + "AB/SK\n\n(Release ID: 2204518)\n\nRead this release in: Hindi\n")
    second = parse_text(head + "क्रमांक-2041/राजेश\n\n© 2025 Example Times. All rights reserved.\n")
    assert signature(first) is not None and signature(first) == signature(second)
    found = duplicates([("bbbb", "2025-03-04", signature(second)), ("aaaa", "2025-03-04", signature(first))])
    assert found == {"bbbb": "aaaa"}


def _generated(edits: int) -> tuple[dict, dict]:
    """Two generated bodies of 100 distinct words, the second with `edits` words replaced at
    even intervals: each replaced word changes the five 5-grams that hold it."""
    words = [f"word{i}" for i in range(100)]
    edited = list(words)
    step = len(words) // (edits + 1)
    for e in range(1, edits + 1):
        edited[e * step] = f"edit{e}"
    return record(" ".join(words)), record(" ".join(edited))


def _estimated_similarity(a: bytes, b: bytes) -> float:
    """The share of equal MinHash values: the package's estimate of the 5-gram Jaccard."""
    import numpy as np

    return float((np.frombuffer(a, dtype="<u4") == np.frombuffer(b, dtype="<u4")).mean())


def test_the_threshold_separates_a_pair_at_two_thirds_from_a_pair_at_nine_tenths():
    far = [signature(r) for r in _generated(edits=4)]  # 4 of 100 words: Jaccard 0.655
    near = [signature(r) for r in _generated(edits=1)]  # 1 of 100 words: Jaccard 0.901
    assert 0.6 <= _estimated_similarity(*far) <= 0.7
    assert 0.85 <= _estimated_similarity(*near) <= 0.95
    assert duplicates([("aaaa", "2025-01-01", far[0]), ("bbbb", "2025-01-02", far[1])]) == {}
    assert duplicates([("aaaa", "2025-01-01", near[0]), ("bbbb", "2025-01-02", near[1])]) == {"bbbb": "aaaa"}
