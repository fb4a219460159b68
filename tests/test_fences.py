"""Fenced code: one rule (CommonMark's) for every reader of a document's lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from learning_library import fences, pages
from learning_library.library import load, load_settings
from learning_library.links import links_in
from learning_library.pages.headings import headings

from .conftest import document

CASES = [
    # (text, the lines that are code)
    ("## A\n```\n## B\n```\n## C\n", [False, True, True, True, False]),
    ("~~~~\n```\n~~~\n~~~~\ntext\n", [True, True, True, True, False]),  # a shorter fence does not close a longer one
    ("```\ncode\n`````\nafter\n", [True, True, True, False]),  # a longer fence closes
    ("```\n~~~\nstill code\n```\n", [True, True, True, True]),  # the other character does not close
    ("   ```\ncode\n  ```\nafter\n", [True, True, True, False]),  # up to three spaces, not necessarily the same
    ("    ```\n## A\n", [False, False]),  # four spaces: indented code, not a fence
    ("``` python\ncode\n``` not a close\n```\n", [True, True, True, True]),  # a closing fence has no info string
    ("``` a`b\n## A\n", [False, False]),  # backticks in a backtick fence's info string: not a fence
    ("~~~ a`b\n## A\n~~~\n", [True, True, True]),  # ... but fine in a tilde fence
    ("``\n## A\n", [False, False]),  # two are not a fence
    ("```\nnever closed\n## A\n", [True, True, True]),  # an unclosed fence runs to the end
    ("plain\r\n```\r\ncode\r\n```\r\n", [False, True, True, True]),
]


@pytest.mark.parametrize(("text", "code"), CASES)
def test_which_lines_are_fenced_code(text: str, code: list[bool]) -> None:
    assert [line.code for line in fences.lines(text)] == code


@pytest.mark.parametrize(("text", "code"), CASES)
def test_blanking_code_keeps_every_offset_and_line(text: str, code: list[bool]) -> None:
    blanked = fences.blank_code(text)
    assert len(blanked) == len(text)
    assert blanked.splitlines() == [" " * len(line.text) if line.code else line.text for line in fences.lines(text)]


def test_offsets_point_at_each_line() -> None:
    text = "one\r\ntwo\n\nfour"
    assert [(text[line.offset : line.end], line.text) for line in fences.lines(text)] == [
        ("one", "one"),
        ("two", "two"),
        ("", ""),
        ("four", "four"),
    ]


def test_outside_code_gives_the_other_lines() -> None:
    assert list(fences.outside_code("a\n```\nb\n```\nc")) == ["a", "c"]


FENCED = """Intro.

## 1. Background

Text.

````markdown
```
## Not a part
[an example link](nowhere.md)
```
````

## 2. Why it matters

See [the review](../reviews/2023-child-a.md).
"""


def test_headings_parts_and_links_all_skip_the_same_fenced_code(make_library: Callable[..., Path]) -> None:
    root = make_library({"briefings/2024-fenced.md": document("Fenced", "seven-minute-briefing", "2024-03-01", "[neglect]", body=FENCED)})
    library = load(load_settings(root / "mkdocs.yml"))
    briefing = next(d for d in library.documents if d.slug == "2024-fenced")
    assert [h.text for h in headings(briefing.source.body)] == ["1. Background", "2. Why it matters"]
    assert [link.target for link in links_in(briefing.source)] == ["../reviews/2023-child-a.md"]
    page = pages.generate(pages.index_library(library, dt.date(2025, 1, 1)))["briefings/2024-fenced.md"]
    assert page.count('<section class="ll-part" markdown>') == 2
