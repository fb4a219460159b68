"""Which documents and pages refer to which attachments, and so which attachments are published.

An attachment is referred to by a review's ``report`` or ``response``, or by
a link or image in the text of any document or page. It is published with the
site when something published on the day refers to it: a draft's report waits
for the draft, and a report or response file past its ``available_until`` date is withdrawn.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from .. import addresses
from ..content import Document, Page
from ..library import Library, Settings
from ..links import html_links_in, links_in

ATTACHMENT_FOLDERS = ("reviews/files/", "briefings/files/")
"""Folders of attachments outside ``content/``; the site publishes only what is referred to in them."""

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Reference:
    """One place that refers to an attachment."""

    path: Path
    """The attachment on disk (it may not exist)."""
    name: str
    """The attachment's path in the library, like ``reviews/files/report.pdf``."""
    by: Document | Page
    how: str
    """``report``, ``response``, ``link`` or ``image``."""
    line: int
    column: int
    live: bool
    """Whether the reference is on the site on the day (so the attachment is published)."""


def library_name(settings: Settings, path: Path) -> str:
    """An attachment's path in the library (``reviews/files/x.pdf``, ``content/img/x.png``), or as given outside it."""
    try:
        return path.resolve().relative_to(settings.root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _on_disk(settings: Settings, site_path: str) -> Path:
    """Where a path of the built site comes from: the attachment folders, or ``content/``."""
    if site_path.startswith(ATTACHMENT_FOLDERS):
        return settings.root / site_path
    return settings.docs_dir / site_path


def references(library: Library, on: dt.date, items: Iterable[Document | Page] | None = None) -> list[Reference]:
    """Every reference to an attachment from the given documents and pages (by default, the whole library)."""
    settings = library.settings
    found: list[Reference] = []
    chosen: list[Document | Page] = list(items) if items is not None else [*library.documents, *library.pages]
    for item in chosen:
        if isinstance(item, Document):
            live = item.is_live(on)
            uri = addresses.document_uri(item)
            for key, name, available in (
                ("report", item.report, item.report_available(on)),
                ("response", item.response_file, item.response_file_available(on)),
            ):
                if name is not None:
                    line, column = item.source.value_position(key)
                    found.append(Reference((settings.root / name).resolve(), name, item, key, line, column, live and available))
        else:
            live = True
            uri = item.uri
        found.extend(_links(settings, item, uri, live))
    return found


def _links(settings: Settings, item: Document | Page, uri: str, live: bool) -> Iterator[Reference]:
    source = item.source
    for link in [*links_in(source), *html_links_in(source)]:
        if _SCHEME.match(link.target) or link.target.startswith(("#", "/")):
            continue
        target = unquote(link.target.split("#", 1)[0].split("?", 1)[0])
        if not target or target.endswith((".md", "/")):
            continue
        site_path = posixpath.normpath(posixpath.join(posixpath.dirname(uri), target))
        path = _on_disk(settings, site_path).resolve()
        if not path.is_file():
            continue  # a link to nothing is the link check's (links/broken)
        line, column = source.front.position(link.offset)
        yield Reference(path, library_name(settings, path), item, "image" if link.image else "link", line, column, live)


def published(library: Library, on: dt.date) -> set[str]:
    """The attachments in ``reviews/files/`` and ``briefings/files/`` the site publishes on the day, by path in the library."""
    return {r.name for r in references(library, on) if r.live and r.name.startswith(ATTACHMENT_FOLDERS) and r.path.is_file()}
