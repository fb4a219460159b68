"""Rendering the library's generated pages for MkDocs on both cores (MkDocs-specific; used only by the hooks).

MkDocs renders pages one at a time and builds a new Markdown converter for each.
A library has a page per review and briefing, thousands in time, and rendering
their Markdown is most of a build. :func:`prerender` renders them before MkDocs
would, in two forked processes that each keep one converter, and hands MkDocs
pages that are already rendered; MkDocs then templates and writes them as usual.

It reproduces what :meth:`mkdocs.structure.pages.Page.render` does (the same
extensions and MkDocs' own link, anchor and title processors) and relays what
those processors log, so a warning in a worker still fails a ``--strict``
build. It leans on MkDocs 1.6 internals, which is why MkDocs is pinned, and it
steps aside (MkDocs renders as usual) for small sites or a single core.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import types
from dataclasses import dataclass
from typing import Any

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import TableOfContents, get_toc

MIN_PAGES = 100
"""Below this, forking costs more than it saves."""
WORKERS = 2

_job: dict[str, Any] = {}


@dataclass
class _Rendered:
    uri: str
    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str]
    links: dict[str, dict[str, str]]


def prerender(pages: list[Page], config: MkDocsConfig, files: Files) -> bool:
    """Render ``pages`` ahead of MkDocs, in parallel, and make their own ``render`` keep the result.

    Returns:
        Whether the pages were rendered (False: MkDocs will render them itself).
    """
    minimum = int(os.environ.get("LEARNING_LIBRARY_PARALLEL_FROM", MIN_PAGES))
    if len(pages) < minimum or (os.cpu_count() or 1) < WORKERS:
        return False
    _job.update(config=config, files=files)
    uris = [page.file.src_uri for page in pages]
    try:
        with multiprocessing.get_context("fork").Pool(WORKERS) as pool:
            chunks = pool.map(_render_chunk, [uris[i::WORKERS] for i in range(WORKERS)])
    finally:
        _job.clear()
    by_uri = {page.file.src_uri: page for page in pages}
    for rendered, logs in chunks:
        for level, name, message in logs:
            logging.getLogger(name).log(level, message)
        for item in rendered:
            page = by_uri[item.uri]
            page.content = item.content
            page.toc = item.toc
            page._title_from_render = item.title
            page.present_anchor_ids = item.anchors
            page.links_to_anchors = {files.get_file_from_path(uri): links for uri, links in item.links.items()}  # type: ignore[misc]
            page.render = types.MethodType(_already_rendered, page)  # type: ignore[method-assign]
    return True


def _already_rendered(page: Page, config: MkDocsConfig, files: Files) -> None:
    """MkDocs' ``render`` for a page :func:`prerender` has rendered: nothing left to do."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[int, str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.name, record.getMessage()))


def _render_chunk(uris: list[str]) -> tuple[list[_Rendered], list[tuple[int, str, str]]]:
    config: MkDocsConfig = _job["config"]
    files: Files = _job["files"]
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.handlers = [collect]  # this process is thrown away; its parent logs what it collected
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
    rendered = []
    for uri in uris:
        file = files.get_file_from_path(uri)
        assert file is not None and file.page is not None
        page = file.page
        page.read_source(config)
        assert page.markdown is not None
        text = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        md.reset()
        raw_html = _RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = _ExtractAnchorsTreeprocessor(file, files, config)
        anchors._register(md)
        relative = _RelativePathTreeprocessor(file, files, config)
        relative._register(md)
        title = _ExtractTitleTreeprocessor()
        title._register(md)
        content = md.convert(text)
        rendered.append(
            _Rendered(
                uri,
                content,
                get_toc(getattr(md, "toc_tokens", [])),
                page.title,
                anchors.present_anchor_ids | raw_html.present_anchor_ids,
                {target.src_uri: links for target, links in relative.links_to_anchors.items()},
            )
        )
    return rendered, collect.records
