"""The browser editor's configuration (Decap CMS's ``config.yml``), generated from the content model at every build.

Nothing here is written by hand for one field: each key of the front matter
schema (:data:`~learning_library.content.DOCUMENT_FIELDS`) becomes a field of
the form through its validator (a date is a date picker, a vocabulary slug a
list to pick from, a list of records a list of small forms), so a key added to
the schema is in the editor at the next build, and a theme added to
``themes.yml`` is in its list. Only the words on the form (labels and hints,
:data:`PRESENTATION`) are chosen here, and a new key without any gets a label
made from its name.

The fields come in the order ``learning-library new`` writes the keys
(:func:`learning_library.authoring.key_order`): Decap writes front matter in
the order of its fields, so a document saved from the form has the same shape
as one started with ``new``. A new document starts as a draft, and its text
starts with the headings of the template ``new`` uses.

There is one collection for reviews and one per briefing type, each briefing
collection showing the briefings of its type: a 7-minute briefing starts with
its seven numbered parts, a themed briefing with its own sections.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import yaml

from .. import authoring
from ..content import DOCUMENT_FIELDS, AllowItem, AttachmentPath, CheckedByHandItem
from ..content.schema import SENTENCE_END, SUMMARY_SENTENCES, DocumentType, FilePath, Slug, Summary, TextOrFile, Url, VocabularySlug
from ..library import EditorSettings
from ..validation import Choice, Date, FieldSpec, Flag, ListOf, Record, Text, Validator
from ..vocabulary import BRIEFING, REVIEW, Term, Vocabulary

LOCAL_API = "/api/v1"
"""Where ``learning-library edit`` answers the CMS's requests for the working copy (same origin as the preview)."""
DATE_FORMAT = "YYYY-MM-DD"
"""Dates as the content model writes them, in the notation of the CMS's date library."""


@dataclass(frozen=True)
class Presentation:
    """How one front matter key looks on the form: the words a comms officer reads, and what the form insists on."""

    label: str
    hint: str = ""
    multiline: bool = False
    """A text box of several lines rather than one line."""
    required: bool | None = None
    """Required on the form even where the content model lets it be left out (None: as the model says)."""


PRESENTATION: dict[str, Presentation] = {
    "title": Presentation("Title", 'The full title, like "Child K: local child safeguarding practice review". Never a real name.'),
    "type": Presentation("Type"),
    "status": Presentation(
        "Status", "A draft is never published. Choose Published only when the document is ready and signed off.", required=True
    ),
    "published": Presentation("Publication date", "A date in the future schedules the document: it appears on the site from that day."),
    "themes": Presentation("Themes", "Choose one or more themes from the list."),
    "summary": Presentation(
        "Summary",
        f"One to {('one', 'two', 'three', 'four', 'five')[SUMMARY_SENTENCES - 1]} plain sentences for the listings, "
        "without names or exact dates.",
        multiline=True,
    ),
    "pseudonyms": Presentation(
        "Pseudonyms", 'Names used on purpose in this document, such as a pseudonym agreed with the family ("Ruby").'
    ),
    "allow": Presentation(
        "Allowed text",
        "Other text the personal-data check may accept here, each with the reason it is public (a helpline number, a cited author).",
    ),
    "related": Presentation("Related reviews and briefings", "Other documents this one draws on or belongs with."),
    "checked_by_hand": Presentation(
        "Attachments checked by hand",
        "Attachments the check cannot read (a scanned PDF) that a person has read in full, each with who checked it and why.",
    ),
    "age_band": Presentation("Age of the child"),
    "agencies": Presentation("Agencies involved"),
    "model": Presentation("Review method", 'For example "Significant Incident Learning Process".'),
    "report": Presentation("Full report", "The full report as a PDF; it is saved in reviews/files/."),
    "available_until": Presentation("Report available until", "After this date the full report is withdrawn; the summary stays."),
    "recommendations": Presentation("Recommendations", "Each recommendation, who owns it and how far its action plan has got."),
    "response": Presentation("The partnership's response", "The partnership's published response as a PDF; it is saved in reviews/files/."),
    "national_repository": Presentation(
        "National repository address", "The address of this review in the national case review repository."
    ),
    "audience": Presentation("Who it is for", 'For example "Health visitors" or "Designated safeguarding leads".'),
    "search_engines": Presentation(
        "Listed by search engines",
        "Switch off to keep this document on the site but ask search engines not to list it. "
        "A document saved before this switch existed is listed, whatever the switch shows, until you switch it off.",
    ),
    "superseded_by": Presentation(
        "Replaced by", "The newer review or briefing that replaces this one: this page then sends readers on to it."
    ),
    # the fields of a recommendation, an allow entry, a checked_by_hand entry
    "id": Presentation("Number", "Like R1."),
    "text": Presentation("Text", multiline=True),
    "owner": Presentation("Owner", "The agency or board that owns the action."),
    "evidence": Presentation("Evidence", "What shows the change has happened.", multiline=True),
    "updated": Presentation("Last updated"),
    "reason": Presentation("Reason", "Why this is safe to publish, for the person who signs the document off.", required=True),
    "file": Presentation("File", "Its path, like reviews/files/report.pdf."),
}
"""The words on the form, by key. A key not listed here is labelled from its name."""


@dataclass(frozen=True)
class Context:
    """What the fields of one collection are made from."""

    vocabulary: Vocabulary
    kind: str
    documents: Mapping[str, str]
    """Every review and briefing, slug to title, for the list of related documents."""


def editor_config(
    vocabulary: Vocabulary,
    documents: Mapping[str, str],
    *,
    site_name: str,
    site_url: str | None,
    github: EditorSettings | None,
    local: bool,
) -> dict[str, Any]:
    """Decap CMS's configuration for this library.

    Args:
        vocabulary: the library's ``themes.yml``.
        documents: every review and briefing, slug to title, for the "related" list.
        site_name: the site's name, for the editor's title.
        site_url: the published site's address, for the link back to it.
        github: the repository the published editor works on (``extra: editor``).
        local: for ``learning-library edit``: the working copy, through :data:`LOCAL_API`, saving straight to the files.

    Returns:
        The configuration, as ``config.yml`` holds it (see :func:`as_yaml`).
    """
    config: dict[str, Any] = {"backend": _backend(github, local)}
    if not local:
        # Each change is a branch and a pull request, so the pull-request check runs on it before it is merged.
        config["publish_mode"] = "editorial_workflow"
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    config["media_folder"] = "reviews/files"
    config["public_folder"] = "reviews/files"
    config["slug"] = {"encoding": "ascii", "clean_accents": True}
    config["collections"] = [
        _collection(REVIEW, "reviews", "Reviews", "Review", vocabulary.review_types, vocabulary, documents),
        *(
            _collection(BRIEFING, slug, _plural(term.label), term.label, {slug: term}, vocabulary, documents)
            for slug, term in vocabulary.briefing_types.items()
        ),
    ]
    return config


def as_yaml(config: dict[str, Any], *, site_name: str) -> str:
    """``config.yml``, with a first line saying where it comes from (nobody should edit it)."""
    header = (
        f"# The browser editor of {site_name}: generated at every build from the content model and themes.yml\n"
        "# by learning-library (src/learning_library/editor/config.py). Do not edit it; change those instead.\n"
    )
    return header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=1000)


def _backend(github: EditorSettings | None, local: bool) -> dict[str, Any]:
    if local:
        return {"name": "proxy", "proxy_url": LOCAL_API, "branch": "main"}
    if github is None:
        raise ValueError("the published editor needs `extra: editor` settings")  # a bug: the caller publishes no editor then
    parts = urlsplit(github.auth_url)
    return {
        "name": "github",
        "repo": github.repo,
        "branch": github.branch,
        "base_url": f"{parts.scheme}://{parts.netloc}",
        "auth_endpoint": parts.path.strip("/") or "auth",
    }


def _plural(label: str) -> str:
    return label if label.endswith("s") else label + "s"


def _collection(
    kind: str,
    name: str,
    label: str,
    singular: str,
    types: Mapping[str, Term],
    vocabulary: Vocabulary,
    documents: Mapping[str, str],
) -> dict[str, Any]:
    """One collection: the reviews, or the briefings of one type."""
    context = Context(vocabulary, kind, documents)
    starter = _starter(kind, types)
    specs = [spec for spec in DOCUMENT_FIELDS if spec.allows(kind)]
    order = authoring.key_order(starter, [s.key for s in specs]) if starter else [s.key for s in specs]
    by_key = {spec.key: spec for spec in specs}
    defaults = _defaults(starter, by_key)
    fields = [_type_field(types) if key == "type" else field_for(by_key[key], context, defaults.get(key)) for key in order]
    # Markdown as written, as in the files: the rich-text mode rewrites lists and its toolbar is not accessible.
    body: dict[str, Any] = {"label": "Text", "name": "body", "widget": "markdown", "modes": ["raw"]}
    if starter:
        body["default"] = authoring.starter(starter).body
        body["hint"] = "Written in Markdown: ## starts a heading, - a bullet. Keep the headings; replace the text under each one."
    fields.append(body)
    collection: dict[str, Any] = {
        "name": name,
        "label": label,
        "label_singular": singular,
        "folder": f"{kind}s",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        # The year of publication, then the title, as `learning-library new` names files.
        "slug": "{{fields.published | date('YYYY')}}-{{slug}}",
        "identifier_field": "title",
        "summary": "{{title}} ({{status}})",
        "sortable_fields": ["published", "title"],
        "view_filters": [{"label": "Drafts", "field": "status", "pattern": "draft"}],
        "media_folder": "files",
        "public_folder": "files",
        "fields": fields,
    }
    if kind == BRIEFING:
        # Briefings of every type share briefings/; each collection shows its own type.
        collection["filter"] = {"field": "type", "value": next(iter(types))}
    return collection


def _defaults(starter: str | None, specs: Mapping[str, FieldSpec]) -> dict[str, Any]:
    """What a new entry starts with, as the template starts it: its lists (``audience``, ``related: []``) and choices (``status: draft``).

    The template's other values are placeholders for the author to replace (the title, the summary), which the form leaves empty.
    """
    if starter is None:
        return {}
    values = authoring.starter(starter).values
    return {
        key: value
        for key, value in values.items()
        if key in specs and not specs[key].required and isinstance(specs[key].validator, ListOf | Choice)
    }


def _starter(kind: str, types: Mapping[str, Term]) -> str | None:
    """The ``new`` template for the collection's documents, if there is one."""
    for name, spec in authoring.KINDS.items():
        if spec.review == (kind == REVIEW) and (spec.review or spec.default_type in types):
            return name
    return None


def _type_field(types: Mapping[str, Term]) -> dict[str, Any]:
    if len(types) == 1:
        slug = next(iter(types))
        return {"label": "Type", "name": "type", "widget": "hidden", "default": slug}
    default = authoring.KINDS["review"].default_type
    return {"label": "Type", "name": "type", "widget": "select", "options": _options(types), "default": default, "required": True}


def field_for(spec: FieldSpec, context: Context, default: Any = None) -> dict[str, Any]:
    """The form's field for one key of a schema, from its validator.

    Raises:
        NoWidget: the validator is of a kind the editor does not know yet (``tests/test_editor_config.py``
            checks every key of the content model has a field).
    """
    shown = PRESENTATION.get(spec.key) or Presentation(spec.key.replace("_", " ").capitalize())
    field: dict[str, Any] = {"label": shown.label, "name": spec.key}
    field.update(widget_for(spec.key, spec.validator, context, multiline=shown.multiline))
    required = spec.required if shown.required is None else shown.required
    field["required"] = required
    if shown.hint:
        field["hint"] = shown.hint
    if default is not None:
        field["default"] = default
    elif required and isinstance(spec.validator, Date):
        field["default"] = "{{now}}"
    return field


class NoWidget(Exception):
    """A validator the editor has no field for: a bug to fix here when a new kind of value joins the content model."""


def widget_for(key: str, validator: Validator, context: Context, *, multiline: bool = False) -> dict[str, Any]:
    """The widget and its options for a value read by ``validator``, most specific kind first."""
    if isinstance(validator, DocumentType):
        return {"widget": "select", "options": _options({**context.vocabulary.review_types, **context.vocabulary.briefing_types})}
    if isinstance(validator, VocabularySlug):
        return {"widget": "select", "options": _options(validator.terms(context.vocabulary))}
    if isinstance(validator, Slug):
        if not context.documents:
            return {"widget": "string", "hint": "A review's or briefing's file name without .md, like 2024-child-ruby."}
        options = [{"label": f"{title} ({slug})", "value": slug} for slug, title in sorted(context.documents.items())]
        return {"widget": "select", "options": options}
    if isinstance(validator, Summary):
        sentence_end = SENTENCE_END
        other = f"(?:(?!{sentence_end})[\\s\\S])*"
        pattern = f"^{other}(?:{sentence_end}{other}){{0,{SUMMARY_SENTENCES}}}$"
        return {"widget": "text", "pattern": [pattern, f"Keep the summary to {SUMMARY_SENTENCES} sentences at most."]}
    if isinstance(validator, Url):
        return {"widget": "string", "pattern": [r"^https?://\S+$", "Give a web address starting with https://"]}
    if isinstance(validator, FilePath | TextOrFile):
        folder = validator.folder.rstrip("/")
        return {"widget": "file", "media_folder": f"/{folder}", "public_folder": folder, "choose_url": False}
    if isinstance(validator, AttachmentPath):
        folders = "|".join(re.escape(f) for f in AttachmentPath.FOLDERS)
        return {
            "widget": "string",
            "pattern": [f"^({folders})", f"Give the path from the library's folder, like {AttachmentPath.FOLDERS[0]}report.pdf"],
        }
    if isinstance(validator, Date):
        return {"widget": "datetime", "format": DATE_FORMAT, "date_format": DATE_FORMAT, "time_format": False, "picker_utc": True}
    if isinstance(validator, Flag):
        # A switch that is on unless switched off: new entries start on, as the content model reads a missing key.
        return {"widget": "boolean", "default": True}
    if isinstance(validator, Choice):
        return {"widget": "select", "options": [{"label": c.replace("-", " ").capitalize(), "value": c} for c in validator.choices]}
    if isinstance(validator, Text):
        return {"widget": "text" if multiline else "string"}
    if isinstance(validator, ListOf):
        return _list_widget(key, validator, context)
    raise NoWidget(f"the editor has no field for `{key}` ({type(validator).__name__}); add one in editor/config.py")


def _list_widget(key: str, validator: ListOf, context: Context) -> dict[str, Any]:
    item = validator.item
    minimum = {"min": validator.min_items} if validator.min_items else {}
    if isinstance(item, VocabularySlug):
        return {"widget": "select", "multiple": True, "options": _options(item.terms(context.vocabulary)), **minimum}
    if isinstance(item, Slug) and context.documents:
        return {**widget_for(key, item, context), "multiple": True}
    if isinstance(item, Record):
        return _records(key, item.specs.values(), context)
    if isinstance(item, AllowItem):
        return _records(key, item.specs.values(), context, summary="{{fields.text}}")
    if isinstance(item, CheckedByHandItem):
        return _records(key, item.specs.values(), context, summary="{{fields.file}}")
    singular = PRESENTATION.get(key, Presentation(key)).label.lower().rstrip("s")
    inner = widget_for(key, item, context)
    return {"widget": "list", "field": {"label": singular.capitalize(), "name": "item", **inner}, **minimum}


def _records(key: str, specs: Iterable[FieldSpec], context: Context, summary: str = "") -> dict[str, Any]:
    fields = [field_for(spec, context) for spec in specs]
    first = fields[0]["name"]
    return {"widget": "list", "summary": summary or f"{{{{fields.{first}}}}}: {{{{fields.text}}}}", "fields": fields}


def _options(terms: Mapping[str, Term]) -> list[dict[str, str]]:
    return [{"label": term.label, "value": slug} for slug, term in terms.items()]
