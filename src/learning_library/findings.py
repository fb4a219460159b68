"""Findings: what a check found wrong, where, and how to fix it.

One type serves every check (metadata, links, anonymisation, attachments) so
that the command line, the MkDocs hooks and the tests report them the same way.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field


class Severity(enum.StrEnum):
    """How much a finding matters: an ``error`` blocks publication, a ``warning`` informs."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place in one file.

    ``path`` is the file as the caller named it (relative paths stay relative),
    ``line`` and ``column`` are 1-based. ``message`` says what is wrong and, after
    a semicolon, what to do about it. ``text`` is the exact text at that place in
    the file; reports other than JSON leave it out, so that a finding of personal
    data does not copy that data into a CI log.

    A finding in an attachment (a PDF, an image) names the ``page`` or the
    metadata ``field`` it is in; the message starts with the same place in
    words. On a page, ``line`` and ``column`` count from the top of that
    page's text; for a field they are 1.
    """

    path: str
    line: int
    column: int
    rule: str
    message: str
    severity: Severity = Severity.ERROR
    end_line: int | None = None
    end_column: int | None = None
    entity: str | None = None
    text: str | None = None
    score: float | None = None
    page: int | None = None
    field: str | None = None

    @property
    def blocks(self) -> bool:
        """Whether this finding stops publication."""
        return self.severity is Severity.ERROR


@dataclass
class Results:
    """The results of one run of the checks: every finding, with the figures a summary needs (files, seconds)."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    seconds: float = 0.0

    def extend(self, findings: Iterable[Finding]) -> None:
        self.findings.extend(findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(sorted(self.findings, key=_sort_key))

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    @property
    def blocks(self) -> bool:
        """Whether anything found stops publication."""
        return self.errors > 0


def _sort_key(f: Finding) -> tuple[str, int, str, int, int, str]:
    return (f.path, f.page or 0, f.field or "", f.line, f.column, f.rule)
