"""`learning-library new`: drafts from templates that pass the check, named from the year and the title."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from learning_library import authoring, check
from learning_library.library import load_settings
from learning_library.pages.headings import headings

from .conftest import REVIEW_B, Invoke

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
def test_every_template_makes_a_draft_that_passes_the_check(kind: str, library_root: Path, invoke: Invoke) -> None:
    title = 'Child K: "the quiet one" – a review' if kind == "review" else "Safer sleep: what we learned"
    result = invoke(library_root, "new", kind, "--title", title, "--published", "2026-02-03")
    assert result.exit_code == 0, result.stderr
    folder = "reviews" if kind == "review" else "briefings"
    slug = "2026-child-k-the-quiet-one-a-review" if kind == "review" else "2026-safer-sleep-what-we-learned"
    path = library_root / folder / f"{slug}.md"
    assert f"Created {folder}/{slug}.md" in result.stdout
    settings = load_settings(library_root / "mkdocs.yml")
    outcome = check.run(settings, [path], use_cache=False)
    assert [f"{f.rule}: {f.message}" for f in outcome.results] == []
    created = next(d for d in outcome.library.documents if d.slug == slug)
    assert created.title == title and created.status == "draft" and created.published == dt.date(2026, 2, 3)
    assert created.type == ("lcspr" if kind == "review" else kind)
    assert created.themes == ("neglect",)  # the partnership's first priority until the author chooses
    assert not created.is_live(dt.date(2030, 1, 1))
    sections = [h.text for h in headings(created.source.body) if h.level == 2]
    assert sections[: len(EXPECTED_SECTIONS[kind])] == EXPECTED_SECTIONS[kind]


def test_new_takes_themes_and_a_review_type(library_root: Path, invoke: Invoke) -> None:
    args = ["new", "review", "--title", "Child Q", "--theme", "infants", "--theme", "safer-sleep", "--type", "learning-review"]
    result = invoke(library_root, *args, "--published", "2026-01-01")
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
def test_new_refuses_bad_input_in_one_line(library_root: Path, invoke: Invoke, args: list[str], message: str) -> None:
    existing = library_root / "reviews/2024-child-b-local-child-safeguarding-practice-review.md"
    existing.write_text(REVIEW_B)
    before = sorted(p.name for p in (library_root / "reviews").iterdir())
    result = invoke(library_root, *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("learning-library: nothing was created: ") and result.stderr.count("\n") == 1
    assert message in result.stderr
    if not message:
        assert "already exists and is never overwritten" in result.stderr
    assert sorted(p.name for p in (library_root / "reviews").iterdir()) == before
    assert existing.read_text() == REVIEW_B


def test_a_slug_taken_by_a_briefing_is_not_reused_for_a_review(library_root: Path, invoke: Invoke) -> None:
    result = invoke(library_root, "new", "review", "--title", "Hidden men briefing", "--published", "2025-05-05")
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
