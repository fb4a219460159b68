"""The recommendations tracker: counts, stale recommendations flagged, filters, and the overdue setting."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from learning_library import addresses, pages
from learning_library.content import RECOMMENDATION_STATUSES
from learning_library.errors import ConfigError
from learning_library.library import load_settings
from learning_library.pages import progress, tracker

from .conftest import CheckJson, Invoke, set_extra, site_for


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2025, 6, 30), 6, dt.date(2024, 12, 30)),
        (dt.date(2025, 3, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2024, 3, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2025, 1, 15), 1, dt.date(2024, 12, 15)),
        (dt.date(2025, 1, 15), 24, dt.date(2023, 1, 15)),
    ],
)
def test_months_before(day: dt.date, months: int, expected: dt.date) -> None:
    assert progress.months_before(day, months) == expected


def test_every_status_of_the_content_model_has_a_label_in_its_order() -> None:
    assert tuple(progress.STATUS_LABELS) == RECOMMENDATION_STATUSES


def test_the_tracker_counts_every_published_recommendation_and_flags_stale_ones(library_root: Path) -> None:
    site = site_for(library_root)
    rows = site.tracked
    # newest review first; the draft and the scheduled review are left out
    assert [(r.review.slug, r.recommendation.id) for r in rows] == [
        *(("2024-child-b", f"R{n}") for n in range(1, 7)),
        ("2023-child-a", "R1"),
    ]
    assert progress.counts_by_status(rows) == {"open": 3, "in-progress": 2, "complete": 1, "impact-evidenced": 1}
    overdue = {(r.review.slug, r.recommendation.id) for r in rows if r.overdue}
    # A-R1 updated 2024-01-10; B-R2 never updated (review published 2024-04-01); B-R6 one day past the line.
    # B-R5 is on the line, B-R3 and B-R4 are complete or evidenced, so no update is due.
    assert overdue == {("2023-child-a", "R1"), ("2024-child-b", "R2"), ("2024-child-b", "R6")}
    assert next(r for r in rows if r.recommendation.id == "R2").last_update == dt.date(2024, 4, 1)


def test_the_tracker_page_shows_the_counts_flags_and_filters(library_root: Path) -> None:
    page = pages.generate(site_for(library_root))[addresses.TRACKER]
    assert len(re.findall(r"<tr data-status=", page)) == 7
    counts = dict(re.findall(r'data-ll-count="([a-z-]+)">(\d+)<', page))
    assert counts == {"open": "3", "in-progress": "2", "complete": "1", "impact-evidenced": "1", "overdue": "3"}
    assert page.count('class="ll-overdue"') == 3
    assert len(re.findall(r'data-overdue="1"', page)) == 3
    assert "Something that must not appear yet" not in page
    # the filters offer exactly what the rows hold, and are hidden until the script shows them
    assert re.search(r"<form[^>]*data-ll-tracker-form hidden>", page)
    assert '<option value="Probation">Probation</option>' in page and "Nobody" not in page
    assert '<option value="2024">2024</option>' in page and '<option value="2025">' not in page
    # the filter script is a file of the site, never inline
    assert '<script src="../assets/learning-library/tracker.js"></script>' in page
    assert not re.search(r"<script>(?!</script>)", page) and not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)


def test_the_overdue_period_is_a_site_setting(library_root: Path) -> None:
    set_extra(library_root, {"overdue_after_months": 3})
    site = site_for(library_root)
    assert site.library.settings.overdue_after_months == 3
    # three months back is 30 March 2025: B-R1 (1 March 2025) and B-R5 (30 December 2024) are now overdue too
    assert sum(r.overdue for r in site.tracked) == 5
    assert "more than 3 months" in pages.generate(site)[addresses.TRACKER]


@pytest.mark.parametrize("value", ["six", 0, 61, True, 2.5, None])
def test_a_bad_overdue_setting_is_one_clear_line(library_root: Path, value: object) -> None:
    set_extra(library_root, {"overdue_after_months": value})
    with pytest.raises(ConfigError) as error:
        load_settings(library_root / "mkdocs.yml")
    message = str(error.value)
    assert "\n" not in message
    assert "`extra: overdue_after_months` should be a whole number of months from 1 to 60" in message


def test_a_bad_overdue_setting_stops_the_check_with_exit_status_2(library_root: Path, invoke: Invoke) -> None:
    set_extra(library_root, {"overdue_after_months": "six"})
    result = invoke(library_root, "check")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "overdue_after_months" in result.stderr and "Traceback" not in result.stderr


def test_a_review_page_shows_its_recommendations_status_response_and_briefings(library_root: Path) -> None:
    generated = pages.generate(site_for(library_root))
    review = generated["reviews/2024-child-b.md"]
    section = review[review.index("## Recommendations and progress") :]
    for status in ("Open", "In progress", "Complete", "Impact evidenced"):
        assert f">{status}</span>" in section
    assert section.count("Update overdue</strong>") == 2
    assert "[recommendations tracker](../recommendations.md)" in section
    assert "[This review in the national case review repository](https://repository.example/reviews/42)" in review
    # the themed briefing that draws on it, and the briefing back to it
    assert "## Briefings that draw on this review" in review and "2025-hidden-men-briefing/" in review
    briefing = generated["briefings/2025-hidden-men-briefing.md"]
    draws_on = briefing[briefing.index("## The reviews this briefing draws on") :]
    assert "2024-child-b/" in draws_on and "2023-child-a/" in draws_on


def test_a_large_tracker_is_cut_into_pages_that_each_list_every_page(library_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tracker, "ROWS_PER_PAGE", 3)
    generated = pages.generate(site_for(library_root))
    uris = [addresses.tracker_page_uri(n) for n in (1, 2, 3)]
    assert uris == ["recommendations.md", "recommendations/page-2.md", "recommendations/page-3.md"]
    assert addresses.tracker_page_uri(4) not in generated
    rows = [re.findall(r'<tr data-status="([^"]+)" data-owner="([^"]+)"', generated[uri]) for uri in uris]
    # newest review first, three a page: B's six, then A's one
    assert rows == [
        [("open", "Police"), ("in-progress", "Children&#x27;s social care"), ("complete", "Education")],
        [("impact-evidenced", "The partnership"), ("open", "Health"), ("open", "Probation")],
        [("in-progress", "Health")],
    ]
    second = generated[uris[1]]
    assert "title: Recommendations tracker, page 2 of 3" in second
    assert "Showing recommendations 4 to 6 of 7, page 2 of 3." in second
    assert "[← Newer](../recommendations.md) · Page 2 of 3 · [Older →](page-3.md)" in second
    # every page lists every page with the years, statuses and overdue flags it holds; the filters offer all the rows' values
    pages_list = re.findall(
        r'<a href="([^"]+)" data-years="([^"]+)" data-statuses="([^"]*)" data-overdue="([01])"( aria-current="page")?>', second
    )
    assert pages_list == [
        ("../", "2024", "open in-progress complete", "1", ""),
        ("./", "2024", "open impact-evidenced", "1", ' aria-current="page"'),
        ("../page-3/", "2023", "in-progress", "1", ""),
    ]
    assert (
        '<option value="Probation">Probation</option>' in generated[uris[0]] and '<option value="2023">2023</option>' in generated[uris[0]]
    )
    assert '<script src="../../assets/learning-library/tracker.js"></script>' in second
    # the counts are of every recommendation, on every page
    assert all('data-ll-count="open">3<' in generated[uri] for uri in uris)


def test_a_tracker_that_fits_one_page_lists_no_pages(library_root: Path) -> None:
    page = pages.generate(site_for(library_root))[addresses.TRACKER]
    assert "data-ll-tracker-pages" not in page and "data-ll-tracker-pager" not in page
    assert "Showing all 7 recommendations." in page


def test_recommendations_is_a_folder_the_library_fills(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    root = make_library({"content/recommendations/ours.md": "---\ntitle: Ours\n---\n\nOur own page.\n"})
    code, data = check_json(root, "--no-cache")
    assert code == 1
    assert [f["rule"] for f in data["findings"]] == ["metadata/reserved-path"]
