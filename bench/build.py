"""Build-time benchmark: the project's build against plain mkdocs-material.

A partnership's library grows by a few dozen documents a year, but a site whose
every page lists every other page grows with the square of the library: each
new document makes every page bigger. The project keeps individual documents
out of the nav and builds indexes instead, and this benchmark checks that the
choice pays off, on the same Markdown, in the same run, on the same machine:

- ``project``: the library built with the repository's ``mkdocs.yml`` and
  hooks, nothing cached: the first build, whose anonymisation check reads
  every word with a language model.
- ``project-rebuild``: the same library built again with its cache (check
  results and rendered pages), as ``mkdocs serve`` and CI with its cache
  restored build it.
- ``project-pages-afresh``: the project again with the check's results kept
  but no rendered page kept: what building the site itself costs.
- ``plain``: the same reviews and briefings in a plain mkdocs-material site with
  ``search`` and ``tags``, ``themes:`` renamed ``tags:`` and an explicit nav
  listing every page, which is what a partnership gets without the project.

Each build runs in its own process; the figures are wall time, the child's peak
resident memory, and the size of what it wrote (the whole site, the HTML pages,
the search index). ``--scaling`` builds only the project at N and 2N documents:
a build that grows linearly takes about twice as long at 2N, and the target is
at most 2.2 times.

Usage::

    .venv/bin/python bench/build.py --docs 300
    .venv/bin/python bench/build.py --docs 300 --only plain --json bench/out/build.json
    .venv/bin/python bench/build.py --docs 150 --scaling
    .venv/bin/python bench/build.py --docs 60 --keep bench/out/libraries

Exit status: 0 figures printed; 1 a build failed (the last lines of its error
output are shown); 2 the benchmark could not run (bad arguments, nothing to build).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

# Run as a script (``python bench/build.py``), this folder is already on the path;
# run any other way (``python -m bench.build``), it is not.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from learning_library.cache import cache_file
from learning_library.mkdocs.render import RENDER_CACHE
from measure import STDERR_LINES, BuildFailed, Figures, format_open_outputs, measure_site, run_build
from plain_site import BenchError, make_plain_library
from synthetic import REPO_ROOT, generate_library, repository_hooks

SCALING_TARGET = 2.2
"""The most a project build at 2N documents may take, as a multiple of N."""

BRIEFINGS_PER_REVIEW = 5
"""One briefing for every five reviews, about the mix a partnership publishes."""

MARKER = ".bench-build"
"""Marks a ``--keep`` folder as this benchmark's, so a rerun may empty it and
nothing else is ever deleted."""

# --------------------------------------------------------------------------
# Preparing the two sites
# --------------------------------------------------------------------------


def why_no_project_build() -> str | None:
    """Why the project side cannot be built yet, or ``None`` if it can.

    The hooks bring reviews and briefings into the build; without them the
    project's build would measure an empty site.
    """
    hooks = repository_hooks()
    if not hooks:
        return f"{REPO_ROOT / 'mkdocs.yml'} names no hooks"
    missing = [str(hook) for hook in hooks if not hook.is_file()]
    if missing:
        return f"the project's hooks are not written yet ({', '.join(missing)} missing)"
    return None


# --------------------------------------------------------------------------
# Building and measuring
# --------------------------------------------------------------------------


def build_side(side: str, directory: Path, documents: int) -> Figures:
    """Build one site and measure it.

    The project's build gets the repository's ``src/`` on ``PYTHONPATH``, so its
    hooks can import the project's package before it is installed.
    """
    # Material's end-of-life banner would otherwise open every failed build's error output.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if side.startswith("project"):
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT / "src"), env.get("PYTHONPATH")]))
    print(f"Building {side} ({documents} documents) ...", flush=True)
    seconds, cpu, peak = run_build(side, directory, env)
    total, pages, html, index = measure_site(directory / "site")
    if side.startswith("project"):
        print(
            f"\nOpen data, feeds and team packs of {side} ({documents} documents):\n{format_open_outputs(directory / 'site')}\n", flush=True
        )
    return Figures(side, documents, seconds, cpu, peak, total, pages, html, index)


# --------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------

MB = 1024 * 1024


def format_table(figures: Sequence[Figures]) -> str:
    """The figures as a fixed-width table, one build a row."""
    header = ("side", "docs", "seconds", "CPU s", "output MB", "pages", "KB/page", "peak MB", "search index MB")
    rows = [
        (
            item.side,
            str(item.documents),
            f"{item.seconds:.2f}",
            f"{item.cpu_seconds:.1f}",
            f"{item.output_bytes / MB:.1f}",
            str(item.html_pages),
            f"{item.kb_per_page:.1f}",
            f"{item.peak_rss_bytes / MB:.0f}",
            "-" if item.search_index_bytes is None else f"{item.search_index_bytes / MB:.2f}",
        )
        for item in figures
    ]
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(width) if column == 0 else cell.rjust(width) for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def ratios(project: Figures, plain: Figures) -> dict[str, float]:
    """Project divided by plain: below 1 means the project costs less."""
    return {
        "seconds": project.seconds / plain.seconds,
        "output_bytes": project.output_bytes / plain.output_bytes,
        "peak_rss_bytes": project.peak_rss_bytes / plain.peak_rss_bytes,
    }


def _environment() -> dict[str, Any]:
    """Where the figures were measured, so figures from two machines are not compared by mistake."""
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()}


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"\nFigures written to {path}")


# --------------------------------------------------------------------------
# Runs
# --------------------------------------------------------------------------


@contextlib.contextmanager
def workspace(keep: Path | None) -> Iterator[Path]:
    """A folder for the libraries and sites: temporary, or ``--keep DIR``.

    A kept folder is emptied only if this benchmark made it (it holds the
    marker file), so a mistyped path cannot delete someone's work.
    """
    if keep is None:
        with tempfile.TemporaryDirectory(prefix="learning-library-bench-") as name:
            yield Path(name)
        return
    keep = keep.resolve()
    if keep.exists() and any(keep.iterdir()):
        if not (keep / MARKER).is_file():
            raise BenchError(f"{keep} is not empty and was not made by this benchmark; give an empty or new folder")
        for child in keep.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    keep.mkdir(parents=True, exist_ok=True)
    (keep / MARKER).write_text("Made by bench/build.py; emptied on each run with --keep.\n", encoding="utf-8")
    yield keep
    print(f"\nLibraries and sites kept in {keep}")


def _generate(dest: Path, docs: int, seed: int) -> tuple[int, int]:
    """Write a library of ``docs`` reviews and a fifth as many briefings."""
    reviews, briefings = docs, docs // BRIEFINGS_PER_REVIEW
    start = time.perf_counter()
    generate_library(dest, reviews, briefings, seed=seed)
    print(
        f"Generated {reviews} reviews and {briefings} briefings in {time.perf_counter() - start:.1f} s ({dest})",
        flush=True,
    )
    return reviews, briefings


def compare(root: Path, docs: int, seed: int, only: str | None, json_path: Path | None) -> int:
    """Build the project and the plain baseline on one library and print both."""
    reason = why_no_project_build()
    want_project = only in (None, "project")
    if want_project and reason:
        print(f"Note: skipping the project build: {reason}.")
        want_project = False
        if only == "project":
            return 2
    reviews, briefings = _generate(root / "project", docs, seed)
    figures: list[Figures] = []
    if want_project:
        # First build: nothing cached, so the anonymisation check scans every document.
        figures.append(build_side("project", root / "project", reviews + briefings))
        # Rebuild of the unchanged library, as in `mkdocs serve` or CI with its cache restored.
        figures.append(build_side("project-rebuild", root / "project", reviews + briefings))
        # The site's own cost without the anonymisation check: check results kept, every page rendered afresh.
        cache_file(root / "project", RENDER_CACHE).unlink(missing_ok=True)  # small sites are not cached
        figures.append(build_side("project-pages-afresh", root / "project", reviews + briefings))
    if only in (None, "plain"):
        make_plain_library(root / "project", root / "plain")
        figures.append(build_side("plain", root / "plain", reviews + briefings))

    print()
    print(format_table(figures))
    by_side = {item.side: item for item in figures}
    result: dict[str, Any] = {
        "benchmark": "build",
        "library": {"reviews": reviews, "briefings": briefings, "seed": seed},
        "environment": _environment(),
        "builds": [item.as_json() for item in figures],
    }
    for side in ("project", "project-rebuild", "project-pages-afresh"):
        if side in by_side and "plain" in by_side:
            result[f"{side}_over_plain"] = relative = ratios(by_side[side], by_side["plain"])
            print(
                f"\n{side}/plain: time {relative['seconds']:.2f}x, output size {relative['output_bytes']:.2f}x, "
                f"peak memory {relative['peak_rss_bytes']:.2f}x"
            )
    if json_path:
        _write_json(json_path, result)
    return 0


def scaling(root: Path, docs: int, seed: int, json_path: Path | None) -> int:
    """Build the project at N and 2N documents and compare the times."""
    reason = why_no_project_build()
    if reason:
        print(f"Note: cannot measure scaling: {reason}.")
        return 2
    figures = []
    for size in (docs, 2 * docs):
        reviews, briefings = _generate(root / f"project-{size}", size, seed)
        figures.append(build_side(f"project-{size}", root / f"project-{size}", reviews + briefings))
        figures.append(build_side(f"project-{size}-rebuild", root / f"project-{size}", reviews + briefings))
    cold = figures[2].seconds / figures[0].seconds
    print(f"\n2N/N time, first builds (every document scanned for personal data): {cold:.2f}x")
    ratio = figures[3].seconds / figures[1].seconds
    verdict = "meets" if ratio <= SCALING_TARGET else "MISSES"
    print()
    print(format_table(figures))
    print(f"2N/N time, rebuilds: {ratio:.2f}x ({verdict} the target of at most {SCALING_TARGET}x)")
    print(f"2N/N CPU time, rebuilds: {figures[3].cpu_seconds / figures[1].cpu_seconds:.2f}x (less swayed by other work on the machine)")
    if json_path:
        _write_json(
            json_path,
            {
                "benchmark": "build-scaling",
                "seed": seed,
                "environment": _environment(),
                "builds": [item.as_json() for item in figures],
                "ratio_2n_over_n": ratio,
                "ratio_2n_over_n_first_builds": cold,
                "target": SCALING_TARGET,
                "meets_target": ratio <= SCALING_TARGET,
            },
        )
    return 0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line; ``--help`` explains each option."""
    parser = argparse.ArgumentParser(
        description="Time the project's build against plain mkdocs-material on a synthetic library.",
        epilog="Example: .venv/bin/python bench/build.py --docs 300 --json bench/out/build.json",
    )
    parser.add_argument("--docs", type=int, required=True, metavar="N", help="reviews to generate (plus N//5 briefings)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the libraries and sites in DIR")
    parser.add_argument("--only", choices=("project", "plain"), help="build only one side")
    parser.add_argument("--scaling", action="store_true", help="build only the project, at N and 2N, and compare")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures to FILE")
    parser.add_argument("--seed", type=int, default=1, help="seed for the synthetic library (default 1)")
    args = parser.parse_args(argv)
    if args.docs < 1:
        parser.error("--docs must be at least 1")
    if args.scaling and args.only == "plain":
        parser.error("--scaling builds only the project; leave out --only plain")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and return the exit status."""
    args = parse_args(argv)
    try:
        with workspace(args.keep) as root:
            if args.scaling:
                return scaling(root, args.docs, args.seed, args.json)
            return compare(root, args.docs, args.seed, args.only, args.json)
    except BuildFailed as error:
        print(f"\nError: {error}. Last {STDERR_LINES} lines of its error output:\n", file=sys.stderr)
        print(error.stderr_tail or "(no error output)", file=sys.stderr)
        if args.keep is None:
            print("\nRerun with --keep DIR to keep the library, the site and the full logs.", file=sys.stderr)
        return 1
    except (BenchError, FileExistsError, ValueError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
