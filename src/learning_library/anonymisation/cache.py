"""Results of the anonymisation check, kept per file so unchanged files are never scanned again.

A result is keyed by the file's exact contents, the policy's fingerprint, the
model and the version of this package: change any of them and the file is
scanned afresh. The cache is one JSON file under ``.cache/`` in the library,
written atomically, so a check interrupted half way leaves the old cache whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .. import __version__

CACHE_DIR = ".cache/learning-library"
_FORMAT = 1


def engine_version(model: str) -> str:
    """Name the model and libraries from their installed metadata, without importing them (which takes seconds).

    A model that is not installed gets a version no cache entry has, so every
    file is scanned and the scan fails closed on loading the model.
    """
    from importlib import metadata

    parts = [f"recognizers-{_code_fingerprint()}"]
    for distribution in (model, "spacy", "presidio-analyzer"):
        try:
            parts.append(f"{distribution}-{metadata.version(distribution)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{distribution}-missing")
    return "/".join(parts)


def _code_fingerprint() -> str:
    """A hash of the code and word lists that decide what is detected, so a change to them rescans everything."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    detection = [here / "recognizers.py", here / "names.py", here / "engine.py", here / "scanner.py"]
    for path in sorted([*detection, *here.glob("data/*.txt")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def key(text: str, policy_fingerprint: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"{digest[:32]}-{policy_fingerprint}"


class ResultCache:
    """Raw results per file (detections; for attachments, also what was read from them), turned into findings each run."""

    def __init__(self, root: Path | None, engine_version: str, name: str = "anonymisation") -> None:
        self.path = root / CACHE_DIR / f"{name}.json" if root is not None else None
        self.engine_version = engine_version
        self.entries: dict[str, Any] = {}
        self.dirty = False
        if self.path is not None and self.path.is_file():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}  # a damaged cache is only a slower check
            if data.get("format") == _FORMAT and data.get("package") == __version__ and data.get("engine") == engine_version:
                self.entries = data.get("entries", {})

    def get(self, entry_key: str) -> Any:
        return self.entries.get(entry_key)

    def put(self, entry_key: str, detections: Any) -> None:
        self.entries[entry_key] = detections
        self.dirty = True

    def save(self, keep: set[str]) -> None:
        """Write the cache, keeping only the entries still in use, so it never grows without end."""
        if self.path is None or (not self.dirty and set(self.entries) <= keep):
            return
        entries = {k: v for k, v in self.entries.items() if k in keep}
        data = {"format": _FORMAT, "package": __version__, "engine": self.engine_version, "entries": entries}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.stem}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, separators=(",", ":"))
        os.replace(tmp, self.path)
