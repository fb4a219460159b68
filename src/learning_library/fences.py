"""Fenced code in Markdown: which lines of a text are code, by one rule for every reader of the text.

Headings, the parts of a 7-minute briefing and links are all found by reading
lines, and none of them counts inside fenced code, where ``## Background`` or
``[a](b.md)`` is an example, not structure. Each reader used to have its own
idea of a fence; they drifted (three characters only, or the same indentation
to close). This module is the one idea, CommonMark's:

- a fence opens with three or more backticks or tildes, indented by at most
  three spaces; a backtick fence's info string may not contain a backtick;
- it closes with the same character, at least as many of them, indented by at
  most three spaces and followed by nothing but spaces or tabs;
- a fence that never closes runs to the end of the text.

Fences inside list items and block quotes (indented further, or after ``>``)
are not recognised: the library's documents do not use them, and reading them
would need a full Markdown parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_OPENING = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_CLOSING = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})[ \t]*$")


@dataclass(frozen=True)
class Line:
    """One line of a text, with where it starts and whether it belongs to fenced code."""

    text: str
    """The line without its line ending."""
    offset: int
    """Where the line starts in the text, in characters."""
    end: int
    """Where the line ends in the text, before its line ending."""
    code: bool
    """Whether the line is fenced code, its opening and closing fences included."""


def lines(text: str) -> Iterator[Line]:
    """Every line of ``text`` in order, each marked as fenced code or not.

    Lines are split as :meth:`str.splitlines` splits them, as the callers always have.
    """
    fence = ""
    offset = 0
    has_fences = "```" in text or "~~~" in text  # most texts have none: no need to look line by line
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        code = False
        if has_fences:
            if fence:
                code = True
                closing = _CLOSING.match(line)
                if closing and closing["fence"][0] == fence[0] and len(closing["fence"]) >= len(fence):
                    fence = ""
            else:
                opening = _OPENING.match(line)
                if opening and not (opening["fence"][0] == "`" and "`" in opening["info"]):
                    fence = opening["fence"]
                    code = True
        yield Line(line, offset, offset + len(line), code)
        offset += len(raw)


def outside_code(text: str) -> Iterator[str]:
    """The lines of ``text`` that are not fenced code."""
    return (line.text for line in lines(text) if not line.code)


def blank_code(text: str) -> str:
    """``text`` with fenced code replaced by spaces: every other character keeps its offset, every line its number."""
    if "```" not in text and "~~~" not in text:
        return text
    parts = []
    last = 0
    for line in lines(text):
        if line.code:
            parts.append(text[last : line.offset])
            parts.append(" " * (line.end - line.offset))
            last = line.end
    parts.append(text[last:])
    return "".join(parts)
