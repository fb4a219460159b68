"""Where each recommendation stands on the day of the build: its status, its last update, whether an update is overdue.

Partnerships monitor each recommendation's action plan until the improvement
it asked for is evidenced, and report on it every year. The tracker puts every
recommendation on one page, filterable by status, owner, theme and year, and
flags those still in hand (``open`` or ``in-progress``) whose progress has not
been updated for longer than the site's ``overdue_after_months``. A
recommendation whose actions are complete awaits evidence of impact, which
audits bring on their own cycle; flagging it too would bury the
recommendations whose actions have stalled.

The tracker (:mod:`learning_library.pages.tracker`), review pages, theme pages,
the home page, what's new and statistics all show these rows, so they are
worked out once, in the library's index.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..content import RECOMMENDATION_STATUSES, Document, Recommendation
from ..text import noun_for, plural, shift_months

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


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` earlier (the last day of that month if it is shorter)."""
    return shift_months(day, -months)


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


def status_sentence(rows: Sequence[Tracked]) -> str:
    """How many recommendations, by status, and how many are overdue, as one sentence."""
    counts = counts_by_status(rows)
    statuses = ", ".join(f"{n} {STATUS_LABELS[s].lower()}" for s, n in counts.items() if n)
    overdue = sum(1 for row in rows if row.overdue)
    return f"{plural(len(rows), 'recommendation')} ({statuses}); {overdue} {noun_for(overdue, 'has', 'have')} an update overdue."
