"""`learning-library import`: Word documents become drafts that keep their structure, and the draft is checked at once.

The Word documents are written by ``tools/make_word_documents.py``; the structure test reads the Word XML itself,
independently of the import, and compares it with what Python-Markdown makes of the imported Markdown.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from PIL import Image
from tools.make_word_documents import PLANTED, WordDocument, example_review_document, leaky_document, structured_document

from learning_library import authoring
from learning_library.frontmatter import split
from learning_library.importing import details
from learning_library.vocabulary import load_vocabulary

from .conftest import REPO, Invoke, copy_example, mkdocs_build
from .test_word_documents import drawing_text, with_parts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

Structure = dict[str, list[Any]]


# --- the structure round trip ----------------------------------------------------------------------


def word_structure(data: bytes) -> Structure:
    """Headings (level, text), list items (numbered?, depth, text), table cells and notes, read straight from the Word XML."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    body = ET.fromstring(archive.read("word/document.xml"))

    def text(element: ET.Element) -> str:
        return " ".join("".join(t.text or "" for t in element.iter(f"{W}t")).split())

    found: Structure = {"headings": [], "items": [], "cells": [], "notes": []}
    for paragraph in body.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        number = paragraph.find(f"{W}pPr/{W}numPr")
        if style is not None and style.get(f"{W}val", "").startswith("Heading"):
            found["headings"].append((int(style.get(f"{W}val", "")[-1]) + 1, text(paragraph)))  # Heading 1 becomes ##
        elif number is not None:
            ordered = int(number.find(f"{W}numId").get(f"{W}val", "0")) >= 100  # type: ignore[union-attr]
            depth = int(number.find(f"{W}ilvl").get(f"{W}val", "0"))  # type: ignore[union-attr]
            found["items"].append((ordered, depth, text(paragraph)))
    found["cells"] = [text(cell) for cell in body.iter(f"{W}tc")]
    for part, kind in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
        notes = ET.fromstring(archive.read(part))
        found["notes"] += [text(n) for n in notes.iter(f"{W}{kind}") if int(n.get(f"{W}id", "0")) > 0]
    return found


class _HtmlStructure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: Structure = {"headings": [], "items": [], "cells": [], "notes": []}
        self.lists: list[bool] = []
        self.open: list[tuple[str, list[str]]] = []
        self.in_notes = False
        self.item_at: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div" and ("class", "footnote") in attrs:
            self.in_notes = True
        if tag in ("ul", "ol") and not self.in_notes:
            self.lists.append(tag == "ol")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th"):
            self.open.append((tag, []))
            if tag == "li" and not self.in_notes:
                # Items are listed where they start, so a nested item comes after the item it is in, as in Word.
                self.found["items"].append((self.lists[-1], len(self.lists) - 1, ""))
                self.item_at.append(len(self.found["items"]) - 1)
        if tag in ("ul", "ol") and self.open and self.open[-1][0] == "li":
            self.open[-1] = (self.open[-1][0], [*self.open[-1][1], "\0"])  # a nested list ends the item's own text

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol") and not self.in_notes:
            self.lists.pop()
        if not self.open or self.open[-1][0] != tag:
            return
        _, pieces = self.open.pop()
        value = " ".join("".join(pieces).split("\0")[0].replace("↩", "").split())
        if tag.startswith("h"):
            self.found["headings"].append((int(tag[1]), value))
        elif tag == "li" and self.in_notes:
            self.found["notes"].append(value)
        elif tag == "li":
            ordered, depth, _ = self.found["items"][self.item_at[-1]]
            self.found["items"][self.item_at.pop()] = (ordered, depth, value)
        else:
            self.found["cells"].append(value)

    def handle_data(self, data: str) -> None:
        for _, pieces in self.open:
            pieces.append(data)


def markdown_structure(text: str) -> Structure:
    """The same structure, from the HTML Python-Markdown renders for the imported Markdown (with the site's extensions)."""
    html = markdown.markdown(text, extensions=["tables", "footnotes", "attr_list", "md_in_html", "def_list"])
    parser = _HtmlStructure()
    parser.feed(html)
    found = parser.found
    found["headings"] = [(level, re.sub(r"¶$", "", t).strip()) for level, t in found["headings"]]
    return found


def test_the_round_trip_keeps_every_heading_list_item_table_cell_and_note(tmp_path: Path, invoke: Invoke) -> None:
    root = copy_example(tmp_path)
    data = structured_document(4).build()
    (root / "structure.docx").write_bytes(data)
    result = invoke(root, "import", "structure.docx", "--published", "2026-03-01")
    assert result.exit_code in (0, 1), result.stderr
    path = root / "reviews/2026-thematic-review-of-neglect-in-families-with-young-children.md"
    front, _ = split(path.read_text(), str(path))
    expected, got = word_structure(data), markdown_structure(front.body)
    for kind in ("headings", "items", "cells"):
        assert got[kind] == expected[kind], kind
    # Word keeps footnotes and endnotes apart; Markdown numbers them in the order they are referred to.
    assert sorted(got["notes"]) == sorted(expected["notes"])
    assert len(expected["headings"]) == 12 and len(expected["items"]) == 28 and len(expected["cells"]) == 36 and len(expected["notes"]) == 8
    assert "**13 families**" in front.body and "*every agency*" in front.body
    assert "[Working Together to Safeguard Children](https://www.example.org/working-together)" in front.body


# --- the draft and its front matter ----------------------------------------------------------------


def imported(root: Path, name: str = "2024-child-ruby-local-child-safeguarding-practice-review") -> tuple[dict[str, Any], str]:
    text = (root / f"reviews/{name}.md").read_text()
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


OWNERS = [
    ("The Partnership should seek assurance that the neglect strategy is used.", "Partnership"),
    ("That the ICB must review the pathway for babies.", "ICB"),
    ("Health partners to ask about every adult in the household.", "Health partners"),
    ("Children's social care must review its thresholds.", "Children's social care"),
    ("All agencies should use the escalation policy.", "All agencies"),
    ("Practitioners should ask about fathers.", ""),  # a role, not a body that can own a recommendation
    ("It is important that schools record absence.", ""),
    ("Review the neglect toolkit to include fathers.", ""),
]


@pytest.mark.parametrize(("text", "owner"), OWNERS)
def test_a_recommendations_owner_is_the_body_it_asks_to_act(text: str, owner: str) -> None:
    assert details.owner(text, load_vocabulary(REPO / "themes.yml")) == owner


def test_imported_recommendations_carry_the_owner_their_words_name(tmp_path: Path, invoke: Invoke) -> None:
    root = copy_example(tmp_path)
    doc = WordDocument()
    doc.title("Child Q: rapid review")
    doc.heading(1, "Summary")
    doc.paragraph("Child Q was four. The review looks at neglect.")
    doc.heading(1, "Recommendations")
    doc.numbered([text for text, _ in OWNERS[:2]] + [OWNERS[5][0]])
    (root / "q.docx").write_bytes(doc.build())
    result = invoke(root, "import", "q.docx", "--published", "2026-03-01", "--type", "lcspr")
    assert result.exit_code in (0, 1), result.stderr
    meta, _ = imported(root, "2026-child-q-rapid-review")
    assert [r.get("owner") for r in meta["recommendations"]] == ["Partnership", "ICB", None]


def test_the_import_says_which_smartart_and_charts_the_draft_leaves_out(tmp_path: Path, invoke: Invoke) -> None:
    """A family tree drawn as SmartArt is not text the conversion brings across: the author is told, not left to notice."""
    root = copy_example(tmp_path)
    doc = WordDocument()
    doc.title("Child Q: rapid review")
    doc.paragraph("Child Q was four.")
    chart = drawing_text("x:chartSpace", "Contacts by month")
    parts = {
        "word/diagrams/data1.xml": drawing_text("x:dataModel", "Mother"),
        "word/charts/chart1.xml": chart,
        "word/charts/chart2.xml": chart,
    }
    (root / "q.docx").write_bytes(with_parts(doc.build(), parts))
    result = invoke(root, "import", "q.docx", "--published", "2026-03-01", "--type", "lcspr")
    assert result.exit_code in (0, 1), result.stderr
    assert "Note: The document has 1 SmartArt diagram, which the draft does not include" in result.stdout
    assert "Note: The document has 2 charts, which the draft does not include" in result.stdout


def test_the_example_reports_word_version_becomes_a_draft_with_its_details(tmp_path: Path, invoke: Invoke) -> None:
    root = copy_example(tmp_path)
    (root / "report.docx").write_bytes(example_review_document().build())
    result = invoke(root, "import", "report.docx", "--published", "2024-03-15")
    assert "Created reviews/2024-child-ruby-local-child-safeguarding-practice-review.md, a draft" in result.stdout
    meta, body = imported(root)
    assert meta["title"] == "Child Ruby: local child safeguarding practice review" and meta["status"] == "draft"
    assert meta["type"] == "lcspr" and meta["model"] == "Significant Incident Learning Process"
    assert meta["pseudonyms"] == ["Ruby"] and "response" not in meta  # the report has its response as a section
    assert {"neglect", "domestic-abuse", "professional-curiosity"} <= set(meta["themes"])
    recommendations = meta["recommendations"]
    assert isinstance(recommendations, list) and [r["id"] for r in recommendations] == ["R1", "R2", "R3", "R4", "R5"]
    assert all(r["status"] == "open" for r in recommendations)
    assert str(meta["summary"]).startswith("Ruby was two years old") and str(meta["summary"]).count(". ") <= 2
    assert "## Summary" in body and "### Who is in the household, and who cares for the child?" in body
    assert "Health visitors ask about every adult" not in body  # the recommendations moved to the front matter
    # The check ran on the draft and named what it found: the helpline number the example declares in `allow`.
    assert result.exit_code == 1
    assert "anonymisation/PHONE_NUMBER: Possible phone number '0808 800 5000'" in result.stdout


@pytest.mark.build
def test_the_imported_example_report_builds_once_its_placeholders_are_replaced_and_draft_removed(tmp_path: Path, invoke: Invoke) -> None:
    """The done-when: import, do what the check says, delete `status: draft`, and `mkdocs build --strict` succeeds."""
    root = copy_example(tmp_path)
    (root / "report.docx").write_bytes(example_review_document().build())
    invoke(root, "import", "report.docx", "--published", "2024-03-15", "--title", "Child Ruby: the review in full")
    path = root / "reviews/2024-child-ruby-the-review-in-full.md"
    text = path.read_text()
    for placeholder in authoring.placeholders():
        text = text.replace(placeholder, "The partnership's own words.")
    text = text.replace("status: draft\n", "").replace(
        "pseudonyms:", 'allow:\n  - {text: "0808 800 5000", reason: "NSPCC helpline"}\npseudonyms:'
    )
    path.write_text(text)
    check = invoke(root, "check", "reviews/2024-child-ruby-the-review-in-full.md")
    assert check.exit_code == 0, check.stdout
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    page = (root / "site/reviews/2024-child-ruby-the-review-in-full/index.html").read_text()
    assert "Who is in the household, and who cares for the child?" in page and "R5" in page


def test_pictures_are_saved_without_their_metadata_and_keep_their_alt_text(tmp_path: Path, invoke: Invoke) -> None:
    root = copy_example(tmp_path)
    (root / "leaks.docx").write_bytes(leaky_document().build())
    result = invoke(root, "import", "leaks.docx", "--accept-changes", "--published", "2026-03-01")
    assert result.exit_code == 1, result.stderr
    picture = root / "reviews/files/2026-child-q-learning-review-picture-1.jpg"
    assert "Saved reviews/files/2026-child-q-learning-review-picture-1.jpg, without its metadata." in result.stdout
    with Image.open(picture) as image:
        assert not image.getexif()
    _, body = imported(root, "2026-child-q-learning-review")
    assert f"![Drawing by {PLANTED['alt text']} of her family](files/2026-child-q-learning-review-picture-1.jpg)" in body
    # What Word hid is not in the draft; what Word showed after accepting the changes is.
    for hidden in (PLANTED["hidden text"], PLANTED["tracked deletion"], PLANTED["comment"], PLANTED["footer"]):
        assert hidden not in body
    assert "The social worker visited weekly." in body
    assert "Note: tracked changes were accepted and comments left out (--accept-changes)" in result.stdout
    # The draft's check names the alt text's name, with the text found; the Word document's hidden parts are listed too.
    assert f"anonymisation/PERSON: Possible person's name '{PLANTED['alt text']}'" in result.stdout
    assert (
        f"leaks.docx:1:20: error anonymisation/PERSON: Tracked deletion: Possible person's name '{PLANTED['tracked deletion']}'"
        in result.stdout
    )
    assert "Property Last modified by" in result.stdout and "GPS in embedded picture image1.jpeg" in result.stdout


def test_tracked_changes_or_comments_stop_the_import_unless_accepted(tmp_path: Path, invoke: Invoke) -> None:
    root = copy_example(tmp_path)
    (root / "leaks.docx").write_bytes(leaky_document().build())
    before = sorted(p.name for p in (root / "reviews").rglob("*"))
    result = invoke(root, "import", "leaks.docx")
    assert result.exit_code == 2
    assert "nothing was created: leaks.docx keeps 2 tracked changes and keeps 1 comment" in result.stderr
    assert "--accept-changes" in result.stderr
    assert "attachments/tracked-changes" in result.stdout  # and what the document keeps is listed
    assert sorted(p.name for p in (root / "reviews").rglob("*")) == before


def test_import_never_overwrites(tmp_path: Path, invoke: Invoke) -> None:
    root = copy_example(tmp_path)
    (root / "report.docx").write_bytes(example_review_document().build())
    assert invoke(root, "import", "report.docx", "--published", "2024-03-15").exit_code == 1
    path = root / "reviews/2024-child-ruby-local-child-safeguarding-practice-review.md"
    path.write_text(path.read_text() + "\nThe author's own edit.\n")
    again = invoke(root, "import", "report.docx", "--published", "2024-03-15")
    assert again.exit_code == 2 and "already exists and is never overwritten" in again.stderr
    assert path.read_text().endswith("The author's own edit.\n")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "briefing.odt",
            b"PK\x03\x04",
            "briefing.odt is OpenDocument text, which cannot be imported; open it in Word (or LibreOffice) and save it as a Word Document (.docx)",
        ),
        ("old.doc", b"\xd0\xcf\x11\xe0", "old.doc is an old-style Word document"),
        ("broken.docx", b"not a zip", "broken.docx cannot be imported: it is not a Word document (.docx), or it is damaged"),
        (
            "locked.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
            "locked.docx cannot be imported: it is protected by a password",
        ),
    ],
)
def test_what_cannot_be_imported_says_what_to_do(name: str, data: bytes, message: str, tmp_path: Path, invoke: Invoke) -> None:
    root = copy_example(tmp_path)
    (root / name).write_bytes(data)
    result = invoke(root, "import", name)
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_type_theme_and_title_options_work_as_in_new(tmp_path: Path, invoke: Invoke) -> None:
    root = copy_example(tmp_path)
    doc = WordDocument()
    doc.heading(1, "1. Background").paragraph("Babies sleep safest on their back.")
    doc.heading(1, "2. Why it matters").paragraph("Most deaths happen in an unsafe sleeping place.")
    (root / "briefing.docx").write_bytes(doc.build())
    args = [
        "import",
        "briefing.docx",
        "--type",
        "seven-minute-briefing",
        "--theme",
        "safer-sleep",
        "--title",
        "Safer sleep: 7-minute briefing",
    ]
    result = invoke(root, *args, "--published", "2026-04-01")
    assert result.exit_code == 0, result.stdout
    _, front, body = (root / "briefings/2026-safer-sleep-7-minute-briefing.md").read_text().split("---\n", 2)
    meta = yaml.safe_load(front)
    assert (
        meta["type"] == "seven-minute-briefing" and meta["themes"] == ["safer-sleep"] and meta["title"] == "Safer sleep: 7-minute briefing"
    )
    assert "## 1. Background" in body and "## 2. Why it matters" in body
    bad = invoke(root, "import", "briefing.docx", "--type", "lcsrp")
    assert bad.exit_code == 2 and "did you mean `lcspr`?" in bad.stderr


# --- nothing unfinished is published ------------------------------------------------------------------


def test_a_published_document_with_a_placeholder_is_blocked_naming_it(tmp_path: Path, invoke: Invoke) -> None:
    root = copy_example(tmp_path)
    assert invoke(root, "new", "review", "--title", "Child K", "--published", "2026-02-03").exit_code == 0
    path = root / "reviews/2026-child-k.md"
    draft = invoke(root, "check", "reviews/2026-child-k.md")
    assert draft.exit_code == 0, draft.stdout  # a draft may hold placeholders
    path.write_text(path.read_text().replace("status: draft\n", ""))
    result = invoke(root, "check", "reviews/2026-child-k.md")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if "metadata/placeholder" in line]
    assert len(lines) == 8  # "What the review found..." twice
    assert lines[0].startswith(
        "reviews/2026-child-k.md:7:11: error metadata/placeholder: The template's placeholder \"Replace this with one"
    )


def test_a_seven_minute_briefing_without_its_parts_is_a_warning(tmp_path: Path, invoke: Invoke) -> None:
    root = copy_example(tmp_path)
    path = root / "briefings/2021-safer-sleep-7-minute-briefing.md"
    path.write_text(path.read_text().replace("## 4. Information", "## Information").replace("## 5. Information", "## More"))
    result = invoke(root, "check", "briefings/2021-safer-sleep-7-minute-briefing.md")
    assert result.exit_code == 0
    assert "warning metadata/seven-parts: A 7-minute briefing is read as seven numbered parts" in result.stdout
    assert "but parts 4, 5 are missing" in result.stdout
