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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REVIEW = "review"
BRIEFING = "briefing"


@dataclass(frozen=True)
class Term:
    """One entry of the vocabulary: a slug with the words shown to readers."""

    slug: str
    label: str
    description: str = ""
    short: str = ""
    facet: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def short_label(self) -> str:
        return self.short or self.label


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

    def themes_in_facet(self, facet: str) -> list[Term]:
        return [t for t in self.themes.values() if t.facet == facet]


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


_SECTIONS = ("facets", "themes", "review_types", "briefing_types", "agencies", "age_bands", "priorities")


def load_vocabulary(path: Path) -> Vocabulary:
    """Read and validate ``themes.yml``.

    Raises:
        ConfigError: the file is missing, is not valid YAML, or declares
            something inconsistent (a theme in an undeclared facet, a priority
            that is not a theme). The message is one line naming the file and
            the first problem.
    """
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: the vocabulary file is missing; create it (see themes.yml in the example library)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the vocabulary file ({exc})") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: not valid YAML ({exc.problem}); check the quotes and indentation there") from None
    problems: list[str] = []
    vocabulary = _build(raw, problems)
    if problems or vocabulary is None:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise ConfigError(f"{path}: {problems[0]}{more}")
    return vocabulary


def _build(raw: Any, problems: list[str]) -> Vocabulary | None:
    if not isinstance(raw, dict):
        problems.append("expected sections such as `themes:` and `review_types:` but the file has none")
        return None
    for key in raw:
        if key not in _SECTIONS:
            problems.append(f"unknown section `{key}`; the sections are {', '.join(_SECTIONS)}")
    facets = _terms(raw, "facets", problems, required=False)
    themes = _terms(raw, "themes", problems)
    review_types = _terms(raw, "review_types", problems)
    briefing_types = _terms(raw, "briefing_types", problems)
    agencies = _terms(raw, "agencies", problems, required=False)
    age_bands = _terms(raw, "age_bands", problems, required=False)
    for term in themes.values():
        if facets and term.facet not in facets:
            problems.append(
                f"theme `{term.slug}` has facet `{term.facet or '(none)'}`, which is not one of the facets ({', '.join(facets)})"
            )
    for slug in set(review_types) & set(briefing_types):
        problems.append(f"`{slug}` is both a review type and a briefing type; rename one of them")
    priorities = raw.get("priorities") or []
    if not isinstance(priorities, list) or not all(isinstance(p, str) for p in priorities):
        problems.append("`priorities` should be a list of theme slugs, like [neglect, domestic-abuse]")
        priorities = []
    for slug in priorities:
        if slug not in themes:
            hint = did_you_mean(slug, themes)
            problems.append(f"priority `{slug}` is not a theme" + (f"; did you mean `{hint}`?" if hint else ""))
    return Vocabulary(facets, themes, review_types, briefing_types, agencies, age_bands, tuple(priorities))


def _terms(raw: dict[str, Any], section: str, problems: list[str], *, required: bool = True) -> dict[str, Term]:
    entries = raw.get(section)
    if entries is None:
        if required:
            problems.append(f"the `{section}` section is missing")
        return {}
    if not isinstance(entries, dict):
        problems.append(f"`{section}` should be a set of `slug: {{label: ...}}` entries")
        return {}
    terms: dict[str, Term] = {}
    for slug, value in entries.items():
        slug = str(slug)
        if not SLUG.match(slug):
            problems.append(f"`{section}`: `{slug}` is not a slug; use lowercase letters, digits and hyphens")
            continue
        if not isinstance(value, dict) or not isinstance(value.get("label"), str):
            problems.append(f'`{section}`: `{slug}` needs a label, like `{slug}: {{label: "..."}}`')
            continue
        unknown = set(value) - {"label", "description", "short", "facet", "aliases"}
        if unknown:
            problems.append(f"`{section}`: `{slug}` has unknown key `{sorted(unknown)[0]}`")
        aliases = value.get("aliases") or []
        if not isinstance(aliases, list):
            problems.append(f"`{section}`: the aliases of `{slug}` should be a list")
            aliases = []
        terms[slug] = Term(
            slug=slug,
            label=value["label"],
            description=str(value.get("description") or ""),
            short=str(value.get("short") or ""),
            facet=str(value.get("facet") or ""),
            aliases=tuple(str(a) for a in aliases),
        )
    return terms


def slugs(terms: Iterable[Term]) -> list[str]:
    return [t.slug for t in terms]
