"""Statistics: the figures, and charts that show them in the SVG and in a table beneath."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from learning_library import addresses, pages
from learning_library.pages import statistics

from .conftest import site_for


def test_the_statistics_figures(library_root: Path) -> None:
    site = site_for(library_root)
    figures = statistics.figures(site)
    assert (figures.reviews, figures.briefings) == (2, 2)
    assert figures.by_year == ((2025, 1), (2024, 2), (2023, 1))
    assert figures.by_type == (("lcspr", 2), ("themed-briefing", 1), ("seven-minute-briefing", 1))
    assert figures.by_theme == (("hidden-men", 3), ("neglect", 2), ("domestic-abuse", 2))
    assert figures.by_status == (("open", 3), ("in-progress", 2), ("complete", 1), ("impact-evidenced", 1))
    assert figures.overdue == 3


def test_the_charts_show_the_figures_in_the_svg_and_the_table(library_root: Path) -> None:
    page = pages.generate(site_for(library_root))[addresses.STATISTICS]
    charts = dict(re.findall(r'<figure class="ll-chart" id="([a-z-]+)">(.*?)</figure>', page, re.DOTALL))
    assert set(charts) == {"ll-chart-years", "ll-chart-types", "ll-chart-themes", "ll-chart-status"}
    status = charts["ll-chart-status"]
    # the description screen readers read, the labels and values drawn, and the table all say the same
    assert '<desc id="ll-chart-status-desc">Open: 3; In progress: 2; Complete: 1; Impact evidenced: 1.</desc>' in status
    drawn = re.findall(r'class="ll-chart-label"[^>]*>([^<]+)</text>.*?class="ll-chart-value"[^>]*>(\d+)</text>', status)
    tabled = re.findall(r'<th scope="row"><a [^>]*>([^<]+)</a></th><td>(\d+)</td>', status)
    assert drawn == tabled == [("Open", "3"), ("In progress", "2"), ("Complete", "1"), ("Impact evidenced", "1")]
    assert 'role="img" aria-labelledby="ll-chart-status-title ll-chart-status-desc"' in status
    widths = [float(w) for w in re.findall(r'class="ll-chart-bar"[^>]*width="([\d.]+)%"', status)]
    assert widths[0] == max(widths) and widths[1] == pytest.approx(widths[0] * 2 / 3, abs=0.01)
    themes = charts["ll-chart-themes"]
    assert re.findall(r'class="ll-chart-label"[^>]*>([^<]+)</text>', themes) == ["Hidden men", "Neglect", "Domestic abuse"]
    assert '<desc id="ll-chart-years-desc">2025: 1; 2024: 2; 2023: 1.</desc>' in charts["ll-chart-years"]
    assert "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
