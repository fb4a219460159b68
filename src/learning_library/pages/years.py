"""The pages by year of publication: one per year, and the overview of years."""

from __future__ import annotations

from .. import addresses
from ..text import front_matter
from .library_index import LibraryIndex
from .listings import count_line, listing


def page(index: LibraryIndex, year: int) -> str:
    """Everything published in ``year``, newest first."""
    uri = addresses.year_uri(year)
    return front_matter(f"Published in {year}", f"Reviews and briefings published in {year}.") + listing(index, index.by_year[year], uri)


def overview(index: LibraryIndex) -> str:
    """Each year with publications, newest first, with how many reviews and briefings it has."""
    uri = addresses.YEARS_INDEX
    lines = [
        f"- [{year}]({addresses.relative(uri, addresses.year_uri(year))}): {count_line(index.by_year[year])}"
        for year in sorted(index.by_year, reverse=True)
    ]
    return front_matter("By year", "Reviews and briefings by the year they were published.") + "\n".join(lines) + "\n"
