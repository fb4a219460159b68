"""Meta-tests: what a web editor relies on is documented, and the example library stays usable."""

from __future__ import annotations

import re

import click

from learning_library.cli import main
from learning_library.content import DOCUMENT_FIELDS
from learning_library.vocabulary import load_vocabulary

from .conftest import REPO

README = (REPO / "README.md").read_text()


def test_every_command_is_in_the_readme_with_an_example_in_its_help() -> None:
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        assert f"learning-library {name}" in README, name
        assert "Example" in (command.help or ""), name


def test_every_front_matter_key_is_in_the_readme() -> None:
    for spec in DOCUMENT_FIELDS:
        assert f"`{spec.key}`" in README, spec.key


def test_every_type_is_in_the_readme_and_every_theme_is_described() -> None:
    vocabulary = load_vocabulary(REPO / "themes.yml")
    for slug in [*vocabulary.review_types, *vocabulary.briefing_types]:
        assert f"`{slug}`" in README, slug
    for term in vocabulary.themes.values():
        assert term.description and term.facet in vocabulary.facets, term.slug


def test_the_readme_names_the_two_commands() -> None:
    assert re.search(r"^make serve\b", README, re.MULTILINE) and re.search(r"^make test\b", README, re.MULTILINE)


def test_the_accessibility_statement_follows_the_govuk_model() -> None:
    """The headings of the GOV.UK model statement, in order, for the partnership to complete."""
    text = (REPO / "content/accessibility.md").read_text()
    headings = [
        "## How accessible this website is",
        "## Feedback and contact information",
        "## Reporting accessibility problems with this website",
        "## Enforcement procedure",
        "## Technical information about this website's accessibility",
        "### Compliance status",
        "## Non-accessible content",
        "### Non-compliance with the accessibility regulations",
        "### Disproportionate burden",
        "### Content that's not within the scope of the accessibility regulations",
        "## What we're doing to improve accessibility",
        "## Preparation of this accessibility statement",
    ]
    positions = [text.index(h + "\n") for h in headings]
    assert positions == sorted(positions)
    assert "WCAG 2.2 AA" in text and "[month and year]" in text


def test_the_readme_explains_how_a_partnership_makes_the_site_its_own() -> None:
    section = README[README.index("## Use this as your partnership's site") :]
    for setting in ("site_name", "logo:", "primary", "priorities:", "anonymisation.yml", "GitHub Actions", "content/accessibility.md"):
        assert setting in section, setting


def test_every_module_the_architecture_names_exists() -> None:
    text = (REPO / "docs/architecture.md").read_text()
    named = set(re.findall(r"[\w/]+\.py|anonymisation/|attachments/|content/", text))
    package = REPO / "src/learning_library"
    missing = [name for name in sorted(named) if not ((package / name).exists() or (REPO / name).exists())]
    assert missing == [], "docs/architecture.md names modules that do not exist; update it"
