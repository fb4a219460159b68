"""A review's life after publication: its full report withdrawn on a date, reminders a month before, a newer review
taking its place, and a family's wish that it not be found through search engines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from learning_library import lifecycle, signoff
from learning_library.attachments.references import published
from learning_library.check import run
from learning_library.library import load, load_settings
from learning_library.pages import document as document_page

from .conftest import TODAY as DAY
from .conftest import CheckText, document, set_extra, site_for

WITHDRAWN = document(
    "Child W: local child safeguarding practice review",
    "lcspr",
    "2023-02-01",
    "[neglect]",
    body="## Summary\n\nThe summary stays.\n\n## Learning\n\n### Ask about every adult\n\nText.\n",
    report="reviews/files/w-report.pdf",
    response="reviews/files/w-response.pdf",
    available_until="2024-02-01",
)
SOON = document(
    "Child V: local child safeguarding practice review",
    "lcspr",
    "2024-07-01",
    "[neglect]",
    report="reviews/files/v-report.pdf",
    available_until="2025-07-20",
)
"""Published, with a report the site keeps until 20 July 2025: twenty days after the day of the tests, 30 June 2025."""


@pytest.fixture
def lifecycle_root(make_library: Callable[..., Path]) -> Path:
    from tools.make_example_attachments import text_pdf

    root = make_library({"reviews/2023-child-w.md": WITHDRAWN, "reviews/2024-child-v.md": SOON})
    (root / "reviews/files").mkdir()
    for name in ("w-report", "w-response", "v-report"):
        (root / f"reviews/files/{name}.pdf").write_bytes(text_pdf([f"The full {name} text."]))
    return root


def test_a_report_is_on_the_site_up_to_and_including_its_last_day(lifecycle_root: Path) -> None:
    library = load(load_settings(lifecycle_root / "mkdocs.yml"))
    assert published(library, dt.date(2024, 2, 1)) >= {"reviews/files/w-report.pdf", "reviews/files/w-response.pdf"}
    after = published(library, dt.date(2024, 8, 1))
    assert "reviews/files/w-report.pdf" not in after and "reviews/files/w-response.pdf" not in after
    assert "reviews/files/v-report.pdf" in after


def test_the_page_of_a_withdrawn_report_says_when_and_how_to_ask_keeping_the_summary(lifecycle_root: Path) -> None:
    index = site_for(lifecycle_root, DAY)
    page = document_page.page(index, index.by_slug["2023-child-w"])
    assert (
        "**The full report and the partnership's response are no longer on this site.** They were on the site until 1 February 2024"
    ) in page
    assert 'To ask for a copy, email <a href="mailto:learning@kestrel-vale.example">learning@kestrel-vale.example</a>.' in page
    assert "The summary stays." in page and "### Ask about every adult" in page
    assert "w-report.pdf" not in page and "w-response.pdf" not in page
    assert "Withdrawn from this site after 1 February 2024" in page
    # the day before, the links are there and no notice
    earlier = site_for(lifecycle_root, dt.date(2024, 2, 1))
    before = document_page.page(earlier, earlier.by_slug["2023-child-w"])
    assert "no longer on this site" not in before and "(files/w-report.pdf)" in before and "(files/w-response.pdf)" in before


def test_a_contact_form_is_offered_when_the_contact_is_a_web_address(lifecycle_root: Path) -> None:
    set_extra(lifecycle_root, {"contact": "https://kestrel-vale.example/contact"})
    index = site_for(lifecycle_root, DAY)
    page = document_page.page(index, index.by_slug["2023-child-w"])
    assert 'To ask for a copy, use <a href="https://kestrel-vale.example/contact">the partnership\'s contact form</a>.' in page


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        pytest.param({"contact": "learning at kestrel vale"}, "`extra: contact` should be an email address", id="not-an-address"),
        pytest.param({"contact": ["a@example.org"]}, "`contact` should be an email address or a web address", id="a-list"),
    ],
)
def test_an_unusable_contact_stops_the_check_with_a_fix(lifecycle_root: Path, extra: dict[str, object], expected: str) -> None:
    from learning_library.errors import ConfigError

    set_extra(lifecycle_root, extra)
    with pytest.raises(ConfigError, match=expected):
        load_settings(lifecycle_root / "mkdocs.yml")


def test_available_until_needs_a_contact_and_a_date_after_publication(lifecycle_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(lifecycle_root)
    set_extra(lifecycle_root, {"overdue_after_months": 6})
    (lifecycle_root / "reviews/2024-child-v.md").write_text(SOON.replace("available_until: 2025-07-20", "available_until: 2024-06-30"))
    library = load(load_settings(lifecycle_root / "mkdocs.yml"))
    found = sorted(f"{f.path}:{f.line}:{f.column}: {f.rule}: {f.message}" for f in lifecycle.check(library))
    assert found == [
        "reviews/2023-child-w.md:9:18: metadata/no-contact: `available_until` withdraws the full report, and its page must then "
        "say how to ask for it, but mkdocs.yml has no contact; add `extra: {contact: learning@your-partnership.example}` to "
        "mkdocs.yml (an email address or a web address)",
        "reviews/2024-child-v.md:8:18: metadata/available-until-before-published: `available_until` (30 June 2024) is before "
        "`published` (1 July 2024); give the last day the full report should be on the site",
        "reviews/2024-child-v.md:8:18: metadata/no-contact: `available_until` withdraws the full report, and its page must then "
        "say how to ask for it, but mkdocs.yml has no contact; add `extra: {contact: learning@your-partnership.example}` to "
        "mkdocs.yml (an email address or a web address)",
    ]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        pytest.param("2025-06-19", [], id="a-month-and-a-day-before"),
        pytest.param("2025-06-20", ["in 30 days"], id="a-month-before"),
        pytest.param("2025-06-30", ["in 20 days"], id="within-the-month"),
        pytest.param("2025-07-20", ["today is its last day"], id="the-last-day"),
        pytest.param("2025-07-21", [], id="withdrawn"),
    ],
)
def test_the_check_reminds_a_month_before_a_report_is_withdrawn(lifecycle_root: Path, day: str, expected: list[str]) -> None:
    outcome = run(load_settings(lifecycle_root / "mkdocs.yml"), on=dt.date.fromisoformat(day))
    assert [f.message.split("(")[1].split(")")[0] for f in outcome.notices] == expected
    assert all(f.rule == "lifecycle/withdrawal-due" and not f.blocks for f in outcome.notices)
    assert not any(f.rule.startswith("lifecycle/") for f in outcome.results)


def test_the_reminder_is_a_warning_of_the_check_that_does_not_block(
    lifecycle_root: Path, check_text: CheckText, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEARNING_LIBRARY_TODAY", "2025-06-30")
    code, out, _ = check_text(lifecycle_root)
    assert code == 0, out
    assert (
        "reviews/2024-child-v.md:8:18: warning lifecycle/withdrawal-due: The full report leaves the site after 20 July 2025 "
        "(in 20 days); tell those who need to know, or change `available_until` to keep it longer"
    ) in out


def test_the_sign_off_report_lists_the_withdrawals_to_come(lifecycle_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(lifecycle_root)
    settings = load_settings(lifecycle_root / "mkdocs.yml")
    report = signoff.render(run(settings, on=DAY), DAY)
    section = report.split("## Full reports to be withdrawn", 1)[1].split("##", 1)[0]
    assert (
        "- reviews/2024-child-v.md: “Child V: local child safeguarding practice review”, on the site until 20 July 2025 (in 20 days)."
        in (section)
    )
    assert "2023-child-w" not in section  # already withdrawn
    later = signoff.render(run(settings, on=dt.date(2025, 8, 1)), dt.date(2025, 8, 1))
    assert "## Full reports to be withdrawn" in later and "- Nothing." in later.split("## Full reports to be withdrawn", 1)[1]


NEW = document("Child W revisited: review", "lcspr", "2025-03-01", "[neglect]")


def test_a_superseded_review_links_forward_and_the_new_one_back(make_library: Callable[..., Path]) -> None:
    old = document("Child W: review", "lcspr", "2023-02-01", "[neglect]", superseded_by="2025-child-w-revisited")
    root = make_library({"reviews/2023-child-w.md": old, "reviews/2025-child-w-revisited.md": NEW})
    index = site_for(root, DAY)
    old_page = document_page.page(index, index.by_slug["2023-child-w"])
    new_page = document_page.page(index, index.by_slug["2025-child-w-revisited"])
    assert (
        "**This review has been superseded.** [Child W revisited: review](2025-child-w-revisited.md), published 1 March 2025, "
        "replaces it: read that first."
    ) in old_page
    assert "This review replaces [Child W: review](2023-child-w.md)." in new_page
    # before the new review is published, the old one says nothing
    earlier = site_for(root, dt.date(2025, 2, 1))
    assert "superseded" not in document_page.page(earlier, earlier.by_slug["2023-child-w"])


@pytest.mark.parametrize(
    ("superseded_by", "expected"),
    [
        pytest.param(
            "2025-child-w-revisted",
            "error links/unknown-superseded-by: `superseded_by` names `2025-child-w-revisted`, but no review or briefing has that slug; "
            "did you mean `2025-child-w-revisited`?",
            id="unknown",
        ),
        pytest.param(
            "2023-child-w",
            "error links/superseded-by-self: `superseded_by` names this document itself; give the slug of the document that "
            "replaces it, or remove the line",
            id="itself",
        ),
        pytest.param(
            "2099-child-w-again",
            "warning links/superseded-by-unpublished: `superseded_by` names `2099-child-w-again`, which is scheduled for "
            "1 January 2099; the page will link to it once it is published",
            id="scheduled",
        ),
    ],
)
def test_superseded_by_names_a_document_that_exists(
    make_library: Callable[..., Path], check_text: CheckText, superseded_by: str, expected: str
) -> None:
    old = document("Child W: review", "lcspr", "2023-02-01", "[neglect]", superseded_by=superseded_by)
    later = document("Child W again: review", "lcspr", "2099-01-01", "[neglect]")
    root = make_library({"reviews/2023-child-w.md": old, "reviews/2025-child-w-revisited.md": NEW, "reviews/2099-child-w-again.md": later})
    _, out, _ = check_text(root)
    assert f"reviews/2023-child-w.md:7:16: {expected}" in out


def test_a_document_kept_out_of_search_engines_says_so_in_its_front_matter(make_library: Callable[..., Path]) -> None:
    root = make_library(
        {"reviews/2023-child-w.md": document("Child W: review", "lcspr", "2023-02-01", "[neglect]", search_engines="false")}
    )
    index = site_for(root, DAY)
    page = document_page.page(index, index.by_slug["2023-child-w"])
    assert "\nsearch_engines: false\n" in page.split("---\n\n", 1)[0]
    assert "search_engines" not in document_page.page(index, index.by_slug["2023-child-a"]).split("---\n\n", 1)[0]
