"""A tracker too large for one page, in Chromium: on any of its pages the filters search every page, by address too.

The library has 320 recommendations (80 reviews of four each, over 2022 to
2024), so the tracker has two pages: the newest 300 and the oldest 20.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from learning_library.pages import tracker

from .browser import build, served
from .conftest import write_library
from .test_standards_browser import AXE_OPTIONS, describe

pytestmark = pytest.mark.browser

THEMES = ("neglect", "domestic-abuse", "hidden-men", "infants")
OWNERS = ("Police", "Health", "Education", "Children's social care")
STATUSES = ("open", "in-progress", "complete", "impact-evidenced")


def reviews() -> list[dict[str, Any]]:
    """The reviews' front matter: a year and a theme each, four recommendations with owners and statuses in turn."""
    found = []
    for n in range(80):
        year = 2022 + n % 3
        found.append(
            {
                "slug": f"{year}-review-{n:02d}",
                "year": year,
                "published": f"{year}-{1 + n % 12:02d}-{1 + n % 27:02d}",
                "theme": THEMES[n % len(THEMES)],
                "recommendations": [(f"R{r}", OWNERS[(n + r) % 4], STATUSES[(n * 3 + r) % 4]) for r in range(1, 5)],
            }
        )
    return found


def review_file(review: dict[str, Any]) -> str:
    recommendations = "".join(
        f'  - {{id: {rid}, text: "Agencies share what they know at meeting {rid} of review {review["slug"]}.", '
        f'owner: "{owner}", status: {status}, updated: 2025-06-01}}\n'
        for rid, owner, status in review["recommendations"]
    )
    return (
        f'---\ntitle: "Review {review["slug"]}: learning for practice"\ntype: lcspr\npublished: {review["published"]}\n'
        f"themes: [{review['theme']}]\nsummary: The review looks at how agencies worked together.\nrecommendations:\n{recommendations}---\n\n"
        "## Summary\n\nThe review looks at how agencies worked together.\n"
    )


REVIEWS = reviews()
TOTAL = sum(len(r["recommendations"]) for r in REVIEWS)


def expected(*, theme: str | None = None, year: int | None = None, status: str | None = None) -> int:
    return sum(
        1
        for r in REVIEWS
        for _, _, s in r["recommendations"]
        if (theme is None or r["theme"] == theme) and (year is None or r["year"] == year) and (status is None or s == status)
    )


@pytest.fixture(scope="module")
def tracker_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    assert tracker.ROWS_PER_PAGE < TOTAL <= 2 * tracker.ROWS_PER_PAGE, "the library should make a tracker of two pages"
    root = write_library(
        tmp_path_factory.mktemp("large-tracker") / "library",
        {f"reviews/{r['slug']}.md": review_file(r) for r in REVIEWS},
        default_documents=False,
    )
    with served(build(root)) as url:
        yield f"{url}/recommendations/"


def status_text(page: Any) -> str:
    text: str = page.locator("[data-ll-tracker-status]").text_content()
    return text


def wait_for_status(page: Any, text: str) -> None:
    page.wait_for_function(f"() => document.querySelector('[data-ll-tracker-status]').textContent === {text!r}")


def test_each_page_shows_its_own_rows_and_links_to_the_other(page: Any, tracker_url: str) -> None:
    page.goto(tracker_url + "page-2/")
    assert page.locator("table.ll-tracker tbody tr").count() == TOTAL - tracker.ROWS_PER_PAGE
    assert status_text(page) == f"Showing recommendations 301 to {TOTAL} of {TOTAL}, page 2 of 2."
    assert page.locator("[data-ll-tracker-pager]").first.is_visible()
    page.locator("[data-ll-tracker-pages] a", has_text="Page 1").click()
    page.wait_for_url(tracker_url)
    assert page.locator("table.ll-tracker tbody tr").count() == tracker.ROWS_PER_PAGE


def test_a_filter_on_a_later_page_searches_every_page_and_is_kept_in_the_address(page: Any, tracker_url: str) -> None:
    page.goto(tracker_url + "page-2/")
    page.select_option("#ll-tracker-theme", "neglect")
    count = expected(theme="neglect")
    wait_for_status(page, f"Showing {count} of {TOTAL} recommendations.")
    assert page.locator("table.ll-tracker tbody tr:visible").count() == count
    assert page.locator('table.ll-tracker tbody tr[data-themes~="neglect"]').count() == count
    assert page.url.endswith("/recommendations/page-2/?theme=neglect")
    assert not page.locator("[data-ll-tracker-pager]").first.is_visible()
    # showing all again brings back the page's own rows and its links to the other page
    page.click("button[type=reset]")
    wait_for_status(page, f"Showing recommendations 301 to {TOTAL} of {TOTAL}, page 2 of 2.")
    assert page.locator("table.ll-tracker tbody tr").count() == TOTAL - tracker.ROWS_PER_PAGE
    assert page.locator("[data-ll-tracker-pager]").first.is_visible()


def test_a_filtered_address_opens_filtered_and_fetches_only_the_pages_that_can_match(page: Any, tracker_url: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if "/recommendations/" in request.url else None)
    page.goto(tracker_url + "page-2/?year=2024&status=open")
    count = expected(year=2024, status="open")
    wait_for_status(page, f"Showing {count} of {TOTAL} recommendations.")
    assert page.locator("table.ll-tracker tbody tr:visible").count() == count
    # 2024's reviews are all on the first page: the second is the page itself, never fetched again
    assert [url for url in fetched if url.split("?")[0].rstrip("/").endswith("page-2")] == [tracker_url + "page-2/?year=2024&status=open"]
    assert tracker_url in fetched


def test_rows_from_another_page_link_to_their_review(page: Any, tracker_url: str) -> None:
    page.goto(tracker_url + "page-2/?year=2024")
    wait_for_status(page, f"Showing {expected(year=2024)} of {TOTAL} recommendations.")
    link = page.locator("table.ll-tracker tbody tr a").first
    href = link.get_attribute("href")
    assert href and "/reviews/2024-review-" in href
    response = page.goto(href)
    assert response is not None and response.ok


def test_a_filtered_view_across_pages_has_no_wcag_violations(page: Any, tracker_url: str) -> None:
    page.goto(tracker_url + "?theme=infants")
    wait_for_status(page, f"Showing {expected(theme='infants')} of {TOTAL} recommendations.")
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
