"""The recommendations tracker: every published review's recommendations, their owners, status and progress.

Where each recommendation stands is worked out in :mod:`learning_library.pages.progress`;
the tracker shows them all, filterable by status, owner, theme and year. It is
plain HTML that shows everything without JavaScript (a table of every
recommendation is also far quicker to render as HTML than as Markdown);
``tracker.js`` (a file of the site, never an inline script) adds the filters,
which live in the address, so a filtered view is a link.

A regional collection has tens of thousands of recommendations, far too many
for one page, so the tracker is cut into pages of :data:`ROWS_PER_PAGE`,
newest review first, each listing every page and the years of its reviews.
On any page the filters search them all: the script fetches the pages that
can hold a match (only those of the chosen year, if one is chosen) and shows
the matching rows of all of them together.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .. import addresses
from ..content import RECOMMENDATION_STATUSES
from ..text import escape_html, format_date, front_matter, plural
from ..vocabulary import Vocabulary
from .library_index import LibraryIndex
from .listings import pager
from .progress import STATUS_LABELS, Tracked, counts_by_status, overdue_badge, status_badge

SCRIPT = "tracker.js"

ROWS_PER_PAGE = 300
"""Recommendations on one page of the tracker: about 200 KB of HTML, well within the 500 KB a page may weigh.
A library with no more than this has the tracker on one page."""


class _Part(NamedTuple):
    """One page of the tracker: its number, address and rows."""

    number: int
    uri: str
    rows: Sequence[Tracked]


def pages(index: LibraryIndex) -> dict[str, str]:
    """Every page of the tracker, as ``{address: Markdown holding HTML}``: one page, or pages of :data:`ROWS_PER_PAGE` rows."""
    rows = index.tracked
    chunks = [rows[i : i + ROWS_PER_PAGE] for i in range(0, len(rows), ROWS_PER_PAGE)] or [[]]
    parts = [_Part(number, addresses.tracker_page_uri(number), chunk) for number, chunk in enumerate(chunks, start=1)]
    return {part.uri: _page(index, part, parts) for part in parts}


def _page(index: LibraryIndex, part: _Part, parts: Sequence[_Part]) -> str:
    """One page of the tracker: what the tracker is, the counts of all its recommendations, the filters, this page's rows."""
    uri = part.uri
    rows, vocabulary = index.tracked, index.vocabulary
    overdue_after_months, directory_urls = index.settings.overdue_after_months, index.settings.directory_urls
    counts = counts_by_status(rows)
    overdue = sum(1 for row in rows if row.overdue)
    period = plural(overdue_after_months, "month")
    intro = (
        "Every recommendation from the partnership's published reviews: who owns it, its status and the latest evidence of progress. "
        "The partnership monitors each recommendation until the improvement it asked for is evidenced. "
        f"A recommendation still open or in progress whose progress has not been updated for more than {period} is marked **Update overdue**."
    )
    title = "Recommendations tracker" if part.number == 1 else f"Recommendations tracker, page {part.number} of {len(parts)}"
    text = [
        front_matter(title, "Every recommendation from the partnership's reviews, with its owner, status and progress.", hide=["toc"]),
        intro,
        "",
        _summary(counts, overdue, len(rows)),
        "",
    ]
    if not rows:
        text.append("No published review has recommendations yet.\n")
        return "\n".join(text)
    nav = pager(uri, part.number, len(parts), addresses.tracker_page_uri).replace("<nav ", "<nav data-ll-tracker-pager ", 1)
    text += [_filters(rows, vocabulary, part, len(parts)), "", nav + _table(part.rows, vocabulary, uri, directory_urls, len(rows)), "", nav]
    if len(parts) > 1:
        text += [_page_list(uri, parts, directory_urls), ""]
    text.append(f'<script src="{addresses.asset_href(uri, SCRIPT, directory_urls)}"></script>\n')
    return "\n".join(text)


def _page_list(uri: str, parts: Sequence[_Part], directory_urls: bool) -> str:
    """Every page of the tracker with the years of its reviews: a way in by year, and where the filters look.

    Each link carries the years, statuses and overdue flags its page holds, so
    the script fetches only the pages a filter can find something on.
    """
    items = []
    for part in parts:
        years = sorted({row.review.published.year for row in part.rows}, reverse=True)
        span = str(years[0]) if len(years) == 1 else f"{years[-1]} to {years[0]}"
        current = ' aria-current="page"' if part.uri == uri else ""
        statuses = " ".join(s for s in RECOMMENDATION_STATUSES if any(row.status == s for row in part.rows))
        overdue = int(any(row.overdue for row in part.rows))
        items.append(
            f'<li><a href="{addresses.href(uri, part.uri, directory_urls)}" data-years="{" ".join(map(str, years))}" '
            f'data-statuses="{statuses}" data-overdue="{overdue}"{current}>'
            f"Page {part.number}</a>: {plural(len(part.rows), 'recommendation')} of reviews published {span}</li>"
        )
    return (
        f'<nav class="ll-tracker-pages" aria-labelledby="ll-tracker-pages"><h2 id="ll-tracker-pages">All {len(parts)} pages</h2>'
        f"<ol data-ll-tracker-pages>{''.join(items)}</ol></nav>"
    )


def _summary(counts: dict[str, int], overdue: int, total: int) -> str:
    items = "".join(
        f'<li><span class="ll-count" data-ll-count="{status}">{counts[status]}</span> {STATUS_LABELS[status].lower()}</li>'
        for status in RECOMMENDATION_STATUSES
    )
    items += f'<li class="ll-count-overdue"><span class="ll-count" data-ll-count="overdue">{overdue}</span> with an update overdue</li>'
    return (
        f'<h2 id="by-status">{plural(total, "recommendation")} by status</h2>\n'
        f'<ul class="ll-status-counts" aria-labelledby="by-status">{items}</ul>'
    )


def _options(name: str, label: str, values: Sequence[tuple[str, str]]) -> str:
    options = "".join(f'<option value="{escape_html(v)}">{escape_html(text)}</option>' for v, text in values)
    return (
        f'<div class="ll-filter"><label for="ll-tracker-{name}">{label}</label>'
        f'<select id="ll-tracker-{name}" name="{name}"><option value="">All</option>{options}</select></div>'
    )


def _filters(rows: Sequence[Tracked], vocabulary: Vocabulary, part: _Part, pages: int) -> str:
    """The filter form, offering what all the recommendations hold: hidden until the script shows it, since without the script it could not filter."""
    present = {row.status for row in rows}
    statuses = [(s, STATUS_LABELS[s]) for s in RECOMMENDATION_STATUSES if s in present]
    owners = sorted({row.owner for row in rows}, key=str.lower)
    themes_used = {t for row in rows for t in row.review.themes}
    themes = [(slug, term.label) for slug, term in vocabulary.themes.items() if slug in themes_used]
    years = sorted({row.review.published.year for row in rows}, reverse=True)
    return (
        '<form class="ll-tracker-filters" data-ll-tracker-form hidden>'
        "<fieldset><legend>Show recommendations</legend>"
        + _options("status", "Status", statuses)
        + _options("owner", "Owner", [(o, o) for o in owners])
        + _options("theme", "Theme of the review", themes)
        + _options("year", "Year of the review", [(str(y), str(y)) for y in years])
        + '<div class="ll-filter ll-filter--check"><input type="checkbox" id="ll-tracker-overdue" name="overdue" value="1">'
        '<label for="ll-tracker-overdue">Only those with an update overdue</label></div>'
        '<button type="reset" class="md-button">Show all</button>'
        "</fieldset></form>\n"
        f'<p class="ll-tracker-status" role="status" aria-live="polite" data-ll-tracker-status>{_showing(rows, part, pages)}</p>'
    )


def _showing(rows: Sequence[Tracked], part: _Part, pages: int) -> str:
    """What the page shows, before any filter: all the recommendations, or which of them."""
    if pages == 1:
        return f"Showing all {plural(len(rows), 'recommendation')}."
    first = (part.number - 1) * ROWS_PER_PAGE + 1
    return f"Showing recommendations {first:,} to {first + len(part.rows) - 1:,} of {len(rows):,}, page {part.number} of {pages}."


def _table(rows: Sequence[Tracked], vocabulary: Vocabulary, uri: str, directory_urls: bool, total: int) -> str:
    body = []
    for row in rows:
        rec, review = row.recommendation, row.review
        link = addresses.href(uri, addresses.document_uri(review), directory_urls)
        evidence = f'<br><span class="ll-evidence">Progress: {escape_html(rec.evidence)}</span>' if rec.evidence else ""
        updated = format_date(rec.updated) if rec.updated else f"Not yet updated (review published {format_date(review.published)})"
        flag = f"<br>{overdue_badge()}" if row.overdue else ""
        themes = ", ".join(escape_html(vocabulary.themes[t].label) for t in review.themes)
        attrs = (
            f'data-status="{rec.status}" data-owner="{escape_html(row.owner)}" '
            f'data-themes="{" ".join(review.themes)}" data-year="{review.published.year}" data-overdue="{int(row.overdue)}"'
        )
        body.append(
            f"<tr {attrs}>"
            f'<td data-label="Review"><a href="{link}">{escape_html(review.title)}</a>'
            f'<br><span class="ll-item-meta">{review.published.year} · {themes}</span></td>'
            f'<td data-label="Recommendation"><strong>{escape_html(rec.id)}</strong> {escape_html(rec.text)}{evidence}</td>'
            f'<td data-label="Owner">{escape_html(row.owner)}</td>'
            f'<td data-label="Status">{status_badge(rec.status)}</td>'
            f'<td data-label="Last updated">{updated}{flag}</td>'
            "</tr>"
        )
    head = "".join(f'<th scope="col">{name}</th>' for name in ("Review", "Recommendation", "Owner", "Status", "Last updated"))
    return (
        f'<div class="ll-table-wrap"><table class="ll-tracker" data-ll-tracker data-ll-tracker-total="{total}">'
        "<caption>Recommendations, newest review first</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(body) + "\n</tbody></table></div>"
    )
