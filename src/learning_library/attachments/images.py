"""Images: their EXIF, XMP and IPTC metadata and comments; and a copy without them.

A photo taken on a phone records where it was taken (GPS), often who owns
the camera, and whatever an editor typed into its caption or comments. The
picture itself is not read: what it shows is for the author and the person
who signs off; its alt text is in the Markdown and is checked there.
"""

from __future__ import annotations

import io
from typing import Any

from ..errors import CleanError
from .inspection import CLEAN_HINT, HAND_CHECK_HINT, Inspection, Problem, Unit
from .xmp import read as read_xmp

_GPS_IFD, _EXIF_IFD = 0x8825, 0x8769
_ORIENTATION = 0x0112

EXIF_TEXT = {
    0x010E: ("ImageDescription", False),
    0x013B: ("Artist", True),
    0x8298: ("Copyright", False),
    0x9C9B: ("XPTitle", False),
    0x9C9C: ("XPComment", False),
    0x9C9D: ("XPAuthor", True),
    0x9C9E: ("XPKeywords", False),
    0x9C9F: ("XPSubject", False),
}
"""EXIF tags people write into (name, whether it names a person). Make, model and settings are not personal data."""

EXIF_IFD_TEXT = {
    0x9286: ("UserComment", False),
    0xA430: ("CameraOwnerName", True),
}

IPTC_TEXT = {
    5: ("Object Name", False),
    25: ("Keywords", False),
    40: ("Special Instructions", False),
    80: ("By-line", True),
    85: ("By-line Title", True),
    90: ("City", False),
    92: ("Sub-location", False),
    95: ("Province-State", False),
    101: ("Country", False),
    105: ("Headline", False),
    110: ("Credit", False),
    115: ("Source", False),
    116: ("Copyright Notice", False),
    118: ("Contact", True),
    120: ("Caption", False),
    122: ("Writer-Editor", True),
}
"""IPTC (news photo) datasets in record 2 that hold text people wrote."""

_TEXT_CHUNK_PERSON = frozenset({"Author"})
_TEXT_CHUNK_SKIP = frozenset({"Creation Time", "XML:com.adobe.xmp", "Raw profile type exif", "Raw profile type iptc"})
_KEEP = ("icc_profile", "transparency", "dpi", "duration", "loop", "background")
"""What a clean copy keeps from the original's information: colour, transparency and animation, nothing about people."""


def _open(data: bytes) -> Any:
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def inspect(data: bytes) -> Inspection:
    """Read an image's EXIF (with its GPS position), XMP, IPTC, comments and text chunks."""
    inspection = Inspection()
    try:
        image = _open(data)
    except Exception as exc:  # Pillow raises many kinds of exception on a damaged or unknown file
        inspection.problems.append(
            Problem(
                "attachments/unreadable",
                f"The image cannot be read ({_why(exc)}), so it cannot be checked; save it again as PNG or JPEG, {HAND_CHECK_HINT}",
            )
        )
        return inspection
    with image:
        _exif(image, inspection)
        for key in ("xmp", "XML:com.adobe.xmp"):
            value = image.info.get(key)
            if value:
                read_xmp(value.encode("utf-8") if isinstance(value, str) else value, inspection)
                break
        comment = image.info.get("comment")
        if comment:
            inspection.units.append(Unit(_decode(comment), field="Comment"))
        for key, value in (getattr(image, "text", None) or {}).items():
            if key not in _TEXT_CHUNK_SKIP and isinstance(value, str) and value.strip():
                inspection.units.append(Unit(value.strip(), field=f"PNG text {key}", person=key in _TEXT_CHUNK_PERSON))
        _iptc(image, inspection)
    return inspection


def _why(exc: Exception) -> str:
    from PIL import UnidentifiedImageError

    if isinstance(exc, UnidentifiedImageError):
        return "it is not an image in a format the check knows, or it is damaged"
    return f"{type(exc).__name__}: {exc}"


def _exif(image: Any, inspection: Inspection) -> None:
    exif = image.getexif()
    if not exif:
        return
    gps = exif.get_ifd(_GPS_IFD)
    if any(tag != 0 for tag in gps):  # tag 0 is only the version of the GPS format
        inspection.problems.append(
            Problem(
                "attachments/gps",
                "EXIF GPS: the image records a GPS position (where it was taken); " + CLEAN_HINT,
                field="EXIF GPS",
            )
        )
    for tags, values in ((EXIF_TEXT, exif), (EXIF_IFD_TEXT, exif.get_ifd(_EXIF_IFD))):
        for tag, (name, person) in tags.items():
            text = _decode(values.get(tag), user_comment=tag == 0x9286)
            if text:
                inspection.units.append(Unit(text, field=f"EXIF {name}", person=person))


def _iptc(image: Any, inspection: Inspection) -> None:
    from PIL import IptcImagePlugin

    try:
        info = IptcImagePlugin.getiptcinfo(image) or {}
    except Exception:  # a damaged IPTC block is read as none; the clean copy drops it anyway
        return
    for (record, dataset), value in sorted(info.items()):
        if record == 2 and dataset in IPTC_TEXT:
            name, person = IPTC_TEXT[dataset]
            values = value if isinstance(value, list) else [value]
            text = "\n".join(t for t in (_decode(v) for v in values) if t)
            if text:
                inspection.units.append(Unit(text, field=f"IPTC {name}", person=person))


def _decode(value: object, *, user_comment: bool = False) -> str:
    """EXIF and IPTC text as a string: plain ASCII, UTF-8, Windows' UTF-16 XP tags, or a UserComment with its charset header."""
    if value is None:
        return ""
    if isinstance(value, tuple) and all(isinstance(v, int) for v in value):
        value = bytes(value)
    if isinstance(value, bytes):
        if user_comment and len(value) >= 8:
            header, value = value[:8], value[8:]
            if header.startswith(b"UNICODE"):
                return value.decode("utf-16-be" if value[:1] == b"\x00" else "utf-16-le", "replace").strip("\x00 ").strip()
        if len(value) >= 2 and value[1:2] == b"\x00":
            return value.decode("utf-16-le", "replace").strip("\x00 ").strip()
        return value.decode("utf-8", "replace").strip("\x00 ").strip()
    return str(value).strip("\x00 ").strip()


def clean(data: bytes) -> tuple[bytes, list[str]]:
    """A copy of the image without EXIF, XMP, IPTC, comments or text chunks, turned the way it was shown.

    A JPEG is saved again with its own quality settings, so it looks the same;
    a photo that relied on EXIF to be shown upright is turned first, since
    the orientation goes with the rest of the EXIF.

    Returns:
        The clean image, and what was removed, in words.

    Raises:
        CleanError: the image cannot be read.
    """
    from PIL import ImageOps, ImageSequence

    try:
        image = _open(data)
    except Exception as exc:
        raise CleanError(f"the image cannot be read ({_why(exc)}); save it again as PNG or JPEG") from None
    with image:
        fmt = image.format
        exif = image.getexif()
        removed = ["EXIF"] if exif else []
        removed += [
            name
            for key, name in (("xmp", "XMP"), ("XML:com.adobe.xmp", "XMP"), ("comment", "comment"), ("photoshop", "IPTC"))
            if image.info.get(key)
        ]
        removed += [f"text {key}" for key in (getattr(image, "text", None) or {})]
        params: dict[str, Any] = {k: image.info[k] for k in _KEEP if k in image.info}
        upright = exif.get(_ORIENTATION, 1) in (None, 1)
        if fmt == "JPEG" and upright:
            image.info = {}
            frames = [image]
            params.update(quality="keep", subsampling="keep")
        elif getattr(image, "n_frames", 1) > 1:
            frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
        else:
            frames = [image.copy() if upright else ImageOps.exif_transpose(image)]
        for frame in frames:
            frame.info = {}
        if len(frames) > 1:
            params.update(save_all=True, append_images=frames[1:])
        if fmt == "JPEG" and not upright:
            params["quality"] = 95
        out = io.BytesIO()
        frames[0].save(out, format=fmt, exif=b"", **params)
    return out.getvalue(), sorted(set(removed))
