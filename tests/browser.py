"""The browser harness: the example library built once, served on 127.0.0.1, driven by Debian's Chromium.

Playwright cannot download its own browsers here, so it launches the system
Chromium (``LEARNING_LIBRARY_CHROMIUM``, default /usr/bin/chromium) with the
flags that keep it off the network.

The built site forbids JavaScript's ``eval`` (its Content-Security-Policy), so
``wait_for_function`` takes a function (``"() => location.search.includes('q=')"``),
never a bare expression, which Playwright would evaluate with ``eval``.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import copy_example, mkdocs_build

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 740}}

WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber);
});
"""
"""Installed before any page script runs (Playwright's init scripts are not subject to the page's policy)."""

CHROMIUM = os.environ.get("LEARNING_LIBRARY_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def build(root: Path) -> Path:
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(copy_example(tmp_path_factory.mktemp("example-site")))


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """A built site served on 127.0.0.1 while the block runs; yields its address, without a closing slash."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(example_site: Path) -> Iterator[str]:
    with served(example_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"Chromium is not installed at {CHROMIUM}; .ci/run installs Debian's chromium package"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context()  # type: ignore[attr-defined]
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Page]:
    """A desktop-sized page that records every Content-Security-Policy violation in ``window.__cspViolations``."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"])  # type: ignore[arg-type]
    context.add_init_script(WATCH_CSP)
    yield context.new_page()
    context.close()
