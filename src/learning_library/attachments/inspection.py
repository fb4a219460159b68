"""What reading an attachment yields: the texts to scan for personal data, and the problems found on the way.

Readers (:mod:`.pdf`, :mod:`.images`) only read; the scan decides what is
personal data. Both results go into the cache as plain lists, so an unchanged
file is never opened again.
"""

from __future__ import annotations

import re
import urllib.parse
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


_SCHEME = re.compile(r"(?i)^(?:mailto|tel):")
_MACHINE_IDS = re.compile(
    r"\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?"  # a GUID (SharePoint, Teams, tenants)
    r"|[0-9a-z:]*[0-9a-f]{16,}@thread\.[a-z0-9]+"  # a Teams conversation
    r"|\b[0-9a-f]{24,}\b",  # a long hexadecimal id (a file's, a message's)
    re.IGNORECASE,
)
"""Ids that services put in addresses: no one's words, and a GUID reads as a case number to the check."""
_PERSONAL_STORE = re.compile(r"/personal/([^/?#]+)", re.IGNORECASE)
"""OneDrive for Business: ``https://council-my.sharepoint.com/personal/kerry_clarke_council_gov_uk/...``."""


def link_units(target: str, field: str, *, page: int | None = None) -> list[Unit]:
    """Where a link goes, as the check should read it, and the name of the person whose files it points into.

    An email link is read as the address a reader sees (a team mailbox is then
    accepted as it is in the text). Ids a service puts in an address are left
    out. A link into someone's own OneDrive carries their account name, and a
    path on someone's computer often does too (``C:\\Users\\kerry.clarke\\...``):
    the folder names are read as a file's name is.
    """
    from ..anonymisation.names import names_in_file_name

    units = [Unit(link_text(target), page=page, field=field)]
    target = urllib.parse.unquote(target.strip())
    if _SCHEME.match(target):
        return units
    web = re.match(r"(?i)(?:https?|ftp)://", target)
    folders = [m.group(1) for m in _PERSONAL_STORE.finditer(target)] if web else re.split(r"[\\/]", target)
    names = dict.fromkeys(n for folder in folders for n in names_in_file_name(folder))
    if names:
        units.append(Unit(" ".join(names), page=page, field=f"{field}, a name in the address", person=True))
    return units


def link_text(target: str) -> str:
    """Where a link goes, as a reader sees it: an email link's address, any other without the ids services put in it."""
    target = urllib.parse.unquote(target.strip())
    if _SCHEME.match(target):
        return _SCHEME.sub("", target).split("?")[0]
    return without_ids(target)


def without_ids(text: str) -> str:
    """The text without the ids programs and services keep in it (GUIDs, long hexadecimal ids), spaces tidied."""
    return " ".join(_MACHINE_IDS.sub(" ", text).split())
