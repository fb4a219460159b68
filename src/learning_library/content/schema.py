"""The schema of front matter: which keys a review, a briefing and a site page may have, and what each may hold.

Declared once, as tables of :class:`~learning_library.validation.FieldSpec`
read by the one validation mechanism (:mod:`learning_library.validation`), so
that the examples in the tables reappear in the messages and the documentation
(``tests/test_docs.py`` checks the README lists every key). The item types for
``allow`` and ``checked_by_hand`` are shared with ``anonymisation.yml``, which
takes the same entries site-wide. The contract is ``docs/content-model.md``.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..findings import Severity
from ..validation import (
    INVALID,
    NULL,
    Anything,
    Choice,
    Date,
    FieldSpec,
    ListOf,
    Reader,
    Record,
    Scalar,
    Text,
    Url,
    Validator,
    read_mapping,
)
from ..vocabulary import BRIEFING, REVIEW, Term, Vocabulary, did_you_mean
from .model import RECOMMENDATION_STATUSES, STATUSES, AllowEntry, CheckedByHand, Located, Recommendation

_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


class Summary(Text):
    """The listing text: one to three plain sentences."""

    expected = "one to three plain sentences"

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        value = super().read(r, key, node)
        if value is INVALID:
            return value
        sentences = len(_SENTENCE_END.findall(value)) or 1
        if sentences > 3:
            r.report(
                node,
                "long-summary",
                f"`{key}` has {sentences} sentences; keep it to one to three, the rest belongs in the text",
                Severity.WARNING,
            )
        return value


class VocabularySlug(Scalar):
    """A slug declared in one section of ``themes.yml``."""

    def __init__(self, section: str, noun: str) -> None:
        self.section = section
        self.noun = noun
        self.expected = f"a {noun} slug from themes.yml"

    def terms(self, vocabulary: Vocabulary) -> dict[str, Term]:
        return dict(getattr(vocabulary, self.section))

    def convert(self, r: Reader, key: str, node: yaml.Node, value: str) -> Any:
        if r.vocabulary is None:
            return value
        terms = self.terms(r.vocabulary)
        if value in terms:
            return value
        hint = did_you_mean(value, terms)
        fix = f"did you mean `{hint}`?" if hint else f"use one of the {self.noun}s listed in themes.yml"
        rule = "unknown-" + self.noun.replace(" ", "-")
        return r.report(node, rule, f"`{value}` is not a {self.noun} in themes.yml; {fix}")


class DocumentType(VocabularySlug):
    """A review type or a briefing type: the type decides which kind of document this is."""

    def __init__(self) -> None:
        super().__init__("review_types", "type")
        self.expected = "a review type or briefing type from themes.yml"

    def terms(self, vocabulary: Vocabulary) -> dict[str, Term]:
        return {**vocabulary.review_types, **vocabulary.briefing_types}


class Slug(Scalar):
    expected = "the slug of a review or briefing (its file name without .md)"

    def convert(self, r: Reader, key: str, node: yaml.Node, value: str) -> Any:
        if value.endswith(".md"):
            value = value[:-3]
        line, column = r.source.node_position(node)
        return Located(value.rsplit("/", 1)[-1], line, column)


class FilePath(Validator):
    """A path to an attachment under one folder, normalised to be relative to the library."""

    def __init__(self, folder: str) -> None:
        self.folder = folder.rstrip("/") + "/"
        self.expected = f"a path under {self.folder}, like {self.folder}report.pdf"

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag == NULL:
            return self.wrong(r, key, node)
        return self.normalise(r, key, node)

    def normalise(self, r: Reader, key: str, node: yaml.ScalarNode) -> Any:
        value = node.value.strip().lstrip("./")
        parent = self.folder.split("/")[0] + "/"
        if value.startswith("files/"):
            value = parent + value
        if not value.startswith(self.folder) or ".." in value.split("/"):
            return r.report(
                node,
                "bad-path",
                f"`{key}` should be {self.expected} but is `{node.value}`; put the file in {self.folder} and give its path",
            )
        return value


class AttachmentPath(Validator):
    """The path of any attachment in the library: under ``reviews/files/``, ``briefings/files/`` or ``content/``."""

    FOLDERS = ("reviews/files/", "briefings/files/", "content/")
    expected = "the path of an attachment, like reviews/files/report.pdf"

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag == NULL or not node.value.strip():
            return self.wrong(r, key, node)
        value = node.value.strip().removeprefix("./")
        if not value.startswith(self.FOLDERS) or ".." in value.split("/"):
            return r.report(
                node,
                "bad-path",
                f"`{key}` should be {self.expected} but is `{node.value}`; "
                "give the path from the library's folder, starting reviews/files/, briefings/files/ or content/",
            )
        return value


class CheckedByHandItem(Validator):
    expected = '{file: "reviews/files/report.pdf", reason: "..."}'

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.wrong(r, key, node)
        specs = {"file": FieldSpec("file", AttachmentPath(), required=True), "reason": FieldSpec("reason", Text(), required=True)}
        values = read_mapping(r, node, specs, where="a checked_by_hand entry")
        if values is INVALID:
            return INVALID
        return CheckedByHand(values["file"], values["reason"], r.display, r.line(node))


class TextOrFile(FilePath):
    """Text, or a path to a file holding it (the partnership's response)."""

    def __init__(self, folder: str) -> None:
        super().__init__(folder)
        self.expected = f"text, or a path under {self.folder}"

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode) and re.match(r"^[\w./-]+\.(pdf|docx?|odt|md|html?)$", node.value.strip()):
            return ("file", self.normalise(r, key, node))
        return ("text", Text(published=True).read(r, key, node))


class AllowItem(Validator):
    expected = 'text, or {text: "...", reason: "..."}'

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        line = r.line(node)
        if isinstance(node, yaml.ScalarNode) and node.tag != NULL and node.value.strip():
            return AllowEntry(node.value.strip(), None, line)
        if isinstance(node, yaml.MappingNode):
            specs = {"text": FieldSpec("text", Text(), required=True), "reason": FieldSpec("reason", Text())}
            values = read_mapping(r, node, specs, where="an allow entry")
            if values is INVALID:
                return INVALID
            return AllowEntry(values["text"], values.get("reason"), line)
        return self.wrong(r, key, node)


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

DOCUMENT_SPECS = {s.key: s for s in DOCUMENT_FIELDS}


PAGE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", Text(published=True)),
    FieldSpec("description", Text(published=True)),
    FieldSpec("pseudonyms", ListOf(Text(), example="[Ruby]")),
    FieldSpec("allow", ListOf(AllowItem(), example='[{text: "0808 800 5000", reason: "NSPCC helpline"}]')),
    FieldSpec("checked_by_hand", ListOf(CheckedByHandItem(), example=_CHECKED_BY_HAND_EXAMPLE)),
    *(FieldSpec(k, Anything()) for k in ("hide", "template", "icon", "status", "search", "tags", "subtitle")),
)
PAGE_SPECS = {s.key: s for s in PAGE_FIELDS}
