"""Header understanding: what each early line of a page is, decided by a fitted scorer.

A page opens with furniture (menus, section labels, widgets, captions), then a headline,
maybe a standfirst, byline and date lines, then the body. Position alone does not tell them
apart on an outlet the parser has never met, so each candidate is described by named
features (`features`) and scored by a logistic model whose weights were fitted on annotated
pages (`model`, `weights.json`, fitted by `tools/fit_header.py`). The decision is a separate
readable step: the best candidate above the role's threshold wins, or none does.
`extract.metadata` asks this package which line is the title and which date is the
publication date; `cmvisit parse --explain` shows every candidate with its features.
"""
