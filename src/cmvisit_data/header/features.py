"""The named features of each role the fitted scorer decides: the schema `weights.json` is
keyed by. Every feature is a number in [0, 1] with a name; `FEATURES` lists them per role, and
the weights file must use these names only. The features are computed next to their users:
the title and published-date candidates in `extract.header_features`, the lines above an
embedded post in `extract.post_features`.
"""

from __future__ import annotations

TITLE_FEATURES = (
    "first", "position", "after_long", "words", "short", "very_long", "ends_sentence", "glued",
    "ends_colon", "pipe", "site_suffix", "title_case", "all_caps", "digits", "script_mismatch",
    "repeated", "lead_overlap", "dateline", "dated", "byline_label", "caption",
    "quote_mark", "speech", "url", "nav_words", "next_long", "next_dateline", "markup", "credit",
    "next_meta", "first_shaped", "next_bullet", "list_heading", "prev_meta",
)  # fmt: skip
DATE_FEATURES = (
    "label_published", "label_updated", "meta_line", "in_dateline", "labelled_elsewhere",
    "before_title", "no_title", "position", "line_words", "has_time", "trailing", "repeated",
    "first", "weekday", "in_sentence",
)  # fmt: skip
# For an embedded post, each line above the one next to its attribution: is it still the
# post's text, or the article's paragraph before it? (Computed in `extract.post_features`;
# the names stay here, with the other roles', as the schema the weights are keyed by.)
POST_LINE_FEATURES = (
    "distance2", "distance_far", "hashtag", "mention", "link", "speech", "quote_mark",
    "ends_colon", "very_long", "short", "ends_sentence", "author_named", "first_person",
    "repeats_below", "third_person",
)  # fmt: skip
FEATURES = {"title": TITLE_FEATURES, "published": DATE_FEATURES, "post_line": POST_LINE_FEATURES}
