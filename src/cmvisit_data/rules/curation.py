"""Curation: annotations and the parser's figures against them (issue 27)."""

# --- Section: scoring against an annotation ---

# An extracted item answers an annotated one when their shared-token F1 is at least this: the
# extraction contract's scorer (eval/score.py) uses 0.5, so a curated figure means what the
# development pages' figure means (half the words in common: the same statement, cut
# differently at its ends).
MATCH_MIN_OVERLAP = 0.5
