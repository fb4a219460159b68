"""Recognizers for the personal data that leaks from safeguarding reviews in England.

Presidio's defaults are built for US text and miss most UK identifiers (or
find them only with context words nearby). One recognizer per entity, in a
module per family: :mod:`.identifiers` (fixed shapes), :mod:`.dates`,
:mod:`.places` (settings and addresses) and :mod:`.people`, all built on
:mod:`.regex_recognizer`. This module lists them for the engine.

Context is handled inside the patterns rather than by Presidio's lemma-based
enhancer, because the check runs spaCy without its lemmatizer (several times
faster, and the NER does not need it).
"""

from __future__ import annotations

from collections.abc import Iterable

from presidio_analyzer import EntityRecognizer

from .dates import ExactDateRecognizer, dates_the_document
from .identifiers import (
    EmailRecognizer,
    ReferenceNumberRecognizer,
    SocialMediaRecognizer,
    UkNhsNumberRecognizer,
    UkNinoRecognizer,
    UkPhoneRecognizer,
    UkPostcodeRecognizer,
    UkVehicleRegistrationRecognizer,
)
from .people import NameRecognizer, TitledNameRecognizer
from .places import NamedSettingRecognizer, StreetAddressRecognizer
from .regex_recognizer import RegexRecognizer

__all__ = [
    "EmailRecognizer",
    "ExactDateRecognizer",
    "NameRecognizer",
    "NamedSettingRecognizer",
    "ReferenceNumberRecognizer",
    "RegexRecognizer",
    "SocialMediaRecognizer",
    "StreetAddressRecognizer",
    "TitledNameRecognizer",
    "UkNhsNumberRecognizer",
    "UkNinoRecognizer",
    "UkPhoneRecognizer",
    "UkPostcodeRecognizer",
    "UkVehicleRegistrationRecognizer",
    "all_recognizers",
    "dates_the_document",
]


def all_recognizers() -> Iterable[EntityRecognizer]:
    """Every recognizer the check uses, one per entity (names also yield places)."""
    return (
        NameRecognizer(),
        TitledNameRecognizer(),
        StreetAddressRecognizer(),
        UkPostcodeRecognizer(),
        UkPhoneRecognizer(),
        EmailRecognizer(),
        ExactDateRecognizer(),
        UkNhsNumberRecognizer(),
        UkNinoRecognizer(),
        ReferenceNumberRecognizer(),
        UkVehicleRegistrationRecognizer(),
        SocialMediaRecognizer(),
        NamedSettingRecognizer(),
    )
