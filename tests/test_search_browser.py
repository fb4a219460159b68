"""Search in a real browser, on the built example library: queries, facets, deep links, drafts."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Page

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
