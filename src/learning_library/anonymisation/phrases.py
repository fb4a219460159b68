"""Finding known phrases around a detection: declared pseudonyms, allowed texts and public names.

The check asks one question of each detection: which of its characters are
covered by a phrase that is known not to be personal data here? A phrase list
can be long (a site's allow list, thousands of public names), so a
:class:`PhraseIndex` is built once and looks phrases up by their first word:
answering costs a few dictionary look-ups per word near the detection, however
long the list. Matching is by words, case-insensitive, with any white space
between words, as an author would expect ("Kestrel  Vale" is "Kestrel Vale"),
and a possessive is part of the word it ends ("Beth's" is "Beth").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

TOKEN = re.compile(r"\w+(?:[’'\-]\w+)*|&")
"""A word as phrases are matched: letters and digits with inner apostrophes and hyphens (O'Neill, Ehlers-Danlos), or ``&``."""

_POSSESSIVE = re.compile(r"[’']s$")
_GAP = re.compile(r"\s*")


def words(phrase: str) -> tuple[str, ...]:
    """The lower-cased words of a phrase, as :data:`TOKEN` splits them."""
    return tuple(m.group(0).lower() for m in TOKEN.finditer(phrase))


@dataclass
class PhraseIndex:
    """Phrases indexed by their first word, with a value for each (what kind of phrase it is)."""

    _first: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    longest: int = 0
    """The most characters a phrase has, so a search looks that far around a detection."""

    @classmethod
    def of(cls, phrases: Iterable[str], kind: str = "") -> PhraseIndex:
        index = cls()
        index.add(phrases, kind)
        return index

    def add(self, phrases: Iterable[str], kind: str = "") -> None:
        for phrase in phrases:
            key = words(phrase)
            if key:
                self._first.setdefault(key[0], []).append((key, kind))
                self.longest = max(self.longest, len(phrase) + 2)
        for entries in self._first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def phrases(self) -> list[tuple[str, ...]]:
        """Every phrase, as its lower-cased words."""
        return [key for entries in self._first.values() for key, _ in entries]

    def __bool__(self) -> bool:
        return bool(self._first)

    def find(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """Yield ``(start, end, kind)`` of each phrase in ``text`` that overlaps ``text[start:end]``, longest first at each word."""
        if not self._first:
            return
        low = max(0, start - self.longest)
        while low > 0 and (text[low - 1].isalnum() or text[low - 1] in "'’-"):
            low -= 1  # never start the search inside a word
        high = min(len(text), end + self.longest)
        tokens = list(TOKEN.finditer(text, low, high))
        for i, token in enumerate(tokens):
            if token.start() >= end:
                break
            word = token.group(0).lower()
            entries = self._first.get(word) or self._first.get(_POSSESSIVE.sub("", word))
            head, _, tail = token.group(0).partition("-")
            single = next((kind for key, kind in self._first.get(head.lower(), ()) if len(key) == 1), None) if tail.islower() else None
            if single is not None:
                yield token.start(), token.start() + len(head), single
                continue  # "Cheshire-wide", "Leeds-based": a one-word name with a suffix
            if not entries:
                continue
            for key, kind in entries:
                stop = _match(text, tokens, i, key)
                if stop is not None and stop > start:
                    yield token.start(), stop, kind
                    break


def _match(text: str, tokens: list[re.Match[str]], i: int, key: tuple[str, ...]) -> int | None:
    """The end of the phrase ``key`` if it starts at ``tokens[i]``: the same words, only white space between them."""
    if i + len(key) > len(tokens):
        return None
    for j, expected in enumerate(key):
        token = tokens[i + j]
        found = token.group(0).lower()
        last = j == len(key) - 1
        if found != expected and not (last and _POSSESSIVE.sub("", found) == expected):
            return None
        if j and _GAP.fullmatch(text, tokens[i + j - 1].end(), token.start()) is None:
            return None
    return tokens[i + len(key) - 1].end()


def pattern(text: str) -> re.Pattern[str]:
    """Compile an allow pattern, where ``*`` stands for a name of one to four capitalised words: "* Safeguarding Children Partnership".

    Everything else matches as a phrase does: by words, case-insensitive,
    with any white space between them.
    """
    parts = []
    for piece in re.split(r"(\*)", text.strip()):
        if piece == "*":
            word = r"(?-i:[A-Z0-9])[\w’'.\-]*"
            parts.append(rf"{word}(?:\s+(?:(?:and|of|upon|on|&)\s+)?{word}){{0,3}}")
        elif piece.strip():
            parts.append(r"\s+".join(re.escape(w) for w in piece.split()))
    glue = r"\s+"
    return re.compile(r"(?<![\w’'])" + glue.join(parts) + r"(?:[’']s)?(?!\w)", re.IGNORECASE)
