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

import json
import posixpath
from collections.abc import Sequence

from .. import addresses
from ..text import escape_html, front_matter
from ..vocabulary import Vocabulary
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


THEME_WORDS_WEIGHT = 0.5
"""How much a theme's name found by a search counts, beside the document's own words (Pagefind's default is 1)."""


def theme_words(vocabulary: Vocabulary, themes: Sequence[str]) -> str:
    """The names of a document's themes and their aliases, as words the search finds, not shown on the page.

    ``themes.yml`` gives each theme the other words people search for ("NAI",
    "county lines", "CSE"). A review tagged with a theme may never use those
    words, so a practitioner searching for them would miss it; the details
    panel, where the themes are shown, is kept out of the search text (its
    labels would otherwise be every result's excerpt). So the words go here,
    hidden from readers and from screen readers, and counting for less than
    the document's own words.
    """
    names = []
    for slug in themes:
        term = vocabulary.themes[slug]
        names.append(f"{term.label} ({', '.join(term.aliases)})" if term.aliases else term.label)
    if not names:
        return ""
    return f'<p hidden data-pagefind-weight="{THEME_WORDS_WEIGHT}">Themes: {escape_html("; ".join(names))}.</p>'


FILTER_RULE = (
    "Tick more than one box in a group to see documents with any of them. "
    "Boxes ticked in different groups must all match: a theme and a year finds documents with both."
)
"""How the filters combine (OR within a group, AND across groups), said on the page where readers choose them."""


def facets(index: LibraryIndex) -> dict[str, object]:
    """The filter groups the search page offers, with their values in the order readers expect.

    Pagefind returns facet values in no useful order ("1 to 4, 10 to 14, 15 to
    17, 5 to 9, Under 1"), so the page carries the order from ``themes.yml``:
    age bands youngest first, types as reviews then briefings, themes and
    agencies alphabetically; years are put newest first by the script. Values
    an index holds that are not listed here (another library's words) follow
    in alphabetical order.
    """
    v = index.vocabulary
    groups: list[dict[str, object]] = []
    search = index.settings.regional_search
    if search is not None:
        groups.append({"name": "library", "label": "Library", "values": [search.label, *(lib.label for lib in search.libraries)]})
    groups += [
        {"name": "theme", "label": "Theme", "values": sorted((t.label for t in v.themes.values()), key=str.casefold)},
        {
            "name": "type",
            "label": "Type",
            "groups": [
                {"label": "Reviews", "values": [t.label for t in v.review_types.values()]},
                {"label": "Briefings", "values": [t.label for t in v.briefing_types.values()]},
            ],
        },
        {"name": "year", "label": "Year", "newest_first": True},
        {"name": "age", "label": "Age of the child", "values": [t.label for t in v.age_bands.values()]},
        {"name": "agency", "label": "Agency", "values": sorted((t.label for t in v.agencies.values()), key=str.casefold)},
    ]
    settings: dict[str, object] = {"facets": groups}
    if search is not None:
        settings["own"] = search.label
        settings["libraries"] = [{"label": lib.label, "url": lib.url, "index": lib.index} for lib in search.libraries]
    return settings


def page(index: LibraryIndex) -> str:
    """The search page: a form that works without JavaScript, and the results and filters the script fills in.

    Results come straight under the search box. The filters are one "Filter"
    disclosure above them on a phone (it says how many are on) and a column
    beside them on a wide screen, and they stay hidden until the script has
    built them: without JavaScript there is nothing they could do.
    """
    uri = addresses.SEARCH
    urls = index.settings.directory_urls
    # The form sends the query to this very page: "." from its own folder, or its own file name.
    action = posixpath.basename(addresses.page_url(uri, urls)) or "."
    script = addresses.asset_href(uri, SCRIPT, urls)
    reviews, briefings, themes = (
        addresses.href(uri, target, urls) for target in (addresses.REVIEWS_INDEX, addresses.BRIEFINGS_INDEX, addresses.THEMES_INDEX)
    )
    where = "and in the other libraries of the region " if index.settings.regional_search else ""
    front = front_matter(
        "Search", f"Search every review and briefing {where}and narrow the results by theme, type, year, age and agency.", hide=["toc"]
    )
    settings = escape_html(json.dumps(facets(index), ensure_ascii=False, separators=(",", ":")))
    return f"""{front}<form class="ll-search" role="search" action="{action}" method="get" data-ll-search>
<label for="ll-search-q">Search reviews and briefings</label>
<div class="ll-search-row">
<input id="ll-search-q" name="q" type="search" autocomplete="off">
<button type="submit" class="md-button md-button--primary">Search</button>
</div>
</form>

<div class="ll-search-layout">
<details class="ll-filters ll-disclosure" data-ll-filters hidden>
<summary>Filter<span data-ll-filter-count></span></summary>
<p class="ll-filter-rule">{escape_html(FILTER_RULE)}</p>
<div class="ll-facets" data-ll-facets data-ll-settings="{settings}"></div>
<button type="button" class="md-button ll-clear" data-ll-clear hidden>Clear filters</button>
</details>
<div class="ll-search-results">
<div class="ll-search-bar">
<p class="ll-search-status" role="status" aria-live="polite" data-ll-status></p>
<div class="ll-search-sort" data-ll-sort hidden>
<label for="ll-search-sort">Sort by</label>
<select id="ll-search-sort" name="sort">
<option value="">Relevance</option>
<option value="date">Newest first</option>
</select>
</div>
</div>
<p class="ll-search-notice" data-ll-notice hidden></p>
<ol class="ll-results" data-ll-results></ol>
</div>
</div>

<script src="{script}"></script>
<noscript>Search needs JavaScript. Browse the <a href="{reviews}">reviews</a>, <a href="{briefings}">briefings</a> or <a href="{themes}">themes</a> instead.</noscript>
"""
