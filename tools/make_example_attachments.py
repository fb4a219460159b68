"""Make the example library's attachments: two full-report PDFs and a briefing's picture; and PDFs for the tests.

Each example report is the text of its review (``reviews/2024-child-ruby.md``,
and ``reviews/2017-child-d.md``, whose report is past its ``available_until``
and so shows how a withdrawn report looks), invented and anonymised, so it
checks clean, laid out as a plain A4 PDF with a cover page. The PDF is written by hand, byte for byte, without any PDF library, so
that it is the same on every machine and needs nothing from the network. The
picture (the "ABC" of safer sleep) is drawn with Pillow and saved without
metadata:

    .venv/bin/python tools/make_example_attachments.py

The tests import :func:`text_pdf` to make PDFs with planted names, pictures of
pages and damaged files, all with invented data.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REVIEW = ROOT / "reviews/2024-child-ruby.md"
REPORT = ROOT / "reviews/files/2024-child-ruby-report.pdf"
REPORTS = (
    (REVIEW, REPORT, "a pseudonym (Ruby)"),
    (ROOT / "reviews/2017-child-d.md", ROOT / "reviews/files/2017-child-d-report.pdf", "a role code (Child D)"),
)
"""Each example review with a full report, the report's path, and how the report's cover says names were replaced."""
PICTURE = ROOT / "briefings/files/safer-sleep-abc.png"

_WIDTH, _HEIGHT, _MARGIN, _LEADING, _SIZE = 595, 842, 72, 15, 11
_LINES_PER_PAGE = (_HEIGHT - 2 * _MARGIN) // _LEADING
_CHARS_PER_LINE = 88
_PICTURE = b"\x00\xff\xff\x00"
"""A 2 by 2 grey picture, for a page that is an image and has no text (as a scanned page is)."""


def _string(text: str) -> bytes:
    """A PDF string in WinAnsi (Latin-1 here), with its delimiters escaped."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("–", "-").replace("—", "-")
    raw = text.encode("latin-1", "replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _lines(text: str) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(textwrap.wrap(paragraph, _CHARS_PER_LINE) or [""])
    return lines


def paginate(text: str) -> list[str]:
    """Split text into pages of as many lines as fit on an A4 page."""
    lines = _lines(text)
    return ["\n".join(lines[i : i + _LINES_PER_PAGE]) for i in range(0, len(lines), _LINES_PER_PAGE)] or [""]


def text_pdf(
    pages: Sequence[str | None],
    *,
    info: Mapping[str, str] | None = None,
    xmp: bytes | None = None,
) -> bytes:
    """A PDF whose pages hold the given text (wrapped to fit); a page given as None is a picture with no text.

    Args:
        pages: each page's text, or None for a page that is only a picture.
        info: document properties, such as ``{"Title": "...", "Author": "..."}``.
        xmp: an XMP metadata packet for the document.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree's number is known
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    picture = add(
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n"
        + _PICTURE
        + b"\nendstream"
    )
    kids = []
    for text in pages:
        if text is None:
            content = b"q 451 0 0 698 72 72 cm /Im1 Do Q"
        else:
            shown = b" T*\n".join(_string(line) + b" Tj" for line in _lines(text))
            top = _HEIGHT - _MARGIN
            content = b"BT /F1 %d Tf %d TL %d %d Td\n%s\nET" % (_SIZE, _LEADING, _MARGIN, top, shown)
        stream = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        resources = b"<< /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >>" % (font, picture)
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources %s /Contents %d 0 R >>"
                % (tree, _WIDTH, _HEIGHT, resources, stream)
            )
        )
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    metadata = b""
    if xmp is not None:
        number = add(b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n%s\nendstream" % (len(xmp), xmp))
        metadata = b" /Metadata %d 0 R" % number
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R%s >>" % (tree, metadata)
    trailer_info = b""
    if info:
        number = add(b"<< " + b" ".join(b"/" + k.encode("ascii") + b" " + _string(v) for k, v in info.items()) + b" >>")
        trailer_info = b" /Info %d 0 R" % number
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, trailer_info, xref)
    return bytes(out)


def _plain(markdown: str) -> str:
    """The review's text without front matter or Markdown markup."""
    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    body = re.sub(r"<!--.*?-->", "", body, flags=re.DOTALL)
    body = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body)
    body = re.sub(r"^#+\s*", "", body, flags=re.MULTILINE)
    body = re.sub(r"^\s*[-*]\s+", "- ", body, flags=re.MULTILINE)
    return re.sub(r"[*_`]", "", body).strip()


def main() -> None:
    for review, report, replaced in REPORTS:
        markdown = review.read_text(encoding="utf-8")
        title = re.search(r'^title:\s*"?(.*?)"?\s*$', markdown, re.MULTILINE)
        assert title, f"{review.name} has no title"
        cover = (
            f"{title[1]}\n\nFull report\n\nKestrel Vale Safeguarding Children Partnership\n\n"
            f"This report is published by the partnership. Names have been replaced by {replaced} and by roles."
        )
        pdf = text_pdf([cover, *paginate(_plain(markdown))], info={"Title": title[1]})
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_bytes(pdf)
        print(f"wrote {report.relative_to(ROOT)} ({len(pdf):,} bytes)")
    PICTURE.parent.mkdir(parents=True, exist_ok=True)
    PICTURE.write_bytes(safer_sleep_picture())
    print(f"wrote {PICTURE.relative_to(ROOT)}")


def safer_sleep_picture() -> bytes:
    """Three panels, Alone, Back, Cot, in the site's indigo: the picture in the safer sleep briefing."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    width, height, gap = 900, 300, 30
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    big, small = ImageFont.load_default(size=96), ImageFont.load_default(size=26)
    panel = (width - 4 * gap) // 3
    for i, (letter, words) in enumerate((("A", "Alone"), ("B", "on their Back"), ("C", "in a clear Cot"))):
        left = gap + i * (panel + gap)
        draw.rounded_rectangle((left, gap, left + panel, height - gap), radius=24, fill=(63, 81, 181))
        draw.text((left + panel / 2, 120), letter, font=big, fill="white", anchor="mm")
        draw.text((left + panel / 2, 215), words, font=small, fill="white", anchor="mm")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


if __name__ == "__main__":
    main()
