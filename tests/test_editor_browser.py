"""The browser editor, for real: `learning-library edit` on a copy of the example library, driven in Chromium.

A comms officer creates a themed briefing in the form (two themes picked from
the list, a summary, the text), saves it, and finds it in briefings/ as a draft
that passes the check, in the shape `learning-library new` writes. A name
planted in its text then shows on every page of the preview and in the
editor's own preview pane. The editor has no serious or critical axe-core
violation, asks nothing of any other host, and its generated configuration
passes the CMS's own validation (Decap CMS publishes no JSON schema; it checks
its configuration against its own schema as it loads, which a broken
configuration shows it does).
"""

from __future__ import annotations

import json
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page

from learning_library import authoring

from .browser import VIEWPORTS
from .conftest import CheckJson, copy_example
from .servers import free_port, get, running, wait_for
from .test_standards_browser import axe_violations, describe

pytestmark = pytest.mark.browser

TITLE = "Neglect and hidden men: learning from reviews"
SLUG = "2026-neglect-and-hidden-men-learning-from-reviews"
SUMMARY = "Reviews found that professionals did not ask about the men in a child's life. This briefing sets out what to do."
ADDED = "Ask who else lives in the home, and who visits."
PLANTED = "Kerry Clarke"  # an invented name


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("editor"), with_cache=True)


@pytest.fixture(scope="module")
def editor(library: Path) -> Iterator[str]:
    """``learning-library edit`` in the library, as ``make edit`` runs it (without opening a browser)."""
    port = free_port()
    command = [sys.executable, "-m", "learning_library", "edit", "--no-browser", "--port", str(port)]
    with running(command, port, library, ready="/api/preview", what="learning-library edit to start", timeout=300) as url:
        yield url


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=VIEWPORTS["desktop"])  # type: ignore[arg-type]
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # "leave with unsaved changes?"
    yield page
    context.close()


def sign_in(page: Page, editor: str) -> None:
    """The local editor needs no account: its sign-in page has one button."""
    page.goto(editor + "/admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_role("link", name="Reviews", exact=True).wait_for()


def open_form(page: Page, editor: str, route: str) -> None:
    page.goto("about:blank")  # a fresh load: the CMS keeps a half-filled form across changes of address
    page.goto(f"{editor}/admin/#/{route}")
    page.get_by_label("Title").wait_for()


def type_at_end_of_body(page: Page, text: str) -> None:
    last_line = page.get_by_role("textbox", name="Text").locator("[data-slate-node=element]").last
    last_line.click()
    page.keyboard.press("End")
    page.keyboard.type(f"\n\n{text}")


def publish(page: Page) -> None:
    """ "Publish now": under `learning-library edit`, save the entry to its file (a draft stays a draft)."""
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_role("menuitem", name="Publish now").click()
    page.get_by_text("Changes saved").wait_for(timeout=30_000)


def front_matter(text: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(text.split("---\n")[1])
    return loaded


def test_a_themed_briefing_made_in_the_editor_is_a_draft_that_passes_the_check_and_a_planted_name_shows_in_the_preview(
    editor: str, library: Path, tab: Page, check_json: CheckJson, browser: Browser
) -> None:
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    sign_in(tab, editor)
    open_form(tab, editor, "collections/themed-briefing/new")
    tab.get_by_label("Title").fill(TITLE)
    tab.get_by_label("Publication date").fill("2026-11-20")
    themes = tab.get_by_label("Themes")
    for theme in ("Neglect", "Hidden men"):
        themes.click()
        tab.keyboard.type(theme)
        tab.keyboard.press("Enter")
    tab.get_by_label("Summary").fill(SUMMARY)
    type_at_end_of_body(tab, ADDED)
    publish(tab)

    path = library / "briefings" / f"{SLUG}.md"
    wait_for(path.exists, f"{path.name} to be saved")
    text = path.read_text()
    values = front_matter(text)
    assert values["status"] == "draft" and values["type"] == "themed-briefing"
    assert values["themes"] == ["neglect", "hidden-men"] and values["summary"] == SUMMARY and values["title"] == TITLE
    assert str(values["published"]) == "2026-11-20"
    assert list(values) == list(authoring.starter("themed-briefing").keys)  # the keys new writes, in its order
    assert all(f"## {heading}\n" in text for heading in ("Why this briefing", "Risk factors", "Learning for improved practice"))
    assert text.rstrip().endswith(ADDED)
    code, report = check_json(library, f"briefings/{SLUG}.md")
    assert code == 0 and report["findings"] == [], report

    # A name in the text: the check blocks publication, and the preview says so on every page.
    open_form(tab, editor, f"collections/themed-briefing/entries/{SLUG}")
    type_at_end_of_body(tab, f"{PLANTED} did not attend the meeting.")
    publish(tab)
    wait_for(lambda: PLANTED in path.read_text(), "the name to be saved")
    wait_for(lambda: json.loads(get(editor + "/api/preview")[1])["blocked"], "the check to block publication")
    preview = browser.new_page()
    for address in ("/", "/briefings/", f"/briefings/{SLUG}/"):
        preview.goto(editor + address)
        assert preview.locator("h1").inner_text().endswith("so the preview is paused"), address
        assert preview.locator("mark").first.inner_text() == PLANTED
        assert f"briefings/{SLUG}.md, line" in preview.locator("h2").first.inner_text()
        assert "What to do" in preview.locator("main").inner_text()
    violations = axe_violations(preview)
    assert not violations, f"the problems page fails WCAG 2.2 AA:\n{describe(violations)}"
    preview.close()
    pane = tab.frame_locator("#preview-pane")
    pane.get_by_text("1 problem blocks publication").wait_for(timeout=15_000)
    assert pane.locator("mark").inner_text() == PLANTED

    hosts = {url.split("/")[2] for url in requests if url.startswith("http")}
    assert hosts == {editor.removeprefix("http://")}, hosts  # nothing from any other host, no CDN

    path.unlink()  # the next tests see the example library as it was
    wait_for(lambda: not json.loads(get(editor + "/api/preview")[1])["blocked"], "the preview to resume")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_editor_has_no_serious_or_critical_accessibility_violation(editor: str, browser: Browser, viewport: str) -> None:
    phone = viewport == "phone"
    context = browser.new_context(viewport=VIEWPORTS[viewport], is_mobile=phone, has_touch=phone)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(editor + "/admin/")
    page.get_by_role("button", name="Login").wait_for()
    seen = {"sign-in": axe_violations(page)}
    page.get_by_role("button", name="Login").click()
    page.get_by_role("link", name="Reviews", exact=True).wait_for()
    seen["collection"] = axe_violations(page)
    for name, route in (
        ("new themed briefing", "collections/themed-briefing/new"),
        ("new review", "collections/reviews/new"),
        ("a review with recommendations", "collections/reviews/entries/2024-child-ruby"),
    ):
        open_form(page, editor, route)
        page.wait_for_timeout(1000)  # the preview pane and the lists settle
        seen[name] = axe_violations(page)
    context.close()
    failing = {name: [v for v in found if v["impact"] in ("serious", "critical")] for name, found in seen.items()}
    assert not any(failing.values()), "\n".join(f"{name}:\n{describe(found)}" for name, found in failing.items() if found)


def test_the_generated_configuration_passes_the_cms_own_validation_which_would_catch_a_broken_one(editor: str, tab: Page) -> None:
    tab.goto(editor + "/admin/")
    tab.get_by_role("button", name="Login").wait_for()
    assert "Error loading the CMS configuration" not in tab.content()

    with urllib.request.urlopen(editor + "/admin/config.yml") as response:
        config = yaml.safe_load(response.read())
    themes = next(f for f in config["collections"][0]["fields"] if f["name"] == "themes")
    del themes["options"]  # a select with nothing to pick from: Decap's schema requires options
    broken = yaml.safe_dump(config)
    tab.route("**/admin/config.yml", lambda route: route.fulfill(status=200, content_type="text/yaml", body=broken))
    tab.goto("about:blank")
    tab.goto(editor + "/admin/")
    tab.get_by_text("Error loading the CMS configuration").wait_for()
    assert "'collections[0].fields[4]' must have required property 'options'" in tab.locator("body").inner_text()
