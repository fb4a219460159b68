"""Lists of documents, and the reviews and briefings indexes made of them.

The same list (title, type, date, summary, themes) serves the indexes, theme
and year pages, what's new, the home page and a document's related learning,
so a reader recognises it everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from .. import addresses
from ..content import Document
from ..text import escape_html, escape_markdown, format_date, front_matter, plural
from ..vocabulary import REVIEW, Term
from . import feed
from .library_index import LibraryIndex

PAGE_SIZE = 50
"""Documents per page of the reviews and briefings indexes: short enough for a phone."""


def listing(index: LibraryIndex, documents: Sequence[Document], from_uri: str) -> str:
    """A list of documents with their type, date, summary and themes, as on every index page.

    Written as HTML, not Markdown: indexes and theme pages list every
    document, and in a large library converting those lists from Markdown
    would cost more than all the other generated pages together.
    """
    if not documents:
        return "Nothing has been published here yet.\n"
    vocabulary = index.vocabulary
    urls = index.settings.directory_urls
    items = []
    for d in documents:
        link = addresses.href(from_uri, addresses.document_uri(d), urls)
        themes = ", ".join(
            f'<a href="{addresses.href(from_uri, addresses.theme_uri(t), urls)}">{escape_html(vocabulary.themes[t].label)}</a>'
            for t in d.themes
        )
        items.append(
            f'<li><a class="ll-item-title" href="{link}">{escape_html(d.title)}</a><br>'
            f'<span class="ll-item-meta">{escape_html(vocabulary.type_term(d.type).label)} · {format_date(d.published)}</span><br>'
            f"{escape_html(d.summary)}<br>"
            f'<span class="ll-item-themes">Themes: {themes}</span></li>'
        )
    return '<ul class="ll-list">\n' + "\n".join(items) + "\n</ul>\n"


def theme_links(index: LibraryIndex, themes: Iterable[str], from_uri: str, *, facet: bool = False) -> str:
    """Links to theme pages; on a document's own page they are also its search facets."""
    mark = '{data-pagefind-filter="theme"}' if facet else ""
    return ", ".join(
        f"[{escape_markdown(index.vocabulary.themes[t].label)}]({addresses.relative(from_uri, addresses.theme_uri(t))}){mark}"
        for t in themes
    )


def count_line(documents: Sequence[Document]) -> str:
    """How many reviews and briefings: ``2 reviews, 1 briefing``."""
    reviews = sum(1 for d in documents if d.kind == REVIEW)
    return f"{plural(reviews, 'review')}, {plural(len(documents) - reviews, 'briefing')}"


def index_pages(index: LibraryIndex, kind: str) -> dict[str, str]:
    """The index of all reviews or all briefings, newest first, in pages of :data:`PAGE_SIZE`."""
    documents = index.reviews if kind == REVIEW else index.briefings
    title = "Reviews" if kind == REVIEW else "Briefings"
    intro = (
        "Reviews of what happened when a child died or was seriously harmed, and what professionals must learn. Newest first."
        if kind == REVIEW
        else "Briefings that bring together learning for practice, including 7-minute briefings for team meetings. Newest first."
    )
    chunks = [documents[i : i + PAGE_SIZE] for i in range(0, len(documents), PAGE_SIZE)] or [[]]
    types = index.vocabulary.review_types if kind == REVIEW else index.vocabulary.briefing_types
    feeds = [feed.type_feed(index, slug) for slug in types]
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        uri = addresses.index_page_uri(kind, number)
        heading = title if number == 1 else f"{title}, page {number} of {len(chunks)}"
        nav = _pager(kind, number, len(chunks), uri)
        if number == 1:
            meta = front_matter(heading, intro, feeds=feed.head_links(feeds))
            pages[uri] = meta + f"{intro}\n\n{nav}{listing(index, chunk, uri)}\n{nav}\n{_follow(types, feeds, uri)}"
        else:
            pages[uri] = front_matter(heading, intro) + f"{intro}\n\n{nav}{listing(index, chunk, uri)}\n{nav}"
    return pages


def _follow(types: Mapping[str, Term], feeds: Sequence[feed.Feed], uri: str) -> str:
    """Links to the feed of each type, for readers who follow one kind of publication."""
    items = "\n".join(
        f"- [{escape_markdown(term.label)}]({addresses.relative(uri, f.uri)})" for term, f in zip(types.values(), feeds, strict=True)
    )
    return f"## Follow new publications by type\n\nEach type has an Atom feed for feed readers:\n\n{items}\n"


def _pager(kind: str, number: int, total: int, uri: str) -> str:
    if total == 1:
        return ""
    links = []
    if number > 1:
        links.append(f"[← Newer]({addresses.relative(uri, addresses.index_page_uri(kind, number - 1))})")
    links.append(f"Page {number} of {total}")
    if number < total:
        links.append(f"[Older →]({addresses.relative(uri, addresses.index_page_uri(kind, number + 1))})")
    return '<nav class="ll-pager" aria-label="Pages" markdown>' + " · ".join(links) + "</nav>\n\n"
