"""The baseline of the build benchmark: the same library as a plain mkdocs-material site.

What a partnership gets without the project: every review and briefing a page
in the nav, ``themes:`` renamed ``tags:`` for Material's tags plugin, the
project's Markdown extensions so that the two builds differ in how pages are
organised, not in how Markdown is parsed. Used by ``bench/build.py``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from synthetic import load_config

PLAIN_THEME: dict[str, Any] = {
    "name": "material",
    "language": "en",
    "font": False,
    "features": ["navigation.tabs", "navigation.top", "search.highlight", "toc.follow"],
}
"""The baseline's theme settings: those of the project's ``mkdocs.yml`` when the
benchmark was written. They are fixed here, not read from the project, so that
the baseline stays the same while the project's settings change."""

PLAIN_MARKDOWN_EXTENSIONS: list[Any] = [
    {"toc": {"permalink": True}},
    "attr_list",
    "md_in_html",
    "admonition",
    "tables",
    "def_list",
]
"""The baseline renders Markdown with the project's extensions, so that the two
builds differ in how pages are organised, not in how Markdown is parsed."""

FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
THEMES_KEY = re.compile(r"^themes:", re.MULTILINE)


class BenchError(Exception):
    """The benchmark cannot run as asked; the message says what to change."""


def _split_front_matter(path: Path) -> tuple[str, str]:
    """A generated document's front matter and body."""
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match:
        raise BenchError(f"{path}: no front matter between '---' lines at the top of the file")
    return match.group(1), text[match.end() :]


def _title(front_matter: str, fallback: str) -> str:
    """The ``title:`` of a page's front matter, for its nav entry."""
    data = yaml.safe_load(front_matter) or {}
    return str(data.get("title") or fallback) if isinstance(data, dict) else fallback


def make_plain_library(library: Path, dest: Path) -> int:
    """Write the plain mkdocs-material site for a generated library.

    Every review and briefing goes under ``docs/reviews/`` and ``docs/briefings/``
    beside the hand-written pages, with ``themes:`` renamed ``tags:`` so the tags
    plugin shows them; plain MkDocs ignores the other project keys. The nav lists
    every page, as a site without generated indexes must.

    Args:
        library: a library written by ``synthetic.generate_library``.
        dest: an empty or missing folder for the plain site.

    Returns:
        The number of reviews and briefings in the site.
    """
    pages_dir = library / str(load_config(library / "mkdocs.yml").get("docs_dir") or "docs")
    docs = dest / "docs"
    shutil.copytree(pages_dir, docs)

    nav: list[Any] = [{"Home": "index.md"}]
    documents = 0
    for folder, label in (("reviews", "Reviews"), ("briefings", "Briefings")):
        (docs / folder).mkdir(parents=True, exist_ok=True)
        entries = []
        for path in sorted((library / folder).glob("*.md")):
            front, body = _split_front_matter(path)
            (docs / folder / path.name).write_text(f"---\n{THEMES_KEY.sub('tags:', front)}---\n{body}", "utf-8")
            entries.append({_title(front, path.stem): f"{folder}/{path.name}"})
        nav.append({label: entries})
        documents += len(entries)
    for page in sorted(docs.glob("*.md")):
        if page.name != "index.md":
            nav.append({_title(_split_front_matter(page)[0], page.stem): page.name})

    config: dict[str, Any] = {
        "site_name": "Learning library (plain mkdocs-material baseline)",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": PLAIN_THEME,
        "plugins": ["search", "tags"],
        "markdown_extensions": PLAIN_MARKDOWN_EXTENSIONS,
        "nav": nav,
    }
    if (docs / "assets" / "library.css").is_file():
        config["extra_css"] = ["assets/library.css"]
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=4096), encoding="utf-8")
    return documents
