"""The anonymisation check: personal data must not reach the published library.

- :mod:`.entities`: what counts as personal data, with the message for each kind;
- :mod:`.recognizers`: the Presidio recognizers that find them in UK reviews (:mod:`.identifiers`, :mod:`.dates`, :mod:`.places`, :mod:`.people` on :mod:`.regex_recognizer`);
- :mod:`.names`, :mod:`.wordlists`, :mod:`.citations`, :mod:`.public`: the rules and word knowledge that tell names from roles, agencies, cited research and public names;
- :mod:`.acceptance` and :mod:`.phrases`: a detection minus what is declared or public, judged again;
- :mod:`.file_names`: a first name in a published file's name, which is its address;
- :mod:`.policy`: the site's ``anonymisation.yml``: severities, thresholds, allow list;
- :mod:`.engine`: Presidio over a spaCy model trimmed to its NER, loaded once, failing closed;
- :mod:`.keys`: cache keys that cover everything deciding a result, so unchanged files are never scanned again;
- :mod:`.scanner`: what is scanned, what is accepted, and the findings.
"""

from __future__ import annotations

from ..library import Library
from .policy import Policy, load_policy
from .scanner import Suppression, Target, scan

__all__ = ["Policy", "Suppression", "Target", "load_policy", "scan", "targets"]


def targets(library: Library) -> list[Target]:
    """Everything in a library that will be published, with what each file declares acceptable."""
    found = [Target(d.source, d.pseudonyms, d.allow, d.published) for d in library.documents]
    found += [Target(p.source, p.pseudonyms, p.allow) for p in library.pages]
    found += [Target(source, declared) for source, declared in library.rejected]
    return found
