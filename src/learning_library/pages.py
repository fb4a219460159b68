"""The pages the library generates for browsing, as Markdown for the site builder.

Everything here is a pure function of the checked library and the day of the
build: review and briefing pages with their metadata panel (7-minute briefings
as a one-page handout), the indexes, one page per theme (a learning hub) and
per year, the themes overview, the recommendations tracker, statistics, what's
new and its feed, and the home page's blocks.
Links are written as relative links between ``.md`` files, so the site builder
resolves them (and would report any we got wrong).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from . import addresses, feed, fences, search, statistics, tracker
from .content import Document, headings, learning_points
from .library import Library
from .text import escape_html, format_date, format_month, front_matter, markdown_cell, noun_for, plural
from .text import escape_markdown as escape
from .tracker import STATUS_LABELS, Tracked
from .vocabulary import BRIEFING, REVIEW

PAGE_SIZE = 50
"""Documents per page of the reviews and briefings indexes: short enough for a phone."""

SEVEN_MINUTE_BRIEFING = "seven-minute-briefing"
"""The briefing type shown as a one-page handout of seven numbered parts."""
LEARNING_REVIEWS_ON_THEME = 5
"""Reviews whose learning points a theme page lists: the newest, so a theme with many reviews stays readable."""
WHATS_NEW_MONTHS = 12
HOME_MARKERS = ("<!-- learning-library:priorities -->", "<!-- learning-library:latest -->")


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
        settings = library.settings
        self.tracked = tracker.track(self.reviews, on, settings.overdue_after_months)
        self._learning_points: dict[str, list[tuple[str, str]]] = {}
        self.tracked_by_review: dict[str, list[Tracked]] = defaultdict(list)
        for row in self.tracked:
            self.tracked_by_review[row.review.slug].append(row)

    def pages(self) -> dict[str, str]:
        """Every generated page, as ``{src_uri: markdown}``."""
        pages: dict[str, str] = {}
        for document in self.live:
            pages[addresses.document_uri(document)] = self.document_page(document)
        pages.update(self.index_pages(REVIEW, self.reviews))
        pages.update(self.index_pages(BRIEFING, self.briefings))
        pages[addresses.THEMES_INDEX] = self.themes_overview()
        for slug in self.vocabulary.themes:
            pages[addresses.theme_uri(slug)] = self.theme_page(slug)
        pages[addresses.SEARCH] = search.search_page()
        pages[addresses.YEARS_INDEX] = self.years_overview()
        for year in self.by_year:
            pages[addresses.year_uri(year)] = self.year_page(year)
        settings = self.library.settings
        pages[addresses.TRACKER] = tracker.page(
            self.tracked, self.vocabulary, self.on, settings.overdue_after_months, settings.directory_urls
        )
        figures = statistics.figures(self.live, self.tracked, self.vocabulary)
        pages[addresses.STATISTICS] = statistics.page(figures, self.vocabulary, settings.directory_urls)
        pages[addresses.WHATS_NEW] = self.whats_new()
        return pages

    def feed(self) -> str:
        """The Atom feed of what is published today (``feed.xml``)."""
        settings = self.library.settings
        return feed.atom(
            self.live, self.vocabulary, title=settings.site_name, site_url=settings.site_url, directory_urls=settings.directory_urls
        )

    # --- one document --------------------------------------------------------------

    def document_page(self, document: Document) -> str:
        uri = addresses.document_uri(document)
        handout = document.type == SEVEN_MINUTE_BRIEFING
        body = document.source.body.strip()
        parts = [
            front_matter(document.title, document.summary, library_document=True),
            self.metadata_panel(document, uri),
            self.handout(document, body) if handout else body,
            "",
        ]
        if document.recommendations:
            parts.append(self.recommendations(document))
        if document.response:
            parts.append(f"## The partnership's response in full\n\n{document.response}\n")
        elif document.response_file:
            link = addresses.relative(uri, addresses.attachment_uri(document.response_file))
            parts.append(f"## The partnership's response in full\n\n[Read the partnership's response]({link})\n")
        connected = self.drawn_on_by(document) if document.is_review else self.draws_on(document)
        if connected:
            heading = "The reviews this briefing draws on" if not document.is_review else "Briefings that draw on this review"
            parts.append(f"## {heading}\n\n" + self.listing(connected, uri))
        shown = {d.slug for d in connected}
        related = [d for d in self.related(document) if d.slug not in shown]
        if related:
            parts.append("## Related learning\n\n" + self.listing(related, uri))
        if handout:
            # On paper the handout stands alone: what follows it is for the screen.
            parts[3:] = ['<div class="ll-no-print" markdown>\n', *parts[3:], "</div>\n"]
        return "\n".join(parts)

    def handout(self, document: Document, body: str) -> str:
        """A 7-minute briefing as a handout: each ``##`` part in a box, two columns on a wide screen and on paper.

        The parts are the author's own ``##`` headings, numbered as written.
        A line under the title, for paper only, says what and whose the handout is.
        """
        sections: list[list[str]] = [[]]
        for line in fences.lines(body):
            if not line.code and line.text.startswith("## "):
                sections.append([])
            sections[-1].append(line.text)
        intro, *parts = ("\n".join(lines).strip() for lines in sections)
        boxes = "\n".join(f'<section class="ll-part" markdown>\n\n{part}\n\n</section>\n' for part in parts)
        byline = (
            f'<p class="ll-print-only">{escape_html(self.vocabulary.type_term(document.type).label)} · '
            f"{format_date(document.published)} · {escape_html(self.library.settings.site_name)}</p>"
        )
        return f'{byline}\n\n{intro}\n\n<div class="ll-handout" markdown>\n\n{boxes}\n</div>\n'

    def draws_on(self, briefing: Document) -> list[Document]:
        """The published reviews a briefing lists in ``related``: the reviews it draws on."""
        found = (self.by_slug.get(s.value) for s in briefing.related)
        return [d for d in found if d is not None and d.is_review]

    def drawn_on_by(self, review: Document) -> list[Document]:
        """The published briefings that list a review in ``related``, or that the review lists, newest first."""
        named = {s.value for s in review.related}
        return [d for d in self.briefings if d.slug in named or any(s.value == review.slug for s in d.related)]

    def metadata_panel(self, document: Document, uri: str) -> str:
        """The panel above the text: type, date, age, agencies, themes, model and report, with the search facets marked."""
        v = self.vocabulary
        kind = "review" if document.is_review else "briefing"
        year_link = addresses.relative(uri, addresses.year_uri(document.published.year))
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
                link = addresses.relative(uri, addresses.attachment_uri(document.report))
                rows.append(("Full report", f"[Read the full report (PDF)]({link})"))
            elif document.available_until:
                rows.append(("Full report", f"Available until {format_date(document.available_until)}; the summary remains here"))
        if document.national_repository:
            rows.append(("National repository", f"[This review in the national case review repository]({document.national_repository})"))
        body = "\n\n".join(f"{name}\n:   {value}" for name, value in rows)
        facts = search.hidden_facts(year=document.published.year, date=document.published.isoformat(), summary=document.summary, kind=kind)
        return f'<div class="ll-meta" role="group" aria-label="About this {kind}" data-pagefind-ignore="index" markdown>\n\n{body}\n\n{facts}\n\n</div>\n'

    def recommendations(self, document: Document) -> str:
        """The review's recommendations with their owner, status, progress and, where due, the overdue flag."""
        uri = addresses.document_uri(document)
        rows = self.tracked_by_review.get(document.slug, [])
        lines = ["## Recommendations and progress", "", "| | Recommendation | Owner | Status | Last updated |", "|---|---|---|---|---|"]
        for row in rows:
            rec = row.recommendation
            updated = format_date(rec.updated) if rec.updated else "Not yet updated"
            flag = f"<br>{tracker.overdue_badge()}" if row.overdue else ""
            evidence = f"<br>*Progress:* {markdown_cell(rec.evidence)}" if rec.evidence else ""
            lines.append(
                f"| {escape(rec.id)} | {markdown_cell(rec.text)}{evidence} | {markdown_cell(rec.owner or '')} | {tracker.status_badge(rec.status)} | {updated}{flag} |"
            )
        tracker_link = addresses.relative(uri, addresses.TRACKER)
        period = self.library.settings.overdue_after_months
        lines += [
            "",
            f"**Update overdue** means a recommendation is still open or in progress and no progress "
            f"has been recorded for more than {plural(period, 'month')}. "
            f"Every review's recommendations are in the [recommendations tracker]({tracker_link}).",
        ]
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
            f"[{escape(self.vocabulary.themes[t].label)}]({addresses.relative(from_uri, addresses.theme_uri(t))}){mark}" for t in themes
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
            link = addresses.href(from_uri, addresses.document_uri(d), urls)
            themes = ", ".join(
                f'<a href="{addresses.href(from_uri, addresses.theme_uri(t), urls)}">{escape_html(self.vocabulary.themes[t].label)}</a>'
                for t in d.themes
            )
            items.append(
                f'<li><a class="ll-item-title" href="{link}">{escape_html(d.title)}</a><br>'
                f'<span class="ll-item-meta">{escape_html(self.vocabulary.type_term(d.type).label)} · {format_date(d.published)}</span><br>'
                f"{escape_html(d.summary)}<br>"
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
            uri = addresses.index_page_uri(kind, number)
            heading = title if number == 1 else f"{title}, page {number} of {len(chunks)}"
            nav = self._pager(kind, number, len(chunks), uri)
            pages[uri] = front_matter(heading, intro) + f"{intro}\n\n{nav}{self.listing(chunk, uri)}\n{nav}"
        return pages

    def _pager(self, kind: str, number: int, total: int, uri: str) -> str:
        if total == 1:
            return ""
        links = []
        if number > 1:
            links.append(f"[← Newer]({addresses.relative(uri, addresses.index_page_uri(kind, number - 1))})")
        links.append(f"Page {number} of {total}")
        if number < total:
            links.append(f"[Older →]({addresses.relative(uri, addresses.index_page_uri(kind, number + 1))})")
        return '<nav class="ll-pager" aria-label="Pages" markdown>' + " · ".join(links) + "</nav>\n\n"

    def theme_page(self, slug: str) -> str:
        """A theme as a learning hub: its latest briefing, the learning its reviews share, their recommendations, then everything on it."""
        term = self.vocabulary.themes[slug]
        uri = addresses.theme_uri(slug)
        documents = self.by_theme.get(slug, [])
        reviews = [d for d in documents if d.kind == REVIEW]
        briefings = [d for d in documents if d.kind == BRIEFING]
        parts = [front_matter(term.label, term.description), f"{escape(term.description)}\n"]
        if term.aliases:
            parts.append(f"Also known as: {escape(', '.join(term.aliases))}.\n")
        if briefings:
            parts.append("## Latest briefing\n\n" + self.listing(briefings[:1], uri))
        shared = self.shared_learning(slug, reviews, uri)
        if shared:
            parts.append(shared)
        rows = [row for row in self.tracked if slug in row.review.themes]
        if rows:
            link = addresses.relative(uri, addresses.TRACKER) + f"?theme={slug}"
            parts.append(
                f"## Recommendations\n\nThe reviews on this theme made {_status_sentence(rows)} "
                f"[See them in the recommendations tracker]({link}).\n"
            )
        parts.append(f"## Briefings ({len(briefings)})\n\n{self.listing(briefings, uri)}")
        parts.append(f"## Reviews ({len(reviews)})\n\n{self.listing(reviews, uri)}")
        return "\n".join(parts)

    def shared_learning(self, slug: str, reviews: Sequence[Document], uri: str) -> str:
        """What a theme's reviews have in common: the other themes several of them share, and the newest reviews' learning points."""
        counted: dict[str, int] = defaultdict(int)
        for review in reviews:
            for theme in review.themes:
                if theme != slug:
                    counted[theme] += 1
        common = sorted((t for t, n in counted.items() if n >= 2), key=lambda t: (-counted[t], list(self.vocabulary.themes).index(t)))
        lines = []
        if common:
            lines.append(
                f"Themes these reviews share, with the number of the {len(reviews)} reviews on {escape(self.vocabulary.themes[slug].label.lower())} that teach about each:\n"
            )
            lines += [
                f"- [{escape(self.vocabulary.themes[t].label)}]({addresses.relative(uri, addresses.theme_uri(t))}): {counted[t]}"
                for t in common[:8]
            ]
            lines.append("")
        points: list[str] = []
        listed = 0
        for review in reviews:
            found = self.learning_points(review)
            if found:
                link = addresses.relative(uri, addresses.document_uri(review))
                points.append(f"- [{escape(review.title)}]({link})")
                points += [f"    - [{escape(text)}]({link}#{anchor})" for text, anchor in found]
                listed += 1
                if listed == LEARNING_REVIEWS_ON_THEME:
                    break
        if points:
            lines.append("Learning points from the newest reviews:\n")
            lines += [*points, ""]
        return "## What the reviews teach\n\n" + "\n".join(lines) if lines else ""

    def learning_points(self, review: Document) -> list[tuple[str, str]]:
        """A review's learning points, each with the id of its heading on the review's page.

        Kept once found: every theme page of a review asks again, and finding
        them reads the whole text.
        """
        if review.slug not in self._learning_points:
            found = headings(review.source.body)
            ids = addresses.heading_ids([h.text for h in found])
            self._learning_points[review.slug] = [(found[i].text, ids[i]) for i in learning_points(found)]
        return self._learning_points[review.slug]

    def themes_overview(self) -> str:
        uri = addresses.THEMES_INDEX
        parts = [
            front_matter("Themes", "Every theme in the library, grouped."),
            "Every review and briefing is tagged with the themes it teaches about.\n",
        ]
        for facet in self.vocabulary.facets or [""]:
            terms = [t for t in self.vocabulary.themes.values() if t.facet == facet or not self.vocabulary.facets]
            if not terms:
                continue
            label = self.vocabulary.facets[facet].label if facet else "Themes"
            lines = [
                f"- [{escape(t.label)}]({addresses.relative(uri, addresses.theme_uri(t.slug))}) ({len(self.by_theme.get(t.slug, []))}): {escape(t.description)}"
                for t in terms
            ]
            parts.append(f"## {escape(label)}\n\n" + "\n".join(lines) + "\n")
        return "\n".join(parts)

    def year_page(self, year: int) -> str:
        uri = addresses.year_uri(year)
        documents = self.by_year[year]
        return front_matter(f"Published in {year}", f"Reviews and briefings published in {year}.") + self.listing(documents, uri)

    def years_overview(self) -> str:
        uri = addresses.YEARS_INDEX
        lines = [
            f"- [{year}]({addresses.relative(uri, addresses.year_uri(year))}): {_count(self.by_year[year])}"
            for year in sorted(self.by_year, reverse=True)
        ]
        return front_matter("By year", "Reviews and briefings by the year they were published.") + "\n".join(lines) + "\n"

    # --- the home page -----------------------------------------------------------------

    def home_blocks(self, uri: str = addresses.HOME) -> dict[str, str]:
        """The blocks that replace the markers in the hand-written home page."""
        priorities = []
        for slug in self.vocabulary.priorities:
            term = self.vocabulary.themes[slug]
            documents = self.by_theme.get(slug, [])
            link = addresses.relative(uri, addresses.theme_uri(slug))
            latest = "".join(
                f"    - [{escape(d.title)}]({addresses.relative(uri, addresses.document_uri(d))}), {format_date(d.published)}\n"
                for d in documents[:3]
            )
            rows = [row for row in self.tracked if slug in row.review.themes]
            progress = ""
            if rows:
                overdue = sum(1 for row in rows if row.overdue)
                evidenced = sum(1 for row in rows if row.status == tracker.EVIDENCED)
                tracker_link = addresses.relative(uri, addresses.TRACKER) + f"?theme={slug}"
                progress = (
                    f" [{plural(len(rows), 'recommendation')}]({tracker_link}): "
                    f"{evidenced} with impact evidenced, {overdue} with an update overdue."
                )
            priorities.append(f"- **[{escape(term.label)}]({link})**: {escape(term.description)} ({_count(documents)}){progress}\n{latest}")
        priority_block = "## Our priorities\n\n" + "".join(priorities) if priorities else ""
        whats_new = addresses.relative(uri, addresses.WHATS_NEW)
        latest_block = (
            "## Latest publications\n\n"
            + self.listing(self.live[:6], uri)
            + f"\nSee [what's new]({whats_new}) month by month, or follow new publications in a feed reader with the "
            f"[feed]({addresses.relative(uri, addresses.FEED)}).\n"
        )
        return {HOME_MARKERS[0]: priority_block, HOME_MARKERS[1]: latest_block}

    # --- what's new -----------------------------------------------------------------

    def whats_new(self) -> str:
        """New publications and progress on recommendations, month by month over the last year, newest first."""
        uri = addresses.WHATS_NEW
        months = []
        for back in range(WHATS_NEW_MONTHS):
            first = tracker.months_before(self.on.replace(day=1), back)
            months.append((first.year, first.month))
        docs: dict[tuple[int, int], list[Document]] = defaultdict(list)
        for d in self.live:
            docs[(d.published.year, d.published.month)].append(d)
        updates: dict[tuple[int, int], list[Tracked]] = defaultdict(list)
        for row in self.tracked:
            updated = row.recommendation.updated
            if updated is not None and updated <= self.on:
                updates[(updated.year, updated.month)].append(row)
        feed_link = addresses.relative(uri, addresses.FEED)
        parts = [
            front_matter("What's new", "New reviews and briefings, and progress on recommendations, month by month."),
            f"New reviews and briefings, and progress on the recommendations of reviews, month by month over the last "
            f"{WHATS_NEW_MONTHS} months. Follow new publications in a feed reader with the [feed]({feed_link}); "
            f"older publications are listed [by year]({addresses.relative(uri, addresses.YEARS_INDEX)}).\n",
        ]
        shown = 0
        for year, month in months:
            published, progressed = docs.get((year, month), []), updates.get((year, month), [])
            if not published and not progressed:
                continue
            shown += 1
            parts.append(f"## {format_month(dt.date(year, month, 1))}\n")
            if published:
                parts.append(self.listing(published, uri))
            if progressed:
                parts.append("Progress on recommendations:\n")
                for row in progressed:
                    link = addresses.relative(uri, addresses.document_uri(row.review))
                    parts.append(
                        f"- [{escape(row.review.title)}]({link}), {escape(row.recommendation.id)}, "
                        f"status {STATUS_LABELS[row.status].lower()}: {markdown_cell(row.recommendation.text)}"
                    )
                parts.append("")
        if not shown:
            parts.append(f"Nothing new in the last {WHATS_NEW_MONTHS} months.\n")
        return "\n".join(parts)

    def home(self, markdown: str, uri: str = addresses.HOME) -> str:
        """The home page with its markers replaced; without markers, the blocks lead the page."""
        blocks = self.home_blocks(uri)
        if not any(marker in markdown for marker in blocks):
            return "\n\n".join([*blocks.values(), markdown])
        for marker, block in blocks.items():
            markdown = markdown.replace(marker, block)
        return markdown


def _status_sentence(rows: Sequence[Tracked]) -> str:
    counts = tracker.counts_by_status(rows)
    statuses = ", ".join(f"{n} {STATUS_LABELS[s].lower()}" for s, n in counts.items() if n)
    overdue = sum(1 for row in rows if row.overdue)
    return f"{plural(len(rows), 'recommendation')} ({statuses}); {overdue} {noun_for(overdue, 'has', 'have')} an update overdue."


def _count(documents: Sequence[Document]) -> str:
    reviews = sum(1 for d in documents if d.kind == REVIEW)
    briefings = len(documents) - reviews
    return f"{plural(reviews, 'review')}, {plural(briefings, 'briefing')}"
