"""What's new: new publications and progress on recommendations, month by month over the last year.

The feed (:mod:`learning_library.pages.feed`) carries the new publications to
feed readers; this page is the same news for someone visiting the site, with
progress on recommendations too.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from .. import addresses
from ..content import Document
from ..text import escape_markdown, format_month, front_matter, markdown_cell, plural
from .library_index import LibraryIndex
from .listings import listing
from .progress import STATUS_LABELS, Tracked, months_before

WHATS_NEW_MONTHS = 12

MOST_ENTRIES = 300
"""The most publications and progress updates the page lists. A regional collection publishes and updates
so much in a year that listing all of it would make a page too heavy for a phone; the page then covers
fewer months, each one whole, and says where the rest is."""


def page(index: LibraryIndex) -> str:
    """New publications and progress on recommendations, month by month over the last year, newest first."""
    uri = addresses.WHATS_NEW
    months = []
    for back in range(WHATS_NEW_MONTHS):
        first = months_before(index.on.replace(day=1), back)
        months.append((first.year, first.month))
    docs: dict[tuple[int, int], list[Document]] = defaultdict(list)
    for d in index.live:
        docs[(d.published.year, d.published.month)].append(d)
    updates: dict[tuple[int, int], list[Tracked]] = defaultdict(list)
    for row in index.tracked:
        updated = row.recommendation.updated
        if updated is not None and updated <= index.on:
            updates[(updated.year, updated.month)].append(row)
    feed_link = addresses.relative(uri, addresses.FEED)
    years_link = addresses.relative(uri, addresses.YEARS_INDEX)
    blocks: list[str] = []
    entries = covered = 0
    for back, (year, month) in enumerate(months):
        published, progressed = docs.get((year, month), []), updates.get((year, month), [])
        if blocks and entries + len(published) + len(progressed) > MOST_ENTRIES:
            break
        covered = back + 1
        if not published and not progressed:
            continue
        entries += len(published) + len(progressed)
        blocks.append(_month(index, uri, dt.date(year, month, 1), published, progressed))
    parts = [
        front_matter("What's new", "New reviews and briefings, and progress on recommendations, month by month."),
        f"New reviews and briefings, and progress on the recommendations of reviews, month by month over the last "
        f"{plural(covered, 'month')}. Follow new publications in a feed reader with the [feed]({feed_link}); "
        f"older publications are listed [by year]({years_link}).\n",
        *blocks,
    ]
    if covered < WHATS_NEW_MONTHS:
        tracker_link = addresses.relative(uri, addresses.TRACKER)
        parts.append(
            f"Earlier months are left out to keep this page quick to load: their publications are listed [by year]({years_link}), "
            f"and every recommendation's progress is in the [recommendations tracker]({tracker_link}).\n"
        )
    if not blocks:
        parts.append(f"Nothing new in the last {WHATS_NEW_MONTHS} months.\n")
    return "\n".join(parts)


def _month(index: LibraryIndex, uri: str, first: dt.date, published: list[Document], progressed: list[Tracked]) -> str:
    """One month of news: what was published, then the progress reported on recommendations."""
    parts = [f"## {format_month(first)}\n"]
    if published:
        parts.append(listing(index, published, uri))
    if progressed:
        parts.append("Progress on recommendations:\n")
        for row in progressed:
            link = addresses.relative(uri, addresses.document_uri(row.review))
            parts.append(
                f"- [{escape_markdown(row.review.title)}]({link}), {escape_markdown(row.recommendation.id)}, "
                f"status {STATUS_LABELS[row.status].lower()}: {markdown_cell(row.recommendation.text)}"
            )
        parts.append("")
    return "\n".join(parts)
