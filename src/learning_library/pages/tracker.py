"""The recommendations tracker page: every published review's recommendations, their owners, status and progress.

Where each recommendation stands is worked out in :mod:`learning_library.pages.progress`;
this page shows them all, filterable by status, owner, theme and year. It is
plain HTML that shows everything without JavaScript (a table of every
recommendation is also far quicker to render as HTML than as Markdown);
``tracker.js`` (a file of the site, never an inline script) adds the filters.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import addresses
from ..content import RECOMMENDATION_STATUSES
from ..text import escape_html, format_date, front_matter, plural
from ..vocabulary import Vocabulary
from .library_index import LibraryIndex
from .progress import STATUS_LABELS, Tracked, counts_by_status, overdue_badge, status_badge

SCRIPT = "tracker.js"


def page(index: LibraryIndex) -> str:
    """The tracker page, as Markdown holding HTML."""
    uri = addresses.TRACKER
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
    parts = [
        front_matter(
            "Recommendations tracker",
            "Every recommendation from the partnership's reviews, with its owner, status and progress.",
            hide=["toc"],
        ),
        intro,
        "",
        _summary(counts, overdue, len(rows)),
        "",
    ]
    if not rows:
        parts.append("No published review has recommendations yet.\n")
        return "\n".join(parts)
    parts += [_filters(rows, vocabulary), "", _table(rows, vocabulary, uri, directory_urls), ""]
    parts.append(f'<script src="{addresses.asset_href(uri, SCRIPT, directory_urls)}"></script>\n')
    return "\n".join(parts)


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


def _filters(rows: Sequence[Tracked], vocabulary: Vocabulary) -> str:
    """The filter form: hidden until the script shows it, since without the script it could not filter."""
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
        f'<p class="ll-tracker-status" role="status" aria-live="polite" data-ll-tracker-status>Showing all {plural(len(rows), "recommendation")}.</p>'
    )


def _table(rows: Sequence[Tracked], vocabulary: Vocabulary, uri: str, directory_urls: bool) -> str:
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
        '<div class="ll-table-wrap"><table class="ll-tracker" data-ll-tracker>'
        "<caption>Recommendations, newest review first</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(body) + "\n</tbody></table></div>"
    )
