"""What the library adds to Material for MkDocs, and what it asks of the site's settings.

- The library's templates (the search form in the header, the markers that
  keep site pages out of the search index), stylesheet and table script.
- A navigation that never lists individual documents, when ``mkdocs.yml`` has none.
- The Markdown extensions the generated pages are written for
  (:mod:`learning_library.pages.dialect`): a site without them would publish
  pages with raw ``:   `` lines and ``markdown`` attributes, so the build stops.
- The page values Material prints as they are. MkDocs' templates do not
  escape, so a title ``Child A & B: <who> is "here"`` would reach ``<title>``,
  the header, the ``<h1>`` and ``<meta name="description">`` as HTML. Each
  page's ``title`` and ``description`` are escaped here once, as
  :class:`markupsafe.Markup`, which Jinja's ``| e`` leaves alone, so a
  template that does escape does not escape twice.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from importlib import resources
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from .. import addresses
from ..pages import dialect
from ..text import and_list, escape_html, noun_for

log = logging.getLogger("mkdocs.hooks.learning_library")

PACKAGE = resources.files("learning_library")
"""The installed package, whose ``templates`` and ``assets`` folders the site uses."""
ESCAPED_META = ("title", "description")
"""Front matter values Material's templates print without escaping them."""


def use_library_theme(config: MkDocsConfig) -> None:
    """Add the library's templates (search form, search markers), its stylesheet and its table script to Material's."""
    templates = str(PACKAGE / "templates")
    if templates not in config.theme.dirs:
        custom = 1 if config.theme.custom_dir else 0  # a site's own overrides still come first
        config.theme.dirs.insert(custom, templates)
    stylesheet = f"{addresses.ASSETS}/library.css"
    if stylesheet not in config.extra_css:
        config.extra_css.append(stylesheet)
    script = f"{addresses.ASSETS}/tables.js"
    if script not in [str(s) for s in config.extra_javascript]:
        config.extra_javascript.append(script)
    if "search" in config.plugins or "material/search" in config.plugins:
        log.warning("learning-library: remove `search` from `plugins` in mkdocs.yml; the library has its own search (Pagefind)")


def default_nav(page_uris: Iterable[str]) -> list[Any]:
    """A navigation that never lists individual documents or team packs (Material renders it on every page)."""
    hand_written = [uri for uri in page_uris if uri != addresses.HOME and "/" not in uri]
    return [
        {"Home": addresses.HOME},
        {"Reviews": addresses.REVIEWS_INDEX},
        {"Briefings": addresses.BRIEFINGS_INDEX},
        {"Themes": addresses.THEMES_INDEX},
        {"Recommendations": addresses.TRACKER},
        {"What's new": addresses.WHATS_NEW},
        {"Statistics": addresses.STATISTICS},
        {"By year": addresses.YEARS_INDEX},
        {"Team packs": addresses.PACKS_INDEX},
        {"Open data": addresses.OPEN_DATA},
        {"Search": addresses.SEARCH},
        *hand_written,
    ]


def missing_extensions(config: MkDocsConfig) -> str | None:
    """What to add to ``mkdocs.yml`` for the Markdown the generated pages are written in, in one line; None if nothing."""
    enabled = [e if isinstance(e, str) else type(e).__module__ for e in config.markdown_extensions]
    missing = dialect.missing(enabled)
    if not missing:
        return None
    names = and_list([f"`{name}`" for name in missing])
    lines = and_list([f"`- {name}`" for name in missing])
    return (
        f"the generated pages need the Markdown {noun_for(len(missing), 'extension')} {names}, which mkdocs.yml does not turn on; "
        f"add {lines} under `markdown_extensions:` in mkdocs.yml"
    )


def escape_page_values(files: Iterable[File]) -> None:
    """Escape each page's title and description for the HTML the templates print them into."""
    for file in files:
        page = file.page
        if page is None or not page.meta:
            continue
        for key in ESCAPED_META:
            value = page.meta.get(key)
            if isinstance(value, str) and not isinstance(value, Markup):
                page.meta[key] = Markup(escape_html(value))
