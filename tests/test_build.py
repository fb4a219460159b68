"""Fixture libraries built for real with ``mkdocs build``: the pages exist, drafts never do, bad input stops the build."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from .conftest import document, mkdocs_build

pytestmark = pytest.mark.build

Build = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def build() -> Build:
    return mkdocs_build


def site_text(root: Path) -> str:
    """Every text file of the built site, to search for what must not be there."""
    return "\n".join(p.read_text(errors="replace") for p in (root / "site").rglob("*") if p.suffix in {".html", ".xml", ".json", ".txt"})


def test_the_library_builds_with_every_generated_page(make_library: Callable[..., Path], build: Build) -> None:
    root = make_library()
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    for page in (
        "index.html",
        "reviews/index.html",
        "briefings/index.html",
        "themes/index.html",
        "themes/neglect/index.html",
        "themes/hidden-men/index.html",
        "years/index.html",
        "years/2023/index.html",
        "years/2024/index.html",
        "reviews/2023-child-a/index.html",
        "briefings/2024-neglect-briefing/index.html",
        "about/index.html",
    ):
        assert (site / page).is_file(), page
    review = (site / "reviews/2023-child-a/index.html").read_text()
    # the metadata panel, above the text, with labels from themes.yml and links to theme pages
    panel = review.index('class="ll-meta"')
    assert panel < review.index("The review looks at how professionals understood")
    assert "Local child safeguarding practice review" in review
    assert 'href="../../themes/hidden-men/">Hidden men</a>' in review
    assert "1 to 4" in review and "Police" in review
    # related items below the text, in both directions
    assert 'href="../../briefings/2024-neglect-briefing/"' in review
    briefing = (site / "briefings/2024-neglect-briefing/index.html").read_text()
    assert 'href="../../reviews/2023-child-a/"' in briefing
    # the indexes and theme pages list the documents, newest first
    theme = (site / "themes/neglect/index.html").read_text()
    assert "Child A: local child safeguarding practice review" in theme and "Neglect: 7-minute briefing" in theme
    home = (site / "index.html").read_text()
    assert home.index("Our priorities") < home.index("Latest publications")
    assert home.index("Neglect: 7-minute briefing") < home.index("Child A: local child")
    assert "learning-library:" not in home


def test_documents_are_not_listed_in_the_navigation(make_library: Callable[..., Path], build: Build) -> None:
    root = make_library()
    assert build(root).returncode == 0
    # the about page has nothing to say about reviews, so any mention would be the navigation's
    about = (root / "site/about/index.html").read_text()
    assert 'class="md-nav md-nav--primary' in about
    assert "2023-child-a" not in about and "2024-neglect-briefing" not in about


def test_drafts_and_scheduled_documents_are_absent_everywhere(make_library: Callable[..., Path], build: Build) -> None:
    root = make_library(
        {
            "reviews/2024-draft-review.md": document("Quillon draft review", "lcspr", "2024-01-01", "[neglect]", status="draft"),
            "briefings/2099-future.md": document("Zephyrine scheduled briefing", "themed-briefing", "2099-01-15", "[neglect]"),
        }
    )
    assert build(root).returncode == 0
    text = site_text(root)
    for word in ("Quillon", "Zephyrine", "2024-draft-review", "2099-future"):
        assert word not in text
    assert not (root / "site/years/2099").exists()
    # on its day, the scheduled briefing appears
    assert build(root, today="2099-01-15").returncode == 0
    assert "Zephyrine" in (root / "site/briefings/index.html").read_text()
    assert "2099-future" in (root / "site/sitemap.xml").read_text()


def test_bad_front_matter_stops_the_build_before_anything_is_written(make_library: Callable[..., Path], build: Build) -> None:
    root = make_library({"reviews/2022-bad.md": document("Bad", "lcspr", "2022-02-30", "[neglet]")})
    (root / "site").mkdir()
    (root / "site/old.html").write_text("a previous build")
    result = build(root)
    assert result.returncode == 1
    assert "reviews/2022-bad.md:4:12: error metadata/bad-date: `published` is `2022-02-30`" in result.stderr
    assert (
        "reviews/2022-bad.md:5:10: error metadata/unknown-theme: `neglet` is not a theme in themes.yml; did you mean `neglect`?"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert list((root / "site").iterdir()) == []


def test_a_broken_link_stops_the_build(make_library: Callable[..., Path], build: Build) -> None:
    body = "See [the other review](2021-missing.md).\n"
    root = make_library({"reviews/2022-linking.md": document("Linking", "lcspr", "2022-02-01", "[neglect]", body=body)})
    result = build(root)
    assert result.returncode == 1
    assert "reviews/2022-linking.md:9:24: error links/broken: The link `2021-missing.md` points at nothing on the site" in result.stderr


def test_an_unusable_vocabulary_stops_the_build_with_one_line(make_library: Callable[..., Path], build: Build) -> None:
    root = make_library()
    (root / "themes.yml").write_text("themes: [\n")
    result = build(root)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "learning-library: the check could not run:" in output
    assert "themes.yml:2: not valid YAML" in output
    assert "Traceback" not in output


def test_attachments_are_published_beside_their_review(make_library: Callable[..., Path], build: Build) -> None:
    from tools.make_example_attachments import text_pdf

    root = make_library(
        {
            "reviews/2022-with-report.md": document("With report", "lcspr", "2022-02-01", "[neglect]", report="reviews/files/report.pdf"),
            "reviews/2022-withdrawn.md": document(
                "Withdrawn", "lcspr", "2022-02-01", "[neglect]", report="reviews/files/withdrawn.pdf", available_until="2023-02-01"
            ),
            "reviews/2022-draft.md": document(
                "Draft", "lcspr", "2022-02-01", "[neglect]", report="reviews/files/draft.pdf", status="draft"
            ),
        }
    )
    (root / "reviews/files").mkdir()
    for name in ("report", "withdrawn", "draft", "forgotten"):
        (root / f"reviews/files/{name}.pdf").write_bytes(text_pdf([f"The full {name} report."]))
    result = build(root, "--no-strict")  # the forgotten file is a warning
    assert result.returncode == 0, result.stderr
    assert "reviews/files/forgotten.pdf:1:1: warning attachments/unreferenced" in result.stderr
    # Only what something published refers to: not a draft's report, a withdrawn report or a forgotten file.
    assert sorted(p.name for p in (root / "site/reviews/files").iterdir()) == ["report.pdf"]
    page = (root / "site/reviews/2022-with-report/index.html").read_text()
    assert 'href="../files/report.pdf"' in page
    # the withdrawn report's page says so, when, and how to ask for it, and keeps its summary
    withdrawn = (root / "site/reviews/2022-withdrawn/index.html").read_text()
    assert "withdrawn.pdf" not in withdrawn
    assert "<strong>The full report is no longer on this site.</strong> It was on the site until 1 February 2023" in withdrawn
    assert 'email <a href="mailto:learning@kestrel-vale.example">learning@kestrel-vale.example</a>' in withdrawn
    assert "A short summary." in withdrawn


def test_a_page_kept_out_of_search_engines_says_noindex_and_is_not_in_the_sitemap(make_library: Callable[..., Path], build: Build) -> None:
    import gzip

    root = make_library({"reviews/2022-private.md": document("Private", "lcspr", "2022-02-01", "[neglect]", search_engines="false")})
    assert build(root).returncode == 0
    site = root / "site"
    assert '<meta name="robots" content="noindex">' in (site / "reviews/2022-private/index.html").read_text()
    assert "noindex" not in (site / "reviews/2023-child-a/index.html").read_text()
    for sitemap in ((site / "sitemap.xml").read_text(), gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode()):
        assert sitemap.startswith('<?xml version="1.0" encoding="UTF-8"?>')
        locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
        assert "https://learning.kestrel-vale.example/reviews/2023-child-a/" in locs
        assert not any("2022-private" in loc for loc in locs)
    # still on the site: in its index and its theme's page
    assert "2022-private" in (site / "reviews/index.html").read_text()


def test_the_open_data_feeds_and_packs_are_built_from_what_is_published(make_library: Callable[..., Path], build: Build) -> None:
    import json

    root = make_library({"reviews/2022-draft.md": document("Draft", "lcspr", "2022-02-01", "[neglect]", status="draft")})
    assert build(root, today="2025-06-30").returncode == 0
    site = root / "site"
    catalogue = json.loads((site / "catalogue.json").read_text())
    assert [d["slug"] for d in catalogue["documents"]] == ["2024-neglect-briefing", "2023-child-a"]
    assert json.loads((site / "catalogue.schema.json").read_text())["title"] == "Learning library catalogue"
    assert (site / "feeds/themes/neglect.xml").is_file() and (site / "feeds/types/lcspr.xml").is_file()
    theme = (site / "themes/neglect/index.html").read_text()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Kestrel Vale Safeguarding Children Partnership learning library: Neglect" href="../../feeds/themes/neglect.xml">'
        in theme
    )
    assert 'href="../../feeds/themes/neglect.xml">new reviews and briefings on neglect</a>' in theme
    assert (site / "packs/police/index.html").is_file() and (site / "open-data/index.html").is_file()
    review = (site / "reviews/2023-child-a/index.html").read_text()
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', review)
    assert json.loads(script)["name"] == "Child A: local child safeguarding practice review"
    assert "Draft" not in (site / "feeds/themes/neglect.xml").read_text()


def test_a_reminder_of_a_withdrawal_does_not_stop_a_strict_build(make_library: Callable[..., Path], build: Build) -> None:
    from tools.make_example_attachments import text_pdf

    root = make_library(
        {
            "reviews/2024-soon.md": document(
                "Soon", "lcspr", "2024-02-01", "[neglect]", report="reviews/files/soon.pdf", available_until="2025-07-10"
            )
        }
    )
    (root / "reviews/files").mkdir()
    (root / "reviews/files/soon.pdf").write_bytes(text_pdf(["The report."]))
    result = build(root, today="2025-06-30")
    assert result.returncode == 0, result.stderr
    assert (
        "reviews/2024-soon.md:8:18: warning lifecycle/withdrawal-due: The full report leaves the site after 10 July 2025 (in 10 days)"
        in result.stderr
    )
    assert (root / "site/reviews/files/soon.pdf").is_file()


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_link_in_the_built_site_leads_somewhere(make_library: Callable[..., Path], build: Build, directory_urls: bool) -> None:
    """Links, scripts and forms, with the site's addresses written either way (``use_directory_urls``)."""
    from urllib.parse import unquote, urljoin, urlparse

    root = make_library()
    if not directory_urls:
        config = yaml.safe_load((root / "mkdocs.yml").read_text())
        config["use_directory_urls"] = False
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    assert build(root).returncode == 0
    site = root / "site"
    assert (site / ("search/index.html" if directory_urls else "search.html")).is_file()
    broken = []
    for page in site.rglob("*.html"):
        base = "http://site/" + page.relative_to(site).as_posix()
        for target in re.findall(r'(?:href|src|action)="([^"#]+)', page.read_text()):
            url = urlparse(urljoin(base, target))
            if url.netloc != "site":
                continue
            path = site / unquote(url.path).lstrip("/")
            if not (path.is_file() or (path / "index.html").is_file()):
                broken.append(f"{page.relative_to(site)} -> {target}")
    assert broken == []


def test_rendering_on_both_cores_builds_the_same_site(make_library: Callable[..., Path], build: Build) -> None:
    """Large libraries render in two processes (learning_library.mkdocs.render); the site must not change."""
    body = "## Part\n\nSee [the briefing](../briefings/2024-neglect-briefing.md) and [this part](#part).\n"
    root = make_library({"reviews/2022-links.md": document("Links", "lcspr", "2022-02-01", "[neglect]", body=body)})
    assert build(root).returncode == 0
    serial = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*.html")}
    result = build(root, parallel=True)
    assert result.returncode == 0, result.stderr
    parallel = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*.html")}
    assert parallel.keys() == serial.keys()
    assert [str(k) for k in serial if parallel[k] != serial[k]] == []
    # the search index, built from the documents' content, holds the same pages
    assert '"page_count":3' in (root / "site/pagefind/pagefind-entry.json").read_text()
    # built again, every page comes from the render cache: still the same site
    assert (root / ".cache/learning-library/rendered.json").is_file()
    result = build(root, "--verbose", parallel=True)
    assert result.returncode == 0, result.stderr
    assert re.search(r"\d+ pages ready in [\d.]+ s, 0 of them rendered, the rest from the cache", result.stderr), result.stderr[-2000:]
    cached = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*.html")}
    assert [str(k) for k in serial if cached.get(k) != serial[k]] == []


def test_a_page_whose_markdown_changed_is_rendered_again(make_library: Callable[..., Path], build: Build) -> None:
    root = make_library(
        {"reviews/2022-links.md": document("Links", "lcspr", "2022-02-01", "[neglect]", body="## Part\n\nThe first wording.\n")}
    )
    assert build(root, parallel=True).returncode == 0
    page = root / "site/reviews/2022-links/index.html"
    assert "The first wording." in page.read_text()
    (root / "reviews/2022-links.md").write_text(
        document("Links", "lcspr", "2022-02-01", "[neglect]", body="## Part\n\nThe second wording.\n")
    )
    result = build(root, parallel=True)
    assert result.returncode == 0, result.stderr
    assert "The second wording." in page.read_text()
    assert "The first wording." not in page.read_text()
    # the home page is filled from the library by a hook, so the cache keys it on what the hook made of it
    write_review = document("A new review", "lcspr", "2025-03-01", "[neglect]", body="## Part\n\nNew.\n")
    (root / "reviews/2025-new.md").write_text(write_review)
    assert build(root, parallel=True).returncode == 0
    assert "A new review" in (root / "site/index.html").read_text()


def test_a_warning_from_rendering_is_given_again_for_a_page_from_the_cache(make_library: Callable[..., Path], build: Build) -> None:
    root = make_library({"content/extra.md": "---\ntitle: Extra\n---\n\nSee [about](/about/).\n"})
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    config["validation"] = {**config["validation"], "links": {"absolute_links": "warn"}}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    for _ in range(2):  # rendered, then from the cache
        result = build(root, "--strict", parallel=True)
        assert result.returncode == 1
        assert "contains an absolute link '/about/'" in result.stderr


def test_a_warning_while_rendering_on_both_cores_still_fails_a_strict_build(make_library: Callable[..., Path], build: Build) -> None:
    body = "## Part\n\nSee [a missing anchor](../briefings/2024-neglect-briefing.md#nowhere).\n"
    root = make_library({"reviews/2022-links.md": document("Links", "lcspr", "2022-02-01", "[neglect]", body=body)})
    for parallel in (False, True, True):  # the last one from the render cache
        result = build(root, "--strict", parallel=parallel)
        assert result.returncode == 1
        assert "does not contain an anchor '#nowhere'" in result.stderr
