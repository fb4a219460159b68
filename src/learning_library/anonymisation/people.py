"""People's names: after a title, found by spaCy's named entities, and found by the rules in :mod:`.names`."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from . import citations, names, wordlists
from .regex_recognizer import RegexRecognizer, result


class TitledNameRecognizer(RegexRecognizer):
    """Names after a title (Mrs Okafor, Dr Patel, PC Hughes): a title is strong evidence of a person."""

    ENTITY = "PERSON"
    PATTERNS = (
        (
            "title and surname (strong)",
            r"\b(?P<id>(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|PC|DC|DS|DI|DCI|Sgt|Sergeant|Inspector|PCSO|Nurse|Sister|Cllr|Councillor|Rev|Reverend|Judge|HHJ|Lord|Lady|Dame|Sir)\.?"
            r"(?:\s+and\s+(?:Mr|Mrs|Ms|Miss|Dr)\.?)?\s+(?:[A-Z]\.\s?)*[A-Z][A-Za-zà-ÿ'’-]+(?:\s+[A-Z][A-Za-zà-ÿ'’-]+)?)",
            0.9,
        ),
        (
            "police rank, collar number and surname (strong)",
            r"\b(?P<id>(?:PC|DC|DS|DI|DCI|PS|Sgt|PCSO)\.?[ \t]+\d{2,5}[ \t]+[A-Z][A-Za-zà-ÿ'’-]+)",
            0.9,
        ),
    )

    def validate(self, value: str, text: str, start: int, end: int, score: float) -> float | None:
        words = value.split()
        last = words[-1].rstrip("’'s")
        if last.lower() in wordlists.ROLE_WORDS or last.lower() in wordlists.COMMON_WORDS or citations.is_citation(text, start, end):
            return None
        if last in {"Partnership", "Service", "Services", "Trust", "Team", "Unit", "Council", "Programme", "Hub", "Centre", "Practitioner"}:
            return None  # "Family Nurse Partnership": an organisation
        if re.search(r"[A-Z][a-z]+[ \t]+$", text[max(0, start - 20) : start]) and value.split()[0] in {
            "Nurse",
            "Sister",
            "Inspector",
            "Judge",
        }:
            return None  # "Family Nurse ...", "Chief Inspector of ...": part of a longer name
        return score


_BLANKED = re.compile(r"\n|[ \t]{3,}")
"""Where markup was blanked out (a table border, a line break): a name never runs across it."""


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A detection cut where markup was blanked ("Briefing   LCSPR Child H" is two cells of a header)."""
    bounds = [start, *(x for m in _BLANKED.finditer(text, start, end) for x in m.span()), end]
    return [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=True) if b > a]


class NameRecognizer(EntityRecognizer):
    """People's names: spaCy's named entities, then first names it missed, then filters for what reviews legitimately say."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON", "LOCATION"], name="NameRecognizer", supported_language="en")
        self._titled = TitledNameRecognizer()

    def load(self) -> None:
        """The model is loaded by the NLP engine."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if nlp_artifacts is None:
            return []
        results: list[RecognizerResult] = []
        people: list[tuple[int, int]] = []
        for ent in nlp_artifacts.entities:
            if ent.label_ == "PERSON":
                for piece in _pieces(text, ent.start_char, ent.end_char):
                    span = names.clean_person(text, *piece)
                    if span is not None:
                        results.append(self._result("PERSON", *span, 0.85, "spaCy PERSON"))
                        people.append(span)
            elif ent.label_ in {"GPE", "LOC", "FAC", "LOCATION"}:
                span = names.clean_place(text, ent.start_char, ent.end_char)
                if span is not None:
                    results.append(self._result("LOCATION", *span, 0.7, f"spaCy {ent.label_}"))
        for start, end, score in names.gazetteer_names(text, nlp_artifacts.tokens):
            if not any(a <= start < b for a, b in people):
                results.append(self._result("PERSON", start, end, score, "known first name"))
                people.append((start, end))
        for titled in self._titled.analyze(text, entities):
            people.append((titled.start, titled.end))
        for start, end, score in list(names.more_names(text, people)):
            if not any(a <= start < b for a, b in people):
                results.append(self._result("PERSON", start, end, score, "nickname or initial"))
                people.append((start, end))
        for start, end in names.propagate(text, people):
            results.append(self._result("PERSON", start, end, 0.7, "named elsewhere in the text"))
        return results

    def _result(self, entity: str, start: int, end: int, score: float, how: str) -> RecognizerResult:
        return result(self, entity, start, end, score, how)
