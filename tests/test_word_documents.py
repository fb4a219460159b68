"""Word documents as attachments: every planted hidden leak found and named by its part; files the check cannot read; clean-metadata.

Every Word document here is written by ``tools/make_word_documents.py``, with invented names and a made-up GPS position.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from tools.make_word_documents import PLANTED, WordDocument, commented, deleted, gps_photo, hidden, leaky_document

from learning_library.attachments import docx, wordpackage

from .conftest import CheckJson, Invoke, document, mkdocs_build, photo

REPORT = "reviews/files/2023-child-b-report.docx"


def review_with(**extra: str) -> str:
    return document("Child B: review", "lcspr", "2023-05-01", "[neglect]", body="Child B's review.\n", **extra)


def library_with_report(make_library: Callable[..., Path], data: bytes, **extra: str) -> Path:
    root = make_library({"reviews/2023-child-b.md": review_with(report=REPORT, **extra)})
    (root / REPORT).parent.mkdir(parents=True, exist_ok=True)
    (root / REPORT).write_bytes(data)
    return root


def plain_document(*paragraphs: str, **properties: str) -> WordDocument:
    doc = WordDocument(core=dict(properties))
    doc.heading(1, "Summary")
    for text in paragraphs:
        doc.paragraph(text)
    return doc


# --- reading: each part named ------------------------------------------------------------------


def test_the_inspection_names_every_hidden_part_of_the_planted_document() -> None:
    found = docx.inspect(leaky_document().build())
    by_field = {u.field: u.text for u in found.units}
    assert PLANTED["tracked deletion"] in by_field["Tracked deletion"]
    assert PLANTED["comment"] in by_field["Comment 1"] and by_field["Comment 1, author"] == PLANTED["comment author"]
    assert by_field["Property Author"] == PLANTED["property Author"]
    assert by_field["Property Last modified by"] == PLANTED["property Last modified by"]
    assert PLANTED["footer"] in by_field["Footer"] and PLANTED["hidden text"] in by_field["Hidden text"]
    assert PLANTED["alt text"] in by_field["Alt text, picture 1"]
    # What Word hides is not in what it shows.
    assert PLANTED["hidden text"] not in by_field["Text"] and PLANTED["tracked deletion"] not in by_field["Text"]
    assert "The social worker visited weekly." in by_field["Text"]  # a tracked insertion is shown
    assert {(p.rule, p.field) for p in found.problems} == {
        ("attachments/tracked-changes", "Tracked changes"),
        ("attachments/comments", "Comments"),
        ("attachments/hidden-text", "Hidden text"),
        ("attachments/gps", "Embedded picture image1.jpeg, EXIF GPS"),
    }


def test_a_text_box_and_a_header_are_read_as_their_own_parts() -> None:
    doc = WordDocument(header="Prepared for the panel")
    doc.paragraph("The body.")
    doc.textbox("A quote from the family")
    found = {u.field: u.text for u in docx.inspect(doc.build()).units}
    assert found == {"Text": "The body.", "Text box": "A quote from the family", "Header": "Prepared for the panel"}


def test_the_same_document_is_the_same_bytes() -> None:
    assert leaky_document().build() == leaky_document().build()


CANNOT_READ = [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "attachments/encrypted", "protected by a password"),
    (b"PK\x03\x04 not really a zip", "attachments/unreadable", "is damaged"),
    (lambda: WordDocument(macros=True).paragraph("Text.").build(), "attachments/unsupported", "Macros: the document carries macros"),
    (lambda: WordDocument().paragraph("Text.").embedded_object().build(), "attachments/unsupported", "Embedded file oleObject1.bin"),
]


@pytest.mark.parametrize(("make", "rule", "message"), CANNOT_READ)
def test_a_word_document_the_check_cannot_read_fails_closed(make: bytes | Callable[[], bytes], rule: str, message: str) -> None:
    data = make() if callable(make) else make
    (problem,) = docx.inspect(data).problems
    assert problem.rule == rule and message in problem.message and problem.waivable
    assert "checked_by_hand" in problem.message


def zip_of(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, added in parts.items():
            archive.writestr(name, added)
    return out.getvalue()


RELS = (
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="word/document.xml"/></Relationships>'
)


def test_a_zip_bomb_is_not_unpacked() -> None:
    data = zip_of({"_rels/.rels": RELS, "word/document.xml": b"<a>" + b" " * (80 * 1024 * 1024) + b"</a>"})
    (problem,) = docx.inspect(data).problems
    assert problem.rule == "attachments/unreadable" and "zip bomb" in problem.message


def test_xml_that_declares_entities_is_refused_not_expanded() -> None:
    laughs = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><d>&b;</d>'
    (problem,) = docx.inspect(zip_of({"_rels/.rels": RELS, "word/document.xml": laughs})).problems
    assert problem.rule == "attachments/unreadable" and "declares XML entities" in problem.message


def test_the_package_limits_are_those_documented() -> None:
    assert wordpackage.MAX_PART_BYTES < wordpackage.MAX_TOTAL_BYTES <= 256 * 1024 * 1024


# --- the check over a library: each planted leak blocks, naming the file and the part ---------------

LEAKS = [
    ("Tracked deletion", PLANTED["tracked deletion"]),
    ("Comment 1", PLANTED["comment"]),
    ("Comment 1, author", PLANTED["comment author"]),
    ("Property Author", PLANTED["property Author"]),
    ("Property Last modified by", PLANTED["property Last modified by"]),
    ("Footer", PLANTED["footer"]),
    ("Hidden text", PLANTED["hidden text"]),
    ("Alt text, picture 1", PLANTED["alt text"]),
]


@pytest.mark.model
def test_every_planted_word_leak_blocks_naming_the_file_and_the_part(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    root = library_with_report(make_library, leaky_document().build())
    code, data = check_json(root)
    assert code == 1
    found = {(f["field"], f.get("text")) for f in data["findings"] if f["path"] == REPORT and f["rule"] == "anonymisation/PERSON"}
    for part, name in LEAKS:
        assert any(field == part and name in (text or "") for field, text in found), (part, sorted(found))
    rules = {(f["rule"], f.get("field"), f["severity"]) for f in data["findings"] if f["path"] == REPORT}
    assert ("attachments/gps", "Embedded picture image1.jpeg, EXIF GPS", "error") in rules
    assert ("attachments/tracked-changes", "Tracked changes", "error") in rules
    assert ("attachments/comments", "Comments", "error") in rules
    messages = [f["message"] for f in data["findings"] if f["path"] == REPORT]
    assert any(m.startswith("GPS in embedded picture image1.jpeg:") for m in messages)
    assert any(m.startswith("Tracked deletion: Possible person's name") and "Review" in m for m in messages)


@pytest.mark.model
@pytest.mark.parametrize(("part", "name"), LEAKS)
def test_each_leak_on_its_own_makes_check_exit_1(part: str, name: str, make_library: Callable[..., Path], invoke: Invoke) -> None:
    doc = plain_document("Child B was four when the review began.")
    if part == "Tracked deletion":
        doc.paragraph("The visit was made. ", deleted(f"The worker was {name}.", "Reviewer"))
    elif part.startswith("Comment"):
        doc.paragraph(commented("The family moved.", name if part.endswith("author") else "Reviewer", f"Ask {name} about this"))
    elif part.startswith("Property"):
        doc.core = {"creator" if part == "Property Author" else "lastModifiedBy": name}
    elif part == "Footer":
        doc.footer = f"Prepared by {name}"
    elif part == "Hidden text":
        doc.paragraph("Seen at home.", hidden(f" Notes from {name}."))
    else:
        doc.picture(photo(gps=False), f"Drawing by {name} of her family")
    root = library_with_report(make_library, doc.build())
    result = invoke(root, "check", "--hide-text")
    assert result.exit_code == 1, result.stdout
    assert f"{REPORT}:" in result.stdout and f"anonymisation/PERSON: {part}: Possible person's name" in result.stdout
    assert name not in result.stdout  # --hide-text, as in CI: the part is named, the name is not repeated


@pytest.mark.model
def test_a_clean_word_report_is_checked_and_published_like_a_pdf(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    root = library_with_report(make_library, plain_document("Child B was four when the review began.").build())
    code, data = check_json(root)
    assert code == 0, data["findings"]


@pytest.mark.model
def test_pseudonyms_of_the_review_apply_to_its_word_report(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    data = plain_document("Kayleigh was four when the review began.").build()
    code, found = check_json(library_with_report(make_library, data))
    assert code == 1
    root = library_with_report(make_library, data, pseudonyms="[Kayleigh]")
    code, found = check_json(root)
    assert code == 0, found["findings"]


@pytest.mark.model
def test_checked_by_hand_lets_a_password_protected_word_document_through(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    locked = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    code, data = check_json(library_with_report(make_library, locked))
    assert code == 1 and [f["rule"] for f in data["findings"]] == ["attachments/encrypted"]
    declared = f'[{{file: {REPORT}, reason: "read in full by the business manager"}}]'
    code, data = check_json(library_with_report(make_library, locked, checked_by_hand=declared))
    assert code == 0, data["findings"]


@pytest.mark.model
def test_an_old_doc_or_odt_attachment_is_unsupported_and_says_to_save_as_docx(
    make_library: Callable[..., Path], check_json: CheckJson
) -> None:
    root = make_library({"reviews/2023-child-b.md": review_with(report="reviews/files/2023-child-b-report.odt")})
    (root / "reviews/files").mkdir(parents=True, exist_ok=True)
    (root / "reviews/files/2023-child-b-report.odt").write_bytes(b"PK\x03\x04odt")
    code, data = check_json(root)
    (finding,) = [f for f in data["findings"] if f["rule"] == "attachments/unsupported"]
    assert code == 1 and "save it in Word as a .docx" in finding["message"]


@pytest.mark.model
def test_a_first_name_in_an_attachments_file_name_blocks(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    name = "reviews/files/2024-kayleigh-report.docx"
    root = make_library({"reviews/2023-child-b.md": review_with(report=name)})
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_bytes(plain_document("Child B was four.").build())
    code, data = check_json(root)
    (finding,) = [f for f in data["findings"] if f.get("field") == "File name"]
    assert code == 1 and finding["path"] == name and finding["text"] == "Kayleigh" and finding["rule"] == "anonymisation/PERSON"
    assert "rename the file" in finding["message"]


# --- clean-metadata ----------------------------------------------------------------------------------


def test_clean_metadata_empties_the_properties_and_cleans_the_pictures(tmp_path: Path, invoke: Invoke) -> None:
    doc = plain_document("Child B was four.", creator=PLANTED["property Author"], lastModifiedBy=PLANTED["property Last modified by"])
    doc.app = {"Company": "Kestrel Vale", "Manager": "Invented Manager"}
    doc.custom = {"Case worker": "Invented Worker"}
    doc.picture(gps_photo(), "The ABC of safer sleep")
    path = tmp_path / "report.docx"
    path.write_bytes(doc.build())
    result = invoke(tmp_path, "clean-metadata", "--in-place", "report.docx")
    assert result.exit_code == 0, result.stderr
    assert "document properties (Author, Last modified by)" in result.stdout and "custom properties" in result.stdout
    left = docx.inspect(path.read_bytes())
    assert [u.field for u in left.units] == ["Text", "Alt text, picture 1"] and left.problems == []
    with zipfile.ZipFile(path) as archive:
        assert "docProps/custom.xml" not in archive.namelist()
        assert b"custom.xml" not in archive.read("[Content_Types].xml") + archive.read("_rels/.rels")


def test_clean_metadata_refuses_comments_and_tracked_changes(tmp_path: Path, invoke: Invoke) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(leaky_document().build())
    before = path.read_bytes()
    result = invoke(tmp_path, "clean-metadata", "--in-place", "report.docx")
    assert result.exit_code == 2
    assert "Tracked changes" in result.stderr and "Comments" in result.stderr and "A person must decide" in result.stderr
    assert path.read_bytes() == before


@pytest.mark.build
def test_a_word_report_is_published_with_the_review(make_library: Callable[..., Path]) -> None:
    root = library_with_report(make_library, plain_document("Child B was four when the review began.").build())
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert (root / "site" / REPORT).read_bytes() == (root / REPORT).read_bytes()
    page = (root / "site/reviews/2023-child-b/index.html").read_text()
    assert "Read the full report (Word document)" in page


# --- every other part of the package -----------------------------------------------------------

NAME = "Kerry Clarke"  # invented
ENCODED = "H4sIAAAAAAAEAKtWckksSQxILCpxzi/NK1GyMjaysDAwtzAzN7E0MDQ3NTNW0lEKTi0uzszPAykwqgUAQ5yZUCwAAAA="
"""What an add-in keeps in a document variable (made up here): encoded data, not anyone's words."""
_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"
_RELATIONSHIP_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def with_parts(data: bytes, parts: Mapping[str, str | bytes], *, body: str = "") -> bytes:
    """The document with parts added or replaced, and ``body`` (WordprocessingML paragraphs) put before its own text."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as archive:
        for name in source.namelist():
            if name not in parts:
                content = source.read(name)
                if name == "word/document.xml" and body:
                    content = content.replace(b"<w:body>", b"<w:body>" + body.encode(), 1)
                archive.writestr(name, content)
        for name, added in parts.items():
            archive.writestr(name, added)
    return out.getvalue()


def relationships(*entries: tuple[str, str, str]) -> str:
    """A ``.rels`` part: (id, type's last word, external target)."""
    rows = "".join(
        f'<Relationship Id="{rid}" Type="{_RELATIONSHIP_TYPES}/{kind}" Target="{target}" TargetMode="External"/>'
        for rid, kind, target in entries
    )
    return f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rows}</Relationships>'


def drawing_text(root: str, *lines: str) -> str:
    paragraphs = "".join(f"<a:p><a:r><a:t>{line}</a:t></a:r></a:p>" for line in lines)
    return f'<{root} xmlns:a="{_DRAWING}" xmlns:x="urn:example">{paragraphs}</{root}>'


def field(code: str, result: str) -> str:
    runs = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{result}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    return f"<w:p>{runs}</w:p>"


def units_of(data: bytes) -> dict[str, str]:
    return {u.field or "": u.text for u in docx.inspect(data).units}


def test_smartart_is_read_once_though_word_keeps_its_text_twice() -> None:
    """A genogram is often SmartArt: its boxes' text is in the diagram's data and again in the drawing Word made of it."""
    data = with_parts(
        plain_document("Child B was four.").build(),
        {
            "word/diagrams/data1.xml": drawing_text("x:dataModel", "Mother", NAME),
            "word/diagrams/drawing1.xml": drawing_text("x:drawing", "Mother", NAME),
            "word/diagrams/layout1.xml": drawing_text("x:layoutDef", "Basic Block List"),  # how it is laid out: no text of the author's
        },
    )
    assert units_of(data)["SmartArt 1"] == f"Mother\n{NAME}"
    assert not any(u.field and "layout" in u.field for u in docx.inspect(data).units)


def test_a_charts_titles_and_labels_are_read() -> None:
    chart = (
        f'<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="{_DRAWING}">'
        "<c:title><c:tx><c:rich><a:p><a:r><a:t>Contacts by month</a:t></a:r></a:p></c:rich></c:tx></c:title>"
        f"<c:cat><c:strRef><c:f>Sheet1!$A$2</c:f><c:strCache><c:pt><c:v>{NAME}</c:v></c:pt></c:strCache></c:strRef></c:cat>"
        "</c:chartSpace>"
    )
    assert (
        units_of(with_parts(plain_document("Text.").build(), {"word/charts/chart1.xml": chart}))["Chart 1"] == f"Contacts by month\n{NAME}"
    )


def test_field_codes_give_their_typed_text_and_nothing_of_a_table_of_contents() -> None:
    body = field(' HYPERLINK "mailto:kerry.clarke@example.org" ', "email the author") + field(" PAGEREF _Toc12345 \\h ", "3")
    body += field(' AUTHOR "Kerry Clarke" \\* MERGEFORMAT ', "the author") + field(' TOC \\o "1-3" \\h \\z \\u ', "Contents")
    body += field(
        ' HYPERLINK "https://kestrel-vale.sharepoint.com/Doc.aspx?sourcedoc=%7B4F2C1A3B-9D8E-4C7B-A6F5-1E2D3C4B5A69%7D" ', "the plan"
    )
    found = units_of(with_parts(plain_document("Text.").build(), {}, body=body))
    # an email link as a reader sees it, a name typed into a field, and a link without the id SharePoint put in it
    assert found["Field code"] == f"kerry.clarke@example.org\n{NAME}\nhttps://kestrel-vale.sharepoint.com/Doc.aspx?sourcedoc="
    assert "_Toc12345" not in found["Text"] and "email the author" in found["Text"]


def test_link_addresses_a_templates_path_and_document_variables_are_read_and_cleaned(tmp_path: Path, invoke: Invoke) -> None:
    settings = (
        f'<w:settings xmlns:w="{_MAIN}" xmlns:r="{_RELATIONSHIP_TYPES}"><w:attachedTemplate r:id="rId1"/>'
        f'<w:docVars><w:docVar w:name="Client" w:val="{NAME}"/><w:docVar w:name="__Grammarly_42___1" w:val="{ENCODED}"/></w:docVars>'
        '<w:zoom w:percent="100"/></w:settings>'
    )
    template = "file:///C:\\Users\\kerry.clarke\\AppData\\Roaming\\Microsoft\\Templates\\Report.dotx"
    original = plain_document("Text.").build()
    with zipfile.ZipFile(io.BytesIO(original)) as archive:
        document_rels = archive.read("word/_rels/document.xml.rels").decode()
    link = f'<Relationship Id="rId99" Type="{_RELATIONSHIP_TYPES}/hyperlink" Target="https://www.facebook.com/kerry.clarke.5" TargetMode="External"/>'
    data = with_parts(
        original,
        {
            "word/settings.xml": settings,
            "word/_rels/settings.xml.rels": relationships(("rId1", "attachedTemplate", template)),
            "word/_rels/document.xml.rels": document_rels.replace("</Relationships>", link + "</Relationships>"),
        },
    )
    found = docx.inspect(data)
    by_field = {u.field: (u.text, u.person) for u in found.units}
    assert by_field["Link address 1"] == ("https://www.facebook.com/kerry.clarke.5", False)
    assert by_field["Template"][0] == template and by_field["Template, a name in the address"] == (NAME, True)
    assert by_field["Document variable Client"] == (NAME, False) and "Document variable __Grammarly_42___1" not in by_field

    path = tmp_path / "report.docx"
    path.write_bytes(data)
    result = invoke(tmp_path, "clean-metadata", "--in-place", "report.docx")
    assert result.exit_code == 0, result.stderr
    assert "document variables" in result.stdout and "the template's path" in result.stdout
    left = {u.field for u in docx.inspect(path.read_bytes()).units}
    assert left == {"Text", "Link address 1"}  # a link the reader follows stays: only a person can decide on it
    with zipfile.ZipFile(path) as archive:
        assert b"zoom" in archive.read("word/settings.xml") and b"attachedTemplate" not in archive.read("word/_rels/settings.xml.rels")


def test_data_stored_with_the_document_and_a_part_word_may_add_later_are_read_as_text() -> None:
    sharepoint = f"<p:properties xmlns:p='urn:example'><Owner><DisplayName>{NAME}</DisplayName></Owner></p:properties>"
    found = units_of(
        with_parts(
            plain_document("Text.").build(),
            {"customXml/item1.xml": sharepoint, "word/futurePart.xml": f"<f:notes xmlns:f='urn:example'><f:n>{NAME}</f:n></f:notes>"},
        )
    )
    assert found["Custom XML 1"] == NAME and found["Part word/futurePart.xml"] == NAME


def test_parts_without_an_authors_text_are_not_read() -> None:
    theme = f'<a:theme xmlns:a="{_DRAWING}" name="Office Theme"><a:fontScheme name="Office"/></a:theme>'
    fonts = f'<w:fonts xmlns:w="{_MAIN}"><w:font w:name="Calibri Light"/></w:fonts>'
    found = docx.inspect(with_parts(plain_document("Text.").build(), {"word/theme/theme1.xml": theme, "word/fontTable.xml": fonts}))
    assert [u.field for u in found.units] == ["Text"] and found.problems == []


@pytest.mark.parametrize(
    ("name", "field_name"),
    [("word/unknown/blob.bin", "Part word/unknown/blob.bin"), ("word/ink/ink1.xml", "Ink (handwriting drawn on the document)")],
)
def test_a_part_the_check_cannot_read_fails_closed(name: str, field_name: str) -> None:
    found = docx.inspect(with_parts(plain_document("Text.").build(), {name: b"<ink/>"}))
    assert [(p.rule, p.field) for p in found.problems] == [("attachments/unsupported", field_name)]
    assert "checked_by_hand" in found.problems[0].message


def test_a_thumbnail_is_a_warning_that_clean_metadata_removes(tmp_path: Path, invoke: Invoke) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(with_parts(plain_document("Text.").build(), {"docProps/thumbnail.jpeg": photo()}))
    (problem,) = docx.inspect(path.read_bytes()).problems
    assert (problem.rule, problem.field, problem.severity.value) == ("attachments/metadata", "Thumbnail", "warning")
    assert invoke(tmp_path, "clean-metadata", "--in-place", "report.docx").exit_code == 0
    assert docx.inspect(path.read_bytes()).problems == []


@pytest.mark.model
def test_a_name_in_smartart_blocks_the_review(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    data = with_parts(
        plain_document("Child B was four.").build(), {"word/diagrams/data1.xml": drawing_text("x:dataModel", f"{NAME}, mother")}
    )
    code, result = check_json(library_with_report(make_library, data))
    found = [(f["field"], f["text"]) for f in result["findings"] if f["rule"] == "anonymisation/PERSON"]
    assert code == 1 and ("SmartArt 1", NAME) in found


def test_the_people_word_lists_are_read_with_their_accounts_and_cleaned(tmp_path: Path, invoke: Invoke) -> None:
    w15 = "http://schemas.microsoft.com/office/word/2012/wordml"
    people = (
        f'<w15:people xmlns:w15="{w15}"><w15:person w15:author="{NAME}">'
        '<w15:presenceInfo w15:providerId="AD" w15:userId="S::kerry.clarke@example.org::4f2c"/></w15:person></w15:people>'
    )
    path = tmp_path / "report.docx"
    path.write_bytes(with_parts(plain_document("Text.").build(), {"word/people.xml": people}))
    found = {u.field: (u.text, u.person) for u in docx.inspect(path.read_bytes()).units}
    assert found["Comment people"] == (NAME, True) and found["Comment people, accounts"] == ("S::kerry.clarke@example.org::4f2c", False)
    assert invoke(tmp_path, "clean-metadata", "--in-place", "report.docx").exit_code == 0
    assert [u.field for u in docx.inspect(path.read_bytes()).units] == ["Text"]


SHAREPOINT_COLUMNS = (
    '<p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties" '
    'xmlns:pc="http://schemas.microsoft.com/office/infopath/2007/PartnerControls"><documentManagement>'
    '<_dlc_DocId xmlns="urn:list">KVSCP-1803941572-2417</_dlc_DocId>'
    '<_dlc_DocIdUrl xmlns="urn:list"><Url>https://kestrel-vale.example/sites/lscp/DocIdRedir.aspx?ID=KVSCP-1803941572-2417</Url>'
    "<Description>KVSCP-1803941572-2417</Description></_dlc_DocIdUrl>"
    '<lcf76f155ced4ddcb4097134ff3c332f xmlns="urn:list"><Terms xmlns="http://schemas.microsoft.com/office/infopath/2007/PartnerControls">'
    "</Terms></lcf76f155ced4ddcb4097134ff3c332f>{columns}</documentManagement></p:properties>"
)


def test_sharepoints_own_columns_are_not_read_but_what_people_typed_is() -> None:
    """Every report downloaded from a SharePoint library carries its document id, which reads as a case number."""
    columns = (
        f'<DocumentOwner xmlns="urn:list"><UserInfo><pc:DisplayName>{NAME}</pc:DisplayName><pc:AccountId>12</pc:AccountId>'
        '</UserInfo></DocumentOwner><Notes xmlns="urn:list">Agreed at the panel in March.</Notes>'
    )
    found = {
        u.field: (u.text, u.person)
        for u in docx.inspect(
            with_parts(plain_document("Text.").build(), {"customXml/item1.xml": SHAREPOINT_COLUMNS.format(columns=columns)})
        ).units
    }
    assert found["Custom XML 1"] == ("Agreed at the panel in March.", False)
    assert found["Custom XML 1, people"] == (NAME, True)


@pytest.mark.model
def test_a_report_from_a_sharepoint_library_checks_clean(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    data = with_parts(plain_document("Child B was four.").build(), {"customXml/item1.xml": SHAREPOINT_COLUMNS.format(columns="")})
    code, result = check_json(library_with_report(make_library, data))
    assert code == 0, result["findings"]


def test_clean_metadata_removes_the_data_stored_with_the_document(tmp_path: Path, invoke: Invoke) -> None:
    original = plain_document("Text.").build()
    with zipfile.ZipFile(io.BytesIO(original)) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
    stored = f'<Relationship Id="rId90" Type="{_RELATIONSHIP_TYPES}/customXml" Target="../customXml/item1.xml"/>'
    path = tmp_path / "report.docx"
    columns = f'<Notes xmlns="urn:list">Sent to {NAME}.</Notes>'
    path.write_bytes(
        with_parts(
            original,
            {
                "customXml/item1.xml": SHAREPOINT_COLUMNS.format(columns=columns),
                "customXml/itemProps1.xml": "<ds:datastoreItem xmlns:ds='urn:ds'/>",
                "word/_rels/document.xml.rels": rels.replace("</Relationships>", stored + "</Relationships>"),
            },
        )
    )
    result = invoke(tmp_path, "clean-metadata", "--in-place", "report.docx")
    assert result.exit_code == 0, result.stderr
    assert "data stored with the document (customXml/item1.xml)" in result.stdout
    assert [u.field for u in docx.inspect(path.read_bytes()).units] == ["Text"]
    with zipfile.ZipFile(path) as archive:
        assert not [n for n in archive.namelist() if n.startswith("customXml/")]
        assert b"customXml" not in archive.read("word/_rels/document.xml.rels")


SERVICE_LINKS = [
    "https://kestrel-vale.sharepoint.com/:w:/r/sites/LSCP/_layouts/15/Doc.aspx?sourcedoc=%7B4F2C1A3B-9D8E-4C7B-A6F5-1E2D3C4B5A69%7D&file=Child%20B%20report.docx",
    "https://teams.microsoft.com/l/message/19:4f2c1a3b9d8e4c7ba6f51e2d3c4b5a69@thread.tacv2/1700000000000?tenantId=1b2c3d4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e",
    "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
]


def test_a_links_address_is_read_without_the_ids_services_put_in_it() -> None:
    from learning_library.attachments.inspection import link_units

    sharepoint, teams, gov = (link_units(link, "Link address 1") for link in SERVICE_LINKS)
    assert [u.text for u in sharepoint] == [
        "https://kestrel-vale.sharepoint.com/:w:/r/sites/LSCP/_layouts/15/Doc.aspx?sourcedoc= &file=Child B report.docx"
    ]
    assert "thread" not in teams[0].text and "1b2c3d4e" not in teams[0].text and len(teams) == 1
    assert [u.text for u in gov] == [SERVICE_LINKS[2]]
    onedrive = link_units(
        "https://kestrel-vale-my.sharepoint.com/personal/kerry_clarke_kestrel_vale_gov_uk/Documents/draft.docx", "Link address 2"
    )
    assert (onedrive[1].text, onedrive[1].field, onedrive[1].person) == (NAME, "Link address 2, a name in the address", True)


@pytest.mark.model
def test_links_to_sharepoint_teams_and_gov_uk_raise_nothing(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    original = plain_document("Child B was four.").build()
    with zipfile.ZipFile(io.BytesIO(original)) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
    links = "".join(
        f'<Relationship Id="rIdL{n}" Type="{_RELATIONSHIP_TYPES}/hyperlink" Target="{link.replace("&", "&amp;")}" TargetMode="External"/>'
        for n, link in enumerate(SERVICE_LINKS)
    )
    data = with_parts(original, {"word/_rels/document.xml.rels": rels.replace("</Relationships>", links + "</Relationships>")})
    code, result = check_json(library_with_report(make_library, data))
    assert code == 0, result["findings"]


SOURCES = (
    '<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" '
    'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle="APA" StyleName="APA">'
    "<b:Source><b:Tag>Bra20</b:Tag><b:SourceType>Report</b:SourceType><b:Guid>{8C3A1F2E-4B5D-4E6F-9A7B-1C2D3E4F5A6B}</b:Guid>"
    "<b:Author><b:Author><b:NameList><b:Person><b:Last>Brandon</b:Last><b:First>Marian</b:First></b:Person>"
    "<b:Person><b:Last>Sidebotham</b:Last><b:First>Peter</b:First></b:Person></b:NameList></b:Author></b:Author>"
    "<b:Title>Complexity and challenge</b:Title><b:Year>2020</b:Year><b:Publisher>Department for Education</b:Publisher></b:Source>"
    "<b:Source><b:Tag>Pan21</b:Tag><b:Author><b:Author><b:Corporate>Child Safeguarding Practice Review Panel</b:Corporate>"
    "</b:Author></b:Author><b:Title>The myth of invisible men</b:Title><b:Year>2021</b:Year></b:Source></b:Sources>"
)
"""Word's list of sources (References, Manage Sources), with two real published works cited as any review cites them."""


def test_words_list_of_sources_is_read_as_a_reference_list() -> None:
    found = units_of(with_parts(plain_document("Text.").build(), {"customXml/item1.xml": SOURCES}))
    assert found["Custom XML 1"] == (
        "Brandon, M. and Sidebotham, P. (2020) Complexity and challenge. Department for Education.\n"
        "Child Safeguarding Practice Review Panel (2021) The myth of invisible men."
    )


@pytest.mark.model
def test_a_report_citing_its_sources_with_word_checks_clean(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    data = with_parts(plain_document("Child B was four.").build(), {"customXml/item1.xml": SOURCES})
    code, result = check_json(library_with_report(make_library, data))
    assert code == 0 and result["findings"] == []


_SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def chart_workbook(*labels: str, author: str = "", extra: Mapping[str, bytes] | None = None) -> bytes:
    """The workbook Word embeds to hold a chart's data: ``labels`` down column A (shared strings), a number beside each."""
    strings = "".join(f"<si><t>{label}</t></si>" for label in labels)
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="s"><v>{n - 1}</v></c><c r="B{n}"><v>{n * 3}</v></c></row>' for n in range(1, len(labels) + 1)
    )
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>{author}</dc:creator></cp:coreProperties>'
    )
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": "<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'/>",
        "_rels/.rels": relationships(),
        "docProps/core.xml": core,
        "xl/workbook.xml": f'<workbook xmlns="{_SHEET}"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{_SHEET}"><sheetData>{rows}</sheetData></worksheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{_SHEET}">{strings}</sst>',
        "xl/styles.xml": f'<styleSheet xmlns="{_SHEET}"><fonts><font><name val="Calibri"/></font></fonts></styleSheet>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in {**parts, **(extra or {})}.items():
            archive.writestr(name, content)
    return out.getvalue()


WORKBOOK = "word/embeddings/Microsoft_Excel_Worksheet.xlsx"


def test_a_charts_embedded_workbook_is_read_with_who_made_it() -> None:
    found = docx.inspect(with_parts(plain_document("Text.").build(), {WORKBOOK: chart_workbook("Month", NAME, author=NAME)}))
    by_field = {u.field: (u.text, u.person) for u in found.units}
    text, person = by_field["Embedded workbook Microsoft_Excel_Worksheet.xlsx"]
    assert set(text.splitlines()) == {"Sheet1", "Month", NAME, "3", "6"} and not person  # the sheet's name, its words and numbers
    assert by_field["Embedded workbook Microsoft_Excel_Worksheet.xlsx, Property Author"] == (NAME, True)
    assert found.problems == []  # read all through: no longer a file the check cannot read


def test_a_workbook_with_a_part_the_check_cannot_read_still_fails_closed() -> None:
    data = chart_workbook("Month", extra={"xl/media/image1.png": photo(gps=False, fmt="PNG")})
    found = docx.inspect(with_parts(plain_document("Text.").build(), {WORKBOOK: data}))
    assert [(p.rule, p.field) for p in found.problems] == [("attachments/unsupported", "Embedded file Microsoft_Excel_Worksheet.xlsx")]


def test_clean_metadata_removes_who_made_a_charts_workbook(tmp_path: Path, invoke: Invoke) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(with_parts(plain_document("Text.").build(), {WORKBOOK: chart_workbook("Month", "Contacts", author=NAME)}))
    result = invoke(tmp_path, "clean-metadata", "--in-place", "report.docx")
    assert result.exit_code == 0, result.stderr
    assert "Microsoft_Excel_Worksheet.xlsx's properties (Author)" in result.stdout
    fields = [u.field for u in docx.inspect(path.read_bytes()).units]
    assert fields == ["Text", "Embedded workbook Microsoft_Excel_Worksheet.xlsx"]


@pytest.mark.model
def test_a_report_with_a_chart_checks_clean(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    """A chart's data once failed closed as an embedded file; a chart of contacts by month now passes."""
    data = with_parts(plain_document("Child B was four.").build(), {WORKBOOK: chart_workbook("Month", "April", "May", "Contacts")})
    code, result = check_json(library_with_report(make_library, data))
    assert code == 0 and result["findings"] == [], result["findings"]
