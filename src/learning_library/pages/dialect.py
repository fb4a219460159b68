"""The Markdown dialect the generated pages are written in, so that any site builder can be checked for it.

The pages are Python-Markdown with these extensions, each for something the
pages cannot do without:

- ``attr_list``: attributes on inline elements; a document's theme links are
  marked as search facets with ``{data-pagefind-filter="theme"}``;
- ``md_in_html``: Markdown inside HTML blocks marked ``markdown``: the metadata
  panel (``<div class="ll-meta" markdown>``), a 7-minute briefing's parts
  (``<section class="ll-part" markdown>``) and the index pager;
- ``def_list``: the metadata panel is a definition list (``Type`` then
  ``:   Local child safeguarding practice review``);
- ``tables``: a review's recommendations are a Markdown table;
- ``toc``: a heading's id, which theme pages link to for a learning point, is
  the one ``toc`` gives it (see :func:`learning_library.addresses.heading_ids`).

Beyond Markdown, the pages use the theme's classes for buttons
(``md-button``, ``md-button--primary``) and the library's own stylesheet
(``ll-`` classes, in ``assets/library.css``). HTML written by the library
(lists of documents, the tracker, charts, the search page) needs no extension.

``extra`` turns on ``attr_list``, ``md_in_html``, ``def_list`` and
``tables`` at once, as Python-Markdown documents.
"""

from __future__ import annotations

from collections.abc import Iterable

REQUIRED = ("attr_list", "md_in_html", "def_list", "tables", "toc")
"""The Python-Markdown extensions the generated pages need, by their short names."""
IN_EXTRA = frozenset({"abbr", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html", "tables"})
"""The extensions Python-Markdown's ``extra`` turns on."""


def short_name(extension: str) -> str:
    """An extension's short name: ``markdown.extensions.attr_list`` and ``attr_list`` are both ``attr_list``."""
    return extension.removeprefix("markdown.extensions.")


def missing(enabled: Iterable[str]) -> list[str]:
    """The required extensions that ``enabled`` (extension names, as a site's settings give them) lacks, in :data:`REQUIRED` order."""
    names = {short_name(e) for e in enabled}
    if "extra" in names:
        names |= IN_EXTRA
    return [name for name in REQUIRED if name not in names]
