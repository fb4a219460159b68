"""The theme pages, each a learning hub, and the themes overview.

A theme page leads with what a practitioner can use: the latest briefing on
the theme, what its reviews teach (the themes they share, the learning points
of the newest), where their recommendations stand, then everything on it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .. import addresses
from ..content import Document
from ..text import escape_markdown, front_matter
from ..vocabulary import BRIEFING, REVIEW
from . import feed
from .library_index import LibraryIndex
from .listings import listing
from .progress import status_sentence
from .seen_before import recurring_recommendations

LEARNING_REVIEWS_ON_THEME = 5
"""Reviews whose learning points a theme page lists: the newest, so a theme with many reviews stays readable."""
SHARED_THEMES_SHOWN = 8


def page(index: LibraryIndex, slug: str) -> str:
    """A theme as a learning hub: its latest briefing, the learning its reviews share, their recommendations, then everything on it."""
    term = index.vocabulary.themes[slug]
    uri = addresses.theme_uri(slug)
    documents = index.by_theme.get(slug, [])
    reviews = [d for d in documents if d.kind == REVIEW]
    briefings = [d for d in documents if d.kind == BRIEFING]
    follow = feed.theme_feed(index, slug)
    parts = [front_matter(term.label, term.description, feeds=feed.head_links([follow])), f"{escape_markdown(term.description)}\n"]
    if term.aliases:
        parts.append(f"Also known as: {escape_markdown(', '.join(term.aliases))}.\n")
    parts.append(
        f"Follow this theme in a feed reader: [new reviews and briefings on {escape_markdown(term.label.lower())}]"
        f"({addresses.relative(uri, follow.uri)}) (Atom feed).\n"
    )
    if briefings:
        parts.append("## Latest briefing\n\n" + listing(index, briefings[:1], uri))
    shared = _shared_learning(index, slug, reviews, uri)
    if shared:
        parts.append(shared)
    rows = [row for row in index.tracked if slug in row.review.themes]
    if rows:
        link = addresses.relative(uri, addresses.TRACKER) + f"?theme={slug}"
        parts.append(
            f"## Recommendations\n\nThe reviews on this theme made {status_sentence(rows)} "
            f"[See them in the recommendations tracker]({link}).\n"
        )
        parts.append(recurring_recommendations(index, slug, uri))
    parts.append(f"## Briefings ({len(briefings)})\n\n{listing(index, briefings, uri)}")
    parts.append(f"## Reviews ({len(reviews)})\n\n{listing(index, reviews, uri)}")
    return "\n".join(parts)


def _shared_learning(index: LibraryIndex, slug: str, reviews: Sequence[Document], uri: str) -> str:
    """What a theme's reviews have in common: the other themes several of them share, and the newest reviews' learning points."""
    themes = index.vocabulary.themes
    counted: dict[str, int] = defaultdict(int)
    for review in reviews:
        for theme in review.themes:
            if theme != slug:
                counted[theme] += 1
    order = list(themes)
    common = sorted((t for t, n in counted.items() if n >= 2), key=lambda t: (-counted[t], order.index(t)))
    lines = []
    if common:
        lines.append(
            f"Themes these reviews share, with the number of the {len(reviews)} reviews on "
            f"{escape_markdown(themes[slug].label.lower())} that teach about each:\n"
        )
        lines += [
            f"- [{escape_markdown(themes[t].label)}]({addresses.relative(uri, addresses.theme_uri(t))}): {counted[t]}"
            for t in common[:SHARED_THEMES_SHOWN]
        ]
        lines.append("")
    points: list[str] = []
    listed = 0
    for review in reviews:
        found = index.learning_points(review)
        if found:
            link = addresses.relative(uri, addresses.document_uri(review))
            points.append(f"- [{escape_markdown(review.title)}]({link})")
            points += [f"    - [{escape_markdown(text)}]({link}#{anchor})" for text, anchor in found]
            listed += 1
            if listed == LEARNING_REVIEWS_ON_THEME:
                break
    if points:
        lines.append("Learning points from the newest reviews:\n")
        lines += [*points, ""]
    return "## What the reviews teach\n\n" + "\n".join(lines) if lines else ""


def overview(index: LibraryIndex) -> str:
    """Every theme, grouped by its facet in ``themes.yml``, with how much is published on it."""
    uri = addresses.THEMES_INDEX
    vocabulary = index.vocabulary
    parts = [
        front_matter("Themes", "Every theme in the library, grouped."),
        "Every review and briefing is tagged with the themes it teaches about.\n",
    ]
    for facet in vocabulary.facets or [""]:
        terms = [t for t in vocabulary.themes.values() if t.facet == facet or not vocabulary.facets]
        if not terms:
            continue
        label = vocabulary.facets[facet].label if facet else "Themes"
        lines = [
            f"- [{escape_markdown(t.label)}]({addresses.relative(uri, addresses.theme_uri(t.slug))}) "
            f"({len(index.by_theme.get(t.slug, []))}): {escape_markdown(t.description)}"
            for t in terms
        ]
        parts.append(f"## {escape_markdown(label)}\n\n" + "\n".join(lines) + "\n")
    return "\n".join(parts)
