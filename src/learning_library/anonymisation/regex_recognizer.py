"""The base of the pattern recognizers: a recognizer made of named, scored regular expressions.

Each subclass recognises one entity, with its ``PATTERNS`` (name, regular
expression, score: the name says how strong the pattern is) and its own
validation. Where only part of a match is the identifier ("crime reference
44/123456/21"), the pattern names that part with the group ``id``.

Each pattern is searched as a :class:`~.quick.QuickPattern`: the same
matches, found faster over prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from .quick import QuickPattern

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
