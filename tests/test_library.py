"""The library's own settings in ``mkdocs.yml``: ``site_name`` and ``extra:``, every problem reported at once."""

from __future__ import annotations

from pathlib import Path

from learning_library.library import DEFAULT_OVERDUE_MONTHS, load_settings

from .conftest import config_problems


def settings_problems(tmp_path: Path, text: str) -> list[str]:
    return config_problems(tmp_path / "mkdocs.yml", text, lambda: load_settings(tmp_path / "mkdocs.yml"))


def test_tags_mkdocs_resolves_and_theme_settings_under_extra_are_left_alone(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Library\ndocs_dir: content\nsite_url: !ENV [SITE_URL, 'https://example.org/']\n"
        "extra:\n  social: [{icon: x}]\n  consent: {title: Cookies}\n"
    )
    settings = load_settings(tmp_path / "mkdocs.yml")
    assert settings.site_name == "Library" and settings.docs_dir == (tmp_path / "content").resolve()
    assert settings.overdue_after_months == DEFAULT_OVERDUE_MONTHS


def test_a_broken_settings_file_reports_every_problem_with_its_place(tmp_path: Path) -> None:
    assert settings_problems(tmp_path, "site_nam: Library\nextra:\n  overdue_after_months: 0\n") == [
        "mkdocs.yml:1:1: `site_name` is missing; add a line like `site_name: Our learning library`",
        "mkdocs.yml:3:25: `extra: overdue_after_months` should be a whole number of months from 1 to 60, like 6, "
        f"but is `0`; fix it or remove the line to use {DEFAULT_OVERDUE_MONTHS} months",
    ]


def test_extra_that_is_not_a_set_of_settings_is_a_problem(tmp_path: Path) -> None:
    assert settings_problems(tmp_path, "site_name: Library\nextra: [overdue_after_months]\n") == [
        "mkdocs.yml:2:8: `extra` should be a set of `key: value` settings but is a list; check its indentation"
    ]
