"""The search page, and the marks the document pages carry for the search index.

The page is a form that works without JavaScript (it reloads the page with
the query in the address) and the places ``search.js`` fills with results and
facets. Its addresses (the script, the pages to browse instead) are worked out
from the page's own address, so they hold with ``use_directory_urls: false``.

What enters the index, and as what, is decided by markup the pages carry:
:func:`filter_span` makes visible text a facet value (a theme, a type, an
agency), and :func:`hidden_facts` adds the facets, sort keys and result
metadata a page does not show as text. Only review and briefing pages are
indexed (see :mod:`learning_library.search`).
"""

from __future__ import annotations

import posixpath

from .. import addresses
from ..text import escape_html, front_matter
from .library_index import LibraryIndex

SCRIPT = "search.js"


def filter_span(name: str, value: str) -> str:
    """Visible text that is also a facet value of the page (a theme, a type, an agency)."""
    return f'<span data-pagefind-filter="{name}">{escape_html(value)}</span>'


def hidden_facts(*, year: int, date: str, summary: str, kind: str) -> str:
    """Facets, sort keys and result metadata that the page does not show as text of their own."""
    return (
        f'<span hidden data-pagefind-filter="year">{year}</span>'
        f'<span hidden data-pagefind-sort="date:{date}" data-pagefind-meta="date:{date}"></span>'
        f'<span hidden data-pagefind-meta="kind:{kind}"></span>'
        f'<span hidden data-pagefind-meta="summary[data-summary]" data-summary="{escape_html(summary)}"></span>'
    )


def page(index: LibraryIndex) -> str:
    """The search page: a form that works without JavaScript, and the results and facets the script fills in."""
    uri = addresses.SEARCH
    urls = index.settings.directory_urls
    # The form sends the query to this very page: "." from its own folder, or its own file name.
    action = posixpath.basename(addresses.page_url(uri, urls)) or "."
    script = addresses.asset_href(uri, SCRIPT, urls)
    reviews, briefings, themes = (
        addresses.href(uri, target, urls) for target in (addresses.REVIEWS_INDEX, addresses.BRIEFINGS_INDEX, addresses.THEMES_INDEX)
    )
    front = front_matter(
        "Search", "Search every review and briefing, and narrow the results by theme, type, year, age and agency.", hide=["toc"]
    )
    return f"""{front}<form class="ll-search" role="search" action="{action}" method="get" data-ll-search>
<label for="ll-search-q">Search reviews and briefings</label>
<div class="ll-search-row">
<input id="ll-search-q" name="q" type="search" autocomplete="off">
<button type="submit" class="md-button md-button--primary">Search</button>
</div>
<label for="ll-search-sort">Sort by</label>
<select id="ll-search-sort" name="sort">
<option value="">Relevance</option>
<option value="date">Newest first</option>
</select>
<div class="ll-facets" data-ll-facets></div>
</form>

<p class="ll-search-status" role="status" aria-live="polite" data-ll-status></p>
<ol class="ll-results" data-ll-results></ol>

<script src="{script}"></script>
<noscript>Search needs JavaScript. Browse the <a href="{reviews}">reviews</a>, <a href="{briefings}">briefings</a> or <a href="{themes}">themes</a> instead.</noscript>
"""
