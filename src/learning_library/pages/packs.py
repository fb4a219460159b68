"""Team packs: for each agency, a page to print for a team meeting, with a record of what the team will do differently.

Practitioners often meet the library to prepare a team meeting. A pack
gathers, for one agency of ``themes.yml`` (police, health, education...):

- the newest briefings meant for it: those naming it in ``agencies``, or
  tagged with the sector theme of the same slug ("Police": learning for
  police officers and staff), and those naming no agency at all, which are
  for everyone;
- the learning points of the newest reviews that involved it;
- the reflective questions of those briefings, and a few for any team;
- a "record of use" to fill in at the meeting (team, date, what we will do
  differently, how we will know), which the partnership's learning and
  improvement framework asks for when it evaluates the impact of its learning.

The pack prints as one A4 document (``assets/library.css``): each briefing,
review and row of the record kept whole on a page, the record on a page of
its own, and each page's online address printed, since a link cannot be
followed on paper. Packs are kept to a few of the newest documents, so a
large library still prints a pack of a few pages; the page links to the full
list in search. The navigation lists only the index of packs, not each pack
(Material renders the whole navigation on every page).
"""

from __future__ import annotations

import re
from urllib.parse import quote

from .. import addresses
from ..content import Document
from ..text import escape_html, escape_markdown, format_date, front_matter, plural
from ..vocabulary import Term
from .headings import reflective_questions
from .library_index import LibraryIndex

PACK_BRIEFINGS = 6
"""The newest briefings in a pack: enough for a meeting, few enough to print."""
PACK_REVIEWS = 5
"""The newest reviews whose learning points a pack lists."""
TEAM_QUESTIONS = (
    "Which of this learning applies to a child or family we are working with now?",
    "What gets in the way of doing this in our team, and what would help?",
    "What will we do differently, who will do it, and by when?",
)
"""Questions for any team, after those the briefings ask."""
RECORD_ROWS = (
    ("Team", "Your team or service", False),
    ("Date of the meeting", "Day, month and year", False),
    ("Who took part", "Names or roles, and how many", False),
    ("What we discussed", "Which briefings, reviews and questions", True),
    ("What we will do differently", "One change on each line", True),
    ("Who will do it, and by when", "A name or role, and a date for each change", False),
    ("How we will know it has made a difference for children", "What you will look for, and where", True),
    ("When we will look at this again", "A date, and who will bring this record", False),
)
"""The record of use: what a team writes down, with a hint of what to write and whether it needs room, in the order a meeting reaches it."""

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def meant_for(index: LibraryIndex, document: Document, agency: str) -> bool:
    """Whether a document is for an agency: it names the agency, or its sector theme; a briefing naming no agency is for every one."""
    if agency in document.agencies or agency in document.themes:
        return True
    return not document.is_review and not document.agencies and not any(t in index.vocabulary.agencies for t in document.themes)


def briefings_for(index: LibraryIndex, agency: str) -> list[Document]:
    return [d for d in index.briefings if meant_for(index, d, agency)]


def reviews_for(index: LibraryIndex, agency: str) -> list[Document]:
    return [d for d in index.reviews if meant_for(index, d, agency)]


def pages(index: LibraryIndex) -> dict[str, str]:
    """The index of packs and a pack for each agency in ``themes.yml``."""
    found = {addresses.pack_uri(slug): pack(index, slug) for slug in index.vocabulary.agencies}
    return {addresses.PACKS_INDEX: overview(index), **found}


def overview(index: LibraryIndex) -> str:
    """The index of team packs: one line per agency, with how much its pack holds."""
    uri = addresses.PACKS_INDEX
    lines = []
    for slug, term in index.vocabulary.agencies.items():
        briefings, reviews = briefings_for(index, slug), reviews_for(index, slug)
        link = addresses.relative(uri, addresses.pack_uri(slug))
        lines.append(
            f"- [{escape_markdown(term.label)}]({link}): {plural(min(len(briefings), PACK_BRIEFINGS), 'briefing')} "
            f"and the learning of {plural(min(len(reviews), PACK_REVIEWS), 'review')}"
        )
    return (
        front_matter("Team packs", "Briefings, learning points and questions for a team meeting, by agency, to print.")
        + "A team pack gathers, for one agency, the newest briefings meant for it, the learning points of the newest "
        "reviews that involved it, and questions to talk about. Print it for a team meeting: the last page is a "
        "record of use, for your team to fill in and keep.\n\n" + "\n".join(lines) + "\n"
    )


def pack(index: LibraryIndex, agency: str) -> str:
    """One agency's team pack, as Markdown."""
    term = index.vocabulary.agencies[agency]
    uri = addresses.pack_uri(agency)
    briefings = briefings_for(index, agency)[:PACK_BRIEFINGS]
    reviews = [r for r in reviews_for(index, agency) if index.learning_points(r)][:PACK_REVIEWS]
    label = escape_markdown(term.label)
    search = addresses.href(uri, addresses.SEARCH, index.settings.directory_urls) + "?agency=" + quote(term.label, safe="")
    parts = [
        front_matter(f"Team pack: {term.label}", f"Briefings, learning points and questions for a team meeting in {term.label.lower()}."),
        f'<p class="ll-print-only">Team pack · {escape_html(index.settings.site_name)} · {format_date(index.on)} · '
        f"{escape_html(_online(index, uri))}</p>\n",
        f"For a team meeting: the newest briefings meant for {escape_markdown(term.label.lower())}, the learning points "
        f"of the newest reviews that involved {escape_markdown(term.label.lower())}, and questions to talk about.\n",
        '<p class="ll-no-print">To use it, print this page (Ctrl+P, or Print in your browser\'s menu). It prints on A4 paper; '
        "the last page is a record of use for your team to fill in and keep: the partnership asks teams how they used "
        f'its learning. For everything on {escape_html(term.label.lower())}, <a href="{escape_html(search)}">search the library</a>.</p>\n',
        f"## Briefings for {label}\n",
        "\n".join(_item(index, d, uri, points=True) for d in briefings) if briefings else "No briefing is meant for this agency yet.\n",
        f"## Learning from reviews involving {label}\n",
        "\n".join(_item(index, d, uri, points=True) for d in reviews)
        if reviews
        else "No review involving this agency lists its learning yet.\n",
        "## Questions for your team\n",
        _questions(index, briefings, uri),
        record_of_use(term),
    ]
    return "\n".join(parts)


def _item(index: LibraryIndex, document: Document, uri: str, *, points: bool) -> str:
    """A briefing or review in a pack: kept whole on one printed page, with its address printed for readers on paper."""
    link = addresses.relative(uri, addresses.document_uri(document))
    v = index.vocabulary
    meta = f"{escape_markdown(v.type_term(document.type).label)} · {format_date(document.published)}"
    if document.audience:
        meta += f" · For: {escape_markdown(', '.join(document.audience))}"
    lines = [f"### [{escape_markdown(document.title)}]({link})", "", meta, "", escape_markdown(document.summary), ""]
    found = index.learning_points(document) if points else []
    if found:
        lines += ["Learning points:", ""]
        lines += [f"- [{escape_markdown(text)}]({link}#{anchor})" for text, anchor in found]
        lines.append("")
    lines.append(f'<p class="ll-print-only ll-pack-address">Online: {escape_html(_online(index, addresses.document_uri(document)))}</p>')
    return '<section class="ll-pack-item" markdown>\n\n' + "\n".join(lines) + "\n\n</section>\n"


def _questions(index: LibraryIndex, briefings: list[Document], uri: str) -> str:
    """The briefings' reflective questions, each briefing's together, then the questions for any team."""
    blocks = []
    for briefing in briefings:
        asked = reflective_questions(briefing.source.body)
        if asked:
            link = addresses.relative(uri, addresses.document_uri(briefing))
            items = "\n".join("- " + _LINK.sub(r"\1", q) for q in asked)
            blocks.append(
                f'<section class="ll-pack-item" markdown>\n\nFrom [{escape_markdown(briefing.title)}]({link}):\n\n{items}\n\n</section>\n'
            )
    general = "\n".join(f"- {escape_markdown(q)}" for q in TEAM_QUESTIONS)
    blocks.append(f'<section class="ll-pack-item" markdown>\n\nFor any team:\n\n{general}\n\n</section>\n')
    return "\n".join(blocks)


def record_of_use(term: Term) -> str:
    """The record of use: a form on a printed page of its own, each row kept whole, with a hint of what to write at its foot."""
    rows = "\n".join(
        ('<tr class="ll-record-tall">' if tall else "<tr>") + f'<th scope="row">{escape_html(name)}</th>'
        f'<td><span class="ll-record-hint">{escape_html(hint)}</span></td></tr>'
        for name, hint, tall in RECORD_ROWS
    )
    return (
        '<div class="ll-record" markdown>\n\n## Record of use\n\n'
        f"Fill this in at the meeting and keep it with your team's records of learning. The partnership may ask how "
        f"teams used its learning, to evaluate the difference it makes.\n\n"
        f'<table class="ll-record-table">\n<caption>Record of use: team pack for {escape_html(term.label)}</caption>\n'
        f"<tbody>\n{rows}\n</tbody>\n</table>\n\n</div>\n"
    )


def _online(index: LibraryIndex, uri: str) -> str:
    """A page's address as printed on paper: the full address when the site has a ``site_url``."""
    return addresses.public_url(uri, index.settings.site_url, index.settings.directory_urls)
