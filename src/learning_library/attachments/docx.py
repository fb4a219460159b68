"""Word documents (``.docx``): their text and everything Word keeps that a reader does not see; and a copy without the properties.

Word keeps more than the page shows: tracked deletions (a deleted name is
still in the file), comments and their authors, document properties (author,
last modified by, company, manager, custom properties), headers and footers,
hidden text, text boxes, pictures' alt text and the photos' own EXIF (with
their GPS position), SmartArt (a genogram is often one), charts, field codes,
link addresses, document variables, data stored with the document (custom XML),
building blocks, embedded files and macros. Each is read as its own
:class:`~.inspection.Unit`, named for the part ("Tracked deletion", "Comment 2,
author", "Property Last modified by", "Footer"), so a finding says where to
look in Word. Tracked changes and comments are errors in themselves: a person
must decide on them in Word. A file the check cannot open (a password, a
damaged package, an embedded file, macros) fails closed, as a PDF does.

Every part of the package is accounted for (:func:`_other_parts`): a part is
read for its text, or is known to hold none (styles, fonts, the theme), or
fails closed as a part the check cannot read. A part a later Word adds is
read as text, not passed over.

The package is read by :mod:`.wordpackage`, within its limits.
"""

from __future__ import annotations

import io
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..errors import CleanError
from ..findings import Severity
from ..text import noun_for
from . import images
from .inspection import CLEAN_HINT, HAND_CHECK_HINT, Inspection, Problem, Unit, link_text, link_units, without_ids
from .wordpackage import Package, PackageError, Relationship, open_package, parse_xml, w

WORD_FIX = "change it in the Word document and save it again"
"""The fix for personal data in what the document shows or keeps in its text: only Word can change it."""

_CORE = {
    "{http://purl.org/dc/elements/1.1/}title": ("Title", False),
    "{http://purl.org/dc/elements/1.1/}subject": ("Subject", False),
    "{http://purl.org/dc/elements/1.1/}creator": ("Author", True),
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords": ("Keywords", False),
    "{http://purl.org/dc/elements/1.1/}description": ("Comments", False),
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastModifiedBy": ("Last modified by", True),
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}category": ("Category", False),
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}contentStatus": ("Status", False),
}
"""Core properties (File, Info in Word) people write into, by the name Word shows, and whether it names a person."""
_APP = {"Company": ("Company", False), "Manager": ("Manager", True), "HyperlinkBase": ("Hyperlink base", False)}
"""Extended properties people write into; the rest (pages, words, application) are counts and versions."""
_APP_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
_CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_PROPERTY_PARTS = ("docprops/core.xml", "docprops/app.xml", "docprops/custom.xml")

_CHANGE_TAGS = {w("ins"): "insertion", w("del"): "deletion", w("moveFrom"): "deletion", w("moveTo"): "insertion"}
"""Tracked changes around runs: what was inserted or deleted (a move is a deletion here and an insertion there)."""
_FORMAT_CHANGES = frozenset({w("rPrChange"), w("pPrChange"), w("sectPrChange"), w("tblPrChange"), w("trPrChange"), w("tcPrChange")})
"""Tracked changes of formatting: they keep who changed what, but no deleted text."""
_PICTURE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff")
"""Embedded pictures whose own metadata (EXIF, XMP) is read; drawings (EMF, WMF, SVG) carry none of that."""
_DRAWING_NS = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_PICTURE_NS = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
_W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
"""DrawingML, whose paragraphs (``a:p``, runs of ``a:t``) hold the text of SmartArt, of charts' titles and of shapes."""
_CHART_VALUE = "{http://schemas.openxmlformats.org/drawingml/2006/chart}v"
"""A value a chart keeps of its data: a category's or a series' name, or a number."""
_WITHOUT_TEXT = re.compile(
    r"""\[content_types\]\.xml
    | word/(?:glossary/)?(?:styles|styleswitheffects|fonttable|numbering|websettings|settings|commentsids|commentsextensible|commentsextended)\.xml
    | word/theme/[^/]+\.xml | word/charts/(?:style|colors)\d*\.xml
    | word/diagrams/(?:layout|quickstyle|colors)\d*\.xml | customxml/itemprops\d*\.xml | docmetadata/labelinfo\.xml
    | word/(?:glossary/)?fonts/[^/]+ | word/printersettings/[^/]+""",
    re.VERBOSE,
)
"""Parts that hold no text a person wrote: formatting, fonts, the theme, comment ids, a sensitivity label's ids, printer settings.

(``word/settings.xml`` is formatting too, but for its document variables, read by :func:`_variables`.)
"""
SMARTART_PART = re.compile(r"word/diagrams/(?:data|drawing)(\d*)\.xml")
"""A SmartArt diagram's part (lower case), by its number: its data, or the drawing Word last made of it."""
CHART_PART = re.compile(r"word/charts/chart(?:ex)?(\d*)\.xml")
"""A chart's part (lower case), by its number."""
_PART_LABELS = (
    (SMARTART_PART, "SmartArt {}"),
    (CHART_PART, "Chart {}"),
    (re.compile(r"customxml/item(\d*)\.xml"), "Custom XML {}"),
    (re.compile(r"word/glossary/document\.xml()"), "Building blocks"),
)
"""What Word calls the parts read for their text, by their names in the package; any other is named by its own name.

SmartArt keeps its text twice (its data, and the drawing Word last made of it): both are read, as one part."""
_FIELDS_WITH_TEXT = frozenset(
    {
        "HYPERLINK",
        "INCLUDEPICTURE",
        "INCLUDETEXT",
        "LINK",
        "QUOTE",
        "AUTHOR",
        "USERNAME",
        "USERADDRESS",
        "USERINITIALS",
        "FILLIN",
        "ASK",
        "SET",
    }
)
"""Field codes whose arguments are text someone typed (a link's address, a name, a path), not a bookmark, a style or a format."""
_FIELDS_WITH_ADDRESSES = frozenset({"HYPERLINK", "INCLUDEPICTURE", "INCLUDETEXT", "LINK"})
_FIELD_PART = re.compile(r'\\\S+(?:\s+(?:"[^"]*"|[^\s\\"]+))?|"([^"]*)"|([^\s"]+)')
"""A field code's pieces after its name: a switch with its argument (skipped), a quoted argument, or a bare one."""
_LINK_LABELS = {"hyperlink": "Link address", "attachedTemplate": "Template"}
"""External relationships by their type: what Word calls them; any other (a linked picture or file) is a linked file."""
_ENCODED = re.compile(r"[A-Za-z0-9+/=_-]{40,}")
"""Encoded data (base64 and the like), as add-ins store it in document variables."""
_SHEET_WITHOUT_TEXT = re.compile(r"\[content_types\]\.xml|xl/styles\.xml|xl/theme/[^/]+\.xml|xl/calcchain\.xml|xl/printersettings/[^/]+")
"""Parts of an embedded workbook that hold no one's words: formatting, the theme, the order of calculation, printer settings."""
_UNREADABLE_PARTS = {"word/activex/": "ActiveX control", "word/ink/": "Ink (handwriting drawn on the document)"}
"""Parts that are not text, named for the message; they fail closed rather than being read as XML."""
_EMBEDDED_PARTS = ("word/media/", "word/embeddings/", "word/vbaproject.bin")
"""Pictures, embedded files and macros: :func:`_embedded` reads or refuses them."""


@dataclass
class Paragraphs:
    """What the runs of a part's paragraphs hold, sorted by how a reader meets them."""

    shown: list[str] = field(default_factory=list)
    """Each paragraph's visible text, one a line (tracked insertions included: Word shows them)."""
    text_boxes: list[str] = field(default_factory=list)
    deletions: list[str] = field(default_factory=list)
    insertions: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    """The text typed into field codes (a link's address, a name in an AUTHOR field), which Word shows only as the field's result."""
    change_authors: set[str] = field(default_factory=set)
    format_changes: int = 0


def is_hidden(run: ET.Element) -> bool:
    """Whether a run is formatted as hidden text (Font, Hidden): Word neither shows nor prints it."""
    properties = run.find(w("rPr"))
    if properties is None:
        return False
    for tag in ("vanish", "specVanish"):
        flag = properties.find(w(tag))
        if flag is not None and flag.get(w("val"), "true").lower() not in ("0", "false", "off"):
            return True
    return False


def _run_text(run: ET.Element) -> str:
    pieces = []
    for child in run:
        if child.tag in (w("t"), w("delText")):
            pieces.append(child.text or "")
        elif child.tag in (w("tab"), w("br"), w("cr")):
            pieces.append(" ")
        elif child.tag == w("noBreakHyphen"):
            pieces.append("-")
    return "".join(pieces)


def read_paragraphs(root: ET.Element) -> Paragraphs:
    """Sort the text of every paragraph of a part into what is shown, deleted, inserted, hidden or in a text box."""
    found = Paragraphs()
    parents = {child: parent for parent in root.iter() for child in parent}
    for paragraph in root.iter(w("p")):
        in_text_box = any(a.tag == w("txbxContent") for a in _ancestors(paragraph, parents))
        shown, deleted, inserted, hidden = [], [], [], []
        instruction: list[str] = []
        for run in paragraph.iter(w("r")):
            above = list(_ancestors(run, parents, stop=paragraph))
            if any(a.tag == w("p") for a in above):
                continue  # a run of a paragraph nested in this one (a text box), read with that paragraph
            for child in run:
                if child.tag in (w("instrText"), w("delInstrText")):
                    instruction.append(child.text or "")
                elif child.tag == w("fldChar") and instruction:  # a field's code ends where its result (or another field) starts
                    found.fields += _field_text("".join(instruction))
                    instruction = []
            text = _run_text(run)
            changes = [_CHANGE_TAGS[a.tag] for a in above if a.tag in _CHANGE_TAGS]
            for change in (a for a in above if a.tag in _CHANGE_TAGS):
                if change.get(w("author")):
                    found.change_authors.add(change.get(w("author"), ""))
            if not text.strip():
                continue
            if "deletion" in changes:
                deleted.append(text)
            elif is_hidden(run):
                hidden.append(text)
            else:
                shown.append(text)
                if "insertion" in changes:
                    inserted.append(text)
        found.fields += _field_text("".join(instruction))
        for element in paragraph.iter():
            if element.tag == w("fldSimple"):
                found.fields += _field_text(element.get(w("instr"), ""))
            if element.tag in _FORMAT_CHANGES:
                found.format_changes += 1
                if element.get(w("author")):
                    found.change_authors.add(element.get(w("author"), ""))
        line = " ".join("".join(shown).split())
        if line:
            (found.text_boxes if in_text_box else found.shown).append(line)
        found.deletions += [" ".join("".join(deleted).split())] if deleted else []
        found.insertions += [" ".join("".join(inserted).split())] if inserted else []
        found.hidden += [" ".join("".join(hidden).split())] if hidden else []
    return found


def _ancestors(element: ET.Element, parents: dict[ET.Element, ET.Element], stop: ET.Element | None = None) -> Iterator[ET.Element]:
    current = parents.get(element)
    while current is not None and current is not stop:
        yield current
        current = parents.get(current)


def inspect(data: bytes) -> Inspection:
    """Read a Word document's text and hidden content: each part a unit to scan, and what is wrong in itself a problem."""
    inspection = Inspection()
    try:
        _inspect(open_package(data), inspection)
    except PackageError as exc:
        inspection.problems.append(Problem(exc.rule, f"The Word document cannot be read: {exc.message}, {HAND_CHECK_HINT}"))
    return inspection


def _inspect(package: Package, inspection: Inspection) -> None:
    main = package.main_part()
    root = package.xml(main)
    assert root is not None
    relationships = package.relationships(main)
    body = read_paragraphs(root)
    _unit(inspection, "Text", body.shown)
    _unit(inspection, "Text box", body.text_boxes)
    read = {main, "word/people.xml"}
    deletions, insertions, hidden, fields = list(body.deletions), len(body.insertions), list(body.hidden), list(body.fields)
    authors, format_changes = set(body.change_authors), body.format_changes
    numbers: dict[str, int] = {}
    for relationship in relationships:
        if relationship.external or relationship.kind not in ("header", "footer", "footnotes", "endnotes"):
            continue
        part = package.xml(relationship.target)
        if part is None:
            continue
        read.add(relationship.target)
        numbers[relationship.kind] = numbers.get(relationship.kind, 0) + 1
        name = {"header": "Header", "footer": "Footer", "footnotes": "Footnotes", "endnotes": "Endnotes"}[relationship.kind]
        found = read_paragraphs(part)
        _unit(inspection, name if numbers[relationship.kind] == 1 else f"{name} {numbers[relationship.kind]}", found.shown)
        _unit(inspection, f"{name}, text box", found.text_boxes)
        deletions += found.deletions
        insertions += len(found.insertions)
        hidden += found.hidden
        fields += found.fields
        authors |= found.change_authors
        format_changes += found.format_changes
    _unit(inspection, "Tracked deletion", deletions)
    _unit(inspection, "Hidden text", hidden)
    _unit(inspection, "Field code", list(dict.fromkeys(fields)))
    changes = len(deletions) + insertions + format_changes
    if changes:
        kinds = [
            f"{n} {noun_for(n, what)}"
            for n, what in ((len(deletions), "deletion"), (insertions, "insertion"), (format_changes, "formatting change"))
            if n
        ]
        inspection.problems.append(
            Problem(
                "attachments/tracked-changes",
                f"Tracked changes: the document keeps {changes} tracked {noun_for(changes, 'change')} ({', '.join(kinds)}), with who made them; "
                "deleted text is still in the file. In Word, Review, Accept or Reject each change (or Accept All Changes), and save again",
                field="Tracked changes",
            )
        )
    for number, author in enumerate(sorted(authors), 1):
        inspection.units.append(
            Unit(author, field=f"Tracked change author {number}" if len(authors) > 1 else "Tracked change author", person=True)
        )
    if hidden:
        inspection.problems.append(
            Problem(
                "attachments/hidden-text",
                "Hidden text: the document holds text formatted as hidden, which Word does not show but anyone can reveal; "
                "in Word, show it (Home, Show/Hide) and delete it or make it visible, then save again",
                Severity.WARNING,
                field="Hidden text",
            )
        )
    read |= _comments(package, relationships, inspection)
    _alt_text(root, inspection)
    _properties(package, inspection)
    _embedded(package, inspection)
    _other_parts(package, read, inspection)


def _local(element: ET.Element) -> str:
    """An element's name without its namespace: ``{...spreadsheetml...}si`` is ``si``."""
    return element.tag.rpartition("}")[2]


def _unit(inspection: Inspection, name: str, lines: list[str], *, person: bool = False) -> None:
    text = "\n".join(line for line in lines if line.strip())
    if text:
        inspection.units.append(Unit(text, field=name, person=person))


def _comments(package: Package, relationships: list[Relationship], inspection: Inspection) -> set[str]:
    """The comments and who wrote them, and the people Word lists as commenting or changing it; returns the parts read."""
    target = next((r.target for r in relationships if r.kind == "comments" and not r.external), None)
    root = package.xml(target) if target else None
    comments = list(root.iter(w("comment"))) if root is not None else []
    for number, comment in enumerate(comments, 1):
        _unit(inspection, f"Comment {number}", read_paragraphs(comment).shown)
        author = (comment.get(w("author")) or "").strip()
        if author:
            inspection.units.append(Unit(author, field=f"Comment {number}, author", person=True))
    people = package.xml("word/people.xml")
    if people is not None:
        names = [p.get(f"{_W15}author", "") for p in people]
        _unit(inspection, "Comment people", [n for n in names if n], person=True)
        accounts = [p.get(f"{_W15}userId", "") for p in people.iter(f"{_W15}presenceInfo")]
        _unit(inspection, "Comment people, accounts", [a for a in accounts if a])
    if comments:
        inspection.problems.append(
            Problem(
                "attachments/comments",
                f"Comments: the document keeps {len(comments)} {noun_for(len(comments), 'comment')} with the names of who wrote them, "
                "which anyone who opens it can read; in Word, Review, Delete All Comments in Document, and save again",
                field="Comments",
            )
        )
    return {target} if target else set()


def _alt_text(root: ET.Element, inspection: Inspection) -> None:
    """Each picture's alt text and title (Word's Edit Alt Text), read from the drawing and the picture inside it."""
    drawings = (*root.iter(w("drawing")), *root.iter("{urn:schemas-microsoft-com:vml}shape"))
    for number, drawing in enumerate(drawings, 1):
        texts: list[str] = []
        for element in drawing.iter():
            if element.tag in (f"{_DRAWING_NS}docPr", f"{_PICTURE_NS}cNvPr") or element.tag == drawing.tag:
                for attribute in ("descr", "title", "alt"):
                    value = (element.get(attribute) or "").strip()
                    if value and value not in texts:
                        texts.append(value)
        _unit(inspection, f"Alt text, picture {number}", texts)


def _properties(package: Package, inspection: Inspection) -> None:
    core = package.xml("docProps/core.xml")
    if core is not None:
        for element in core:
            if element.tag in _CORE and (element.text or "").strip():
                name, person = _CORE[element.tag]
                inspection.units.append(Unit((element.text or "").strip(), field=f"Property {name}", person=person))
    app = package.xml("docProps/app.xml")
    if app is not None:
        for element in app:
            local = element.tag.removeprefix(_APP_NS)
            if local in _APP and (element.text or "").strip():
                name, person = _APP[local]
                inspection.units.append(Unit((element.text or "").strip(), field=f"Property {name}", person=person))
    custom = package.xml("docProps/custom.xml")
    if custom is not None:
        for element in custom.iter(f"{_CUSTOM_NS}property"):
            value = " ".join(t.strip() for t in element.itertext() if t.strip())
            if value:
                inspection.units.append(Unit(value, field=f"Custom property {element.get('name', '')}".strip()))


def _embedded(package: Package, inspection: Inspection) -> None:
    for name in package.names:
        lowered = name.lower()
        if lowered.endswith("vbaproject.bin"):
            inspection.problems.append(
                Problem(
                    "attachments/unsupported",
                    "Macros: the document carries macros (a .docm, or a .docx holding vbaProject.bin), which cannot be checked "
                    f"and can run code on a reader's computer; save it in Word as a plain Word Document (.docx), {HAND_CHECK_HINT}",
                    field="Macros",
                )
            )
        elif lowered.startswith("word/embeddings/") and not (lowered.endswith(".xlsx") and _workbook(package, name, inspection)):
            inspection.problems.append(
                Problem(
                    "attachments/unsupported",
                    f"Embedded file {posixpath.basename(name)}: a file inside the document (a spreadsheet or another document) "
                    f"cannot be checked; delete it in Word, or paste what it shows as text or a picture, {HAND_CHECK_HINT}",
                    field=f"Embedded file {posixpath.basename(name)}",
                )
            )
        elif lowered.startswith("word/media/") and lowered.endswith(_PICTURE_SUFFIXES):
            _picture(package, name, inspection)


def _workbook(package: Package, name: str, inspection: Inspection) -> bool:
    """The workbook Word embeds to hold a chart's data, read as the document is; False if it cannot be read all through.

    A chart's labels are in the chart (read as ``Chart 1``), but its data, and
    whoever made the workbook, are in a spreadsheet inside the document. Only
    a workbook whose every part is read or known to hold no text counts as
    checked; any other (macros, pictures, a part not known) fails closed, as
    any embedded file does.
    """
    where = f"Embedded workbook {posixpath.basename(name)}"
    found = Inspection()
    lines: list[str] = []
    try:
        workbook = open_package(package.read(name))
        links: dict[str, int] = {}
        for part in workbook.names:
            lowered = part.lower()
            if lowered.endswith(".rels"):
                _links(workbook, part, links, found)  # a link, or another workbook its data comes from
                continue
            if part.endswith("/") or lowered in _PROPERTY_PARTS or _SHEET_WITHOUT_TEXT.fullmatch(lowered):
                continue
            root = workbook.xml(part) if lowered.endswith(".xml") and not lowered.startswith("xl/media/") else None
            if root is None:
                return False
            lines += _sheet_text(root)
        _properties(workbook, found)
    except PackageError:
        return False
    _unit(inspection, where, list(dict.fromkeys(without_ids(line) for line in lines if line.strip())))
    inspection.units += [Unit(u.text, field=f"{where}, {u.field}", person=u.person) for u in found.units]
    return True


def _sheet_text(root: ET.Element) -> list[str]:
    """A spreadsheet part's text: shared strings, cells' own values (not a shared string's number), sheet and column
    names, comments and their authors, and the text of drawings."""
    lines = []
    if _local(root) == "sst":  # the shared strings, each in runs
        lines = ["".join(t.text or "" for t in si.iter() if _local(t) == "t") for si in root]
    for element in root.iter() if not lines else ():
        local = _local(element)
        if local == "c" and element.get("t") != "s":
            lines += [" ".join(t.itertext()) for t in element if _local(t) in ("v", "is")]
        elif local in ("sheet", "tableColumn", "definedName") and element.get("name"):
            lines.append(element.get("name", ""))
        elif local in ("t", "author") and len(element) == 0:
            lines.append(element.text or "")
        elif local == "v" and len(element) == 0 and any(c.isalpha() for c in element.text or ""):
            lines.append(element.text or "")  # a chart's category or series name (a shared string's number has no letter)
    return [" ".join(line.split()) for line in lines if line and line.strip()]


def _picture(package: Package, name: str, inspection: Inspection) -> None:
    """An embedded picture's own metadata: GPS in its EXIF, its camera owner, caption and comments."""
    where = f"Embedded picture {posixpath.basename(name)}"
    found = images.inspect(package.read(name))
    for problem in found.problems:
        if problem.rule == "attachments/gps":
            message = f"GPS in embedded picture {posixpath.basename(name)}: the picture records where it was taken; {CLEAN_HINT}"
            inspection.problems.append(Problem(problem.rule, message, problem.severity, field=f"{where}, {problem.field}"))
        # A picture Word shows but Pillow cannot open holds nothing Pillow could read either: it is not a failure of the check.
    for unit in found.units:
        inspection.units.append(Unit(unit.text, field=f"{where}, {unit.field}", person=unit.person))


def _other_parts(package: Package, read: set[str], inspection: Inspection) -> None:
    """Every part not read above: read for its text, or known to hold none, or failing closed as one the check cannot read."""
    texts: dict[str, list[str]] = {}
    links: dict[str, int] = {}
    for name in package.names:
        lowered = name.lower()
        if name.endswith("/") or name in read or lowered in _PROPERTY_PARTS or lowered.startswith(_EMBEDDED_PARTS):
            continue  # read by _inspect, _comments, _properties or _embedded
        if lowered.endswith(".rels"):
            _links(package, name, links, inspection)
            continue
        if lowered == "word/settings.xml":
            _variables(package, name, inspection)
        if _WITHOUT_TEXT.fullmatch(lowered):
            continue
        if lowered.startswith("docprops/thumbnail."):
            inspection.problems.append(
                Problem(
                    "attachments/metadata",
                    "Thumbnail: the document keeps a small picture of its first page as it was when saved, which the check "
                    f"cannot read and which may show text changed since; {CLEAN_HINT}",
                    Severity.WARNING,
                    field="Thumbnail",
                )
            )
            continue
        unreadable = next((what for folder, what in _UNREADABLE_PARTS.items() if lowered.startswith(folder)), None)
        if unreadable is None and lowered.endswith(".xml"):
            root = package.xml(name)
            found, people = _part_text(root) if root is not None else ([], [])
            lines = texts.setdefault(_label(name), [])
            lines += [line for line in dict.fromkeys(found) if line not in lines]
            _unit(inspection, f"{_label(name)}, people", people, person=True)
            continue
        what = unreadable or f"Part {name}"
        inspection.problems.append(
            Problem(
                "attachments/unsupported",
                f"{what}: the document holds a part the check cannot read ({name}); delete it in Word, or save the document "
                f"in Word as a new plain Word Document (.docx) without it, {HAND_CHECK_HINT}",
                field=what,
            )
        )
    for label, lines in texts.items():
        _unit(inspection, label, lines)


def _label(name: str) -> str:
    """What Word calls a part read for its text: ``SmartArt 1``, ``Chart 2``, ``Custom XML 1``, or ``Part`` and its name."""
    for pattern, label in _PART_LABELS:
        match = pattern.fullmatch(name.lower())
        if match:
            return label.format(match.group(1) or "1")
    return f"Part {name}"


def _part_text(root: ET.Element) -> tuple[list[str], list[str]]:
    """What a part read for its text says, and the people it names as such: SharePoint's columns, Word's
    list of sources, or any other part's text. Ids a program keeps (a GUID) are no one's words, and a
    GUID reads as a case number, so they are left out."""
    if root.tag == _SHAREPOINT:
        return _sharepoint(root)
    if root.tag == f"{_BIBLIOGRAPHY}Sources":
        return _sources(root), []
    return [line for line in (without_ids(t) for t in _xml_text(root)) if line], []


def _xml_text(root: ET.Element) -> list[str]:
    """The text of a part, a line for each paragraph (or value); a part with neither gives each piece of its text."""
    if root.find(f".//{w('p')}") is not None:
        found = read_paragraphs(root)
        return [*found.shown, *found.text_boxes, *found.hidden, *found.deletions, *found.fields]
    lines = []
    structured = False
    for element in root.iter():
        if element.tag == f"{_A}p":
            structured = True
            lines.append(" ".join("".join(t.text or "" for t in element.iter(f"{_A}t")).split()))
        elif element.tag == _CHART_VALUE:
            structured = True
            lines.append(" ".join((element.text or "").split()))
    if not structured:
        lines = [" ".join(piece.split()) for piece in root.itertext()]
    return [line for line in lines if line]


_SHAREPOINT = "{http://schemas.microsoft.com/office/2006/metadata/properties}properties"
"""The root of the custom XML part in which SharePoint keeps a document library's columns for the document."""
_SHAREPOINT_SYSTEM = re.compile(r"_.*|TaxCatchAll.*|MediaService.*|[0-9a-f]{32}|TaxKeywordTaxHTField|AccountId|AccountType")
"""SharePoint's own columns and values, by an element's name: the id it gives every document (``_dlc_DocId``)
and the link to it, its taxonomy's ids, its picture analysis, a person's account number. They are no one's
words, and a document id reads as a case number to the check, so reading them would stop every report
downloaded from a SharePoint library."""
_PARTNER_CONTROLS = "{http://schemas.microsoft.com/office/infopath/2007/PartnerControls}"


def _sharepoint(root: ET.Element) -> tuple[list[str], list[str]]:
    """A SharePoint document's columns: the text people typed into them, and the people named in them (an owner, an author)."""
    lines: list[str] = []
    people: list[str] = []

    def walk(element: ET.Element, system: bool) -> None:
        system = system or bool(_SHAREPOINT_SYSTEM.fullmatch(_local(element)))
        text = " ".join((element.text or "").split())
        if text and not system:
            (people if element.tag == f"{_PARTNER_CONTROLS}DisplayName" else lines).append(text)
        for child in element:
            walk(child, system)

    walk(root, False)
    return lines, people


_BIBLIOGRAPHY = "{http://schemas.openxmlformats.org/officeDocument/2006/bibliography}"
"""Word's list of sources (References, Manage Sources), kept as custom XML: each source's authors, year and title."""


def _sources(root: ET.Element) -> list[str]:
    """Each source as a reference list writes it: "Brandon, M. and Sidebotham, P. (2020) Title. Publisher.".

    Read field by field, an author's first name alone on a line looks like a person's name to the check;
    written as a reference, it is what the check knows as cited research.
    """
    lines = []
    for source in root.iter(f"{_BIBLIOGRAPHY}Source"):
        people = []
        for person in source.iter(f"{_BIBLIOGRAPHY}Person"):
            last = person.findtext(f"{_BIBLIOGRAPHY}Last", "").strip()
            given = f"{person.findtext(f'{_BIBLIOGRAPHY}First', '')} {person.findtext(f'{_BIBLIOGRAPHY}Middle', '')}"
            initials = " ".join(f"{name[0].upper()}." for name in given.split())
            people.append(f"{last}, {initials}" if last and initials else last or given.strip())
        corporate = [c.text or "" for c in source.iter(f"{_BIBLIOGRAPHY}Corporate")]
        year, title, publisher = (source.findtext(f"{_BIBLIOGRAPHY}{tag}", "").strip() for tag in ("Year", "Title", "Publisher"))
        authors = " and ".join(a.strip() for a in [*people, *corporate] if a.strip())
        parts = [authors, f"({year})" if year else "", f"{title}." if title else "", f"{publisher}." if publisher else ""]
        line = " ".join(" ".join(p for p in parts if p).split())
        if line:
            lines.append(line)
    return lines


def _links(package: Package, rels: str, numbers: dict[str, int], inspection: Inspection) -> None:
    """The addresses a part links to outside the document: a link's address, the template's path, a linked file's path.

    A path on the author's computer often holds their account's name (``C:\\Users\\kerry.clarke\\...``), so
    each folder's name is also read as a file's name is.
    """
    folder, base = posixpath.split(rels)
    source = posixpath.join(posixpath.dirname(folder), base.removesuffix(".rels"))
    for relationship in package.relationships(source):
        if not relationship.external or not relationship.target.strip():
            continue
        label = _LINK_LABELS.get(relationship.kind, "Linked file")
        numbers[label] = numbers.get(label, 0) + 1
        inspection.units += link_units(relationship.target, label if label == "Template" else f"{label} {numbers[label]}")


def _variables(package: Package, name: str, inspection: Inspection) -> None:
    """Document variables (``w:docVar``): values a template or macro stored in the document, which Word never shows.

    Add-ins keep encoded data there too (Grammarly a compressed id, ``H4sIAAAA...``): a long
    run of letters and digits without a space is no one's words, and read as text its
    fragments could pass for a postcode, so it is left out; ``clean-metadata`` removes it.
    """
    root = package.xml(name)
    for variable in root.iter(w("docVar")) if root is not None else ():
        value = (variable.get(w("val")) or "").strip()
        if value and not _ENCODED.fullmatch(value):
            inspection.units.append(Unit(value, field=f"Document variable {variable.get(w('name'), '')}".strip()))


def _field_text(instruction: str) -> list[str]:
    """The typed text in a field code: ``HYPERLINK "mailto:..."`` gives the address; ``PAGEREF _Toc12 \\h`` gives nothing."""
    words = instruction.split(None, 1)
    if not words or words[0].upper() not in _FIELDS_WITH_TEXT:
        return []
    found = []
    for match in _FIELD_PART.finditer(words[1] if len(words) > 1 else ""):
        value = match.group(1) if match.group(1) is not None else match.group(2)
        if value and value.strip():
            value = value.replace("\\\\", "\\").strip()
            # A link's address is read as a link's is: without the ids services put in it.
            found.append(link_text(value) if words[0].upper() in _FIELDS_WITH_ADDRESSES else value)
    return [text for text in found if text]


def diagrams_and_charts(names: Sequence[str]) -> tuple[int, int]:
    """How many SmartArt diagrams and charts a package's part names hold (an import does not bring them across)."""
    lowered = [name.lower() for name in names]
    diagrams = {match.group(1) for name in lowered if (match := SMARTART_PART.fullmatch(name))}
    return len(diagrams), sum(1 for name in lowered if CHART_PART.fullmatch(name))


def fix(field_name: str | None) -> str:
    """What to do about personal data in a part of a Word document, by the part a finding names."""
    if field_name and field_name.startswith(
        ("Property", "Custom property", "Custom XML", "Embedded picture", "Template", "Document variable", "Comment people")
    ):
        return CLEAN_HINT
    if field_name and field_name.startswith("Embedded workbook"):
        if ", Property" in field_name:
            return CLEAN_HINT
        return "change the chart's data in Word (right-click the chart, Edit Data) and save it again"
    if field_name and field_name.startswith("Linked file"):
        return "break the link in Word (File, Info, Edit Links to Files, Break Link) and save it again"
    if field_name and field_name.startswith("Field code"):
        return "change the field in Word (right-click it, Edit Field, or Alt+F9 to show the codes) and save it again"
    if field_name and field_name.startswith("Tracked"):
        return "accept or reject the tracked changes in Word (Review, Accept, Reject), then save it again"
    if field_name and field_name.startswith("Comment"):
        return "delete the comments in Word (Review, Delete, Delete All Comments in Document), then save it again"
    if field_name and field_name.startswith("Alt text"):
        return "change the alt text in Word (right-click the picture, Edit Alt Text) and save it again"
    return WORD_FIX


# --- a copy without the properties ---------------------------------------------------------


def clean(data: bytes) -> tuple[bytes, list[str]]:
    """A copy of the Word document without its properties and without its pictures' metadata.

    The document's text is not changed. Comments, tracked changes and hidden
    text are refused rather than dropped: whether a deleted sentence or a
    comment goes, or hidden text is shown, is for a person to decide in Word.

    Returns:
        The clean document, and what was removed, in words.

    Raises:
        CleanError: the document cannot be read, or holds comments, tracked changes, hidden text, macros or embedded files.
    """
    found = inspect(data)
    unreadable = [p for p in found.problems if p.rule in ("attachments/unreadable", "attachments/encrypted")]
    if unreadable:
        message = unreadable[0].message.replace(f", {HAND_CHECK_HINT}", "")
        raise CleanError(message[0].lower() + message[1:])
    refused = [p for p in found.problems if p.rule not in ("attachments/gps", "attachments/metadata")]  # what cleaning removes
    if refused:
        reasons = "; ".join(p.message.split(";")[0].split(". In Word")[0] for p in refused)
        raise CleanError(f"{reasons}. A person must decide on these in Word before the copy can be cleaned; then clean it again")
    package = open_package(data)
    removed: list[str] = []
    parts: dict[str, bytes] = {}
    for name in package.names:
        content = package.read(name)
        if name == "docProps/core.xml":
            content, fields = _empty_core(content)
            if fields:
                removed.append("document properties (" + ", ".join(fields) + ")")
        elif name == "docProps/app.xml":
            content, fields = _empty_app(content)
            if fields:
                removed.append("document properties (" + ", ".join(fields) + ")")
        elif name == "docProps/custom.xml":
            removed.append("custom properties")
            continue
        elif name.lower().startswith("docprops/thumbnail"):
            removed.append("the thumbnail picture")
            continue
        elif name.lower().startswith("customxml/"):
            if name.lower().endswith(".xml") and "/_rels/" not in name.lower() and "itemprops" not in name.lower():
                removed.append(f"data stored with the document ({name})")
            continue
        elif name.lower().startswith("word/embeddings/") and name.lower().endswith(".xlsx"):
            content, fields = _clean_workbook(content)
            removed += [f"{posixpath.basename(name)}'s properties ({', '.join(fields)})"] if fields else []
        elif name.lower() == "word/people.xml":
            removed.append("the list of people who commented on it or changed it")
            continue
        elif name.lower() == "word/settings.xml":
            kept = [
                (local, what) for local, what in _SETTINGS_REMOVED if re.search(rb"<(?:[\w.-]+:)?" + local.encode() + rb"[\s/>]", content)
            ]
            content, fields = _remove_elements(content, kept)
            removed += fields
        elif name.lower() == "word/_rels/settings.xml.rels":
            content = re.sub(rb'<Relationship [^>]*Type="[^"]*/attachedTemplate"[^>]*/>', b"", content)
        elif name.lower().startswith("word/media/") and name.lower().endswith(_PICTURE_SUFFIXES):
            cleaned, what = images.clean(content)
            if what:
                content = cleaned
                removed.append(f"{posixpath.basename(name)}'s metadata ({', '.join(what)})")
        parts[name] = content
    if not removed:
        return data, []
    parts = _drop_references(parts, set(package.names) - set(parts))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), content, zipfile.ZIP_DEFLATED)
    return out.getvalue(), removed


def _clean_workbook(content: bytes) -> tuple[bytes, list[str]]:
    """A chart's embedded workbook without its properties (who made it), its data untouched."""
    workbook = open_package(content)
    parts: dict[str, bytes] = {}
    removed: list[str] = []
    for part in workbook.names:
        data = workbook.read(part)
        if part == "docProps/core.xml":
            data, fields = _empty_core(data)
            removed += fields
        elif part == "docProps/app.xml":
            data, fields = _empty_app(data)
            removed += fields
        parts[part] = data
    if not removed:
        return content, []
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(zipfile.ZipInfo(part, (1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return out.getvalue(), removed


_SETTINGS_REMOVED = (("docVars", "document variables"), ("attachedTemplate", "the template's path"))
"""What a clean copy leaves out of ``word/settings.xml``: values stored by templates and macros, and the path of the template."""


def _empty_core(content: bytes) -> tuple[bytes, list[str]]:
    root = parse_xml(content, "docProps/core.xml")
    fields = [(_local(element), _CORE[element.tag][0]) for element in root if element.tag in _CORE and (element.text or "").strip()]
    return _remove_elements(content, fields)


def _empty_app(content: bytes) -> tuple[bytes, list[str]]:
    root = parse_xml(content, "docProps/app.xml")
    fields = []
    for element in root:
        local = element.tag.removeprefix(_APP_NS)
        if local in _APP and (element.text or "").strip():
            fields.append((local, _APP[local][0]))
    return _remove_elements(content, fields)


def _remove_elements(content: bytes, fields: list[tuple[str, str]]) -> tuple[bytes, list[str]]:
    """Cut the named elements out of a properties part, leaving every other byte as Word wrote it.

    Editing the bytes, rather than writing the XML again, keeps the prefixes
    that other values refer to (``xsi:type="dcterms:W3CDTF"``); the copy is
    read back by :func:`inspect` before it is written, so nothing left behind goes unnoticed.
    """
    for local, _ in fields:
        tag = rb"(?:[\w.-]+:)?" + re.escape(local.encode())
        content = re.sub(rb"<" + tag + rb"(?:\s[^>]*)?/>|<" + tag + rb"(?:\s[^>]*)?>.*?</" + tag + rb"\s*>", b"", content, flags=re.DOTALL)
    return content, [name for _, name in fields]


def _drop_references(parts: dict[str, bytes], dropped: set[str]) -> dict[str, bytes]:
    """Remove the package's relationships and content types for parts no longer in it, so Word opens the copy without repair."""
    if not dropped:
        return parts
    names = "|".join(re.escape(n) for n in dropped)
    relationship = re.compile(rb'<Relationship [^>]*Target="(?:/|(?:\.\./)+)?(?:' + names.encode() + rb')"[^>]*/>')
    override = re.compile(rb'<Override [^>]*PartName="/(?:' + names.encode() + rb')"[^>]*/>')
    for name in list(parts):
        if name.endswith(".rels"):
            parts[name] = relationship.sub(b"", parts[name])
        elif name == "[Content_Types].xml":
            parts[name] = override.sub(b"", parts[name])
    return parts


__all__ = ["WORD_FIX", "Paragraphs", "clean", "diagrams_and_charts", "fix", "inspect", "is_hidden", "read_paragraphs"]
