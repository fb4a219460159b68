"""Nothing unfinished is published: a template's placeholder left in a document, a 7-minute briefing missing a part.

``learning-library new`` and ``import`` start a document with placeholders
where the author has more to write (:func:`learning_library.authoring.placeholders`).
A draft may hold them; a document about to be published may not, since a
reader would see "Replace this with..." on the partnership's site. A
7-minute briefing is read as one page of seven numbered parts; one without
them is not wrong enough to stop the build, but is worth saying.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from . import fences
from .authoring import KINDS, placeholders
from .content import Document
from .findings import Finding, Severity

SEVEN_MINUTE_BRIEFING = KINDS["seven-minute-briefing"].default_type
SEVEN_PARTS = 7
_NUMBERED_PART = re.compile(r"^ {0,3}##[ \t]+(\d+)[.):][ \t]")


def check(documents: Iterable[Document]) -> Iterator[Finding]:
    """Every placeholder still in a published document, and every 7-minute briefing without its seven numbered parts.

    Drafts are left alone: they are where placeholders belong.
    """
    for document in documents:
        if document.status == "draft":
            continue
        yield from _placeholders(document)
        if document.type == SEVEN_MINUTE_BRIEFING:
            yield from _seven_parts(document)


def _placeholders(document: Document) -> Iterator[Finding]:
    source = document.source
    text = source.text
    for placeholder in placeholders():
        start = text.find(placeholder)
        while start != -1:
            line, column = source.front.position(start)
            yield Finding(
                source.display, line, column, "metadata/placeholder",
                f"The template's placeholder \"{placeholder}\" is still here; write the document's own text in its place, "
                "or put `status: draft` back until it is finished",
            )  # fmt: skip
            start = text.find(placeholder, start + len(placeholder))


def _seven_parts(document: Document) -> Iterator[Finding]:
    body = document.source.body
    numbers = []
    for text in fences.outside_code(body):
        match = _NUMBERED_PART.match(text)
        if match:
            numbers.append(int(match[1]))
    expected = list(range(1, SEVEN_PARTS + 1))
    if numbers[:SEVEN_PARTS] == expected:
        return
    missing = [n for n in expected if n not in numbers]
    what = f"parts {', '.join(map(str, missing))} are missing" if missing else "its parts are not numbered 1 to 7 in order"
    where = document.source.value_position("type")
    yield Finding(
        document.source.display, where[0], where[1], "metadata/seven-parts",
        f"A 7-minute briefing is read as seven numbered parts, each a `##` heading (`## 1. Background` to `## 7. What to do`), "
        f"but {what}; add them, or give the briefing another type",
        Severity.WARNING,
    )  # fmt: skip
