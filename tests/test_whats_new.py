"""What's new and its Atom feed: what is published, month by month, and nothing else."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from learning_library import addresses, pages
from learning_library.pages import feed, whats_new

from .conftest import site_for


def test_whats_new_lists_publications_and_progress_month_by_month(library_root: Path) -> None:
    page = pages.generate(site_for(library_root))[addresses.WHATS_NEW]
    months = re.findall(r"^## (.+)$", page, re.MULTILINE)
    # June 2024's update to B-R4 is more than twelve months back; drafts and scheduled reviews never appear
    assert months == ["March 2025", "February 2025", "December 2024"]
    assert "Hidden men: learning from case reviews" in page[page.index("## February 2025") : page.index("## December 2024")]
    december = page[page.index("## December 2024") :]
    assert "R5, status open: Health visitors ask" in december and "R6, status open: Probation checks" in december
    assert "Child C" not in page and "Child S" not in page


def test_a_busy_year_leaves_out_whole_earlier_months_and_says_where_they_are(library_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(whats_new, "MOST_ENTRIES", 2)
    page = pages.generate(site_for(library_root))[addresses.WHATS_NEW]
    # March (one update) and February (one briefing) fit; December's two updates would pass the limit
    assert re.findall(r"^## (.+)$", page, re.MULTILINE) == ["March 2025", "February 2025"]
    assert "month by month over the last 6 months." in page  # June back to January: January had nothing
    assert "Earlier months are left out to keep this page quick to load" in page and "(recommendations.md)" in page


def test_a_quiet_year_covers_all_twelve_months(library_root: Path) -> None:
    page = pages.generate(site_for(library_root))[addresses.WHATS_NEW]
    assert "over the last 12 months." in page and "Earlier months are left out" not in page


def feed_entries(xml: str) -> list[dict[str, str]]:
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(xml)
    return [
        {
            "title": entry.findtext("a:title", namespaces=ns) or "",
            "link": entry.find("a:link", ns).get("href", "") if entry.find("a:link", ns) is not None else "",  # type: ignore[union-attr]
            "published": entry.findtext("a:published", namespaces=ns) or "",
        }
        for entry in root.findall("a:entry", ns)
    ]


def test_the_feed_holds_what_is_published_and_nothing_else(library_root: Path) -> None:
    entries = feed_entries(feed.atom(site_for(library_root)))
    assert [e["title"] for e in entries] == [
        "Hidden men: learning from case reviews",
        "Child B: local child safeguarding practice review",
        "Neglect: 7-minute briefing",
        "Child A: local child safeguarding practice review",
    ]
    site_url = yaml.safe_load((library_root / "mkdocs.yml").read_text())["site_url"]
    assert entries[1]["link"] == site_url + "reviews/2024-child-b/"
    assert entries[0]["published"] == "2025-02-01T00:00:00Z"
    # the scheduled review enters the feed on its day, the draft never
    later = [e["title"] for e in feed_entries(feed.atom(site_for(library_root, dt.date(2025, 9, 1))))]
    assert later[0].startswith("Child S") and not any(t.startswith("Child C") for t in later)


def test_without_a_site_url_the_feed_links_relative_to_itself(library_root: Path) -> None:
    config = yaml.safe_load((library_root / "mkdocs.yml").read_text())
    del config["site_url"]
    (library_root / "mkdocs.yml").write_text(yaml.safe_dump(config))
    entries = feed_entries(feed.atom(site_for(library_root)))
    assert entries[1]["link"] == "reviews/2024-child-b/"
