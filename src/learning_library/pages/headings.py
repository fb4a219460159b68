"""The headings of a document's text, and the learning points among them: what the generated pages show of a document's structure.

Reading headings is the pages' business (the theme hubs list each review's
learning points), so it lives with them rather than in the content model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import fences


@dataclass(frozen=True)
class Heading:
    """A Markdown heading in a document's text: ``## Learning`` is level 2, text "Learning"."""

    level: int
    text: str


_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
LEARNING_SECTION = re.compile(r"^(what we learned|learning|key learning|the learning)\b", re.IGNORECASE)
"""The heading of a review's learning section, under which each ``###`` heading is one learning point."""


REFLECTIVE_SECTION = re.compile(
    r"^(?:\d+\.\s*)?(questions for (reflection|your team|discussion|the team|supervision|practitioners)|reflective questions"
    r"|questions to (consider|discuss|ask|think about)|reflect(ion)?)\b",
    re.IGNORECASE,
)
"""The heading of a document's questions for a team to discuss, whose list items are its reflective questions."""
_LIST_ITEM = re.compile(r"^ ?(?:[-*+]|\d{1,2}[.)])[ \t]+(.*\S)")
"""A top-level list item; one indented further belongs to a nested list."""


def headings(body: str) -> list[Heading]:
    """The ATX headings of a Markdown text in order, skipping fenced code (where ``#`` is not a heading)."""
    found = []
    for line in fences.outside_code(body):
        match = _ATX_HEADING.match(line)
        if match and match[2]:
            found.append(Heading(len(match[1]), match[2]))
    return found


def learning_points(found: Sequence[Heading]) -> list[int]:
    """Where a review's learning points are among its headings: the ``###`` headings of its learning section (``## Learning``)."""
    points = []
    inside = False
    for index, heading in enumerate(found):
        if heading.level <= 2:
            inside = heading.level == 2 and bool(LEARNING_SECTION.match(heading.text))
        elif inside and heading.level == 3:
            points.append(index)
    return points


LEARNING_TEXT = re.compile(r"learn", re.IGNORECASE)
"""A ``##`` heading whose section is learning, in the words reviews use: "Learning", "Key learning",
"What we learned", "Findings and learning", "Learning for improved practice"."""


def learning_text(body: str) -> str:
    """The text of a document's learning sections (the ``##`` sections :data:`LEARNING_TEXT` names), headings included.

    Empty when the document has none. Fenced code is left out: it is not learning.
    """
    kept: list[str] = []
    inside = False
    for line in fences.outside_code(body):
        match = _ATX_HEADING.match(line)
        if match and len(match[1]) <= 2:
            inside = len(match[1]) == 2 and bool(LEARNING_TEXT.search(match[2]))
            if inside:
                kept.append(match[2])
            continue
        if inside:
            kept.append(line)
    return "\n".join(kept).strip()


def reflective_questions(body: str) -> list[str]:
    """The reflective questions of a document: the top-level list items under a heading like ``## Questions for reflection``.

    A list item running onto further lines is joined into one line; items of a nested list are left out.
    """
    questions: list[str] = []
    level = 0
    in_item = False
    for line in fences.outside_code(body):
        match = _ATX_HEADING.match(line)
        if match and match[2]:
            depth = len(match[1])
            if level and depth <= level:
                level = 0
            if not level and REFLECTIVE_SECTION.match(match[2]):
                level = depth
            in_item = False
            continue
        if not level or not line.strip():
            continue
        item = _LIST_ITEM.match(line)
        if item:
            questions.append(item[1])
            in_item = True
        elif in_item and line.startswith(("  ", "\t")) and not _LIST_ITEM.match(line.strip()):
            questions[-1] += " " + line.strip()
        else:
            in_item = False  # a paragraph or a note after the list: not a question
    return questions
