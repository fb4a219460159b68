"""The home page: the partnership's own words, with the library's blocks where its markers are.

The home page is hand-written (``content/index.md``); two markers in it are
replaced by blocks generated from the library: the partnership's priorities,
with counts and progress on their recommendations, and the latest publications.
"""

from __future__ import annotations

from .. import addresses
from ..text import escape_markdown, format_date, plural
from .library_index import LibraryIndex
from .listings import count_line, listing
from .progress import EVIDENCED

PRIORITIES_MARKER = "<!-- learning-library:priorities -->"
LATEST_MARKER = "<!-- learning-library:latest -->"
HOME_MARKERS = (PRIORITIES_MARKER, LATEST_MARKER)
LATEST_ON_A_PRIORITY = 3
LATEST_PUBLICATIONS = 6


def blocks(index: LibraryIndex, uri: str = addresses.HOME) -> dict[str, str]:
    """The blocks that replace the markers in the hand-written home page."""
    vocabulary = index.vocabulary
    priorities = []
    for slug in vocabulary.priorities:
        term = vocabulary.themes[slug]
        documents = index.by_theme.get(slug, [])
        link = addresses.relative(uri, addresses.theme_uri(slug))
        latest = "".join(
            f"    - [{escape_markdown(d.title)}]({addresses.relative(uri, addresses.document_uri(d))}), {format_date(d.published)}\n"
            for d in documents[:LATEST_ON_A_PRIORITY]
        )
        rows = [row for row in index.tracked if slug in row.review.themes]
        progress = ""
        if rows:
            overdue = sum(1 for row in rows if row.overdue)
            evidenced = sum(1 for row in rows if row.status == EVIDENCED)
            tracker_link = addresses.relative(uri, addresses.TRACKER) + f"?theme={slug}"
            progress = (
                f" [{plural(len(rows), 'recommendation')}]({tracker_link}): "
                f"{evidenced} with impact evidenced, {overdue} with an update overdue."
            )
        priorities.append(
            f"- **[{escape_markdown(term.label)}]({link})**: {escape_markdown(term.description)} ({count_line(documents)}){progress}\n"
            f"{latest}"
        )
    priority_block = "## Our priorities\n\n" + "".join(priorities) if priorities else ""
    whats_new = addresses.relative(uri, addresses.WHATS_NEW)
    latest_block = (
        "## Latest publications\n\n"
        + listing(index, index.live[:LATEST_PUBLICATIONS], uri)
        + f"\nSee [what's new]({whats_new}) month by month, or follow new publications in a feed reader with the "
        f"[feed]({addresses.relative(uri, addresses.FEED)}).\n"
    )
    return {PRIORITIES_MARKER: priority_block, LATEST_MARKER: latest_block}


def page(index: LibraryIndex, markdown: str, uri: str = addresses.HOME) -> str:
    """The home page with its markers replaced; without markers, the blocks lead the page."""
    filled = blocks(index, uri)
    if not any(marker in markdown for marker in filled):
        return "\n\n".join([*filled.values(), markdown])
    for marker, block in filled.items():
        markdown = markdown.replace(marker, block)
    return markdown
