"""Text for readers: escaping an author's words for where they go, dates, plurals, lists and a generated page's front matter.

Every value an author writes (a title, a summary, a recommendation, a label in
``themes.yml``) reaches a page through one of the escapes here, chosen by
where it lands:

- :func:`escape_markdown` for Markdown the site builder converts, so that
  ``[brackets]``, ``*stars*``, ``<b>`` and ``&`` show as written;
- :func:`escape_html` for HTML the library writes itself, text or attribute
  value alike (quotes are escaped too, so one function serves both);
- :func:`front_matter` for a generated page's title and description, which
  are data (YAML) until the site builder's templates print them; the MkDocs
  adapter escapes them for HTML there (:mod:`learning_library.mkdocs.theme`),
  since MkDocs' templates do not.

The Atom feed is written with :mod:`xml.etree.ElementTree`, which escapes
every text and attribute itself; JSON (the catalogue, a page's schema.org
description) goes through :func:`markup_safe_json`.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence

import yaml

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|])")
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def escape_markdown(text: str) -> str:
    """Text that Markdown shows as written: titles may contain [brackets], *stars*, ``<tags>`` or ``&``."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))


def markdown_cell(text: str) -> str:
    """Text for a cell of a Markdown table: escaped, and on one line (a line break would end the row)."""
    return escape_markdown(text).replace("\n", " ")


def escape_html(text: str) -> str:
    """Text for HTML, as an element's text or an attribute's value in double quotes."""
    return html.escape(text, quote=True)


def markup_safe_json(json_text: str) -> str:
    """JSON text with ``<``, ``>`` and ``&`` as JSON escapes (``\\u003c``...), which read back as the same text.

    Safe inside a ``<script>`` element (a title holding ``</script>`` cannot end
    it), and safe for a program that pastes a value into a web page unescaped.
    """
    return json_text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def format_date(day: dt.date) -> str:
    """A date as readers write it: ``5 March 2024``."""
    return f"{day.day} {day:%B %Y}"


def format_month(day: dt.date) -> str:
    """The month of a date: ``March 2024``."""
    return f"{day:%B %Y}"


def shift_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (earlier when negative); the last day of that month if it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (following - dt.timedelta(days=1)).day))


def noun_for(count: int, noun: str, nouns: str | None = None) -> str:
    """The noun for a count: ``review`` for 1, ``reviews`` otherwise; ``nouns`` where the plural is not the noun and an s."""
    return noun if count == 1 else nouns or noun + "s"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """A count and its noun: ``1 review``, ``2 reviews``, ``0 reviews``."""
    return f"{count} {noun_for(count, noun, nouns)}"


def and_list(items: Sequence[str]) -> str:
    """Items as a reader lists them: ``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}" if items else ""


def front_matter(title: str, description: str | None = None, **extra: object) -> str:
    """A generated page's front matter: its title, the description search engines show, and any other settings.

    Written by libyaml's emitter where it is installed: there is a page a
    document, and the pure-Python emitter is slow.
    """
    meta: dict[str, object] = {"title": title}
    if description:
        meta["description"] = description
    meta.update(extra)
    text = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
    return "---\n" + text + "---\n\n"
