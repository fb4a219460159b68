"""The search page's addresses hold whichever way the site writes its addresses (a built site's links: test_build.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from learning_library.library import load, load_settings
from learning_library.pages import index_library, search_page


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
