"""The base of the pattern recognizers: a recognizer made of named, scored regular expressions.

Each subclass recognises one entity, with its ``PATTERNS`` (name, regular
expression, score: the name says how strong the pattern is) and its own
validation. Where only part of a match is the identifier ("crime reference
44/123456/21"), the pattern names that part with the group ``id``.

Every pattern reads every character of every document, and most of a
document holds no identifier, so how fast a pattern passes over ordinary
prose is most of what the check costs in a large library. Python's regular
expressions pass over text quickly only when a pattern starts with a plain
set of characters, and most of these start with a word boundary or a
look-behind; :class:`QuickPattern` finds the same matches with a search for
the characters a match can start with.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
CAP = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?"
"""A capitalised word, as in a proper name (O'Neill, Smith-Jones)."""


class RegexRecognizer(EntityRecognizer):
    """A recognizer made of regular expressions, with per-match validation.

    Subclasses set ``ENTITY`` and ``PATTERNS`` and may override :meth:`validate`
    to drop or rescore a match (a checksum, a word list).
    """

    ENTITY = ""
    PATTERNS: Sequence[tuple[str, str, float]] = ()
    FLAGS = 0

    def __init__(self) -> None:
        self._compiled = [(name, QuickPattern(re.compile(rx, self.FLAGS)), score) for name, rx, score in self.PATTERNS]
        super().__init__(supported_entities=[self.ENTITY], name=type(self).__name__, supported_language="en")

    def load(self) -> None:
        """Nothing to load: the patterns are compiled on construction."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for name, rx, score in self._compiled:
            for match in rx.finditer(text):
                start, end = match.span("id") if "id" in rx.pattern.groupindex and match.group("id") else match.span()
                value = text[start:end]
                checked = self.validate(value, text, start, end, score)
                if checked is None:
                    continue
                results.append(result(self, self.ENTITY, start, end, checked, name))
        return results

    def validate(self, value: str, text: str, start: int, end: int, score: float) -> float | None:
        """Return the score for a match, or None to drop it."""
        return score


def result(recognizer: EntityRecognizer, entity: str, start: int, end: int, score: float, how: str) -> RecognizerResult:
    """A detection as Presidio reports it, naming the recognizer and the pattern or rule (``how``) that found it."""
    return RecognizerResult(
        entity,
        start,
        end,
        score,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: type(recognizer).__name__,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
            "pattern": how,
        },
    )


class QuickPattern:
    """A compiled pattern whose :meth:`finditer` finds exactly what the pattern's own does, faster over prose.

    A match starts with one of the characters :func:`first_characters` finds
    for the pattern, so the search jumps from one of those to the next (in C)
    and tries the pattern only there, rather than at every position. A pattern
    whose first character could be a lower-case letter (most of prose), or
    whose first characters cannot be worked out, is searched as it is.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.first = first_characters(pattern)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.first is None:
            yield from self.pattern.finditer(text)
            return
        search, match = self.first.search, self.pattern.match
        position = 0
        while (candidate := search(text, position)) is not None:
            found = match(text, candidate.start())  # look-behinds and word boundaries still see what comes before
            if found is None:
                position = candidate.start() + 1
                continue
            yield found
            position = found.end()  # matches are never empty (see first_characters)


def first_characters(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A character class holding every character a match of ``pattern`` can start with, or None.

    None where it would be no quicker than the pattern itself (it holds a
    lower-case letter, or a letter in either case), where it cannot be worked
    out (any character, a negated set, a back-reference), or where the pattern
    can match nothing at all, which the search could not step over.
    """
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        if parsed.getwidth()[0] == 0:
            return None
        found = _first(list(parsed.data), bool(pattern.flags & re.IGNORECASE))
    except (_FirstUnknown, re.error):
        return None
    if found is None or not found[0]:
        return None
    fragments, _ = found
    characters = re.compile("[" + "".join(fragments) + "]")
    if any(characters.match(letter) for letter in "abcdefghijklmnopqrstuvwxyz"):
        return None
    return characters


class _FirstUnknown(Exception):
    """The first characters of a part of a pattern cannot be told."""


_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s"}


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _first(items: list[tuple[Any, Any]], ignore_case: bool) -> tuple[list[str], bool] | None:
    """The class fragments a sequence of parsed items can start with, and whether it can match nothing."""
    fragments: list[str] = []
    for op, value in items:
        found, empty = _first_of(op, value, ignore_case)
        fragments += found
        if not empty:
            return fragments, False
    return fragments, True


def _first_of(op: Any, value: Any, ignore_case: bool) -> tuple[list[str], bool]:
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return [], True  # a boundary or a look-around reads no character of the match
    if op is sre.LITERAL:
        if ignore_case and chr(value).lower() != chr(value).upper():
            raise _FirstUnknown
        return [_char(value)], False
    if op is sre.IN:
        return [_class_item(kind, item, ignore_case) for kind, item in value], False
    if op is sre.SUBPATTERN:
        _group, add, remove, sub = value
        case = (ignore_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _sequence(sub, case)
    if op is sre.ATOMIC_GROUP:
        return _sequence(value, ignore_case)
    if op is sre.BRANCH:
        fragments, empty = [], False
        for branch in value[1]:
            found, can_be_empty = _sequence(branch, ignore_case)
            fragments += found
            empty = empty or can_be_empty
        return fragments, empty
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, sub = value
        found, empty = _sequence(sub, ignore_case)
        return found, empty or low == 0
    raise _FirstUnknown  # any character, a back-reference, a conditional group


def _sequence(sub: Any, ignore_case: bool) -> tuple[list[str], bool]:
    found = _first(list(sub.data if hasattr(sub, "data") else sub), ignore_case)
    if found is None:
        raise _FirstUnknown
    return found


def _class_item(kind: Any, item: Any, ignore_case: bool) -> str:
    if kind is sre.LITERAL:
        if ignore_case and chr(item).lower() != chr(item).upper():
            raise _FirstUnknown
        return _char(item)
    if kind is sre.RANGE:
        low, high = item
        if ignore_case and any(chr(c).lower() != chr(c).upper() for c in range(low, high + 1)):
            raise _FirstUnknown
        return f"{_char(low)}-{_char(high)}"
    if kind is sre.CATEGORY and item in _CATEGORIES:
        return _CATEGORIES[item]
    raise _FirstUnknown  # a negated set, or a category as wide as every word character
