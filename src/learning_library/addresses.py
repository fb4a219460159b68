"""Addresses: where everything lands in the built site, as paths in the site's (virtual) docs folder.

One home for page addresses, so the link check, the generated pages and the
MkDocs hooks agree on them. Paths are POSIX and relative to ``docs_dir``, the
form MkDocs calls ``src_uri``.
"""

from __future__ import annotations

import functools
import posixpath
import re
from urllib.parse import urljoin

from markdown.extensions.toc import slugify, unique

from .content import Document

REVIEWS_INDEX = "reviews/index.md"
BRIEFINGS_INDEX = "briefings/index.md"
THEMES_INDEX = "themes/index.md"
YEARS_INDEX = "years/index.md"
HOME = "index.md"
SEARCH = "search.md"
TRACKER = "recommendations.md"
"""The recommendations tracker: every published review's recommendations, from its first page (see :func:`tracker_page_uri`)."""
STATISTICS = "statistics.md"
WHATS_NEW = "whats-new.md"
FEED = "feed.xml"
"""The Atom feed of publications, at the root of the site."""
FEEDS = "feeds"
"""The folder of the feeds of one theme or one type, beside the main feed."""
PACKS_INDEX = "packs/index.md"
"""The team packs: one page per agency, gathering what is meant for it, to print for a team meeting."""
OPEN_DATA = "open-data.md"
"""The page that explains the open data: the catalogue, its schema and the feeds."""
CATALOGUE = "catalogue.json"
"""Every published review and briefing as data, at the root of the site."""
CATALOGUE_SCHEMA = "catalogue.schema.json"
"""The JSON Schema of the catalogue, published beside it."""
ASSETS = "assets/learning-library"
"""Where the library's own stylesheet and scripts are published."""
ADMIN = "admin"
"""The browser editor's folder in the site (:mod:`learning_library.editor`): a static page, never a page of the site's."""
GENERATED_FOLDERS = ("reviews", "briefings", "themes", "years", "recommendations", "packs", FEEDS, "pagefind", ASSETS)
"""Folders of ``content/`` the library fills itself; hand-written pages there would clash."""
GENERATED_PAGES = (SEARCH, TRACKER, STATISTICS, WHATS_NEW, OPEN_DATA)
"""Single pages at the top of ``content/`` the library writes itself; a hand-written page of the same name would clash."""


def document_uri(document: Document) -> str:
    return f"{document.kind}s/{document.slug}.md"


def theme_uri(slug: str) -> str:
    return f"themes/{slug}.md"


def year_uri(year: int) -> str:
    return f"years/{year}.md"


def pack_uri(agency: str) -> str:
    """The team pack of one agency (a slug of ``agencies`` in ``themes.yml``)."""
    return f"packs/{agency}.md"


def theme_feed(slug: str) -> str:
    return f"{FEEDS}/themes/{slug}.xml"


def type_feed(slug: str) -> str:
    return f"{FEEDS}/types/{slug}.xml"


def index_page_uri(kind: str, number: int) -> str:
    """The n-th page (from 1) of the index of reviews or briefings."""
    return f"{kind}s/index.md" if number == 1 else f"{kind}s/page-{number}.md"


def tracker_page_uri(number: int) -> str:
    """The n-th page (from 1) of the recommendations tracker: :data:`TRACKER`, then ``recommendations/page-2.md`` and on."""
    return TRACKER if number == 1 else f"recommendations/page-{number}.md"


def attachment_uri(library_relative: str) -> str:
    """Attachments keep their place: ``reviews/files/x.pdf`` is published at ``reviews/files/x.pdf``."""
    return library_relative


def relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for two paths of the site, worked out from the paths alone.

    ``posixpath.relpath`` asks the operating system for the working folder on
    every call, and a large library's pages make hundreds of thousands of links.
    """
    if ".." in path or ".." in start or path.startswith("/") or start.startswith("/"):
        return posixpath.relpath(path, start)
    to = [part for part in path.split("/") if part not in ("", ".")]
    here = [part for part in start.split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(to), len(here)) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


@functools.lru_cache(maxsize=1 << 16)
def relative(from_uri: str, to_uri: str) -> str:
    """A Markdown link from one page to another, which MkDocs turns into the right address."""
    return relpath(to_uri, posixpath.dirname(from_uri) or ".")


def page_url(uri: str, directory_urls: bool = True) -> str:
    """The address of a page, relative to the site root, as the site builder writes it."""
    stem = uri[: -len(".md")] if uri.endswith(".md") else uri
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def absolute(path: str, site_url: str | None) -> str:
    """A path of the site (``reviews/x/``, ``feed.xml``) as other sites and programs get it: joined to ``site_url``.

    Without a ``site_url`` it stays relative to the root of the site (where the feeds and the catalogue are).
    """
    path = path or "./"
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path) if site_url else path


def public_url(uri: str, site_url: str | None, directory_urls: bool = True) -> str:
    """The address of a page for readers elsewhere (a feed, the catalogue, a search engine): see :func:`absolute`."""
    return absolute(page_url(uri, directory_urls), site_url)


@functools.lru_cache(maxsize=1 << 16)
def href(from_uri: str, to_uri: str, directory_urls: bool = True) -> str:
    """A relative address from one page to another, for links written as HTML rather than Markdown.

    Remembered: listings link the same pages from many pages.
    """
    here = page_url(from_uri, directory_urls)
    there = page_url(to_uri, directory_urls)
    folder = here if directory_urls else posixpath.dirname(here)
    path = relpath(there or ".", folder or ".")
    if not there or there.endswith("/"):
        return "./" if path == "." else path + "/"
    return path


def asset_href(from_uri: str, name: str, directory_urls: bool = True) -> str:
    """A relative address from a page to one of the library's own assets (a script, for pages that need one)."""
    here = page_url(from_uri, directory_urls)
    folder = here if directory_urls else posixpath.dirname(here)
    return relpath(f"{ASSETS}/{name}", folder or ".")


_INLINE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*_`]+")


def heading_ids(texts: list[str]) -> list[str]:
    """The ids the site builder gives a page's headings, in order, so other pages can link to one of them.

    The same slugs as Python-Markdown's ``toc`` extension (the one MkDocs uses),
    made unique in the page the same way: a second "Information" becomes
    ``information_1``. Inline Markdown is reduced to its text first, as the
    extension reads the rendered heading.
    """
    used: set[str] = set()
    ids = []
    for text in texts:
        plain = _EMPHASIS.sub("", _INLINE_LINK.sub(r"\1", text))
        ids.append(unique(slugify(plain, "-"), used))
    return ids
