"""What the check accepts: a detection minus what is declared or known, judged again.

A detector's span often runs past what an author declared or what is public:
"Jane Doe Date" (a declared reviewer and a table heading), "Ms A. Beth" (two
declared pseudonyms across a full stop), "Leeds SCP" (an area and a
partnership). Accepting a detection only when a declaration covers it whole
leaves those as errors the author cannot fix. So each detection is

1. cut at line breaks and sentence ends (a name never runs across them);
2. reduced by every declared text, allowed text or pattern, role code, and
   public name (areas, public bodies, conditions, offences) that overlaps it;
3. judged again on what remains: nothing, or only words that cannot be a
   name ("Date", "Story", "Ms", an initial), and the finding goes; otherwise
   the finding stands for the piece ("Ruby Jones" with Ruby declared is
   still a full name).

Allowing or declaring the exact text is therefore always enough.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..content import AllowEntry
from . import names, public
from .phrases import PhraseIndex, pattern
from .policy import Policy

NAME_LIKE = frozenset({"PERSON", "LOCATION", "NAMED_SETTING", "STREET_ADDRESS"})
"""Kinds found from words rather than from a fixed shape: these are cut, reduced and judged again."""

_BREAK = re.compile(r"\n|[ \t]{3,}|(?<=[A-Za-zà-ÿ]{2}[.!?])[\"”’)]*[ \t]+(?=[\"“‘(]*[A-Z])")
"""Where a detection is cut: a line break, a blanked table border, a sentence end (not an initial's full stop)."""

_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "prof", "rev", "sgt", "no", "insp", "cllr", "mt", "ft"})
"""Words whose full stop is not a sentence end ("Dr. Patel")."""

TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "pc",
        "dc",
        "ds",
        "di",
        "dci",
        "sgt",
        "sergeant",
        "inspector",
        "pcso",
        "nurse",
        "sister",
        "cllr",
        "councillor",
        "rev",
        "reverend",
        "judge",
        "hhj",
        "lord",
        "lady",
        "dame",
        "sir",
    ]
)
_TITLED = re.compile(r"^(?:" + "|".join(TITLES) + r")\.?\s", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ’'\-]*")

Detection = tuple[str, int, int, float]


@dataclass(frozen=True)
class Declared:
    """Texts accepted in one place: literal phrases (looked up by word) and patterns (searched near a detection)."""

    phrases: PhraseIndex
    patterns: tuple[re.Pattern[str], ...] = ()

    def covering(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The ranges of accepted text that overlap ``text[start:end]``."""
        found = [(a, b) for a, b, _ in self.phrases.find(text, start, end)]
        if self.patterns:
            low, high = max(0, start - 200), min(len(text), end + 200)
            for rx in self.patterns:
                found += [m.span() for m in rx.finditer(text, low, high) if m.start() < end and start < m.end()]
        return found


def site_declared(policy: Policy) -> Declared:
    """The site-wide allow list as an index, built once per policy."""
    return _site_declared(policy.allow)


@functools.cache
def _site_declared(allow: tuple[AllowEntry, ...]) -> Declared:
    literal = PhraseIndex.of(a.text for a in allow if not a.pattern)
    return Declared(literal, tuple(pattern(a.text) for a in allow if a.pattern))


def accepted(
    text: str, detections: Sequence[Sequence[Any]], policy: Policy, declared: Iterable[str], *, not_after: dt.date | None = None
) -> list[Detection]:
    """The detections in a text that the policy and the declarations do not accept, cut to what remains, one per place.

    Args:
        text: the text that was analysed.
        detections: ``[entity, start, end, score]`` as the engine found them (and the cache keeps them).
        policy: the site's policy: severities, thresholds and the site-wide allow list.
        declared: the pseudonyms and allowed strings of this text's document.
        not_after: the document's publication date; an exact date after it (a training session, a
            deadline in an action plan) is one the document looks forward to, never an event it reviews.

    Returns:
        ``(entity, start, end, score)`` for each detection or remainder to report, in order.
    """
    own = Declared(PhraseIndex.of(declared))
    site = site_declared(policy)
    kept: list[Detection] = []
    for entity, start, end, score in detections:
        assert isinstance(entity, str) and isinstance(start, int) and isinstance(end, int) and isinstance(score, float | int)
        if policy.severity_of(entity) == "off" or score < policy.threshold_of(entity):
            continue
        if entity == "DATE" and not_after is not None and (when := calendar_date(text[start:end])) is not None and when > not_after:
            continue
        kept += [(entity, a, b, float(score)) for a, b in remainders(text, entity, start, end, own, site)]
    return _drop_contained(kept, policy)


_MONTH_NUMBERS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_WORDY_DATE = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})|([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"
)
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})|(\d{4})-(\d{2})-(\d{2})")


def calendar_date(found: str) -> dt.date | None:
    """The calendar date an exact date's text names (UK order for numbers), or None where it names no whole date."""
    try:
        if m := _WORDY_DATE.search(found):
            day, month, year = (m[1], m[2], m[3]) if m[1] else (m[5], m[4], m[6])
            return dt.date(int(year), _MONTH_NUMBERS[month.lower()], int(day))
        if m := _NUMERIC_DATE.search(found):
            return dt.date(int(m[3]), int(m[2]), int(m[1])) if m[1] else dt.date(int(m[4]), int(m[5]), int(m[6]))
    except (KeyError, ValueError):
        return None
    return None


def remainders(text: str, entity: str, start: int, end: int, *declared: Declared) -> list[tuple[int, int]]:
    """What is left of one detection once cut and reduced, as spans that still look like ``entity``."""
    name_like = entity in NAME_LIKE
    pieces = _cut(text, start, end) if name_like else [(start, end)]
    left: list[tuple[int, int]] = []
    for a, b in pieces:
        covered = [r for d in declared for r in d.covering(text, a, b)]
        if name_like:
            covered += names.role_codes(text, a, b)
            covered += _public(entity, text, a, b)
        rest = _subtract((a, b), covered)
        if rest == [(a, b)] and not name_like:
            left.append((a, b))
            continue
        whole = (a, b) == (start, end)
        if any(
            d > c and _still(entity, text, c, d, whole=whole and (c, d) == _trim(text, a, b)) for c, d in (_trim(text, *r) for r in rest)
        ):
            left.append(_trim(text, a, b))  # the whole piece: "Ruby Jones" with Ruby declared is still a full name
    return left


def _public(entity: str, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The public names a detection may be reduced by.

    A title makes a person ("Mrs Derby" is a person, "Derby" a city). A
    setting's or a street's name is a proper name before a public word ("the
    Bridge Pupil Referral Unit"), so a public name takes those away only when
    it is the whole detection.
    """
    if entity == "PERSON" and _TITLED.match(text[start:end]):
        return []
    found = public.covering(text, start, end)
    if entity in {"PERSON", "LOCATION"}:
        return found
    return [(a, b) for a, b in found if a <= start and end <= b]


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, begin = [], start
    for match in _BREAK.finditer(text, start, end):
        before = re.search(r"(\w+)\W*$", text[begin : match.start()])
        if match.group(0).strip(' \t"”’)') == "" and before and before.group(1).lower() in _ABBREVIATIONS:
            continue
        pieces.append((begin, match.start()))
        begin = match.end()
    pieces.append((begin, end))
    return [(a, b) for a, b in pieces if b > a]


def _subtract(span: tuple[int, int], covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces = [span]
    for a, b in sorted(covered):
        pieces = [p for c, d in pieces for p in ((c, min(d, a)), (max(c, b), d)) if p[1] > p[0]] if a < span[1] and span[0] < b else pieces
    return pieces


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _still(entity: str, text: str, start: int, end: int, *, whole: bool) -> bool:
    """Whether what remains of a detection can still be what it was found as."""
    phrase = text[start:end]
    if entity in {"PERSON", "LOCATION"} and names.is_safe_phrase(phrase):
        return False
    if whole:
        return True  # nothing was taken away: the recognizer's own judgement stands
    words = [w for w in _WORD.findall(phrase) if len(w) > 1 and w.lower() not in TITLES]
    # What is left beside a declaration needs stronger evidence than a detection: an ordinary word
    # ("Date" after a declared reviewer, "Said" in "What Child Q Said") is a heading, not a surname.
    return any(names.could_be_a_name(w) and not names.is_ordinary_word(w) for w in words)


def _drop_contained(kept: list[Detection], policy: Policy) -> list[Detection]:
    """One finding per place: drop a detection inside another of at least its severity ("Brigid" in "St Brigid's School").

    Where two kinds cover the same place, the more severe one stands (a name spaCy also took for a place is a name).
    """
    rank = {"error": 2, "warning": 1}
    # At the same place and severity, the kind with a fixed shape (a registration, a date) says more than a name.
    ordered = sorted(kept, key=lambda d: (-rank[policy.severity_of(d[0])], -(d[2] - d[1]), d[0] in NAME_LIKE, -d[3]))
    result: list[Detection] = []
    for item in ordered:
        entity, start, end, _ = item
        if not any(o[1] <= start and end <= o[2] and rank[policy.severity_of(o[0])] >= rank[policy.severity_of(entity)] for o in result):
            result.append(item)
    return sorted(result, key=lambda d: (d[1], d[2]))


def allowed_ranges(text: str, declared: Iterable[str], policy: Policy) -> list[tuple[int, int]]:
    """Every range of ``text`` covered by a declared or site-wide allowed text (for a whole field of an attachment)."""
    return Declared(PhraseIndex.of(declared)).covering(text, 0, len(text)) + site_declared(policy).covering(text, 0, len(text))


def accepted_whole(text: str, declared: list[str], policy: Policy) -> bool:
    """Whether a short text (a name field, a word of a file name) holds only what is accepted anyway: declared or allowed text, roles and agencies."""
    if names.is_safe_phrase(text):
        return True
    covered = [False] * len(text)
    for start, end in allowed_ranges(text, declared, policy):
        covered[start:end] = [True] * (end - start)
    return all(covered[i] or not c.isalnum() for i, c in enumerate(text))
