"""Search in a real browser, on the built example library: queries, facets, deep links, drafts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page

from learning_library.library import load, load_settings, today
from learning_library.pages import index_library

from .conftest import REPO

pytestmark = pytest.mark.browser


def search(page: Page, site_url: str, query: str = "") -> list[str]:
    page.goto(f"{site_url}/search/{query}")
    return settled(page)


def settled(page: Page, text: str = "") -> list[str]:
    """Wait for the search to finish (and its status to mention ``text``), then return the result titles."""
    page.wait_for_selector("form[data-ll-ready][data-ll-state=done]")
    if text:
        page.wait_for_function(f"() => document.querySelector('[data-ll-status]').textContent.includes({text!r})")
        page.wait_for_selector("form[data-ll-state=done]")
    return results(page)


def results(page: Page) -> list[str]:
    return page.locator("[data-ll-results] .ll-result-title a").all_inner_texts()


def test_a_query_finds_the_review(page: Page, site_url: str) -> None:
    titles = search(page, site_url, "?q=hidden%20men")
    assert "Child Ruby: local child safeguarding practice review" in titles


def test_a_themes_other_names_find_its_documents_though_their_text_never_uses_them(page: Page, site_url: str) -> None:
    """``themes.yml`` lists the words people search for: "SUDI" finds what is tagged safer sleep."""
    index = index_library(load(load_settings(REPO / "mkdocs.yml")), today())
    tagged = {d.title for d in index.live if "safer-sleep" in d.themes}
    assert tagged and not any("sudi" in d.source.text.lower() for d in index.live)
    assert set(search(page, site_url, "?q=SUDI")) == tagged


def test_typing_in_the_box_searches_and_updates_the_address(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/search/")
    page.wait_for_selector("form[data-ll-ready]")
    page.fill("#ll-search-q", "safer sleep")
    assert any("safer sleep" in t.lower() for t in settled(page, "safer sleep"))
    assert "q=safer+sleep" in page.url


def test_a_theme_filter_narrows_the_results(page: Page, site_url: str) -> None:
    everything = search(page, site_url, "?q=child")
    page.check("input[name=theme][value=Neglect]")
    page.wait_for_function("() => location.search.includes('theme=Neglect')")
    narrowed = settled(page)
    assert 0 < len(narrowed) < len(everything)
    assert "theme=Neglect" in page.url
    for title in narrowed:
        page_text = _document_text(title)
        assert "neglect" in page_text


def test_a_deep_link_restores_query_filters_and_sort(page: Page, site_url: str) -> None:
    titles = search(page, site_url, "?q=supervision&theme=Neglect&sort=date&year=2023&year=2024")
    assert page.input_value("#ll-search-q") == "supervision"
    assert page.input_value("#ll-search-sort") == "date"
    assert page.is_checked("input[name=theme][value=Neglect]")
    assert page.is_checked("input[name=year][value='2023']") and page.is_checked("input[name=year][value='2024']")
    assert titles, "the deep link should find something"
    dates = page.locator("[data-ll-results] .ll-result-meta").all_inner_texts()
    years = [int(d[-4:]) for d in dates]
    assert all(y in (2023, 2024) for y in years) and years == sorted(years, reverse=True)


def test_the_search_works_from_the_keyboard_alone(page: Page, site_url: str) -> None:
    """Tab to the box, type, tab on to a facet and tick it with the space bar, as a keyboard user would."""
    page.goto(f"{site_url}/search/")
    page.wait_for_selector("form[data-ll-ready]")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "ll-search-q":
            break
    else:
        raise AssertionError("Tab never reached the search box")
    page.keyboard.type("child")
    everything = settled(page, "child")
    assert everything
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "theme":
            break
    else:
        raise AssertionError("Tab never reached a theme filter")
    page.keyboard.press("Space")
    page.wait_for_function("() => location.search.includes('theme=')")
    assert 0 < len(settled(page)) <= len(everything)


def test_the_header_form_opens_the_search_page(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/about/")
    page.fill("#ll-header-q", "hidden men")
    page.keyboard.press("Enter")
    assert "Child Ruby: local child safeguarding practice review" in settled(page)


def test_a_word_only_in_a_draft_or_scheduled_document_finds_nothing(page: Page, site_url: str) -> None:
    """Words found only in an unpublished document lead nowhere near it.

    Pagefind matches loosely (stems, near spellings), so another document may
    answer the query; the unpublished one never does, and it is nowhere in the site.
    """
    for unpublished in ("reviews/2026-child-p.md", "reviews/2099-child-w.md"):
        slug = Path(unpublished).stem
        for word in _words_only_in(REPO / unpublished)[:5]:
            search(page, site_url, f"?q={quote(word)}")
            hrefs = page.locator("[data-ll-results] .ll-result-title a").evaluate_all("links => links.map(a => a.href)")
            assert not any(slug in href for href in hrefs), (word, hrefs)


def test_the_index_holds_only_published_documents(example_site: Path) -> None:
    text = (example_site / "pagefind/pagefind-entry.json").read_text()
    published = len(list((example_site / "reviews").glob("*/index.html"))) + len(list((example_site / "briefings").glob("*/index.html")))
    assert f'"page_count":{published}' in text


def _document_text(title: str) -> str:
    for path in [*(REPO / "reviews").glob("*.md"), *(REPO / "briefings").glob("*.md")]:
        text = path.read_text()
        if title in text:
            return text.lower()
    raise AssertionError(f"no document titled {title}")


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]{6,}", text.lower()))


def _words_only_in(path: Path) -> list[str]:
    others: set[str] = set()
    for other in [*(REPO / "reviews").glob("*.md"), *(REPO / "briefings").glob("*.md"), *(REPO / "content").rglob("*.md")]:
        if other != path:
            others |= _words(other.read_text())
    # Pagefind matches by stem and prefix, so the word's first six letters must be its own too.
    stems = {w[:6] for w in others}
    unique = sorted(w for w in _words(path.read_text()) - others if w[:6] not in stems)
    assert unique, f"{path.name} has no word of its own to search for"
    return unique


# --- results first, filters that say how they combine ----------------------------------


def _published() -> list[Any]:
    """The example's documents on the site today, as the build publishes them."""
    return index_library(load(load_settings(REPO / "mkdocs.yml")), today()).live


def _all_results(page: Page) -> list[str]:
    while page.locator("[data-ll-more]").count():
        shown = page.locator("[data-ll-results] > li").count()
        page.click("[data-ll-more]")
        page.wait_for_function(f"() => document.querySelectorAll('[data-ll-results] > li').length > {shown}")
    return results(page)


def test_on_a_phone_the_first_result_shows_without_scrolling_after_a_search(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    try:
        tab = context.new_page()
        tab.goto(f"{site_url}/search/")
        tab.wait_for_selector("form[data-ll-ready]")
        tab.fill("#ll-search-q", "neglect")
        tab.keyboard.press("Enter")
        settled(tab, "neglect")
        assert tab.evaluate("window.scrollY") == 0
        first = tab.locator("[data-ll-results] > li .ll-result-title").first.bounding_box()
        assert first is not None and first["y"] > 0 and first["y"] + first["height"] <= 740, first
        # the filters are one closed "Filter" line above the results, which counts the filters that are on
        assert tab.locator("details[data-ll-filters]").evaluate("d => d.open") is False
        assert tab.locator("details[data-ll-filters] > summary").inner_text().strip() == "Filter"
        tab.click("details[data-ll-filters] > summary")
        tab.check("input[name=theme][value=Neglect]")
        settled(tab)
        assert tab.locator("details[data-ll-filters] > summary").inner_text().strip() == "Filter (1 on)"
    finally:
        context.close()


def test_on_a_wide_screen_the_filters_are_a_column_beside_the_results(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    search(page, site_url, "?q=neglect")
    assert page.locator("details[data-ll-filters]").evaluate("d => d.open") is True
    filters = page.locator("[data-ll-facets]").bounding_box()
    first = page.locator("[data-ll-results] > li").first.bounding_box()
    assert filters and first and filters["x"] + filters["width"] <= first["x"] and first["y"] < 800


def test_groups_are_in_the_readers_order(page: Page, site_url: str) -> None:
    search(page, site_url, "?q=child")
    ages = page.locator("[data-ll-facet=age] input").evaluate_all("boxes => boxes.map(b => b.value)")
    assert ages == ["Under 1", "1 to 4", "5 to 9", "10 to 14", "15 to 17"]
    years = page.locator("[data-ll-facet=year] input").evaluate_all("boxes => boxes.map(b => b.value)")
    assert years == sorted(years, reverse=True) and len(years) > 3
    groups = page.locator("[data-ll-facet=type] fieldset legend").all_inner_texts()
    assert groups == ["Reviews", "Briefings"]
    briefing_types = page.locator("[data-ll-facet=type] fieldset").nth(1).locator("input").evaluate_all("bs => bs.map(b => b.value)")
    assert "Themed briefing" in briefing_types and "Local child safeguarding practice review" not in briefing_types


def test_values_in_one_group_combine_with_or_and_groups_with_and(page: Page, site_url: str) -> None:
    published = _published()
    young = {d.title for d in published if d.age_band in ("under-1", "1-4")}
    young_and_neglect = {d.title for d in published if d.age_band in ("under-1", "1-4") and "neglect" in d.themes}
    assert len(young) > len(young_and_neglect) > 0
    search(page, site_url, "?age=Under%201")
    page.check("input[name=age][value='1 to 4']")
    page.wait_for_function("() => location.search.includes('age=1+to+4')")
    settled(page)
    assert set(_all_results(page)) == young
    assert page.locator("[data-ll-status]").inner_text().startswith(f"{len(young)} results")
    # a value's count is what ticking it would add: in the ticked group, counted without that group
    under_one = sum(1 for d in published if d.age_band == "under-1")
    assert page.locator("label:has(input[name=age][value='Under 1']) .ll-facet-count").inner_text() == f"({under_one})"
    page.check("input[name=theme][value=Neglect]")
    page.wait_for_function("() => location.search.includes('theme=Neglect')")
    settled(page)
    assert set(_all_results(page)) == young_and_neglect
    assert "Boxes ticked in different groups must all match" in page.locator(".ll-filter-rule").inner_text()


def test_a_value_that_would_find_nothing_cannot_be_chosen(page: Page, site_url: str) -> None:
    published = _published()
    search(page, site_url, "?theme=Infants")
    infant_ages = {d.age_band for d in published if "infants" in d.themes}
    assert "15-17" not in infant_ages
    teenage = page.locator("input[name=age][value='15 to 17']")
    assert not teenage.is_visible() and teenage.is_disabled()
    shown = page.locator("[data-ll-facets] label.ll-facet-value:visible .ll-facet-count").all_inner_texts()
    assert shown and "(0)" not in shown
    # ticked in the address, a value stays visible so that it can be unticked, even when it finds nothing
    search(page, site_url, "?theme=Infants&age=15%20to%2017")
    assert teenage.is_visible() and teenage.is_checked() and not teenage.is_disabled()
    assert page.locator("[data-ll-status]").inner_text().startswith("0 results")


def test_the_number_of_results_is_announced_politely(page: Page, site_url: str) -> None:
    search(page, site_url, "?q=supervision")
    status = page.locator("[data-ll-status]")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert re.fullmatch(r"\d+ results? for “supervision”\.", status.inner_text())


def test_without_javascript_the_page_offers_the_indexes_and_no_dead_filters(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f"{site_url}/search/?q=neglect&theme=Neglect")
        assert tab.locator("#ll-search-q").is_visible()
        assert tab.locator("details[data-ll-filters]").is_hidden()
        assert "Browse the reviews, briefings or themes instead" in tab.locator("noscript").inner_text()
    finally:
        context.close()


def test_with_no_other_library_the_search_page_contacts_no_other_host(page: Page, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    search(page, site_url, "?q=neglect&sort=date")
    page.check("input[name=theme][value=Neglect]")
    settled(page)
    page.wait_for_load_state("networkidle")
    assert requested and all(url.startswith(f"{site_url}/") or url.startswith("data:") for url in requested), requested
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    assert "connect-src 'self';" in policy
    assert not page.locator("[data-ll-facet=library]").count() and not page.locator(".ll-result-library").count()
