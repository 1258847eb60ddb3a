"""An HTML page -> its rendering: the plain text of its main content, by a fixed procedure.

trafilatura chooses the main content (pinned in pyproject; `deduplicate=False`, since its
dedup cache makes one page's output depend on the pages before it; every option given
explicitly). Its XML output is then rendered by the walker here, not by trafilatura's text
output: the headline, byline and date lines the page's structured data gives first, then
headings, paragraphs and list items ("• ") in order, one blank line between blocks. Embedded
posts (`blockquote.twitter-tweet`) are read from the page itself and written in the
attribution-line form of EXTRACTION.md, so that the post finder reads them as it reads text.
The rendering is a pure function of the page's text and the pinned library."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from ..inputs import refused
from .structured import read_structured

BULLET = "• "
# The options given to trafilatura, every one fixed (a default that moves would move the text).
EXTRACT_OPTIONS: dict[str, Any] = {
    "output_format": "xml",
    "include_comments": False,
    "include_formatting": False,
    "include_links": False,
    "include_images": False,
    "include_tables": True,
    "deduplicate": False,
    "favor_precision": False,
    "favor_recall": False,
    "with_metadata": False,
    "fast": False,
}


@dataclass(frozen=True)
class Post:
    text: str
    attribution: str  # "— Name (@handle) Month D, YYYY"
    url: str | None


@dataclass
class Rendering:
    """The rendering, the page's structured metadata and where each of its values was found."""

    text: str
    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    # field -> (start, end) of each printed value in text (byline: one per name).
    printed: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)  # the page's blockquote.twitter-tweet, in order


def _clean(text: str) -> str:
    return " ".join("".join(c for c in text if not refused(c)).split())


def _inline(element: Any) -> str:
    """The text of an element, <lb/> as a line break, white space collapsed within lines."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag not in ("list", "table"):
            parts.append(_inline(child))
        parts.append(child.tail or "")
    lines = (_clean(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _blocks(element: Any, posts: list[Post], used: set[int]) -> list[str]:
    """The rendered blocks of trafilatura's <main>, in order."""
    out: list[str] = []
    for child in element:
        if child.tag == "list":
            items = [BULLET + _inline(item) for item in child.iter("item") if _inline(item)]
            out.extend(["\n".join(items)] if items else [])
        elif child.tag == "table":
            rows = [" | ".join(_inline(c) for c in row.iter("cell")) for row in child.iter("row")]
            out.extend(["\n".join(r for r in rows if r.strip(" |"))] if rows else [])
        elif child.tag == "quote":
            text = "\n".join(filter(None, (_inline(p) for p in child.iter("p")))) or _inline(child)
            post = _post_for(text, posts, used)
            out.append(_post_block(post) if post is not None else text)
        elif child.tag in ("div", "main"):
            out.extend(_blocks(child, posts, used))
        else:
            text = _inline(child)
            post = _post_for(text, posts, used)
            out.extend([_post_block(post)] if post is not None else [text] if text else [])
    return [block for block in out if block]


def _post_for(text: str, posts: list[Post], used: set[int]) -> Post | None:
    for i, post in enumerate(posts):
        if i not in used and post.text and text.startswith(post.text[:60]):
            used.add(i)
            return post
    return None


def _post_block(post: Post) -> str:
    return f"{post.text}\n{post.attribution}"


_TWEET_XPATH = '//blockquote[contains(concat(" ", normalize-space(@class), " "), " twitter-tweet ")]'


def read_posts(tree: Any) -> list[Post]:
    """Every `blockquote.twitter-tweet` of the page: its text, attribution line and status link."""
    posts = []
    for quote in tree.xpath(
        '//blockquote[contains(concat(" ", normalize-space(@class), " "), " twitter-tweet ")]'
    ):
        paragraphs = quote.xpath(".//p")
        text = "\n".join(_clean(p.text_content()) for p in paragraphs if _clean(p.text_content()))
        rest = "".join(p.tail or "" for p in paragraphs[-1:])
        links = quote.xpath(".//a[contains(@href, '/status/')]")
        date = _clean(links[-1].text_content()) if links else ""
        by = _clean(rest.replace("&mdash;", "—"))
        if not by.startswith(("—", "–", "-")):
            by = "— " + by
        url = links[-1].get("href").split("?", 1)[0] if links else None
        posts.append(Post(text, f"{by} {date}".strip(), url))
    return posts


# A page whose body text is mostly link text is a listing (a section front, a tag page, a
# menu): trafilatura then returns the links' text, which is no article.
LISTING_LINK_SHARE = 0.6


def _link_share(tree: Any) -> float:
    """Share of the body's text (scripts and styles left out) that is inside <a> elements."""
    body = tree.find("body")
    if body is None:
        return 0.0
    total = sum(len(t.strip()) for t in body.xpath(".//text()[not(ancestor::script or ancestor::style)]"))
    linked = sum(len(t.strip()) for t in body.xpath(".//a//text()"))
    return linked / total if total else 0.0


def render(text: str, name: str) -> Rendering | list[Problem]:
    """The page's rendering, or a typed problem when it has no main content."""
    import lxml.etree
    import lxml.html
    import trafilatura

    try:
        tree = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        tree = None
    if tree is None:
        return [
            Problem("no-main-content", "the page cannot be read as HTML: it holds no elements", file=name)
        ]
    if _link_share(tree) > LISTING_LINK_SHARE:
        return [Problem("no-main-content", "most of the page's text is links: a listing or a menu, "
                        "not an article", file=name)]  # fmt: skip
    values, sources = read_structured(tree)
    posts = read_posts(tree)
    xml = trafilatura.extract(tree, **EXTRACT_OPTIONS)
    main = lxml.etree.fromstring(xml).find("main") if xml else None
    used: set[int] = set()
    blocks = _blocks(main, posts, used) if main is not None else []
    if not blocks:
        return [Problem("no-main-content", "trafilatura finds no main text on this page (a listing, "
                        "a menu or an empty page?)", file=name)]  # fmt: skip
    blocks += [_post_block(p) for i, p in enumerate(posts) if i not in used]
    heading = main.find("head")
    if "title" not in values and heading is not None and heading.get("rend") == "h1" and _inline(heading):
        values["title"], sources["title"] = _inline(heading), "heading"  # the page's own <h1>
    rendering = _assemble(blocks, values, sources)
    rendering.posts = posts
    return rendering


def _assemble(blocks: list[str], values: dict[str, Any], sources: dict[str, str]) -> Rendering:
    """The header lines the structured data gives (each printed once), then the blocks."""
    header: list[tuple[str, str]] = []
    title = values.get("title")
    if title:
        header.append(("title", title))
        if blocks[0] == title and len(blocks) > 1:
            blocks = blocks[1:]  # the page's own headline: printed once, at the top
    if values.get("byline"):
        header.append(("byline", "By " + ", ".join(values["byline"])))
    if values.get("published"):
        header.append(("published", values["published"]))
    lines = [line for _, line in header]
    text = "\n\n".join(lines + blocks) + "\n"
    printed: dict[str, list[tuple[int, int]]] = {}
    at = 0
    for role, line in header:
        if role == "byline":
            pos, spans = at + 3, []
            for author in values["byline"]:
                spans.append((pos, pos + len(author)))
                pos += len(author) + 2
            printed["byline"] = spans
        else:
            printed[role] = [(at, at + len(line))]
        at += len(line) + 2
    return Rendering(text, values, sources, printed)
