"""The attachment check end to end: PDFs and images with planted personal data, files it cannot read, clean-metadata.

Every PDF and image here is made by the test, with invented names and a made-up GPS position.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from tools.make_example_attachments import text_pdf

from learning_library.attachments import images, pdf

from .conftest import XMP_CREATOR, CheckJson, Invoke, copy_example, document, encrypted, mkdocs_build, photo

PLANTED = "Jordan Pemberton-Smyth"
REPORT = "reviews/files/2024-child-ruby-report.pdf"


Clean = Callable[..., tuple[int, str, str]]


@pytest.fixture
def clean(invoke: Invoke) -> Clean:
    """``learning-library clean-metadata`` in a library: its exit status, stdout and stderr."""

    def run(root: Path, *args: str) -> tuple[int, str, str]:
        result = invoke(root, "clean-metadata", *args)
        return result.exit_code, result.stdout, result.stderr

    return run


def places(data: dict[str, Any], path: str) -> set[tuple[str, int | None, str | None]]:
    return {(f["rule"], f.get("page"), f.get("field")) for f in data["findings"] if f["path"] == path}


def attach(root: Path, name: str, data: bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def review_with(**extra: str) -> str:
    return document("Child B: review", "lcspr", "2023-05-01", "[neglect]", body="Child B's review.\n", **extra)


# --- the example library --------------------------------------------------------------------


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A copy of the example library, with its cache so that only the files a test changes are read afresh."""
    root = tmp_path / "example"
    root.mkdir()
    return copy_example(root, with_cache=True)


def test_the_example_library_has_a_full_report_and_checks_clean(example_copy: Path, check_json: CheckJson) -> None:
    assert "report: " + REPORT in (example_copy / "reviews/2024-child-ruby.md").read_text()
    assert len(PdfReader(example_copy / REPORT).pages) > 2
    code, data = check_json(example_copy)
    assert code == 0, data["findings"]
    assert data["summary"]["warnings"] == 0


def test_a_name_in_a_pdfs_text_is_found_on_its_page(example_copy: Path, check_json: CheckJson) -> None:
    pages = ["Child Ruby: full report", "Ruby lived with Mother.", f"The plan was agreed with {PLANTED} at the meeting."]
    (example_copy / REPORT).write_bytes(text_pdf(pages))
    code, data = check_json(example_copy)
    assert code == 1
    (finding,) = [f for f in data["findings"] if f["path"] == REPORT]
    assert finding["rule"] == "anonymisation/PERSON" and finding["page"] == 3 and finding["text"] == PLANTED
    assert (finding["line"], finding["column"]) == (1, 26)
    assert finding["message"].startswith("Page 3: Possible person's name; replace it with a pseudonym")


def test_a_name_in_a_pdfs_properties_is_found_in_its_field_and_clean_metadata_removes_it(
    example_copy: Path, check_json: CheckJson, clean: Clean
) -> None:
    report = example_copy / REPORT
    pages = ["Child Ruby: full report", "Ruby lived with Mother."]
    report.write_bytes(text_pdf(pages, info={"Title": "Child Ruby", "Author": PLANTED}, xmp=XMP_CREATOR.format(name=PLANTED).encode()))
    code, data = check_json(example_copy)
    assert code == 1
    assert places(data, REPORT) == {
        ("anonymisation/PERSON", None, "Document property Author"),
        ("anonymisation/PERSON", None, "XMP dc:creator"),
    }
    author = next(f for f in data["findings"] if f.get("field") == "Document property Author")
    assert author["message"] == (
        f"Document property Author: Possible person's name; remove it with `learning-library clean-metadata --in-place {REPORT}`"
    )
    code, out, _ = clean(example_copy, "--in-place", REPORT)
    assert code == 0
    assert out == f"{REPORT}: removed document properties (Title, Author), XMP metadata\n"
    assert [p.extract_text() for p in PdfReader(report).pages] == pages
    code, data = check_json(example_copy)
    assert code == 0, data["findings"]


def test_gps_in_an_image_is_an_error_and_clean_metadata_removes_it(example_copy: Path, check_json: CheckJson, clean: Clean) -> None:
    briefing = example_copy / "briefings/2025-neglect.md"
    briefing.write_text(briefing.read_text() + "\n![The seven parts of a 7-minute briefing](files/cycle.jpg)\n")
    image = example_copy / "briefings/files/cycle.jpg"
    image.parent.mkdir(exist_ok=True)
    image.write_bytes(photo(artist=PLANTED))
    code, data = check_json(example_copy)
    assert code == 1
    assert places(data, "briefings/files/cycle.jpg") == {
        ("attachments/gps", None, "EXIF GPS"),
        ("anonymisation/PERSON", None, "EXIF Artist"),
    }
    gps = next(f for f in data["findings"] if f["rule"] == "attachments/gps")
    assert gps["message"] == (
        "EXIF GPS: the image records a GPS position (where it was taken); "
        "remove it with `learning-library clean-metadata --in-place briefings/files/cycle.jpg`"
    )
    # By default a clean copy is written beside the file, and the original is left as it was.
    code, out, _ = clean(example_copy, "briefings/files/cycle.jpg")
    assert (code, out) == (0, "briefings/files/cycle.jpg: removed EXIF; wrote briefings/files/cycle.clean.jpg\n")
    assert images.inspect((example_copy / "briefings/files/cycle.clean.jpg").read_bytes()).problems == []
    assert images.inspect(image.read_bytes()).problems != []
    (example_copy / "briefings/files/cycle.clean.jpg").unlink()
    assert clean(example_copy, "--in-place", "briefings/files/cycle.jpg")[0] == 0
    code, data = check_json(example_copy)
    assert code == 0, data["findings"]
    assert clean(example_copy, "briefings/files/cycle.jpg")[1] == "briefings/files/cycle.jpg: no metadata to remove; left as it is\n"


@pytest.mark.build
def test_a_planted_name_in_a_pdf_and_gps_in_an_image_stop_the_build(example_copy: Path) -> None:
    (example_copy / REPORT).write_bytes(text_pdf(["Child Ruby: full report"], info={"Author": PLANTED}))
    briefing = example_copy / "briefings/2025-neglect.md"
    briefing.write_text(briefing.read_text() + "\n![A chart of referrals by month](files/chart.png)\n")
    (example_copy / "briefings/files").mkdir(exist_ok=True)
    (example_copy / "briefings/files/chart.png").write_bytes(photo(fmt="PNG"))
    result = mkdocs_build(example_copy)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert f"{REPORT}:1:1: error anonymisation/PERSON: Document property Author: Possible person's name" in output
    assert "briefings/files/chart.png:1:1: error attachments/gps: EXIF GPS: the image records a GPS position" in output
    assert "Traceback" not in output
    assert not (example_copy / "site/index.html").exists()


# --- files the check cannot read ------------------------------------------------------------

CANNOT_READ = [
    pytest.param(
        lambda: encrypted(text_pdf(["Child B's full report."])),
        "attachments/encrypted",
        "The PDF is protected by a password",
        id="encrypted",
    ),
    pytest.param(lambda: text_pdf(["Child B's full report."])[:300], "attachments/unreadable", "The PDF cannot be read (", id="corrupt"),
    pytest.param(lambda: b"", "attachments/unreadable", "The PDF cannot be read (EmptyFileError", id="empty"),
    pytest.param(lambda: text_pdf([None, None]), "attachments/no-text", "The PDF has no text the check can read", id="image-only"),
]


@pytest.mark.parametrize(("make", "rule", "message"), CANNOT_READ)
def test_a_pdf_the_check_cannot_read_fails_closed(
    make_library: Callable[..., Path], check_json: CheckJson, make: Callable[[], bytes], rule: str, message: str
) -> None:
    root = make_library({"reviews/2023-child-b.md": review_with(report="reviews/files/child-b.pdf")})
    attach(root, "reviews/files/child-b.pdf", make())
    code, data = check_json(root)
    assert code == 1
    (finding,) = data["findings"]
    assert (finding["path"], finding["rule"], finding["severity"]) == ("reviews/files/child-b.pdf", rule, "error")
    assert finding["message"].startswith(message)
    assert finding["message"].endswith("declare it in `checked_by_hand` with a reason")


def test_a_scanned_page_among_text_pages_is_named(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    root = make_library({"reviews/2023-child-b.md": review_with(report="reviews/files/child-b.pdf")})
    attach(root, "reviews/files/child-b.pdf", text_pdf(["Child B's full report.", None]))
    code, data = check_json(root)
    assert code == 1
    assert places(data, "reviews/files/child-b.pdf") == {("attachments/no-text", 2, None)}


def test_checked_by_hand_lets_a_pdf_through_and_is_in_the_sign_off_report(
    make_library: Callable[..., Path], check_json: CheckJson, clean: Clean, invoke: Invoke
) -> None:
    reason = "Scanned 2016 report; read page by page by the business manager"
    front = f'[{{file: reviews/files/child-b.pdf, reason: "{reason}"}}]'
    root = make_library({"reviews/2023-child-b.md": review_with(report="reviews/files/child-b.pdf", checked_by_hand=front)})
    attach(root, "reviews/files/child-b.pdf", text_pdf([None, None], info={"Author": PLANTED}))
    code, data = check_json(root)
    # The hand check stands in for what the check cannot read (the pages), not for what it can (the properties).
    assert code == 1
    assert places(data, "reviews/files/child-b.pdf") == {("anonymisation/PERSON", None, "Document property Author")}
    assert clean(root, "--in-place", "reviews/files/child-b.pdf")[0] == 0
    code, data = check_json(root)
    assert code == 0, data["findings"]
    signoff = invoke(root, "check", "--report").stdout
    section = signoff.split("## Attachments checked by hand", 1)[1]
    assert f"- reviews/files/child-b.pdf: “{reason}” (declared in reviews/2023-child-b.md, line 8)." in section
    assert "In place of the check, which found: The PDF has no text the check can read" in section


def test_checked_by_hand_in_the_policy(make_library: Callable[..., Path], check_json: CheckJson, invoke: Invoke) -> None:
    root = make_library(
        {
            "content/reports/annual-report.pdf": "",
            "content/about.md": "---\ntitle: About\n---\n\n[Annual report](reports/annual-report.pdf)\n",
        }
    )
    attach(root, "content/reports/annual-report.pdf", encrypted(text_pdf(["Annual report."])))
    assert check_json(root)[0] == 1
    (root / "anonymisation.yml").write_text(
        'checked_by_hand:\n  - {file: content/reports/annual-report.pdf, reason: "Printed and read in full by the business manager"}\n'
    )
    code, data = check_json(root)
    assert code == 0, data["findings"]
    signoff = invoke(root, "check", "--report").stdout
    assert (
        "- content/reports/annual-report.pdf: “Printed and read in full by the business manager” (declared in anonymisation.yml)."
        in signoff
    )


def test_an_unneeded_checked_by_hand_is_a_warning(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    front = '[{file: reviews/files/child-b.pdf, reason: "read by hand"}]'
    root = make_library({"reviews/2023-child-b.md": review_with(report="reviews/files/child-b.pdf", checked_by_hand=front)})
    attach(root, "reviews/files/child-b.pdf", text_pdf(["Child B's full report."]))
    code, data = check_json(root)
    assert code == 0
    (finding,) = data["findings"]
    assert (finding["path"], finding["line"], finding["rule"], finding["severity"]) == (
        "reviews/2023-child-b.md", 8, "attachments/unused-checked-by-hand", "warning",
    )  # fmt: skip


# --- references -------------------------------------------------------------------------------


def test_a_missing_report_is_an_error_at_its_key(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    root = make_library({"reviews/2023-child-b.md": review_with(report="reviews/files/child-b-report.pdf")})
    attach(root, "reviews/files/child-b-reprot.pdf", text_pdf(["Child B's full report."]))
    code, data = check_json(root)
    assert code == 1
    missing = next(f for f in data["findings"] if f["rule"] == "attachments/missing")
    assert (missing["path"], missing["line"], missing["column"], missing["severity"]) == ("reviews/2023-child-b.md", 7, 9, "error")
    assert missing["message"] == (
        "`report` names reviews/files/child-b-report.pdf, which does not exist; did you mean `reviews/files/child-b-reprot.pdf`?"
    )


def test_an_attachment_nothing_links_to_is_a_warning_and_is_not_published(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    root = make_library()
    attach(root, "reviews/files/old-draft.pdf", text_pdf(["An old draft."]))
    code, data = check_json(root)
    assert code == 0
    (finding,) = data["findings"]
    assert (finding["path"], finding["rule"], finding["severity"]) == ("reviews/files/old-draft.pdf", "attachments/unreferenced", "warning")
    assert finding["message"].startswith("Nothing links to this file, so it is not published;")


def test_a_linked_file_the_check_cannot_read_is_an_error(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    body = "Read the [partnership's response](files/response.odt) and [the action plan](files/plan.docx).\n"
    root = make_library({"reviews/2023-child-b.md": document("Child B", "lcspr", "2023-05-01", "[neglect]", body=body)})
    attach(root, "reviews/files/response.odt", b"PK\x03\x04 invented")
    attach(root, "reviews/files/plan.docx", b"PK\x03\x04 invented")
    code, data = check_json(root)
    assert code == 1
    assert places(data, "reviews/files/response.odt") == {("attachments/unsupported", None, None)}
    assert places(data, "reviews/files/plan.docx") == {("attachments/unreadable", None, None)}


def test_alt_text_is_checked_where_it_is_written(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    body = (
        f"![Photo of {PLANTED} at the family home](files/room.png)\n\n"
        '<img src="files/room.png" alt="Sam Okafor in the kitchen">\n\n'
        '![A room](files/room.png "Taken by Kerry Walsh")\n'
    )
    root = make_library({"briefings/2024-rooms.md": document("Rooms", "themed-briefing", "2024-01-01", "[neglect]", body=body)})
    attach(root, "briefings/files/room.png", photo(gps=False, fmt="PNG"))
    code, data = check_json(root)
    assert code == 1
    found = {(f["path"], f["line"], f["column"], f["text"]) for f in data["findings"]}
    assert found == {
        ("briefings/2024-rooms.md", 9, 12, PLANTED),
        ("briefings/2024-rooms.md", 11, 32, "Sam Okafor"),
        ("briefings/2024-rooms.md", 13, 36, "Kerry Walsh"),
    }


def test_an_image_shown_with_html_is_referred_to_and_checked(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    body = (
        '<figure markdown>\n<img src="files/chart.png" alt="Referrals by month" width="400">\n</figure>\n\n`<img src="files/code.png">`\n'
    )
    root = make_library({"briefings/2024-chart.md": document("Chart", "themed-briefing", "2024-01-01", "[neglect]", body=body)})
    attach(root, "briefings/files/chart.png", photo(fmt="PNG"))
    attach(root, "briefings/files/code.png", photo(gps=False, fmt="PNG"))
    code, data = check_json(root)
    assert code == 1
    assert places(data, "briefings/files/chart.png") == {("attachments/gps", None, "EXIF GPS")}
    # A tag in code is not an image on the page.
    assert places(data, "briefings/files/code.png") == {("attachments/unreferenced", None, None)}


def test_a_single_file_checks_its_attachments_and_an_attachment_can_be_checked_alone(
    make_library: Callable[..., Path], check_json: CheckJson
) -> None:
    root = make_library({"reviews/2023-child-b.md": review_with(report="reviews/files/child-b.pdf")})
    attach(root, "reviews/files/child-b.pdf", text_pdf([f"Agreed with {PLANTED}."]))
    for args in (["reviews/2023-child-b.md"], ["reviews/files/child-b.pdf"], ["reviews"]):
        code, data = check_json(root, *args)
        assert code == 1, args
        assert places(data, "reviews/files/child-b.pdf") == {("anonymisation/PERSON", 1, None)}, args
        assert data["summary"]["files"] == {"reviews/2023-child-b.md": 2, "reviews/files/child-b.pdf": 1, "reviews": 3}[args[0]], args


def test_pseudonyms_of_the_document_that_links_to_a_pdf_apply_to_it(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    root = make_library({"reviews/2023-child-b.md": review_with(report="reviews/files/child-b.pdf", pseudonyms=f"[{PLANTED}]")})
    attach(root, "reviews/files/child-b.pdf", text_pdf([f"Agreed with {PLANTED}."], info={"Author": PLANTED}))
    code, data = check_json(root)
    assert code == 0, data["findings"]


def test_an_author_field_a_person_could_not_be_found_in_is_still_a_warning(
    make_library: Callable[..., Path], check_json: CheckJson
) -> None:
    root = make_library({"reviews/2023-child-b.md": review_with(report="reviews/files/child-b.pdf")})
    attach(root, "reviews/files/child-b.pdf", text_pdf(["Child B's full report."], info={"Author": "jpsmyth2"}))
    code, data = check_json(root)
    assert code == 0
    assert places(data, "reviews/files/child-b.pdf") == {("attachments/metadata", None, "Document property Author")}


def test_sarif_and_github_name_the_page_without_the_text(make_library: Callable[..., Path], invoke: Invoke) -> None:
    root = make_library({"reviews/2023-child-b.md": review_with(report="reviews/files/child-b.pdf")})
    attach(root, "reviews/files/child-b.pdf", text_pdf(["Cover", f"Agreed with {PLANTED}."]))
    sarif = json.loads(invoke(root, "check", "--format", "sarif").stdout)
    (result,) = sarif["runs"][0]["results"]
    assert result["properties"] == {"page": 2} and result["message"]["text"].startswith("Page 2: Possible person's name")
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "reviews/files/child-b.pdf"
    github = invoke(root, "check", "--format", "github").stdout
    assert "::error file=reviews/files/child-b.pdf,line=1,col=13" in github and "Pemberton" not in github


def test_unchanged_attachments_are_not_read_again(
    make_library: Callable[..., Path], check_json: CheckJson, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_library({"reviews/2023-child-b.md": review_with(report="reviews/files/child-b.pdf")})
    attach(root, "reviews/files/child-b.pdf", text_pdf(["A page with nothing to report.", f"Agreed with {PLANTED}."]))
    code, data = check_json(root)
    monkeypatch.setattr(pdf, "inspect", lambda data: pytest.fail("an unchanged PDF was read again"))
    again = check_json(root)
    assert again[0] == code == 1 and again[1]["findings"] == data["findings"]
    # Only text that is reported is kept in the cache, not the pages that had nothing in them.
    assert b"nothing to report" not in (root / ".cache/learning-library/attachments.json").read_bytes()


# --- what a PDF keeps beside its pages' text ------------------------------------------------------


def pdf_with_links_bookmarks_and_a_form(name: str) -> bytes:
    """A one-page PDF with a link, a bookmark and a filled-in form field, each holding ``name`` (or an address for it)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(["Child B: full report. The review looks at neglect."]))))
    writer.add_annotation(0, Link(rect=(72, 700, 200, 720), url="mailto:jordan.pemberton-smyth@example.org"))
    writer.add_outline_item(title=f"Interview with {name}", page_number=0)
    widget = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject("/Tx"),
            NameObject("/T"): TextStringObject("ReferredBy"),
            NameObject("/V"): TextStringObject(name),
            NameObject("/Rect"): ArrayObject([FloatObject(72), FloatObject(600), FloatObject(300), FloatObject(620)]),
            NameObject("/F"): NumberObject(4),
        }
    )
    reference = writer._add_object(widget)
    annotations: Any = writer.pages[0][NameObject("/Annots")]
    annotations.append(reference)
    writer.root_object[NameObject("/AcroForm")] = DictionaryObject({NameObject("/Fields"): ArrayObject([reference])})
    out = io.BytesIO()
    writer.write(out)
    data: bytes = out.getvalue()
    return data


def test_a_pdfs_links_bookmarks_and_form_fields_are_read_as_their_own_parts() -> None:
    found = pdf.inspect(pdf_with_links_bookmarks_and_a_form(PLANTED))
    by_field = {u.field: (u.text, u.page) for u in found.units}
    assert by_field["Link address"] == ("jordan.pemberton-smyth@example.org", 1)
    assert by_field["Bookmarks"] == (f"Interview with {PLANTED}", None)
    assert by_field["Form field ReferredBy"] == (PLANTED, None)
    assert "comment author" not in by_field  # a form field's name is not a person who commented
    assert found.problems == []


@pytest.mark.model
def test_a_name_in_a_pdfs_form_or_bookmarks_blocks_the_review(make_library: Callable[..., Path], check_json: CheckJson) -> None:
    root = make_library({"reviews/2023-child-b.md": review_with(report="reviews/files/2023-child-b-report.pdf")})
    attach(root, "reviews/files/2023-child-b-report.pdf", pdf_with_links_bookmarks_and_a_form(PLANTED))
    code, data = check_json(root)
    found = {(f["rule"], f.get("field")) for f in data["findings"]}
    assert code == 1
    assert {("anonymisation/PERSON", "Bookmarks"), ("anonymisation/PERSON", "Form field ReferredBy")} <= found
    assert ("anonymisation/EMAIL_ADDRESS", "Link address") in found
    form = next(f for f in data["findings"] if f.get("field") == "Form field ReferredBy")
    assert "printing it to a PDF flattens it" in form["message"]
