"""The national case review repository's entry fields, filled from the published reviews, as CSV for submission.

Partnerships send each published review to the national case review
repository (kept by the NSPCC) and its record is typed in by hand: the year,
the area, the name the review gives the child, a summary, the learning, the
recommendations and keywords, with a link to the report. This module writes
those fields for the reviews the site publishes on the day, one row a review,
so they are copied rather than retyped. ``docs/national-repository.md`` gives
each column, the repository field it fills and where the field list comes from;
``tests/test_national_repository.py`` checks the two agree.

Only what the site publishes is written: never a draft, a scheduled review or
the address of a withdrawn report. National reviews (``cspr-national``) are
left out: the Child Safeguarding Practice Review Panel publishes them itself.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import addresses
from .content import Document
from .errors import ConfigError
from .pages.library_index import LibraryIndex

NOT_SUBMITTED = ("cspr-national",)
"""Review types a partnership does not send: national reviews are the Panel's to publish and submit."""
SEPARATOR = "; "
"""Between the items of one cell (learning points, recommendations, keywords), as the repository's records list them."""


@dataclass(frozen=True)
class Column:
    """One column of the export: its heading, and how a review fills it."""

    name: str
    value: Callable[[LibraryIndex, Document], str]


def _pseudonym(index: LibraryIndex, review: Document) -> str:
    """The name the review gives the child ("Child Ruby", "Baby F"): its title before the colon, or the whole title."""
    return review.title.split(":", 1)[0].strip()


def _report(index: LibraryIndex, review: Document) -> str:
    if review.report is None or not review.report_available(index.on):
        return ""
    return addresses.absolute(addresses.attachment_uri(review.report), index.settings.site_url)


def _page(index: LibraryIndex, review: Document) -> str:
    return addresses.public_url(addresses.document_uri(review), index.settings.site_url, index.settings.directory_urls)


COLUMNS: tuple[Column, ...] = (
    Column("year", lambda i, r: str(r.published.year)),
    Column("area", lambda i, r: i.settings.area or ""),
    Column("pseudonym", _pseudonym),
    Column("title", lambda i, r: r.title),
    Column("review_type", lambda i, r: i.vocabulary.type_term(r.type).label),
    Column("date_published", lambda i, r: r.published.isoformat()),
    Column("age_of_child", lambda i, r: i.vocabulary.age_bands[r.age_band].label if r.age_band else ""),
    Column("summary", lambda i, r: r.summary),
    Column("learning_themes", lambda i, r: SEPARATOR.join(text for text, _ in i.learning_points(r))),
    Column("recommendations", lambda i, r: SEPARATOR.join(f"{rec.id}: {rec.text}" for rec in r.recommendations)),
    Column("keywords", lambda i, r: SEPARATOR.join(i.vocabulary.themes[t].label for t in r.themes)),
    Column("agencies_involved", lambda i, r: SEPARATOR.join(i.vocabulary.agencies[a].label for a in r.agencies)),
    Column("report_url", _report),
    Column("page_url", _page),
    Column("national_repository_url", lambda i, r: r.national_repository or ""),
)
"""The columns, in the order of ``docs/national-repository.md``."""


def reviews(index: LibraryIndex, since: dt.date | None = None) -> list[Document]:
    """The published reviews to submit, oldest first (the order they were published in), from ``since`` if given."""
    chosen = [r for r in index.reviews if r.type not in NOT_SUBMITTED and (since is None or r.published >= since)]
    return sorted(chosen, key=lambda r: (r.published, r.slug))


def rows(index: LibraryIndex, since: dt.date | None = None) -> list[list[str]]:
    """The heading row, then one row per review."""
    return [[c.name for c in COLUMNS], *([c.value(index, r) for c in COLUMNS] for r in reviews(index, since))]


def write_csv(table: Sequence[Sequence[str]]) -> str:
    """Rows as CSV text: every cell quoted where it must be, lines ending CRLF as the CSV standard (RFC 4180) has them."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(table)
    return out.getvalue()


def export(index: LibraryIndex, since: dt.date | None = None) -> str:
    """The export as CSV text.

    Raises:
        ConfigError: ``mkdocs.yml`` does not say the partnership's area, which every record needs.
    """
    if not index.settings.area:
        raise ConfigError(
            f"{index.settings.config_path}: the national repository's records name the area; "
            "add `extra: {area: Your area}` to mkdocs.yml (for example `area: Kestrel Vale`)"
        )
    return write_csv(rows(index, since))
