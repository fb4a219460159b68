"""Theme pages as learning hubs, the priorities on the home page, and the learning points they show."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from learning_library import addresses, pages
from learning_library.pages.headings import headings, learning_points
from learning_library.pages.home import page as home_page

from .conftest import REVIEW_B, site_for


def test_a_theme_page_is_a_learning_hub(library_root: Path) -> None:
    page = pages.generate(site_for(library_root))[addresses.theme_uri("hidden-men")]
    latest = page.index("## Latest briefing")
    assert "Hidden men: learning from case reviews" in page[latest : page.index("## What the reviews teach")]
    # the two reviews on hidden men share no other theme; their learning points link to the headings
    assert "[Ask who lives in the home](../reviews/2024-child-b.md#ask-who-lives-in-the-home)" in page
    assert "[Information](../reviews/2024-child-b.md#information)" in page
    assert "made 7 recommendations (3 open, 2 in progress, 1 complete, 1 impact evidenced); 3 have an update overdue" in page
    assert "(../recommendations.md?theme=hidden-men)" in page


def test_themes_shared_by_reviews_are_counted(make_library: Callable[..., Path]) -> None:
    root = make_library(
        {"reviews/2024-child-b.md": REVIEW_B.replace("themes: [domestic-abuse, hidden-men]", "themes: [neglect, hidden-men]")}
    )
    page = pages.generate(site_for(root))[addresses.theme_uri("neglect")]
    assert "- [Hidden men](hidden-men.md): 2" in page


def test_priorities_lead_the_home_page_with_counts_and_progress(library_root: Path) -> None:
    site = site_for(library_root)
    home = home_page(site, "Welcome.\n\n<!-- learning-library:priorities -->\n\n<!-- learning-library:latest -->\n")
    assert home.index("## Our priorities") < home.index("## Latest publications")
    domestic = next(line for line in home.splitlines() if "[Domestic abuse]" in line)
    assert "(1 review, 1 briefing)" in domestic
    assert "[6 recommendations](recommendations.md?theme=domestic-abuse): 1 with impact evidenced, 2 with an update overdue." in domestic
    assert "[what's new](whats-new.md)" in home and "[feed](feed.xml)" in home


@pytest.mark.parametrize(
    ("texts", "ids"),
    [
        (["Learning", "Information", "Information", "Information"], ["learning", "information", "information_1", "information_2"]),
        (['"Was not brought"', "**Bold** and [a link](x.md)", "Café culture"], ["was-not-brought", "bold-and-a-link", "cafe-culture"]),
    ],
)
def test_heading_ids_match_the_site_builder(texts: list[str], ids: list[str]) -> None:
    assert addresses.heading_ids(texts) == ids


def test_learning_points_are_the_headings_of_the_learning_section() -> None:
    body = (
        "## Summary\n\n### Not this\n\n## Learning\n\n### One\n\n```\n### Not code\n```\n\n### Two\n\n## Recommendations\n\n### Nor this\n"
    )
    found = headings(body)
    assert [found[i].text for i in learning_points(found)] == ["One", "Two"]
