"""Results kept per input, so that work on an unchanged file is never done twice.

The anonymisation check, the attachment check and the page renderer each keep
one cache, a JSON file under ``.cache/learning-library/`` in the library. An
entry is found by a key its owner derives from everything the result depends
on; the file as a whole also names the version of the work (the model, the
code), and a file written by another version is ignored, not trusted. JSON,
not pickle: CI restores this folder from a cache, and loading it must never
run code. It is written atomically, so a run interrupted half way leaves the
old cache whole, and a damaged cache is only a slower run.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

from . import __version__

CACHE_DIR = ".cache/learning-library"
"""Where the caches live, relative to the library's folder (the one holding ``mkdocs.yml``)."""
_FORMAT = 2


def installed_versions(distributions: Iterable[str]) -> list[str]:
    """``name-version`` of each distribution, from its metadata, without importing it (spaCy takes seconds).

    One that is not installed is ``name-missing``, a version no cache entry has,
    so nothing cached is trusted and the work itself fails as it should.
    """
    versions = []
    for distribution in distributions:
        try:
            versions.append(f"{distribution}-{metadata.version(distribution)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{distribution}-missing")
    return versions


def cache_file(root: Path, name: str) -> Path:
    """Where the cache called ``name`` of the library in ``root`` is kept."""
    return root / CACHE_DIR / f"{name}.json"


class ResultCache:
    """Results per input, each found by its key; what they mean is up to the cache's owner."""

    def __init__(self, root: Path | None, version: str, name: str) -> None:
        """Load the cache called ``name`` of the library in ``root`` (None: keep nothing), if ``version`` wrote it."""
        self.path = cache_file(root, name) if root is not None else None
        self.version = version
        self.entries: dict[str, Any] = {}
        self.dirty = False
        if self.path is not None and self.path.is_file():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}  # a damaged cache is only a slower run
            if data.get("format") == _FORMAT and data.get("package") == __version__ and data.get("version") == version:
                self.entries = data.get("entries", {})

    def get(self, entry_key: str) -> Any:
        return self.entries.get(entry_key)

    def put(self, entry_key: str, result: Any) -> None:
        self.entries[entry_key] = result
        self.dirty = True

    def save(self, keep: set[str]) -> bool:
        """Write the cache, keeping only the entries still in use, so it never grows without end.

        Returns:
            Whether it was written. A folder that cannot be written (a read-only
            checkout, a full disk) only makes the next run slower, so it is not
            an error: the check and the build go on.
        """
        if self.path is None or (not self.dirty and set(self.entries) <= keep):
            return False
        entries = {k: v for k, v in self.entries.items() if k in keep}
        data = {"format": _FORMAT, "package": __version__, "version": self.version, "entries": entries}
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.stem}.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(json.dumps(data, separators=(",", ":")))  # json.dump would encode in Python, not C: seconds at 40 MB
            os.replace(tmp, self.path)
        except OSError:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            return False
        return True
