"""Bar charts as static SVG, drawn at build time: no chart library, no script, nothing fetched from another host.

Each chart is a figure holding an SVG image with a title and a description
(screen readers read the description, which carries every figure), visible
text labels and values, and the same figures as a table beneath it for anyone
who would rather read a table. Bars are sized in percentages and text in
pixels, so a chart fits a phone's width without its words shrinking, and
colours come from the stylesheet, so charts follow the site's colour scheme.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..text import escape_html

ROW_HEIGHT = 44
"""One bar: its label on one line, the bar and its value beneath."""
_LABEL_BASELINE = 15
_BAR_TOP = 20
_BAR_HEIGHT = 16
_MAX_BAR = 85.0
"""The longest bar's share of the width, in per cent, leaving room for its value."""


@dataclass(frozen=True)
class Bar:
    """One labelled figure; ``href``, when given, links the label in the table to the page the figure counts."""

    label: str
    value: int
    href: str | None = None


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar], *, columns: Sequence[str] = ("", "Number")) -> str:
    """A horizontal bar chart with its table, as HTML to place in a page.

    Args:
        chart_id: unique in the page; the ids of the title and description derive from it.
        title: what the chart counts, shown as its caption and read as its title.
        bars: the figures, in the order to show them.
        columns: the table's column headings: the labels' and the values'.
    """
    e = escape_html
    top = max((b.value for b in bars), default=0)
    description = "; ".join(f"{b.label}: {b.value}" for b in bars) + "." if bars else "No figures yet."
    height = ROW_HEIGHT * len(bars)
    rows = []
    for index, bar in enumerate(bars):
        y = index * ROW_HEIGHT
        width = _MAX_BAR * bar.value / top if top else 0.0
        rows.append(
            f'<g class="ll-chart-row">'
            f'<text class="ll-chart-label" x="0" y="{y + _LABEL_BASELINE}">{e(bar.label)}</text>'
            f'<rect class="ll-chart-bar" x="0" y="{y + _BAR_TOP}" width="{width:.2f}%" height="{_BAR_HEIGHT}"></rect>'
            f'<text class="ll-chart-value" x="{width + 1:.2f}%" y="{y + _BAR_TOP + _BAR_HEIGHT - 3}">{bar.value}</text>'
            "</g>"
        )
    svg = (
        f'<svg class="ll-chart-svg" width="100%" height="{height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{e(title)}</title><desc id="{chart_id}-desc">{e(description)}</desc>' + "".join(rows) + "</svg>"
    )
    return (
        f'<figure class="ll-chart" id="{chart_id}"><figcaption>{e(title)}</figcaption>{svg}'
        f"<details><summary>{e(title)}: the figures as a table</summary>{table(bars, columns)}</details></figure>"
    )


def table(bars: Sequence[Bar], columns: Sequence[str]) -> str:
    """The figures of a chart as a table, the labels linked where the bar has a page."""
    e = escape_html
    head = "".join(f'<th scope="col">{e(c)}</th>' for c in columns)
    body = "".join(f'<tr><th scope="row">{_label(b)}</th><td>{b.value}</td></tr>' for b in bars)
    return f'<table class="ll-chart-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _label(bar: Bar) -> str:
    label = escape_html(bar.label)
    return f'<a href="{escape_html(bar.href)}">{label}</a>' if bar.href else label
