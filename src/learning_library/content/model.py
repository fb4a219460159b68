"""The content model: what a review, a briefing and a site page are once their front matter has been read.

These dataclasses are what every later step works from (the checks, the
generated pages, the search index); none of them reads a file. What front
matter may say is declared in :mod:`.schema`, and reading a file into these is
:mod:`.reading`. The contract itself is ``docs/content-model.md``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..frontmatter import FrontMatter
from ..validation import value_node
from ..vocabulary import REVIEW

STATUSES = ("published", "draft")
RECOMMENDATION_STATUSES = ("open", "in-progress", "complete", "impact-evidenced")


@dataclass(frozen=True)
class AllowEntry:
    """A string the anonymisation check may accept in one document or the whole site, and why."""

    text: str
    reason: str | None = None
    line: int = 0
    pattern: bool = False
    """``text`` is a pattern in which ``*`` stands for a name of one to four capitalised words (site-wide entries only)."""


@dataclass(frozen=True)
class CheckedByHand:
    """An attachment the check cannot read (a scanned or password-protected PDF) that a person has checked instead.

    The check fails closed on a file it cannot read; this declaration, with its
    reason, is the only way past that, and the sign-off report lists it.
    """

    file: str
    """The attachment's path in the library, like ``reviews/files/2019-child-j-report.pdf``."""
    reason: str
    declared_in: str = ""
    """The file that declares it (a document, a page or the anonymisation policy), for the sign-off report."""
    line: int = 0


@dataclass(frozen=True)
class Recommendation:
    """A review's recommendation and the state of its action plan."""

    id: str
    text: str
    owner: str | None = None
    status: str = "open"
    evidence: str | None = None
    updated: dt.date | None = None


@dataclass(frozen=True)
class Located:
    """A value with the place it was written, for findings about it found later (a related slug)."""

    value: str
    line: int
    column: int


@dataclass(frozen=True)
class Source:
    """A Markdown file as read: where it is, how the caller named it, and its front matter split off."""

    path: Path
    display: str
    front: FrontMatter
    published_spans: tuple[tuple[int, int], ...]
    """Character ranges of the file whose text appears on the site: the anonymisation check scans exactly these."""

    @property
    def text(self) -> str:
        return self.front.text

    @property
    def body(self) -> str:
        return self.front.body

    def value_position(self, key: str) -> tuple[int, int]:
        """The line and column of a front matter key's value, for findings about it found later (a missing report)."""
        node = value_node(self.front.node, key) if self.front.node is not None else None
        return self.front.node_position(node) if node is not None else (1, 1)


@dataclass(frozen=True)
class Document:
    """A review or a briefing whose front matter passed validation."""

    source: Source
    slug: str
    kind: str
    title: str
    type: str
    published: dt.date
    themes: tuple[str, ...]
    summary: str
    status: str = "published"
    pseudonyms: tuple[str, ...] = ()
    allow: tuple[AllowEntry, ...] = ()
    related: tuple[Located, ...] = ()
    checked_by_hand: tuple[CheckedByHand, ...] = ()
    age_band: str | None = None
    agencies: tuple[str, ...] = ()
    model: str | None = None
    report: str | None = None
    available_until: dt.date | None = None
    recommendations: tuple[Recommendation, ...] = ()
    response: str | None = None
    response_file: str | None = None
    national_repository: str | None = None
    audience: tuple[str, ...] = ()
    search_engines: bool = True
    """False when the family asked that the document not be found through search engines: it stays on the site, with noindex."""
    superseded_by: Located | None = None
    """The slug of the document that replaces this one (a revised report, a new briefing); its page links forward."""

    @property
    def is_review(self) -> bool:
        return self.kind == REVIEW

    def is_live(self, today: dt.date) -> bool:
        """Whether the document belongs on the site today: not a draft and not scheduled for later."""
        return self.status == "published" and self.published <= today

    def files_available(self, today: dt.date) -> bool:
        """Whether the full report and a response file are published today: up to and including ``available_until``."""
        return self.available_until is None or today <= self.available_until

    def report_available(self, today: dt.date) -> bool:
        return self.report is not None and self.files_available(today)

    def response_file_available(self, today: dt.date) -> bool:
        return self.response_file is not None and self.files_available(today)

    def withdrawn(self, today: dt.date) -> bool:
        """Whether a full report or response file this document had is withdrawn today (its summary and learning stay)."""
        return (self.report is not None or self.response_file is not None) and not self.files_available(today)


@dataclass(frozen=True)
class Page:
    """A hand-written page of the site, from ``content/``."""

    source: Source
    uri: str
    title: str | None
    pseudonyms: tuple[str, ...] = ()
    allow: tuple[AllowEntry, ...] = ()
    checked_by_hand: tuple[CheckedByHand, ...] = ()
