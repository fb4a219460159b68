"""The statistics page: what the library holds, by year, type and theme, and where its recommendations stand.

The figures are counted here from the published documents and the tracker's
rows, once, and drawn by :mod:`learning_library.pages.charts`; the page and its
tests read the same :class:`Figures`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .. import addresses
from ..text import front_matter, noun_for
from ..vocabulary import REVIEW
from . import charts
from .charts import Bar
from .library_index import LibraryIndex
from .progress import STATUS_LABELS, counts_by_status


@dataclass(frozen=True)
class Figures:
    """The counts the statistics page shows, each as ``(slug or year, number)`` in the order shown."""

    reviews: int
    briefings: int
    by_year: tuple[tuple[int, int], ...]
    by_type: tuple[tuple[str, int], ...]
    by_theme: tuple[tuple[str, int], ...]
    by_status: tuple[tuple[str, int], ...]
    overdue: int


def figures(index: LibraryIndex) -> Figures:
    """Count the published documents and recommendations.

    Years run from the earliest publication to the latest with none left out,
    so a year without publications shows as a gap; types and themes with no
    publication are left out; themes are ordered by number, then as in themes.yml.
    """
    documents, tracked, vocabulary = index.live, index.tracked, index.vocabulary
    years = Counter(d.published.year for d in documents)
    by_year = tuple((y, years.get(y, 0)) for y in range(max(years), min(years) - 1, -1)) if years else ()
    types = Counter(d.type for d in documents)
    order = [*vocabulary.review_types, *vocabulary.briefing_types]
    by_type = tuple((t, types[t]) for t in order if types[t])
    themes = Counter(t for d in documents for t in d.themes)
    position = {slug: i for i, slug in enumerate(vocabulary.themes)}
    by_theme = tuple(sorted(((t, n) for t, n in themes.items()), key=lambda item: (-item[1], position[item[0]])))
    reviews = sum(1 for d in documents if d.kind == REVIEW)
    return Figures(
        reviews=reviews,
        briefings=len(documents) - reviews,
        by_year=by_year,
        by_type=by_type,
        by_theme=by_theme,
        by_status=tuple(counts_by_status(tracked).items()),
        overdue=sum(1 for row in tracked if row.overdue),
    )


def page(index: LibraryIndex) -> str:
    """The statistics page as Markdown: headline figures, then one chart (with its table) per count."""
    uri = addresses.STATISTICS
    f, vocabulary, directory_urls = figures(index), index.vocabulary, index.settings.directory_urls

    def link(to: str) -> str:
        return addresses.href(uri, to, directory_urls)

    recommendations = sum(n for _, n in f.by_status)
    evidenced = dict(f.by_status).get("impact-evidenced", 0)
    share = f" ({round(100 * evidenced / recommendations)}%)" if recommendations else ""
    tracker_link = link(addresses.TRACKER)
    parts = [
        front_matter("Statistics", "What the library holds, by year, type and theme, and where its recommendations stand."),
        f"The library holds **{f.reviews}** published {noun_for(f.reviews, 'review')} and **{f.briefings}** "
        f"{noun_for(f.briefings, 'briefing')}. Their reviews made **{recommendations}** {noun_for(recommendations, 'recommendation')}; "
        f"the improvement asked for is evidenced for **{evidenced}**{share}, "
        f"and **{f.overdue}** {noun_for(f.overdue, 'has', 'have')} an update overdue "
        f'(see the <a href="{tracker_link}">recommendations tracker</a>).\n',
        "## Publications by year\n",
        charts.bar_chart(
            "ll-chart-years",
            "Reviews and briefings published each year",
            [Bar(str(y), n, link(addresses.year_uri(y)) if n else None) for y, n in f.by_year],
            columns=("Year", "Publications"),
        ),
        "\n## Publications by type\n",
        charts.bar_chart(
            "ll-chart-types",
            "Reviews and briefings by type",
            [Bar(vocabulary.type_term(t).label, n) for t, n in f.by_type],
            columns=("Type", "Publications"),
        ),
        "\n## Publications by theme\n",
        charts.bar_chart(
            "ll-chart-themes",
            "Reviews and briefings by theme (a document may have several themes)",
            [Bar(vocabulary.themes[t].label, n, link(addresses.theme_uri(t))) for t, n in f.by_theme],
            columns=("Theme", "Publications"),
        ),
        "\n## Recommendations by status\n",
        charts.bar_chart(
            "ll-chart-status",
            "Recommendations of published reviews by status",
            [Bar(STATUS_LABELS[s], n, f"{tracker_link}?status={s}") for s, n in f.by_status],
            columns=("Status", "Recommendations"),
        ),
        "",
    ]
    return "\n".join(parts)
