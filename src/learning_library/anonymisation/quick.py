"""Regular expressions searched faster over prose, finding exactly the same matches.

Every pattern of the check reads every character of every document, and most
of a document holds no identifier, so how fast a pattern passes over ordinary
prose is most of what the check costs in a large library. Python's regular
expressions pass over text quickly only when a pattern starts with a plain set
of characters, and most of the check's start with a word boundary or a
look-behind. :class:`QuickPattern` works out from the pattern itself which
characters a match can start with, or which words ("ref", "crime", "case"),
and tries the pattern only where one stands.

This module imports nothing but the standard library: the name rules use it
too, and they run when a re-check of an unchanged library loads neither
Presidio nor spaCy.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

FOLD = {**{code: code + 32 for code in range(ord("A"), ord("Z") + 1)}, 0x130: ord("i"), 0x131: ord("i"), 0x17F: ord("s"), 0x212A: ord("k")}
"""A ``str.translate`` table: every character a case-blind pattern takes for an ASCII letter, as that letter
in lower case (İ and ı for i, ſ for s, the Kelvin sign for k), one for one, so offsets stay where they were."""

_PREFIXES = 256
_PREFIX_LENGTH = 8
"""The most starting words worked out for a pattern, and the longest: enough to be rare in prose."""
_SHORTEST_PREFIX = 3
"""A pattern is searched by its starting words only if each has at least this many characters besides spaces:
shorter ones ("at", "in", "of") stand everywhere in prose, and trying the pattern at each costs more than it saves."""


class QuickPattern:
    """A compiled pattern whose :meth:`finditer` finds exactly what the pattern's own does, faster over prose.

    A match starts with one of the characters :func:`first_characters` finds
    for the pattern, or one of the words :func:`starting_words` finds, so the
    search jumps from one of those to the next (in C) and tries the pattern
    only there, rather than at every position. The words of a case-blind
    pattern are looked for in the text folded by :data:`FOLD`. A pattern whose
    start could be almost anything in prose, or cannot be worked out, is
    searched as it is.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.first = first_characters(pattern)
        self.folded = False
        if self.first is None:
            words = starting_words(pattern)
            if words is not None:
                self.first, self.folded = words

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.first is None:
            yield from self.pattern.finditer(text)
            return
        search, match = self.first.search, self.pattern.match
        where = _folded(text) if self.folded else text
        position = 0
        while (candidate := search(where, position)) is not None:
            found = match(text, candidate.start())  # look-behinds and word boundaries still see what comes before
            if found is None:
                position = candidate.start() + 1
                continue
            yield found
            position = found.end()  # matches are never empty (see first_characters and starting_words)


@functools.lru_cache(maxsize=8)
def _folded(text: str) -> str:
    """The text folded by :data:`FOLD`, kept for the next pattern searched over the same text."""
    return text.translate(FOLD)


def starting_words(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], bool] | None:
    """A search for the words every match of ``pattern`` starts with, and whether it is to run over folded text.

    None where some match could start with a word shorter than
    :data:`_SHORTEST_PREFIX` characters, or with nothing known at all.
    """
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        if parsed.getwidth()[0] == 0:
            return None
        starts = _prefixes(list(parsed.data), bool(pattern.flags & re.IGNORECASE))
    except re.error:
        return None
    words = {word for word, _whole, _folded in starts}
    if not words or min(len(word.strip()) for word in words) < _SHORTEST_PREFIX:
        return None
    folded = any(fold for _word, _whole, fold in starts)
    if folded:
        words = {word.translate(FOLD) for word in words}
    return re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))), folded


_Prefix = tuple[str, bool, bool]
"""A word matches start with, whether it is all of the part it was read from, and whether it was read case-blind."""


def _prefixes(items: list[tuple[Any, Any]], ignore_case: bool) -> list[_Prefix]:
    """The words a sequence of parsed items can start with (each may end sooner than the match: still a start)."""
    current: list[_Prefix] = [("", True, False)]
    for op, value in items:
        if not any(whole for _, whole, _ in current):
            break
        following = _prefixes_of(op, value, ignore_case)
        joined: list[_Prefix] = []
        for word, whole, fold in current:
            if not whole:
                joined.append((word, False, fold))
                continue
            joined += [(word + more, more_whole, fold or more_fold) for more, more_whole, more_fold in following]
        current = list(dict.fromkeys(joined))
        if len(current) > _PREFIXES:
            return [("", False, False)]
        current = [(word, whole and len(word) < _PREFIX_LENGTH, fold) for word, whole, fold in current]
    return current


def _prefixes_of(op: Any, value: Any, ignore_case: bool) -> list[_Prefix]:
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return [("", True, False)]  # reads no character of the match
    if op is sre.LITERAL:
        return [_literal(value, ignore_case)]
    if op is sre.IN and len(value) <= 4 and all(kind is sre.LITERAL for kind, _ in value):
        return [_literal(code, ignore_case) for _, code in value]
    if op is sre.SUBPATTERN:
        _group, add, remove, sub = value
        return _prefixes(list(sub.data), (ignore_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE)
    if op is sre.BRANCH:
        return [found for branch in value[1] for found in _prefixes(list(branch.data), ignore_case)]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, sub = value
        inner = _prefixes(list(sub.data), ignore_case)
        once = [(word, whole and low == high == 1, fold) for word, whole, fold in inner]
        return [("", True, False), *once] if low == 0 else once
    return [("", False, False)]  # any other part: the word ends before it


def _literal(code: int, ignore_case: bool) -> _Prefix:
    """One character as a start: itself, or read case-blind; a cased letter beyond ASCII ends the word before it."""
    char = chr(code)
    if not ignore_case or char.lower() == char.upper():
        return char, True, False
    if char.isascii():
        return char.lower(), True, True
    return "", False, False


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
