"""Search across a region's libraries in a real browser: two example libraries built and served on two loopback ports.

Kestrel Vale (the repository's example) lists Heron Bay (a small neighbour
written here, its index in parts as a large library's is) and Wrenford (a library that does not answer) under
``extra: regional_search``. Heron Bay's server allows other sites to read it
(CORS), as static hosts such as GitHub Pages do.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from learning_library.search import PART_ENVIRONMENT, PARTS_FILE

from .browser import VIEWPORTS, build
from .conftest import copy_example, document, write
from .test_standards_browser import AXE_OPTIONS, describe

pytestmark = pytest.mark.browser

OWN, NEIGHBOUR, DOWN = "Kestrel Vale", "Heron Bay", "Wrenford"
DATE = re.compile(r"(\d{1,2} [A-Z][a-z]+ \d{4})$")


class _Static(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Shared(_Static):
    """A static host that lets other sites' pages read it, as GitHub Pages does."""

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()


def serve(server: http.server.ThreadingHTTPServer) -> str:
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def closed_port() -> int:
    """A loopback port nothing listens on: the library there does not answer."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def neighbour_library(root: Path) -> Path:
    """Heron Bay: the example's settings and pages, with two documents of its own."""
    copy_example(root)
    config = (
        (root / "mkdocs.yml")
        .read_text()
        .replace(
            "site_name: Kestrel Vale Safeguarding Children Partnership learning library",
            "site_name: Heron Bay Safeguarding Children Partnership learning library",
        )
    )
    (root / "mkdocs.yml").write_text(config.replace("https://learning.kestrel-vale.example/", "https://learning.heron-bay.example/"))
    for folder in ("reviews", "briefings"):
        shutil.rmtree(root / folder)
    body = (
        "## Summary\n\nThe school noticed neglect: the child was often hungry and missed school.\n\n"
        "## Learning\n\n### Attendance is a safeguarding matter\n\nSchools share concerns about neglect with the school nurse.\n"
    )
    write(
        root / "reviews/2025-child-q.md",
        document("Child Q: multi-agency learning review", "learning-review", "2025-02-10", "[neglect]", body),
    )
    write(
        root / "briefings/2023-neglect-in-school.md",
        document(
            "Neglect: a briefing for school staff", "themed-briefing", "2023-05-01", "[neglect]", "Neglect can be seen at school first.\n"
        ),
    )
    return root


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Heron Bay served with CORS, then Kestrel Vale built to search it (and Wrenford, which is down), and served."""
    neighbour_server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Shared, directory="."))
    neighbour = f"http://127.0.0.1:{neighbour_server.server_address[1]}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(PART_ENVIRONMENT, "1")  # its index in parts, as a large library's is: each part must be merged
        patch.setenv("LEARNING_LIBRARY_PARALLEL_FROM", "1")  # (a large library is indexed from the rendered documents)
        neighbour_site = build(neighbour_library(tmp_path_factory.mktemp("heron-bay")))
    assert json.loads((neighbour_site / "pagefind" / PARTS_FILE).read_text()) == ["part-2/"]
    neighbour_server.RequestHandlerClass = functools.partial(_Shared, directory=str(neighbour_site))  # type: ignore[assignment]
    serve(neighbour_server)

    own = copy_example(tmp_path_factory.mktemp("kestrel-vale"))
    config = yaml.safe_load((own / "mkdocs.yml").read_text())
    down = f"http://127.0.0.1:{closed_port()}/"
    config["extra"]["regional_search"] = {
        "label": OWN,
        "libraries": [{"label": NEIGHBOUR, "url": f"{neighbour}/"}, {"label": DOWN, "url": down}],
    }
    (own / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    own_server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Static, directory=str(build(own))))
    yield {"own": serve(own_server), "neighbour": neighbour, "down": down.rstrip("/")}
    own_server.shutdown()
    neighbour_server.shutdown()


def searched(tab: Page, url: str) -> list[dict[str, str]]:
    """Open a search, show every result, and return each result's library, title, address and date."""
    tab.goto(url)
    tab.wait_for_selector("form[data-ll-ready][data-ll-state=done]")
    while tab.locator("[data-ll-more]").count():
        shown = tab.locator("[data-ll-results] > li").count()
        tab.click("[data-ll-more]")
        tab.wait_for_function(f"() => document.querySelectorAll('[data-ll-results] > li').length > {shown}")
    found = []
    for item in tab.locator("[data-ll-results] > li").all():
        link = item.locator(".ll-result-title a")
        meta = item.locator(".ll-result-meta").inner_text()
        date = DATE.search(meta)
        found.append(
            {
                "library": item.locator(".ll-result-library").inner_text(),
                "title": link.inner_text(),
                "href": link.evaluate("a => a.href"),
                "date": date[1] if date else "",
            }
        )
    return found


def test_a_merged_search_returns_results_from_both_libraries_each_labelled(desktop: Page, region: dict[str, str]) -> None:
    found = searched(desktop, f"{region['own']}/search/?q=neglect")
    by_library = {r["library"] for r in found}
    assert by_library == {OWN, NEIGHBOUR}, found
    neighbours = [r for r in found if r["library"] == NEIGHBOUR]
    assert {r["title"] for r in neighbours} == {"Child Q: multi-agency learning review", "Neglect: a briefing for school staff"}
    assert all(r["href"].startswith(f"{region['neighbour']}/") for r in neighbours)
    assert all(r["href"].startswith(f"{region['own']}/") for r in found if r["library"] == OWN)
    # Wrenford does not answer: the reader is told, and the search goes on without it
    assert DOWN in desktop.locator("[data-ll-notice]").inner_text()
    assert desktop.evaluate("window.__cspViolations") == []


def test_the_filter_by_library_keeps_one_library(desktop: Page, region: dict[str, str]) -> None:
    found = searched(desktop, f"{region['own']}/search/?q=neglect&library={NEIGHBOUR.replace(' ', '%20')}")
    assert {r["library"] for r in found} == {NEIGHBOUR} and len(found) == 2
    assert desktop.is_checked(f"input[name=library][value='{NEIGHBOUR}']")
    assert desktop.locator(f"input[name=library][value='{OWN}']").is_visible()


def test_newest_first_holds_across_the_libraries(desktop: Page, region: dict[str, str]) -> None:
    import datetime as dt

    found = searched(desktop, f"{region['own']}/search/?q=neglect&sort=date")
    dates = [dt.datetime.strptime(r["date"], "%d %B %Y").date() for r in found]
    assert dates == sorted(dates, reverse=True), found
    assert {r["library"] for r in found} == {OWN, NEIGHBOUR}


def test_only_the_search_page_may_contact_the_listed_libraries(desktop: Page, region: dict[str, str]) -> None:
    requested: list[str] = []
    desktop.on("request", lambda request: requested.append(request.url))
    searched(desktop, f"{region['own']}/search/?q=neglect")
    policy = desktop.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    assert f"connect-src 'self' {region['neighbour']} {region['down']};" in policy
    hosts = {re.match(r"https?://[^/]+", url)[0] for url in requested if not url.startswith("data:")}  # type: ignore[index]
    assert hosts <= {region["own"], region["neighbour"], region["down"]} and region["neighbour"] in hosts
    desktop.goto(f"{region['own']}/reviews/2024-child-ruby/")
    review_policy = desktop.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    assert "connect-src 'self';" in review_policy and "127.0.0.1" not in review_policy


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_merged_search_page_has_no_wcag_violations(browser: Browser, region: dict[str, str], viewport: str) -> None:
    phone = viewport == "phone"
    context = browser.new_context(viewport=VIEWPORTS[viewport], is_mobile=phone, has_touch=phone)  # type: ignore[arg-type]
    try:
        page: Any = context.new_page()
        searched(page, f"{region['own']}/search/?q=neglect&library={NEIGHBOUR.replace(' ', '%20')}&theme=Neglect")
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        assert not violations, describe(violations)
    finally:
        context.close()
