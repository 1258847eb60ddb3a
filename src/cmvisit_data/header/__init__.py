"""Header understanding: what each early line of a page is, decided by a fitted scorer.

A page opens with furniture (menus, section labels, widgets, captions), then a headline,
maybe a standfirst, byline and date lines, then the body. Position alone does not tell them
apart on an outlet the parser has never met, so each candidate is described by named
features (their names per role in `features`; computed in `extract.header_features` and
`extract.post_features`) and scored by a logistic model whose weights were fitted on annotated
pages (`model`, `weights.json`, fitted by `tools/fit_header.py`). The decision is a separate
readable step: the best candidate above the role's threshold wins, or none does.
This package is the scorer alone and imports nothing from `extract`: `extract.header_roles`
and `extract.posts` compute the candidates' features and ask it for their scores.
`cmvisit parse --explain` shows every candidate with its features.
"""
