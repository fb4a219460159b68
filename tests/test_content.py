"""The content model: good and bad front matter, each bad case with the exact finding expected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from learning_library.content import Document, parse_document, parse_page
from learning_library.findings import Finding
from learning_library.vocabulary import BRIEFING, REVIEW, load_vocabulary

from .conftest import REPO

VOCABULARY = load_vocabulary(REPO / "themes.yml")

GOOD = """\
title: "Child Ruby: local child safeguarding practice review"
type: lcspr
published: 2024-03-15
themes: [neglect, hidden-men, professional-curiosity]
summary: Ruby was two when she was admitted to hospital with injuries.
"""


def parse(
    front: str, body: str = "## Summary\n\nText.\n", *, name: str = "2024-child-ruby.md", folder_kind: str | None = REVIEW
) -> tuple[Document | None, list[Finding]]:
    text = f"---\n{front}---\n\n{body}"
    return parse_document(Path(name), name, VOCABULARY, folder_kind=folder_kind, text=text)


def messages(front: str, **kwargs: Any) -> list[str]:
    _, findings = parse(front, **kwargs)
    return [f"{f.line}:{f.column} {f.severity.value} {f.rule}: {f.message}" for f in findings]


def test_the_spec_example_is_valid() -> None:
    front = GOOD + (
        "pseudonyms: [Ruby]\n"
        "allow:\n"
        '  - {text: "0808 800 5000", reason: "NSPCC helpline"}\n'
        "age_band: 1-4\n"
        "agencies: [health, police, children-social-care]\n"
        "recommendations:\n"
        '  - {id: R1, text: "Health visitors ask about every adult in the household at each contact.", owner: "Health", status: in-progress}\n'
    )
    document, findings = parse(front)
    assert findings == []
    assert document is not None
    assert document.slug == "2024-child-ruby"
    assert document.kind == REVIEW
    assert document.published == dt.date(2024, 3, 15)
    assert document.themes == ("neglect", "hidden-men", "professional-curiosity")
    assert document.allow[0].text == "0808 800 5000" and document.allow[0].reason == "NSPCC helpline"
    assert document.recommendations[0].status == "in-progress"
    assert document.status == "published"


def test_every_optional_key_is_read() -> None:
    front = GOOD + (
        "status: draft\n"
        "related: [2023-child-b, 2022-other.md]\n"
        "model: Significant Incident Learning Process\n"
        "report: reviews/files/ruby.pdf\n"
        "available_until: 2027-03-15\n"
        "response: files/response.pdf\n"
        "national_repository: https://repository.example/review/1\n"
    )
    document, findings = parse(front)
    assert findings == []
    assert document is not None
    assert [r.value for r in document.related] == ["2023-child-b", "2022-other"]
    assert document.report == "reviews/files/ruby.pdf"
    assert document.response_file == "reviews/files/response.pdf"
    assert document.response is None
    assert document.available_until == dt.date(2027, 3, 15)


def test_checked_by_hand_is_read_with_its_place() -> None:
    front = GOOD + 'checked_by_hand:\n  - {file: ./reviews/files/ruby.pdf, reason: "Scanned; read in full by the business manager"}\n'
    document, findings = parse(front)
    assert findings == [] and document is not None
    (entry,) = document.checked_by_hand
    assert (entry.file, entry.reason, entry.declared_in, entry.line) == (
        "reviews/files/ruby.pdf", "Scanned; read in full by the business manager", "2024-child-ruby.md", 8,
    )  # fmt: skip


def test_a_briefing_is_known_by_its_type() -> None:
    front = GOOD.replace("type: lcspr", "type: seven-minute-briefing") + 'audience: ["Health visitors"]\n'
    document, findings = parse(front, folder_kind=None)
    assert findings == []
    assert document is not None and document.kind == BRIEFING and document.audience == ("Health visitors",)


def test_the_lifecycle_keys_are_read() -> None:
    front = GOOD + "search_engines: false\nsuperseded_by: 2026-child-ruby-revised.md\n"
    document, findings = parse(front)
    assert findings == [] and document is not None
    assert document.search_engines is False
    assert document.superseded_by is not None and document.superseded_by.value == "2026-child-ruby-revised"
    assert (document.superseded_by.line, document.superseded_by.column) == (8, 16)
    default, _ = parse(GOOD)
    assert default is not None and default.search_engines is True and default.superseded_by is None


def test_a_briefing_names_the_agencies_it_is_meant_for() -> None:
    front = GOOD.replace("type: lcspr", "type: themed-briefing") + "agencies: [police, early-years]\n"
    document, findings = parse(front, folder_kind=BRIEFING)
    assert findings == [] and document is not None
    assert document.agencies == ("police", "early-years")


BAD = [
    pytest.param(
        GOOD + "search_engines: no thanks\n",
        [
            "7:17 error metadata/wrong-type: `search_engines` should be true or false but is `no thanks`; "
            "write `search_engines: false` or `search_engines: true`, or remove the line"
        ],
        id="search-engines-not-a-flag",
    ),
    pytest.param(
        GOOD + "superseded_by: [a, b]\n",
        [
            "7:16 error metadata/wrong-type: `superseded_by` should be the slug of a review or briefing (its file name without .md) "
            "but is a list; write it as the slug of a review or briefing (its file name without .md)"
        ],
        id="superseded-by-a-list",
    ),
    pytest.param(
        GOOD + "checked_by_hand:\n  - {file: reviews/files/ruby.pdf}\n",
        [
            "8:5 error metadata/missing-key: a checked_by_hand entry has no `reason`, which is required; add a line like `reason: ...`",
        ],
        id="checked-by-hand-without-reason",
    ),
    pytest.param(
        GOOD + 'checked_by_hand:\n  - {file: /tmp/ruby.pdf, reason: "read by hand"}\n',
        [
            "8:12 error metadata/bad-path: `file` should be the path of an attachment, like reviews/files/report.pdf but is `/tmp/ruby.pdf`; "
            "give the path from the library's folder, starting reviews/files/, briefings/files/ or content/",
        ],
        id="checked-by-hand-outside-the-library",
    ),
    pytest.param(
        GOOD + "theme: [neglect]\n",
        ["7:1 error metadata/unknown-key: unknown key `theme` in the front matter; did you mean `themes`?"],
        id="unknown-key",
    ),
    pytest.param(
        GOOD.replace("summary: Ruby was two when she was admitted to hospital with injuries.\n", ""),
        [
            "2:1 error metadata/missing-key: the front matter has no `summary`, which is required; "
            "add a line like `summary: One to three plain sentences for the listings.`"
        ],
        id="missing-summary",
    ),
    pytest.param(
        GOOD.replace("[neglect, hidden-men, professional-curiosity]", "[neglet]"),
        ["5:10 error metadata/unknown-theme: `neglet` is not a theme in themes.yml; did you mean `neglect`?"],
        id="unknown-theme-typo",
    ),
    pytest.param(
        GOOD.replace("[neglect, hidden-men, professional-curiosity]", "[county lines]"),
        ["5:10 error metadata/unknown-theme: `county lines` is not a theme in themes.yml; did you mean `child-criminal-exploitation`?"],
        id="unknown-theme-alias",
    ),
    pytest.param(
        GOOD.replace("[neglect, hidden-men, professional-curiosity]", "neglect"),
        [
            "5:9 error metadata/wrong-type: `themes` should be a list of theme slugs from themes.yml but is `neglect`; "
            "write it as a list, like `themes: [neglect]`"
        ],
        id="themes-not-a-list",
    ),
    pytest.param(
        GOOD.replace("[neglect, hidden-men, professional-curiosity]", "[]"),
        ["5:9 error metadata/empty: `themes` needs at least 1; write it like `themes: [neglect, hidden-men]`"],
        id="themes-empty",
    ),
    pytest.param(
        GOOD.replace("type: lcspr", "type: lcpsr"),
        ["3:7 error metadata/unknown-type: `lcpsr` is not a type in themes.yml; did you mean `lcspr`?"],
        id="unknown-type",
    ),
    pytest.param(
        GOOD.replace("2024-03-15", "2024-02-30"),
        [
            "4:12 error metadata/bad-date: `published` is `2024-02-30`, which is not a real date (day is out of range for month); "
            "check the day and the month"
        ],
        id="impossible-date",
    ),
    pytest.param(
        GOOD.replace("2024-03-15", "15/03/2024"),
        [
            "4:12 error metadata/bad-date: `published` should be a date written YYYY-MM-DD, like 2024-03-15 but is `15/03/2024`; "
            "write `2024-03-15`"
        ],
        id="uk-date",
    ),
    pytest.param(
        GOOD + "age_band: toddler\n",
        ["7:11 error metadata/unknown-age-band: `toddler` is not a age band in themes.yml; use one of the age bands listed in themes.yml"],
        id="unknown-age-band",
    ),
    pytest.param(
        GOOD + "agencies: [polise]\n",
        ["7:12 error metadata/unknown-agency: `polise` is not a agency in themes.yml; did you mean `police`?"],
        id="unknown-agency",
    ),
    pytest.param(
        GOOD + "status: hidden\n",
        ["7:9 error metadata/wrong-type: `status` should be one of published, draft but is `hidden`; use one of: published, draft"],
        id="bad-status",
    ),
    pytest.param(
        GOOD + "title: again\n",
        ["7:1 error metadata/duplicate-key: `title` appears twice in the front matter (first on line 2); keep one"],
        id="duplicate-key",
    ),
    pytest.param(
        GOOD + "audience: [Teachers]\n",
        [
            "7:1 error metadata/wrong-kind-key: `audience` is only for briefings, but `lcspr` is a review type; "
            "remove `audience` or change `type`"
        ],
        id="briefing-key-on-review",
    ),
    pytest.param(
        GOOD.replace("type: lcspr", "type: themed-briefing"),
        [
            "3:7 error metadata/wrong-kind: `themed-briefing` is a briefing type but this file is in reviews/; move the file to "
            "briefings/ or use a review type (lcspr, cspr-national, scr, learning-review, single-agency-review, multi-agency-audit, "
            "thematic-review, child-death-review-learning)"
        ],
        id="briefing-type-in-reviews",
    ),
    pytest.param(
        GOOD + "recommendations:\n  - {id: R1, text: Do it, status: done}\n",
        [
            "8:35 error metadata/wrong-type: `status` should be one of open, in-progress, complete, impact-evidenced but is `done`; "
            "use one of: open, in-progress, complete, impact-evidenced"
        ],
        id="bad-recommendation-status",
    ),
    pytest.param(
        GOOD + "recommendations:\n  - {id: R1, owner: Health}\n",
        ["8:5 error metadata/missing-key: a recommendation has no `text`, which is required; add a line like `text: ...`"],
        id="recommendation-without-text",
    ),
    pytest.param(
        GOOD + "report: ruby.pdf\n",
        [
            "7:9 error metadata/bad-path: `report` should be a path under reviews/files/, like reviews/files/report.pdf but is `ruby.pdf`; "
            "put the file in reviews/files/ and give its path"
        ],
        id="report-outside-files",
    ),
    pytest.param(
        GOOD + "national_repository: the NSPCC site\n",
        [
            "7:22 error metadata/wrong-type: `national_repository` should be a web address starting with https:// but is "
            "`the NSPCC site`; write it as a web address starting with https://"
        ],
        id="bad-url",
    ),
    pytest.param(
        GOOD.replace('"Child Ruby: local child safeguarding practice review"', "Child Ruby: review"),
        [
            "2:18 error metadata/yaml: The front matter is not valid YAML (mapping values are not allowed in this context); "
            "if the value contains a colon (:), put the whole value in double quotes"
        ],
        id="unquoted-colon",
    ),
    pytest.param(
        GOOD + "allow:\n  - {text: 0808 800 5000, reason: NSPCC\n",
        [
            "9:1 error metadata/yaml: The front matter is not valid YAML (did not find expected ',' or '}'); "
            "a {mapping} is not closed or is missing a comma; write it as {text: ..., reason: ...}"
        ],
        id="unclosed-mapping",
    ),
    pytest.param(
        GOOD.replace("summary: Ruby was two when she was admitted to hospital with injuries.", "summary: One. Two. Three. Four."),
        ["6:10 warning metadata/long-summary: `summary` has 4 sentences; keep it to one to three, the rest belongs in the text"],
        id="long-summary-warns",
    ),
]


@pytest.mark.parametrize(("front", "expected"), BAD)
def test_bad_front_matter_is_reported_with_place_and_fix(front: str, expected: list[str]) -> None:
    assert messages(front) == expected


def test_every_problem_in_a_file_is_reported_together() -> None:
    front = GOOD.replace("type: lcspr", "type: lcpsr").replace("2024-03-15", "2024-13-01") + "colour: blue\n"
    found = messages(front)
    assert [m.split(" ")[2].rstrip(":") for m in found] == ["metadata/unknown-type", "metadata/bad-date", "metadata/unknown-key"]


def test_a_file_without_front_matter_says_how_to_start_one() -> None:
    document, findings = parse_document(Path("x.md"), "x.md", VOCABULARY, text="# Just text\n")
    assert document is None
    assert findings[0].rule == "metadata/no-front-matter"


def test_unclosed_front_matter_is_reported() -> None:
    _, findings = parse_document(Path("x.md"), "x.md", VOCABULARY, text="---\ntitle: x\n\nBody\n")
    assert [(f.line, f.rule) for f in findings] == [(1, "metadata/unclosed")]


def test_a_file_name_that_cannot_be_an_address_is_reported() -> None:
    _, findings = parse(GOOD, name="Child Ruby.md")
    assert [f.message for f in findings] == [
        "The file name `Child Ruby.md` cannot be a page address; rename it `child-ruby.md` (lowercase letters, digits and hyphens)"
    ]


def test_published_text_spans_cover_front_matter_values_and_body() -> None:
    document, _ = parse(GOOD + 'recommendations:\n  - {id: R1, text: "Ask about every adult"}\n')
    assert document is not None
    text = document.source.text
    spans = [text[a:b] for a, b in document.source.published_spans]
    assert spans[0] == '"Child Ruby: local child safeguarding practice review"'
    assert "Ruby was two when she was admitted to hospital with injuries." in spans
    assert '"Ask about every adult"' in spans
    assert spans[-1].startswith("\n## Summary") or spans[-1].startswith("## Summary")
    assert "lcspr" not in "".join(spans[:-1])


def test_site_pages_accept_material_keys_and_reject_unknown_ones() -> None:
    page, findings = parse_page(Path("about.md"), "about.md", "about.md", text="---\ntitle: About\nhide: [toc]\n---\n\nText\n")
    assert findings == [] and page is not None and page.title == "About"
    page, findings = parse_page(Path("about.md"), "about.md", "about.md", text="---\ntitel: About\n---\n\nText\n")
    assert page is None and findings[0].message == "unknown key `titel` in the front matter; did you mean `title`?"
