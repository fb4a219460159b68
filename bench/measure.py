"""Building a site in a child process and measuring it: wall and CPU time, peak memory, what it wrote.

Used by ``bench/build.py`` for both sides of the comparison, so that they are measured alike.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

STDERR_LINES = 40
"""How much of a failed build's error output to show."""


class BuildFailed(Exception):
    """A build exited with an error."""

    def __init__(self, side: str, directory: Path, exit_code: int, stderr_tail: str) -> None:
        """Record what failed, where, and the end of its error output.

        Args:
            side: which build failed.
            directory: where it ran.
            exit_code: its exit status.
            stderr_tail: the last lines of its error output.
        """
        super().__init__(f"the {side} build failed with exit status {exit_code} in {directory}")
        self.side = side
        self.directory = directory
        self.exit_code = exit_code
        self.stderr_tail = stderr_tail


@dataclass(frozen=True)
class Figures:
    """What one build cost and what it wrote."""

    side: str
    documents: int
    seconds: float
    cpu_seconds: float
    peak_rss_bytes: int
    output_bytes: int
    html_pages: int
    html_bytes: int
    search_index_bytes: int | None

    @property
    def kb_per_page(self) -> float:
        """Average size of an HTML page, in KB."""
        return self.html_bytes / self.html_pages / 1024 if self.html_pages else 0.0

    def as_json(self) -> dict[str, Any]:
        """The figures, with the derived ones, for ``--json``."""
        return {**asdict(self), "kb_per_page": round(self.kb_per_page, 2)}


def _peak_rss_bytes(ru_maxrss: int) -> int:
    """``ru_maxrss`` in bytes: Linux reports KB, macOS bytes."""
    return ru_maxrss if sys.platform == "darwin" else ru_maxrss * 1024


def run_build(side: str, directory: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """Run ``mkdocs build --quiet`` in ``directory`` in a child process.

    The child is reaped with ``os.wait4`` so that its own peak memory is
    measured, not this process's. Output goes to files beside the site, not to
    pipes, so a chatty build can neither block nor skew the timing.

    Returns:
        Wall time in seconds; CPU seconds (user and system, of the build and
        the worker and indexing processes it waited for: on a shared machine
        this moves much less than wall time); the child's peak resident
        memory in bytes.

    Raises:
        BuildFailed: the build exited with an error.
    """
    logs = directory.parent / "logs"
    logs.mkdir(exist_ok=True)
    stdout_path, stderr_path = logs / f"{directory.name}.stdout", logs / f"{directory.name}.stderr"
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
    with stdout_path.open("wb") as stdout, stderr_path.open("wb") as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=directory, env=env, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    # wait4 reaped the child; tell Popen so it does not try again.
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        lines = stderr_path.read_text(encoding="utf-8", errors="replace").splitlines()
        raise BuildFailed(side, directory, process.returncode, "\n".join(lines[-STDERR_LINES:]))
    return seconds, usage.ru_utime + usage.ru_stime, _peak_rss_bytes(usage.ru_maxrss)


def measure_site(site: Path) -> tuple[int, int, int, int | None]:
    """Sizes of a built site.

    Returns:
        Total bytes, number of HTML pages, bytes of HTML, and bytes of the
        search index: Material's ``search/search_index.json`` (which every
        visitor downloads whole) or the project's ``pagefind/`` folder (of which
        a visitor downloads only the fragments a query needs); ``None`` if neither.
    """
    total = pages = html = 0
    for root, _dirs, files in os.walk(site):
        for name in files:
            size = os.path.getsize(os.path.join(root, name))
            total += size
            if name.endswith(".html"):
                pages += 1
                html += size
    index = site / "search" / "search_index.json"
    if index.is_file():
        return total, pages, html, index.stat().st_size
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        return total, pages, html, sum(p.stat().st_size for p in pagefind.rglob("*") if p.is_file())
    return total, pages, html, None


OPEN_OUTPUTS = (
    ("catalogue.json", "catalogue.json"),
    ("catalogue.schema.json", "catalogue.schema.json"),
    ("feed.xml (all publications)", "feed.xml"),
    ("feeds/ (a feed per theme and per type)", "feeds"),
    ("packs/ (team packs and their index, HTML)", "packs"),
    ("open-data/ (the page, HTML)", "open-data"),
)
"""The open data, feeds and team packs a project build writes, by where they are in the site."""


def open_outputs(site: Path) -> list[tuple[str, int, int, int]]:
    """Each of :data:`OPEN_OUTPUTS`: its name, how many files, their bytes, and the largest file's bytes."""
    rows = []
    for name, relative in OPEN_OUTPUTS:
        path = site / relative
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        sizes = [p.stat().st_size for p in files]
        rows.append((name, len(sizes), sum(sizes), max(sizes, default=0)))
    return rows


def format_open_outputs(site: Path) -> str:
    """:func:`open_outputs` as a table to print."""
    lines = [f"{'output':<46}{'files':>7}{'KB':>10}{'largest KB':>12}"]
    for name, count, total, largest in open_outputs(site):
        lines.append(f"{name:<46}{count:>7}{total / 1024:>10.1f}{largest / 1024:>12.1f}")
    return "\n".join(lines)
