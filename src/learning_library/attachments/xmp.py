"""XMP: the metadata packet (RDF in XML) that PDFs and images both carry.

Only the descriptive properties people write into (title, description,
author, keywords, captions, owner, people shown, places) are read as text to
scan. Technical properties (dates the file was saved, document IDs, software
history) are not: they hold no personal data and would only raise false
alarms. GPS positions are reported whatever else the packet holds.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .inspection import CLEAN_HINT, Inspection, Problem, Unit

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PREFIXES = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/pdf/1.3/": "pdf",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://ns.adobe.com/exif/1.0/": "exif",
    "http://cipa.jp/exif/1.0/": "exifEX",
    "http://ns.adobe.com/exif/1.0/aux/": "aux",
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "Iptc4xmpCore",
    "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": "Iptc4xmpExt",
    "http://www.metadataworkinggroup.com/schemas/regions/": "mwg-rs",
    "http://ns.microsoft.com/photo/1.2/": "MP",
    "http://ns.microsoft.com/photo/1.2/t/RegionInfo#": "MPRI",
    "http://ns.microsoft.com/photo/1.2/t/Region#": "MPReg",
    "http://ns.adobe.com/tiff/1.0/": "tiff",
}

PERSON = frozenset(
    {
        "dc:creator",
        "dc:contributor",
        "pdf:Author",
        "photoshop:AuthorsPosition",
        "photoshop:CaptionWriter",
        "xmpRights:Owner",
        "aux:OwnerName",
        "exifEX:CameraOwnerName",
        "Iptc4xmpCore:CreatorContactInfo",
        "Iptc4xmpExt:PersonInImage",
        "mwg-rs:Regions",
        "MP:RegionInfo",
    }
)
"""Properties that name a person: who made the file, who owns the camera, who is in the picture."""

DESCRIPTIVE = PERSON | frozenset(
    {
        "dc:title",
        "dc:description",
        "dc:subject",
        "dc:publisher",
        "dc:rights",
        "dc:source",
        "dc:coverage",
        "pdf:Keywords",
        "pdf:Producer",
        "xmp:CreatorTool",
        "xmp:Label",
        "xmp:Nickname",
        "photoshop:Credit",
        "photoshop:Headline",
        "photoshop:Instructions",
        "photoshop:City",
        "photoshop:State",
        "photoshop:Country",
        "photoshop:Source",
        "photoshop:TransmissionReference",
        "xmpRights:UsageTerms",
        "xmpRights:WebStatement",
        "exif:UserComment",
        "tiff:Artist",
        "tiff:ImageDescription",
        "tiff:Copyright",
        "Iptc4xmpCore:Location",
        "Iptc4xmpExt:LocationShown",
        "Iptc4xmpExt:LocationCreated",
    }
)
"""Properties people write into, read as text to scan."""

GPS = frozenset({"exif:GPSLatitude", "exif:GPSLongitude", "exif:GPSDestLatitude", "exif:GPSDestLongitude"})

_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def _name(tag: str) -> str:
    """``{namespace}local`` as ``prefix:local``, with the namespace itself where the prefix is not known."""
    if tag.startswith("{"):
        namespace, local = tag[1:].split("}", 1)
        return f"{PREFIXES.get(namespace, namespace)}:{local}"
    return tag


def read(packet: bytes, inspection: Inspection, *, page: int | None = None, where: str = "XMP") -> None:
    """Add an XMP packet's descriptive values and GPS position to an inspection.

    Args:
        packet: the XMP packet as stored in the file.
        inspection: where the units and problems go.
        page: the page the packet belongs to, for a PDF page's own metadata.
        where: how findings name the packet (``XMP``).
    """
    packet = packet.strip(b"\x00 \r\n\t")
    if not packet:
        return
    if _DOCTYPE.search(packet):
        # XMP never needs a DTD; one could only be there to expand entities.
        why = "the metadata declares XML entities, so it cannot be read safely"
        inspection.problems.append(Problem("attachments/unreadable", f"{where}: {why}; {CLEAN_HINT}", page=page, field=where))
        return
    try:
        root = ET.fromstring(packet)
    except ET.ParseError as exc:
        why = f"the metadata is not well-formed XML ({exc}), so it cannot be checked"
        inspection.problems.append(Problem("attachments/unreadable", f"{where}: {why}; {CLEAN_HINT}", page=page, field=where))
        return
    rdf_roots = [root] if root.tag == f"{{{_RDF}}}RDF" else list(root.iter(f"{{{_RDF}}}RDF"))
    # Only top-level descriptions: a nested one (a structure) is read as part of the property holding it.
    for description in (d for r in rdf_roots for d in r.findall(f"{{{_RDF}}}Description")):
        properties: list[tuple[str, list[str]]] = []
        for attribute, value in description.attrib.items():
            if not attribute.startswith(f"{{{_RDF}}}"):
                properties.append((_name(attribute), [value]))
        for child in description:
            properties.append((_name(child.tag), _values(child)))
        for name, values in properties:
            texts = [v.strip() for v in values if v and v.strip()]
            if not texts:
                continue
            field = f"{where} {name}"
            if name in GPS:
                inspection.problems.append(
                    Problem(
                        "attachments/gps",
                        f"{field}: the file records a GPS position (where it was made); " + CLEAN_HINT,
                        page=page,
                        field=field,
                    )
                )
            elif name in DESCRIPTIVE:
                inspection.units.append(Unit("\n".join(texts), page=page, field=field, person=name in PERSON))


def _values(element: ET.Element) -> list[str]:
    """Every text and attribute value inside a property: simple values, lists (rdf:Seq, rdf:Bag, rdf:Alt) and structures."""
    values = []
    for node in element.iter():
        if node.text and node.text.strip():
            values.append(node.text)
        values.extend(v for k, v in node.attrib.items() if not k.startswith(f"{{{_RDF}}}") and not k.startswith("{http://www.w3.org/XML"))
    return values
