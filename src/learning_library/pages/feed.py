"""The Atom feeds of publications, so practitioners and partner agencies can follow new learning in a feed reader.

The main feed (``feed.xml``) has every new publication; beside it, in
``feeds/``, each theme and each document type has its own, linked from the
theme's page and from the reviews and briefings indexes, so a health visiting
team can follow safer sleep and nothing else.

Only what is on the site that day enters a feed: drafts and scheduled
documents never do, because every feed is written from the same list of live
documents as every other page. Addresses are the site's ``site_url`` joined
with each page's address; without a ``site_url`` they stay relative to the
root of the site.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from .. import addresses
from ..content import Document
from .library_index import LibraryIndex

FEED_SIZE = 50
"""The newest publications in the main feed; readers poll it, so it stays small."""
TOPIC_FEED_SIZE = 20
"""The newest publications in the feed of one theme or one type: there are dozens of these feeds, each polled."""
ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"


@dataclass(frozen=True)
class Feed:
    """One feed: where it is, what it is called, which page it follows, and its documents (newest first)."""

    uri: str
    title: str
    subtitle: str
    page: str
    """The page the feed follows (its ``alternate``), which links to it."""
    documents: Sequence[Document]


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _id(uri: str, day: dt.date, site_url: str | None, directory_urls: bool) -> str:
    """A permanent id: the page's address, or a tag URI when the site has no address of its own yet."""
    if site_url:
        return addresses.public_url(uri, site_url, directory_urls)
    return f"tag:learning-library.invalid,{day.isoformat()}:{posixpath.splitext(uri)[0]}"


def main_feed(index: LibraryIndex) -> Feed:
    return Feed(addresses.FEED, index.settings.site_name, "New reviews and briefings", addresses.HOME, index.live[:FEED_SIZE])


def theme_feed(index: LibraryIndex, slug: str) -> Feed:
    label = index.vocabulary.themes[slug].label
    return Feed(
        addresses.theme_feed(slug),
        f"{index.settings.site_name}: {label}",
        f"New reviews and briefings on {label.lower()}",
        addresses.theme_uri(slug),
        index.by_theme.get(slug, [])[:TOPIC_FEED_SIZE],
    )


def type_feed(index: LibraryIndex, slug: str) -> Feed:
    term = index.vocabulary.type_term(slug)
    kind = index.vocabulary.kind_of_type(slug) or "review"
    documents = [d for d in (index.reviews if kind == "review" else index.briefings) if d.type == slug]
    return Feed(
        addresses.type_feed(slug),
        f"{index.settings.site_name}: {term.label}",
        f"New publications of the type {term.label.lower()}",
        addresses.index_page_uri(kind, 1),
        documents[:TOPIC_FEED_SIZE],
    )


def feeds(index: LibraryIndex) -> list[Feed]:
    """Every feed of the site: the main one, then one per theme and one per document type, in ``themes.yml`` order."""
    vocabulary = index.vocabulary
    return [
        main_feed(index),
        *(theme_feed(index, slug) for slug in vocabulary.themes),
        *(type_feed(index, slug) for slug in [*vocabulary.review_types, *vocabulary.briefing_types]),
    ]


def head_links(feeds: Sequence[Feed]) -> list[dict[str, str]]:
    """Feeds as a page's ``feeds`` front matter, which the templates turn into ``<link rel="alternate">`` in its head."""
    return [{"title": f.title, "path": f.uri} for f in feeds]


def files(index: LibraryIndex) -> dict[str, str]:
    """Every feed as ``{path in the site: XML}``."""
    return {f.uri: write(index, f) for f in feeds(index)}


def atom(index: LibraryIndex) -> str:
    """The main feed, as XML text."""
    return write(index, main_feed(index))


def write(index: LibraryIndex, feed: Feed) -> str:
    """A feed as XML text, with the site's name as author.

    Every text and attribute is escaped by ElementTree, so an author's
    ``<``, ``&`` or quotes reach a feed reader as text.
    """
    settings, vocabulary = index.settings, index.vocabulary
    site_url, directory_urls = settings.site_url, settings.directory_urls
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "en"})
    sub(root, "title", feed.title)
    sub(root, "subtitle", feed.subtitle)
    sub(root, "link", rel="self", type=MEDIA_TYPE, href=addresses.absolute(feed.uri, site_url))
    sub(root, "link", rel="alternate", type="text/html", href=addresses.public_url(feed.page, site_url, directory_urls))
    stem = posixpath.splitext(feed.uri)[0]
    sub(root, "id", addresses.absolute(feed.uri, site_url) if site_url else f"tag:learning-library.invalid,2024:{stem}")
    newest = max((d.published for d in feed.documents), default=dt.date(2000, 1, 1))
    sub(root, "updated", _timestamp(newest))
    author = sub(root, "author")
    sub(author, "name", settings.site_name)
    for document in feed.documents:
        uri = addresses.document_uri(document)
        entry = sub(root, "entry")
        sub(entry, "title", document.title)
        sub(entry, "link", rel="alternate", type="text/html", href=addresses.public_url(uri, site_url, directory_urls))
        sub(entry, "id", _id(uri, document.published, site_url, directory_urls))
        sub(entry, "published", _timestamp(document.published))
        sub(entry, "updated", _timestamp(document.published))
        sub(entry, "summary", document.summary)
        sub(entry, "category", term=document.type, label=vocabulary.type_term(document.type).label)
        for theme in document.themes:
            sub(entry, "category", term=theme, label=vocabulary.themes[theme].label)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
