"""MkDocs' build events, each adapting the library to one step of the build, and nothing more.

- ``on_config`` checks that the site turns on the Markdown the generated pages
  are written in, runs the same check as ``learning-library check`` (with
  "seen this before" worked out on the other core meanwhile) and stops
  the build on any error before a page is written, and warns about settings
  that would send visitors to other hosts (see :mod:`learning_library.third_party`);
- ``on_files`` adds the reviews, briefings, generated pages, the feeds, the open data and published attachments to the build;
- ``on_nav`` renders the reviews and briefings on both cores (see :mod:`learning_library.mkdocs.render`)
  and starts the search index of the documents;
- ``on_page_markdown`` fills the home page's blocks;
- ``on_env``, once every page is read, escapes the page values the templates
  print as they are (see :func:`learning_library.mkdocs.theme.escape_page_values`);
- ``on_post_page`` and ``on_post_template`` put each page's Content-Security-Policy
  in it (see :mod:`learning_library.csp`; the search page's names the other
  libraries of ``extra: regional_search``, see :mod:`learning_library.regional`);
- ``on_post_build`` finishes the search index;
- ``on_serve`` watches the library's own folders for ``mkdocs serve`` and
  wraps its server (see :mod:`learning_library.mkdocs.serve`);
- ``on_build_error`` empties the output folder, so a failed build leaves
  nothing behind that could be published.

``on_files`` also adds the editor at ``/admin/`` (:mod:`learning_library.editor`)
when the site publishes one (``extra: editor``) or ``learning-library edit``
serves it.

``mkdocs build`` stops at the first sign of a problem. ``mkdocs serve`` does
not: when the check blocks publication it *pauses* instead (a build with no
pages), and every page of the preview shows what blocks it until a later
build passes (see :mod:`learning_library.preview`).

MkDocs imports the hooks once and does not reload them under ``mkdocs serve``,
so the state here (:data:`STATE`) is the current build's alone, started
afresh at every ``on_config``.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

from .. import addresses, check, csp, pages, third_party
from ..attachments.references import published as published_attachments
from ..content import Document
from ..editor.admin import EDIT_VARIABLE, admin_files
from ..editor.repository import LOOPBACK, Repository
from ..errors import LibraryError
from ..findings import Severity
from ..formats import logs_may_be_public, summary_line, text_line
from ..library import Settings, load_settings, today
from ..pages import LibraryIndex, home
from ..preview import PreviewState, Problems, problems_page
from ..search import Indexing, index_documents, index_site
from ..vocabulary import Vocabulary
from . import theme
from .render import prerender
from .serve import PreviewApp

log = logging.getLogger("mkdocs.hooks.learning_library")


@dataclass(frozen=True)
class Checked:
    """A library that passed the check, as the rest of the build uses it."""

    settings: Settings
    index: LibraryIndex
    documents: dict[str, Document]
    """The published documents by their page's address: the pages the search index holds."""
    attachments: set[str]
    """The attachments something published today refers to, by their address."""


@dataclass
class BuildState:
    """What the hooks know of the current build."""

    command: str = "build"
    """``build``, ``gh-deploy`` or ``serve``, from ``on_startup``: only a failed ``build`` empties the output folder."""
    editing: bool = False
    """``learning-library edit``: ``mkdocs serve`` with the editor at ``/admin/`` working on the files here."""
    site_name: str = ""
    site_dir: str | None = None
    checked: Checked | None = None
    indexing: Indexing | None = None
    """The search index being built, from ``on_nav`` until ``on_post_build``."""
    admin: dict[str, bytes | Path] = field(default_factory=dict)
    """The files of ``/admin/`` for this build, by address; none when the site has no editor."""
    preview: PreviewState = field(default_factory=PreviewState)
    """``mkdocs serve`` only: builds finished, and what blocks publication; kept from build to build."""

    def start(self, site_dir: str) -> None:
        """Forget the previous build (``mkdocs serve`` builds again and again in one process)."""
        self.site_dir, self.checked, self.indexing, self.admin = site_dir, None, None, {}

    @property
    def paused(self) -> bool:
        """Whether this ``mkdocs serve`` build found problems, and so builds no pages and shows the problems instead."""
        return self.preview.problems is not None

    @property
    def library(self) -> Checked:
        if self.checked is None:
            raise RuntimeError("learning-library: a build event came before on_config finished")  # a bug, not bad input
        return self.checked


STATE = BuildState()


def on_startup(command: str, dirty: bool) -> None:
    STATE.command = command
    STATE.editing = command == "serve" and os.environ.get(EDIT_VARIABLE) == "1"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    STATE.start(config.site_dir)
    STATE.site_name = config.site_name
    missing = theme.missing_extensions(config)
    if missing:
        raise Abort(f"learning-library: {missing}.")
    if STATE.editing and config.dev_addr.host not in (*LOOPBACK, "::1"):
        raise Abort(
            f"learning-library: the editor works on your files, so it is served only on this computer; serve it at 127.0.0.1, not {config.dev_addr.host}."
        )
    try:
        settings = load_settings(Path(config.config_file_path))
        on = today()
        outcome = check.run(settings, on=on)
        results = outcome.results
        STATE.preview.findings = list(results)
    except LibraryError as exc:
        if STATE.command == "serve":
            return _pause(config, Problems.from_error(str(exc)))
        raise Abort(f"learning-library: the check could not run: {exc}") from None
    try:
        STATE.admin = _admin(settings, outcome.library.vocabulary, {d.slug: d.title for d in outcome.library.documents})
    except LibraryError as exc:
        if STATE.command == "serve" and not STATE.editing:
            log.info(f"learning-library: the preview has no editor at /admin/: {exc}")
        elif STATE.command == "serve":
            return _pause(config, Problems.from_error(str(exc)))
        else:
            raise Abort(f"learning-library: {exc}.") from None
    blocked = results.blocks or (config.strict and results.warnings > 0)
    # A paused preview is not a failed build: its findings are told, not counted as errors (strict mode would abort).
    paused = blocked and STATE.command == "serve"
    for finding in results:
        line = text_line(finding, show_text=not logs_may_be_public())
        (log.info if paused else log.error if finding.severity is Severity.ERROR else log.warning)(line)
    for notice in outcome.notices:
        # A reminder (a report due to be withdrawn) is news, not a problem: a strict build must not fail for a month.
        log.info(text_line(notice, show_text=False))
    if blocked:
        if paused:
            return _pause(config, Problems.from_results(results))
        raise Abort(f"learning-library: {summary_line(results)}. Nothing was built; fix the problems above and build again.")
    STATE.preview.problems = None
    index = pages.index_library(outcome.library, on)
    STATE.checked = Checked(
        settings=settings,
        index=index,
        documents={addresses.document_uri(d): d for d in index.live},
        attachments=published_attachments(outcome.library, on),
    )
    if config.nav is None:
        config.nav = theme.default_nav(p.uri for p in outcome.library.pages)
    theme.use_library_theme(config)
    for problem in third_party.third_party_settings(config.theme, config.repo_url, config.extra):
        log.warning(f"learning-library: {problem}")
    return config


def _admin(settings: Settings, vocabulary: Vocabulary, documents: dict[str, str]) -> dict[str, bytes | Path]:
    """The editor's files, if this build has an editor: the published one (``extra: editor``) or ``learning-library edit``'s."""
    if STATE.editing:
        return admin_files(settings, vocabulary, documents, local=True)
    if settings.editor is not None:
        return admin_files(settings, vocabulary, documents, local=False)
    return {}


def _pause(config: MkDocsConfig, problems: Problems) -> MkDocsConfig:
    """``mkdocs serve`` found problems: build no pages, and answer every page with the problems (see ``on_serve``)."""
    STATE.preview.problems = problems
    config.nav = []
    log.info(
        "learning-library: PUBLICATION BLOCKED. Every page of the preview shows what blocks it until it is fixed. "
        + (problems.summary or "The check could not run: " + " ".join(problems.could_not_run))
    )
    return config


def _problems_page() -> str | None:
    problems = STATE.preview.problems
    if problems is None:
        return None
    return problems_page(STATE.site_name, problems, build=STATE.preview.builds, editor=bool(STATE.admin))


def _add_admin(files: Files, config: MkDocsConfig) -> None:
    for uri, source in STATE.admin.items():
        if isinstance(source, Path):
            files.append(File.generated(config, uri, abs_src_path=str(source)))
        else:
            files.append(File.generated(config, uri, content=source))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if STATE.paused:
        kept = Files([f for f in files if not f.is_documentation_page()])
        _add_admin(kept, config)
        return kept
    _add_admin(files, config)
    checked = STATE.library
    listed = {
        addresses.REVIEWS_INDEX,
        addresses.BRIEFINGS_INDEX,
        addresses.THEMES_INDEX,
        addresses.YEARS_INDEX,
        addresses.PACKS_INDEX,
        *addresses.GENERATED_PAGES,
    }
    for uri, markdown in pages.generate(checked.index).items():
        inclusion = InclusionLevel.UNDEFINED if uri in listed else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content=markdown, inclusion=inclusion))
    # The feeds and the open data: written from the same index, so they hold exactly what the pages publish.
    for uri, text in pages.data(checked.index).items():
        files.append(File.generated(config, uri, content=text))
    for asset in (theme.PACKAGE / "assets").iterdir():
        files.append(File.generated(config, f"{addresses.ASSETS}/{asset.name}", content=asset.read_bytes()))
    # Only attachments something published today refers to: a draft's report waits for the draft.
    for uri in sorted(checked.attachments):
        files.append(File.generated(config, addresses.attachment_uri(uri), abs_src_path=str(checked.settings.root / uri)))
    return files


def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> Any:
    """Render every page on both cores before MkDocs would render them one by one."""
    if STATE.paused:
        return nav
    documents = STATE.library.documents
    site_pages = [file.page or Page(None, file, config) for file in files.documentation_pages()]
    if prerender(site_pages, config, files):
        # Index the documents now, on the other core, while MkDocs writes the site.
        rendered = [p for p in site_pages if p.file.src_uri in documents]
        STATE.indexing = index_documents(
            ((p.file.dest_uri, documents[p.file.src_uri].title, p.content or "") for p in rendered), Path(config.site_dir)
        )
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == addresses.HOME:
        return home.page(STATE.library.index, markdown)
    return markdown


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Every page has been read and rendered; before any is written, escape what the templates print as it is."""
    theme.escape_page_values(files.documentation_pages())
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Only the search page of a site that searches other libraries may fetch from their hosts.
    search = STATE.checked.settings.regional_search if STATE.checked is not None else None
    connect = search.origins if search is not None and page.file.src_uri == addresses.SEARCH else ()
    return csp.add_policy(output, authored=page.content or "", connect=connect)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The theme's own pages (404.html) get a policy too; sitemap.xml and other templates are not HTML."""
    return csp.add_policy(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config: MkDocsConfig) -> None:
    if not STATE.paused:
        try:
            indexing, STATE.indexing = STATE.indexing, None
            (indexing or index_site(Path(config.site_dir))).wait()
        except LibraryError as exc:
            raise Abort(f"learning-library: {exc}") from None
    STATE.preview.builds += 1


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    root = Path(config.config_file_path).parent
    for path in (root / "reviews", root / "briefings", root / "themes.yml", root / "anonymisation.yml"):
        if path.exists():
            server.watch(str(path))
    repository = Repository(root) if STATE.editing else None
    server.set_app(PreviewApp(server.get_app(), state=lambda: STATE.preview, page=_problems_page, repository=repository))
    return server


def on_build_error(error: Exception) -> None:
    indexing, STATE.indexing = STATE.indexing, None
    if indexing is not None:
        indexing.stop()
    if STATE.command == "serve":
        # MkDocs keeps the last good build; the next page asked for shows why this one failed instead.
        STATE.preview.problems = Problems.from_error(str(error), build_failed=True)
    if STATE.command in ("build", "gh-deploy") and STATE.site_dir:
        clean_directory(STATE.site_dir)
        log.error("learning-library: the build failed, so the output folder was emptied; nothing in it can be published.")
