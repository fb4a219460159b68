"""Opening a Word document (``.docx``) safely: a zip of XML parts, read within limits, parsed without entities.

Both the hidden-content check (:mod:`.docx`) and the import
(:mod:`learning_library.importing`) read Word documents through this one
module, so the limits apply to every file a person hands the library. A
``.docx`` comes from outside (a reviewer's laptop, an email), so it is read as
untrusted: a zip bomb, an oversized part or XML that declares entities is
refused with a reason, never expanded. A password-protected Word document is
not a zip at all but an encrypted container, and says so.
"""

from __future__ import annotations

import io
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
"""The WordprocessingML namespace, which the tags of a document's text are in."""
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

MAX_FILE_BYTES = 100 * 1024 * 1024
"""Largest ``.docx`` read: ten times a long report with photos; anything larger is refused, not half read."""
MAX_PARTS = 5000
"""Most parts in one package; Word writes a few dozen, a long report with pictures a few hundred."""
MAX_PART_BYTES = 64 * 1024 * 1024
"""Largest part once unpacked (a photo, or the text of a very long report)."""
MAX_TOTAL_BYTES = 256 * 1024 * 1024
"""Most bytes unpacked from one package, all parts together."""
MAX_RATIO = 100
"""Largest ratio of unpacked to packed size for a part over a megabyte: XML packs ten or twenty to one, a zip bomb thousands."""

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The start of a compound file: a Word document protected by a password, or the old ``.doc`` format."""
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


class PackageError(Exception):
    """The package cannot be read: ``rule`` is the finding's rule, the message says why and what to do."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


def w(tag: str) -> str:
    """A WordprocessingML tag or attribute as ElementTree names it: ``w("p")`` is ``{...main}p``."""
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Relationship:
    """A part's link to another part (or to an address outside the file): its type's last word and its target."""

    id: str
    kind: str
    """The relationship type's last path segment: ``comments``, ``footer``, ``image``, ``hyperlink``."""
    target: str
    """The part's name in the package (``word/footer1.xml``), or the address as written for an external target."""
    external: bool


class Package:
    """An opened ``.docx``: its part names, and each part read within the limits."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._archive = archive
        self._read = 0
        self.names = archive.namelist()

    def read(self, name: str) -> bytes:
        """A part's bytes, refused if unpacking it would pass the limits.

        Raises:
            PackageError: the part is missing, damaged or too large.
        """
        try:
            info = self._archive.getinfo(name)
        except KeyError:
            raise PackageError("attachments/unreadable", f"the part {name} is missing; save the document again in Word") from None
        if info.file_size > MAX_PART_BYTES or (info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            raise _bomb(name)
        try:
            with self._archive.open(info) as handle:
                data = handle.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
            raise PackageError("attachments/unreadable", f"the part {name} is damaged ({exc}); save the document again in Word") from None
        self._read += len(data)
        # The sizes in the zip's directory can lie: what was actually unpacked is counted too.
        if len(data) > MAX_PART_BYTES or self._read > MAX_TOTAL_BYTES:
            raise _bomb(name)
        return data

    def xml(self, name: str) -> ET.Element | None:
        """A part parsed as XML, or None when the package has no such part.

        Raises:
            PackageError: the part declares entities (refused rather than expanded) or is not well-formed.
        """
        if name not in self.names:
            return None
        return parse_xml(self.read(name), name)

    def relationships(self, part: str) -> list[Relationship]:
        """The relationships of a part (``word/document.xml``), from its ``_rels`` part, targets resolved to part names."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", f"{base}.rels"))
        if root is None:
            return []
        found = []
        for element in root.iter(f"{{{RELATIONSHIPS}}}Relationship"):
            target = element.get("Target", "")
            external = element.get("TargetMode") == "External"
            if not external:
                target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found.append(Relationship(element.get("Id", ""), element.get("Type", "").rsplit("/", 1)[-1], target, external))
        return found

    def main_part(self) -> str:
        """The name of the document's main part (``word/document.xml`` in every file Word writes).

        Raises:
            PackageError: the package has no main document, so it is not a Word document.
        """
        for relationship in self.relationships(""):
            if relationship.kind == OFFICE_DOCUMENT.rsplit("/", 1)[-1] and relationship.target in self.names:
                return relationship.target
        raise PackageError(
            "attachments/unreadable", "it has no main document, so it is not a Word document; save it again in Word as .docx"
        )


def parse_xml(data: bytes, name: str) -> ET.Element:
    """Parse a part as XML, refusing a DTD: Office never writes one, so one could only be there to expand entities.

    Raises:
        PackageError: the part declares a DTD or entities, or is not well-formed XML.
    """
    if _DOCTYPE.search(data[:4096]) or _DOCTYPE.search(data):
        raise PackageError("attachments/unreadable", f"the part {name} declares XML entities, so it cannot be read safely")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise PackageError(
            "attachments/unreadable", f"the part {name} is not well-formed XML ({exc}); save the document again in Word"
        ) from None


def open_package(data: bytes) -> Package:
    """Open a ``.docx``'s bytes as a package, checking what can be checked before anything is unpacked.

    Raises:
        PackageError: the file has a password (``attachments/encrypted``), is too large, is not a zip, or has
            too many parts (``attachments/unreadable``).
    """
    if data.startswith(_CFB):
        raise PackageError(
            "attachments/encrypted",
            "it is protected by a password (or is in the old .doc format), so nothing in it can be checked; "
            "in Word, remove the password (File, Info, Protect Document) and save it as a .docx",
        )
    if len(data) > MAX_FILE_BYTES:
        raise PackageError(
            "attachments/unreadable",
            f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, which no report needs; make the pictures smaller in Word "
            "(Compress Pictures) and save it again",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise PackageError(
            "attachments/unreadable", "it is not a Word document (.docx), or it is damaged; open it in Word and save it again as .docx"
        ) from None
    infos = archive.infolist()
    if len(infos) > MAX_PARTS or sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
        raise _bomb("the package")
    return Package(archive)


def _bomb(name: str) -> PackageError:
    return PackageError(
        "attachments/unreadable",
        f"{name} would unpack to far more than a Word document holds (a damaged file or a zip bomb), so it was not opened; "
        "save the document again in Word",
    )
