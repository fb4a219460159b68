"""The feeds of one theme and one type: what is published on it, nothing else, linked from the pages they follow."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from learning_library import addresses, pages
from learning_library.pages import feed

from .conftest import document, site_for
from .test_whats_new import feed_entries

NS = {"a": "http://www.w3.org/2005/Atom"}


def test_a_theme_has_a_feed_of_what_is_published_on_it(library_root: Path) -> None:
    files = pages.data(site_for(library_root))
    entries = feed_entries(files["feeds/themes/hidden-men.xml"])
    assert [e["title"] for e in entries] == [
        "Hidden men: learning from case reviews",
        "Child B: local child safeguarding practice review",
        "Child A: local child safeguarding practice review",
    ]
    assert feed_entries(files["feeds/themes/neglect.xml"])[-1]["title"] == "Child A: local child safeguarding practice review"
    # the draft (Child C) and the scheduled review (Child S) are on neglect, and in no feed
    assert not any("Child C" in text or "Child S" in text for text in files.values() if text.startswith("<?xml"))
    later = pages.data(site_for(library_root, dt.date(2025, 9, 1)))
    assert "Child S: local child safeguarding practice review" in [e["title"] for e in feed_entries(later["feeds/themes/neglect.xml"])]


def test_a_type_has_a_feed_and_every_theme_and_type_has_one(library_root: Path) -> None:
    index = site_for(library_root)
    files = pages.data(index)
    assert [e["title"] for e in feed_entries(files["feeds/types/seven-minute-briefing.xml"])] == ["Neglect: 7-minute briefing"]
    assert feed_entries(files["feeds/types/scr.xml"]) == []
    vocabulary = index.vocabulary
    feeds = {uri for uri in files if uri.startswith("feeds/")}
    assert feeds == {addresses.theme_feed(t) for t in vocabulary.themes} | {
        addresses.type_feed(t) for t in [*vocabulary.review_types, *vocabulary.briefing_types]
    }


def test_a_feed_names_itself_and_the_page_it_follows(library_root: Path) -> None:
    root = ET.fromstring(pages.data(site_for(library_root))["feeds/themes/hidden-men.xml"])
    assert root.findtext("a:title", namespaces=NS) == "Kestrel Vale Safeguarding Children Partnership learning library: Hidden men"
    links = {link.get("rel"): link.get("href") for link in root.findall("a:link", NS)}
    assert links == {
        "self": "https://learning.kestrel-vale.example/feeds/themes/hidden-men.xml",
        "alternate": "https://learning.kestrel-vale.example/themes/hidden-men/",
    }
    assert root.findtext("a:id", namespaces=NS) == "https://learning.kestrel-vale.example/feeds/themes/hidden-men.xml"


def test_a_topic_feed_keeps_to_the_newest(make_library: Callable[..., Path]) -> None:
    many = {
        f"reviews/2024-child-{n:02d}.md": document(f"Child {n:02d}", "lcspr", f"2024-01-{n:02d}", "[safer-sleep]")
        for n in range(1, feed.TOPIC_FEED_SIZE + 6)
    }
    files = pages.data(site_for(make_library(many)))
    titles = [e["title"] for e in feed_entries(files["feeds/themes/safer-sleep.xml"])]
    assert len(titles) == feed.TOPIC_FEED_SIZE and titles[0] == f"Child {feed.TOPIC_FEED_SIZE + 5:02d}" and titles[-1] == "Child 06"


def front(page: str) -> dict[str, Any]:
    meta = yaml.safe_load(page.split("---\n", 2)[1])
    assert isinstance(meta, dict)
    return meta


def test_a_theme_page_links_to_its_feed_in_its_head_and_in_its_text(library_root: Path) -> None:
    page = pages.generate(site_for(library_root))[addresses.theme_uri("hidden-men")]
    assert front(page)["feeds"] == [
        {"title": "Kestrel Vale Safeguarding Children Partnership learning library: Hidden men", "path": "feeds/themes/hidden-men.xml"}
    ]
    assert "[new reviews and briefings on hidden men](../feeds/themes/hidden-men.xml) (Atom feed)" in page


def test_the_reviews_and_briefings_indexes_link_to_the_feed_of_each_type(library_root: Path) -> None:
    generated = pages.generate(site_for(library_root))
    reviews, briefings = generated[addresses.REVIEWS_INDEX], generated[addresses.BRIEFINGS_INDEX]
    assert [f["path"] for f in front(reviews)["feeds"]][:2] == ["feeds/types/lcspr.xml", "feeds/types/cspr-national.xml"]
    assert "- [Local child safeguarding practice review](../feeds/types/lcspr.xml)" in reviews
    assert "- [7-minute briefing](../feeds/types/seven-minute-briefing.xml)" in briefings
    assert "lcspr.xml" not in briefings
