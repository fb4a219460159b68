"""A review's or briefing's page described in schema.org terms (JSON-LD), for search engines and other programs.

A review is a schema.org ``Report`` and a briefing an ``Article``: each with
its title, summary, date, type (``genre``), the partnership as publisher, and
its themes as ``DefinedTerm`` entries of the site's vocabulary, so a program
can tell the theme "neglect" of one site from the word elsewhere. A review's
full report, while it is on the site, is its ``associatedMedia`` with the day
it ``expires``; a briefing names who it is for (``audience``) and the reviews
it draws on (``isBasedOn``).

Addresses are absolute, so they need the site's ``site_url``; without one the
description leaves them out rather than give addresses that would resolve
wrongly. ``tests/test_structured_data.py`` checks every type and property used
here against the schema.org vocabulary.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any

from .. import addresses
from ..content import Document
from ..text import markup_safe_json
from .library_index import LibraryIndex

CONTEXT = "https://schema.org"
LANGUAGE = "en-GB"
REVIEW_TYPE = "Report"
BRIEFING_TYPE = "Article"
MEDIA_TYPES = {".pdf": "application/pdf", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
"""The media type of a full report by its file's suffix: a PDF, or a Word document."""


def describe(index: LibraryIndex, document: Document) -> dict[str, Any]:
    """The document as a schema.org object (a dict ready for JSON)."""
    settings, vocabulary = index.settings, index.vocabulary
    site_url, directory_urls = settings.site_url, settings.directory_urls
    uri = addresses.document_uri(document)
    publisher: dict[str, Any] = {"@type": "Organization", "name": settings.site_name}
    themes_set: dict[str, Any] = {"@type": "DefinedTermSet", "name": f"{settings.site_name}: themes"}
    if site_url:
        publisher["url"] = addresses.absolute("", site_url)
        themes_set["url"] = addresses.public_url(addresses.THEMES_INDEX, site_url, directory_urls)
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": REVIEW_TYPE if document.is_review else BRIEFING_TYPE,
        "name": document.title,
        "headline": document.title,
        "description": document.summary,
        "datePublished": document.published.isoformat(),
        "inLanguage": LANGUAGE,
        "genre": vocabulary.type_term(document.type).label,
        "keywords": [vocabulary.themes[t].label for t in document.themes],
        "about": [
            {"@type": "DefinedTerm", "name": vocabulary.themes[t].label, "termCode": t, "inDefinedTermSet": themes_set}
            for t in document.themes
        ],
        "publisher": publisher,
        "isAccessibleForFree": True,
    }
    if site_url:
        url = addresses.public_url(uri, site_url, directory_urls)
        data["@id"] = url
        data["url"] = url
    if document.report and document.report_available(index.on) and site_url:
        report: dict[str, Any] = {
            "@type": "MediaObject",
            "name": "Full report",
            "contentUrl": addresses.absolute(addresses.attachment_uri(document.report), site_url),
        }
        media_type = MEDIA_TYPES.get(PurePosixPath(document.report).suffix.lower())
        if media_type:
            report["encodingFormat"] = media_type
        if document.available_until:
            report["expires"] = document.available_until.isoformat()
        data["associatedMedia"] = report
    if document.audience:
        data["audience"] = [{"@type": "Audience", "audienceType": a} for a in document.audience]
    drawn_on = index.draws_on(document) if not document.is_review else []
    if drawn_on and site_url:
        data["isBasedOn"] = [addresses.public_url(addresses.document_uri(d), site_url, directory_urls) for d in drawn_on]
    return data


def script(index: LibraryIndex, document: Document) -> str:
    """The description as the text of a ``<script type="application/ld+json">`` (see :func:`~learning_library.text.markup_safe_json`)."""
    text = json.dumps(describe(index, document), ensure_ascii=False, separators=(",", ":"))
    return markup_safe_json(text)
