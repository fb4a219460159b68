"""``learning-library import``: a reviewer's Word document as a draft review or briefing.

The steps, each in its own module:

- :mod:`.convert`: the document read safely and converted (by mammoth) as Word shows it, pictures cleaned;
- :mod:`.markdown`: mammoth's HTML as blocks, and blocks as the site's Markdown;
- :mod:`.details`: the title, type, model, themes, summary and recommendations the document gives.

The draft is written by the same templates and the same never-overwrite rule
as ``learning-library new`` (:mod:`learning_library.authoring`), with
``status: draft`` and placeholders where nothing was found. A document with
tracked changes or comments is refused unless the author asks for it as it
reads with every change accepted (``accept_changes``): what a deleted
sentence said, or what a comment asked, is for a person to settle in Word.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .. import authoring
from ..attachments import docx
from ..errors import CannotCreate
from ..library import Settings, display_path
from ..vocabulary import Vocabulary
from . import details
from .convert import convert, read_package
from .markdown import Block, Node, render

SUFFIX = ".docx"
OTHER_FORMATS = {
    ".odt": "OpenDocument text",
    ".doc": "an old-style Word document",
    ".docm": "a Word document with macros",
    ".rtf": "Rich Text",
    ".pdf": "a PDF",
}
"""Formats people may try to import, each told to save the document as ``.docx`` first."""
RECOMMENDATIONS_MOVED = "The review's recommendations, their owners and their progress are shown on this page."


@dataclass
class Imported:
    """What the import wrote, and what the author should know about it."""

    path: Path
    pictures: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What was done on the author's behalf or could not be done ("tracked changes were accepted")."""


def import_word(
    settings: Settings,
    vocabulary: Vocabulary,
    source: Path,
    *,
    published: dt.date,
    title: str = "",
    themes: tuple[str, ...] = (),
    type_: str | None = None,
    accept_changes: bool = False,
) -> Imported:
    """Write a draft review or briefing from a Word document, with its pictures, and return what was written.

    Args:
        settings: the library's settings (where its reviews and briefings live).
        vocabulary: its ``themes.yml``: the types and themes to find and check.
        source: the ``.docx``.
        published: the planned publication date; its year starts the slug.
        title: the title to use instead of the document's own.
        themes: theme slugs to use instead of those suggested from the text.
        type_: the review or briefing type to use instead of the one the document names.
        accept_changes: import the document as it reads with every tracked change accepted and comments removed.

    Raises:
        CannotCreate: the file is not a readable ``.docx``, has tracked changes or comments (without
            ``accept_changes``), gives no title, names an unknown type or theme, or its draft exists already.
    """
    name = display_path(source)
    suffix = source.suffix.lower()
    if suffix != SUFFIX:
        what = OTHER_FORMATS.get(suffix, f"a {suffix or 'file without an extension'} file")
        raise CannotCreate(
            f"{name} is {what}, which cannot be imported; open it in Word (or LibreOffice) and save it as a Word Document (.docx), "
            "then import that"
        )
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise CannotCreate(f"{name} cannot be read ({exc.strerror}); check the path") from None
    package = read_package(data, name)
    notes = []
    undecided = [p for p in docx.inspect(data).problems if p.rule in ("attachments/tracked-changes", "attachments/comments")]
    if undecided and not accept_changes:
        what = " and ".join(p.message.split(":", 1)[1].split(",", 1)[0].split("(", 1)[0].strip() for p in undecided)
        raise CannotCreate(
            f"{name} {what.replace('the document ', '')}: a person must decide on them. In Word, accept or reject the changes and "
            "delete the comments (Review), save, and import again; or import with --accept-changes to take the document as it "
            "reads with every change accepted and the comments left out"
        )
    if undecided:
        notes.append("tracked changes were accepted and comments left out (--accept-changes); the Word document itself still has them")

    conversion = convert(package, accept_changes=accept_changes)
    found = conversion.converted.blocks
    at = details.title_block(found)
    document_title = found[at].plain if at is not None else details.first_heading(found)
    if at is not None:
        del found[at]
    chosen_title = authoring.check_title(title or document_title or "")
    text = "\n".join(b.plain for b in found)
    chosen_type = type_ or details.review_type(chosen_title, text, vocabulary) or authoring.KINDS["review"].default_type
    kind = authoring.kind_for_type(vocabulary, chosen_type)
    review = authoring.KINDS[kind].review
    chosen_themes = authoring.check_themes(vocabulary, themes or details.themes(f"{chosen_title}\n{text}", vocabulary))
    recommendations = details.recommendations(found, Node("p", children=[Node("", text=RECOMMENDATIONS_MOVED)])) if review else []
    owned = [(text, details.owner(text, vocabulary)) for text in recommendations]
    found_details = authoring.Found(
        summary=details.summary(found),
        model=details.model(text) if review else "",
        recommendations=owned,
        pseudonyms=details.pseudonyms(text),
        response_in_text=details.has_response(found),
    )

    slug = authoring.slug_for(chosen_title, published)
    folder = authoring.KINDS[kind].folder
    target = authoring.target_for(settings, folder, slug)
    pictures = _picture_paths(target, slug, [p.extension for p in conversion.pictures])
    for picture, path in zip(conversion.pictures, pictures, strict=True):
        _replace_token(found, picture.token, f"files/{path.name}")
    body = render(found, conversion.converted.notes, details.heading_shift(found))
    text_out = authoring.render(
        kind,
        title=chosen_title,
        published=published,
        themes=chosen_themes,
        type_=chosen_type,
        found=authoring.Found(
            body=body,
            summary=found_details.summary,
            model=found_details.model,
            recommendations=found_details.recommendations,
            pseudonyms=found_details.pseudonyms,
            response_in_text=found_details.response_in_text,
        ),
    )
    written: list[Path] = []
    try:
        for picture, path in zip(conversion.pictures, pictures, strict=True):
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("xb") as handle:
                handle.write(picture.data)
            written.append(path)
        created = authoring.write_new(settings, folder, slug, text_out)
    except (OSError, CannotCreate) as exc:
        for path in written:
            path.unlink(missing_ok=True)  # nothing half-imported is left behind
        if isinstance(exc, CannotCreate):
            raise
        raise CannotCreate(
            f"{display_path(exc.filename or target)} cannot be written ({exc.strerror}); check the folder is writable"
        ) from None
    notes += [f"{n[0].upper()}{n[1:]}" for n in conversion.notes]
    notes += _not_brought_across(package.names)
    return Imported(created, written, notes)


def _not_brought_across(names: Sequence[str]) -> list[str]:
    """A note for the SmartArt diagrams and charts the draft leaves out: a family tree is often one, and must not be lost unseen."""
    notes = []
    for count, what in zip(docx.diagrams_and_charts(names), ("SmartArt diagram", "chart"), strict=True):
        if count:
            noun = what if count == 1 else f"{what}s"
            notes.append(
                f"The document has {count} {noun}, which the draft does not include: in Word, right-click each, Save as Picture "
                "(PNG), put it in the files/ folder, and add it where it belongs with ![what it shows](files/NAME.png)"
            )
    return notes


def _picture_paths(target: Path, slug: str, extensions: list[str]) -> list[Path]:
    folder = target.parent / "files"
    paths = [folder / f"{slug}-picture-{n}.{extension}" for n, extension in enumerate(extensions, 1)]
    for path in paths:
        if path.exists():
            raise CannotCreate(f"{display_path(path)} already exists and is never overwritten; move it, or give a different title")
    return paths


def _replace_token(found: list[Block], token: str, src: str) -> None:
    """Point a picture's ``img`` at its file (a list's or a table's ``node`` holds all of its items and cells)."""
    for block in found:
        for node in _walk(block.node):
            if node.tag == "img" and node.attrs.get("src") == token:
                node.attrs["src"] = src


def _walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node.children:
        yield from _walk(child)
