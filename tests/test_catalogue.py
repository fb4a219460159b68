"""The catalogue: it validates against the JSON Schema published beside it, and lists exactly what the site publishes on a day."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from learning_library import addresses
from learning_library.pages import catalogue, data

from .conftest import PRACTICE_FILES, REPO, TODAY, document, site_for

SCHEMA = json.loads(catalogue.schema_text())
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=FormatChecker())

WITHDRAWN = document(
    "Child W: local child safeguarding practice review",
    "lcspr",
    "2022-02-01",
    "[neglect]",
    report="reviews/files/w-report.pdf",
    available_until="2023-02-01",
)
KEPT = document(
    "Child K: local child safeguarding practice review", "lcspr", "2024-06-01", "[neglect]", report="reviews/files/k-report.pdf"
)


@pytest.fixture
def catalogue_root(make_library: Callable[..., Path]) -> Path:
    """The practice library (a draft, Child C, and a scheduled review, Child S), a withdrawn report and a kept one."""
    from tools.make_example_attachments import text_pdf

    root = make_library({**PRACTICE_FILES, "reviews/2022-child-w.md": WITHDRAWN, "reviews/2024-child-k.md": KEPT})
    (root / "reviews/files").mkdir()
    for name in ("w-report", "k-report"):
        (root / f"reviews/files/{name}.pdf").write_bytes(text_pdf([f"The {name}."]))
    return root


def problems(instance: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(instance)]


def test_the_schema_is_a_valid_json_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)


def test_the_catalogue_of_the_example_library_validates() -> None:
    index = site_for(REPO, dt.date(2026, 12, 1))
    text = catalogue.files(index)[addresses.CATALOGUE]
    assert problems(json.loads(text)) == []
    assert len(json.loads(text)["documents"]) == len(index.live) > 10


def test_the_catalogue_lists_exactly_the_documents_published_on_the_day(catalogue_root: Path) -> None:
    index = site_for(catalogue_root, TODAY)
    found = json.loads(catalogue.files(index)[addresses.CATALOGUE])
    assert problems(found) == []
    assert found["generated"] == "2025-06-30"
    slugs = [d["slug"] for d in found["documents"]]
    # newest first; not the draft (Child C) nor the review scheduled for September (Child S)
    assert slugs == [
        "2025-hidden-men-briefing",
        "2024-child-k",
        "2024-child-b",
        "2024-neglect-briefing",
        "2023-child-a",
        "2022-child-w",
    ]
    assert slugs == [d.slug for d in index.live]
    text = json.dumps(found)
    assert "Something that must not appear yet" not in text and "not on the site yet" not in text
    # a withdrawn report is listed as withdrawn, without its address; a kept one with it
    by_slug = {d["slug"]: d for d in found["documents"]}
    assert by_slug["2022-child-w"]["report"] == {"withdrawn": True, "available_until": "2023-02-01"}
    assert by_slug["2024-child-k"]["report"] == {"url": "https://learning.kestrel-vale.example/reviews/files/k-report.pdf"}
    assert "w-report.pdf" not in catalogue.files(index)[addresses.CATALOGUE]
    # once the scheduled review's day comes, it is listed too
    later = json.loads(catalogue.files(site_for(catalogue_root, dt.date(2025, 9, 1)))[addresses.CATALOGUE])
    assert "2025-child-s" in [d["slug"] for d in later["documents"]] and "2025-child-c" not in [d["slug"] for d in later["documents"]]


def test_a_review_carries_its_metadata_themes_learning_and_recommendations(catalogue_root: Path) -> None:
    index = site_for(catalogue_root, TODAY)
    review = next(d for d in catalogue.catalogue(index)["documents"] if d["slug"] == "2024-child-b")
    assert review["kind"] == "review"
    assert review["type"] == {"slug": "lcspr", "label": "Local child safeguarding practice review"}
    assert review["themes"] == [{"slug": "domestic-abuse", "label": "Domestic abuse"}, {"slug": "hidden-men", "label": "Hidden men"}]
    assert review["agencies"] == [{"slug": "police", "label": "Police"}, {"slug": "health", "label": "Health"}]
    assert review["learning_points"] == ["Ask who lives in the home", "Information"]
    assert review["url"] == "https://learning.kestrel-vale.example/reviews/2024-child-b/"
    assert review["national_repository"] == "https://repository.example/reviews/42"
    first, *_, last = review["recommendations"]
    assert first == {
        "id": "R1",
        "text": "Police tell the health visitor about every incident.",
        "status": "open",
        "status_label": "Open",
        "owner": "Police",
        "updated": "2025-03-01",
        "update_overdue": False,
    }
    assert last["id"] == "R6" and last["update_overdue"] is True
    assert review["related"] == ["2025-hidden-men-briefing"]


def test_a_document_kept_out_of_search_engines_is_marked(make_library: Callable[..., Path]) -> None:
    root = make_library({"reviews/2022-child-q.md": document("Child Q", "lcspr", "2022-01-01", "[neglect]", search_engines="false")})
    found = catalogue.catalogue(site_for(root, TODAY))["documents"]
    assert [d.get("search_engines") for d in found if d["slug"] == "2022-child-q"] == [False]
    assert all("search_engines" not in d for d in found if d["slug"] != "2022-child-q")
    assert problems({**catalogue.catalogue(site_for(root, TODAY))}) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(lambda d: d.pop("title"), "'title' is a required property", id="missing-title"),
        pytest.param(lambda d: d.update(kind="leaflet"), "'leaflet' is not one of ['review', 'briefing']", id="bad-kind"),
        pytest.param(lambda d: d.update(published="15/03/2024"), "'15/03/2024' does not match", id="bad-date"),
        pytest.param(lambda d: d.update(colour="blue"), "Additional properties are not allowed ('colour' was unexpected)", id="unknown"),
        pytest.param(lambda d: d.update(search_engines=True), "False was expected", id="search-engines-true"),
    ],
)
def test_the_schema_rejects_what_a_program_could_not_rely_on(catalogue_root: Path, change: Any, expected: str) -> None:
    """The validation above can fail: each change breaks one promise of the schema."""
    found = catalogue.catalogue(site_for(catalogue_root, TODAY))
    change(found["documents"][0])
    assert any(expected in p for p in problems(found)), problems(found)


def test_the_catalogue_and_its_schema_are_among_the_files_of_the_site(catalogue_root: Path) -> None:
    files = data(site_for(catalogue_root, TODAY))
    assert json.loads(files[addresses.CATALOGUE_SCHEMA]) == SCHEMA
    assert json.loads(files[addresses.CATALOGUE])["$schema"] == "https://learning.kestrel-vale.example/catalogue.schema.json"
    # one document a line, so a change to one document is a change to one line
    lines = files[addresses.CATALOGUE].splitlines()
    assert sum(1 for line in lines if line.startswith('{"slug":')) == len(site_for(catalogue_root, TODAY).live)


def test_markup_in_an_authors_words_is_escaped_and_reads_back_the_same(make_library: Callable[..., Path]) -> None:
    title = 'Child <b>Q</b> & "friends" </script>'
    root = make_library({"reviews/2022-child-q.md": document(title.replace('"', '\\"'), "lcspr", "2022-01-01", "[neglect]")})
    text = catalogue.files(site_for(root, TODAY))[addresses.CATALOGUE]
    assert "<b>" not in text and "</script>" not in text and "& " not in text
    assert title in [d["title"] for d in json.loads(text)["documents"]]
