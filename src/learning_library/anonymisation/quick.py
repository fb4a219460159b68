"""Regular expressions searched faster over prose, finding exactly the same matches.

Every pattern of the check reads every character of every document, and most
of a document holds no identifier, so how fast a pattern passes over ordinary
prose is most of what the check costs in a large library. Python's regular
expressions pass over text quickly only when a pattern starts with a plain set
of characters, and most of the check's start with a word boundary or a
look-behind. :class:`QuickPattern` works out from the pattern itself which
characters a match can start with, and tries the pattern only where one stands.

This module imports nothing but the standard library: the name rules use it
too, and they run when a re-check of an unchanged library loads neither
Presidio nor spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any


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
