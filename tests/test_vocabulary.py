"""The vocabulary file, ``themes.yml``: read with the same schema mechanism as front matter, every problem reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from learning_library.vocabulary import load_vocabulary

from .conftest import REPO, config_problems

THEMES = (REPO / "themes.yml").read_text()


def problems(tmp_path: Path, text: str) -> list[str]:
    """The lines of the ConfigError for a ``themes.yml`` holding ``text``."""
    return config_problems(tmp_path / "themes.yml", text, lambda: load_vocabulary(tmp_path / "themes.yml"))


def test_the_example_vocabulary_reads_in_the_files_order() -> None:
    vocabulary = load_vocabulary(REPO / "themes.yml")
    assert list(vocabulary.themes)[:2] == ["neglect", "physical-abuse"]
    assert vocabulary.priorities == ("neglect", "sexual-abuse", "domestic-abuse")
    assert vocabulary.themes["neglect"].facet == "harm" and "chronic neglect" in vocabulary.themes["neglect"].aliases
    assert vocabulary.kind_of_type("lcspr") == "review" and vocabulary.kind_of_type("themed-briefing") == "briefing"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            lambda t: t.replace("priorities: [neglect", "priorities: [neglet"),
            ["themes.yml:{line}:14: priority `neglet` is not a theme; did you mean `neglect`?"],
            id="priority-not-a-theme",
        ),
        pytest.param(
            lambda t: t.replace("    label: Neglect\n", "    lable: Neglect\n"),
            [
                "themes.yml:{line}:5: unknown key `lable` in the entry `neglect`; did you mean `label`?",
                'themes.yml:{line}:5: the entry `neglect` has no `label`, which is required; add a line like `label: "..."`',
            ],
            id="misspelt-label",
        ),
        pytest.param(
            lambda t: t.replace("  lcspr:\n    label:", "  lcspr:\n    short: LCSPR\n    label:"),
            ["themes.yml:{line}:5: unknown key `short` in the entry `lcspr`; the keys allowed here are label, description"],
            id="short-is-not-a-key",
        ),
        pytest.param(
            lambda t: t.replace("  police: {label: Police}", "  Police: {label: Police}"),
            [
                "themes.yml:{line}:3: `agencies` should be a slug but is `Police`; use lowercase letters, digits and hyphens, like `hidden-men`"
            ],
            id="slug-not-lowercase",
        ),
        pytest.param(
            lambda t: t + "agency:\n  police: {label: Police}\n",
            ["themes.yml:{line}:1: unknown key `agency` in themes.yml; did you mean `agencies`?"],
            id="unknown-section",
        ),
    ],
)
def test_a_mistake_is_reported_at_its_line_and_column_with_a_fix(tmp_path: Path, change: object, expected: list[str]) -> None:
    assert callable(change)
    text = change(THEMES)
    found = problems(tmp_path, text)
    # the line depends on the example file; the column and the message do not
    assert [line.split(":", 2)[2] for line in found] == [e.split(":", 2)[2] for e in expected]
    assert all(line.startswith("themes.yml:") for line in found)


def test_a_theme_in_an_undeclared_facet_names_the_facets_and_the_closest(tmp_path: Path) -> None:
    found = problems(tmp_path, THEMES.replace("    facet: harm\n", "    facet: harms\n", 1))
    line = THEMES.splitlines().index("    facet: harm") + 1
    assert found == [
        f"themes.yml:{line}:12: theme `neglect` has facet `harms`, which is not one of the facets "
        "(harm, child, family, practice, sector); did you mean `harm`?"
    ]


def test_a_broken_vocabulary_reports_every_problem_one_per_line_in_file_order(tmp_path: Path) -> None:
    text = (
        THEMES.replace("priorities: [neglect", "priorities: [neglet")
        .replace("    facet: harm\n", "    facet: harms\n", 1)
        .replace("  police: {label: Police}", "  police: Police")
    )
    found = problems(tmp_path, text)
    assert len(found) == 3
    assert [int(line.split(":")[1]) for line in found] == sorted(int(line.split(":")[1]) for line in found)
    assert "theme `neglect` has facet `harms`" in found[0]
    assert "`police` should be" in found[1]
    assert "priority `neglet` is not a theme" in found[2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "themes.yml:1:1: expected sections such as `themes:` and `review_types:` but the file has none; add them"),
        ("- neglect\n", "themes.yml:1:1: expected sections such as `themes:` and `review_types:` but the file has none; add them"),
        (
            "themes: [\n",
            "themes.yml:2: not valid YAML (did not find expected node content); check the quotes, colons and indentation on this line",
        ),
    ],
)
def test_a_file_that_is_not_a_vocabulary_is_one_clear_line(tmp_path: Path, text: str, expected: str) -> None:
    assert problems(tmp_path, text) == [expected]


def test_both_review_type_and_briefing_type_is_a_problem(tmp_path: Path) -> None:
    text = THEMES.replace("briefing_types:\n", "briefing_types:\n  lcspr: {label: LCSPR briefing}\n")
    (found,) = problems(tmp_path, text)
    assert found.endswith(": `lcspr` is both a review type and a briefing type; rename one of them")
