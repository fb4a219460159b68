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
