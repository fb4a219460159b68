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
    Choice,
    Date,
    FieldSpec,
    Flag,
    ListOf,
    Reader,
    Record,
    Scalar,
    Text,
    Validator,
    is_empty,
    read_mapping,
)
from ..vocabulary import BRIEFING, REVIEW, Term, Vocabulary, did_you_mean
from .model import RECOMMENDATION_STATUSES, STATUSES, AllowEntry, CheckedByHand, Located, Recommendation

SENTENCE_END = r"[.!?](?:\s|$)"
"""Where a sentence ends, as a regular expression; the browser editor counts sentences with the same one."""
SUMMARY_SENTENCES = 3
"""The most sentences a summary may have: listings show it whole."""
_SENTENCE_END = re.compile(SENTENCE_END)


class Anything(Validator):
    """A value some other program reads (Material's ``hide``, ``icon``...): its shape is that program's business."""

    expected = "any value"

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        return node


class Url(Validator):
    expected = "a web address starting with https://"

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode) or not re.match(r"^https?://\S+$", node.value.strip()):
            return self.wrong(r, key, node)
        return node.value.strip()


class Summary(Text):
    """The listing text: one to three plain sentences."""

    expected = "one to three plain sentences"

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        value = super().read(r, key, node)
        if value is INVALID:
            return value
        sentences = len(_SENTENCE_END.findall(value)) or 1
        if sentences > SUMMARY_SENTENCES:
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


class TextOrFile(FilePath):
    """Text, or a path to a file holding it (the partnership's response)."""

    def __init__(self, folder: str) -> None:
        super().__init__(folder)
        self.expected = f"text, or a path under {self.folder}"

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode) and re.match(r"^[\w./-]+\.(pdf|docx?|odt|md|html?)$", node.value.strip()):
            return ("file", self.normalise(r, key, node))
        return ("text", Text(published=True).read(r, key, node))


# --- shared with anonymisation.yml, which takes the same entries site-wide -------------------------

_SITE_ALLOW_EXAMPLE = '{text: "Kestrel Vale", reason: "our area"} or {pattern: "* Safeguarding Children Partnership", reason: "..."}'
_SITE_CHECKED_EXAMPLE = '{file: "content/annual-report.pdf", reason: "scanned; read in full by the business manager"}'


class AttachmentPath(Validator):
    """The path of any attachment in the library: under ``reviews/files/``, ``briefings/files/`` or ``content/``.

    Args:
        problem: the message for a path outside those folders, if not the usual one; ``{value}`` is the path given.
    """

    FOLDERS = ("reviews/files/", "briefings/files/", "content/")
    expected = "the path of an attachment, like reviews/files/report.pdf"

    def __init__(self, *, problem: str = "") -> None:
        self.problem = problem

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag == NULL or not node.value.strip():
            return self.wrong(r, key, node)
        value = node.value.strip().removeprefix("./")
        if not value.startswith(self.FOLDERS) or ".." in value.split("/"):
            default = (
                f"`{key}` should be {self.expected} but is `{node.value}`; "
                "give the path from the library's folder, starting reviews/files/, briefings/files/ or content/"
            )
            return r.report(node, "bad-path", self.problem.replace("{value}", f"`{node.value}`") if self.problem else default)
        return value


class CheckedByHandItem(Validator):
    """One ``checked_by_hand`` entry, in a document's front matter or, site-wide, in ``anonymisation.yml``.

    Args:
        declared_in: for a site-wide entry, the file that declares it; a document's entries are declared in the document.
    """

    expected = '{file: "reviews/files/report.pdf", reason: "..."}'

    def __init__(self, *, declared_in: str = "") -> None:
        self.declared_in = declared_in
        file, reason = AttachmentPath(), FieldSpec("reason", Text(), required=True)
        missing_file = ""
        if declared_in:
            missing_file = f"each `checked_by_hand` entry needs the file's path from the library's folder, like {_SITE_CHECKED_EXAMPLE}"
            file = AttachmentPath(problem=missing_file + "; {value} is not one")
            why = "the `checked_by_hand` entry for `{file}` has no reason; add `reason: ...` for the sign-off report"
            reason = FieldSpec("reason", Text(), required=True, missing=why)
        self.specs = {"file": FieldSpec("file", file, required=True, missing=missing_file), "reason": reason}

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.wrong(r, key, node)
        values = read_mapping(r, node, self.specs, where="a checked_by_hand entry")
        if values is INVALID:
            return INVALID
        # A site-wide entry is named by its file alone in the sign-off report and in the warning when it is unused.
        return CheckedByHand(values["file"], values["reason"], self.declared_in or r.display, 0 if self.declared_in else r.line(node))


class AllowItem(Validator):
    """One ``allow`` entry: in a document, text with an optional reason; site-wide, a text or a pattern, with a reason.

    A site-wide entry needs its reason, because the sign-off report shows it for
    every document it lets through. Only a site-wide entry may be a pattern, in
    which ``*`` stands for one to four words.
    """

    expected = 'text, or {text: "...", reason: "..."}'

    def __init__(self, *, site_wide: bool = False) -> None:
        self.site_wide = site_wide
        self.specs = {"text": FieldSpec("text", Text(), required=not site_wide), "reason": FieldSpec("reason", Text())}
        if site_wide:
            self.expected = _SITE_ALLOW_EXAMPLE
            self.specs["pattern"] = FieldSpec("pattern", Text())

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        line = r.line(node)
        if isinstance(node, yaml.ScalarNode) and not is_empty(node):
            if self.site_wide:
                text = node.value.strip()
                fix = f'write it as {{text: "{text}", reason: "..."}} for the sign-off report'
                return r.report(node, "missing-key", f"the site-wide allow entry `{text}` has no reason; {fix}")
            return AllowEntry(node.value.strip(), None, line)
        if not isinstance(node, yaml.MappingNode):
            return self.wrong(r, key, node)
        values = read_mapping(r, node, self.specs, where="an allow entry")
        if values is INVALID or not self.site_wide:
            return values if values is INVALID else AllowEntry(values["text"], values.get("reason"), line)
        is_pattern = "pattern" in values and "text" not in values
        text = values.get("pattern" if is_pattern else "text")
        if text is None:
            return r.report(node, "missing-key", f"each `allow` entry needs a text or a pattern, like {_SITE_ALLOW_EXAMPLE}")
        if is_pattern and not text.replace("*", "").strip():
            return r.report(node, "bad-pattern", f"the allow pattern `{text}` would accept anything; write the fixed words around the `*`")
        if "reason" not in values:
            return r.report(
                node, "missing-key", f"the site-wide allow entry `{text}` has no reason; add `reason: ...` for the sign-off report"
            )
        return AllowEntry(text, values["reason"], line, pattern=is_pattern)


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
    # A review's agencies are those involved; a briefing's, those it is meant for (its team packs).
    FieldSpec("agencies", ListOf(VocabularySlug("agencies", "agency"), example="[health, police]")),
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
    FieldSpec("search_engines", Flag()),
    FieldSpec("superseded_by", Slug()),
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
