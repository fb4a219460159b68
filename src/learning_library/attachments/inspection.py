"""What reading an attachment yields: the texts to scan for personal data, and the problems found on the way.

Readers (:mod:`.pdf`, :mod:`.images`) only read; the scan decides what is
personal data. Both results go into the cache as plain lists, so an unchanged
file is never opened again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..findings import Severity

WAIVABLE = frozenset({"attachments/unreadable", "attachments/encrypted", "attachments/no-text", "attachments/unsupported"})
"""Rules that say the check could not read something: only these may be waived by ``checked_by_hand``."""

CLEAN_HINT = "remove it with `learning-library clean-metadata --in-place {file}`"
"""The fix for anything in an attachment's metadata; ``{file}`` becomes the file's path in the finding."""

HAND_CHECK_HINT = "or, if a person has checked all of it instead, declare it in `checked_by_hand` with a reason"
"""The way past a file the check cannot read, named in every such finding."""


@dataclass(frozen=True)
class Problem:
    """Something wrong with an attachment that is not a detection of personal data (GPS data, a password, no text)."""

    rule: str
    message: str
    severity: Severity = Severity.ERROR
    page: int | None = None
    field: str | None = None

    @property
    def waivable(self) -> bool:
        return self.rule in WAIVABLE

    def to_list(self) -> list[Any]:
        return [self.rule, self.message, self.severity.value, self.page, self.field]

    @classmethod
    def from_list(cls, item: list[Any]) -> Problem:
        return cls(item[0], item[1], Severity(item[2]), item[3], item[4])


@dataclass(frozen=True)
class Unit:
    """One piece of text read from an attachment: a page's text, a comment on a page, or a metadata field's value.

    ``person`` marks fields whose whole purpose is to name someone (a PDF's
    Author, a photo's Artist or camera owner): set at all, they are worth a warning.
    """

    text: str
    page: int | None = None
    field: str | None = None
    person: bool = False

    @property
    def place(self) -> str:
        """Where the text is, in words a person can follow in a PDF viewer or an image's properties."""
        if self.page is not None and self.field is not None:
            return f"Page {self.page}, {self.field}"
        if self.page is not None:
            return f"Page {self.page}"
        return self.field or "The file"


@dataclass
class Inspection:
    """Everything read from one attachment."""

    problems: list[Problem] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
