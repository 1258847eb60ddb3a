"""The parser's outputs on its own corpus (tests/parse_corpus.py) against the stored digests:
a change meant to be output-neutral must leave every document's parse byte-identical."""

from __future__ import annotations

import json

from . import parse_corpus


def test_every_parse_of_the_corpus_matches_its_stored_digest():
    stored = json.loads(parse_corpus.DIGESTS.read_text(encoding="utf-8"))
    now = parse_corpus.digests()
    assert sorted(now) == sorted(stored), "the corpus changed: python tests/parse_corpus.py --update"
    moved = sorted(name for name in now if now[name] != stored[name])
    assert not moved, (
        f"{len(moved)} of {len(now)} parses changed ({', '.join(moved[:10])}); if the change is meant "
        "to move outputs, run python tests/parse_corpus.py --update and say so in the commit"
    )


def test_the_corpus_exercises_every_part_of_the_parser():
    # A corpus that never reached a part could not notice it change.
    from cmvisit_data.parse import parse_text

    seen = {"title": 0, "byline": 0, "dateline": 0, "published": 0,
            "highlights": 0, "direct": 0, "reported": 0, "tweets": 0, "boilerplate": 0}  # fmt: skip
    for text in parse_corpus.documents().values():
        parsed = parse_text(text)
        meta = parsed["metadata"]
        for key in ("title", "dateline", "published"):
            seen[key] += meta[key] is not None
        seen["byline"] += bool(meta["byline"])
        for part in ("highlights", "tweets", "boilerplate"):
            seen[part] += bool(parsed[part])
        for quote in parsed["quotes"]:
            seen[quote["kind"]] += 1
    assert all(count >= 10 for count in seen.values()), seen
