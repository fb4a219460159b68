"""A review's or briefing's own page: the metadata panel, the text, its recommendations and what it connects to.

A 7-minute briefing is shown as a one-page handout of its seven parts. Links
are written as relative links between ``.md`` files, so the site builder
resolves them (and would report any we got wrong).
"""

from __future__ import annotations

from .. import addresses, fences
from ..content import Document
from ..library import is_email
from ..text import escape_html, escape_markdown, format_date, front_matter, markdown_cell, plural
from . import search_page, seen_before, structured_data
from .library_index import LibraryIndex
from .listings import listing, theme_links
from .progress import overdue_badge, status_badge

SEVEN_MINUTE_BRIEFING = "seven-minute-briefing"
"""The briefing type shown as a one-page handout of seven numbered parts."""


def page(index: LibraryIndex, document: Document) -> str:
    """The document's page, as Markdown."""
    uri = addresses.document_uri(document)
    handout = document.type == SEVEN_MINUTE_BRIEFING
    body = document.source.body.strip()
    meta: dict[str, object] = {"library_document": True, "structured_data": structured_data.script(index, document)}
    if not document.search_engines:
        meta["search_engines"] = False  # the templates write noindex and leave the page out of the sitemap
    parts = [
        front_matter(document.title, document.summary, **meta),
        metadata_panel(index, document, uri) + lifecycle_notices(index, document, uri),
        _handout(index, document, body) if handout else body,
        "",
    ]
    if document.recommendations:
        parts.append(recommendations(index, document))
    if document.response:
        parts.append(f"## The partnership's response in full\n\n{escape_markdown(document.response)}\n")
    elif document.response_file_available(index.on) and document.response_file:
        link = addresses.relative(uri, addresses.attachment_uri(document.response_file))
        parts.append(f"## The partnership's response in full\n\n[Read the partnership's response]({link})\n")
    connected = index.drawn_on_by(document) if document.is_review else index.draws_on(document)
    if connected:
        heading = "The reviews this briefing draws on" if not document.is_review else "Briefings that draw on this review"
        parts.append(f"## {heading}\n\n" + listing(index, connected, uri))
    shown = {d.slug for d in connected}
    related = [d for d in index.related(document) if d.slug not in shown]
    if related:
        parts.append("## Related learning\n\n" + listing(index, related, uri))
    if document.is_review:
        parts.append(seen_before.earlier_learning(index, document, uri))
    if handout:
        # On paper the handout stands alone: what follows it is for the screen.
        parts[3:] = ['<div class="ll-no-print" markdown>\n', *parts[3:], "</div>\n"]
    return "\n".join(parts)


def _handout(index: LibraryIndex, document: Document, body: str) -> str:
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
        f'<p class="ll-print-only">{escape_html(index.vocabulary.type_term(document.type).label)} · '
        f"{format_date(document.published)} · {escape_html(index.settings.site_name)}</p>"
    )
    return f'{byline}\n\n{intro}\n\n<div class="ll-handout" markdown>\n\n{boxes}\n</div>\n'


def metadata_panel(index: LibraryIndex, document: Document, uri: str) -> str:
    """The details above the text, with the search facets marked: a line of key facts, the rest in a disclosure.

    On a phone the full panel (type, date, age, agencies, themes, model, report,
    repository) filled the first screen, so a reader saw no word of the review
    itself. The key facts (type, date and the child's age) stay in one line;
    the rest is one tap away, and the summary starts on the first screen.
    """
    v = index.vocabulary
    kind = "review" if document.is_review else "briefing"
    year_link = addresses.relative(uri, addresses.year_uri(document.published.year))
    facts = [search_page.filter_span("type", v.type_term(document.type).label), f"[{format_date(document.published)}]({year_link})"]
    if document.age_band:
        facts.append("Child's age: " + search_page.filter_span("age", v.age_bands[document.age_band].label))
    rows = []
    if document.agencies:
        name = "Agencies involved" if document.is_review else "For agencies"
        rows.append((name, ", ".join(search_page.filter_span("agency", v.agencies[a].label) for a in document.agencies)))
    if document.audience:
        rows.append(("Who it is for", ", ".join(escape_markdown(a) for a in document.audience)))
    rows.append(("Themes", theme_links(index, document.themes, uri, facet=True)))
    if document.model:
        rows.append(("Review model", escape_markdown(document.model)))
    if document.report:
        if document.report_available(index.on):
            link = addresses.relative(uri, addresses.attachment_uri(document.report))
            file_kind = "Word document" if document.report.lower().endswith(".docx") else "PDF"
            rows.append(("Full report", f"[Read the full report ({file_kind})]({link})"))
        elif document.available_until:
            rows.append(("Full report", f"Withdrawn from this site after {format_date(document.available_until)}"))
    if document.national_repository:
        rows.append(("National repository", f"[This review in the national case review repository]({document.national_repository})"))
    body = "\n\n".join(f"{name}\n:   {value}" for name, value in rows)
    inside = ", ".join(name.lower() for name, _ in rows)
    hidden = search_page.hidden_facts(
        year=document.published.year, date=document.published.isoformat(), summary=document.summary, kind=kind
    )
    return (
        f'<div class="ll-meta" role="group" aria-label="About this {kind}" data-pagefind-ignore="index" markdown>\n\n'
        f'<p class="ll-facts" markdown="span">{" · ".join(facts)}</p>\n\n'
        f'<details class="ll-more ll-disclosure" markdown>\n<summary>More about this {kind} <span class="ll-more-what">({inside})</span></summary>\n\n'
        f"{body}\n\n</details>\n\n"
        f"{hidden}\n\n</div>\n\n"
        f"{search_page.theme_words(v, document.themes)}\n"
    )


def lifecycle_notices(index: LibraryIndex, document: Document, uri: str) -> str:
    """What a reader must know first: a newer document replaces this one, this one replaces older ones, the full report is withdrawn."""
    notices = []
    newer = index.superseded_by(document)
    if newer is not None:
        link = addresses.relative(uri, addresses.document_uri(newer))
        notices.append(
            f"**This {_noun(document)} has been superseded.** [{escape_markdown(newer.title)}]({link}), "
            f"published {format_date(newer.published)}, replaces it: read that first."
        )
    older = index.replaces.get(document.slug, [])
    if older:
        links = ", ".join(f"[{escape_markdown(d.title)}]({addresses.relative(uri, addresses.document_uri(d))})" for d in older)
        notices.append(f"This {_noun(document)} replaces {links}.")
    if document.withdrawn(index.on) and document.available_until is not None:
        notices.append(withdrawal_notice(index, document))
    return "".join(f'\n<div class="ll-notice" role="note" markdown>\n\n{notice}\n\n</div>\n' for notice in notices)


def withdrawal_notice(index: LibraryIndex, document: Document) -> str:
    """When the full report left the site, and how to ask for it; the summary and the learning stay on the page."""
    what, verb, it = ("full report" if document.report else "partnership's response"), "is", "It was"
    if document.report and document.response_file:
        what, verb, it = "full report and the partnership's response", "are", "They were"
    last_day = format_date(document.available_until) if document.available_until else "recently"
    lines = [
        f"**The {what} {verb} no longer on this site.** {it} on the site until {last_day}, "
        "as reports are kept here for a limited time. The summary and the learning remain on this page.",
        f"To ask for a copy, {how_to_ask(index)}.",
    ]
    if document.national_repository:
        lines.append(f"The national case review repository keeps a record of it: [this review there]({document.national_repository}).")
    return " ".join(lines)


def how_to_ask(index: LibraryIndex) -> str:
    """How a reader asks the partnership for something, from ``extra: contact``: "email <a>...</a>"."""
    contact = index.settings.contact
    if contact is None:
        return f"contact {escape_html(index.settings.site_name)}"
    if is_email(contact):
        return f'email <a href="mailto:{escape_html(contact)}">{escape_html(contact)}</a>'
    return f'use <a href="{escape_html(contact)}">the partnership\'s contact form</a>'


def _noun(document: Document) -> str:
    return "review" if document.is_review else "briefing"


def recommendations(index: LibraryIndex, document: Document) -> str:
    """The review's recommendations with their owner, status, progress and, where due, the overdue flag."""
    uri = addresses.document_uri(document)
    rows = index.tracked_by_review.get(document.slug, [])
    lines = ["## Recommendations and progress", "", "| | Recommendation | Owner | Status | Last updated |", "|---|---|---|---|---|"]
    for row in rows:
        rec = row.recommendation
        updated = format_date(rec.updated) if rec.updated else "Not yet updated"
        flag = f"<br>{overdue_badge()}" if row.overdue else ""
        evidence = f"<br>*Progress:* {markdown_cell(rec.evidence)}" if rec.evidence else ""
        lines.append(
            f"| {escape_markdown(rec.id)} | {markdown_cell(rec.text)}{evidence} | {markdown_cell(rec.owner or '')} "
            f"| {status_badge(rec.status)} | {updated}{flag} |"
        )
    tracker_link = addresses.relative(uri, addresses.TRACKER)
    period = index.settings.overdue_after_months
    lines += [
        "",
        f"**Update overdue** means a recommendation is still open or in progress and no progress "
        f"has been recorded for more than {plural(period, 'month')}. "
        f"Every review's recommendations are in the [recommendations tracker]({tracker_link}).",
    ]
    return "\n".join(lines) + "\n"
