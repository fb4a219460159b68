"""The export for the national case review repository: its columns are the documented fields, its rows the published reviews."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from learning_library import national_repository

from .conftest import PRACTICE_FILES, REPO, TODAY, Invoke, document, set_extra, site_for

DOCS = (REPO / "docs/national-repository.md").read_text()


def documented_columns() -> list[str]:
    """The first column of the table under "## The columns" in docs/national-repository.md."""
    table = DOCS.split("## The columns", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE)


def read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_the_columns_are_the_repositorys_fields_as_documented() -> None:
    assert documented_columns() == [c.name for c in national_repository.COLUMNS]
    assert len(documented_columns()) == 15


def test_the_export_has_the_documented_columns_and_one_row_per_published_review(library_root: Path) -> None:
    text = national_repository.export(site_for(library_root))
    header = next(csv.reader(io.StringIO(text)))
    assert header == documented_columns()
    rows = read(text)
    # oldest first; no briefing, no draft (Child C), no scheduled review (Child S)
    assert [r["title"] for r in rows] == [
        "Child A: local child safeguarding practice review",
        "Child B: local child safeguarding practice review",
    ]
    b = rows[1]
    assert b == {
        "year": "2024",
        "area": "Kestrel Vale",
        "pseudonym": "Child B",
        "title": "Child B: local child safeguarding practice review",
        "review_type": "Local child safeguarding practice review",
        "date_published": "2024-04-01",
        "age_of_child": "",
        "summary": "Child B was four. The review looks at how agencies responded to domestic abuse at home.",
        "learning_themes": "Ask who lives in the home; Information",
        "recommendations": (
            "R1: Police tell the health visitor about every incident.; R2: Plans name the person causing harm.; "
            "R3: Schools record the support they offer.; R4: The partnership audits plans.; "
            "R5: Health visitors ask about every adult.; R6: Probation checks new relationships."
        ),
        "keywords": "Domestic abuse; Hidden men",
        "agencies_involved": "Police; Health",
        "report_url": "",
        "page_url": "https://learning.kestrel-vale.example/reviews/2024-child-b/",
        "national_repository_url": "https://repository.example/reviews/42",
    }
    assert rows[0]["age_of_child"] == "1 to 4"
    assert text.endswith("\r\n")


def test_since_keeps_the_reviews_published_from_that_day(library_root: Path) -> None:
    index = site_for(library_root)
    assert [r["pseudonym"] for r in read(national_repository.export(index, dt.date(2024, 4, 1)))] == ["Child B"]
    assert read(national_repository.export(index, dt.date(2024, 4, 2))) == []


def test_a_withdrawn_report_and_a_national_review_are_not_exported(make_library: Callable[..., Path]) -> None:
    from tools.make_example_attachments import text_pdf

    root = make_library(
        {
            "reviews/2022-child-w.md": document(
                "Child W: review", "lcspr", "2022-02-01", "[neglect]", report="reviews/files/w.pdf", available_until="2023-02-01"
            ),
            "reviews/2023-child-k.md": document("Child K: review", "lcspr", "2023-02-01", "[neglect]", report="reviews/files/k.pdf"),
            "reviews/2023-national.md": document(
                "Safeguarding children at risk: national review", "cspr-national", "2023-03-01", "[neglect]"
            ),
        }
    )
    (root / "reviews/files").mkdir()
    for name in ("w", "k"):
        (root / f"reviews/files/{name}.pdf").write_bytes(text_pdf(["Report."]))
    rows = {r["pseudonym"]: r for r in read(national_repository.export(site_for(root, TODAY)))}
    assert rows["Child W"]["report_url"] == ""
    assert rows["Child K"]["report_url"] == "https://learning.kestrel-vale.example/reviews/files/k.pdf"
    assert "Safeguarding children at risk" not in rows


def test_the_command_writes_a_file_excel_opens_and_says_how_many(
    make_library: Callable[..., Path], invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_library(PRACTICE_FILES)
    monkeypatch.setenv("LEARNING_LIBRARY_TODAY", TODAY.isoformat())
    result = invoke(root, "export", "national-repository", "--since", "2023-01-01", "--output", "submission.csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Wrote submission.csv: 2 reviews.\n"
    raw = (root / "submission.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfyear,area,pseudonym,")
    assert [r["pseudonym"] for r in read(raw.decode("utf-8"))] == ["Child A", "Child B"]
    printed = invoke(root, "export", "national-repository")
    assert printed.exit_code == 0 and printed.stdout.startswith("year,area,pseudonym,")


@pytest.mark.parametrize(
    ("args", "setup", "expected"),
    [
        pytest.param(
            ["--since", "2024-31-01"],
            None,
            "learning-library: nothing was exported: --since 2024-31-01 is not a date; write it as YYYY-MM-DD, like 2025-04-01\n",
            id="bad-date",
        ),
        pytest.param(
            [],
            lambda root: set_extra(root, {"contact": "learning@kestrel-vale.example"}),
            "the national repository's records name the area; add `extra: {area: Your area}` to mkdocs.yml",
            id="no-area",
        ),
    ],
)
def test_the_command_explains_why_it_could_not_export(
    make_library: Callable[..., Path], invoke: Invoke, args: list[str], setup: Callable[[Path], None] | None, expected: str
) -> None:
    root = make_library()
    if setup:
        setup(root)
    result = invoke(root, "export", "national-repository", *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert expected in result.stderr


def test_nothing_is_exported_while_something_blocks_publication(make_library: Callable[..., Path], invoke: Invoke) -> None:
    root = make_library({"reviews/2023-child-x.md": document("Child X", "lcspr", "2023-01-01", "[neglet]")})
    result = invoke(root, "export", "national-repository")
    assert result.exit_code == 1 and result.stdout == ""
    assert "reviews/2023-child-x.md:5:10: error metadata/unknown-theme" in result.stderr
    assert "nothing was exported; fix the problems above" in result.stderr
