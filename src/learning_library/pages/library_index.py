"""The library as the generated pages read it on one day: indexed once, read by every page.

Every page kind needs the same views of the library (what is live, by theme,
by year, what cites what, where each recommendation stands); working them out
once, before any page is written, keeps each page a plain function of this
index and keeps a large library quick to generate.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field

from .. import addresses, similarity
from ..content import Document
from ..library import Library, Settings
from ..vocabulary import BRIEFING, REVIEW, Vocabulary
from .headings import headings, learning_points, learning_text
from .progress import Tracked, track


@dataclass(frozen=True)
class LibraryIndex:
    """What is published on the day of the build, and the ways the pages look it up."""

    library: Library
    on: dt.date
    """The day of the build: it decides what is published and which updates are overdue."""
    live: list[Document]
    """The documents on the site that day, newest first."""
    reviews: list[Document]
    briefings: list[Document]
    by_slug: dict[str, Document]
    by_theme: dict[str, list[Document]]
    """Each theme's live documents, newest first."""
    by_year: dict[int, list[Document]]
    cited_by: dict[str, list[Document]]
    """For each document, the other live documents that list it in ``related``."""
    replaces: dict[str, list[Document]]
    """For each document, the live documents it supersedes (those naming it in ``superseded_by``), newest first."""
    tracked: list[Tracked]
    """Every recommendation of a live review, newest review first."""
    tracked_by_review: dict[str, list[Tracked]]
    _learning_points: dict[str, list[tuple[str, str]]] = field(default_factory=dict, repr=False)
    _briefing_order: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def vocabulary(self) -> Vocabulary:
        return self.library.vocabulary

    @property
    def settings(self) -> Settings:
        return self.library.settings

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

    @functools.cached_property
    def similarity(self) -> similarity.Similarity:
        """What the text of the published learning says is alike ("seen this before"), worked out when a page first asks.

        Only pages that show it pay for it; the answer is cached in the library's folder.
        """
        learning = [similarity.Learning(d.slug, d.published, _learning(d)) for d in self.live]
        made = [similarity.Made(r.slug, rec.id, rec.text) for r in self.reviews for rec in r.recommendations]
        return similarity.find(learning, made, root=self.settings.root)

    def seen_before(self, review: Document) -> list[tuple[Document, tuple[str, ...]]]:
        """The earlier documents whose learning is most like this review's, each with the themes they share."""
        found = []
        for alike in self.similarity.earlier.get(review.slug, ()):
            other = self.by_slug.get(alike.slug)
            if other is not None:
                found.append((other, tuple(t for t in review.themes if t in other.themes)))
        return found

    def related(self, document: Document) -> list[Document]:
        """What this document names in ``related``, then what names it, without repeats."""
        seen = {document.slug}
        found = []
        for doc in [*(self.by_slug.get(s.value) for s in document.related), *self.cited_by.get(document.slug, [])]:
            if doc is not None and doc.slug not in seen:
                seen.add(doc.slug)
                found.append(doc)
        return found

    def superseded_by(self, document: Document) -> Document | None:
        """The live document that replaces this one, if any."""
        return self.by_slug.get(document.superseded_by.value) if document.superseded_by is not None else None

    def draws_on(self, briefing: Document) -> list[Document]:
        """The published reviews a briefing lists in ``related``: the reviews it draws on."""
        found = (self.by_slug.get(s.value) for s in briefing.related)
        return [d for d in found if d is not None and d.is_review]

    def drawn_on_by(self, review: Document) -> list[Document]:
        """The published briefings that list a review in ``related``, or that the review lists, newest first.

        Looked up, not searched for: every review's page asks, and a regional
        library has thousands of reviews and hundreds of briefings.
        """
        if not self._briefing_order:
            self._briefing_order.update((d.slug, i) for i, d in enumerate(self.briefings))
        order = self._briefing_order
        found = {d.slug: d for d in self.cited_by.get(review.slug, []) if d.slug in order}
        found.update((s.value, self.by_slug[s.value]) for s in review.related if s.value in order)
        return sorted(found.values(), key=lambda d: order[d.slug])


def _learning(document: Document) -> str:
    """What a document teaches, in its own words: its learning sections, and a review's recommendations.

    A document without a learning section (a 7-minute briefing, a review that
    names its sections otherwise) is read whole, so it still has something to compare.
    """
    own = [learning_text(document.source.body)]
    if document.is_review:
        own += [rec.text for rec in document.recommendations]
    return "\n".join(own).strip() or document.source.body


def index_library(library: Library, on: dt.date) -> LibraryIndex:
    """Index what of ``library`` is published on the day ``on``."""
    live = library.live(on)
    by_slug = {d.slug: d for d in live}
    by_theme: dict[str, list[Document]] = defaultdict(list)
    by_year: dict[int, list[Document]] = defaultdict(list)
    cited_by: dict[str, list[Document]] = defaultdict(list)
    replaces: dict[str, list[Document]] = defaultdict(list)
    for document in live:
        if document.superseded_by is not None and document.superseded_by.value in by_slug:
            replaces[document.superseded_by.value].append(document)
        for theme in document.themes:
            by_theme[theme].append(document)
        by_year[document.published.year].append(document)
        for slug in document.related:
            if slug.value in by_slug and slug.value != document.slug:
                cited_by[slug.value].append(document)
    reviews = [d for d in live if d.kind == REVIEW]
    tracked = track(reviews, on, library.settings.overdue_after_months)
    tracked_by_review: dict[str, list[Tracked]] = defaultdict(list)
    for row in tracked:
        tracked_by_review[row.review.slug].append(row)
    return LibraryIndex(
        library=library,
        on=on,
        live=live,
        reviews=reviews,
        briefings=[d for d in live if d.kind == BRIEFING],
        by_slug=by_slug,
        by_theme=dict(by_theme),
        by_year=dict(by_year),
        cited_by=dict(cited_by),
        replaces=dict(replaces),
        tracked=tracked,
        tracked_by_review=dict(tracked_by_review),
    )
