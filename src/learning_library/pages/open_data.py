"""The open data page: what the site publishes for programs (the catalogue, its schema, the feeds) and how to use it."""

from __future__ import annotations

from .. import addresses
from ..text import escape_markdown, front_matter, plural
from . import feed
from .library_index import LibraryIndex


def page(index: LibraryIndex) -> str:
    """The open data page, as Markdown."""
    uri = addresses.OPEN_DATA
    vocabulary = index.vocabulary
    catalogue = addresses.relative(uri, addresses.CATALOGUE)
    schema = addresses.relative(uri, addresses.CATALOGUE_SCHEMA)
    main = addresses.relative(uri, addresses.FEED)
    themes = addresses.relative(uri, addresses.THEMES_INDEX)
    reviews = addresses.relative(uri, addresses.REVIEWS_INDEX)
    briefings = addresses.relative(uri, addresses.BRIEFINGS_INDEX)
    type_feeds = "\n".join(
        f"    - [{escape_markdown(vocabulary.type_term(slug).label)}]({addresses.relative(uri, feed.type_feed(index, slug).uri)})"
        for slug in [*vocabulary.review_types, *vocabulary.briefing_types]
    )
    return (
        front_matter("Open data", "The reviews and briefings of this library as data, and feeds to follow new learning.")
        + f"""The facts about every review and briefing in this library are published as data, so that other
sites, researchers and regional analyses can use them without copying them by hand. They are made
with every update of the site from the same published documents as its pages: never a draft, a
document not yet published or a full report that has been withdrawn.

## The catalogue

[catalogue.json]({catalogue}) lists the {plural(len(index.live), "published review or briefing", "published reviews and briefings")}:
for each, its title, type, date, summary, themes (each with its label), the age of the child and
the agencies involved, the learning points, the recommendations with their status, and the addresses of its
page and full report.

Its format is described by a JSON Schema, [catalogue.schema.json]({schema}), which programs can
use to check what they read. A document whose family asked that it not be found through search
engines is marked `"search_engines": false`: please honour that wish where you reuse it.

## Feeds

A feed reader shows new publications as they appear:

- [every new review and briefing]({main});
- a feed for each theme, linked from its page under [Themes]({themes});
- a feed for each type, linked from the [Reviews]({reviews}) and [Briefings]({briefings}) pages:
{type_feeds}

## The national case review repository

The partnership sends each published review to the national case review repository with the
command `learning-library export national-repository`, which writes the repository's fields for
the reviews as a spreadsheet (CSV).
"""
    )
