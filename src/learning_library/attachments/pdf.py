"""PDFs: their text page by page, comments, links, bookmarks, form fields, properties and XMP metadata; and a copy without the metadata.

The text is what a reader's PDF viewer extracts, so text hidden under a
black "redaction" box, which is still in the file, is read and checked too.
A PDF that cannot be read (damaged, protected by a password, or pictures of
pages without text) cannot be checked, and says so: the check fails closed.
"""

from __future__ import annotations

import contextlib
import io
import logging
import warnings
from collections.abc import Iterator
from typing import Any

from ..errors import CleanError
from ..text import noun_for
from .inspection import CLEAN_HINT, HAND_CHECK_HINT, Inspection, Problem, Unit, link_units
from .xmp import read as read_xmp

_TEXT_PROPERTIES = ("/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer")
_NOT_TEXT = frozenset({"/CreationDate", "/ModDate", "/Trapped"})
_FORM_FIX = "clear the field in the original, or make the PDF again without the form (printing it to a PDF flattens it)"


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """pypdf logs and warns about every oddity of a damaged file; what matters reaches the author as a finding."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _open(data: bytes) -> Any:
    """A reader over the PDF, decrypted if it opens without a password; None if it needs one."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            if not reader.decrypt(""):
                return None
        except Exception:  # an encryption pypdf cannot undo here (AES without its optional library)
            return None
    return reader


def inspect(data: bytes) -> Inspection:
    """Read a PDF's text page by page, its comments, document properties and XMP metadata."""
    with _quiet():
        try:
            return _inspect(data)
        except Exception as exc:  # pypdf raises many kinds of exception on a damaged file
            return Inspection(
                [
                    Problem(
                        "attachments/unreadable",
                        f"The PDF cannot be read ({_why(exc)}), so it cannot be checked; it may be damaged: "
                        f"make it again from the original document, {HAND_CHECK_HINT}",
                    )
                ]
            )


def _inspect(data: bytes) -> Inspection:
    inspection = Inspection()
    reader = _open(data)
    if reader is None:
        inspection.problems.append(
            Problem(
                "attachments/encrypted",
                "The PDF is protected by a password, so nothing in it can be checked; "
                f"publish a copy saved without a password or security settings, {HAND_CHECK_HINT}",
            )
        )
        return inspection
    _properties(reader, inspection)
    root = reader.trailer["/Root"].get_object()
    if "/Metadata" in root:
        read_xmp(root["/Metadata"].get_object().get_data(), inspection)
    embedded = list(reader.attachments)
    if embedded:
        inspection.problems.append(
            Problem(
                "attachments/unsupported",
                f"The PDF carries {len(embedded)} embedded {noun_for(len(embedded), 'file')}, which cannot be checked; "
                f"make the PDF again without them, {HAND_CHECK_HINT}",
            )
        )
    pages_with_text = 0
    pictures_only: list[int] = []
    for number, page in enumerate(reader.pages, 1):
        try:
            text = page.extract_text() or ""
        except Exception as exc:
            inspection.problems.append(
                Problem(
                    "attachments/unreadable",
                    f"Page {number}: its text cannot be read ({_why(exc)}); make the PDF again from the original document, {HAND_CHECK_HINT}",
                    page=number,
                )
            )
            continue
        if text.strip():
            pages_with_text += 1
            inspection.units.append(Unit(text, page=number))
        elif _has_images(page):
            pictures_only.append(number)
        _comments(page, number, inspection)
        if "/Metadata" in page:
            read_xmp(page["/Metadata"].get_object().get_data(), inspection, page=number)
    _bookmarks(reader, inspection)
    _form(reader, inspection)
    if reader.pages and not pages_with_text:
        inspection.problems.append(
            Problem(
                "attachments/no-text",
                "The PDF has no text the check can read (its pages are pictures, as in a scanned document), so it cannot be checked; "
                f"publish a PDF made from the original document, {HAND_CHECK_HINT}",
            )
        )
    else:
        for number in pictures_only:
            inspection.problems.append(
                Problem(
                    "attachments/no-text",
                    f"Page {number}: the page is a picture with no text the check can read (a scanned page?); "
                    f"make it from the original document, {HAND_CHECK_HINT}",
                    page=number,
                )
            )
    return inspection


def _properties(reader: Any, inspection: Inspection) -> None:
    info = reader.metadata
    if not info:
        return
    for key in sorted(info, key=lambda k: (_TEXT_PROPERTIES.index(k) if k in _TEXT_PROPERTIES else len(_TEXT_PROPERTIES), str(k))):
        value = info[key]
        value = value.get_object() if hasattr(value, "get_object") else value
        if key in _NOT_TEXT or not isinstance(value, str) or not value.strip() or value.startswith("D:"):
            continue
        name = str(key).lstrip("/")
        inspection.units.append(Unit(value.strip(), field=f"Document property {name}", person=key == "/Author"))


def _comments(page: Any, number: int, inspection: Inspection) -> None:
    """A page's annotations: comments and notes with who wrote them, and where its links go."""
    annotations = page.get("/Annots")
    if annotations is None:
        return
    for annotation in annotations.get_object():
        annotation = annotation.get_object()
        if not hasattr(annotation, "get"):
            continue
        subtype = annotation.get("/Subtype")
        if subtype == "/Link":
            action = annotation.get("/A")
            action = action.get_object() if hasattr(action, "get_object") else action
            target = action.get("/URI") if hasattr(action, "get") else None
            if isinstance(target, str) and target.strip():
                inspection.units += link_units(target, "Link address", page=number)
            continue
        if subtype == "/Widget":
            continue  # a form field's box: its value is read with the form (_form)
        for key, field, person in (("/Contents", "comment", False), ("/T", "comment author", True)):
            value = annotation.get(key)
            if isinstance(value, str) and value.strip():
                inspection.units.append(Unit(value.strip(), page=number, field=field, person=person))


def _bookmarks(reader: Any, inspection: Inspection) -> None:
    """The bookmarks (outline) a viewer lists beside the pages: a heading's words, or anything the author typed."""
    titles: list[str] = []

    def walk(items: Any) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            elif isinstance(getattr(item, "title", None), str) and item.title.strip():
                titles.append(" ".join(item.title.split()))

    with contextlib.suppress(Exception):  # an outline pypdf cannot follow holds nothing it could read either
        walk(reader.outline)
    if titles:
        inspection.units.append(Unit("\n".join(titles), field="Bookmarks"))


def _form(reader: Any, inspection: Inspection) -> None:
    """The values typed into a form's fields, which a viewer shows in boxes over the page but which are not the page's text."""
    try:
        fields = reader.get_fields() or {}
    except Exception:  # a form pypdf cannot read: its values cannot be checked
        inspection.problems.append(
            Problem(
                "attachments/unreadable", f"The PDF's form cannot be read, so its fields cannot be checked; {_FORM_FIX}, {HAND_CHECK_HINT}"
            )
        )
        return
    for name, field in fields.items():
        value: Any = field.get("/V") if hasattr(field, "get") else None
        value = value.get_object() if hasattr(value, "get_object") else value
        if isinstance(value, str) and value.strip() and not value.startswith("/"):
            inspection.units.append(Unit(value.strip(), field=f"Form field {name}"))


def fix(unit: Unit) -> str:
    """What to do about personal data in a part of a PDF, by the part a finding names."""
    field = unit.field or ""
    if field == "Link address":
        return "change the link in the original document, then make the PDF again"
    if field == "Bookmarks":
        return "change the heading or bookmark in the original document, then make the PDF again"
    if field.startswith("Form field"):
        return _FORM_FIX
    if unit.page is not None:
        return "change or delete the comment in the original document, then make the PDF again"
    return CLEAN_HINT


def _has_images(page: Any) -> bool:
    try:
        return len(page.images) > 0
    except Exception:  # an image that cannot be listed is still a picture on the page
        return True


def _why(exc: Exception) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def clean(data: bytes) -> tuple[bytes, list[str]]:
    """A copy of the PDF without its document properties, XMP metadata and application data.

    The copy is written whole, so earlier versions of the file kept by
    incremental saves (which can hold text since deleted) are gone too. Pages,
    text, images, links and comments are kept: comments are content, to be
    removed in the original document.

    Returns:
        The clean PDF, and what was removed, in words.

    Raises:
        CleanError: the PDF cannot be read or is protected by a password.
    """
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    with _quiet():
        try:
            reader = _open(data)
        except Exception as exc:
            raise CleanError(f"the PDF cannot be read ({_why(exc)}); make it again from the original document") from None
        if reader is None:
            raise CleanError("the PDF is protected by a password; save a copy without a password first")
        removed = []
        if reader.metadata:
            removed.append("document properties (" + ", ".join(str(k).lstrip("/") for k in reader.metadata) + ")")
        writer = PdfWriter(clone_from=reader)
        writer.metadata = None
        root = writer.root_object
        if "/Metadata" in root:
            removed.append("XMP metadata")
            writer.xmp_metadata = None
        for key in ("/PieceInfo",):
            if key in root:
                del root[NameObject(key)]
        for number, page in enumerate(writer.pages, 1):
            for key in ("/Metadata", "/PieceInfo"):
                if key in page:
                    del page[NameObject(key)]
                    removed.append(f"page {number} {'XMP metadata' if key == '/Metadata' else 'application data'}")
        out = io.BytesIO()
        writer.write(out)
    return out.getvalue(), removed


__all__ = ["CLEAN_HINT", "clean", "fix", "inspect"]
