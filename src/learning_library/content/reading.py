"""Reading a review, a briefing or a site page: from a file on disk to a :mod:`.model` object and its findings.

One reader per file collects every problem before returning, each with the
line and column of the offending key or value, so that one run of the check
reports all of them. What the front matter may say is :mod:`.schema`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .. import frontmatter, yamltext
from ..errors import CheckUnavailable
from ..findings import Finding
from ..validation import INVALID, FieldSpec, Reader, read_mapping, value_node
from ..vocabulary import REVIEW, SLUG, Vocabulary
from .model import Document, Page, Source
from .schema import DOCUMENT_SPECS, PAGE_SPECS


def read_text(path: Path, display: str) -> str:
    """Read a file as UTF-8.

    Raises:
        CheckUnavailable: the file cannot be read or is not UTF-8 text. A file
            that cannot be read cannot be checked for personal data, so the
            check fails closed rather than skip it.
    """
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CheckUnavailable(f"{display}: the file is not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise CheckUnavailable(f"{display}: the file cannot be read ({exc.strerror}); check it exists and is readable") from None


def parse_document(
    path: Path,
    display: str,
    vocabulary: Vocabulary,
    *,
    folder_kind: str | None = None,
    text: str | None = None,
) -> tuple[Document | None, list[Finding]]:
    """Read one review or briefing and validate its front matter against the content model.

    Args:
        path: the file.
        display: the file as the caller names it, for findings.
        vocabulary: the site's ``themes.yml``.
        folder_kind: ``review`` or ``briefing`` when the file lies in that
            folder, so a type of the other kind is reported; None elsewhere.
        text: the file's contents, if already read.

    Returns:
        The document, or None if it has errors; and every finding in the file.
    """
    if text is None:
        text = read_text(path, display)
    front, findings = frontmatter.split(text, display)
    if findings:
        return None, findings
    r = Reader(front, display, vocabulary=vocabulary)
    slug = path.stem
    if not SLUG.match(slug):
        suggestion = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-") or "a-slug"
        r.report(
            None,
            "bad-slug",
            f"The file name `{path.name}` cannot be a page address; rename it `{suggestion}.md` (lowercase letters, digits and hyphens)",
        )
    if front.node is None:
        r.report(
            None,
            "no-front-matter",
            "The file has no front matter; start it with a line `---`, then `title:`, `type:`, `published:`, `themes:` and `summary:` lines, then `---`",
        )
        return None, r.findings
    kind = _kind_of(front.node, vocabulary)
    specs = {k: s for k, s in DOCUMENT_SPECS.items() if kind is None or s.allows(kind)}
    values = _read_mapping_with_kinds(r, front.node, specs, kind)
    if kind is not None and folder_kind is not None and kind != folder_kind:
        type_node = value_node(front.node, "type")
        other = vocabulary.review_types if folder_kind == REVIEW else vocabulary.briefing_types
        r.report(
            type_node,
            "wrong-kind",
            f"`{_value(type_node)}` is a {kind} type but this file is in {folder_kind}s/; "
            f"move the file to {kind}s/ or use a {folder_kind} type ({', '.join(other)})",
        )
    r.spans.append((front.body_offset, len(front.text)))
    if values is INVALID or (r.findings and any(f.blocks for f in r.findings)):
        return None, r.findings
    response = values.pop("response", None)
    document = Document(
        source=Source(path, display, front, tuple(sorted(r.spans))),
        slug=slug,
        kind=kind or REVIEW,
        response=response[1] if response and response[0] == "text" else None,
        response_file=response[1] if response and response[0] == "file" else None,
        **values,
    )
    return document, r.findings


def parse_page(path: Path, display: str, uri: str, *, text: str | None = None) -> tuple[Page | None, list[Finding]]:
    """Read a hand-written page from ``content/``; its front matter is optional."""
    if text is None:
        text = read_text(path, display)
    front, findings = frontmatter.split(text, display)
    if findings:
        return None, findings
    r = Reader(front, display)
    values: Any = {}
    if front.node is not None:
        values = read_mapping(r, front.node, PAGE_SPECS, where="the front matter")
    r.spans.append((front.body_offset, len(front.text)))
    if values is INVALID:
        return None, r.findings
    source = Source(path, display, front, tuple(sorted(r.spans)))
    page = Page(source, uri, values.get("title"), values.get("pseudonyms", ()), values.get("allow", ()), values.get("checked_by_hand", ()))
    return page, r.findings


def _kind_of(node: yaml.MappingNode, vocabulary: Vocabulary) -> str | None:
    type_node = value_node(node, "type")
    if isinstance(type_node, yaml.ScalarNode):
        return vocabulary.kind_of_type(type_node.value.strip())
    return None


def _value(node: yaml.Node | None) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) else ""


def _read_mapping_with_kinds(r: Reader, node: yaml.MappingNode, specs: dict[str, FieldSpec], kind: str | None) -> Any:
    """Read a document's front matter, explaining keys that belong to the other kind of document."""
    if kind is not None:
        for key_node, _ in node.value:
            spec = DOCUMENT_SPECS.get(key_node.value)
            if spec is not None and not spec.allows(kind):
                type_value = _value(value_node(node, "type"))
                only = next(iter(spec.kinds))
                r.report(
                    key_node,
                    "wrong-kind-key",
                    f"`{key_node.value}` is only for {only}s, but `{type_value}` is a {kind} type; remove `{key_node.value}` or change `type`",
                )
        node = yaml.MappingNode(
            node.tag, [(k, v) for k, v in node.value if k.value in specs or k.value not in DOCUMENT_SPECS], node.start_mark, node.end_mark
        )
    values = read_mapping(r, node, specs, where="the front matter")
    if values is INVALID:
        return INVALID
    values.setdefault("status", "published")
    return values


def fallback_source(path: Path, display: str, text: str) -> tuple[Source, tuple[str, ...]]:
    """The body of a file whose front matter failed validation, with any names it declares.

    Its body is still scanned for personal data, so that one run reports
    every problem; the declared pseudonyms and allow texts are read leniently.
    """
    front, _ = frontmatter.split(text, display)
    declared: list[str] = []
    if front.present and front.body_offset > front.yaml_offset:
        try:
            raw = yaml.load(text[front.yaml_offset : front.body_offset].rsplit("---", 1)[0], Loader=yamltext.Loader)
        except (yaml.YAMLError, ValueError):  # the errors are already reported; this read is best effort
            raw = None
        if isinstance(raw, dict):
            for key in ("pseudonyms", "allow"):
                for item in raw.get(key) or []:
                    value = item.get("text") if isinstance(item, dict) else item
                    if isinstance(value, str):
                        declared.append(value)
    return Source(path, display, front, ((front.body_offset, len(front.text)),)), tuple(declared)
