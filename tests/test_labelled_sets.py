"""Every labelled set under ``tests/data/`` passes ``tools/validate_labelled_set.py``, which catches the mistakes sets are made with."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tools.validate_labelled_set import main, validate

from .conftest import REPO

SETS = sorted(p.parent for p in (REPO / "tests/data").glob("*/labels.yml"))


@pytest.mark.parametrize("folder", SETS, ids=[p.name for p in SETS])
def test_the_labelled_set_is_consistent(folder: Path) -> None:
    result = validate(folder)
    assert result.errors == [], result.summary()
    assert result.documents["leaky"] > 0


def test_there_is_a_set_to_check() -> None:
    assert {"anonymisation", "anonymisation-holdout"} <= {p.name for p in SETS}


@pytest.fixture
def broken_set(tmp_path: Path) -> Path:
    """A copy of the tuning set, to break."""
    folder = tmp_path / "set"
    shutil.copytree(REPO / "tests/data/anonymisation", folder, ignore=shutil.ignore_patterns("validate.py"))
    return folder


def test_mistakes_in_a_set_are_each_reported(broken_set: Path) -> None:
    (broken_set / "documents/clean-30.md").unlink()
    labels = broken_set / "labels.yml"
    labels.write_text(labels.read_text().replace('text: "Kerry Walsh"', 'text: "Kerry Walshe"', 1))
    leaky = broken_set / "documents/leaky-02.md"
    leaky.write_text(leaky.read_text() + "\nCall 07700 900999 for the duty team.\n")
    errors = validate(broken_set).errors
    assert "documents/clean-30.md: missing" in errors
    assert "labels.yml entry 1 (leaky-01.md, 'Kerry Walshe'): the text does not occur in the file" in errors
    assert any(e.startswith("documents/leaky-02.md:") and "unlabelled phone '07700 900999'" in e for e in errors)
    assert "PERSON: 113 labels, but the README's table says 114" in errors
    assert any(e.startswith("the clean documents have ") and e.endswith(" words, but the README says 18463") for e in errors)


def test_the_command_exits_1_on_a_broken_set_and_0_on_a_good_one(broken_set: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(REPO / "tests/data/anonymisation-holdout")]) == 0
    (broken_set / "documents/leaky-01.md").write_text("no front matter\n")
    assert main([str(broken_set)]) == 1
    assert capsys.readouterr().out.rstrip().endswith("FAILED")


def test_in_a_set_of_pairs_only_what_differs_from_the_clean_twin_must_be_labelled(tmp_path: Path) -> None:
    folder = tmp_path / "pairs"
    shutil.copytree(REPO / "tests/data/anonymisation-real", folder, ignore=shutil.ignore_patterns("validate.py"))
    assert validate(folder).errors == []
    leaky = folder / "documents/leaky-01.md"
    leaky.write_text(leaky.read_text() + "\nHer mother's number was 07700 900111.\n")
    assert [e for e in validate(folder).errors if "unlabelled" in e] == [
        f"documents/leaky-01.md:{leaky.read_text().count(chr(10))}: unlabelled phone '07700 900111'"
    ]
