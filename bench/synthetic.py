"""Synthetic learning libraries for benchmarks.

The benchmarks need libraries far larger than any partnership's real one, built
the same way every run so that figures from different commits compare. This
module writes such a library: the project's own settings, vocabulary and
hand-written pages, plus as many reviews and briefings as asked for, each with
valid front matter (see ``docs/content-model.md``) and a body of about
2,000 words of realistic review prose.

The prose is assembled from sentence templates that use role codes ("Child A",
"Mother", "the health visitor"), agencies, months and years only. It contains no
names, addresses, full dates, phone numbers or other personal data, so the
project's anonymisation check has nothing to stop and a build measures the
normal path, not the error path.

Everything is derived from ``random.Random`` seeded per document, so document
``n`` of a given kind is the same whatever the library's size; only the choice
of ``related`` slugs depends on how many documents there are.

Usage::

    from synthetic import generate_library
    generate_library(Path("/tmp/lib"), n_reviews=300, n_briefings=60)
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from synthetic_documents import FIRST_PUBLISHED, LAST_PUBLISHED, _briefing, _plan, _review
from synthetic_writer import _Vocabulary

__all__ = [
    "FIRST_PUBLISHED",
    "LAST_PUBLISHED",
    "REPO_ROOT",
    "generate_library",
    "load_config",
    "repository_hooks",
]

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The repository this benchmark belongs to; its settings and pages are copied."""


HAND_WRITTEN_PAGES = {
    "index.md": ("Home", "Learning from reviews and briefings for everyone who works with children."),
    "about.md": ("About", "Who publishes this library and why."),
    "how-to-use.md": ("How to use this library", "Find learning by theme, by type of review or by year."),
    "accessibility.md": ("Accessibility statement", "How accessible this site is and how to report a problem."),
}
"""Stand-ins for the hand-written pages the project's nav names, written only when
the repository's ``content/`` does not have them yet."""


# --------------------------------------------------------------------------
# Reading the project's settings
# --------------------------------------------------------------------------


class _TolerantLoader(yaml.SafeLoader):
    """A safe YAML loader that reads tagged values as plain data.

    ``mkdocs.yml`` may use tags PyYAML's safe loader refuses (``!ENV``,
    ``!!python/name:``); the benchmark only needs a few keys from it, so a tag
    should not stop it.
    """


def _construct_untagged(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> object:
    """Build the value under an unknown tag as if the tag were absent."""
    del tag_suffix
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    return None


_TolerantLoader.add_multi_constructor("", _construct_untagged)


def load_config(path: Path) -> dict[str, Any]:
    """Read an ``mkdocs.yml`` without failing on tags the safe loader refuses.

    Args:
        path: the settings file.

    Returns:
        The settings as plain data (an empty dict for an empty file).
    """
    loader = _TolerantLoader(path.read_text(encoding="utf-8"))
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    return data if isinstance(data, dict) else {}


def repository_hooks(config: dict[str, Any] | None = None) -> list[Path]:
    """The hook files the repository's ``mkdocs.yml`` names, as absolute paths.

    Args:
        config: the repository's settings, if already read.
    """
    if config is None:
        config = load_config(REPO_ROOT / "mkdocs.yml")
    hooks = config.get("hooks") or []
    if isinstance(hooks, str):
        hooks = [hooks]
    return [(REPO_ROOT / str(hook)).resolve() for hook in hooks]


def _with_absolute_hooks(config_text: str, hooks: Sequence[Path]) -> str:
    """Replace the top-level ``hooks:`` block of a settings file.

    The copy of ``mkdocs.yml`` lives in another folder, where the relative hook
    path would not resolve. The text is edited rather than loaded and dumped so
    that comments and tags in the project's file reach the copy unchanged.
    """
    kept: list[str] = []
    in_hooks = False
    for line in config_text.splitlines(keepends=True):
        if re.match(r"hooks\s*:", line):
            in_hooks = True
            continue
        # The block ends at the next top-level key; an indentless "- item"
        # sequence, indented lines, comments and blank lines still belong to it.
        if in_hooks and (not line.strip() or line[0] in " \t#-"):
            continue
        in_hooks = False
        kept.append(line)
    text = "".join(kept)
    if hooks:
        if text and not text.endswith("\n"):
            text += "\n"
        # JSON strings are valid YAML scalars, whatever the path contains.
        text += "\n# Rewritten by bench/synthetic.py to the repository's hooks.\nhooks:\n"
        text += "".join(f"  - {json.dumps(str(hook))}\n" for hook in hooks)
    return text


# --------------------------------------------------------------------------
# The library
# --------------------------------------------------------------------------


def _copy_settings(dest: Path) -> str:
    """Copy ``mkdocs.yml`` (hooks made absolute), ``themes.yml`` and the pages.

    Returns:
        The name of the docs folder the settings use.
    """
    source_config = REPO_ROOT / "mkdocs.yml"
    config = load_config(source_config)
    hooks = repository_hooks(config)
    (dest / "mkdocs.yml").write_text(_with_absolute_hooks(source_config.read_text(encoding="utf-8"), hooks), encoding="utf-8")
    shutil.copy2(REPO_ROOT / "themes.yml", dest / "themes.yml")

    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    if custom_dir and (REPO_ROOT / str(custom_dir)).is_dir():
        shutil.copytree(REPO_ROOT / str(custom_dir), dest / str(custom_dir))

    docs_dir = str(config.get("docs_dir") or "docs")
    if (REPO_ROOT / docs_dir).is_dir():
        shutil.copytree(REPO_ROOT / docs_dir, dest / docs_dir)
    pages = dest / docs_dir
    pages.mkdir(exist_ok=True)
    for name, (title, text) in HAND_WRITTEN_PAGES.items():
        if not (pages / name).exists():
            (pages / name).write_text(f"---\ntitle: {title}\n---\n\n# {title}\n\n{text}\n", encoding="utf-8")
    return docs_dir


def _write_all(folder: Path, documents: Iterable[tuple[str, str]]) -> None:
    """Write ``<slug>.md`` files, refusing to overwrite one (slugs are unique)."""
    folder.mkdir(parents=True, exist_ok=True)
    for slug, text in documents:
        path = folder / f"{slug}.md"
        if path.exists():
            raise FileExistsError(f"{path}: two generated documents share the slug {slug!r}")
        path.write_text(text, encoding="utf-8")


def generate_library(dest: Path, n_reviews: int, n_briefings: int, seed: int = 1) -> None:
    """Write a complete synthetic library at ``dest``.

    The library has the repository's ``mkdocs.yml`` (its hooks pointed at the
    repository by absolute path, so they run on this copy), ``themes.yml`` and
    ``content/``, plus ``reviews/<slug>.md`` and ``briefings/<slug>.md`` with
    valid front matter and bodies of about 2,000 words.

    Args:
        dest: an empty or missing folder.
        n_reviews: how many reviews to write.
        n_briefings: how many briefings to write.
        seed: the same seed gives the same library, byte for byte.

    Raises:
        FileExistsError: ``dest`` is not empty, so a stale library cannot mix in.
        ValueError: a count is negative, or ``themes.yml`` lacks a vocabulary.
    """
    if n_reviews < 0 or n_briefings < 0:
        raise ValueError(f"document counts must not be negative (got {n_reviews} reviews, {n_briefings} briefings)")
    if dest.exists() and any(dest.iterdir()):
        raise FileExistsError(f"{dest}: folder is not empty; give an empty or new folder for the library")
    dest.mkdir(parents=True, exist_ok=True)
    _copy_settings(dest)
    vocabulary = _Vocabulary.read(dest / "themes.yml")

    reviews = _plan("review", n_reviews, seed)
    briefings = _plan("briefing", n_briefings, seed)
    all_slugs = [doc.slug for doc in reviews + briefings]
    _write_all(dest / "reviews", ((doc.slug, _review(doc, vocabulary, all_slugs)) for doc in reviews))
    _write_all(dest / "briefings", ((doc.slug, _briefing(doc, vocabulary, all_slugs)) for doc in briefings))
