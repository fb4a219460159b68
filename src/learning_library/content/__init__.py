"""The content model: what reviews, briefings and site pages are, what their front matter may say, and how they are read.

- :mod:`.model`: the dataclasses every later step works from (``Document``, ``Page``, ``Source``...).
- :mod:`.schema`: the front matter schema, a table of fields, and the ``allow`` and ``checked_by_hand`` item types.
- :mod:`.reading`: reading a file into a model object and its findings.

The names most modules need are re-exported here, so ``from ..content import Document`` keeps working.
The contract is ``docs/content-model.md``.
"""

from __future__ import annotations

from .model import (
    RECOMMENDATION_STATUSES,
    STATUSES,
    AllowEntry,
    CheckedByHand,
    Document,
    Located,
    Page,
    Recommendation,
    Source,
)
from .reading import fallback_source, parse_document, parse_page, read_text
from .schema import DOCUMENT_FIELDS, PAGE_FIELDS, RECOMMENDATION_FIELDS, AllowItem, AttachmentPath, CheckedByHandItem

__all__ = [
    "DOCUMENT_FIELDS",
    "PAGE_FIELDS",
    "RECOMMENDATION_FIELDS",
    "RECOMMENDATION_STATUSES",
    "STATUSES",
    "AllowEntry",
    "AllowItem",
    "AttachmentPath",
    "CheckedByHand",
    "CheckedByHandItem",
    "Document",
    "Located",
    "Page",
    "Recommendation",
    "Source",
    "fallback_source",
    "parse_document",
    "parse_page",
    "read_text",
]
