"""A library on disk: its settings, its vocabulary, and the documents and pages it holds.

This module only finds and reads files; what they may contain is
:mod:`learning_library.content`, and what is wrong across files is
:mod:`learning_library.check`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import regional, yamltext
from .content import Document, Page, Source, fallback_source, parse_document, parse_page, read_text
from .errors import ConfigError
from .findings import Finding
from .validation import (
    INVALID,
    FieldSpec,
    Number,
    Pattern,
    Reader,
    Record,
    Scalar,
    Text,
    describe,
    is_empty,
    raise_problems,
    read_mapping,
    value_node,
)
from .vocabulary import BRIEFING, REVIEW, Vocabulary, load_vocabulary

TODAY_VARIABLE = "LEARNING_LIBRARY_TODAY"
DEFAULT_OVERDUE_MONTHS = 6
"""Six months: partnerships commonly review action plans at least twice a year."""
ATTACHMENT_SUFFIXES = (".pdf", ".docx", ".png", ".jpg", ".jpeg", ".gif", ".webp")
"""The kinds of file the attachment check can read (:mod:`learning_library.attachments`)."""


@dataclass(frozen=True)
class Settings:
    """What the library needs from ``mkdocs.yml``, and where its folders are."""

    config_path: Path
    site_name: str
    docs_dir: Path
    site_url: str | None = None
    directory_urls: bool = True
    """MkDocs' ``use_directory_urls``: ``reviews/x/`` rather than ``reviews/x.html``."""
    overdue_after_months: int = DEFAULT_OVERDUE_MONTHS
    """``extra: overdue_after_months``: how long a recommendation may go without a progress update before the tracker flags it."""
    contact: str | None = None
    """``extra: contact``: an email address or a web address where readers ask the partnership for something,
    such as a full report that has been withdrawn."""
    area: str | None = None
    """``extra: area``: the area the partnership serves, as the national case review repository names it."""
    regional_search: regional.RegionalSearch | None = None
    """``extra: regional_search``: other libraries the search page includes (see :mod:`learning_library.regional`); None: none."""
    editor: EditorSettings | None = None
    """``extra: editor``: where the browser editor at ``/admin/`` proposes changes; None publishes no editor."""

    @property
    def root(self) -> Path:
        return self.config_path.parent

    @property
    def reviews_dir(self) -> Path:
        return self.root / "reviews"

    @property
    def briefings_dir(self) -> Path:
        return self.root / "briefings"

    @property
    def vocabulary_path(self) -> Path:
        return self.root / "themes.yml"


@dataclass(frozen=True)
class EditorSettings:
    """``extra: editor`` in ``mkdocs.yml``: the GitHub repository the published editor at ``/admin/`` works on.

    Each change made there is a pull request on this repository, so the
    pull-request check runs on it before anything is published.
    """

    repo: str
    """``owner/name`` of the repository on GitHub."""
    auth_url: str
    """The address of the sign-in service (an OAuth client for GitHub) that hands the editor a GitHub token."""
    branch: str = "main"
    """The branch the site is published from, which pull requests target."""


class _TolerantLoader(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` without MkDocs: tags such as ``!ENV`` or ``!!python/name:`` become plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("", _any_tag)

OVERDUE_SETTING = "overdue_after_months"
_OVERDUE_RANGE = (1, 60)


class _OverdueMonths(Number):
    """``extra: overdue_after_months``, with the message the README's example leads people to expect."""

    def __init__(self) -> None:
        super().__init__(*_OVERDUE_RANGE, whole=True)

    def wrong(self, r: Reader, key: str, node: yaml.Node, fix: str = "") -> Any:
        low, high = _OVERDUE_RANGE
        return r.report(
            node,
            "wrong-type",
            f"`extra: {OVERDUE_SETTING}` should be a whole number of months from {low} to {high}, like 6, "
            f"but is {describe(node)}; fix it or remove the line to use {DEFAULT_OVERDUE_MONTHS} months",
        )


class Contact(Scalar):
    """An email address or a web address (a contact form) where readers reach the partnership."""

    expected = "an email address or a web address starting with https://"
    _EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    _WEB = re.compile(r"^https?://\S+$")

    def convert(self, r: Reader, key: str, node: yaml.Node, value: str) -> Any:
        if self._EMAIL.match(value.removeprefix("mailto:")) or self._WEB.match(value):
            return value.removeprefix("mailto:")
        return r.report(
            node,
            "wrong-type",
            f"`extra: {key}` should be {self.expected} but is `{value}`; "
            "write the address readers use to ask for a report, like `learning@your-partnership.example`",
        )


def is_email(contact: str) -> bool:
    """Whether a contact setting is an email address (rather than the address of a contact form)."""
    return "@" in contact and not contact.startswith(("http://", "https://"))


EDITOR_SETTING = "editor"
_EDITOR_SPECS = (
    FieldSpec(
        "repo",
        Pattern(re.compile(r"^[\w.-]+/[\w.-]+$"), "owner/name", "write the repository as on GitHub, like `kestrel-vale/learning-library`"),
        required=True,
        example="repo: kestrel-vale/learning-library",
    ),
    FieldSpec(
        "auth_url",
        Pattern(re.compile(r"^https://[^/\s]+(/\S*)?$"), "a web address starting with https://", "give the sign-in service's address"),
        required=True,
        example="auth_url: https://cms-auth.kestrel-vale.example/auth",
    ),
    FieldSpec("branch", Text(), example="branch: main"),
)
_EXTRA_SPECS = {
    OVERDUE_SETTING: FieldSpec(OVERDUE_SETTING, _OverdueMonths()),
    "contact": FieldSpec("contact", Contact()),
    "area": FieldSpec("area", Text()),
    regional.SETTING: regional.SPEC,
    EDITOR_SETTING: FieldSpec(EDITOR_SETTING, Record("editor setting", _EDITOR_SPECS, EditorSettings, where="`extra: editor`")),
}
"""The library's own settings under ``extra:``; the other keys there belong to the theme (Material's ``social``...)."""


def load_settings(config_path: Path) -> Settings:
    """Read the site settings the library needs from ``mkdocs.yml``.

    The rest of ``mkdocs.yml`` is MkDocs' to validate; the library checks what it
    reads itself (``site_name`` and its settings under ``extra:``) and reports
    every problem there at once.

    Raises:
        ConfigError: the file is missing, is not YAML, lacks ``site_name`` or has an
            unusable library setting; one line per problem.
    """
    config_path = config_path.resolve()
    source, _ = yamltext.read_settings(config_path, "the site settings file", "run the command in the library's folder or pass --config")
    r = Reader(source, str(config_path), area="settings")
    raw: dict[str, Any] = {}
    if source.node is not None:
        raw = _TolerantLoader("").construct_document(source.node)
    if not isinstance(raw.get("site_name"), str):
        r.report(
            source.node and value_node(source.node, "site_name"),
            "missing-key",
            "`site_name` is missing; add a line like `site_name: Our learning library`",
        )
    extra = value_node(source.node, "extra") if source.node is not None else None
    overdue = DEFAULT_OVERDUE_MONTHS
    values: Any = {}
    if isinstance(extra, yaml.MappingNode):
        # Only the library's own keys are read; an unknown key there is the theme's business, not a mistake.
        ours = yaml.MappingNode(extra.tag, [(k, v) for k, v in extra.value if k.value in _EXTRA_SPECS], extra.start_mark, extra.end_mark)
        values = read_mapping(r, ours, _EXTRA_SPECS, where="`extra`")
        if values is not INVALID:
            overdue = values.get(OVERDUE_SETTING, DEFAULT_OVERDUE_MONTHS)
        else:
            values = {}
        search = values.get(regional.SETTING)
        if search is not None:
            for problem in regional.own_clashes(search, raw.get("site_url")):
                r.report(value_node(extra, regional.SETTING), "wrong-value", f"`extra: {regional.SETTING}`: {problem}")
    elif extra is not None and not is_empty(extra):
        r.report(
            extra, "wrong-type", "`extra` should be a set of `key: value` settings but is " + describe(extra) + "; check its indentation"
        )
    raise_problems(r.findings)
    docs_dir = config_path.parent / str(raw.get("docs_dir") or "docs")
    directory_urls = raw.get("use_directory_urls", True) is not False
    return Settings(
        config_path,
        raw["site_name"],
        docs_dir.resolve(),
        raw.get("site_url") or None,
        directory_urls,
        overdue,
        contact=values.get("contact"),
        area=values.get("area"),
        regional_search=values.get(regional.SETTING),
        editor=values.get(EDITOR_SETTING),
    )


def today() -> dt.date:
    """Today's date, or the date in ``LEARNING_LIBRARY_TODAY`` (to preview scheduled documents).

    Raises:
        ConfigError: the variable is set but is not a YYYY-MM-DD date.
    """
    value = os.environ.get(TODAY_VARIABLE)
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{TODAY_VARIABLE}={value} is not a date; write it as YYYY-MM-DD or unset it") from None


def display_path(path: Path, here: Path | None = None) -> str:
    """Name a file as a person at the command line would: relative to here when it is below here."""
    here = here or Path.cwd().resolve()
    try:
        return str(path.relative_to(here))
    except ValueError:
        return str(path)


@dataclass
class Library:
    """Every document and page of a library that could be read, and what was wrong with the rest."""

    settings: Settings
    vocabulary: Vocabulary
    documents: list[Document] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    rejected: list[tuple[Source, tuple[str, ...]]] = field(default_factory=list)
    """Files whose front matter failed validation, with the names they declare: their text is still checked."""
    extra_slugs: dict[str, str] = field(default_factory=dict)
    """Slugs of documents that exist but could not be read (so a `related` link to them is not 'unknown')."""
    attachments: list[tuple[Path, str]] = field(default_factory=list)
    """Attachment files to check (PDFs, images, anything in a ``files/`` folder), each with its name for findings."""

    def live(self, on: dt.date) -> list[Document]:
        """Documents that belong on the site on that day, newest first."""
        return sorted((d for d in self.documents if d.is_live(on)), key=lambda d: (d.published, d.slug), reverse=True)

    def by_slug(self) -> dict[str, Document]:
        return {d.slug: d for d in self.documents}


def load(settings: Settings, paths: Iterable[Path] | None = None) -> Library:
    """Read a library: by default its reviews, briefings and pages; or just the given files and folders.

    The vocabulary always comes from the library the settings belong to, also
    when the paths lie elsewhere.

    Raises:
        ConfigError: the vocabulary cannot be used.
    """
    library = Library(settings, load_vocabulary(settings.vocabulary_path))
    if paths is None:
        here = Path.cwd().resolve()
        folders = ((settings.reviews_dir, False), (settings.briefings_dir, False), (settings.docs_dir, True))
        targets = [(p, display_path(p, here)) for folder, recursive in folders for p in _markdown_in(folder.resolve(), recursive=recursive)]
        for folder in (settings.reviews_dir / "files", settings.briefings_dir / "files", settings.docs_dir):
            targets.extend((p, display_path(p, here)) for p in _attachments_in(folder.resolve(), settings))
    else:
        targets = []
        for given in paths:
            if given.is_dir():
                targets.extend((p, str(given / p.relative_to(given))) for p in _markdown_in(given, recursive=True))
                targets.extend((p, str(given / p.relative_to(given))) for p in _attachments_in(given, settings))
            else:
                targets.append((given, str(given)))
    seen: set[Path] = set()
    for path, display in targets:
        resolved = path if paths is None else path.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        if resolved.suffix.lower() != ".md":
            library.attachments.append((resolved, display))
            continue
        _read_one(library, resolved, display)
    library.files += len(library.attachments)
    return library


def _attachments_in(folder: Path, settings: Settings) -> list[Path]:
    """The files of a folder the attachment check reads: everything in a ``files/`` folder, PDFs and images elsewhere.

    Other files in ``content/`` (stylesheets, scripts, fonts) are the site's own, not attachments.
    """
    if not folder.is_dir():
        return []
    attachment_folders = (settings.reviews_dir / "files", settings.briefings_dir / "files")
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() != ".md"
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and (p.suffix.lower() in ATTACHMENT_SUFFIXES or any(p.resolve().is_relative_to(f.resolve()) for f in attachment_folders))
    )


def _markdown_in(folder: Path, *, recursive: bool = False) -> list[Path]:
    if not folder.is_dir():
        return []
    found = folder.rglob("*.md") if recursive else folder.glob("*.md")
    return sorted(p for p in found if p.is_file())


def _read_one(library: Library, path: Path, display: str) -> None:
    settings = library.settings
    library.files += 1
    text = read_text(path, display)
    if path.is_relative_to(settings.docs_dir):
        page, findings = parse_page(path, display, path.relative_to(settings.docs_dir).as_posix(), text=text)
        library.findings.extend(findings)
        if page is not None:
            library.pages.append(page)
        else:
            library.rejected.append(fallback_source(path, display, text))
        return
    folder_kind = REVIEW if path.parent == settings.reviews_dir else BRIEFING if path.parent == settings.briefings_dir else None
    document, findings = parse_document(path, display, library.vocabulary, folder_kind=folder_kind, text=text)
    library.findings.extend(findings)
    if document is not None:
        library.documents.append(document)
    else:
        library.extra_slugs[path.stem] = display
        library.rejected.append(fallback_source(path, display, text))
