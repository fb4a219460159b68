"""Labelled sets for the anonymisation check: loading them and scoring a detector against them.

Shared by ``bench/anonymisation.py`` (which prints the figures beside plain
Presidio's) and ``tests/test_anonymisation_accuracy.py`` (the guard in ``make
test`` that fails when recall falls or false alarms rise).

A set is a folder with ``documents/`` (``clean-*.md`` hold no personal data,
the others have identifiers planted in them) and ``labels.yml`` (every
occurrence of a label's text in its file is planted). Scoring:

- recall per kind: the share of planted identifiers that an error-severity
  finding overlaps ("caught": publication is blocked and the author is
  pointed at the place), and the share it covers entirely;
- false alarms: error-severity findings in the clean documents, per 1,000 of
  their words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from learning_library.anonymisation import Target
from learning_library.anonymisation.scanner import published_text
from learning_library.content import parse_document
from learning_library.findings import Finding
from learning_library.vocabulary import load_vocabulary

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
SETS = {
    "synthetic": DATA / "anonymisation",
    "synthetic-holdout": DATA / "anonymisation-holdout",
    "natural": DATA / "anonymisation-natural",
    "real-style": DATA / "anonymisation-real",
    "real-style-2": DATA / "anonymisation-real-2",
    "real-style-3": DATA / "anonymisation-real-3",
    "real-style-holdout": DATA / "anonymisation-real-holdout",
}
"""Each set and its folder. ``*-holdout`` sets were written by someone who never saw the check's rules: measure on them, never tune."""

WARNING_KINDS = frozenset({"LOCATION"})
"""Kinds the policy reports as warnings: their recall is shown but not part of the targets."""


@dataclass(frozen=True)
class Planted:
    file: str
    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sample:
    name: str
    target: Target
    text: str
    """What the site publishes, markup blanked: what both detectors see."""
    words: int
    clean: bool


@dataclass(frozen=True)
class LabelledSet:
    name: str
    samples: list[Sample]
    planted: list[Planted]

    @property
    def clean_words(self) -> int:
        return sum(s.words for s in self.samples if s.clean)

    @property
    def words(self) -> int:
        return sum(s.words for s in self.samples)


@dataclass
class Score:
    """How a detector did on one set."""

    recall: dict[str, tuple[int, int, int]]
    """Per kind: (planted, caught, covered whole)."""
    false_alarms: list[tuple[str, int, int, str, str]] = field(default_factory=list)
    """Error findings in clean documents: (file, start, end, entity, text)."""
    missed: list[Planted] = field(default_factory=list)
    clean_words: int = 0

    def direct(self) -> tuple[int, int, int]:
        """(planted, caught, whole) over the kinds that must block."""
        rows = [v for k, v in self.recall.items() if k not in WARNING_KINDS]
        return sum(r[0] for r in rows), sum(r[1] for r in rows), sum(r[2] for r in rows)

    @property
    def direct_recall(self) -> float:
        total, caught, _ = self.direct()
        return caught / total if total else 1.0

    @property
    def false_alarms_per_1000(self) -> float:
        return 1000 * len(self.false_alarms) / self.clean_words if self.clean_words else 0.0


def available() -> dict[str, Path]:
    """The sets present in this checkout."""
    return {name: folder for name, folder in SETS.items() if (folder / "labels.yml").exists()}


def load(name: str, folder: Path | None = None) -> LabelledSet:
    folder = folder or SETS[name]
    vocabulary = load_vocabulary(REPO / "themes.yml")
    samples = []
    for path in sorted((folder / "documents").glob("*.md")):
        # Each file is named with its set, so that findings over several sets at once stay apart.
        document, findings = parse_document(path, f"{name}/{path.name}", vocabulary)
        if document is None:
            raise SystemExit(f"{path}: does not parse: {[f.message for f in findings]}")
        target = Target(document.source, document.pseudonyms, document.allow, document.published)
        text = published_text(document.source)
        samples.append(Sample(path.name, target, text, len(text.split()), path.name.startswith("clean")))
    planted = []
    by_name = {s.name: s for s in samples}
    for label in yaml.safe_load((folder / "labels.yml").read_text(encoding="utf-8")) or []:
        source = by_name[label["file"]].target.source.text
        for match in re.finditer(r"(?<!\w)" + re.escape(label["text"]) + r"(?!\w)", source):
            planted.append(Planted(label["file"], label["kind"], match.start(), match.end(), label["text"]))
    return LabelledSet(name, samples, planted)


def spans_of(findings: Iterable[Finding], labelled: LabelledSet) -> dict[str, list[tuple[int, int, str, str]]]:
    """Error findings as ``(start, end, entity, text)`` offsets in each file's text."""
    sources = {s.target.source.display: s for s in labelled.samples}
    spans: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for f in findings:
        if f.blocks and f.entity and f.path in sources:
            text = sources[f.path].target.source.text
            start = _offset(text, f.line, f.column)
            end = _offset(text, f.end_line or f.line, f.end_column or f.column)
            spans[sources[f.path].name].append((start, end, f.entity, f.text or text[start:end]))
    return spans


def _offset(text: str, line: int, column: int) -> int:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts[line - 1] + column - 1


def score(labelled: LabelledSet, spans: dict[str, list[tuple[int, int, str, str]]]) -> Score:
    """Score error spans (offsets in each file's text) against a set's labels."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    missed = []
    for p in labelled.planted:
        overlapping = [(a, b) for a, b, _, _ in spans.get(p.file, []) if a < p.end and p.start < b]
        covered = {i for a, b in overlapping for i in range(max(a, p.start), min(b, p.end))}
        needed = {i for i in range(p.start, p.end) if p.text[i - p.start].isalnum()}
        row = table[p.kind]
        row[0] += 1
        row[1] += bool(overlapping)
        row[2] += needed <= covered
        if not overlapping:
            missed.append(p)
    false_alarms = [(s.name, a, b, entity, text) for s in labelled.samples if s.clean for a, b, entity, text in spans.get(s.name, [])]
    return Score({k: (v[0], v[1], v[2]) for k, v in table.items()}, false_alarms, missed, labelled.clean_words)
