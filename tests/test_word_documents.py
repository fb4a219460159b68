"""Word documents as attachments: every planted hidden leak found and named by its part; files the check cannot read; clean-metadata.

Every Word document here is written by ``tools/make_word_documents.py``, with invented names and a made-up GPS position.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
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
        for name, content in parts.items():
            archive.writestr(name, content)
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
