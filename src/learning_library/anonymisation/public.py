"""Public names: areas, public bodies, acronyms, conditions and offences that are not personal data.

Reviews name their area ("Cumbria"), the partnership and its agencies ("Leeds
SCP", "West Yorkshire Police", "the LSCP Chair"), conditions named after
people ("Ehlers-Danlos syndrome") and offences in capitals ("Actual Bodily
Harm"). A name detector reads all of them as people. The lists in
``data/public/`` are public facts shipped with the package (their sources are
in that folder's README), so the check needs no network to know them.

A detection that one of these covers is reduced by it
(:mod:`.acceptance`); what remains is judged again.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from ..errors import CheckUnavailable
from .phrases import PhraseIndex
from .wordlists import MAILBOX_WORDS

FOLDER = ("data", "public")

_ORGANISATION = re.compile(
    r"(?:(?:[A-Z][\w’'&\-]*|and|upon|on)[ \t]+){0,5}?"
    r"(?:(?:Local[ \t]+)?Safeguarding[ \t]+(?:Children[ \t]+|Adults[ \t]+)?(?:Partnership|Board|Arrangements)|Children’?'?s[ \t]+Safeguarding[ \t]+Partnership|"
    r"L?SCP|L?SCB|SAB|NHS[ \t]+(?:Foundation[ \t]+)?Trust|(?:NHS[ \t]+)?Foundation[ \t]+Trust|Integrated[ \t]+Care[ \t]+(?:Board|System|Partnership)|ICB|ICS|CCG|"
    r"Clinical[ \t]+Commissioning[ \t]+Group|Health[ \t]+Board|Police(?:[ \t]+Service)?|Constabulary|Fire[ \t]+and[ \t]+Rescue[ \t]+Service|"
    r"(?:Metropolitan[ \t]+|Royal[ \t]+)?(?:Borough|County|City|District|Town|Parish)[ \t]+Council|Council|Community[ \t]+Safety[ \t]+Partnership|"
    r"Children[’']s[ \t]+(?:Social[ \t]+Care|Services|Trust)|Youth[ \t]+(?:Justice|Offending)[ \t]+(?:Service|Team)|"
    r"(?:Royal[ \t]+)?(?:Infirmary|Hospitals?)|Stadium|Arena|Theatre|Museum|Library|Cathedral|(?:Town|County|City|Shire|Guild)[ \t]+Hall|"
    r"Civic[ \t]+(?:Centre|Offices)|Council[ \t]+(?:House|Offices)|Shire[ \t]+House|Campus|University|Police[ \t]+Station|Magistrates[’']?[ \t]+Court|"
    r"Crown[ \t]+Court|Family[ \t]+Court)\b"
)
"""An organisation by its last words: "<anything> Safeguarding Children Partnership", "<X> NHS Foundation Trust", "<X> SCP"."""


@functools.cache
def index() -> PhraseIndex:
    """Every public name in ``data/public/*.txt``, with the file's stem as its kind.

    Raises:
        CheckUnavailable: the lists are missing (a broken installation): the check must not run without them.
    """
    folder = resources.files(__package__).joinpath(*FOLDER)
    found = PhraseIndex()
    try:
        files = sorted((f for f in folder.iterdir() if f.name.endswith(".txt")), key=lambda f: f.name)
    except OSError:
        files = []
    if not files:
        raise CheckUnavailable("the anonymisation check's lists of public names are missing; reinstall learning-library")
    for file in files:
        entries = []
        for line in file.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                entries += [part.strip() for part in line.split("\t") if part.strip()]
        found.add(entries, file.name.removesuffix(".txt"))
    return found


@functools.cache
def words() -> frozenset[str]:
    """Every one-word public name and acronym, lower-cased (for telling a team's mailbox from a person's)."""
    return frozenset(key[0] for key in index().phrases() if len(key) == 1)


def covering(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Ranges of public names and organisations that overlap ``text[start:end]``."""
    found = [(a, b) for a, b, _ in index().find(text, start, end)]
    low = text.rfind("\n", 0, start) + 1
    high = text.find("\n", end)
    high = len(text) if high == -1 else min(high, end + 80)
    found += [m.span() for m in _ORGANISATION.finditer(text, max(low, start - 120), high) if m.start() < end and start < m.end()]
    return found


_DOMAIN_WORDS = frozenset(
    ["gov", "uk", "org", "com", "net", "nhs", "police", "sch", "ac", "co", "info", "example", "test", "invalid", "cymru", "wales", "scot"]
)
"""Parts of a domain that say nothing about who it is (``example`` is reserved for documentation, RFC 2606)."""


def is_team_mailbox(address: str) -> bool:
    """Whether an e-mail address belongs to a team or a public service rather than a person or a school.

    Each part of the local part and of the domain (split at dots, hyphens and
    underscores) must be a mailbox word, a public acronym or area, or two of
    them run together ("devonscp@devon.gov.uk"); a name or a number anywhere
    makes it a person's ("mum2boys@", "k.walsh@") or a setting's.
    """
    known = words()

    def plain(part: str) -> bool:
        return part in MAILBOX_WORDS or part in known

    def team(words: list[str]) -> bool:
        return all(plain(p) or any(plain(p[:i]) and plain(p[i:]) for i in range(2, len(p) - 1)) for p in words)

    name, _, domain = address.lower().partition("@")
    parts = [p for p in re.split(r"[._-]+", name) if p]
    # The domain can name a school or a small service ("dsl@greenfield-cp.sch.uk"): its own words must be public too.
    labels = [p for p in re.split(r"[.-]+", domain) if p and p not in _DOMAIN_WORDS]
    return bool(parts) and team(parts) and team(labels)
