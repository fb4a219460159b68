"""The search page's addresses hold whichever way the site writes its addresses (a built site's links: test_build.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from learning_library.library import load, load_settings
from learning_library.pages import index_library, search_page

from .conftest import set_extra


@pytest.mark.parametrize(
    ("directory_urls", "action", "script", "reviews"),
    [
        (True, ".", "../assets/learning-library/search.js", "../reviews/"),
        (False, "search.html", "assets/learning-library/search.js", "reviews/index.html"),
    ],
)
def test_the_search_page_addresses(make_library: Callable[..., Path], directory_urls: bool, action: str, script: str, reviews: str) -> None:
    root = make_library()
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    config["use_directory_urls"] = directory_urls
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    index = index_library(load(load_settings(root / "mkdocs.yml")), dt.date(2025, 6, 30))
    page = search_page.page(index)
    assert f'action="{action}"' in page
    assert f'<script src="{script}"></script>' in page
    assert f'<a href="{reviews}">reviews</a>' in page


def test_the_filters_come_in_the_readers_order_and_say_how_they_combine(make_library: Callable[..., Path]) -> None:
    index = index_library(load(load_settings(make_library() / "mkdocs.yml")), dt.date(2025, 6, 30))
    groups = {g["name"]: g for g in search_page.facets(index)["facets"]}  # type: ignore[attr-defined]
    assert list(groups) == ["theme", "type", "year", "age", "agency"]
    assert groups["age"]["values"] == ["Under 1", "1 to 4", "5 to 9", "10 to 14", "15 to 17"]
    assert [g["label"] for g in groups["type"]["groups"]] == ["Reviews", "Briefings"]
    assert groups["type"]["groups"][0]["values"][0] == "Local child safeguarding practice review"
    assert groups["year"]["newest_first"] is True
    page = search_page.page(index)
    assert "Boxes ticked in different groups must all match" in page
    assert 'data-ll-settings="{&quot;facets&quot;:[{&quot;name&quot;:&quot;theme&quot;' in page
    assert "library" not in search_page.facets(index) and "regional" not in page


def test_with_a_regional_search_the_libraries_are_a_filter_group_of_their_own(make_library: Callable[..., Path]) -> None:
    root = make_library()
    set_extra(root, {"regional_search": {"label": "Kestrel Vale", "libraries": [{"label": "Heron Bay", "url": "https://h.example/"}]}})
    index = index_library(load(load_settings(root / "mkdocs.yml")), dt.date(2025, 6, 30))
    settings = search_page.facets(index)
    assert settings["facets"][0] == {"name": "library", "label": "Library", "values": ["Kestrel Vale", "Heron Bay"]}  # type: ignore[index]
    assert settings["own"] == "Kestrel Vale"
    assert settings["libraries"] == [{"label": "Heron Bay", "url": "https://h.example/", "index": "https://h.example/pagefind/"}]
