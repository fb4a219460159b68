"""``learning-library clean-metadata``: every kind of metadata removed from a copy, and each file it cannot clean named.

Every file here is made by the test, with invented names and a made-up GPS position.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, PngImagePlugin
from tools.make_example_attachments import text_pdf

from learning_library.attachments import images

from .conftest import XMP_CREATOR, Invoke, encrypted, photo


def test_clean_metadata_strips_every_kind_of_image_metadata(tmp_path: Path, invoke: Invoke) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jordan Pemberton-Smyth")
    info.add_itxt("XML:com.adobe.xmp", XMP_CREATOR.format(name="Sam Okafor"))
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "PNG", pnginfo=info, exif=Image.open(io.BytesIO(photo())).getexif())
    (tmp_path / "picture.png").write_bytes(out.getvalue())
    before = images.inspect(out.getvalue())
    assert {u.field for u in before.units} == {"PNG text Author", "XMP dc:creator"} and [p.rule for p in before.problems] == [
        "attachments/gps"
    ]
    result = invoke(tmp_path, "clean-metadata", "picture.png")
    assert (
        result.exit_code == 0
        and result.stdout == "picture.png: removed EXIF, XMP, text Author, text XML:com.adobe.xmp; wrote picture.clean.png\n"
    )
    after = images.inspect((tmp_path / "picture.clean.png").read_bytes())
    assert after.units == [] and after.problems == []


def test_clean_metadata_names_each_file_it_cannot_clean(tmp_path: Path, invoke: Invoke) -> None:
    (tmp_path / "locked.pdf").write_bytes(encrypted(text_pdf(["Report."])))
    (tmp_path / "notes.odt").write_bytes(b"PK")
    (tmp_path / "broken.docx").write_bytes(b"PK")
    (tmp_path / "photo.jpg").write_bytes(photo())
    result = invoke(tmp_path, "clean-metadata", "--in-place", "locked.pdf", "notes.odt", "broken.docx", "photo.jpg")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "learning-library: locked.pdf: not cleaned: the PDF is protected by a password; save a copy without a password first",
        "learning-library: notes.odt: not cleaned: only PDF, Word .docx, PNG, JPEG, GIF and WebP files can be cleaned, not .odt",
        "learning-library: broken.docx: not cleaned: the Word document cannot be read: it is not a Word document (.docx), "
        "or it is damaged; open it in Word and save it again as .docx",
    ]
    assert result.stdout == "photo.jpg: removed EXIF\n"
