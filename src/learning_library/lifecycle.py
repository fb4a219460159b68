"""A document's life after publication: its full report withdrawn on a date, and reminders before that day.

Statutory guidance asks for a review's report to stay public for at least a
year; many partnerships then take it down and send it on request, and the
national repository removes its own copy after five years but keeps the
record. ``available_until`` says when the full report (and a response file)
leaves the site; the summary and the learning stay, and the review's page
says how to ask for the report (``extra: contact`` in ``mkdocs.yml``).

This module judges those dates on the day of the build:

- :func:`check`: what is wrong with them (errors: a report that would go
  before it was published, a withdrawal with no contact for readers);
- :func:`due`: reminders a month ahead, shown by ``learning-library check``
  as warnings but kept out of the build's results, so a reminder never stops
  a strict build for the month before the date;
- :func:`upcoming`: every withdrawal still to come, for the sign-off report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .content import Document
from .findings import Finding, Severity
from .library import Library
from .text import format_date, plural, shift_months

REMINDER_MONTHS = 1
"""How long before a report is withdrawn the check starts to say so: time to tell the family, the Panel and practitioners."""
CONTACT_EXAMPLE = "extra: {contact: learning@your-partnership.example}"


@dataclass(frozen=True)
class Withdrawal:
    """A document whose full report (or response file) leaves the site after ``last_day``."""

    document: Document
    last_day: dt.date

    def days_left(self, on: dt.date) -> int:
        return (self.last_day - on).days


def withdrawals(documents: Iterable[Document]) -> list[Withdrawal]:
    """Every document with files to withdraw and a date to withdraw them, soonest first."""
    found = [
        Withdrawal(d, d.available_until)
        for d in documents
        if d.available_until is not None and (d.report is not None or d.response_file is not None)
    ]
    return sorted(found, key=lambda w: (w.last_day, w.document.slug))


def check(library: Library, documents: Iterable[Document] | None = None) -> list[Finding]:
    """Errors in the documents' lifecycle dates: each would publish a page that says something untrue or unhelpful."""
    findings = []
    for document in library.documents if documents is None else documents:
        if document.available_until is None:
            continue
        line, column = document.source.value_position("available_until")
        if document.available_until < document.published:
            findings.append(
                Finding(
                    document.source.display,
                    line,
                    column,
                    "metadata/available-until-before-published",
                    f"`available_until` ({format_date(document.available_until)}) is before `published` "
                    f"({format_date(document.published)}); give the last day the full report should be on the site",
                )
            )
        if library.settings.contact is None:
            findings.append(
                Finding(
                    document.source.display,
                    line,
                    column,
                    "metadata/no-contact",
                    "`available_until` withdraws the full report, and its page must then say how to ask for it, but mkdocs.yml "
                    f"has no contact; add `{CONTACT_EXAMPLE}` to mkdocs.yml (an email address or a web address)",
                )
            )
    return findings


def due(documents: Iterable[Document], on: dt.date) -> list[Finding]:
    """Reminders for the reports withdrawn within :data:`REMINDER_MONTHS` of ``on``: warnings that never block."""
    soon = shift_months(on, REMINDER_MONTHS)
    findings = []
    for withdrawal in withdrawals(d for d in documents if d.is_live(on)):
        if not on <= withdrawal.last_day <= soon:
            continue
        document = withdrawal.document
        line, column = document.source.value_position("available_until")
        left = withdrawal.days_left(on)
        when = "today is its last day" if left == 0 else f"in {plural(left, 'day')}"
        findings.append(
            Finding(
                document.source.display,
                line,
                column,
                "lifecycle/withdrawal-due",
                f"The full report leaves the site after {format_date(withdrawal.last_day)} ({when}); "
                "tell those who need to know, or change `available_until` to keep it longer",
                Severity.WARNING,
            )
        )
    return findings


def upcoming(documents: Iterable[Document], on: dt.date) -> list[Withdrawal]:
    """The withdrawals still to come (on ``on`` or later) of documents published by ``on``, soonest first."""
    return [w for w in withdrawals(d for d in documents if d.is_live(on)) if w.last_day >= on]
