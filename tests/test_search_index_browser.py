"""A search index in parts, in Chromium: the search page searches every part as one index.

A large library is indexed in parts (see ``learning_library.search``); here the
example library is made to index three documents a part, and its search page
must find what the example's one-part index finds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from learning_library.search import PART_ENVIRONMENT, PARTS_FILE

from .browser import build, served
from .conftest import copy_example

pytestmark = pytest.mark.browser

QUERIES = ("neglect", "health visitor", "sleep")


@pytest.fixture(scope="module")
def parts_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(PART_ENVIRONMENT, "3")
        patch.setenv("LEARNING_LIBRARY_PARALLEL_FROM", "1")  # index from the rendered documents, as a large library does
        return build(copy_example(tmp_path_factory.mktemp("index-in-parts")))


@pytest.fixture(scope="module")
def parts_url(parts_site: Path) -> Iterator[str]:
    with served(parts_site) as url:
        yield url


def found(page: Any, url: str, query: str) -> set[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{url}/search/?q={query.replace(' ', '+')}")
    page.wait_for_selector("[data-ll-results] li a", timeout=15_000)
    page.wait_for_timeout(500)  # every part answers before the list is read
    for _ in range(20):  # every page of results
        more = page.locator("[data-ll-more]")
        if not more.count() or not more.first.is_visible():
            break
        shown = page.locator("[data-ll-results] li").count()
        more.first.click()
        page.wait_for_function("n => document.querySelectorAll('[data-ll-results] li').length > n", arg=shown, timeout=15_000)
    assert not errors, errors
    hrefs: list[str] = page.locator("[data-ll-results] li a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return {href.split("#")[0] for href in hrefs}


def test_the_index_is_in_parts_behind_one_module(parts_site: Path) -> None:
    index = parts_site / "pagefind"
    parts = sorted(p.name for p in index.glob("part-*"))
    assert len(parts) >= 2 and all((index / part / "pagefind-entry.json").is_file() for part in parts)
    module = (index / "pagefind.js").read_text()
    assert 'import * as pagefind from "./pagefind-core.js"' in module and all(f'"{part}/"' in module for part in parts)
    assert (index / "pagefind-core.js").is_file() and (index / "pagefind-entry.json").is_file()
    # and listed for other libraries' search pages, which merge every part (see test_regional_browser.py)
    assert sorted(json.loads((index / PARTS_FILE).read_text())) == [f"{part}/" for part in parts]


def test_an_index_in_one_part_lists_no_other_parts(example_site: Path) -> None:
    assert json.loads((example_site / "pagefind" / PARTS_FILE).read_text()) == []


@pytest.mark.parametrize("query", QUERIES)
def test_the_search_page_finds_in_every_part_what_one_index_finds(page: Any, parts_url: str, site_url: str, query: str) -> None:
    whole = found(page, site_url, query)
    assert whole
    assert found(page, parts_url, query) >= whole
