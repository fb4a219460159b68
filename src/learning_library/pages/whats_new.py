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
from ..text import escape_markdown, format_month, front_matter, markdown_cell
from .library_index import LibraryIndex
from .listings import listing
from .progress import STATUS_LABELS, Tracked, months_before

WHATS_NEW_MONTHS = 12


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
    parts = [
        front_matter("What's new", "New reviews and briefings, and progress on recommendations, month by month."),
        f"New reviews and briefings, and progress on the recommendations of reviews, month by month over the last "
        f"{WHATS_NEW_MONTHS} months. Follow new publications in a feed reader with the [feed]({feed_link}); "
        f"older publications are listed [by year]({addresses.relative(uri, addresses.YEARS_INDEX)}).\n",
    ]
    shown = 0
    for year, month in months:
        published, progressed = docs.get((year, month), []), updates.get((year, month), [])
        if not published and not progressed:
            continue
        shown += 1
        parts.append(f"## {format_month(dt.date(year, month, 1))}\n")
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
    if not shown:
        parts.append(f"Nothing new in the last {WHATS_NEW_MONTHS} months.\n")
    return "\n".join(parts)
