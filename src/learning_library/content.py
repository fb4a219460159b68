"""The content model: what a review, a briefing and a site page may say in their front matter.

The schema is declared once, as tables of :class:`FieldSpec`, and read by one
reader that collects every problem in a file before returning, each with the
line and column of the offending key or value and a fix a comms officer can
act on. The contract itself is ``shared/spec/content-model.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import fences, frontmatter
from .errors import CheckUnavailable
from .findings import Finding, Severity
from .frontmatter import FrontMatter
from .vocabulary import BRIEFING, REVIEW, SLUG, Term, Vocabulary, did_you_mean

STATUSES = ("published", "draft")
RECOMMENDATION_STATUSES = ("open", "in-progress", "complete", "impact-evidenced")
_NULL = "tag:yaml.org,2002:null"
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_UK_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


class _Invalid:
    """Marks a value that failed validation (its finding is already recorded)."""


INVALID: Any = _Invalid()


@dataclass(frozen=True)
class AllowEntry:
    """A string the anonymisation check may accept in one document or the whole site, and why."""

    text: str
    reason: str | None = None
    line: int = 0
    pattern: bool = False
    """``text`` is a pattern in which ``*`` stands for a name of one to four capitalised words (site-wide entries only)."""


@dataclass(frozen=True)
class CheckedByHand:
    """An attachment the check cannot read (a scanned or password-protected PDF) that a person has checked instead.

    The check fails closed on a file it cannot read; this declaration, with its
    reason, is the only way past that, and the sign-off report lists it.
    """

    file: str
    """The attachment's path in the library, like ``reviews/files/2019-child-j-report.pdf``."""
    reason: str
    declared_in: str = ""
    """The file that declares it (a document, a page or the anonymisation policy), for the sign-off report."""
    line: int = 0


@dataclass(frozen=True)
class Recommendation:
    """A review's recommendation and the state of its action plan."""

    id: str
    text: str
    owner: str | None = None
    status: str = "open"
    evidence: str | None = None
    updated: dt.date | None = None


@dataclass(frozen=True)
class Located:
    """A value with the place it was written, for findings about it found later (a related slug)."""

    value: str
    line: int
    column: int


@dataclass(frozen=True)
class Source:
    """A Markdown file as read: where it is, how the caller named it, and its front matter split off."""

    path: Path
    display: str
    front: FrontMatter
    published_spans: tuple[tuple[int, int], ...]
    """Character ranges of the file whose text appears on the site: the anonymisation check scans exactly these."""

    @property
    def text(self) -> str:
        return self.front.text

    @property
    def body(self) -> str:
        return self.front.body

    def value_position(self, key: str) -> tuple[int, int]:
        """The line and column of a front matter key's value, for findings about it found later (a missing report)."""
        node = _value_node(self.front.node, key) if self.front.node is not None else None
        return self.front.node_position(node) if node is not None else (1, 1)


@dataclass(frozen=True)
class Document:
    """A review or a briefing whose front matter passed validation."""

    source: Source
    slug: str
    kind: str
    title: str
    type: str
    published: dt.date
    themes: tuple[str, ...]
    summary: str
    status: str = "published"
    pseudonyms: tuple[str, ...] = ()
    allow: tuple[AllowEntry, ...] = ()
    related: tuple[Located, ...] = ()
    checked_by_hand: tuple[CheckedByHand, ...] = ()
    age_band: str | None = None
    agencies: tuple[str, ...] = ()
    model: str | None = None
    report: str | None = None
    available_until: dt.date | None = None
    recommendations: tuple[Recommendation, ...] = ()
    response: str | None = None
    response_file: str | None = None
    national_repository: str | None = None
    audience: tuple[str, ...] = ()

    @property
    def is_review(self) -> bool:
        return self.kind == REVIEW

    def is_live(self, today: dt.date) -> bool:
        """Whether the document belongs on the site today: not a draft and not scheduled for later."""
        return self.status == "published" and self.published <= today

    def report_available(self, today: dt.date) -> bool:
        return self.report is not None and (self.available_until is None or today <= self.available_until)


@dataclass(frozen=True)
class Heading:
    """A Markdown heading in a document's text: ``## Learning`` is level 2, text "Learning"."""

    level: int
    text: str


_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
LEARNING_SECTION = re.compile(r"^(what we learned|learning|key learning|the learning)\b", re.IGNORECASE)
"""The heading of a review's learning section, under which each ``###`` heading is one learning point."""


def headings(body: str) -> list[Heading]:
    """The ATX headings of a Markdown text in order, skipping fenced code (where ``#`` is not a heading)."""
    found = []
    for line in fences.outside_code(body):
        match = _ATX_HEADING.match(line)
        if match and match[2]:
            found.append(Heading(len(match[1]), match[2]))
    return found


def learning_points(found: Sequence[Heading]) -> list[int]:
    """Where a review's learning points are among its headings: the ``###`` headings of its learning section (``## Learning``)."""
    points = []
    inside = False
    for index, heading in enumerate(found):
        if heading.level <= 2:
            inside = heading.level == 2 and bool(LEARNING_SECTION.match(heading.text))
        elif inside and heading.level == 3:
            points.append(index)
    return points


@dataclass(frozen=True)
class Page:
    """A hand-written page of the site, from ``content/``."""

    source: Source
    uri: str
    title: str | None
    pseudonyms: tuple[str, ...] = ()
    allow: tuple[AllowEntry, ...] = ()
    checked_by_hand: tuple[CheckedByHand, ...] = ()


# --- reading values -----------------------------------------------------------------


class _Reader:
    """Collects the findings for one file while its values are read."""

    def __init__(self, front: FrontMatter, display: str, vocabulary: Vocabulary | None) -> None:
        self.front = front
        self.display = display
        self.vocabulary = vocabulary
        self.findings: list[Finding] = []
        self.spans: list[tuple[int, int]] = []

    def report(self, node: yaml.Node | None, rule: str, message: str, severity: Severity = Severity.ERROR) -> Any:
        line, column = self.front.node_position(node) if node is not None else (1, 1)
        end_line = end_column = None
        if isinstance(node, yaml.ScalarNode):
            end_line, end_column = self.front.position(self.front.node_span(node)[1])
        self.findings.append(Finding(self.display, line, column, rule, message, severity, end_line=end_line, end_column=end_column))
        return INVALID

    def located(self, node: yaml.Node, value: str) -> Located:
        line, column = self.front.node_position(node)
        return Located(value, line, column)


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a set of `key: value` pairs"
    if node.tag == _NULL:
        return "empty"
    return f"`{node.value}`"


class Validator:
    """Reads one YAML node into a Python value, or records why it cannot."""

    expected = "a value"

    def read(self, r: _Reader, key: str, node: yaml.Node) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def wrong(self, r: _Reader, key: str, node: yaml.Node, fix: str = "") -> Any:
        message = f"`{key}` should be {self.expected} but is {_describe(node)}"
        return r.report(node, "metadata/wrong-type", f"{message}; {fix or self.fix(key)}")

    def fix(self, key: str) -> str:
        return f"write it as {self.expected}"


class Text(Validator):
    """Free text. ``published`` text appears on the site, so the anonymisation check scans it."""

    expected = "text"

    def __init__(self, *, published: bool = False) -> None:
        self.published = published

    def read(self, r: _Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return self.wrong(r, key, node, "write it as text on one line, in double quotes if it contains a colon")
        if node.tag == _NULL or not node.value.strip():
            return r.report(node, "metadata/empty", f"`{key}` is empty; write the text after the colon or remove the key")
        if self.published:
            r.spans.append(r.front.node_span(node))
        return node.value.strip()


class Summary(Text):
    """The listing text: one to three plain sentences."""

    expected = "one to three plain sentences"

    def read(self, r: _Reader, key: str, node: yaml.Node) -> Any:
        value = super().read(r, key, node)
        if value is INVALID:
            return value
        sentences = len(_SENTENCE_END.findall(value)) or 1
        if sentences > 3:
            r.report(
                node,
                "metadata/long-summary",
                f"`{key}` has {sentences} sentences; keep it to one to three, the rest belongs in the text",
                Severity.WARNING,
            )
        return value


class Date(Validator):
    expected = "a date written YYYY-MM-DD, like 2024-03-15"

    def read(self, r: _Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag == _NULL:
            return self.wrong(r, key, node)
        raw = node.value.strip()
        match = _DATE.match(raw)
        if not match:
            uk = _UK_DATE.match(raw)
            hint = f"write `{uk[3]}-{int(uk[2]):02d}-{int(uk[1]):02d}`" if uk else "write the date as YYYY-MM-DD"
            return r.report(node, "metadata/bad-date", f"`{key}` should be {self.expected} but is `{raw}`; {hint}")
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError as exc:
            return r.report(
                node,
                "metadata/bad-date",
                f"`{key}` is `{raw}`, which is not a real date ({exc}); check the day and the month",
            )


class Choice(Validator):
    def __init__(self, choices: Sequence[str]) -> None:
        self.choices = tuple(choices)
        self.expected = "one of " + ", ".join(self.choices)

    def read(self, r: _Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.value not in self.choices:
            return self.wrong(r, key, node, f"use one of: {', '.join(self.choices)}")
        return node.value


class VocabularySlug(Validator):
    """A slug declared in one section of ``themes.yml``."""

    def __init__(self, section: str, noun: str) -> None:
        self.section = section
        self.noun = noun
        self.expected = f"a {noun} slug from themes.yml"

    def terms(self, vocabulary: Vocabulary) -> dict[str, Term]:
        return dict(getattr(vocabulary, self.section))

    def read(self, r: _Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag == _NULL:
            return self.wrong(r, key, node)
        value = node.value.strip()
        if r.vocabulary is None:
            return value
        terms = self.terms(r.vocabulary)
        if value in terms:
            return value
        hint = did_you_mean(value, terms)
        fix = f"did you mean `{hint}`?" if hint else f"use one of the {self.noun}s listed in themes.yml"
        rule = "metadata/unknown-" + self.noun.replace(" ", "-")
        return r.report(node, rule, f"`{value}` is not a {self.noun} in themes.yml; {fix}")


class DocumentType(VocabularySlug):
    """A review type or a briefing type: the type decides which kind of document this is."""

    def __init__(self) -> None:
        super().__init__("review_types", "type")
        self.expected = "a review type or briefing type from themes.yml"

    def terms(self, vocabulary: Vocabulary) -> dict[str, Term]:
        return {**vocabulary.review_types, **vocabulary.briefing_types}


class Slug(Validator):
    expected = "the slug of a review or briefing (its file name without .md)"

    def read(self, r: _Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag == _NULL:
            return self.wrong(r, key, node)
        value = node.value.strip()
        if value.endswith(".md"):
            value = value[:-3]
        return r.located(node, value.rsplit("/", 1)[-1])


class Url(Validator):
    expected = "a web address starting with https://"

    def read(self, r: _Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode) or not re.match(r"^https?://\S+$", node.value.strip()):
            return self.wrong(r, key, node)
        return node.value.strip()


class FilePath(Validator):
    """A path to an attachment under one folder, normalised to be relative to the library."""

    def __init__(self, folder: str) -> None:
        self.folder = folder.rstrip("/") + "/"
        self.expected = f"a path under {self.folder}, like {self.folder}report.pdf"

    def read(self, r: _Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag == _NULL:
            return self.wrong(r, key, node)
        return self.normalise(r, key, node)

    def normalise(self, r: _Reader, key: str, node: yaml.ScalarNode) -> Any:
        value = node.value.strip().lstrip("./")
        parent = self.folder.split("/")[0] + "/"
        if value.startswith("files/"):
            value = parent + value
        if not value.startswith(self.folder) or ".." in value.split("/"):
            return r.report(
                node,
                "metadata/bad-path",
                f"`{key}` should be {self.expected} but is `{node.value}`; put the file in {self.folder} and give its path",
            )
        return value


class AttachmentPath(Validator):
    """The path of any attachment in the library: under ``reviews/files/``, ``briefings/files/`` or ``content/``."""

    FOLDERS = ("reviews/files/", "briefings/files/", "content/")
    expected = "the path of an attachment, like reviews/files/report.pdf"

    def read(self, r: _Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag == _NULL or not node.value.strip():
            return self.wrong(r, key, node)
        value = node.value.strip().removeprefix("./")
        if not value.startswith(self.FOLDERS) or ".." in value.split("/"):
            return r.report(
                node,
                "metadata/bad-path",
                f"`{key}` should be {self.expected} but is `{node.value}`; "
                "give the path from the library's folder, starting reviews/files/, briefings/files/ or content/",
            )
        return value


class CheckedByHandItem(Validator):
    expected = '{file: "reviews/files/report.pdf", reason: "..."}'

    def read(self, r: _Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.wrong(r, key, node)
        specs = {"file": FieldSpec("file", AttachmentPath(), required=True), "reason": FieldSpec("reason", Text(), required=True)}
        values = _read_mapping(r, node, specs, where="a checked_by_hand entry")
        if values is INVALID:
            return INVALID
        return CheckedByHand(values["file"], values["reason"], r.display, r.front.node_position(node)[0])


class TextOrFile(FilePath):
    """Text, or a path to a file holding it (the partnership's response)."""

    def __init__(self, folder: str) -> None:
        super().__init__(folder)
        self.expected = f"text, or a path under {self.folder}"

    def read(self, r: _Reader, key: str, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode) and re.match(r"^[\w./-]+\.(pdf|docx?|odt|md|html?)$", node.value.strip()):
            return ("file", self.normalise(r, key, node))
        return ("text", Text(published=True).read(r, key, node))


class ListOf(Validator):
    def __init__(self, item: Validator, *, min_items: int = 0, example: str = "[first, second]") -> None:
        self.item = item
        self.min_items = min_items
        self.example = example
        self.expected = f"a list of {_plural(item.expected)}"

    def read(self, r: _Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            if isinstance(node, yaml.ScalarNode) and node.tag != _NULL and self.item.__class__ is not Record:
                return self.wrong(r, key, node, f"write it as a list, like `{key}: [{node.value}]`")
            return self.wrong(r, key, node, f"write it as a list, like `{key}: {self.example}`")
        if len(node.value) < self.min_items:
            return r.report(node, "metadata/empty", f"`{key}` needs at least {self.min_items}; write it like `{key}: {self.example}`")
        values = [self.item.read(r, key, item) for item in node.value]
        if any(v is INVALID for v in values):
            return INVALID
        return tuple(values)


def _plural(expected: str) -> str:
    for article in ("a ", "an ", "the "):
        if expected.startswith(article):
            expected = expected[len(article) :]
    return expected.replace("slug ", "slugs ", 1) if "slug " in expected else expected + "s" if expected == "text" else expected


class Record(Validator):
    """A mapping with declared keys, such as one recommendation."""

    def __init__(self, name: str, specs: Sequence[FieldSpec], build: Callable[..., Any]) -> None:
        self.name = name
        self.specs = {s.key: s for s in specs}
        self.build = build
        self.expected = f"a {name} written as {{{', '.join(k + ': ...' for k in list(self.specs)[:2])}}}"

    def read(self, r: _Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.wrong(r, key, node)
        values = _read_mapping(r, node, self.specs, where=f"a {self.name}")
        if values is INVALID:
            return INVALID
        return self.build(**{k: v for k, v in values.items()})


class AllowItem(Validator):
    expected = 'text, or {text: "...", reason: "..."}'

    def read(self, r: _Reader, key: str, node: yaml.Node) -> Any:
        line = r.front.node_position(node)[0]
        if isinstance(node, yaml.ScalarNode) and node.tag != _NULL and node.value.strip():
            return AllowEntry(node.value.strip(), None, line)
        if isinstance(node, yaml.MappingNode):
            specs = {"text": FieldSpec("text", Text(), required=True), "reason": FieldSpec("reason", Text())}
            values = _read_mapping(r, node, specs, where="an allow entry")
            if values is INVALID:
                return INVALID
            return AllowEntry(values["text"], values.get("reason"), line)
        return self.wrong(r, key, node)


@dataclass(frozen=True)
class FieldSpec:
    """One front matter key: how to read it, whether it is required and who may use it."""

    key: str
    validator: Validator
    required: bool = False
    kinds: frozenset[str] = frozenset({REVIEW, BRIEFING})
    example: str = ""


def _read_mapping(r: _Reader, node: yaml.MappingNode, specs: dict[str, FieldSpec], where: str) -> Any:
    values: dict[str, Any] = {}
    seen: dict[str, int] = {}
    invalid = False
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key in seen:
            r.report(key_node, "metadata/duplicate-key", f"`{key}` appears twice in {where} (first on line {seen[key]}); keep one")
            invalid = True
            continue
        seen[key] = r.front.node_position(key_node)[0]
        spec = specs.get(key)
        if spec is None:
            hint = _closest_key(key, specs)
            r.report(key_node, "metadata/unknown-key", f"unknown key `{key}` in {where}; {hint}")
            invalid = True
            continue
        value = spec.validator.read(r, key, value_node)
        invalid |= value is INVALID
        values[key] = value
    for spec in specs.values():
        if spec.required and spec.key not in values and spec.key not in seen:
            example = spec.example or f"{spec.key}: ..."
            r.report(node, "metadata/missing-key", f"{where} has no `{spec.key}`, which is required; add a line like `{example}`")
            invalid = True
    return INVALID if invalid else values


def _closest_key(key: str, specs: dict[str, FieldSpec]) -> str:
    import difflib

    close = difflib.get_close_matches(key.lower(), list(specs), n=1, cutoff=0.6)
    if close:
        return f"did you mean `{close[0]}`?"
    return "the keys allowed here are " + ", ".join(specs)


def _recommendation(**values: Any) -> Recommendation:
    return Recommendation(**values)


_REVIEW_ONLY = frozenset({REVIEW})
_BRIEFING_ONLY = frozenset({BRIEFING})

RECOMMENDATION_FIELDS = (
    FieldSpec("id", Text(published=True), required=True),
    FieldSpec("text", Text(published=True), required=True),
    FieldSpec("owner", Text(published=True)),
    FieldSpec("status", Choice(RECOMMENDATION_STATUSES)),
    FieldSpec("evidence", Text(published=True)),
    FieldSpec("updated", Date()),
)

_CHECKED_BY_HAND_EXAMPLE = '[{file: reviews/files/report.pdf, reason: "Scanned pages, read in full by the business manager"}]'

DOCUMENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", Text(published=True), required=True, example='title: "Child Ruby: local child safeguarding practice review"'),
    FieldSpec("type", DocumentType(), required=True, example="type: lcspr"),
    FieldSpec("published", Date(), required=True, example="published: 2024-03-15"),
    FieldSpec("status", Choice(STATUSES)),
    FieldSpec(
        "themes",
        ListOf(VocabularySlug("themes", "theme"), min_items=1, example="[neglect, hidden-men]"),
        required=True,
        example="themes: [neglect]",
    ),
    FieldSpec("summary", Summary(published=True), required=True, example="summary: One to three plain sentences for the listings."),
    FieldSpec("pseudonyms", ListOf(Text(), example="[Ruby]")),
    FieldSpec("allow", ListOf(AllowItem(), example='[{text: "0808 800 5000", reason: "NSPCC helpline"}]')),
    FieldSpec("related", ListOf(Slug(), example="[2023-child-ruby]")),
    FieldSpec("checked_by_hand", ListOf(CheckedByHandItem(), example=_CHECKED_BY_HAND_EXAMPLE)),
    FieldSpec("age_band", VocabularySlug("age_bands", "age band"), kinds=_REVIEW_ONLY),
    FieldSpec("agencies", ListOf(VocabularySlug("agencies", "agency"), example="[health, police]"), kinds=_REVIEW_ONLY),
    FieldSpec("model", Text(published=True), kinds=_REVIEW_ONLY),
    FieldSpec("report", FilePath("reviews/files"), kinds=_REVIEW_ONLY),
    FieldSpec("available_until", Date(), kinds=_REVIEW_ONLY),
    FieldSpec(
        "recommendations",
        ListOf(Record("recommendation", RECOMMENDATION_FIELDS, _recommendation), example='[{id: R1, text: "..."}]'),
        kinds=_REVIEW_ONLY,
    ),
    FieldSpec("response", TextOrFile("reviews/files"), kinds=_REVIEW_ONLY),
    FieldSpec("national_repository", Url(), kinds=_REVIEW_ONLY),
    FieldSpec("audience", ListOf(Text(published=True), example='["Health visitors"]'), kinds=_BRIEFING_ONLY),
)

_DOCUMENT_SPECS = {s.key: s for s in DOCUMENT_FIELDS}


class _Passthrough(Validator):
    """A key Material for MkDocs reads from a page (``hide``, ``icon``...): its value is Material's business."""

    expected = "any value"

    def read(self, r: _Reader, key: str, node: yaml.Node) -> Any:
        return node


PAGE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", Text(published=True)),
    FieldSpec("description", Text(published=True)),
    FieldSpec("pseudonyms", ListOf(Text(), example="[Ruby]")),
    FieldSpec("allow", ListOf(AllowItem(), example='[{text: "0808 800 5000", reason: "NSPCC helpline"}]')),
    FieldSpec("checked_by_hand", ListOf(CheckedByHandItem(), example=_CHECKED_BY_HAND_EXAMPLE)),
    *(FieldSpec(k, _Passthrough()) for k in ("hide", "template", "icon", "status", "search", "tags", "subtitle")),
)
_PAGE_SPECS = {s.key: s for s in PAGE_FIELDS}


# --- reading files ------------------------------------------------------------------


def read_text(path: Path, display: str) -> str:
    """Read a file as UTF-8.

    Raises:
        CheckUnavailable: the file cannot be read or is not UTF-8 text. A file
            that cannot be read cannot be checked for personal data, so the
            check fails closed rather than skip it.
    """
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CheckUnavailable(f"{display}: the file is not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise CheckUnavailable(f"{display}: the file cannot be read ({exc.strerror}); check it exists and is readable") from None


def parse_document(
    path: Path,
    display: str,
    vocabulary: Vocabulary,
    *,
    folder_kind: str | None = None,
    text: str | None = None,
) -> tuple[Document | None, list[Finding]]:
    """Read one review or briefing and validate its front matter against the content model.

    Args:
        path: the file.
        display: the file as the caller names it, for findings.
        vocabulary: the site's ``themes.yml``.
        folder_kind: ``review`` or ``briefing`` when the file lies in that
            folder, so a type of the other kind is reported; None elsewhere.
        text: the file's contents, if already read.

    Returns:
        The document, or None if it has errors; and every finding in the file.
    """
    if text is None:
        text = read_text(path, display)
    front, findings = frontmatter.split(text, display)
    if findings:
        return None, findings
    r = _Reader(front, display, vocabulary)
    slug = path.stem
    if not SLUG.match(slug):
        suggestion = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-") or "a-slug"
        r.report(
            None,
            "metadata/bad-slug",
            f"The file name `{path.name}` cannot be a page address; rename it `{suggestion}.md` (lowercase letters, digits and hyphens)",
        )
    if front.node is None:
        r.report(
            None,
            "metadata/no-front-matter",
            "The file has no front matter; start it with a line `---`, then `title:`, `type:`, `published:`, `themes:` and `summary:` lines, then `---`",
        )
        return None, r.findings
    kind = _kind_of(front.node, vocabulary)
    specs = {k: s for k, s in _DOCUMENT_SPECS.items() if kind is None or kind in s.kinds}
    values = _read_mapping_with_kinds(r, front.node, specs, kind)
    if kind is not None and folder_kind is not None and kind != folder_kind:
        type_node = _value_node(front.node, "type")
        other = vocabulary.review_types if folder_kind == REVIEW else vocabulary.briefing_types
        r.report(
            type_node,
            "metadata/wrong-kind",
            f"`{_value(type_node)}` is a {kind} type but this file is in {folder_kind}s/; "
            f"move the file to {kind}s/ or use a {folder_kind} type ({', '.join(other)})",
        )
    r.spans.append((front.body_offset, len(front.text)))
    if values is INVALID or (r.findings and any(f.blocks for f in r.findings)):
        return None, r.findings
    response = values.pop("response", None)
    document = Document(
        source=Source(path, display, front, tuple(sorted(r.spans))),
        slug=slug,
        kind=kind or REVIEW,
        response=response[1] if response and response[0] == "text" else None,
        response_file=response[1] if response and response[0] == "file" else None,
        **values,
    )
    return document, r.findings


def parse_page(path: Path, display: str, uri: str, *, text: str | None = None) -> tuple[Page | None, list[Finding]]:
    """Read a hand-written page from ``content/``; its front matter is optional."""
    if text is None:
        text = read_text(path, display)
    front, findings = frontmatter.split(text, display)
    if findings:
        return None, findings
    r = _Reader(front, display, None)
    values: Any = {}
    if front.node is not None:
        values = _read_mapping(r, front.node, _PAGE_SPECS, where="the front matter")
    r.spans.append((front.body_offset, len(front.text)))
    if values is INVALID:
        return None, r.findings
    source = Source(path, display, front, tuple(sorted(r.spans)))
    page = Page(source, uri, values.get("title"), values.get("pseudonyms", ()), values.get("allow", ()), values.get("checked_by_hand", ()))
    return page, r.findings


def _kind_of(node: yaml.MappingNode, vocabulary: Vocabulary) -> str | None:
    type_node = _value_node(node, "type")
    if isinstance(type_node, yaml.ScalarNode):
        return vocabulary.kind_of_type(type_node.value.strip())
    return None


def _value_node(node: yaml.MappingNode, key: str) -> yaml.Node | None:
    for key_node, value_node in node.value:
        if key_node.value == key:
            found: yaml.Node = value_node
            return found
    return None


def _value(node: yaml.Node | None) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) else ""


def _read_mapping_with_kinds(r: _Reader, node: yaml.MappingNode, specs: dict[str, FieldSpec], kind: str | None) -> Any:
    """Read a document's front matter, explaining keys that belong to the other kind of document."""
    if kind is not None:
        for key_node, _ in node.value:
            spec = _DOCUMENT_SPECS.get(key_node.value)
            if spec is not None and kind not in spec.kinds:
                type_value = _value(_value_node(node, "type"))
                only = next(iter(spec.kinds))
                r.report(
                    key_node,
                    "metadata/wrong-kind-key",
                    f"`{key_node.value}` is only for {only}s, but `{type_value}` is a {kind} type; remove `{key_node.value}` or change `type`",
                )
        node = yaml.MappingNode(
            node.tag, [(k, v) for k, v in node.value if k.value in specs or k.value not in _DOCUMENT_SPECS], node.start_mark, node.end_mark
        )
    values = _read_mapping(r, node, specs, where="the front matter")
    if values is INVALID:
        return INVALID
    values.setdefault("status", "published")
    return values


def fallback_source(path: Path, display: str, text: str) -> tuple[Source, tuple[str, ...]]:
    """The body of a file whose front matter failed validation, with any names it declares.

    Its body is still scanned for personal data, so that one run reports
    every problem; the declared pseudonyms and allow texts are read leniently.
    """
    front, _ = frontmatter.split(text, display)
    declared: list[str] = []
    if front.present and front.body_offset > front.yaml_offset:
        try:
            raw = yaml.load(text[front.yaml_offset : front.body_offset].rsplit("---", 1)[0], Loader=frontmatter._Loader)
        except (yaml.YAMLError, ValueError):  # the errors are already reported; this read is best effort
            raw = None
        if isinstance(raw, dict):
            for key in ("pseudonyms", "allow"):
                for item in raw.get(key) or []:
                    value = item.get("text") if isinstance(item, dict) else item
                    if isinstance(value, str):
                        declared.append(value)
    return Source(path, display, front, ((front.body_offset, len(front.text)),)), tuple(declared)
