"""The review page (issue 27): one self-contained HTML file that shows what the parser made of
documents, so that a curator can see an extraction before correcting it.

`pieces` says what a record locates (title, byline, date, dateline, highlights, quotes and
their cues, posts and their attribution lines, related links, boilerplate); `nesting` marks
those spans in the text as well-formed nested elements; `page` writes the page; `documents`
gives the records of raw documents (parsed here, compared with their annotations) and
`release` those of a release (rebuilt from its tables). The command is `cmvisit review`
(`cli.review`).
"""

from .page import Reviewed, review_page

__all__ = ["Reviewed", "review_page"]
