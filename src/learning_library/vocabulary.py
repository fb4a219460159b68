"""The controlled vocabulary in ``themes.yml``: themes, document types, agencies, age bands, priorities.

Documents may only use slugs declared here, so that every theme page, filter
and label on the site comes from one file the partnership edits. A vocabulary
file that cannot be used is a :class:`~learning_library.errors.ConfigError`
(the check cannot run without it); a document using a slug not declared here
is a finding against that document.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import yamltext
from .validation import INVALID, FieldSpec, ListOf, MappingOf, Pattern, Reader, Record, Text, raise_problems, read_fields, value_node

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REVIEW = "review"
BRIEFING = "briefing"


@dataclass(frozen=True)
class Term:
    """One entry of the vocabulary: a slug with the words shown to readers."""

    slug: str
    label: str
    description: str = ""
    facet: str = ""
    """The group a theme is listed under on the themes page (themes only)."""
    aliases: tuple[str, ...] = ()
    """Other words people use for a theme, which "did you mean" understands (themes only)."""


@dataclass(frozen=True)
class Vocabulary:
    """The parsed ``themes.yml``. Mappings keep the file's order, which the site keeps too."""

    facets: Mapping[str, Term]
    themes: Mapping[str, Term]
    review_types: Mapping[str, Term]
    briefing_types: Mapping[str, Term]
    agencies: Mapping[str, Term]
    age_bands: Mapping[str, Term]
    priorities: tuple[str, ...] = field(default=())

    def kind_of_type(self, type_slug: str) -> str | None:
        """Return ``review`` or ``briefing`` for a document type, or None if it is not declared."""
        if type_slug in self.review_types:
            return REVIEW
        if type_slug in self.briefing_types:
            return BRIEFING
        return None

    def type_term(self, type_slug: str) -> Term:
        return self.review_types.get(type_slug) or self.briefing_types[type_slug]


def did_you_mean(value: str, terms: Mapping[str, Term]) -> str | None:
    """Return the declared slug closest to ``value``, also matching labels and aliases.

    Authors write what they mean ("county lines", "Neglect", "neglet"); the
    suggestion turns that into the slug the file needs.
    """
    wanted = value.strip().lower()
    for term in terms.values():
        names = (term.slug, term.label.lower(), *(a.lower() for a in term.aliases))
        if wanted in names or wanted.replace(" ", "-") == term.slug:
            return term.slug
    close = difflib.get_close_matches(wanted, list(terms), n=1, cutoff=0.6)
    if close:
        return close[0]
    labels = {term.label.lower(): term.slug for term in terms.values()}
    close = difflib.get_close_matches(wanted, list(labels), n=1, cutoff=0.6)
    return labels[close[0]] if close else None


def load_vocabulary(path: Path) -> Vocabulary:
    """Read and validate ``themes.yml``.

    Raises:
        ConfigError: the file is missing, is not valid YAML, or declares
            something unusable or inconsistent (a theme in an undeclared facet,
            a priority that is not a theme). The message lists every problem,
            one per line, each with its line and column and a fix.
    """
    source, root = yamltext.read_settings(path, "the vocabulary file", "create it (see themes.yml in the example library)")
    r = Reader(source, str(path), area="settings")
    if source.node is None:
        r.report(root, "no-sections", "expected sections such as `themes:` and `review_types:` but the file has none; add them")
        raise_problems(r.findings)
    assert source.node is not None  # for mypy: raise_problems raised
    values, _ = read_fields(r, source.node, _SPECS, where="themes.yml")
    _check_consistency(r, source.node, {k: v for k, v in values.items() if v is not INVALID})
    raise_problems(r.findings)
    return Vocabulary(
        values.get("facets", {}),
        values["themes"],
        values["review_types"],
        values["briefing_types"],
        values.get("agencies", {}),
        values.get("age_bands", {}),
        values.get("priorities", ()),
    )


class _Terms(MappingOf):
    """One section of ``themes.yml``: ``slug: {label: ..., description: ...}`` entries, read into :class:`Term`."""

    def __init__(self, *, facet: bool = False, aliases: bool = False) -> None:
        fields = [FieldSpec("label", Text(), required=True, example='label: "..."'), FieldSpec("description", Text())]
        if facet:
            fields.append(FieldSpec("facet", Text()))
        if aliases:
            fields.append(FieldSpec("aliases", ListOf(Text(), example="[chronic neglect, cumulative harm]")))
        slug = Pattern(SLUG, "a slug", "use lowercase letters, digits and hyphens, like `hidden-men`")
        entry = Record("entry", fields, dict, where="the entry `{key}`")
        entry.expected = '{label: "...", description: "..."}'
        super().__init__(slug, entry, example='slug: {label: "..."}')

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        entries = super().read(r, key, node)
        if entries is INVALID:
            return INVALID
        return {
            slug: Term(slug, v["label"], v.get("description", ""), v.get("facet", ""), tuple(v.get("aliases", ())))
            for slug, v in entries.items()
        }


_SPECS = {
    s.key: s
    for s in (
        FieldSpec("facets", _Terms()),
        FieldSpec("themes", _Terms(facet=True, aliases=True), required=True, example="themes: {neglect: {label: Neglect}}"),
        FieldSpec(
            "review_types", _Terms(), required=True, example='review_types: {lcspr: {label: "Local child safeguarding practice review"}}'
        ),
        FieldSpec("briefing_types", _Terms(), required=True, example='briefing_types: {themed-briefing: {label: "Themed briefing"}}'),
        FieldSpec("agencies", _Terms()),
        FieldSpec("age_bands", _Terms()),
        FieldSpec("priorities", ListOf(Text(), example="[neglect, domestic-abuse]")),
    )
}


def _check_consistency(r: Reader, root: yaml.MappingNode, values: dict[str, Any]) -> None:
    """What no one section can say alone: facets, types and priorities that must agree with each other."""
    facets, themes = values.get("facets") or {}, values.get("themes") or {}
    themes_node = value_node(root, "themes")
    for term in themes.values():
        if facets and term.facet not in facets:
            entry = value_node(themes_node, term.slug) if isinstance(themes_node, yaml.MappingNode) else None
            at = value_node(entry, "facet") if isinstance(entry, yaml.MappingNode) else None
            hint = did_you_mean(term.facet, facets) if term.facet else None
            r.report(
                at or entry or themes_node,
                "unknown-facet",
                f"theme `{term.slug}` has facet `{term.facet or '(none)'}`, which is not one of the facets ({', '.join(facets)})"
                + (f"; did you mean `{hint}`?" if hint else "; add `facet:` with one of them"),
            )
    briefing_node = value_node(root, "briefing_types")
    for key_node, _ in briefing_node.value if isinstance(briefing_node, yaml.MappingNode) else ():
        if key_node.value in values.get("review_types", {}):
            r.report(key_node, "type-twice", f"`{key_node.value}` is both a review type and a briefing type; rename one of them")
    priorities_node = value_node(root, "priorities")
    for item in priorities_node.value if isinstance(priorities_node, yaml.SequenceNode) and "themes" in values else ():
        if isinstance(item, yaml.ScalarNode) and item.value not in themes:
            hint = did_you_mean(item.value, themes)
            r.report(
                item,
                "unknown-priority",
                f"priority `{item.value}` is not a theme" + (f"; did you mean `{hint}`?" if hint else "; use a theme slug"),
            )
