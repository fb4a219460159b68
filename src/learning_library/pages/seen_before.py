"""The "seen this before" sections: what a review's page and a theme hub show of the learning that recurs.

A review's page lists the earlier reviews and briefings whose learning reads
most like its own, with the themes they share; a theme hub lists the
recommendations that more than one of its reviews made, in their own words,
with how many reviews and over which years. What counts as alike is
:mod:`learning_library.similarity`'s business; this module only shows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import addresses
from ..content import Document
from ..similarity import Made
from ..text import escape_html, escape_markdown, format_date, plural
from .library_index import LibraryIndex

RECURRING_SHOWN = 6
"""Recurring recommendations a theme hub lists: the ones most reviews made again."""
HEADING = "Seen this before?"


def earlier_learning(index: LibraryIndex, review: Document, uri: str) -> str:
    """The "Seen this before?" section of a review's page: earlier documents with the most similar learning, or nothing."""
    found = index.seen_before(review)
    if not found:
        return ""
    urls = index.settings.directory_urls
    vocabulary = index.vocabulary
    items = []
    for other, shared in found:
        link = addresses.href(uri, addresses.document_uri(other), urls)
        themes = (
            ", ".join(
                f'<a href="{addresses.href(uri, addresses.theme_uri(t), urls)}">{escape_html(vocabulary.themes[t].label)}</a>'
                for t in shared
            )
            or "none"
        )
        items.append(
            f'<li><a class="ll-item-title" href="{link}">{escape_html(other.title)}</a><br>'
            f'<span class="ll-item-meta">{escape_html(vocabulary.type_term(other.type).label)} · {format_date(other.published)}</span><br>'
            f'<span class="ll-item-themes">Themes in common: {themes}</span></li>'
        )
    # Other documents' titles are not this document's text: the search index leaves the section out.
    return (
        '<section class="ll-seen-before" data-pagefind-ignore="all" markdown>\n\n'
        f"## {HEADING}\n\n"
        "Earlier reviews and briefings whose learning and recommendations are most like this review's, "
        "most alike first. They are found from the words of the learning itself, not only from the themes.\n\n"
        '<ul class="ll-list">\n' + "\n".join(items) + "\n</ul>\n\n</section>\n"
    )


def recurring_recommendations(index: LibraryIndex, slug: str, uri: str) -> str:
    """The recommendations several of a theme's reviews made, each with how many reviews and the years, or nothing."""
    rows = []
    for group in index.similarity.recurring:
        on_theme = [
            (made, index.by_slug[made.slug])
            for made, _ in group.members
            if made.slug in index.by_slug and slug in index.by_slug[made.slug].themes
        ]
        reviews = list({review.slug: review for _, review in on_theme}.values())
        if len(reviews) >= 2:
            rows.append((on_theme[0][0], sorted(reviews, key=lambda r: (r.published, r.slug))))
    if not rows:
        return ""
    rows.sort(key=lambda row: (-len(row[1]), -row[1][-1].published.toordinal()))
    lines = [
        "### Recommendations made again\n",
        "Recommendations that more than one review on this theme made, each in its own words: "
        "one of them, then how many reviews made one like it, and when.\n",
    ]
    lines += [_recurring_line(made, reviews, uri) for made, reviews in rows[:RECURRING_SHOWN]]
    return "\n".join(lines) + "\n"


def _recurring_line(made: Made, reviews: Sequence[Document], uri: str) -> str:
    first, last = reviews[0].published.year, reviews[-1].published.year
    years = str(first) if first == last else f"{first} to {last}"
    links = ", ".join(f"[{escape_markdown(r.title)}]({addresses.relative(uri, addresses.document_uri(r))})" for r in reviews)
    return f"- “{escape_markdown(made.text)}”  \n    **{plural(len(reviews), 'review')}, {years}:** {links}"
