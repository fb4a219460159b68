"""The generated pages of learning into practice in the built site (menu, feed link), and their addresses reserved."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from learning_library import check
from learning_library.library import load_settings

from .conftest import TODAY, mkdocs_build


@pytest.mark.build
def test_the_built_site_has_the_new_pages_in_the_menu_and_a_feed(library_root: Path) -> None:
    result = mkdocs_build(library_root, today=TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    site = library_root / "site"
    for page in ("recommendations/index.html", "statistics/index.html", "whats-new/index.html", "feed.xml"):
        assert (site / page).is_file(), page
    home = (site / "index.html").read_text()
    # the about page has nothing to say about these pages or reviews, so any mention is the navigation's
    about = (site / "about/index.html").read_text()
    for label, href in (("Recommendations", "recommendations/"), ("What's new", "whats-new/"), ("Statistics", "statistics/")):
        assert re.search(rf'href="../{href}" class="md-tabs__link">\s*{label}\s*</a>', about), label
    assert "child-b" not in about and "child-a" not in about
    assert '<link rel="alternate" type="application/atom+xml"' in home and 'href="feed.xml"' in home
    review = (site / "reviews/2024-child-b/index.html").read_text()
    assert 'href="../../feed.xml"' in review
    feed = (site / "feed.xml").read_text()
    assert "Child C" not in feed and "Child S" not in feed
    tracker_page = (site / "recommendations/index.html").read_text()
    assert tracker_page.count('class="ll-overdue"') == 3
    assert (site / "assets/learning-library/tracker.js").is_file()


def test_pages_may_link_to_the_new_pages_but_not_replace_them(library_root: Path) -> None:
    links = "See the [tracker](recommendations.md), [what's new](whats-new.md), [statistics](statistics.md) and [feed](feed.xml).\n"
    (library_root / "content/about.md").write_text("---\ntitle: About\n---\n\n" + links)
    (library_root / "content/statistics.md").write_text("---\ntitle: Our statistics\n---\n\nFigures.\n")
    report = check.run(load_settings(library_root / "mkdocs.yml"), on=TODAY, use_cache=False).results
    assert [(f.path.rsplit("/", 1)[-1], f.rule) for f in report] == [("statistics.md", "metadata/reserved-path")]
    assert "rename this page" in next(iter(report)).message
