"""Rendering the site's pages for MkDocs on both cores, and keeping what was rendered for the next build.

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

What it renders it keeps in a cache (see :mod:`learning_library.cache`), so a
rebuild, in ``mkdocs serve`` or in CI with the cache restored, renders only the
pages whose Markdown changed. A page's entry is keyed by its Markdown as the
plugins hand it over (so the home page, filled from the library, is rendered
again when the library changes), its address, and a fingerprint of everything
else rendering reads: the Markdown extensions and their settings, the versions
of the libraries and of this module (and of this package, which every cache checks), the link validation settings, and the
address of every file in the site (a link's target is resolved against them, so
adding or moving a page renders every page again once).
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import re
import time
import types
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, cast

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
from mkdocs.structure.toc import get_toc

from ..cache import ResultCache, installed_versions

MIN_PAGES = 100
"""Below this, forking costs more than it saves."""
WORKERS = 2
BATCH = 8
"""Pages a worker renders between asking for more."""
RENDER_CACHE = "rendered"
"""The name of the rendered pages' cache (see :func:`learning_library.cache.cache_file`)."""

log = logging.getLogger("mkdocs.hooks.learning_library")


class _Collect(logging.Handler):
    """Keeps what MkDocs logs in a worker, for the parent to log again."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[int, str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.name, record.getMessage()))


@dataclass
class _Job:
    """What the forked workers inherit from :func:`prerender`, and each worker's own converter and log collector."""

    config: MkDocsConfig
    files: Files
    cache: ResultCache
    fingerprint: str
    converter: markdown.Markdown | None = None
    """One converter for all the pages a worker renders (MkDocs makes one a page)."""
    collect: _Collect = field(default_factory=_Collect)


_job: _Job | None = None
"""Set for the time of :func:`prerender`, so that the workers it forks inherit it."""


@dataclass
class _Rendered:
    """What rendering one page produced, in plain data, so that it can be cached as JSON."""

    content: str
    toc_tokens: list[dict[str, Any]]
    title: str | None
    anchors: list[str]
    links: dict[str, dict[str, str]]
    """Target file's ``src_uri`` to the anchors this page links to in it."""
    logs: list[tuple[int, str, str]]
    """What MkDocs' processors logged while rendering: level, logger, message."""

    @classmethod
    def from_json(cls, data: Any) -> _Rendered | None:
        try:
            return cls(**data)
        except TypeError:
            return None  # an entry of another shape: render the page again


def prerender(pages: list[Page], config: MkDocsConfig, files: Files) -> bool:
    """Render ``pages`` ahead of MkDocs, in parallel or from the cache, and make their own ``render`` keep the result.

    Returns:
        Whether the pages were rendered (False: MkDocs will render them itself).
    """
    minimum = int(os.environ.get("LEARNING_LIBRARY_PARALLEL_FROM", MIN_PAGES))
    if len(pages) < minimum or (os.cpu_count() or 1) < WORKERS:
        return False
    fingerprint = _fingerprint(config, files)
    cache = ResultCache(Path(config.config_file_path).parent, fingerprint, name=RENDER_CACHE)
    global _job
    _job = _Job(config, files, cache, fingerprint)
    started = time.perf_counter()
    try:
        with multiprocessing.get_context("fork").Pool(WORKERS, initializer=_start_worker) as pool:
            results = {uri: (key, fresh) for chunk in pool.imap_unordered(_render_chunk, _batches(pages)) for uri, key, fresh in chunk}
    finally:
        _job = None
    used = set()
    for page in pages:  # in MkDocs' order, so that what was logged is told in the same order every time
        key, fresh = results[page.file.src_uri]
        used.add(key)
        if fresh is not None:
            cache.put(key, fresh.__dict__)
        item = fresh or _Rendered.from_json(cache.get(key))
        assert item is not None  # the worker found this very entry usable
        for level, name, message in item.logs:
            logging.getLogger(name).log(level, message)
        page.content = item.content
        page.toc = get_toc(cast(Any, item.toc_tokens))  # Markdown's toc tokens, back from JSON
        page._title_from_render = item.title
        page.present_anchor_ids = set(item.anchors)
        page.links_to_anchors = {files.get_file_from_path(target): links for target, links in item.links.items()}  # type: ignore[misc]
        page.render = types.MethodType(_already_rendered, page)  # type: ignore[method-assign]
    fresh_pages = sum(1 for _, fresh in results.values() if fresh is not None)
    log.debug(
        f"learning-library: {len(pages)} pages ready in {time.perf_counter() - started:.1f} s, {fresh_pages} of them rendered, the rest from the cache"
    )
    cache.save(used)
    return True


def _batches(pages: list[Page]) -> list[list[str]]:
    """The pages' addresses in small batches, the largest pages first.

    The two workers take a batch at a time, so they finish together: a few very
    large generated pages (the recommendations tracker lists every
    recommendation) would otherwise leave one worker busy while the other waits.
    """

    def size(page: Page) -> int:
        file = page.file
        if file.abs_src_path and os.path.isfile(file.abs_src_path):
            return os.path.getsize(file.abs_src_path)
        return len(file.content_bytes)

    uris = [page.file.src_uri for page in sorted(pages, key=size, reverse=True)]
    return [uris[i : i + BATCH] for i in range(0, len(uris), BATCH)]


def _fingerprint(config: MkDocsConfig, files: Files) -> str:
    """Everything besides a page's own Markdown and address that its rendering depends on."""
    digest = hashlib.sha256()
    extensions = config["markdown_extensions"]
    modules = {"markdown", "mkdocs", *(_module_of(extension) for extension in extensions)}
    distributions = metadata.packages_distributions()
    settings = {
        "code": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
        "versions": installed_versions(sorted({d for m in modules for d in distributions.get(m, [m])})),
        "extensions": extensions,
        "extension_settings": config["mdx_configs"],
        "directory_urls": config.use_directory_urls,
        "validation": config.validation,
    }
    digest.update(json.dumps(settings, sort_keys=True, default=_stable_repr).encode())
    for file in files:
        digest.update(f"{file.src_uri}\0{file.url}\0{file.inclusion.name}\n".encode())
    return digest.hexdigest()


def _module_of(extension: Any) -> str:
    """The top-level module an extension (a name or an instance) comes from."""
    name = extension if isinstance(extension, str) else type(extension).__module__
    return str(name).split(".")[0]


_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def _stable_repr(value: Any) -> str:
    """A setting JSON cannot hold (a function, a settings object), named the same way in every run."""
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    if hasattr(value, "items"):
        return json.dumps(dict(value.items()), sort_keys=True, default=_stable_repr)
    return _ADDRESS.sub("", repr(value))


def _key(fingerprint: str, uri: str, markdown_text: str) -> str:
    digest = hashlib.sha256(fingerprint.encode())
    digest.update(f"\0{uri}\0".encode())
    digest.update(markdown_text.encode("utf-8"))
    return digest.hexdigest()


def _already_rendered(page: Page, config: MkDocsConfig, files: Files) -> None:
    """MkDocs' ``render`` for a page :func:`prerender` has rendered: nothing left to do."""


def _start_worker() -> None:
    """Collect what MkDocs logs in this worker: it is thrown away, and its parent logs what it collected."""
    assert _job is not None
    logging.getLogger("mkdocs").handlers = [_job.collect]


def _render_chunk(uris: list[str]) -> list[tuple[str, str, _Rendered | None]]:
    """Each page's address, cache key, and what rendering it produced (None: the cache holds it)."""
    job = _job
    assert job is not None  # set by prerender before it forked this worker
    config, files, cache, collect = job.config, job.files, job.cache, job.collect
    out: list[tuple[str, str, _Rendered | None]] = []
    for uri in uris:
        file = files.get_file_from_path(uri)
        assert file is not None and file.page is not None
        page = file.page
        page.read_source(config)
        assert page.markdown is not None
        text = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        key = _key(job.fingerprint, uri, text)
        if _Rendered.from_json(cache.get(key)) is not None:
            out.append((uri, key, None))
            continue
        md = job.converter
        if md is None:
            md = job.converter = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
        md.reset()
        collect.records = []
        raw_html = _RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = _ExtractAnchorsTreeprocessor(file, files, config)
        anchors._register(md)
        relative = _RelativePathTreeprocessor(file, files, config)
        relative._register(md)
        title = _ExtractTitleTreeprocessor()
        title._register(md)
        content = md.convert(text)
        rendered = _Rendered(
            content=content,
            toc_tokens=getattr(md, "toc_tokens", []),
            title=title.title,
            anchors=sorted(anchors.present_anchor_ids | raw_html.present_anchor_ids),
            links={target.src_uri: links for target, links in relative.links_to_anchors.items()},
            logs=collect.records,
        )
        out.append((uri, key, rendered))
    return out
