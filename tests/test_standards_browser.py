"""Public-sector standards in a real browser, on the built example library, over every page type.

- accessibility: axe-core finds no WCAG 2.0, 2.1 or 2.2 A or AA violation, on a
  desktop screen and on a phone;
- keyboard: tabbing reaches the search box and the links, and shows where it is;
- privacy: no page requests anything from any host but the site's own;
- Content-Security-Policy: every page carries one, and nothing the site does
  (search included) breaks it.

PAGE_TYPES is the one list of pages these tests visit. A page type whose page
is no longer built fails every test here, rather than being skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page

from .browser import VIEWPORTS, WATCH_CSP

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class PageType:
    name: str
    path: str
    """Relative to the site root, with any query."""
    ready: tuple[str, ...] = ()
    """Selectors to wait for before checking: what the page shows once its scripts have run."""
    opened: tuple[str, ...] = ()
    """Disclosures (``<details>``) to open before checking, so that what they hold is checked too."""


SEARCH_DONE = ("form[data-ll-state=done]", "[data-ll-results] li")

PAGE_TYPES = [
    PageType("home", ""),
    PageType("reviews index", "reviews/"),
    PageType("briefings index", "briefings/"),
    PageType("review", "reviews/2024-child-ruby/"),
    PageType("review with its details open", "reviews/2024-child-ruby/", opened=("details.ll-more",)),
    PageType("review with learning seen before", "reviews/2026-child-l/"),
    PageType("review whose full report is withdrawn", "reviews/2017-child-d/"),
    PageType("briefing", "briefings/2024-hidden-men/"),
    PageType("7-minute briefing", "briefings/2021-safer-sleep-7-minute-briefing/"),
    PageType("theme", "themes/neglect/"),
    PageType("theme with recommendations made again", "themes/hidden-men/"),
    PageType("themes overview", "themes/"),
    PageType("year", "years/2024/"),
    PageType("years overview", "years/"),
    PageType("recommendations tracker", "recommendations/"),
    PageType("tracker filtered from the address", "recommendations/?status=open&overdue=1"),
    PageType("statistics", "statistics/"),
    PageType("what's new", "whats-new/"),
    PageType("team packs", "packs/"),
    PageType("team pack", "packs/health/"),
    PageType("open data", "open-data/"),
    PageType("search with results", "search/?q=hidden%20men&theme=Hidden%20men", SEARCH_DONE),
    PageType("search with filters in two groups", "search/?q=child&age=Under%201&age=1%20to%204&theme=Neglect&sort=date", SEARCH_DONE),
    PageType("search with the filters open", "search/?q=neglect", SEARCH_DONE, opened=("details[data-ll-filters]",)),
    PageType("about", "about/"),
    PageType("how to use", "how-to-use/"),
    PageType("accessibility statement", "accessibility/"),
    PageType("page not found", "404.html"),
]
"""Every kind of page the site has; add a line for each new kind (the tracker, the statistics page)."""

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


@pytest.fixture(params=list(VIEWPORTS))
def context(request: pytest.FixtureRequest, browser: Browser) -> Iterator[BrowserContext]:
    phone = request.param == "phone"
    context = browser.new_context(viewport=VIEWPORTS[request.param], is_mobile=phone, has_touch=phone)  # type: ignore[arg-type]
    context.add_init_script(WATCH_CSP)
    yield context
    context.close()


def visit(tab: Page, site_url: str, page_type: PageType) -> None:
    """Open a page type and wait until it is ready; a page type whose page is missing fails here, loudly."""
    response = tab.goto(f"{site_url}/{page_type.path}")
    status = response.status if response else "no response"
    assert response is not None and response.ok, (
        f"page type {page_type.name!r} ({page_type.path}) answered {status}: the site no longer builds it; fix the page or PAGE_TYPES"
    )
    for selector in page_type.ready:
        tab.wait_for_selector(selector, timeout=15_000)
    for selector in page_type.opened:
        tab.locator(selector).evaluate("details => { details.open = true; }")


def describe(violations: list[dict[str, Any]]) -> str:
    """axe's violations as a reader can act on them: rule, impact, what to do, and where."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{', '.join(t for t in v['tags'] if t.startswith('wcag'))}] {v['helpUrl']}")
        for node in v["nodes"][:5]:
            lines.append(f"    at {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            lines.append(f"       {node.get('failureSummary', '').replace(chr(10), ' ')}")
        if len(v["nodes"]) > 5:
            lines.append(f"    and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


def axe_violations(tab: Page) -> list[dict[str, Any]]:
    results = Axe().run(tab, options=AXE_OPTIONS)
    violations: list[dict[str, Any]] = results.response["violations"]
    return violations


# --- accessibility -----------------------------------------------------------------


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda p: p.name)
def test_no_wcag_a_or_aa_violations(context: BrowserContext, site_url: str, page_type: PageType) -> None:
    tab = context.new_page()
    visit(tab, site_url, page_type)
    violations = axe_violations(tab)
    assert not violations, f"{page_type.name} ({page_type.path}) fails WCAG 2.2 AA:\n{describe(violations)}"


def test_the_accessibility_check_finds_violations_when_there_are_some(desktop: Page) -> None:
    """The check above can fail: on a page without a language, an image without a text alternative and an unlabelled box."""
    desktop.set_content('<html><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></body></html>')
    found = {v["id"] for v in axe_violations(desktop)}
    assert {"html-has-lang", "image-alt", "label"} <= found, found


def test_every_page_type_is_in_the_table() -> None:
    """Each hand-written page, and each kind of generated page (an index and one page under it), has a line in PAGE_TYPES."""
    from .conftest import REPO

    paths = {p.path.split("?")[0] for p in PAGE_TYPES}
    for page in sorted((REPO / "content").glob("*.md")):
        assert ("" if page.stem == "index" else f"{page.stem}/") in paths, f"content/{page.name} has no line in PAGE_TYPES"
    for folder in ("reviews/", "briefings/", "themes/", "years/", "packs/"):
        assert folder in paths, folder
        assert any(p.startswith(folder) and p != folder for p in paths), f"no page under {folder} in PAGE_TYPES"
    assert "search/" in paths and "open-data/" in paths


# --- keyboard ----------------------------------------------------------------------

FOCUS_STYLE = """el => {
  const style = getComputedStyle(el);
  return {outline: style.outlineStyle + " " + style.outlineWidth + " " + style.outlineColor, shadow: style.boxShadow};
}"""


def test_tabbing_reaches_the_search_box_and_links_with_a_visible_focus(desktop: Page, site_url: str) -> None:
    visit(desktop, site_url, PAGE_TYPES[0])
    reached: list[dict[str, Any]] = []
    for _ in range(60):
        desktop.keyboard.press("Tab")
        focused = desktop.evaluate_handle("document.activeElement")
        element = focused.as_element()
        assert element is not None and element.evaluate("el => el !== document.body"), "focus fell off the page"
        info = element.evaluate(
            "el => ({tag: el.tagName, id: el.id, text: el.textContent.trim(), href: el.getAttribute('href'), inContent: !!el.closest('.md-content'),"
            " visible: el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0})"
        )
        focused_look = element.evaluate(FOCUS_STYLE)
        element.evaluate("el => el.blur()")
        resting_look = element.evaluate(FOCUS_STYLE)
        element.focus()  # back where the keyboard left it, so the next Tab moves on from here
        info["indicator"] = focused_look != resting_look and (
            not focused_look["outline"].startswith("none") or focused_look["shadow"] != "none"
        )
        reached.append(info)
        if info["inContent"] and info["tag"] == "A" and any(r["id"] == "ll-header-q" for r in reached):
            break
    assert reached[0]["text"] == "Skip to content", f"the first Tab should reach the skip link: {reached[0]}"
    assert any(r["id"] == "ll-header-q" for r in reached), f"Tab never reached the search box: {reached}"
    assert any(r["inContent"] and r["tag"] == "A" for r in reached), f"Tab never reached a link in the page: {reached}"
    unmarked = [r for r in reached if r["visible"] and not r["indicator"]]
    assert not unmarked, f"focused without a visible focus indicator: {unmarked}"


def test_a_wide_table_on_a_phone_scrolls_with_the_keyboard(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"], is_mobile=True)  # type: ignore[arg-type]
    tab = context.new_page()
    visit(tab, site_url, next(p for p in PAGE_TYPES if p.name == "review"))
    box = tab.locator(".md-typeset__scrollwrap").first
    assert box.get_attribute("tabindex") == "0"
    assert box.get_attribute("aria-label") == "Table: Recommendations and progress"
    context.close()


# --- privacy -----------------------------------------------------------------------


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda p: p.name)
def test_no_request_leaves_the_site(desktop: Page, site_url: str, page_type: PageType) -> None:
    requested: list[str] = []
    desktop.on("request", lambda request: requested.append(request.url))
    visit(desktop, site_url, page_type)
    if page_type.path.startswith("search/"):
        desktop.fill("#ll-search-q", "neglect supervision")  # a new query fetches more of the index
        desktop.wait_for_function("() => location.search.includes('neglect+supervision')")
        desktop.wait_for_selector("form[data-ll-state=done]")
    desktop.wait_for_load_state("networkidle")
    assert requested, "no request was recorded at all"
    # data: addresses (Material's icons) are part of the page, not requests to a host.
    elsewhere = [url for url in requested if not url.startswith(f"{site_url}/") and not url.startswith("data:")]
    assert not elsewhere, f"{page_type.name} requested from other hosts: {elsewhere}"


EXTERNAL = re.compile(
    r"""<(?:script|img|iframe|audio|video|source|embed)\b[^>]*\bsrc=["']?(?:https?:)?//"""
    r"""|<link\b[^>]*\brel=["']?(?:stylesheet|preload|prefetch|preconnect|dns-prefetch|modulepreload|icon)[^>]*\bhref=["']?(?:https?:)?//"""
    r"""|<link\b[^>]*\bhref=["']?(?:https?:)?//[^>]*\brel=["']?(?:stylesheet|preload|prefetch|preconnect|dns-prefetch|modulepreload|icon)"""
    r"""|url\(["']?(?:https?:)?//|@import\s+["']?(?:https?:)?//""",
    re.IGNORECASE,
)


def test_no_built_page_or_stylesheet_loads_from_another_host(example_site: Path) -> None:
    """Every page, not only one of each type: nothing in the site's HTML or CSS points a browser at another host."""
    files = [*example_site.rglob("*.html"), *example_site.rglob("*.css")]
    assert len(files) > 50
    found = [f"{path.relative_to(example_site)}: {match.group(0)}" for path in files for match in EXTERNAL.finditer(path.read_text())]
    assert not found, found
    assert EXTERNAL.search('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">')


# --- Content-Security-Policy ---------------------------------------------------------


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda p: p.name)
def test_the_page_keeps_its_content_security_policy(desktop: Page, site_url: str, page_type: PageType) -> None:
    console: list[str] = []

    def note(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            console.append(message.text)

    desktop.on("console", note)
    visit(desktop, site_url, page_type)
    desktop.wait_for_load_state("networkidle")
    policy = desktop.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy, policy
    assert desktop.evaluate("window.__cspViolations") == []
    assert console == []


def test_the_policy_blocks_an_injected_inline_script(desktop: Page, site_url: str) -> None:
    """The check above can fail: a script the site did not ship is blocked and reported."""
    visit(desktop, site_url, PAGE_TYPES[0])
    desktop.evaluate(
        """() => { const s = document.createElement("script"); s.textContent = "window.__injected = true"; document.body.append(s); }"""
    )
    desktop.wait_for_function("() => window.__cspViolations.length > 0")
    assert desktop.evaluate("window.__injected === undefined")
    assert "script-src" in desktop.evaluate("window.__cspViolations[0]")
