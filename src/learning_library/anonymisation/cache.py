"""Results of the anonymisation check, kept per file so unchanged files are never scanned again.

A result is keyed by the file's exact contents, the policy's fingerprint, the
model and the version of this package: change any of them and the file is
scanned afresh. The cache itself is :class:`learning_library.cache.ResultCache`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..cache import installed_versions


def engine_version(model: str) -> str:
    """Name the model and libraries from their installed metadata, without importing them (which takes seconds).

    A model that is not installed gets a version no cache entry has, so every
    file is scanned and the scan fails closed on loading the model.
    """
    return "/".join([f"recognizers-{_code_fingerprint()}", *installed_versions((model, "spacy", "presidio-analyzer"))])


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
