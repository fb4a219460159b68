"""The pages the library generates for browsing, as Markdown for the site builder.

Each page kind has its module, and each page is a function of one
:class:`~learning_library.pages.library_index.LibraryIndex`: the checked
library, indexed once for the day of the build. Nothing here knows which site
builder converts the Markdown; the dialect it is written in is listed in
:mod:`learning_library.pages.dialect`, and the MkDocs adapter
(:mod:`learning_library.mkdocs`) checks that the site turns it on.

- :mod:`~learning_library.pages.document`: a review's or briefing's page (a 7-minute briefing as a handout);
- :mod:`~learning_library.pages.listings`: lists of documents, and the reviews and briefings indexes;
- :mod:`~learning_library.pages.themes`: a learning hub per theme, and the themes overview;
- :mod:`~learning_library.pages.years`: a page per year, and the overview of years;
- :mod:`~learning_library.pages.home`: the blocks of the hand-written home page;
- :mod:`~learning_library.pages.whats_new`, :mod:`~learning_library.pages.tracker` (in pages, at scale),
  :mod:`~learning_library.pages.statistics` (drawn with :mod:`~learning_library.pages.charts`);
- :mod:`~learning_library.pages.packs`: a team pack per agency, to print for a meeting, and their index;
- :mod:`~learning_library.pages.open_data`: the page that explains the open data;
- :mod:`~learning_library.pages.search_page`: the search page and the marks pages carry for the index.

Beside the pages, :func:`data` writes the files that are not pages: the Atom
feeds (:mod:`~learning_library.pages.feed`) and the catalogue with its schema
(:mod:`~learning_library.pages.catalogue`); a document's page carries its
schema.org description (:mod:`~learning_library.pages.structured_data`).
"""

from __future__ import annotations

from .. import addresses
from ..vocabulary import BRIEFING, REVIEW
from . import catalogue, document, feed, listings, open_data, packs, search_page, statistics, themes, tracker, whats_new, years
from .library_index import LibraryIndex, index_library

__all__ = ["LibraryIndex", "data", "generate", "index_library"]


def generate(index: LibraryIndex) -> dict[str, str]:
    """Every generated page, as ``{src_uri: markdown}``; the home page is apart (see :mod:`.home`), and so are the files of :func:`data`."""
    pages: dict[str, str] = {}
    for doc in index.live:
        pages[addresses.document_uri(doc)] = document.page(index, doc)
    pages.update(listings.index_pages(index, REVIEW))
    pages.update(listings.index_pages(index, BRIEFING))
    pages[addresses.THEMES_INDEX] = themes.overview(index)
    for slug in index.vocabulary.themes:
        pages[addresses.theme_uri(slug)] = themes.page(index, slug)
    pages[addresses.SEARCH] = search_page.page(index)
    pages[addresses.YEARS_INDEX] = years.overview(index)
    for year in index.by_year:
        pages[addresses.year_uri(year)] = years.page(index, year)
    pages.update(tracker.pages(index))
    pages[addresses.STATISTICS] = statistics.page(index)
    pages[addresses.WHATS_NEW] = whats_new.page(index)
    pages[addresses.OPEN_DATA] = open_data.page(index)
    pages.update(packs.pages(index))
    return pages


def data(index: LibraryIndex) -> dict[str, str]:
    """Every generated file that is not a page, as ``{path in the site: text}``: the feeds, the catalogue and its schema."""
    return {**feed.files(index), **catalogue.files(index)}
