"""MkDocs hooks: adapt the learning_library package to MkDocs' build events, and nothing more.

- ``on_config`` runs the same check as ``learning-library check`` and stops the
  build on any error before a page is written, and warns about settings that
  would send visitors to other hosts (see :mod:`learning_library.third_party`);
- ``on_files`` adds the reviews, briefings, generated pages, the feed and published attachments to the build;
- ``on_nav`` renders the reviews and briefings on both cores (see :mod:`learning_library.mkdocs_render`);
- ``on_page_markdown`` fills the home page's blocks;
- ``on_post_page`` and ``on_post_template`` put each page's Content-Security-Policy
  in it (see :mod:`learning_library.csp`);
- ``on_post_build`` builds the search index;
- ``on_serve`` watches the library's own folders for ``mkdocs serve``;
- ``on_build_error`` empties the output folder, so a failed build leaves
  nothing behind that could be published.

MkDocs imports this file once and does not reload it under ``mkdocs serve``,
so it keeps no state beyond the current build.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

from learning_library import addresses, check, csp, pages, third_party
from learning_library.attachments.references import published as published_attachments
from learning_library.errors import LibraryError
from learning_library.findings import Severity
from learning_library.library import load_settings, today
from learning_library.mkdocs_render import prerender
from learning_library.pages import LibraryIndex, feed, home
from learning_library.report import logs_may_be_public, summary_line, text_line
from learning_library.search import index_documents, index_site

log = logging.getLogger("mkdocs.hooks.learning_library")

_command = ["build"]
"""``build``, ``gh-deploy`` or ``serve``, from ``on_startup``: only a failed ``build`` empties the output folder."""
_build: dict[str, Any] = {}
"""The current build's checked library, generated site and settings; replaced at every ``on_config``."""


def on_startup(command: str, dirty: bool) -> None:
    _command[0] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _build.clear()
    _build["site_dir"] = config.site_dir
    try:
        settings = load_settings(Path(config.config_file_path))
        on = today()
        outcome = check.run(settings, on=on)
    except LibraryError as exc:
        raise Abort(f"learning-library: the check could not run: {exc}") from None
    report = outcome.report
    for finding in report:
        line = text_line(finding, show_text=not logs_may_be_public())
        (log.error if finding.severity is Severity.ERROR else log.warning)(line)
    if report.blocks or (config.strict and report.warnings):
        raise Abort(f"learning-library: {summary_line(report)}. Nothing was built; fix the problems above and build again.")
    _build["index"] = pages.index_library(outcome.library, on)
    _build["document_uris"] = {addresses.document_uri(d) for d in _build["index"].live}
    _build["settings"] = settings
    _build["attachments"] = published_attachments(outcome.library, on)
    if config.nav is None:
        config.nav = _default_nav(outcome.library.pages)
    _use_library_theme(config)
    for problem in third_party.third_party_settings(config.theme, config.repo_url, config.extra):
        log.warning(f"learning-library: {problem}")
    return config


_PACKAGE = resources.files("learning_library")


def _use_library_theme(config: MkDocsConfig) -> None:
    """Add the library's templates (search form, search markers), its stylesheet and its table script to Material's."""
    templates = str(_PACKAGE / "templates")
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


def _default_nav(pages: list[Any]) -> list[Any]:
    """A navigation that never lists individual documents (Material renders it on every page)."""
    hand_written = [p.uri for p in pages if p.uri != addresses.HOME and "/" not in p.uri]
    return [
        {"Home": addresses.HOME},
        {"Reviews": addresses.REVIEWS_INDEX},
        {"Briefings": addresses.BRIEFINGS_INDEX},
        {"Themes": addresses.THEMES_INDEX},
        {"Recommendations": addresses.TRACKER},
        {"What's new": addresses.WHATS_NEW},
        {"Statistics": addresses.STATISTICS},
        {"By year": addresses.YEARS_INDEX},
        {"Search": addresses.SEARCH},
        *hand_written,
    ]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    index: LibraryIndex = _build["index"]
    listed = {addresses.REVIEWS_INDEX, addresses.BRIEFINGS_INDEX, addresses.THEMES_INDEX, addresses.YEARS_INDEX, *addresses.GENERATED_PAGES}
    for uri, markdown in pages.generate(index).items():
        inclusion = InclusionLevel.UNDEFINED if uri in listed else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content=markdown, inclusion=inclusion))
    files.append(File.generated(config, addresses.FEED, content=feed.atom(index)))
    for asset in (_PACKAGE / "assets").iterdir():
        files.append(File.generated(config, f"{addresses.ASSETS}/{asset.name}", content=asset.read_bytes()))
    # Only attachments something published today refers to: a draft's report waits for the draft.
    settings = _build["settings"]
    for uri in sorted(_build["attachments"]):
        files.append(File.generated(config, addresses.attachment_uri(uri), abs_src_path=str(settings.root / uri)))
    return files


def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> Any:
    """Render every page on both cores before MkDocs would render them one by one."""
    pages = [file.page or Page(None, file, config) for file in files.documentation_pages()]
    if prerender(pages, config, files):
        # Index the documents now, on the other core, while MkDocs writes the site.
        documents = [p for p in pages if p.file.src_uri in _build["document_uris"]]
        _build["indexing"] = index_documents(((p.file.dest_uri, p.title or "", p.content or "") for p in documents), Path(config.site_dir))
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == addresses.HOME:
        return home.page(_build["index"], markdown)
    return markdown


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return csp.add_policy(output, authored=page.content or "")


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The theme's own pages (404.html) get a policy too; sitemap.xml and other templates are not HTML."""
    return csp.add_policy(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config: MkDocsConfig) -> None:
    try:
        indexing = _build.pop("indexing", None) or index_site(Path(config.site_dir))
        indexing.wait()
    except LibraryError as exc:
        raise Abort(f"learning-library: {exc}") from None


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    root = Path(config.config_file_path).parent
    for path in (root / "reviews", root / "briefings", root / "themes.yml", root / "anonymisation.yml"):
        if path.exists():
            server.watch(str(path))
    return server


def on_build_error(error: Exception) -> None:
    indexing = _build.pop("indexing", None)
    if indexing is not None:
        indexing.stop()
    if _command[0] in ("build", "gh-deploy") and _build.get("site_dir"):
        clean_directory(_build["site_dir"])
        log.error("learning-library: the build failed, so the output folder was emptied; nothing in it can be published.")
