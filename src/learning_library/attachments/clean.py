"""``learning-library clean-metadata``: copies of PDFs and images without the metadata the check reports.

An author fixes what the check found in the file's properties, GPS position
or comments in one step, without a PDF editor. Each copy is read back with
the same readers as the check before it is written, so a copy that still
carries metadata is never left behind as if it were clean.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import CleanError
from ..library import ATTACHMENT_SUFFIXES
from . import docx, images, pdf

__all__ = ["Cleaned", "clean_metadata", "clean_name"]


@dataclass(frozen=True)
class Cleaned:
    """What cleaning one file did."""

    source: Path
    written: Path | None
    """The clean file; None when there was nothing to remove and nothing was written."""
    removed: tuple[str, ...]


def clean_name(path: Path) -> Path:
    """Where the clean copy of a file goes: beside it, ``report.pdf`` becoming ``report.clean.pdf``."""
    return path.with_name(f"{path.stem}.clean{path.suffix}")


def clean_metadata(path: Path, *, in_place: bool = False) -> Cleaned:
    """Write a copy of a PDF, a Word document or an image without its metadata.

    Args:
        path: the file.
        in_place: replace the file itself (its name, and so every link to it, stays the same).

    Raises:
        CleanError: the file cannot be read, is of a kind that cannot be cleaned,
            or its copy would still carry metadata.
    """
    suffix = path.suffix.lower()
    if suffix not in ATTACHMENT_SUFFIXES:
        raise CleanError(
            f"only PDF, Word .docx, PNG, JPEG, GIF and WebP files can be cleaned, not {suffix or 'a file without an extension'}"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CleanError(f"the file cannot be read ({exc.strerror})") from None
    reader = {".pdf": pdf, ".docx": docx}.get(suffix, images)
    clean, removed = reader.clean(data)
    left = reader.inspect(clean)
    leftover = [p.field or p.rule for p in left.problems if p.rule == "attachments/gps"]
    leftover += [u.field for u in left.units if u.field is not None and _is_metadata(u.field, u.page, word=reader is docx)]
    if leftover:
        raise CleanError(f"the copy would still carry {', '.join(sorted(set(leftover)))}; remove it in the program that made the file")
    if not removed:
        return Cleaned(path, None, ())
    target = path if in_place else clean_name(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        handle.write(clean)
    os.replace(tmp, target)
    return Cleaned(path, target, tuple(removed))


def _is_metadata(field: str, page: int | None, *, word: bool) -> bool:
    """Whether a text read back from a clean copy is metadata it should no longer carry (rather than its content)."""
    if word:
        return field.startswith(("Property", "Custom property", "Embedded picture"))
    return page is None or field.startswith("XMP")
