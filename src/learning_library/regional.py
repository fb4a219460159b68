"""Search across a region's libraries: the other learning libraries a site's search page may include, read from ``mkdocs.yml``.

Partnerships learn from their neighbours, and their libraries are static sites
built the same way, each with its own Pagefind index. A site can list its
neighbours under ``extra: regional_search``; its search page then merges their
indexes in the reader's browser (Pagefind's ``mergeIndex``), labels each result
with its library and offers a filter by library. It is opt-in: without the
setting the search page contacts no other host, and with it the search page's
Content-Security-Policy allows exactly the listed hosts and no more (see
:mod:`learning_library.csp`); every other page keeps the site's own policy.

The schema below is read by :func:`learning_library.library.load_settings`
with the rest of ``extra:``, so a mistake here is reported with the others,
each with its line and a fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import yaml

from .validation import INVALID, FieldSpec, ListOf, Reader, Record, Scalar, Text

SETTING = "regional_search"
"""The key under ``extra:`` in ``mkdocs.yml``."""
EXAMPLE_ADDRESS = "https://learning.heron-bay.example/"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
"""Hosts that may be written with ``http://``: a library previewed or tested on this computer."""


@dataclass(frozen=True)
class OtherLibrary:
    """Another learning library built with this tool, whose search index the search page merges."""

    label: str
    """The name its results are labelled with, and its value in the filter by library: "Heron Bay"."""
    url: str
    """The address of its home page, ending in ``/``: its search index is ``pagefind/`` below it."""

    @property
    def origin(self) -> str:
        """Its scheme, host and port, as a Content-Security-Policy names a host: ``https://learning.heron-bay.example``."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def index(self) -> str:
        """The address of its Pagefind index."""
        return self.url + "pagefind/"


@dataclass(frozen=True)
class RegionalSearch:
    """The ``extra: regional_search`` setting: this library's label, and the other libraries."""

    label: str
    """The name this library's own results are labelled with: "Kestrel Vale"."""
    libraries: tuple[OtherLibrary, ...]

    @property
    def origins(self) -> tuple[str, ...]:
        """The other libraries' hosts, once each, in the order listed."""
        return tuple(dict.fromkeys(library.origin for library in self.libraries))


class _Address(Scalar):
    """The address of another library's home page: ``https://``, a host, a path, nothing after it."""

    expected = f"the address of the other library's home page (like {EXAMPLE_ADDRESS})"

    def convert(self, r: Reader, key: str, node: yaml.Node, value: str) -> Any:
        parts = urlsplit(value)
        host = parts.hostname or ""
        if parts.scheme == "http" and host not in LOOPBACK:
            return self.wrong(
                r,
                key,
                node,
                f"write its https:// address (https://{parts.netloc}{parts.path}); browsers block http:// from an https:// page",
            )
        if parts.scheme not in ("http", "https") or not host:
            return self.wrong(r, key, node, "copy the address from the browser's address bar while on that library's home page")
        if parts.query or parts.fragment or parts.username or parts.password:
            return self.wrong(r, key, node, "leave out everything after the home page's address (?, # and what follows)")
        path = parts.path if parts.path.endswith("/") else parts.path + "/"
        return f"{parts.scheme}://{parts.netloc}{path}"


class _Libraries(ListOf):
    """The other libraries, each label and each address once."""

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        values = super().read(r, key, node)
        if values is INVALID:
            return INVALID
        assert isinstance(node, yaml.SequenceNode)  # the list was read
        labels: dict[str, int] = {}
        addresses: dict[str, int] = {}
        for item, library in zip(node.value, values, strict=True):
            line = r.line(item)
            for seen, value, what in ((labels, library.label.casefold(), "label"), (addresses, library.url, "address")):
                if value in seen:
                    r.report(
                        item, "duplicate", f"two libraries in `{SETTING}` have the same {what} (lines {seen[value]} and {line}); keep one"
                    )
                    values = INVALID
                seen.setdefault(value, line)
        return values


LIBRARY = Record(
    "library",
    [
        FieldSpec("label", Text(), required=True, example="label: Heron Bay"),
        FieldSpec("url", _Address(), required=True, example=f"url: {EXAMPLE_ADDRESS}"),
    ],
    OtherLibrary,
    where="a library in `regional_search`",
)

SPEC = FieldSpec(
    SETTING,
    Record(
        "regional search",
        [
            FieldSpec("label", Text(), required=True, example="label: Kestrel Vale"),
            FieldSpec(
                "libraries",
                _Libraries(LIBRARY, min_items=1, example=f"[{{label: Heron Bay, url: {EXAMPLE_ADDRESS}}}]"),
                required=True,
                example="libraries:",
            ),
        ],
        lambda label, libraries: RegionalSearch(label, tuple(libraries)),
        where=f"`extra: {SETTING}`",
    ),
)
"""``extra: regional_search``: ``label`` (this library's) and ``libraries`` (each a ``label`` and a ``url``)."""


def own_clashes(search: RegionalSearch, site_url: str | None) -> Sequence[str]:
    """What in the setting names this library itself, in words for a message; empty when nothing does."""
    problems = []
    for library in search.libraries:
        if library.label.casefold() == search.label.casefold():
            problems.append(f"the library `{library.label}` has this library's own label; give each library its own")
        if site_url and library.url == (site_url if site_url.endswith("/") else site_url + "/"):
            problems.append(f"`{library.url}` is this library's own address (its `site_url`); list only other libraries")
    return problems
