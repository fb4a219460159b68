"""The open data page: it says what is published for programs, and links to each file."""

from __future__ import annotations

from pathlib import Path

from learning_library import addresses, pages

from .conftest import site_for


def test_the_page_links_to_the_catalogue_its_schema_and_every_feed(library_root: Path) -> None:
    index = site_for(library_root)
    page = pages.generate(index)[addresses.OPEN_DATA]
    assert page.startswith("---\ntitle: Open data\n")
    assert "[catalogue.json](catalogue.json) lists the 4 published reviews and briefings" in page
    assert "[catalogue.schema.json](catalogue.schema.json)" in page
    assert "- [every new review and briefing](feed.xml);" in page
    assert "    - [Local child safeguarding practice review](feeds/types/lcspr.xml)" in page
    assert "    - [7-minute briefing](feeds/types/seven-minute-briefing.xml)" in page
    assert "`learning-library export national-repository`" in page
