"""Starting a new review or briefing from a template, so an author begins with front matter that passes the check.

``learning-library new`` calls :func:`create`; ``learning-library import``
(:mod:`learning_library.importing`) renders the same templates with what it
found in a Word document, and writes through the same :func:`write_new`. The
templates (``starters/``, Jinja2) hold the front matter and the sections each
kind of document is expected to have. A new document is a draft (``status:
draft``), so a file half written can never be published by accident; its slug
is the year and the title, the form the content model asks for.

Every text an author must replace is written in the templates as
``{{ placeholder("...") }}``, so :func:`placeholders` knows them all and the
check can refuse to publish a document that still holds one.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml

from .errors import CannotCreate
from .library import Settings, display_path
from .vocabulary import Vocabulary, did_you_mean


@dataclass(frozen=True)
class Kind:
    """What ``new`` can create: its template, its folder and the types it may have."""

    template: str
    folder: str
    default_type: str
    review: bool


KINDS = {
    "review": Kind("review.md.j2", "reviews", "lcspr", review=True),
    "themed-briefing": Kind("themed-briefing.md.j2", "briefings", "themed-briefing", review=False),
    "seven-minute-briefing": Kind("seven-minute-briefing.md.j2", "briefings", "seven-minute-briefing", review=False),
}
SLUG_LENGTH = 60
"""Longest slug made from a title: page addresses stay readable and file names short."""
_LEADING_YEAR = re.compile(r"^(19|20)\d\d-")


def slugify(title: str) -> str:
    """The title as lowercase ASCII words joined by hyphens, cut at a word to at most :data:`SLUG_LENGTH` characters."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower().replace("'", "")).strip("-")
    if len(slug) > SLUG_LENGTH:
        slug = slug[:SLUG_LENGTH].rsplit("-", 1)[0]
    return slug


def slug_for(title: str, published: dt.date) -> str:
    """The year of publication, then the title: ``2024-child-ruby``."""
    words = _LEADING_YEAR.sub("", slugify(title))
    if not words:
        raise CannotCreate(f"the title `{title}` has no letters or digits to make a file name from; give a title in words")
    return f"{published.year}-{words}"


def _environment(placeholder: Any = str) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("learning_library", "starters"),
        autoescape=False,  # Markdown and YAML, not HTML; values that need quoting go through `yaml`
        keep_trailing_newline=True,
        undefined=jinja2.ChainableUndefined,  # what import did not find (a model, a body) is simply absent
    )
    # A JSON string is a valid double-quoted YAML string: quotes, colons and backslashes stay text.
    environment.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    environment.globals["placeholder"] = placeholder
    return environment


@dataclass(frozen=True)
class Found:
    """What ``import`` found in a document for its front matter and text; what is left empty gets the template's placeholder."""

    body: str = ""
    summary: str = ""
    model: str = ""
    recommendations: Sequence[tuple[str, str]] = ()
    """Each recommendation's text and its owner ("" where none was found)."""
    pseudonyms: Sequence[str] = ()
    response_in_text: bool = False
    """The text has the partnership's response as a section of its own, so the front matter needs no ``response``."""


def render(kind: str, *, title: str, published: dt.date, themes: tuple[str, ...], type_: str, found: Found | None = None) -> str:
    """The new document's text, from the kind's template, with what import found in place of placeholders."""
    found = found or Found()
    template = _environment().get_template(KINDS[kind].template)
    recommendations = [{"id": f"R{n}", "text": text, "owner": owner} for n, (text, owner) in enumerate(found.recommendations, 1)]
    return template.render(
        title=title,
        published=published.isoformat(),
        themes=themes,
        type=type_,
        body=found.body.strip(),
        summary=found.summary,
        model=found.model,
        recommendations=recommendations,
        pseudonyms=list(found.pseudonyms),
        response_in_text=found.response_in_text,
    )


@functools.cache
def placeholders() -> tuple[str, ...]:
    """Every text of the templates that an author must replace, found by rendering each template once."""
    found: list[str] = []

    def record(text: str) -> str:
        found.append(text)
        return text

    for spec in KINDS.values():
        _environment(record).get_template(spec.template).render(title="", published="", themes=(), type=spec.default_type)
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class Starter:
    """What a kind's template starts a document with, for the browser editor to start one the same way."""

    keys: tuple[str, ...]
    """The front matter keys the template writes, in order."""
    values: dict[str, Any]
    """Their values as the template writes them (placeholders included: the title is "Title")."""
    body: str
    """The text below the front matter: the headings the document is expected to have."""


def starter(kind: str) -> Starter:
    """The front matter and body the kind's template writes, read back from the template itself.

    The browser editor fills a new entry's body with the same headings,
    writes its keys in the same order and starts its lists as the template
    does, so a document started in either place reads the same.
    """
    text = render(kind, title="Title", published=dt.date(2000, 1, 1), themes=("theme",), type_=KINDS[kind].default_type)
    head, _, body = text.removeprefix("---\n").partition("\n---\n")
    values = yaml.safe_load(head)
    return Starter(tuple(values), values, body.lstrip("\n"))


def key_order(kind: str, keys: Sequence[str]) -> list[str]:
    """Front matter keys in the order ``new`` writes them for ``kind``, the others placed among them.

    ``keys`` are all the keys a document of that kind may have, in the schema's
    order. The keys the template writes keep the template's order; each other
    key goes straight after the key that comes before it in the schema, so a key
    added to the schema later finds its place without a change here.
    """
    order = [k for k in starter(kind).keys if k in keys]
    for number, key in enumerate(keys):
        if key in order:
            continue
        before = next((k for k in reversed(keys[:number]) if k in order), None)
        order.insert(order.index(before) + 1 if before else len(order), key)
    return order


def create(
    settings: Settings,
    vocabulary: Vocabulary,
    kind: str,
    title: str,
    *,
    published: dt.date,
    themes: tuple[str, ...] = (),
    type_: str | None = None,
) -> Path:
    """Write a new draft review or briefing into the library and return its path.

    Args:
        settings: the library's settings (where its reviews and briefings live).
        vocabulary: its ``themes.yml``, to check themes and types against.
        kind: ``review``, ``themed-briefing`` or ``seven-minute-briefing``.
        title: the document's title, which also gives its slug.
        published: the planned publication date; its year starts the slug.
        themes: theme slugs; by default the partnership's first priority (or first theme), to change.
        type_: for a review, its review type (default ``lcspr``).

    Raises:
        CannotCreate: an unknown kind, theme or type, an empty title, or a
            document with that slug already exists (it is never overwritten).
    """
    spec = KINDS.get(kind)
    if spec is None:
        close = difflib.get_close_matches(kind.lower(), list(KINDS), n=1, cutoff=0.5)
        hint = f"; did you mean `{close[0]}`?" if close else ""
        raise CannotCreate(f"`{kind}` is not something `new` can create; use one of {', '.join(KINDS)}{hint}")
    title = check_title(title)
    chosen = _type(spec, vocabulary, type_)
    themes = check_themes(vocabulary, themes)
    slug = slug_for(title, published)
    return write_new(settings, spec.folder, slug, render(kind, title=title, published=published, themes=themes, type_=chosen))


def check_title(title: str) -> str:
    """The title on one line, without spaces around it.

    Raises:
        CannotCreate: the title is empty or has more than one line.
    """
    title = title.strip()
    if not title or "\n" in title:
        raise CannotCreate('give the document a title on one line, like --title "Child K: local child safeguarding practice review"')
    return title


def target_for(settings: Settings, folder: str, slug: str) -> Path:
    """Where a new document with this slug goes, refused when a review or briefing has the slug already.

    Raises:
        CannotCreate: a document with that slug exists (slugs are unique across reviews and briefings).
    """
    for existing_folder in (settings.reviews_dir, settings.briefings_dir):
        existing = existing_folder / f"{slug}.md"
        if existing.exists():
            raise CannotCreate(
                f"{display_path(existing)} already exists and is never overwritten; edit that file, or give a different title"
            )
    return settings.root / folder / f"{slug}.md"


def write_new(settings: Settings, folder: str, slug: str, text: str) -> Path:
    """Write a new document, never over an existing one (also when one appears between the check and the write).

    Raises:
        CannotCreate: a document with that slug exists, or the folder cannot be written.
    """
    target = target_for(settings, folder, slug)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise CannotCreate(
            f"{display_path(target)} already exists and is never overwritten; edit that file, or give a different title"
        ) from None
    except OSError as exc:
        raise CannotCreate(f"{display_path(target)} cannot be written ({exc.strerror}); check the folder exists and is writable") from None
    return target


def kind_for_type(vocabulary: Vocabulary, type_: str) -> str:
    """The template a document of this type starts from: ``review``, ``seven-minute-briefing`` or ``themed-briefing``.

    Raises:
        CannotCreate: the type is neither a review type nor a briefing type in ``themes.yml``.
    """
    if type_ in vocabulary.review_types:
        return "review"
    if type_ in vocabulary.briefing_types:
        return "seven-minute-briefing" if type_ == KINDS["seven-minute-briefing"].default_type else "themed-briefing"
    every = {**vocabulary.review_types, **vocabulary.briefing_types}
    hint = did_you_mean(type_, every)
    fix = f"did you mean `{hint}`?" if hint else f"use one of {', '.join(every)}"
    raise CannotCreate(f"`{type_}` is not a review type or a briefing type in themes.yml; {fix}")


def _type(spec: Kind, vocabulary: Vocabulary, type_: str | None) -> str:
    if type_ is None or type_ == spec.default_type:
        return spec.default_type
    if not spec.review:
        raise CannotCreate(f"--type is only for reviews; a {spec.default_type} has the type `{spec.default_type}`")
    if type_ not in vocabulary.review_types:
        hint = did_you_mean(type_, vocabulary.review_types)
        fix = f"did you mean `{hint}`?" if hint else f"use one of {', '.join(vocabulary.review_types)}"
        raise CannotCreate(f"`{type_}` is not a review type in themes.yml; {fix}")
    return type_


def check_themes(vocabulary: Vocabulary, themes: tuple[str, ...]) -> tuple[str, ...]:
    """The themes given, each checked against ``themes.yml``; by default the partnership's first priority.

    Raises:
        CannotCreate: a theme is not in the vocabulary, or the vocabulary has none.
    """
    for theme in themes:
        if theme not in vocabulary.themes:
            hint = did_you_mean(theme, vocabulary.themes)
            fix = f"did you mean `{hint}`?" if hint else "use a theme slug from themes.yml"
            raise CannotCreate(f"`{theme}` is not a theme in themes.yml; {fix}")
    if themes:
        return tuple(dict.fromkeys(themes))
    first = vocabulary.priorities[:1] or tuple(vocabulary.themes)[:1]
    if not first:
        raise CannotCreate("themes.yml declares no themes; add at least one before creating documents")
    return tuple(first)
