"""The open data: every published review and briefing as one JSON file, with the JSON Schema it follows beside it.

Other sites, researchers and regional analyses copy the same facts from each
partnership's reviews by hand; ``catalogue.json`` gives them the facts as
data, from the same list of live documents as every page, so it lists exactly
what the site publishes that day: never a draft, a scheduled document or a
withdrawn full report. Each document carries its metadata, summary, themes
with their labels, learning points, recommendations with their status, and
its addresses. A document whose family asked that it not be found through
search engines is listed, marked ``"search_engines": false``, so those who
reuse the data can honour the wish.

The schema (``catalogue.schema.json``, JSON Schema 2020-12) is a file of the
package, published unchanged beside the catalogue; ``tests/test_catalogue.py``
validates the catalogue against it.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from .. import addresses
from ..content import Document, Recommendation
from ..text import markup_safe_json
from ..vocabulary import Term
from .library_index import LibraryIndex
from .progress import STATUS_LABELS

SCHEMA_VERSION = 1
"""Raised when a field is removed or changes meaning, so programs that read the catalogue can tell."""
SCHEMA = resources.files("learning_library") / "schemas" / "catalogue.schema.json"


def schema_text() -> str:
    return SCHEMA.read_text(encoding="utf-8")


def _term(term: Term) -> dict[str, str]:
    return {"slug": term.slug, "label": term.label}


def catalogue(index: LibraryIndex) -> dict[str, Any]:
    """The catalogue as a dict ready for JSON: the site, then its live documents, newest first."""
    settings = index.settings
    site: dict[str, Any] = {"name": settings.site_name}
    if settings.site_url:
        site["url"] = addresses.absolute("", settings.site_url)
    if settings.area:
        site["area"] = settings.area
    if settings.contact:
        site["contact"] = settings.contact
    return {
        "$schema": addresses.absolute(addresses.CATALOGUE_SCHEMA, settings.site_url),
        "schema_version": SCHEMA_VERSION,
        "generated": index.on.isoformat(),
        "site": site,
        "documents": [entry(index, d) for d in index.live],
    }


def entry(index: LibraryIndex, document: Document) -> dict[str, Any]:
    """One document of the catalogue; optional fields are left out when the document has nothing to say."""
    settings, vocabulary = index.settings, index.vocabulary
    site_url, directory_urls = settings.site_url, settings.directory_urls
    item: dict[str, Any] = {
        "slug": document.slug,
        "kind": document.kind,
        "title": document.title,
        "type": _term(vocabulary.type_term(document.type)),
        "published": document.published.isoformat(),
        "summary": document.summary,
        "themes": [_term(vocabulary.themes[t]) for t in document.themes],
        "url": addresses.public_url(addresses.document_uri(document), site_url, directory_urls),
    }
    if document.age_band:
        item["age_band"] = _term(vocabulary.age_bands[document.age_band])
    if document.agencies:
        item["agencies"] = [_term(vocabulary.agencies[a]) for a in document.agencies]
    if document.audience:
        item["audience"] = list(document.audience)
    if document.model:
        item["model"] = document.model
    points = [text for text, _ in index.learning_points(document)]
    if points:
        item["learning_points"] = points
    rows = index.tracked_by_review.get(document.slug, [])
    if rows:
        item["recommendations"] = [_recommendation(row.recommendation, row.overdue) for row in rows]
    report = _report(index, document)
    if report:
        item["report"] = report
    if document.response:
        item["response"] = {"text": document.response}
    elif document.response_file and document.response_file_available(index.on):
        item["response"] = {"url": addresses.absolute(addresses.attachment_uri(document.response_file), site_url)}
    if document.national_repository:
        item["national_repository"] = document.national_repository
    related = [d.slug for d in index.related(document)]
    if related:
        item["related"] = related
    newer = index.superseded_by(document)
    if newer is not None:
        item["superseded_by"] = newer.slug
    if not document.search_engines:
        item["search_engines"] = False
    return item


def _recommendation(rec: Recommendation, overdue: bool) -> dict[str, Any]:
    item: dict[str, Any] = {"id": rec.id, "text": rec.text, "status": rec.status, "status_label": STATUS_LABELS[rec.status]}
    if rec.owner:
        item["owner"] = rec.owner
    if rec.evidence:
        item["evidence"] = rec.evidence
    if rec.updated:
        item["updated"] = rec.updated.isoformat()
    item["update_overdue"] = overdue
    return item


def _report(index: LibraryIndex, document: Document) -> dict[str, Any] | None:
    """The full report's address while it is on the site; once withdrawn, only the day it was last there."""
    if document.report is None:
        return None
    if document.report_available(index.on):
        report: dict[str, Any] = {"url": addresses.absolute(addresses.attachment_uri(document.report), index.settings.site_url)}
        if document.available_until:
            report["available_until"] = document.available_until.isoformat()
        return report
    return {"withdrawn": True, "available_until": document.available_until.isoformat() if document.available_until else None}


def files(index: LibraryIndex) -> dict[str, str]:
    """The catalogue and its schema, as ``{path in the site: JSON text}``."""
    return {addresses.CATALOGUE: write(catalogue(index)), addresses.CATALOGUE_SCHEMA: schema_text()}


def write(data: dict[str, Any]) -> str:
    """The catalogue as JSON text, one document a line: compact for a large library, and a change shows as one line.

    Markup characters are JSON escapes (:func:`~learning_library.text.markup_safe_json`).
    """
    head = {k: v for k, v in data.items() if k != "documents"}
    lines = [json.dumps(d, ensure_ascii=False, separators=(",", ":")) for d in data["documents"]]
    opening = json.dumps(head, ensure_ascii=False, indent=1)[:-2]  # without the closing brace
    text = opening + ',\n "documents": [\n' + ",\n".join(lines) + "\n ]\n}\n"
    return markup_safe_json(text)
