"""Page addresses: the links written as HTML must match what MkDocs writes."""

from __future__ import annotations

import posixpath

import pytest

from learning_library.addresses import asset_href, href, page_url, relpath


@pytest.mark.parametrize(
    ("uri", "directory", "flat"),
    [
        ("index.md", "", "index.html"),
        ("reviews/index.md", "reviews/", "reviews/index.html"),
        ("reviews/x.md", "reviews/x/", "reviews/x.html"),
    ],
)
def test_page_url(uri: str, directory: str, flat: str) -> None:
    assert page_url(uri, True) == directory
    assert page_url(uri, False) == flat


@pytest.mark.parametrize(
    ("from_uri", "to_uri", "directory", "flat"),
    [
        ("reviews/index.md", "reviews/x.md", "x/", "x.html"),
        ("themes/neglect.md", "reviews/x.md", "../../reviews/x/", "../reviews/x.html"),
        ("index.md", "reviews/x.md", "reviews/x/", "reviews/x.html"),
        ("reviews/x.md", "reviews/y.md", "../y/", "y.html"),
        ("reviews/page-2.md", "reviews/index.md", "../", "index.html"),
        ("reviews/x.md", "index.md", "../../", "../index.html"),
    ],
)
def test_href(from_uri: str, to_uri: str, directory: str, flat: str) -> None:
    assert href(from_uri, to_uri, True) == directory
    assert href(from_uri, to_uri, False) == flat


@pytest.mark.parametrize(
    ("from_uri", "directory", "flat"),
    [
        ("recommendations.md", "../assets/learning-library/tracker.js", "assets/learning-library/tracker.js"),
        ("index.md", "assets/learning-library/tracker.js", "assets/learning-library/tracker.js"),
        ("themes/neglect.md", "../../assets/learning-library/tracker.js", "../assets/learning-library/tracker.js"),
    ],
)
def test_asset_href(from_uri: str, directory: str, flat: str) -> None:
    assert asset_href(from_uri, "tracker.js", True) == directory
    assert asset_href(from_uri, "tracker.js", False) == flat


@pytest.mark.parametrize(
    ("path", "start"),
    [
        ("reviews/a.md", "."),
        ("reviews/a.md", "reviews"),
        ("themes/neglect.md", "reviews"),
        ("index.md", "recommendations"),
        ("recommendations/page-2/", "recommendations/"),
        ("assets/learning-library/tracker.js", "recommendations/page-2/"),
        (".", "years/2020/"),
        ("reviews/", "reviews/"),
        ("a/b/c.md", "a/b/c/d"),
        ("../outside.md", "reviews"),
    ],
)
def test_relative_paths_are_those_posixpath_gives_without_asking_the_file_system(path: str, start: str) -> None:
    assert relpath(path, start) == posixpath.relpath(path, start)
