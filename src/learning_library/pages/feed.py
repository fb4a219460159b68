"""The Atom feed of publications, so practitioners and partner agencies can follow new learning in a feed reader.

Only what is on the site that day enters the feed: drafts and scheduled
documents never do, because the feed is written from the same list of live
documents as every other page. Addresses are the site's ``site_url`` joined
with each page's address; without a ``site_url`` they stay relative to the
feed, which sits at the root of the site.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

from .. import addresses
from .library_index import LibraryIndex

FEED_SIZE = 50
"""The newest publications in the feed; readers poll it, so it stays small."""
ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def absolute(path: str, site_url: str | None) -> str:
    """A path of the site (``reviews/x/``, ``feed.xml``) as the feed gives it: joined to ``site_url`` when the site has one."""
    path = path or "./"
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path) if site_url else path


def address(uri: str, site_url: str | None, directory_urls: bool = True) -> str:
    """The address of a page for the feed."""
    return absolute(addresses.page_url(uri, directory_urls), site_url)


def _id(uri: str, day: dt.date, site_url: str | None, directory_urls: bool) -> str:
    """A permanent id: the page's address, or a tag URI when the site has no address of its own yet."""
    if site_url:
        return address(uri, site_url, directory_urls)
    return f"tag:learning-library.invalid,{day.isoformat()}:{posixpath.splitext(uri)[0]}"


def atom(index: LibraryIndex) -> str:
    """The feed, as XML text: the newest live documents, with the site's name as title and author.

    Every text and attribute is escaped by ElementTree, so an author's
    ``<``, ``&`` or quotes reach a feed reader as text.
    """
    settings, vocabulary = index.settings, index.vocabulary
    title, site_url, directory_urls = settings.site_name, settings.site_url, settings.directory_urls
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    entries = list(index.live[:FEED_SIZE])
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "en"})
    sub(feed, "title", title)
    sub(feed, "subtitle", "New reviews and briefings")
    sub(feed, "link", rel="self", type=MEDIA_TYPE, href=absolute(addresses.FEED, site_url))
    sub(feed, "link", rel="alternate", type="text/html", href=address(addresses.HOME, site_url, directory_urls))
    sub(feed, "id", absolute(addresses.FEED, site_url) if site_url else "tag:learning-library.invalid,2024:feed")
    newest = max((d.published for d in entries), default=dt.date(2000, 1, 1))
    sub(feed, "updated", _timestamp(newest))
    author = sub(feed, "author")
    sub(author, "name", title)
    for document in entries:
        uri = addresses.document_uri(document)
        entry = sub(feed, "entry")
        sub(entry, "title", document.title)
        sub(entry, "link", rel="alternate", type="text/html", href=address(uri, site_url, directory_urls))
        sub(entry, "id", _id(uri, document.published, site_url, directory_urls))
        sub(entry, "published", _timestamp(document.published))
        sub(entry, "updated", _timestamp(document.published))
        sub(entry, "summary", document.summary)
        sub(entry, "category", term=document.type, label=vocabulary.type_term(document.type).label)
        for theme in document.themes:
            sub(entry, "category", term=theme, label=vocabulary.themes[theme].label)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
