"""A Word document converted for the library: what Word shows, as blocks, with its pictures cleaned of metadata.

The conversion itself is mammoth's (a well-kept, pure-Python reader of
``.docx`` that writes semantic HTML: headings by style, nested lists, tables,
footnotes and endnotes, links, pictures with their alt text; see
``docs/architecture.md`` for why it was chosen over pandoc, docx2python and
python-docx). Before mammoth sees the document, this module makes it read as
Word shows it: hidden text is removed (mammoth would keep it), and with
``accept_changes`` tracked deletions are dropped and insertions kept. Every
part is first read and parsed within :mod:`~learning_library.attachments.wordpackage`'s
limits, and mammoth reads only those checked bytes, with no access to files
outside the document and no style map embedded in it.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from typing import Any

from ..attachments import images
from ..attachments.docx import is_hidden
from ..attachments.wordpackage import Package, PackageError, open_package, parse_xml, w
from ..errors import CannotCreate, CleanError
from .markdown import Converted, blocks, parse

STYLE_MAP = "p[style-name='Title'] => h1.doc-title:fresh\np[style-name='Subtitle'] => p:fresh"
"""Word's Title style marks the title (mammoth would otherwise write a plain paragraph); the rest is mammoth's default map."""

_PICTURE_TYPES = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp"}
"""Pictures the site can show and whose metadata :mod:`learning_library.attachments.images` can remove."""
_TEXT_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
_NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
}
"""Prefixes kept when a part is written again, so ``mc:Ignorable="w14"`` still names a prefix the part declares."""


@dataclass
class Picture:
    """A picture from the document, cleaned of its metadata, waiting for its file name."""

    data: bytes
    extension: str
    alt: str
    token: str
    """What stands in its place in the HTML until the file is named."""


@dataclass
class Conversion:
    """What mammoth made of the document, and what the import must tell the author about it."""

    converted: Converted
    pictures: list[Picture] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What did not come across (a drawing in a format the site cannot show), for the author."""


def read_package(data: bytes, name: str) -> Package:
    """Open a ``.docx`` for import, every XML part parsed once within the limits.

    Raises:
        CannotCreate: the file is not a Word document that can be read, with the reason.
    """
    try:
        package = open_package(data)
        package.main_part()
        for part in package.names:
            if part.endswith((".xml", ".rels")):
                parse_xml(package.read(part), part)
    except PackageError as exc:
        raise CannotCreate(f"{name} cannot be imported: {exc.message}") from None
    return package


def convert(package: Package, *, accept_changes: bool) -> Conversion:
    """Convert a Word document, as Word shows it, into blocks, keeping its pictures (cleaned) to be saved beside it.

    Args:
        package: the document, from :func:`read_package`.
        accept_changes: take the document as it reads with every tracked change accepted.
    """
    import mammoth

    for prefix, uri in _NAMESPACES.items():
        ET.register_namespace(prefix, uri)
    prepared = _prepared(package, accept_changes=accept_changes)
    conversion = Conversion(Converted([], {}))

    def picture(image: Any) -> dict[str, str]:
        number = len(conversion.pictures) + len(conversion.notes) + 1
        extension = _PICTURE_TYPES.get(image.content_type)
        with image.open() as handle:
            content = handle.read()
        if extension is not None:
            try:
                content, _ = images.clean(content)
            except CleanError:
                extension = None
        if extension is None:
            conversion.notes.append(
                f"picture {number} ({image.content_type}) could not be brought across: save it from Word as PNG or JPEG, "
                "put it in the files/ folder and add it with ![its alt text](files/NAME.png)"
            )
            return {"src": "", "data-missing": "1"}
        token = f"ll-picture-{number}"
        conversion.pictures.append(Picture(content, extension, image.alt_text or "", token))
        return {"src": token}

    result = mammoth.convert_to_html(
        io.BytesIO(prepared),
        style_map=STYLE_MAP,
        include_embedded_style_map=False,
        external_file_access=False,
        convert_image=mammoth.images.img_element(picture),
    )
    root = parse(result.value)
    _drop_missing_pictures(root)
    conversion.converted = blocks(root)
    return conversion


def _drop_missing_pictures(node: Any) -> None:
    node.children = [c for c in node.children if not (c.tag == "img" and c.attrs.get("data-missing"))]
    for child in node.children:
        _drop_missing_pictures(child)


def _prepared(package: Package, *, accept_changes: bool) -> bytes:
    """The package as mammoth should read it: hidden text removed, and tracked deletions too when changes are accepted."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in package.names:
            content = package.read(name)
            if name in _TEXT_PARTS:
                content = _as_shown(parse_xml(content, name), accept_changes=accept_changes)
            archive.writestr(name, content)
    return out.getvalue()


def _as_shown(root: ET.Element, *, accept_changes: bool) -> bytes:
    parents = {child: parent for parent in root.iter() for child in parent}
    for run in [r for r in root.iter(w("r")) if is_hidden(r)]:
        parents[run].remove(run)
    if accept_changes:
        for tag in ("del", "moveFrom"):
            for element in list(root.iter(w(tag))):
                if element in parents:
                    parents[element].remove(element)
    written: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return written
