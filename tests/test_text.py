"""Text for readers: escapes for each place an author's words land, dates, plurals and front matter."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from learning_library.text import (
    and_list,
    escape_html,
    escape_markdown,
    format_date,
    format_month,
    front_matter,
    markdown_cell,
    noun_for,
    plural,
)

HOSTILE = 'Child Z: "who <b>is</b> here?" & <script>alert(1)</script> [x](y) *z*'


def test_markdown_escaping_keeps_tags_ampersands_and_markup_as_text() -> None:
    assert escape_markdown(HOSTILE) == ('Child Z: "who &lt;b>is&lt;/b> here?" &amp; &lt;script>alert(1)&lt;/script> \\[x\\](y) \\*z\\*')
    assert markdown_cell("a | b\nc") == "a \\| b c"


def test_html_escaping_serves_text_and_attributes() -> None:
    assert escape_html(HOSTILE) == (
        "Child Z: &quot;who &lt;b&gt;is&lt;/b&gt; here?&quot; &amp; &lt;script&gt;alert(1)&lt;/script&gt; [x](y) *z*"
    )
    assert escape_html("it's") == "it&#x27;s"


@pytest.mark.parametrize(
    ("count", "noun", "nouns", "expected"),
    [(0, "review", None, "0 reviews"), (1, "review", None, "1 review"), (2, "has", "have", "2 have"), (1, "has", "have", "1 has")],
)
def test_plurals(count: int, noun: str, nouns: str | None, expected: str) -> None:
    assert plural(count, noun, nouns) == expected
    assert noun_for(count, noun, nouns) == expected.split(" ", 1)[1]


@pytest.mark.parametrize(("items", "expected"), [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")])
def test_lists_as_readers_write_them(items: list[str], expected: str) -> None:
    assert and_list(items) == expected


def test_dates_as_readers_write_them() -> None:
    assert format_date(dt.date(2024, 3, 5)) == "5 March 2024"
    assert format_month(dt.date(2024, 3, 5)) == "March 2024"


def test_front_matter_holds_the_values_as_written() -> None:
    text = front_matter(HOSTILE, 'A "quoted" summary: with a colon', hide=["toc"])
    assert text.startswith("---\n") and text.endswith("---\n\n")
    assert yaml.safe_load(text.strip().strip("-")) == {"title": HOSTILE, "description": 'A "quoted" summary: with a colon', "hide": ["toc"]}
