"""Make Word documents (.docx) for the tests and benchmarks, offline and byte for byte the same on every run.

A ``.docx`` is a zip of XML parts. :class:`WordDocument` writes those parts by
hand, the way Word lays them out, with what the import and the hidden-content
check must handle: headings, bulleted and numbered lists, tables, bold and
italics, footnotes and endnotes, links, pictures with alt text; and the places
Word keeps what the reader does not see: tracked insertions and deletions,
comments, document properties (core, app and custom), headers and footers,
hidden text, text boxes, a photo with GPS in its EXIF, embedded objects and
macros. Every name in them is invented.

    .venv/bin/python tools/make_word_documents.py OUT_FOLDER

writes the example review's Word version, a 40-page report and the planted
leaks set into ``OUT_FOLDER``. The tests import the functions instead.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_REVIEW = ROOT / "reviews/2024-child-ruby.md"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NAMESPACES = (
    f'xmlns:w="{_W}" xmlns:r="{_R}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DATE = "2024-02-01T09:00:00Z"
_ZIP_TIME = (2024, 2, 1, 9, 0, 0)
_EXTERNAL = ' TargetMode="External"'
_HYPERLINK_STYLE = '<w:rStyle w:val="Hyperlink"/>'


# --- inline content: what a paragraph holds ---------------------------------------------------


@dataclass(frozen=True)
class Inline:
    """A piece of a paragraph: text with its formatting, or something Word anchors in the text."""

    kind: str
    text: str = ""
    author: str = ""
    note: str = ""
    url: str = ""


def bold(text: str) -> Inline:
    return Inline("b", text)


def italic(text: str) -> Inline:
    return Inline("i", text)


def inserted(text: str, author: str) -> Inline:
    """Text added with Track Changes on, not yet accepted."""
    return Inline("ins", text, author=author)


def deleted(text: str, author: str) -> Inline:
    """Text deleted with Track Changes on: gone from the page, still in the file."""
    return Inline("del", text, author=author)


def hidden(text: str) -> Inline:
    """Text formatted as hidden (Font, Hidden): not shown or printed, still in the file."""
    return Inline("hidden", text)


def commented(text: str, author: str, note: str) -> Inline:
    """Text with a margin comment on it."""
    return Inline("comment", text, author=author, note=note)


def footnote(note: str) -> Inline:
    return Inline("footnote", note=note)


def endnote(note: str) -> Inline:
    return Inline("endnote", note=note)


def link(text: str, url: str) -> Inline:
    return Inline("link", text, url=url)


Content = str | Inline


# --- the document -------------------------------------------------------------------------------


@dataclass
class WordDocument:
    """A Word document built block by block; :meth:`build` returns the ``.docx`` bytes.

    Properties not set are left out, as a document saved with "Remove personal
    information" would have them.
    """

    core: dict[str, str] = field(default_factory=dict)
    """``docProps/core.xml``: title, subject, creator, keywords, description, lastModifiedBy, category."""
    app: dict[str, str] = field(default_factory=dict)
    """``docProps/app.xml``: Company, Manager."""
    custom: dict[str, str] = field(default_factory=dict)
    """``docProps/custom.xml``: File, Properties, Custom."""
    header: str | None = None
    footer: str | None = None
    macros: bool = False
    """A ``vbaProject.bin`` part, as a macro-enabled document (``.docm``) carries."""
    _body: list[str] = field(default_factory=list)
    _rels: list[tuple[str, str, str, bool]] = field(default_factory=list)
    _media: dict[str, bytes] = field(default_factory=dict)
    _footnotes: list[str] = field(default_factory=list)
    _endnotes: list[str] = field(default_factory=list)
    _comments: list[tuple[str, str]] = field(default_factory=list)
    _lists: int = 0
    _revision: int = 0
    _drawings: int = 0

    # blocks

    def title(self, text: str) -> WordDocument:
        return self._paragraph([text], style="Title")

    def heading(self, level: int, *content: Content) -> WordDocument:
        return self._paragraph(content, style=f"Heading{level}")

    def paragraph(self, *content: Content) -> WordDocument:
        return self._paragraph(content)

    def bullets(self, items: Sequence[Content | Sequence[Content]], *, level: int = 0) -> WordDocument:
        for item in items:
            self._paragraph(_as_list(item), style="ListParagraph", numbering=(1, level))
        return self

    def numbered(self, items: Sequence[Content | Sequence[Content]], *, level: int = 0, restart: bool = True) -> WordDocument:
        """A numbered list; ``restart`` starts it again from 1, as a new list in Word does."""
        if restart or self._lists == 0:
            self._lists += 1
        for item in items:
            self._paragraph(_as_list(item), style="ListParagraph", numbering=(100 + self._lists, level))
        return self

    def table(self, rows: Sequence[Sequence[str]]) -> WordDocument:
        """A table whose first row is its header row."""
        out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>']
        out += ['<w:gridCol w:w="2000"/>' for _ in rows[0]]
        out.append("</w:tblGrid>")
        for number, row in enumerate(rows):
            header = "<w:trPr><w:tblHeader/></w:trPr>" if number == 0 else ""
            cells = "".join(f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{self._p([cell])}</w:tc>' for cell in row)
            out.append(f"<w:tr>{header}{cells}</w:tr>")
        out.append("</w:tbl>")
        self._body.append("".join(out))
        return self

    def textbox(self, text: str) -> WordDocument:
        """A floating text box (VML), whose text sits outside the flow of the document."""
        inner = self._p([text])
        self._body.append(
            '<w:p><w:r><w:pict><v:shape id="TextBox1" type="#_x0000_t202" style="width:200pt;height:60pt">'
            f"<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
        )
        return self

    def picture(self, data: bytes, alt: str, *, extension: str = "jpeg") -> WordDocument:
        """A picture in its own paragraph, with alt text (Word's "Edit Alt Text")."""
        self._drawings += 1
        number = self._drawings
        name = f"media/image{number}.{extension}"
        self._media[name] = data
        rid = self._rel("image", name)
        self._body.append(f"<w:p><w:r>{_drawing(number, rid, alt)}</w:r></w:p>")
        return self

    def embedded_object(self, data: bytes = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504) -> WordDocument:
        """An embedded OLE object (a spreadsheet pasted in, say): a file inside the file."""
        name = "embeddings/oleObject1.bin"
        self._media[name] = data
        rid = self._rel("oleObject", name)
        self._body.append(
            '<w:p><w:r><w:object><v:shape id="Object1" style="width:100pt;height:50pt"/>'
            f'<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="Object1" r:id="{rid}"/></w:object></w:r></w:p>'
        )
        return self

    def page_break(self) -> WordDocument:
        self._body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        return self

    # the package

    def build(self) -> bytes:
        """The ``.docx``, written with fixed dates so that the same document is the same bytes."""
        parts: dict[str, bytes] = {}
        overrides = {
            "/word/document.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "/word/styles.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
            "/word/numbering.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
            "/word/footnotes.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            "/word/endnotes.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
        }
        self._rel("styles", "styles.xml")
        self._rel("numbering", "numbering.xml")
        self._rel("footnotes", "footnotes.xml")
        self._rel("endnotes", "endnotes.xml")
        section = ""
        for kind, text in (("header", self.header), ("footer", self.footer)):
            if text is not None:
                rid = self._rel(kind, f"{kind}1.xml")
                section += f'<w:{kind}Reference w:type="default" r:id="{rid}"/>'
                parts[f"word/{kind}1.xml"] = _xml(
                    f"<w:{'hdr' if kind == 'header' else 'ftr'} {_NAMESPACES}>{self._p([text])}</w:{'hdr' if kind == 'header' else 'ftr'}>"
                )
                overrides[f"/word/{kind}1.xml"] = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"
        if self._comments:
            self._rel("comments", "comments.xml")
            comments = "".join(
                f'<w:comment w:id="{i}" w:author={quoteattr(author)} w:date="{_DATE}" w:initials="{_initials(author)}">'
                f"{self._p([note])}</w:comment>"
                for i, (author, note) in enumerate(self._comments)
            )
            parts["word/comments.xml"] = _xml(f"<w:comments {_NAMESPACES}>{comments}</w:comments>")
            overrides["/word/comments.xml"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
        if self.macros:
            self._rel("vbaProject", "vbaProject.bin", kind_uri="http://schemas.microsoft.com/office/2006/relationships/vbaProject")
            parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
            overrides["/word/document.xml"] = "application/vnd.ms-word.document.macroEnabled.main+xml"
        body = "".join(self._body)
        parts["word/document.xml"] = _xml(
            f"<w:document {_NAMESPACES}><w:body>{body}<w:sectPr>{section}"
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/></w:sectPr>'
            "</w:body></w:document>"
        )
        parts["word/styles.xml"] = _xml(_STYLES)
        parts["word/numbering.xml"] = _xml(_numbering(self._lists))
        parts["word/footnotes.xml"] = _xml(_notes("footnote", self._footnotes, self._p))
        parts["word/endnotes.xml"] = _xml(_notes("endnote", self._endnotes, self._p))
        for name, data in self._media.items():
            parts[f"word/{name}"] = data
        rels = "".join(
            f'<Relationship Id="{rid}" Type="{kind}" Target={quoteattr(target)}{_EXTERNAL if external else ""}/>'
            for rid, kind, target, external in self._rels
        )
        parts["word/_rels/document.xml.rels"] = _xml(
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
        )
        package_rels = [("rId1", f"{_REL}/officeDocument", "word/document.xml")]
        if self.core:
            parts["docProps/core.xml"] = _xml(_core(self.core))
            overrides["/docProps/core.xml"] = "application/vnd.openxmlformats-package.core-properties+xml"
            package_rels.append(
                ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml")
            )
        if self.app:
            parts["docProps/app.xml"] = _xml(_app(self.app))
            overrides["/docProps/app.xml"] = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
            package_rels.append(("rId3", f"{_REL}/extended-properties", "docProps/app.xml"))
        if self.custom:
            parts["docProps/custom.xml"] = _xml(_custom(self.custom))
            overrides["/docProps/custom.xml"] = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
            package_rels.append(("rId4", f"{_REL}/custom-properties", "docProps/custom.xml"))
        parts["_rels/.rels"] = _xml(
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in package_rels)
            + "</Relationships>"
        )
        defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}
        defaults.update({"jpeg": "image/jpeg", "png": "image/png", "bin": "application/vnd.openxmlformats-officedocument.oleObject"})
        types = "".join(f'<Default Extension="{e}" ContentType="{t}"/>' for e, t in defaults.items())
        types += "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in sorted(overrides.items()))
        if self.macros:
            types += '<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        parts["[Content_Types].xml"] = _xml(f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{types}</Types>')
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in [
                "[Content_Types].xml",
                "_rels/.rels",
                *sorted(n for n in parts if n not in ("[Content_Types].xml", "_rels/.rels")),
            ]:
                info = zipfile.ZipInfo(name, _ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, parts[name])
        return out.getvalue()

    # writing paragraphs

    def _rel(self, kind: str, target: str, *, external: bool = False, kind_uri: str | None = None) -> str:
        rid = f"rId{len(self._rels) + 10}"
        self._rels.append((rid, kind_uri or f"{_REL}/{kind}", target, external))
        return rid

    def _paragraph(self, content: Sequence[Content], *, style: str | None = None, numbering: tuple[int, int] | None = None) -> WordDocument:
        self._body.append(self._p(content, style=style, numbering=numbering))
        return self

    def _p(self, content: Sequence[Content], *, style: str | None = None, numbering: tuple[int, int] | None = None) -> str:
        properties = ""
        if style:
            properties += f'<w:pStyle w:val="{style}"/>'
        if numbering:
            num, level = numbering
            properties += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
        runs = "".join(self._inline(piece) for piece in content)
        return f"<w:p>{f'<w:pPr>{properties}</w:pPr>' if properties else ''}{runs}</w:p>"

    def _inline(self, piece: Content) -> str:
        if isinstance(piece, str):
            return _run(piece)
        if piece.kind == "b":
            return _run(piece.text, "<w:b/>")
        if piece.kind == "i":
            return _run(piece.text, "<w:i/>")
        if piece.kind == "hidden":
            return _run(piece.text, "<w:vanish/>")
        if piece.kind in ("ins", "del"):
            self._revision += 1
            run = _run(piece.text, deleted=piece.kind == "del")
            return f'<w:{piece.kind} w:id="{self._revision}" w:author={quoteattr(piece.author)} w:date="{_DATE}">{run}</w:{piece.kind}>'
        if piece.kind == "comment":
            number = len(self._comments)
            self._comments.append((piece.author, piece.note))
            return (
                f'<w:commentRangeStart w:id="{number}"/>{_run(piece.text)}<w:commentRangeEnd w:id="{number}"/>'
                f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{number}"/></w:r>'
            )
        if piece.kind in ("footnote", "endnote"):
            notes = self._footnotes if piece.kind == "footnote" else self._endnotes
            notes.append(piece.note)
            style = "FootnoteReference" if piece.kind == "footnote" else "EndnoteReference"
            return f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr><w:{piece.kind}Reference w:id="{len(notes)}"/></w:r>'
        if piece.kind == "link":
            rid = self._rel("hyperlink", piece.url, external=True)
            return f'<w:hyperlink r:id="{rid}">{_run(piece.text, _HYPERLINK_STYLE)}</w:hyperlink>'
        raise ValueError(piece.kind)


def _as_list(item: Content | Sequence[Content]) -> Sequence[Content]:
    return [item] if isinstance(item, str | Inline) else item


def _run(text: str, properties: str = "", *, deleted: bool = False) -> str:
    tag = "w:delText" if deleted else "w:t"
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r>{rpr}<{tag} xml:space="preserve">{escape(text)}</{tag}></w:r>'


def _drawing(number: int, rid: str, alt: str) -> str:
    size = 'cx="1828800" cy="1219200"'
    return (
        f'<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent {size}/>'
        f'<wp:docPr id="{number}" name="Picture {number}" descr={quoteattr(alt)}/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        f'<pic:nvPicPr><pic:cNvPr id="{number}" name="image{number}.jpeg" descr={quoteattr(alt)}/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext {size}/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
    )


def _initials(author: str) -> str:
    return "".join(word[0] for word in author.split() if word)


def _xml(text: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + text).encode("utf-8")


def _notes(kind: str, notes: list[str], paragraph: object) -> str:
    make = paragraph  # the document's own paragraph writer, so a note may hold formatting like any paragraph
    separators = (
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>'
    )
    body = "".join(
        f'<w:{kind} w:id="{number}">{make([note], style=f"{kind.capitalize()}Text")}</w:{kind}>'  # type: ignore[operator]
        for number, note in enumerate(notes, 1)
    )
    return f"<w:{kind}s {_NAMESPACES}>{separators}{body}</w:{kind}s>"


def _style(style_id: str, name: str, *, kind: str = "paragraph", extra: str = "") -> str:
    return f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>{extra}</w:style>'


_STYLES = (
    f"<w:styles {_NAMESPACES}>"
    + _style("Normal", "Normal")
    + _style("Title", "Title", extra='<w:rPr><w:sz w:val="56"/></w:rPr>')
    + "".join(_style(f"Heading{n}", f"heading {n}", extra=f'<w:pPr><w:outlineLvl w:val="{n - 1}"/></w:pPr>') for n in range(1, 7))
    + _style("ListParagraph", "List Paragraph")
    + _style("FootnoteText", "footnote text")
    + _style("EndnoteText", "endnote text")
    + _style("FootnoteReference", "footnote reference", kind="character", extra='<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>')
    + _style("EndnoteReference", "endnote reference", kind="character", extra='<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>')
    + _style("CommentReference", "annotation reference", kind="character")
    + _style("Hyperlink", "Hyperlink", kind="character", extra='<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>')
    + _style("TableGrid", "Table Grid", kind="table")
    + "</w:styles>"
)


def _numbering(lists: int) -> str:
    def levels(fmt: str) -> str:
        out = []
        for level in range(3):
            text = "•" if fmt == "bullet" else f"%{level + 1}."
            out.append(
                f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                f'<w:pPr><w:ind w:left="{720 * (level + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
            )
        return "".join(out)

    abstract = f'<w:abstractNum w:abstractNumId="0">{levels("bullet")}</w:abstractNum>'
    abstract += f'<w:abstractNum w:abstractNumId="1">{levels("decimal")}</w:abstractNum>'
    nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    nums += "".join(
        f'<w:num w:numId="{100 + n}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        for n in range(1, lists + 1)
    )
    return f"<w:numbering {_NAMESPACES}>{abstract}{nums}</w:numbering>"


def _core(values: dict[str, str]) -> str:
    where = {
        "title": "dc",
        "subject": "dc",
        "creator": "dc",
        "description": "dc",
        "keywords": "cp",
        "lastModifiedBy": "cp",
        "category": "cp",
    }
    fields = "".join(f"<{where[k]}:{k}>{escape(v)}</{where[k]}:{k}>" for k, v in values.items())
    return (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'{fields}<cp:revision>3</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{_DATE}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{_DATE}</dcterms:modified></cp:coreProperties>'
    )


def _app(values: dict[str, str]) -> str:
    fields = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in values.items())
    return (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>Microsoft Office Word</Application><Pages>1</Pages>{fields}</Properties>"
    )


def _custom(values: dict[str, str]) -> str:
    fields = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name={quoteattr(k)}><vt:lpwstr>{escape(v)}</vt:lpwstr></property>'
        for pid, (k, v) in enumerate(values.items(), 2)
    )
    return (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{fields}</Properties>'
    )


# --- the documents the tests and benchmarks use ----------------------------------------------------


def gps_photo() -> bytes:
    """A small JPEG whose EXIF holds a made-up GPS position (a field in the sea off the example coast)."""
    from PIL import ExifTags, Image

    exif = Image.Exif()
    exif[ExifTags.IFD.GPSInfo] = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (4.0, 7.0, 30.0)}
    out = io.BytesIO()
    Image.new("RGB", (24, 16), (40, 90, 160)).save(out, "JPEG", exif=exif)
    return out.getvalue()


PLANTED = {
    "tracked deletion": "Kerry Hollingworth",
    "comment": "Mrs Okonkwo-Baptiste",
    "comment author": "Darren Fitzwilliam",
    "property Author": "Priya Venkataraman",
    "property Last modified by": "Gareth Llewellyn-Price",
    "footer": "Shannon Whitlock",
    "hidden text": "Tyler Brackenbury",
    "alt text": "Jasmine Oyelaran",
}
"""Invented names planted in each hidden part of :func:`leaky_document`, by the part a finding names."""


def leaky_document() -> WordDocument:
    """A short review whose visible text is clean and whose hidden parts each hold an invented name, and a photo with GPS."""
    doc = WordDocument(
        core={
            "title": "Child Q: learning review",
            "creator": PLANTED["property Author"],
            "lastModifiedBy": PLANTED["property Last modified by"],
        },
        app={"Company": "Kestrel Vale Safeguarding Children Partnership"},
        footer=f"Draft prepared by {PLANTED['footer']} for the panel",
    )
    doc.title("Child Q: learning review")
    doc.heading(1, "Summary")
    doc.paragraph(
        "Child Q was four when the review began. ",
        deleted(f"The social worker, {PLANTED['tracked deletion']}, visited.", "Reviewer"),
        inserted(" The social worker visited weekly.", "Reviewer"),
    )
    doc.paragraph(
        commented("The family moved twice in a year.", PLANTED["comment author"], f"Spoke to {PLANTED['comment']} at the school gate")
    )
    doc.paragraph("Professionals saw the family often.", hidden(f" Notes from {PLANTED['hidden text']} about the visit."))
    doc.picture(gps_photo(), f"Drawing by {PLANTED['alt text']} of her family")
    doc.heading(1, "Learning")
    doc.paragraph("Practitioners should ask who lives in the home.")
    return doc


def example_review_document(review: Path = EXAMPLE_REVIEW) -> WordDocument:
    """The example review (``reviews/2024-child-ruby.md``) as its reviewer might have sent it in Word.

    Its sections become headings (the title in the Title style, ``##`` as
    Heading 1, ``###`` as Heading 2), its bullets a bulleted list, its bold
    lead-ins bold, and its recommendations a numbered list under
    "Recommendations", the way reports set them out. No hidden content.
    """
    import yaml

    text = review.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    doc = WordDocument(core={"title": meta["title"]})
    doc.title(meta["title"])
    doc.paragraph(f"A {meta['model'].lower()} review, published by Kestrel Vale Safeguarding Children Partnership.")
    bullets: list[list[Content]] = []
    section = ""
    for line in body.splitlines():
        if line.startswith("- "):
            bullets.append(_markdown_inline(line[2:]))
            continue
        if bullets:
            doc.bullets(bullets)
            bullets = []
        if line.startswith("## "):
            section = line[3:]
            doc.heading(1, section)
            if section == "Recommendations":
                # Reports number their recommendations; the Markdown keeps them in the front matter instead.
                doc.paragraph(f"The review makes {len(meta['recommendations'])} recommendations.")
                doc.numbered([r["text"] for r in meta["recommendations"]])
        elif line.startswith("### "):
            doc.heading(2, line[4:])
        elif line.strip() and section != "Recommendations":
            doc.paragraph(*_markdown_inline(line))
    if bullets:
        doc.bullets(bullets)
    return doc


def _markdown_inline(text: str) -> list[Content]:
    pieces: list[Content] = []
    for part in re.split(r"(\*\*[^*]+\*\*)", text):
        if part.startswith("**") and part.endswith("**"):
            pieces.append(bold(part[2:-2]))
        elif part:
            pieces.append(part)
    return pieces


STRUCTURE_SECTIONS = 3


def structured_document(sections: int = STRUCTURE_SECTIONS) -> WordDocument:
    """A report with every structure the import keeps, ``sections`` times over: the round trip test's document.

    Each section has a heading at three levels, paragraphs with bold, italics,
    a link, a footnote and an endnote, a bulleted list with a nested item, a
    numbered list, and a table of three columns.
    """
    doc = WordDocument()
    doc.title("Thematic review of neglect in families with young children")
    for n in range(1, sections + 1):
        doc.heading(1, f"Part {n}: what the review looked at")
        doc.paragraph(
            "The review read the records of ",
            bold(f"{n + 11} families"),
            " and heard from practitioners in ",
            italic("every agency"),
            ".",
            footnote(f"Records were read for the period 2021 to 2023 (part {n})."),
            " The national guidance is ",
            link("Working Together to Safeguard Children", "https://www.example.org/working-together"),
            ".",
            endnote(f"Working Together to Safeguard Children, 2023 (note {n})."),
        )
        doc.heading(2, f"What practitioners told us ({n})")
        doc.bullets(["Caseloads were high.", "Supervision was irregular."])
        doc.bullets(["Some teams had no regular reflective supervision."], level=1)
        doc.bullets(["Information was shared late."])
        doc.heading(3, f"Neglect over time ({n})")
        doc.numbered(["Chronologies were not kept.", "Referrals were closed without a visit.", "Nobody asked about the adults."])
        doc.table(
            [
                ["Agency", "Records read", "Learning"],
                ["Health", str(10 + n), "Ask about every adult"],
                ["Police", str(5 + n), "Share domestic abuse notifications"],
            ]
        )
    return doc


def report_document(pages: int = 40) -> WordDocument:
    """A report of realistic structure and length: about 400 words a page, in sections of headings, text, lists and tables."""
    doc = WordDocument(core={"title": "Thematic review: neglect in families with young children"})
    doc.title("Thematic review: neglect in families with young children")
    sentence = (
        "Practitioners described families whose circumstances changed quickly, and records that did not always show "
        "who lived in the home or who cared for the children. "
    )
    for page in range(1, pages + 1):
        doc.heading(1 if page % 4 == 1 else 2, f"Section {page}: what the records show")
        for paragraph in range(3):
            doc.paragraph(sentence * 4, bold("Learning: "), italic("ask, record and share."), footnote(f"Source {page}.{paragraph}."))
        doc.bullets([f"Finding {page}.{i}: supervision helped practitioners reflect." for i in range(1, 5)])
        doc.numbered([f"Action {page}.{i}: the agency reviews its guidance." for i in range(1, 4)])
        if page % 2 == 0:
            doc.table(
                [["Agency", "Contacts", "Learning"], *[[f"Agency {i}", str(i * page), "Share information early"] for i in range(1, 6)]]
            )
    doc.heading(1, "Recommendations")
    doc.numbered([f"The partnership makes sure that practice changes in area {i}." for i in range(1, 8)])
    return doc


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else Path(".")
    out.mkdir(parents=True, exist_ok=True)
    for name, doc in (
        ("2024-child-ruby-report.docx", example_review_document()),
        ("report-40-pages.docx", report_document()),
        ("structure.docx", structured_document()),
        ("leaks.docx", leaky_document()),
    ):
        data = doc.build()
        (out / name).write_bytes(data)
        print(f"wrote {out / name} ({len(data):,} bytes)")


if __name__ == "__main__":
    main(sys.argv)
