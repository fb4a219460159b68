"""The recommendations tracker: every published review's recommendations, their owners, status and progress.

Partnerships monitor each recommendation's action plan until the improvement
it asked for is evidenced, and report on it every year. The tracker puts every
recommendation on one page, filterable by status, owner, theme and year, and
flags those still in hand (``open`` or ``in-progress``) whose progress has not
been updated for longer than the site's ``overdue_after_months``. A
recommendation whose actions are complete awaits evidence of impact, which
audits bring on their own cycle; flagging it too would bury the
recommendations whose actions have stalled.

The page is plain HTML that shows everything without JavaScript; ``tracker.js``
(a file of the site, never an inline script) adds the filters.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from . import addresses
from .content import RECOMMENDATION_STATUSES, Document, Recommendation
from .text import escape_html, format_date, front_matter, plural
from .vocabulary import Vocabulary

STATUS_LABELS = {
    "open": "Open",
    "in-progress": "In progress",
    "complete": "Complete",
    "impact-evidenced": "Impact evidenced",
}
"""Readers' words for the statuses in the content model, in its order."""

IN_HAND = ("open", "in-progress")
"""The statuses whose actions are still under way, so a progress update is expected."""
EVIDENCED = "impact-evidenced"
NO_OWNER = "Not stated"
SCRIPT = "tracker.js"


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` earlier (the last day of that month if it is shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = dt.date(year + (month == 12), month % 12 + 1, 1)
    last_day = (next_month - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last_day))


@dataclass(frozen=True)
class Tracked:
    """One recommendation as the tracker shows it: with its review, its last update and whether an update is overdue."""

    review: Document
    recommendation: Recommendation
    last_update: dt.date
    """The recommendation's ``updated`` date or, if it has none, the day the review was published."""
    overdue: bool

    @property
    def status(self) -> str:
        return self.recommendation.status

    @property
    def owner(self) -> str:
        return self.recommendation.owner or NO_OWNER


def track(reviews: Sequence[Document], on: dt.date, overdue_after_months: int) -> list[Tracked]:
    """Every recommendation of the given reviews, in their order, with its overdue flag on the given day.

    Args:
        reviews: the published reviews, newest first.
        on: the day of the build.
        overdue_after_months: the site's setting: an update older than this is overdue.
    """
    cutoff = months_before(on, overdue_after_months)
    rows = []
    for review in reviews:
        for rec in review.recommendations:
            last = rec.updated or review.published
            rows.append(Tracked(review, rec, last, rec.status in IN_HAND and last < cutoff))
    return rows


def counts_by_status(rows: Sequence[Tracked]) -> dict[str, int]:
    """How many recommendations have each status, every status listed (zero included), in the content model's order."""
    counted = Counter(row.status for row in rows)
    return {status: counted.get(status, 0) for status in RECOMMENDATION_STATUSES}


def status_badge(status: str) -> str:
    return f'<span class="ll-status ll-status--{status}">{STATUS_LABELS[status]}</span>'


def overdue_badge() -> str:
    return '<strong class="ll-overdue">Update overdue</strong>'


def page(rows: Sequence[Tracked], vocabulary: Vocabulary, on: dt.date, overdue_after_months: int, directory_urls: bool = True) -> str:
    """The tracker page, as Markdown holding HTML (a table of every recommendation is far quicker to render as HTML)."""
    uri = addresses.TRACKER
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
