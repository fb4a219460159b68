"""An author's words reach every page, the feeds, the open data and the search index as text, never as HTML.

The example library is built with one review's title, summary and response full of
what HTML would read as markup: quotes (which end an attribute), ``<b>``,
``&`` and ``<script>``. Every built page is parsed as a browser would, and
wherever the title or summary appears it must read exactly as written.
"""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import copy_example, mkdocs_build

pytestmark = pytest.mark.build

TITLE = 'Child Ruby: "who <b>is</b> here?" & <script>alert(1)</script>'
SUMMARY = 'The review asks "who is in the household?" and finds <b>Ruby</b> & her mother unheard. <script>alert("summary")</script>'
RESPONSE = 'The partnership accepts <b>all</b> of it & will report. <script>alert("response")</script>'
REVIEW = "reviews/2024-child-ruby.md"
PAGE = "reviews/2024-child-ruby/index.html"
RAW = (
    "<b>is</b>",
    "<b>Ruby</b>",
    "<b>all</b>",
    "<script>alert(1)</script>",
    '<script>alert("summary")</script>',
    '<script>alert("response")</script>',
)
"""What must never appear in a built file as it was written: each would be markup. (Quotes may, in text; attributes are checked apart.)"""


class Page(HTMLParser):
    """A page as a browser reads it: its text, its elements' attributes, and the text inside chosen elements."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.inside: dict[str, list[str]] = {}
        self._open: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in ("title", "h1", "script", "b"):
            # A JSON-LD block is data a browser never runs: kept apart from the scripts, and read as JSON.
            kind = "json-ld" if tag == "script" and dict(attrs).get("type") == "application/ld+json" else tag
            self._open.append(kind)
            self.inside.setdefault(kind, []).append("")

    def handle_endtag(self, tag: str) -> None:
        if self._open and (self._open[-1] == tag or (tag == "script" and self._open[-1] == "json-ld")):
            self._open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._open:
            self.inside[self._open[-1]][-1] += data

    def attribute(self, tag: str, **match: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag and all(attrs.get(k) == v for k, v in match.items())]


@pytest.fixture(scope="module", params=["serial", "parallel"])
def hostile_site(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The example library with a hostile review, rendered by MkDocs page by page, or ahead on both cores (then indexed apart)."""
    root = copy_example(tmp_path_factory.mktemp("hostile"))
    path = root / REVIEW
    text = path.read_text()
    text = re.sub(r"^title: .*$", lambda _: f"title: {json.dumps(TITLE)}", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^summary: .*$", lambda _: f"summary: {json.dumps(SUMMARY)}", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^response: .*$", lambda _: f"response: {json.dumps(RESPONSE)}", text, count=1, flags=re.MULTILINE)
    path.write_text(text)
    result = mkdocs_build(root, parallel=request.param == "parallel")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_no_built_file_holds_the_words_as_markup(hostile_site: Path) -> None:
    found = [
        f"{path.relative_to(hostile_site)}: {raw}"
        for path in hostile_site.rglob("*")
        if path.suffix in {".html", ".xml", ".json", ".js"}
        for raw in RAW
        if raw in path.read_text(errors="replace")
    ]
    assert found == []


def test_every_page_that_names_the_review_shows_its_title_as_written(hostile_site: Path) -> None:
    naming = 0
    for path in hostile_site.rglob("*.html"):
        page = Page(path.read_text())
        text = "".join(page.text)
        assert not any("alert" in script for script in page.inside.get("script", [])), path
        assert not any(bold in ("is", "Ruby", "all") for bold in page.inside.get("b", [])), path
        if "who <b>is" in text:
            naming += 1
            assert TITLE in text, path
        # an attribute holding the summary holds all of it: a quote in it did not end the attribute
        held = [value for _, attrs in page.tags for value in attrs.values() if "who is in the household" in value]
        assert all(value == SUMMARY for value in held), path
    # the review, the reviews index, its year and theme pages, the home page, what's new, the tracker, related documents
    assert naming >= 10


def test_the_review_page_has_its_title_and_summary_in_the_head_the_header_and_the_heading(hostile_site: Path) -> None:
    page = Page((hostile_site / PAGE).read_text())
    assert page.inside["title"] == [f"{TITLE} - Kestrel Vale Safeguarding Children Partnership learning library"]
    assert [m["content"] for m in page.attribute("meta", name="description")] == [SUMMARY]
    assert page.inside["h1"] == [TITLE]
    header = (hostile_site / PAGE).read_text().split('data-md-component="header-topic">', 1)[1].split("</div>", 1)[0]
    assert "".join(Page(header).text).strip() == TITLE
    summaries = [attrs["data-summary"] for attrs in page.attribute("span") if "data-summary" in attrs]
    assert summaries == [SUMMARY]
    (described,) = (json.loads(block) for block in page.inside["json-ld"])
    assert (described["name"], described["description"]) == (TITLE, SUMMARY)
    assert RESPONSE in "".join(page.text)


def test_the_catalogue_gives_the_title_and_summary_as_written(hostile_site: Path) -> None:
    documents = json.loads((hostile_site / "catalogue.json").read_text())["documents"]
    (ruby,) = [d for d in documents if d["slug"] == "2024-child-ruby"]
    assert (ruby["title"], ruby["summary"], ruby["response"]["text"]) == (TITLE, SUMMARY, RESPONSE)


def test_the_feed_gives_the_title_and_summary_as_written(hostile_site: Path) -> None:
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = ET.parse(hostile_site / "feed.xml").getroot().findall("a:entry", ns)
    entry = next(e for e in entries if (e.findtext("a:title", namespaces=ns) or "").startswith("Child Ruby"))
    assert entry.findtext("a:title", namespaces=ns) == TITLE
    assert entry.findtext("a:summary", namespaces=ns) == SUMMARY


def test_the_search_index_gives_the_title_and_summary_as_written(hostile_site: Path) -> None:
    """Pagefind keeps each result's metadata in gzipped fragments; the search page shows it as text."""
    metas = []
    for path in (hostile_site / "pagefind/fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{") :])
        metas.append(fragment["meta"])
    ruby = [m for m in metas if m.get("title", "").startswith("Child Ruby")]
    assert [(m["title"], m["summary"]) for m in ruby] == [(TITLE, SUMMARY)]
