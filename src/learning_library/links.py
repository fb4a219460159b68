"""Links between documents: ``related`` slugs and links in the text, checked against the built site.

A link is checked against the site as it will be built on the day (drafts and
scheduled documents are not on it), so a page that would publish a dead link
fails here, with a fix, rather than in MkDocs' own warnings.
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import addresses, fences
from .content import Document, Page, Source
from .findings import Finding, Severity
from .library import Library
from .text import format_date

_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.DOTALL)
_INLINE_LINK = re.compile(r"(?P<image>!?)\[(?P<label>[^\]\n]*)\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(?P<target>\S+?)>?(?:\s|$)", re.MULTILINE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_HTML_REFERENCE = re.compile(
    r"""<(?P<tag>a|img|source|video|audio|embed|object)\b[^>]*?\s(?:src|href|data|poster)\s*=\s*["'](?P<target>[^"'\s]+)["']""",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Link:
    """A link or image in a page's text, with where it is in the file."""

    target: str
    offset: int
    image: bool
    label: str


def _without_code(body: str) -> str:
    """The body with code blanked out (offsets unchanged): nothing in code is a link."""
    body = fences.blank_code(body)
    if "`" in body:
        body = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), body)
    return body


def links_in(source: Source) -> Iterator[Link]:
    """Yield the links and images in a file's body, skipping code, where nothing is a link."""
    body = source.body
    if "](" not in body and "]:" not in body:
        return  # most documents link nowhere; skip the regular expressions
    base = source.front.body_offset
    masked = _without_code(body)
    for m in _INLINE_LINK.finditer(masked):
        yield Link(m["target"], base + m.start("target"), bool(m["image"]), m["label"])
    for m in _REFERENCE.finditer(masked):
        yield Link(m["target"], base + m.start("target"), False, "")


def html_links_in(source: Source) -> Iterator[Link]:
    """Yield the files an HTML tag in a file's body refers to (``<img src>``, ``<a href>``), skipping code.

    The attachment check needs them (an image shown with ``<img>`` is published
    and checked like one shown with Markdown); the link check reads Markdown only.
    """
    body = source.body
    if "<" not in body:
        return
    base = source.front.body_offset
    for m in _HTML_REFERENCE.finditer(_without_code(body)):
        yield Link(m["target"], base + m.start("target"), m["tag"].lower() != "a", "")


class SiteMap:
    """The paths the built site will have on a given day, for checking links against."""

    def __init__(self, library: Library, on: dt.date) -> None:
        self.on = on
        live = library.live(on)
        self.live_documents = {addresses.document_uri(d): d for d in live}
        self.all_documents = {addresses.document_uri(d): d for d in library.documents}
        self.pages = {p.uri for p in library.pages}
        years = {d.published.year for d in live}
        self.generated = {
            addresses.REVIEWS_INDEX,
            addresses.BRIEFINGS_INDEX,
            addresses.THEMES_INDEX,
            addresses.YEARS_INDEX,
            *addresses.GENERATED_PAGES,
            addresses.FEED,
            addresses.CATALOGUE,
            addresses.CATALOGUE_SCHEMA,
            addresses.PACKS_INDEX,
            *(addresses.pack_uri(a) for a in library.vocabulary.agencies),
            *(addresses.theme_feed(t) for t in library.vocabulary.themes),
            *(addresses.type_feed(t) for t in [*library.vocabulary.review_types, *library.vocabulary.briefing_types]),
            *(addresses.theme_uri(t) for t in library.vocabulary.themes),
            *(addresses.year_uri(y) for y in years),
        }
        self.files = set(_files_under(library.settings.docs_dir, library.settings.docs_dir))
        for folder in (library.settings.reviews_dir, library.settings.briefings_dir):
            self.files.update(_files_under(folder / "files", library.settings.root))

    def pages_and_files(self) -> set[str]:
        return set(self.live_documents) | self.pages | self.generated | self.files


def _files_under(folder: Path, relative_to: Path) -> Iterator[str]:
    if folder.is_dir():
        for p in folder.rglob("*"):
            if p.is_file() and p.suffix != ".md":
                yield p.relative_to(relative_to).as_posix()


def check_links(library: Library, on: dt.date, sources: Iterable[Document | Page] | None = None) -> list[Finding]:
    """Check ``related`` slugs and the links in the text of the given documents and pages.

    Args:
        library: the whole library, which links are resolved against.
        on: the day the site is built, which decides what is published.
        sources: what to report on; by default everything in the library.
    """
    site = SiteMap(library, on)
    known = site.pages_and_files()
    by_slug = library.by_slug()
    findings: list[Finding] = []
    items: list[Document | Page] = list(sources) if sources is not None else [*library.documents, *library.pages]
    for item in items:
        if isinstance(item, Document):
            findings.extend(_check_related(item, by_slug, library.extra_slugs, on))
            findings.extend(_check_superseded(item, by_slug, library.extra_slugs, on))
            uri = addresses.document_uri(item)
        else:
            uri = item.uri
        findings.extend(_check_body_links(item.source, uri, site, known))
    return findings


def _check_related(document: Document, by_slug: dict[str, Document], unreadable: dict[str, str], on: dt.date) -> Iterator[Finding]:
    path = document.source.display
    for slug in document.related:
        target = by_slug.get(slug.value)
        if slug.value == document.slug:
            yield Finding(
                path, slug.line, slug.column, "links/related-self", "`related` lists this document itself; remove it", Severity.WARNING
            )
        elif target is None and slug.value not in unreadable:
            close = difflib.get_close_matches(slug.value, list(by_slug), n=1, cutoff=0.6)
            hint = f"did you mean `{close[0]}`?" if close else "use the file name of a review or briefing, without .md"
            yield Finding(
                path,
                slug.line,
                slug.column,
                "links/unknown-related",
                f"`related` lists `{slug.value}`, but no review or briefing has that slug; {hint}",
            )
        elif target is not None and document.is_live(on) and not target.is_live(on):
            yield Finding(
                path,
                slug.line,
                slug.column,
                "links/related-unpublished",
                f"`related` lists `{slug.value}`, which {_why_unpublished(target)}; it will be listed once it is published",
                Severity.WARNING,
            )


def _check_superseded(document: Document, by_slug: dict[str, Document], unreadable: dict[str, str], on: dt.date) -> Iterator[Finding]:
    """``superseded_by`` names one other document, which readers are sent on to."""
    slug = document.superseded_by
    if slug is None:
        return
    path = document.source.display
    target = by_slug.get(slug.value)
    if slug.value == document.slug:
        yield Finding(
            path, slug.line, slug.column, "links/superseded-by-self",
            "`superseded_by` names this document itself; give the slug of the document that replaces it, or remove the line",
        )  # fmt: skip
    elif target is None and slug.value not in unreadable:
        close = difflib.get_close_matches(slug.value, list(by_slug), n=1, cutoff=0.6)
        hint = f"did you mean `{close[0]}`?" if close else "use the file name of the review or briefing that replaces this one, without .md"
        yield Finding(
            path, slug.line, slug.column, "links/unknown-superseded-by",
            f"`superseded_by` names `{slug.value}`, but no review or briefing has that slug; {hint}",
        )  # fmt: skip
    elif target is not None and document.is_live(on) and not target.is_live(on):
        yield Finding(
            path, slug.line, slug.column, "links/superseded-by-unpublished",
            f"`superseded_by` names `{slug.value}`, which {_why_unpublished(target)}; the page will link to it once it is published",
            Severity.WARNING,
        )  # fmt: skip


def _check_body_links(source: Source, uri: str, site: SiteMap, known: set[str]) -> Iterator[Finding]:
    for link in links_in(source):
        target = link.target
        if _SCHEME.match(target) or target.startswith(("#", "/")):
            continue
        path = target.split("#", 1)[0].split("?", 1)[0]
        if not path:
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(uri), path))
        if resolved in known:
            continue
        line, column = source.front.position(link.offset)
        end = (line, column + len(target))
        if resolved in site.all_documents:
            why = _why_unpublished(site.all_documents[resolved])
            yield Finding(
                source.display, line, column, "links/unpublished",
                f"The link to `{target}` points at a document that {why}; remove the link until that document is published",
                end_line=end[0], end_column=end[1],
            )  # fmt: skip
            continue
        wanted = posixpath.basename(resolved)
        candidates = {posixpath.basename(k): k for k in known}
        close = difflib.get_close_matches(wanted, list(candidates), n=1, cutoff=0.7)
        hint = (
            f"did you mean `{addresses.relative(uri, candidates[close[0]])}`?"
            if close
            else "check the file name, or link to a page that exists"
        )
        kind = "image" if link.image else "link"
        yield Finding(
            source.display, line, column, "links/broken",
            f"The {kind} `{target}` points at nothing on the site; {hint}",
            end_line=end[0], end_column=end[1],
        )  # fmt: skip


def _why_unpublished(document: Document) -> str:
    if document.status == "draft":
        return "is a draft"
    return f"is scheduled for {format_date(document.published)}"


def duplicate_slugs(library: Library) -> list[Finding]:
    """Slugs are page addresses, so two documents with the same file name cannot both be published."""
    first: dict[str, Document] = {}
    findings = []
    for document in sorted(library.documents, key=lambda d: d.source.display):
        other = first.setdefault(document.slug, document)
        if other is not document:
            findings.append(
                Finding(
                    document.source.display,
                    1,
                    1,
                    "metadata/duplicate-slug",
                    f"The slug `{document.slug}` is also used by {other.source.display}; rename one of the two files",
                )
            )
    return findings
