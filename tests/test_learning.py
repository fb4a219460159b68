"""Learning into practice: the recommendations tracker, statistics, what's new and its feed, theme hubs, and `new`.

A fixture library on a fixed day (30 June 2025, so six months back is 30
December 2024) holds recommendations on both sides of the overdue line, a draft
and a scheduled review whose recommendations must appear nowhere, and a themed
briefing drawing on two reviews.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from learning_library import addresses, authoring, check, pages
from learning_library.cli import main
from learning_library.content import RECOMMENDATION_STATUSES, headings, learning_points
from learning_library.errors import ConfigError
from learning_library.library import load, load_settings
from learning_library.pages import LibraryIndex, feed, progress, statistics
from learning_library.pages.home import page as home_page

from .conftest import document

TODAY = dt.date(2025, 6, 30)

REVIEW_B = """\
---
title: "Child B: local child safeguarding practice review"
type: lcspr
published: 2024-04-01
themes: [domestic-abuse, hidden-men]
summary: Child B was four. The review looks at how agencies responded to domestic abuse at home.
agencies: [police, health]
recommendations:
  - {id: R1, text: "Police tell the health visitor about every incident.", owner: Police, status: open, updated: 2025-03-01}
  - {id: R2, text: "Plans name the person causing harm.", owner: "Children's social care", status: in-progress}
  - {id: R3, text: "Schools record the support they offer.", owner: Education, status: complete, updated: 2024-05-01}
  - {id: R4, text: "The partnership audits plans.", owner: "The partnership", status: impact-evidenced, updated: 2024-06-01}
  - {id: R5, text: "Health visitors ask about every adult.", owner: Health, status: open, updated: 2024-12-30}
  - {id: R6, text: "Probation checks new relationships.", owner: Probation, status: open, updated: 2024-12-29}
national_repository: https://repository.example/reviews/42
---

## Summary

The review looks at how agencies responded to domestic abuse in Child B's home.

## Learning

### Ask who lives in the home

Every practitioner should ask who lives in the home.

### Information

Share what you know.

## Recommendations

Shown below.
"""

HIDDEN_REVIEW = """\
---
title: "Child {letter}: local child safeguarding practice review"
type: lcspr
published: {published}
{status}themes: [neglect]
summary: A review that is not on the site yet.
recommendations:
  - {{id: R1, text: "Something that must not appear yet.", owner: Nobody, status: open, updated: 2020-01-01}}
---

## Summary

Not yet published.
"""

FILES = {
    "reviews/2024-child-b.md": REVIEW_B,
    "reviews/2025-child-c.md": HIDDEN_REVIEW.format(letter="C", published="2025-01-10", status="status: draft\n"),
    "reviews/2025-child-s.md": HIDDEN_REVIEW.format(letter="S", published="2025-09-01", status=""),
    "briefings/2025-hidden-men-briefing.md": document(
        "Hidden men: learning from case reviews",
        "themed-briefing",
        "2025-02-01",
        "[hidden-men, domestic-abuse]",
        related="[2024-child-b, 2023-child-a]",
    ),
}


@pytest.fixture
def library_root(make_library: Callable[..., Path]) -> Path:
    return make_library(FILES)


def site_for(root: Path, on: dt.date = TODAY) -> LibraryIndex:
    return pages.index_library(load(load_settings(root / "mkdocs.yml")), on)


def set_extra(root: Path, extra: object) -> None:
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    config["extra"] = extra
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))


# --- the tracker -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2025, 6, 30), 6, dt.date(2024, 12, 30)),
        (dt.date(2025, 3, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2024, 3, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2025, 1, 15), 1, dt.date(2024, 12, 15)),
        (dt.date(2025, 1, 15), 24, dt.date(2023, 1, 15)),
    ],
)
def test_months_before(day: dt.date, months: int, expected: dt.date) -> None:
    assert progress.months_before(day, months) == expected


def test_every_status_of_the_content_model_has_a_label_in_its_order() -> None:
    assert tuple(progress.STATUS_LABELS) == RECOMMENDATION_STATUSES


def test_the_tracker_counts_every_published_recommendation_and_flags_stale_ones(library_root: Path) -> None:
    site = site_for(library_root)
    rows = site.tracked
    # newest review first; the draft and the scheduled review are left out
    assert [(r.review.slug, r.recommendation.id) for r in rows] == [
        *(("2024-child-b", f"R{n}") for n in range(1, 7)),
        ("2023-child-a", "R1"),
    ]
    assert progress.counts_by_status(rows) == {"open": 3, "in-progress": 2, "complete": 1, "impact-evidenced": 1}
    overdue = {(r.review.slug, r.recommendation.id) for r in rows if r.overdue}
    # A-R1 updated 2024-01-10; B-R2 never updated (review published 2024-04-01); B-R6 one day past the line.
    # B-R5 is on the line, B-R3 and B-R4 are complete or evidenced, so no update is due.
    assert overdue == {("2023-child-a", "R1"), ("2024-child-b", "R2"), ("2024-child-b", "R6")}
    assert next(r for r in rows if r.recommendation.id == "R2").last_update == dt.date(2024, 4, 1)


def test_the_tracker_page_shows_the_counts_flags_and_filters(library_root: Path) -> None:
    page = pages.generate(site_for(library_root))[addresses.TRACKER]
    assert len(re.findall(r"<tr data-status=", page)) == 7
    counts = dict(re.findall(r'data-ll-count="([a-z-]+)">(\d+)<', page))
    assert counts == {"open": "3", "in-progress": "2", "complete": "1", "impact-evidenced": "1", "overdue": "3"}
    assert page.count('class="ll-overdue"') == 3
    assert len(re.findall(r'data-overdue="1"', page)) == 3
    assert "Something that must not appear yet" not in page
    # the filters offer exactly what the rows hold, and are hidden until the script shows them
    assert re.search(r"<form[^>]*data-ll-tracker-form hidden>", page)
    assert '<option value="Probation">Probation</option>' in page and "Nobody" not in page
    assert '<option value="2024">2024</option>' in page and '<option value="2025">' not in page
    # the filter script is a file of the site, never inline
    assert '<script src="../assets/learning-library/tracker.js"></script>' in page
    assert not re.search(r"<script>(?!</script>)", page) and not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)


def test_the_overdue_period_is_a_site_setting(library_root: Path) -> None:
    set_extra(library_root, {"overdue_after_months": 3})
    site = site_for(library_root)
    assert site.library.settings.overdue_after_months == 3
    # three months back is 30 March 2025: B-R1 (1 March 2025) and B-R5 (30 December 2024) are now overdue too
    assert sum(r.overdue for r in site.tracked) == 5
    assert "more than 3 months" in pages.generate(site)[addresses.TRACKER]


@pytest.mark.parametrize("value", ["six", 0, 61, True, 2.5, None])
def test_a_bad_overdue_setting_is_one_clear_line(library_root: Path, value: object) -> None:
    set_extra(library_root, {"overdue_after_months": value})
    with pytest.raises(ConfigError) as error:
        load_settings(library_root / "mkdocs.yml")
    message = str(error.value)
    assert "\n" not in message
    assert "`extra: overdue_after_months` should be a whole number of months from 1 to 60" in message


def test_a_bad_overdue_setting_stops_the_check_with_exit_status_2(library_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_extra(library_root, {"overdue_after_months": "six"})
    monkeypatch.chdir(library_root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "overdue_after_months" in result.stderr and "Traceback" not in result.stderr


def test_a_review_page_shows_its_recommendations_status_response_and_briefings(library_root: Path) -> None:
    generated = pages.generate(site_for(library_root))
    review = generated["reviews/2024-child-b.md"]
    section = review[review.index("## Recommendations and progress") :]
    for status in ("Open", "In progress", "Complete", "Impact evidenced"):
        assert f">{status}</span>" in section
    assert section.count("Update overdue</strong>") == 2
    assert "[recommendations tracker](../recommendations.md)" in section
    assert "[This review in the national case review repository](https://repository.example/reviews/42)" in review
    # the themed briefing that draws on it, and the briefing back to it
    assert "## Briefings that draw on this review" in review and "2025-hidden-men-briefing/" in review
    briefing = generated["briefings/2025-hidden-men-briefing.md"]
    draws_on = briefing[briefing.index("## The reviews this briefing draws on") :]
    assert "2024-child-b/" in draws_on and "2023-child-a/" in draws_on


# --- theme hubs and priorities --------------------------------------------------------


def test_a_theme_page_is_a_learning_hub(library_root: Path) -> None:
    page = pages.generate(site_for(library_root))[addresses.theme_uri("hidden-men")]
    latest = page.index("## Latest briefing")
    assert "Hidden men: learning from case reviews" in page[latest : page.index("## What the reviews teach")]
    # the two reviews on hidden men share no other theme; their learning points link to the headings
    assert "[Ask who lives in the home](../reviews/2024-child-b.md#ask-who-lives-in-the-home)" in page
    assert "[Information](../reviews/2024-child-b.md#information)" in page
    assert "made 7 recommendations (3 open, 2 in progress, 1 complete, 1 impact evidenced); 3 have an update overdue" in page
    assert "(../recommendations.md?theme=hidden-men)" in page


def test_themes_shared_by_reviews_are_counted(make_library: Callable[..., Path]) -> None:
    root = make_library(
        {"reviews/2024-child-b.md": REVIEW_B.replace("themes: [domestic-abuse, hidden-men]", "themes: [neglect, hidden-men]")}
    )
    page = pages.generate(site_for(root))[addresses.theme_uri("neglect")]
    assert "- [Hidden men](hidden-men.md): 2" in page


def test_priorities_lead_the_home_page_with_counts_and_progress(library_root: Path) -> None:
    site = site_for(library_root)
    home = home_page(site, "Welcome.\n\n<!-- learning-library:priorities -->\n\n<!-- learning-library:latest -->\n")
    assert home.index("## Our priorities") < home.index("## Latest publications")
    domestic = next(line for line in home.splitlines() if "[Domestic abuse]" in line)
    assert "(1 review, 1 briefing)" in domestic
    assert "[6 recommendations](recommendations.md?theme=domestic-abuse): 1 with impact evidenced, 2 with an update overdue." in domestic
    assert "[what's new](whats-new.md)" in home and "[feed](feed.xml)" in home


@pytest.mark.parametrize(
    ("texts", "ids"),
    [
        (["Learning", "Information", "Information", "Information"], ["learning", "information", "information_1", "information_2"]),
        (['"Was not brought"', "**Bold** and [a link](x.md)", "Café culture"], ["was-not-brought", "bold-and-a-link", "cafe-culture"]),
    ],
)
def test_heading_ids_match_the_site_builder(texts: list[str], ids: list[str]) -> None:
    assert addresses.heading_ids(texts) == ids


def test_learning_points_are_the_headings_of_the_learning_section() -> None:
    body = (
        "## Summary\n\n### Not this\n\n## Learning\n\n### One\n\n```\n### Not code\n```\n\n### Two\n\n## Recommendations\n\n### Nor this\n"
    )
    found = headings(body)
    assert [found[i].text for i in learning_points(found)] == ["One", "Two"]


# --- what's new, the feed and statistics ---------------------------------------------------


def test_whats_new_lists_publications_and_progress_month_by_month(library_root: Path) -> None:
    page = pages.generate(site_for(library_root))[addresses.WHATS_NEW]
    months = re.findall(r"^## (.+)$", page, re.MULTILINE)
    # June 2024's update to B-R4 is more than twelve months back; drafts and scheduled reviews never appear
    assert months == ["March 2025", "February 2025", "December 2024"]
    assert "Hidden men: learning from case reviews" in page[page.index("## February 2025") : page.index("## December 2024")]
    december = page[page.index("## December 2024") :]
    assert "R5, status open: Health visitors ask" in december and "R6, status open: Probation checks" in december
    assert "Child C" not in page and "Child S" not in page


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


def test_the_statistics_figures(library_root: Path) -> None:
    site = site_for(library_root)
    figures = statistics.figures(site)
    assert (figures.reviews, figures.briefings) == (2, 2)
    assert figures.by_year == ((2025, 1), (2024, 2), (2023, 1))
    assert figures.by_type == (("lcspr", 2), ("themed-briefing", 1), ("seven-minute-briefing", 1))
    assert figures.by_theme == (("hidden-men", 3), ("neglect", 2), ("domestic-abuse", 2))
    assert figures.by_status == (("open", 3), ("in-progress", 2), ("complete", 1), ("impact-evidenced", 1))
    assert figures.overdue == 3


def test_the_charts_show_the_figures_in_the_svg_and_the_table(library_root: Path) -> None:
    page = pages.generate(site_for(library_root))[addresses.STATISTICS]
    charts = dict(re.findall(r'<figure class="ll-chart" id="([a-z-]+)">(.*?)</figure>', page, re.DOTALL))
    assert set(charts) == {"ll-chart-years", "ll-chart-types", "ll-chart-themes", "ll-chart-status"}
    status = charts["ll-chart-status"]
    # the description screen readers read, the labels and values drawn, and the table all say the same
    assert '<desc id="ll-chart-status-desc">Open: 3; In progress: 2; Complete: 1; Impact evidenced: 1.</desc>' in status
    drawn = re.findall(r'class="ll-chart-label"[^>]*>([^<]+)</text>.*?class="ll-chart-value"[^>]*>(\d+)</text>', status)
    tabled = re.findall(r'<th scope="row"><a [^>]*>([^<]+)</a></th><td>(\d+)</td>', status)
    assert drawn == tabled == [("Open", "3"), ("In progress", "2"), ("Complete", "1"), ("Impact evidenced", "1")]
    assert 'role="img" aria-labelledby="ll-chart-status-title ll-chart-status-desc"' in status
    widths = [float(w) for w in re.findall(r'class="ll-chart-bar"[^>]*width="([\d.]+)%"', status)]
    assert widths[0] == max(widths) and widths[1] == pytest.approx(widths[0] * 2 / 3, abs=0.01)
    themes = charts["ll-chart-themes"]
    assert re.findall(r'class="ll-chart-label"[^>]*>([^<]+)</text>', themes) == ["Hidden men", "Neglect", "Domestic abuse"]
    assert '<desc id="ll-chart-years-desc">2025: 1; 2024: 2; 2023: 1.</desc>' in charts["ll-chart-years"]
    assert "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


# --- the site as built ------------------------------------------------------------------------


def test_the_built_site_has_the_new_pages_in_the_menu_and_a_feed(library_root: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LEARNING_LIBRARY_TODAY": TODAY.isoformat()}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=library_root, env=env, capture_output=True, text=True, timeout=300
    )
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


# --- learning-library new -----------------------------------------------------------------------


EXPECTED_SECTIONS = {
    "review": ["Summary", "Background", "What happened", "Good practice", "Learning", "Recommendations", "The partnership's response"],
    "themed-briefing": ["Why this briefing", "Why reviews were commissioned", "Risk factors", "Learning for improved practice"],
    "seven-minute-briefing": [
        "1. Background",
        "2. Why it matters",
        "3. Information",
        "4. Information",
        "5. Information",
        "6. What to remember",
        "7. What to do",
    ],
}


@pytest.mark.parametrize("kind", list(authoring.KINDS))
def test_every_template_makes_a_draft_that_passes_the_check(kind: str, library_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(library_root)
    title = 'Child K: "the quiet one" – a review' if kind == "review" else "Safer sleep: what we learned"
    result = CliRunner().invoke(main, ["new", kind, "--title", title, "--published", "2026-02-03"])
    assert result.exit_code == 0, result.stderr
    folder = "reviews" if kind == "review" else "briefings"
    slug = "2026-child-k-the-quiet-one-a-review" if kind == "review" else "2026-safer-sleep-what-we-learned"
    path = library_root / folder / f"{slug}.md"
    assert f"Created {folder}/{slug}.md" in result.stdout
    settings = load_settings(library_root / "mkdocs.yml")
    outcome = check.run(settings, [path], use_cache=False)
    assert [f"{f.rule}: {f.message}" for f in outcome.report] == []
    created = next(d for d in outcome.library.documents if d.slug == slug)
    assert created.title == title and created.status == "draft" and created.published == dt.date(2026, 2, 3)
    assert created.type == ("lcspr" if kind == "review" else kind)
    assert created.themes == ("neglect",)  # the partnership's first priority until the author chooses
    assert not created.is_live(dt.date(2030, 1, 1))
    sections = [h.text for h in headings(created.source.body) if h.level == 2]
    assert sections[: len(EXPECTED_SECTIONS[kind])] == EXPECTED_SECTIONS[kind]


def test_new_takes_themes_and_a_review_type(library_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(library_root)
    args = ["new", "review", "--title", "Child Q", "--theme", "infants", "--theme", "safer-sleep", "--type", "learning-review"]
    result = CliRunner().invoke(main, [*args, "--published", "2026-01-01"])
    assert result.exit_code == 0, result.stderr
    text = (library_root / "reviews/2026-child-q.md").read_text()
    assert "themes: [infants, safer-sleep]" in text and "type: learning-review" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["new", "revue", "--title", "Child Q"],
            "`revue` is not something `new` can create; use one of review, themed-briefing, seven-minute-briefing; did you mean `review`?",
        ),
        (["new", "review"], 'give the document a title on one line, like --title "Child K'),
        (["new", "review", "--title", "!!!"], "has no letters or digits"),
        (["new", "review", "--title", "Child Q", "--theme", "neglet"], "`neglet` is not a theme in themes.yml; did you mean `neglect`?"),
        (["new", "review", "--title", "Child Q", "--type", "lcsprr"], "`lcsprr` is not a review type in themes.yml; did you mean `lcspr`?"),
        (["new", "themed-briefing", "--title", "Q", "--type", "lcspr"], "--type is only for reviews"),
        (["new", "review", "--title", "Child Q", "--published", "1/2/2026"], "--published 1/2/2026 is not a date; write it as YYYY-MM-DD"),
        (["new", "review", "--title", "Child B: local child safeguarding practice review", "--published", "2024-01-01"], ""),
    ],
)
def test_new_refuses_bad_input_in_one_line(library_root: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str) -> None:
    monkeypatch.chdir(library_root)
    existing = library_root / "reviews/2024-child-b-local-child-safeguarding-practice-review.md"
    existing.write_text(REVIEW_B)
    before = sorted(p.name for p in (library_root / "reviews").iterdir())
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr.startswith("learning-library: nothing was created: ") and result.stderr.count("\n") == 1
    assert message in result.stderr
    if not message:
        assert "already exists and is never overwritten" in result.stderr
    assert sorted(p.name for p in (library_root / "reviews").iterdir()) == before
    assert existing.read_text() == REVIEW_B


def test_a_slug_taken_by_a_briefing_is_not_reused_for_a_review(library_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(library_root)
    result = CliRunner().invoke(main, ["new", "review", "--title", "Hidden men briefing", "--published", "2025-05-05"])
    assert result.exit_code == 2 and "briefings/2025-hidden-men-briefing.md already exists" in result.stderr


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Child Ruby: local child safeguarding practice review", "2024-child-ruby-local-child-safeguarding-practice-review"),
        ("2024 Neglect briefing", "2024-neglect-briefing"),
        ("Zoë's café", "2024-zoes-cafe"),
        ("A " + "very " * 30 + "long title", "2024-a-" + "very-" * 10 + "very"),
    ],
)
def test_slugs_come_from_the_year_and_the_title(title: str, slug: str) -> None:
    made = authoring.slug_for(title, dt.date(2024, 5, 1))
    assert made == slug
    assert len(made) <= len("2024-") + authoring.SLUG_LENGTH


def test_pages_may_link_to_the_new_pages_but_not_replace_them(library_root: Path) -> None:
    links = "See the [tracker](recommendations.md), [what's new](whats-new.md), [statistics](statistics.md) and [feed](feed.xml).\n"
    (library_root / "content/about.md").write_text("---\ntitle: About\n---\n\n" + links)
    (library_root / "content/statistics.md").write_text("---\ntitle: Our statistics\n---\n\nFigures.\n")
    report = check.run(load_settings(library_root / "mkdocs.yml"), on=TODAY, use_cache=False).report
    assert [(f.path.rsplit("/", 1)[-1], f.rule) for f in report] == [("statistics.md", "metadata/reserved-path")]
    assert "rename this page" in next(iter(report)).message
