"""Cache keys for the anonymisation check: what decides a file's detections, so a stale "clean" is never reused.

A file's detections are keyed by its exact contents and by the version of
everything that decides what is scanned and how: every module and data file
of this package (recognizers, word lists, public names, the masking of markup),
the modules that decide which front matter values are published (the content
model and the front matter reader), the model, spaCy and Presidio. Change any
of them and every file is scanned afresh, also in CI where ``.cache/`` is
restored from an earlier run. The policy is not part of the key: severities,
thresholds and allow lists are applied to the detections after the cache, so
changing them never re-runs the model. The cache itself is
:class:`learning_library.cache.ResultCache`.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
from pathlib import Path

from ..cache import installed_versions

DECIDES_WHAT_IS_SCANNED = (
    "learning_library.anonymisation",
    "learning_library.content",
    "learning_library.frontmatter",
    "learning_library.validation",
    "learning_library.yamltext",
)
"""Modules (or packages, taken whole) whose code or data changes what the check scans or finds."""


def engine_version(model: str) -> str:
    """Name the code, the model and the libraries, the latter from installed metadata without importing them (which takes seconds).

    A model that is not installed gets a version no cache entry has, so every
    file is scanned and the scan fails closed on loading the model.
    """
    return "/".join([f"check-{code_fingerprint()}", *installed_versions((model, "spacy", "presidio-analyzer"))])


@functools.cache
def code_fingerprint() -> str:
    """A hash of every file of :data:`DECIDES_WHAT_IS_SCANNED`: code, word lists and public names alike."""
    digest = hashlib.sha256()
    for path in sorted(_files()):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _files() -> list[Path]:
    found: list[Path] = []
    for name in DECIDES_WHAT_IS_SCANNED:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            continue
        origin = Path(spec.origin)
        if spec.submodule_search_locations:  # a package: all of it, data included
            found += [p for p in origin.parent.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        else:
            found.append(origin)
    return found


def key(text: str) -> str:
    """The key of one file's detections: its exact contents (the code and model are the cache's version)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
