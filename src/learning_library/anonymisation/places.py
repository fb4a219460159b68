"""Named settings (schools, nurseries, GP practices) and street addresses."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import names, public, wordlists
from .regex_recognizer import CAP, RegexRecognizer

_SETTING_KINDS = (
    r"(?:(?:Catholic|Roman[ \t]+Catholic|R\.?C\.?|C[ \t]?of[ \t]?E|CE|Church[ \t]+of[ \t]+England|Methodist|Community|Free|Special)[ \t]+)?"
    r"(?:(?:Primary|Infant|Infants|Junior|Nursery|Secondary|High|Grammar|Middle|First|Prep(?:aratory)?|Church)[ \t]+)?"
    r"(?:School|Academy|College|Nursery|Pre-?[ \t]?School|Playgroup|Kindergarten|Day[ \t]+Nursery|Children[’']s[ \t]+Centre|Family[ \t]+Hub|"
    r"Surgery|Medical[ \t]+(?:Practice|Centre|Center|Group)|Health[ \t]+Centre|GP[ \t]+(?:Practice|Surgery)|Practice|"
    r"Pupil[ \t]+Referral[ \t]+Unit|PRU|Primary|Infants|Juniors)"
)


def _only_public_names(text: str, start: int, end: int, proper: Sequence[str]) -> bool:
    """Whether every proper word of a detection lies in a public area's name (the whole area, not a place in it)."""
    covered = [(a, b) for a, b, kind in public.index().find(text, start, end) if kind in {"areas", "regions"}]
    if not covered or not proper:
        return False
    spans = [(m.start(), m.end()) for w in proper for m in re.finditer(rf"(?<!\w){re.escape(w)}(?!\w)", text[start:end])]
    return all(any(a <= start + s0 and start + s1 <= b for a, b in covered) for s0, s1 in spans)


class NamedSettingRecognizer(RegexRecognizer):
    """Named schools, nurseries, pre-schools, children's centres and GP practices."""

    ENTITY = "NAMED_SETTING"
    PATTERNS = (
        (
            "proper name before a setting word (strong)",
            rf"(?P<id>(?:(?:St\.?|Saint|Our[ \t]+Lady(?:[ \t]+of)?|The)[ \t]+)?(?:{CAP}[’']?s?[ \t]+){{1,4}}{_SETTING_KINDS})\b",
            0.85,
        ),
        (
            "name with lowercase setting word (medium)",
            rf"(?P<id>(?:{CAP}[ \t]+){{1,3}}(?:GP[ \t]+practice|surgery|medical[ \t]+practice|primary[ \t]+school|nursery|pre-?school|academy))\b",
            0.75,
        ),
    )

    _NOT_A_SETTING_AFTER = re.compile(
        r"^\s+(?:Review|Reviews|Panel|Guide|Guidance|Standards?|Framework|Improvement|Leads?|Week|Notes?|Model|Forum|Group|Meeting|Network)\b"
    )

    def validate(self, value: str, text: str, start: int, end: int, score: float) -> float | None:
        words = re.findall(r"[A-Za-z’']+", value)
        proper = [w for w in words if w[0].isupper() and re.sub(r"[’']s$", "", w).lower() not in wordlists.GENERIC_SETTING_WORDS]
        if not proper or self._NOT_A_SETTING_AFTER.match(text[end : end + 20]):
            return None
        if _only_public_names(text, start, end, proper):
            return None  # "Stockport Family Hub": a service named after its whole area
        medical = {"Medical", "Surgery", "GP", "Dental", "Health", "Family"}
        if words[-1] in {"Practice", "Primary", "College"} and not medical & set(words) and all(names.is_ordinary_word(w) for w in proper):
            return None  # "Good Practice", "General Practice": headings and practice words, not a surgery's name
        if not words[-1][0].isupper() and re.search(r"[’']s$", proper[-1]):
            return None  # "Ruby's nursery" is the nursery Ruby attends, not its name
        return score


_STREET_TYPES = (
    r"(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Crescent|Cres|Court|Ct|Place|Pl|Gardens|Gdns|Grove|Terrace|Walk|Row|"
    r"Square|Sq|Hill|Mews|Rise|View|Park|Green|Parade|Boulevard|Estate|Wharf|Yard|Quay|Gate|Fold|Croft|Meadow|Meadows|Brow|Lea|Bank|Chase|End|"
    r"Heights|House|Tower|Towers|Lodge|Buildings|Mansions|Cottages?|Farm|Barns?|Flats|Villas?|Precinct|Circus|Embankment|Side)"
)
_STRONG_STREET_TYPES = frozenset(
    [
        "Road",
        "Street",
        "Lane",
        "Avenue",
        "Close",
        "Drive",
        "Crescent",
        "Terrace",
        "Mews",
        "Gardens",
        "Grove",
        "Way",
        "Court",
        "Walk",
        "Cottages",
        "Flats",
        "Villas",
        "Heights",
        "Mansions",
        "Rise",
    ]
)


class StreetAddressRecognizer(RegexRecognizer):
    """Street addresses, whole or partial: "14 Larch Close", "Flat 3, 27 Mill Lane", "the flat on Beckett Road"."""

    ENTITY = "STREET_ADDRESS"
    PATTERNS = (
        (
            "number and street (strong)",
            rf"(?P<id>(?:(?:Flat|Apartment|Apt|Unit|Room)[ \t]+\d+[A-Z]?,?[ \t]+)?(?:{CAP}[ \t]+(?:House|Court|Lodge|Mansions),?[ \t]+)?"
            rf"\d{{1,4}}[A-Z]?,?[ \t]{{1,2}}(?:{CAP}[ \t]+){{1,3}}{_STREET_TYPES})\b",
            0.9,
        ),
        (
            "number and Welsh street (strong)",
            r"(?P<id>\d{1,4}[A-Z]?,?[ \t]+(?:Heol|Ffordd|Stryd|Lôn|Lon|Rhodfa|Cilgant|Llys|Maes|Clos|Teras|Rhes)(?:[ \t]+[A-Z][\wâêîôûŵŷ'’-]+){1,3})",
            0.9,
        ),
        (
            "flat or unit in a named building (strong)",
            rf"(?P<id>(?:Flat|Apartment|Apt|Unit|Room)[ \t]+\d+[A-Z]?,?[ \t]+(?:{CAP}[ \t]+){{1,3}}{_STREET_TYPES})\b",
            0.9,
        ),
        ("named street (medium)", rf"(?P<id>(?:{CAP}[ \t]+){{1,3}}{_STREET_TYPES})\b", 0.6),
        (
            "number and street in capitals (strong)",
            r"(?P<id>(?:(?:FLAT|APARTMENT|UNIT|ROOM)[ \t]+\d+[A-Z]?,?[ \t]+)?\d{1,4}[A-Z]?,?[ \t]+(?:[A-Z][A-Z'’-]+[ \t]+){1,3}"
            r"(?:ROAD|RD|STREET|ST|LANE|AVENUE|AVE|CLOSE|DRIVE|WAY|CRESCENT|COURT|PLACE|GARDENS|GROVE|TERRACE|WALK|ROW|SQUARE|HILL|MEWS|RISE|"
            r"VIEW|PARK|GREEN|PARADE|SIDE|ESTATE|COTTAGES?|HOUSE|TOWER|LODGE|FARM))\b",
            0.85,
        ),
    )

    def validate(self, value: str, text: str, start: int, end: int, score: float) -> float | None:
        words = value.split()
        if words[0][0].isdigit() or words[0] in {"Flat", "Apartment", "Apt", "Unit", "Room"}:
            return score
        if value.lower() in wordlists.NOT_STREETS:
            return None
        if any(w.lower() in wordlists.GENERIC_STREET_WORDS or w.lower() in wordlists.ROLE_WORDS for w in words[:-1]):
            return None
        if _only_public_names(text, start, end, words[:-1]):
            return None  # "Manchester Road" with no number is in half the towns of England; "Rotherham Rise", a charity
        # Without a number, a street is only likely when its street word is a strong one.
        return score + 0.2 if words[-1] in _STRONG_STREET_TYPES else score
