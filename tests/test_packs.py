"""Team packs: what is meant for an agency, its learning points and questions, and the record of use."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from learning_library import addresses, pages
from learning_library.mkdocs.theme import default_nav
from learning_library.pages import packs
from learning_library.pages.headings import reflective_questions

from .conftest import TODAY, document, site_for

FOR_POLICE = document(
    "Police and hidden men: themed briefing",
    "themed-briefing",
    "2025-03-01",
    "[hidden-men]",
    body=(
        "## Learning for improved practice\n\n### Ask who is in the home\n\nText.\n\n"
        "## Questions for reflection\n\n1. Who lives in the home?\n2. Have you [checked the records](../reviews/2024-child-b.md)\n"
        "   of every adult?\n\n!!! note\n    Not a question.\n\n## Further reading\n\n- Not a question either.\n"
    ),
    agencies="[police]",
)
FOR_EVERYONE = document("Supervision: practice guide", "practice-guide", "2025-04-01", "[supervision]")
FOR_HEALTH = document("Safer sleep: 7-minute briefing", "seven-minute-briefing", "2025-05-01", "[safer-sleep, health]")


@pytest.fixture
def packs_root(make_library: Callable[..., Path], library_root: Path) -> Path:
    for name, text in {
        "briefings/2025-police-briefing.md": FOR_POLICE,
        "briefings/2025-supervision.md": FOR_EVERYONE,
        "briefings/2025-safer-sleep.md": FOR_HEALTH,
    }.items():
        (library_root / name).write_text(text)
    return library_root


def test_what_is_meant_for_an_agency(packs_root: Path) -> None:
    index = site_for(packs_root, TODAY)
    police = [d.slug for d in packs.briefings_for(index, "police")]
    health = [d.slug for d in packs.briefings_for(index, "health")]
    # by `agencies`, by the sector theme of the same slug, and a briefing naming no agency is for everyone
    assert police == ["2025-supervision", "2025-police-briefing", "2025-hidden-men-briefing", "2024-neglect-briefing"]
    assert health == ["2025-safer-sleep", "2025-supervision", "2025-hidden-men-briefing", "2024-neglect-briefing"]
    assert [d.slug for d in packs.reviews_for(index, "police")] == ["2024-child-b", "2023-child-a"]
    assert [d.slug for d in packs.reviews_for(index, "housing")] == []


def test_a_pack_gathers_briefings_learning_points_and_questions(packs_root: Path) -> None:
    page = pages.generate(site_for(packs_root, TODAY))[addresses.pack_uri("police")]
    assert page.startswith("---\ntitle: 'Team pack: Police'\n")
    briefings = page[page.index("## Briefings for Police") : page.index("## Learning from reviews")]
    assert "### [Police and hidden men: themed briefing](../briefings/2025-police-briefing.md)" in briefings
    assert "- [Ask who is in the home](../briefings/2025-police-briefing.md#ask-who-is-in-the-home)" in briefings
    assert "Safer sleep" not in briefings
    reviews = page[page.index("## Learning from reviews") : page.index("## Questions for your team")]
    assert "- [Ask who lives in the home](../reviews/2024-child-b.md#ask-who-lives-in-the-home)" in reviews
    assert "Child A" not in reviews  # it has no learning points to list
    questions = page[page.index("## Questions for your team") : page.index("## Record of use")]
    assert "From [Police and hidden men: themed briefing](../briefings/2025-police-briefing.md):\n\n- Who lives in the home?\n" in questions
    assert "- Have you checked the records of every adult?\n" in questions
    assert "Not a question" not in questions
    assert "- What will we do differently, who will do it, and by when?" in questions
    assert "Online: https://learning.kestrel-vale.example/briefings/2025-police-briefing/</p>" in page
    assert '<a href="../../search/?agency=Police">search the library</a>' in page


def test_the_record_of_use_asks_what_the_team_will_do_differently(packs_root: Path) -> None:
    page = pages.generate(site_for(packs_root, TODAY))[addresses.pack_uri("health")]
    record = page[page.index('<div class="ll-record" markdown>') :]
    rows = re.findall(r'<th scope="row">([^<]+)</th><td><span class="ll-record-hint">([^<]+)</span></td>', record)
    assert [name for name, _ in rows] == [name for name, _, _ in packs.RECORD_ROWS]
    assert ("What we will do differently", "One change on each line") in rows
    assert "<caption>Record of use: team pack for Health</caption>" in record


def test_a_pack_keeps_to_the_newest(make_library: Callable[..., Path]) -> None:
    many = {
        f"briefings/2024-b-{n:02d}.md": document(f"Briefing {n:02d}", "themed-briefing", f"2024-01-{n:02d}", "[police]")
        for n in range(1, packs.PACK_BRIEFINGS + 4)
    }
    page = pages.generate(site_for(make_library(many, default_documents=False), TODAY))[addresses.pack_uri("police")]
    listed = re.findall(r"^### \[Briefing (\d+)\]", page, re.MULTILINE)
    assert listed == [f"{n:02d}" for n in range(packs.PACK_BRIEFINGS + 3, 3, -1)]


def test_every_agency_has_a_pack_and_the_index_lists_them(packs_root: Path) -> None:
    index = site_for(packs_root, TODAY)
    generated = pages.generate(index)
    assert {uri for uri in generated if uri.startswith("packs/")} == {addresses.PACKS_INDEX} | {
        addresses.pack_uri(a) for a in index.vocabulary.agencies
    }
    overview = generated[addresses.PACKS_INDEX]
    assert "- [Police](police.md): 4 briefings and the learning of 2 reviews" in overview
    assert "- [Housing](housing.md): 3 briefings and the learning of 0 reviews" in overview


def test_the_navigation_lists_the_index_of_packs_but_no_pack() -> None:
    flat = [uri for entry in default_nav([]) for uri in (entry.values() if isinstance(entry, dict) else [entry])]
    assert addresses.PACKS_INDEX in flat and not any(u.startswith("packs/") and u != addresses.PACKS_INDEX for u in flat)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("## Questions for your team\n\n- One?\n- Two?\n", ["One?", "Two?"], id="bulleted"),
        pytest.param("## 8. Reflective questions\n\n1. One?\n2) Two?\n", ["One?", "Two?"], id="numbered-part"),
        pytest.param(
            "## Questions for reflection\n\n- One?\n  - a nested point\n\nA paragraph.\n\n- Two?\n", ["One?", "Two?"], id="nested-left-out"
        ),
        pytest.param("## Questions\n\n- Not reflective?\n", [], id="not-the-heading"),
        pytest.param("## Questions to consider\n\n```\n- code\n```\n\n## Next\n\n- After\n", [], id="code-and-next-section"),
    ],
)
def test_reflective_questions_are_the_list_under_their_heading(body: str, expected: list[str]) -> None:
    assert reflective_questions(body) == expected
