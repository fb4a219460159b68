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

Each build runs in its own process; the figures are wall time, peak memory
(of the largest process, and of all the build's processes together, sampled:
see ``measure.py``), and the size of what it wrote (the whole site, the HTML
pages and the largest of them, the search index). The project's first build is
held to a peak of :data:`MEMORY_TARGET` for the whole build and every page to
at most :data:`PAGE_TARGET`.

``--docs N`` is N reviews and N/5 briefings (``--docs 1200`` is 1,440
documents); ``--docs R+B`` names both (``--docs 4200+800`` is 5,000).
``--scaling`` builds only the project, at ``--docs`` and at ``--to`` (twice
as many by default), and compares the rebuilds: a build that grows linearly
takes as many times longer as it has times more documents, and the target
allows a tenth more than that.

Usage::

    .venv/bin/python bench/build.py --docs 300
    .venv/bin/python bench/build.py --docs 4200+800 --only project
    .venv/bin/python bench/build.py --docs 300 --only plain --json bench/out/build.json
    .venv/bin/python bench/build.py --docs 150 --scaling
    .venv/bin/python bench/build.py --docs 1200 --scaling --to 4200+800
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

SCALING_SLACK = 1.1
"""The most a rebuild of a library k times larger may take, as a multiple of k times the smaller one's (2.2 at twice the size)."""

MEMORY_TARGET = 3 * 1024**3
"""The most memory the whole build may use at its peak: with room to spare on a 7 GB CI runner."""

PAGE_TARGET = 500 * 1024
"""The largest a generated page may be: a visitor downloads it whole."""

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
    seconds, cpu, peak, tree_pss, tree_rss = run_build(side, directory, env)
    site = measure_site(directory / "site")
    if side.startswith("project"):
        print(
            f"\nOpen data, feeds and team packs of {side} ({documents} documents):\n{format_open_outputs(directory / 'site')}\n", flush=True
        )
    return Figures(
        side,
        documents,
        seconds,
        cpu,
        peak,
        tree_pss,
        tree_rss,
        site.total_bytes,
        site.html_pages,
        site.html_bytes,
        site.search_index_bytes,
        site.largest_page,
        site.largest_page_bytes,
    )


# --------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------

MB = 1024 * 1024


def _mb(value: int | None) -> str:
    return "-" if value is None else f"{value / MB:.0f}"


def format_table(figures: Sequence[Figures]) -> str:
    """The figures as a fixed-width table, one build a row."""
    header = (
        "side",
        "docs",
        "seconds",
        "CPU s",
        "output MB",
        "pages",
        "KB/page",
        "largest KB",
        "peak MB",
        "all PSS MB",
        "all RSS MB",
        "index MB",
    )
    rows = [
        (
            item.side,
            str(item.documents),
            f"{item.seconds:.2f}",
            f"{item.cpu_seconds:.1f}",
            f"{item.output_bytes / MB:.1f}",
            str(item.html_pages),
            f"{item.kb_per_page:.1f}",
            f"{item.largest_page_bytes / 1024:.0f}",
            _mb(item.peak_rss_bytes),
            _mb(item.peak_tree_pss_bytes),
            _mb(item.peak_tree_rss_bytes),
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
    lines.append(
        "(peak MB: the largest single process; all PSS/RSS MB: every process of the build together, sampled; largest KB: the largest HTML page)"
    )
    return "\n".join(lines)


def ratios(project: Figures, plain: Figures) -> dict[str, float]:
    """Project divided by plain: below 1 means the project costs less."""
    relative = {
        "seconds": project.seconds / plain.seconds,
        "output_bytes": project.output_bytes / plain.output_bytes,
        "peak_rss_bytes": project.peak_rss_bytes / plain.peak_rss_bytes,
    }
    if project.peak_tree_pss_bytes and plain.peak_tree_pss_bytes:
        relative["peak_tree_pss_bytes"] = project.peak_tree_pss_bytes / plain.peak_tree_pss_bytes
    return relative


def targets(item: Figures) -> list[str]:
    """The project build against the page-size and memory targets, one line each."""
    page = "meets" if item.largest_page_bytes <= PAGE_TARGET else "MISSES"
    lines = [
        f"{item.side}: largest page {item.largest_page_bytes / 1024:.0f} KB ({item.largest_page}): "
        f"{page} the target of at most {PAGE_TARGET // 1024} KB"
    ]
    if item.peak_tree_pss_bytes is not None:
        memory = "meets" if item.peak_tree_pss_bytes <= MEMORY_TARGET else "MISSES"
        lines.append(
            f"{item.side}: peak memory of the whole build {item.peak_tree_pss_bytes / MB:,.0f} MB PSS "
            f"({_mb(item.peak_tree_rss_bytes)} MB RSS): {memory} the target of at most {MEMORY_TARGET / MB:,.0f} MB"
        )
    return lines


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


def _generate(dest: Path, size: tuple[int, int], seed: int) -> tuple[int, int]:
    """Write a library of ``size`` reviews and briefings."""
    reviews, briefings = size
    start = time.perf_counter()
    generate_library(dest, reviews, briefings, seed=seed)
    print(
        f"Generated {reviews} reviews and {briefings} briefings in {time.perf_counter() - start:.1f} s ({dest})",
        flush=True,
    )
    return reviews, briefings


def compare(root: Path, size: tuple[int, int], seed: int, only: str | None, json_path: Path | None) -> int:
    """Build the project and the plain baseline on one library and print both."""
    reason = why_no_project_build()
    want_project = only in (None, "project")
    if want_project and reason:
        print(f"Note: skipping the project build: {reason}.")
        want_project = False
        if only == "project":
            return 2
    reviews, briefings = _generate(root / "project", size, seed)
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
    if "project" in by_side:
        print()
        print("\n".join(line for side in ("project", "project-rebuild") for line in targets(by_side[side])))
        result["largest_page_target_bytes"], result["memory_target_bytes"] = PAGE_TARGET, MEMORY_TARGET
    for side in ("project", "project-rebuild", "project-pages-afresh"):
        if side in by_side and "plain" in by_side:
            result[f"{side}_over_plain"] = relative = ratios(by_side[side], by_side["plain"])
            memory = f", whole-build memory {relative['peak_tree_pss_bytes']:.2f}x" if "peak_tree_pss_bytes" in relative else ""
            print(
                f"\n{side}/plain: time {relative['seconds']:.2f}x, output size {relative['output_bytes']:.2f}x, "
                f"peak memory {relative['peak_rss_bytes']:.2f}x{memory}"
            )
    if json_path:
        _write_json(json_path, result)
    return 0


def scaling(root: Path, small: tuple[int, int], large: tuple[int, int], seed: int, json_path: Path | None) -> int:
    """Build the project at two sizes and compare the times with the sizes."""
    reason = why_no_project_build()
    if reason:
        print(f"Note: cannot measure scaling: {reason}.")
        return 2
    figures = []
    for size in (small, large):
        name = f"project-{sum(size)}"
        reviews, briefings = _generate(root / name, size, seed)
        figures.append(build_side(name, root / name, reviews + briefings))
        figures.append(build_side(f"{name}-rebuild", root / name, reviews + briefings))
    growth = sum(large) / sum(small)
    target = growth * SCALING_SLACK
    cold = figures[2].seconds / figures[0].seconds
    ratio = figures[3].seconds / figures[1].seconds
    cpu_ratio = figures[3].cpu_seconds / figures[1].cpu_seconds
    verdict = "meets" if ratio <= target else "MISSES"
    print()
    print(format_table(figures))
    print()
    for item in figures[2:]:
        print("\n".join(targets(item)))
    print(f"\n{growth:.2f} times the documents ({sum(small)} to {sum(large)}).")
    print(f"First builds (every document scanned for personal data): {cold:.2f} times the time")
    print(f"Rebuilds: {ratio:.2f} times the time ({verdict} the target of at most {target:.2f}, linear growth and a tenth)")
    print(f"Rebuilds: {cpu_ratio:.2f} times the CPU time (less swayed by other work on the machine)")
    if json_path:
        _write_json(
            json_path,
            {
                "benchmark": "build-scaling",
                "seed": seed,
                "environment": _environment(),
                "builds": [item.as_json() for item in figures],
                "documents_ratio": growth,
                "rebuild_ratio": ratio,
                "rebuild_cpu_ratio": cpu_ratio,
                "first_build_ratio": cold,
                "target": target,
                "meets_target": ratio <= target,
            },
        )
    return 0


def library_size(text: str) -> tuple[int, int]:
    """``N`` (N reviews and N/5 briefings) or ``R+B`` (R reviews and B briefings), for ``--docs`` and ``--to``."""
    reviews, plus, briefings = text.partition("+")
    try:
        size = (int(reviews), int(briefings) if plus else int(reviews) // BRIEFINGS_PER_REVIEW)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected N or R+B (reviews+briefings), for example 1200 or 4200+800, but received {text!r}"
        ) from None
    if size[0] < 0 or size[1] < 0 or sum(size) < 1:
        raise argparse.ArgumentTypeError(f"a library needs at least one document and no negative count, but received {text!r}")
    return size


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line; ``--help`` explains each option."""
    parser = argparse.ArgumentParser(
        description="Time the project's build against plain mkdocs-material on a synthetic library.",
        epilog="Example: .venv/bin/python bench/build.py --docs 300 --json bench/out/build.json",
    )
    parser.add_argument(
        "--docs", type=library_size, required=True, metavar="N|R+B", help="N reviews (and N//5 briefings), or R reviews and B briefings"
    )
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the libraries and sites in DIR")
    parser.add_argument("--only", choices=("project", "plain"), help="build only one side")
    parser.add_argument("--scaling", action="store_true", help="build only the project, at --docs and at --to, and compare")
    parser.add_argument("--to", type=library_size, metavar="N|R+B", help="the larger library for --scaling (default: twice --docs)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures to FILE")
    parser.add_argument("--seed", type=int, default=1, help="seed for the synthetic library (default 1)")
    args = parser.parse_args(argv)
    if args.scaling and args.only == "plain":
        parser.error("--scaling builds only the project; leave out --only plain")
    if args.to is not None and not args.scaling:
        parser.error("--to is the larger library of --scaling; add --scaling")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and return the exit status."""
    args = parse_args(argv)
    try:
        with workspace(args.keep) as root:
            if args.scaling:
                large = args.to or (2 * args.docs[0], 2 * args.docs[1])
                return scaling(root, args.docs, large, args.seed, args.json)
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
