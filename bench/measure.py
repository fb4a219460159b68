"""Building a site in a child process and measuring it: wall and CPU time, peak memory, what it wrote.

Used by ``bench/build.py`` for both sides of the comparison, so that they are measured alike.

Peak memory is measured two ways. ``ru_maxrss`` of the build is the peak of
its largest single process; a build is several processes at once (MkDocs, the
check's two forked workers, Pagefind's indexer), and what must fit on a CI
runner is their sum. So a thread samples every process of the build five
times a second, from ``/proc``, and keeps the largest sum of their
proportional set sizes (PSS: memory shared between forked processes counted
once, split between them), and of their resident sizes (RSS: shared memory
counted in each, an upper bound).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
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
    """The peak resident memory of the build's largest single process (``ru_maxrss``)."""
    peak_tree_pss_bytes: int | None
    """The peak of the summed PSS of every process of the build, sampled; None where ``/proc`` cannot tell."""
    peak_tree_rss_bytes: int | None
    """The peak of the summed RSS of every process of the build, sampled (shared pages counted in each process)."""
    output_bytes: int
    html_pages: int
    html_bytes: int
    search_index_bytes: int | None
    largest_page: str
    """The largest HTML page, relative to the site (a page a visitor must download whole)."""
    largest_page_bytes: int

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


SAMPLE_SECONDS = 0.2
"""How often the memory of the build's processes is sampled."""

_PROC = Path("/proc")


class TreeMemory:
    """Samples the summed memory of a process and all its descendants until stopped (Linux's ``/proc``; elsewhere nothing)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_pss = 0
        self.peak_rss = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="memory-sampler", daemon=True)

    def __enter__(self) -> TreeMemory:
        if (_PROC / "self" / "smaps_rollup").is_file():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    @property
    def figures(self) -> tuple[int | None, int | None]:
        """The peak summed PSS and RSS in bytes, or ``(None, None)`` if nothing was sampled."""
        return (self.peak_pss, self.peak_rss) if self.samples else (None, None)

    def _run(self) -> None:
        while not self._stop.is_set():
            pss, rss = self._sample()
            if rss:
                self.samples += 1
                self.peak_pss, self.peak_rss = max(self.peak_pss, pss), max(self.peak_rss, rss)
            self._stop.wait(SAMPLE_SECONDS)

    def _sample(self) -> tuple[int, int]:
        pss = rss = 0
        for pid in self._tree():
            try:
                for line in (_PROC / str(pid) / "smaps_rollup").read_text().splitlines():
                    name, _, value = line.partition(":")
                    if name == "Pss":
                        pss += int(value.split()[0]) * 1024
                    elif name == "Rss":
                        rss += int(value.split()[0]) * 1024
            except (OSError, ValueError, IndexError):
                continue  # the process ended between listing and reading
        return pss, rss

    def _tree(self) -> list[int]:
        """The build's process and every descendant alive now."""
        children: dict[int, list[int]] = {}
        for entry in _PROC.iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The command name, in brackets, may hold spaces: the parent's pid is the second field after it.
            fields = stat[stat.rfind(")") + 2 :].split()
            if len(fields) > 1:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
        tree, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo += children.get(pid, [])
        return tree


def run_build(side: str, directory: Path, env: dict[str, str]) -> tuple[float, float, int, int | None, int | None]:
    """Run ``mkdocs build --quiet`` in ``directory`` in a child process.

    The child is reaped with ``os.wait4`` so that its own peak memory is
    measured, not this process's. Output goes to files beside the site, not to
    pipes, so a chatty build can neither block nor skew the timing.

    Returns:
        Wall time in seconds; CPU seconds (user and system, of the build and
        the worker and indexing processes it waited for: on a shared machine
        this moves much less than wall time); the peak resident memory of its
        largest process in bytes; the peak summed PSS and RSS of all its
        processes (:class:`TreeMemory`), or None where they cannot be sampled.

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
        with TreeMemory(process.pid) as memory:
            _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    # wait4 reaped the child; tell Popen so it does not try again.
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        lines = stderr_path.read_text(encoding="utf-8", errors="replace").splitlines()
        raise BuildFailed(side, directory, process.returncode, "\n".join(lines[-STDERR_LINES:]))
    return seconds, usage.ru_utime + usage.ru_stime, _peak_rss_bytes(usage.ru_maxrss), *memory.figures


@dataclass(frozen=True)
class Site:
    """Sizes of a built site."""

    total_bytes: int
    html_pages: int
    html_bytes: int
    search_index_bytes: int | None
    """Material's ``search/search_index.json`` (which every visitor downloads whole) or the project's
    ``pagefind/`` folder (of which a visitor downloads only the fragments a query needs); None if neither."""
    largest_page: str
    largest_page_bytes: int


def measure_site(site: Path) -> Site:
    """Sizes of a built site: everything, the HTML pages and the largest of them, and the search index."""
    total = pages = html = largest_bytes = 0
    largest = ""
    for root, _dirs, files in os.walk(site):
        for name in files:
            path = os.path.join(root, name)
            size = os.path.getsize(path)
            total += size
            if name.endswith(".html"):
                pages += 1
                html += size
                if size > largest_bytes:
                    largest, largest_bytes = os.path.relpath(path, site), size
    index: int | None = None
    if (site / "search" / "search_index.json").is_file():
        index = (site / "search" / "search_index.json").stat().st_size
    elif (site / "pagefind").is_dir():
        index = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    return Site(total, pages, html, index, largest, largest_bytes)


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
