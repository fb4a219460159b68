"""The pages the library generates for browsing, as Markdown for the site builder.

Everything here is a pure function of the checked library and the day of the
build: review and briefing pages with their metadata panel, the indexes, one
page per theme and per year, the themes overview and the home page's blocks.
Links are written as relative links between ``.md`` files, so the site builder
resolves them (and would report any we got wrong).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

import yaml

from . import layout, search
from .content import Document
from .library import Library
from .vocabulary import BRIEFING, REVIEW

PAGE_SIZE = 50
"""Documents per page of the reviews and briefings indexes: short enough for a phone."""

HOME_MARKERS = ("<!-- learning-library:priorities -->", "<!-- learning-library:latest -->")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def escape(text: str) -> str:
    """Escape text so Markdown shows it as written (titles may contain [brackets] or *stars*)."""
    return _MD_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))


def format_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _front(title: str, description: str | None = None, **extra: object) -> str:
    meta: dict[str, object] = {"title": title}
    if description:
        meta["description"] = description
    meta.update(extra)
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n\n"


class Site:
    """The generated part of the site for one library on one day."""

    def __init__(self, library: Library, on: dt.date) -> None:
        self.library = library
        self.vocabulary = library.vocabulary
        self.on = on
        self.live = library.live(on)
        self.reviews = [d for d in self.live if d.kind == REVIEW]
        self.briefings = [d for d in self.live if d.kind == BRIEFING]
        self.by_slug = {d.slug: d for d in self.live}
        self.by_theme: dict[str, list[Document]] = defaultdict(list)
        self.by_year: dict[int, list[Document]] = defaultdict(list)
        self.cited_by: dict[str, list[Document]] = defaultdict(list)
        for document in self.live:
            for theme in document.themes:
                self.by_theme[theme].append(document)
            self.by_year[document.published.year].append(document)
            for slug in document.related:
                if slug.value in self.by_slug and slug.value != document.slug:
                    self.cited_by[slug.value].append(document)

    def pages(self) -> dict[str, str]:
        """Every generated page, as ``{src_uri: markdown}``."""
        pages: dict[str, str] = {}
        for document in self.live:
            pages[layout.document_uri(document)] = self.document_page(document)
        pages.update(self.index_pages(REVIEW, self.reviews))
        pages.update(self.index_pages(BRIEFING, self.briefings))
        pages[layout.THEMES_INDEX] = self.themes_overview()
        for slug in self.vocabulary.themes:
            pages[layout.theme_uri(slug)] = self.theme_page(slug)
        pages[layout.SEARCH] = search.search_page()
        pages[layout.YEARS_INDEX] = self.years_overview()
        for year in self.by_year:
            pages[layout.year_uri(year)] = self.year_page(year)
        return pages

    # --- one document --------------------------------------------------------------

    def document_page(self, document: Document) -> str:
        uri = layout.document_uri(document)
        parts = [
            _front(document.title, document.summary, library_document=True),
            self.metadata_panel(document, uri),
            document.source.body.strip(),
            "",
        ]
        if document.recommendations:
            parts.append(self.recommendations(document))
        if document.response:
            parts.append(f"## The partnership's response in full\n\n{document.response}\n")
        elif document.response_file:
            link = layout.relative(uri, layout.attachment_uri(document.response_file))
            parts.append(f"## The partnership's response in full\n\n[Read the partnership's response]({link})\n")
        related = self.related(document)
        if related:
            parts.append("## Related learning\n\n" + self.listing(related, uri))
        return "\n".join(parts)

    def metadata_panel(self, document: Document, uri: str) -> str:
        """The panel above the text: type, date, age, agencies, themes, model and report, with the search facets marked."""
        v = self.vocabulary
        kind = "review" if document.is_review else "briefing"
        year_link = layout.relative(uri, layout.year_uri(document.published.year))
        rows = [
            ("Type", search.filter_span("type", v.type_term(document.type).label)),
            ("Published", f"[{format_date(document.published)}]({year_link})"),
        ]
        if document.age_band:
            rows.append(("Age of the child", search.filter_span("age", v.age_bands[document.age_band].label)))
        if document.agencies:
            rows.append(("Agencies involved", ", ".join(search.filter_span("agency", v.agencies[a].label) for a in document.agencies)))
        if document.audience:
            rows.append(("For", ", ".join(escape(a) for a in document.audience)))
        rows.append(("Themes", self.theme_links(document.themes, uri, facet=True)))
        if document.model:
            rows.append(("Review model", escape(document.model)))
        if document.report:
            if document.report_available(self.on):
                link = layout.relative(uri, layout.attachment_uri(document.report))
                rows.append(("Full report", f"[Read the full report (PDF)]({link})"))
            elif document.available_until:
                rows.append(("Full report", f"Available until {format_date(document.available_until)}; the summary remains here"))
        if document.national_repository:
            rows.append(("National repository", f"[This review in the national case review repository]({document.national_repository})"))
        body = "\n\n".join(f"{name}\n:   {value}" for name, value in rows)
        facts = search.hidden_facts(year=document.published.year, date=document.published.isoformat(), summary=document.summary, kind=kind)
        return f'<div class="ll-meta" role="group" aria-label="About this {kind}" data-pagefind-ignore="index" markdown>\n\n{body}\n\n{facts}\n\n</div>\n'

    def recommendations(self, document: Document) -> str:
        lines = ["## Recommendations and progress", "", "| | Recommendation | Owner | Status | Updated |", "|---|---|---|---|---|"]
        for rec in document.recommendations:
            updated = format_date(rec.updated) if rec.updated else ""
            status = rec.status.replace("-", " ").capitalize()
            lines.append(f"| {escape(rec.id)} | {_cell(rec.text)} | {_cell(rec.owner or '')} | {status} | {updated} |")
        return "\n".join(lines) + "\n"

    def related(self, document: Document) -> list[Document]:
        """What this document names in ``related``, then what names it, without repeats."""
        seen = {document.slug}
        found = []
        for doc in [*(self.by_slug.get(s.value) for s in document.related), *self.cited_by.get(document.slug, [])]:
            if doc is not None and doc.slug not in seen:
                seen.add(doc.slug)
                found.append(doc)
        return found

    # --- listings ----------------------------------------------------------------------

    def theme_links(self, themes: Iterable[str], from_uri: str, *, facet: bool = False) -> str:
        """Links to theme pages; on a document's own page they are also its search facets."""
        mark = '{data-pagefind-filter="theme"}' if facet else ""
        return ", ".join(
            f"[{escape(self.vocabulary.themes[t].label)}]({layout.relative(from_uri, layout.theme_uri(t))}){mark}" for t in themes
        )

    def listing(self, documents: Sequence[Document], from_uri: str) -> str:
        """A list of documents with their type, date, summary and themes, as on every index page.

        Written as HTML, not Markdown: indexes and theme pages list every
        document, and in a large library converting those lists from Markdown
        would cost more than all the other generated pages together.
        """
        if not documents:
            return "Nothing has been published here yet.\n"
        urls = self.library.settings.directory_urls
        items = []
        for d in documents:
            link = layout.href(from_uri, layout.document_uri(d), urls)
            themes = ", ".join(
                f'<a href="{layout.href(from_uri, layout.theme_uri(t), urls)}">{html.escape(self.vocabulary.themes[t].label)}</a>'
                for t in d.themes
            )
            items.append(
                f'<li><a class="ll-item-title" href="{link}">{html.escape(d.title)}</a><br>'
                f'<span class="ll-item-meta">{html.escape(self.vocabulary.type_term(d.type).label)} · {format_date(d.published)}</span><br>'
                f"{html.escape(d.summary)}<br>"
                f'<span class="ll-item-themes">Themes: {themes}</span></li>'
            )
        return '<ul class="ll-list">\n' + "\n".join(items) + "\n</ul>\n"

    def index_pages(self, kind: str, documents: list[Document]) -> dict[str, str]:
        title = "Reviews" if kind == REVIEW else "Briefings"
        intro = (
            "Reviews of what happened when a child died or was seriously harmed, and what professionals must learn. Newest first."
            if kind == REVIEW
            else "Briefings that bring together learning for practice, including 7-minute briefings for team meetings. Newest first."
        )
        chunks = [documents[i : i + PAGE_SIZE] for i in range(0, len(documents), PAGE_SIZE)] or [[]]
        pages = {}
        for number, chunk in enumerate(chunks, start=1):
            uri = layout.index_page_uri(kind, number)
            heading = title if number == 1 else f"{title}, page {number} of {len(chunks)}"
            nav = self._pager(kind, number, len(chunks), uri)
            pages[uri] = _front(heading, intro) + f"{intro}\n\n{nav}{self.listing(chunk, uri)}\n{nav}"
        return pages

    def _pager(self, kind: str, number: int, total: int, uri: str) -> str:
        if total == 1:
            return ""
        links = []
        if number > 1:
            links.append(f"[← Newer]({layout.relative(uri, layout.index_page_uri(kind, number - 1))})")
        links.append(f"Page {number} of {total}")
        if number < total:
            links.append(f"[Older →]({layout.relative(uri, layout.index_page_uri(kind, number + 1))})")
        return '<nav class="ll-pager" aria-label="Pages" markdown>' + " · ".join(links) + "</nav>\n\n"

    def theme_page(self, slug: str) -> str:
        term = self.vocabulary.themes[slug]
        uri = layout.theme_uri(slug)
        documents = self.by_theme.get(slug, [])
        reviews = [d for d in documents if d.kind == REVIEW]
        briefings = [d for d in documents if d.kind == BRIEFING]
        parts = [_front(term.label, term.description), f"{escape(term.description)}\n"]
        if term.aliases:
            parts.append(f"Also known as: {escape(', '.join(term.aliases))}.\n")
        parts.append(f"## Briefings ({len(briefings)})\n\n{self.listing(briefings, uri)}")
        parts.append(f"## Reviews ({len(reviews)})\n\n{self.listing(reviews, uri)}")
        return "\n".join(parts)

    def themes_overview(self) -> str:
        uri = layout.THEMES_INDEX
        parts = [
            _front("Themes", "Every theme in the library, grouped."),
            "Every review and briefing is tagged with the themes it teaches about.\n",
        ]
        for facet in self.vocabulary.facets or [""]:
            terms = [t for t in self.vocabulary.themes.values() if t.facet == facet or not self.vocabulary.facets]
            if not terms:
                continue
            label = self.vocabulary.facets[facet].label if facet else "Themes"
            lines = [
                f"- [{escape(t.label)}]({layout.relative(uri, layout.theme_uri(t.slug))}) ({len(self.by_theme.get(t.slug, []))}): {escape(t.description)}"
                for t in terms
            ]
            parts.append(f"## {escape(label)}\n\n" + "\n".join(lines) + "\n")
        return "\n".join(parts)

    def year_page(self, year: int) -> str:
        uri = layout.year_uri(year)
        documents = self.by_year[year]
        return _front(f"Published in {year}", f"Reviews and briefings published in {year}.") + self.listing(documents, uri)

    def years_overview(self) -> str:
        uri = layout.YEARS_INDEX
        lines = [
            f"- [{year}]({layout.relative(uri, layout.year_uri(year))}): {_count(self.by_year[year])}"
            for year in sorted(self.by_year, reverse=True)
        ]
        return _front("By year", "Reviews and briefings by the year they were published.") + "\n".join(lines) + "\n"

    # --- the home page -----------------------------------------------------------------

    def home_blocks(self, uri: str = layout.HOME) -> dict[str, str]:
        """The blocks that replace the markers in the hand-written home page."""
        priorities = []
        for slug in self.vocabulary.priorities:
            term = self.vocabulary.themes[slug]
            documents = self.by_theme.get(slug, [])
            link = layout.relative(uri, layout.theme_uri(slug))
            latest = "".join(
                f"    - [{escape(d.title)}]({layout.relative(uri, layout.document_uri(d))}), {format_date(d.published)}\n"
                for d in documents[:3]
            )
            priorities.append(f"- **[{escape(term.label)}]({link})**: {escape(term.description)} ({_count(documents)})\n{latest}")
        priority_block = "## Our priorities\n\n" + "".join(priorities) if priorities else ""
        latest_block = "## Latest publications\n\n" + self.listing(self.live[:6], uri)
        return {HOME_MARKERS[0]: priority_block, HOME_MARKERS[1]: latest_block}

    def home(self, markdown: str, uri: str = layout.HOME) -> str:
        """The home page with its markers replaced; without markers, the blocks lead the page."""
        blocks = self.home_blocks(uri)
        if not any(marker in markdown for marker in blocks):
            return "\n\n".join([*blocks.values(), markdown])
        for marker, block in blocks.items():
            markdown = markdown.replace(marker, block)
        return markdown


def _cell(text: str) -> str:
    return escape(text).replace("\n", " ")


def _count(documents: Sequence[Document]) -> str:
    reviews = sum(1 for d in documents if d.kind == REVIEW)
    briefings = len(documents) - reviews
    return f"{reviews} review{'s' if reviews != 1 else ''}, {briefings} briefing{'s' if briefings != 1 else ''}"
