"""Search: a Pagefind index of the reviews and briefings, with facets, built after the site.

Material's own search sends the whole index to every visitor and builds it in
the browser, which grows with the library. Pagefind splits the index into
fragments the browser fetches as a query needs them, so the first query costs
the same at 1,200 documents as at 2,400.

What enters the index is decided by markup the generated pages carry (see
:mod:`learning_library.pages.search_page`): only review and briefing pages have
``data-pagefind-body``, so indexes, theme pages and site pages stay out, and
drafts and scheduled documents are never built, so never indexed. The index
is built by the ``pagefind`` binary that the ``pagefind-bin`` package ships:
nothing is downloaded.

Pagefind holds every word of every page in memory until it writes the index,
about 0.6 MB a document, so a regional collection would need more memory
than a CI runner has. A library of more than :data:`DOCUMENTS_PER_PART`
documents is indexed in parts, one Pagefind run after another, each its own
index (the first in ``pagefind/``, the others in ``pagefind/part-2/`` and on).
The search page imports ``pagefind/pagefind.js``; for a library in parts that
file is :data:`MERGING_MODULE`, which hands every call on to Pagefind after
merging the other parts into the first with Pagefind's ``mergeIndex``, so the
search page searches them all as one. Every index also lists its other parts
in :data:`PARTS_FILE` (``[]`` for one part), which a neighbouring library's
search page reads to merge them all (see :mod:`learning_library.regional`).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import LibraryError
from .text import escape_html

INDEX_FOLDER = "pagefind"

DOCUMENTS_PER_PART = 3000
"""The most documents one Pagefind run indexes (about 1.8 GB of its memory); more are indexed in parts of equal size."""

PART_ENVIRONMENT = "LEARNING_LIBRARY_INDEX_PART"
"""Documents per part instead of :data:`DOCUMENTS_PER_PART`, so that tests can make a small library's index in parts."""

PARTS_FILE = "parts.json"
"""In ``pagefind/``: the folders of the index's other parts, relative to it (``["part-2/"]``), for other libraries' search pages."""

SECONDS_PER_RUN = 600
"""How long one Pagefind run may take before the build gives up on it."""

MERGING_MODULE = """/* learning-library: this library's search index is in parts (see search.py), and this file,
 * which the search page imports as Pagefind, searches them as one: it passes every call on to
 * Pagefind (pagefind-core.js) once the other parts are merged into the first, with the options
 * the page gave. */
import * as pagefind from "./pagefind-core.js";

const base = new URL("./", import.meta.url).href;
const parts = PARTS;
let given = {};
let based = null;
let merged = null;

function core() {
  if (!based) based = pagefind.options({ basePath: base });
  return based;
}

function ready() {
  if (!merged) {
    merged = core().then(() => Promise.all(parts.map((part) => pagefind.mergeIndex(new URL(part, base).href, given))));
  }
  return merged;
}

export async function options(settings) {
  given = Object.assign({}, given, settings);
  delete given.basePath;
  await core();
  return pagefind.options(Object.assign({}, settings, { basePath: base }));
}
export async function init() { await ready(); return pagefind.init(); }
export async function search(term, settings) { await ready(); return pagefind.search(term, settings); }
export async function debouncedSearch(term, settings, wait) { await ready(); return pagefind.debouncedSearch(term, settings, wait); }
export async function preload(term, settings) { await ready(); return pagefind.preload(term, settings); }
export async function filters() { await ready(); return pagefind.filters(); }
export async function mergeIndex(path, settings) { await ready(); return pagefind.mergeIndex(path, settings); }
export async function destroy() { based = null; merged = null; return pagefind.destroy(); }
export const createInstance = pagefind.createInstance;
"""
"""``pagefind/pagefind.js`` of a library indexed in parts; ``PARTS`` becomes the list of the other parts' folders."""


class Indexing:
    """Pagefind runs in the background, one after another, writing the index into ``site_dir/pagefind``.

    Started either on the finished site (:func:`index_site`) or, while the site
    builder is still writing pages, on the rendered content of the documents
    (:func:`index_documents`), so indexing runs on the second core meanwhile.
    The runs go one at a time, so memory holds one part's index at most.
    """

    def __init__(self, runs: Sequence[tuple[Path, Path]], site_dir: Path, scratch: Path | None = None) -> None:
        """Start the first run at once (so a missing indexer fails the build now) and the others after it.

        Args:
            runs: ``(folder to index, folder to write the index to)``, the first writing ``site_dir/pagefind``.
            site_dir: the site.
            scratch: a folder of this indexing's own, removed when it ends.

        Raises:
            LibraryError: the indexer could not be started.
        """
        self.scratch = scratch
        self.site_dir = site_dir
        self.parts = [output for _, output in runs]
        self._error: str | None = None
        self._stopped = False
        self._lock = threading.Lock()
        try:
            self.process = self._start(*runs[0])
        except OSError as exc:
            self._clean()
            raise LibraryError(f"the search index could not be built ({exc}); run `make test` to reinstall") from None
        self._thread = threading.Thread(target=self._run, args=(list(runs),), name="search-index", daemon=True)
        self._thread.start()

    @staticmethod
    def _start(source: Path, output: Path) -> subprocess.Popen[str]:
        command = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(output)]
        # The permalink after each heading ("¶") is not text: left in, it shows in the results' excerpts.
        command += ["--force-language", "en", "--exclude-selectors", ".headerlink", "--silent"]
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def _run(self, runs: list[tuple[Path, Path]]) -> None:
        """Wait for each run and start the next; the first failure is kept for :meth:`wait`."""
        for number, (source, output) in enumerate(runs):
            if number:
                with self._lock:
                    if self._stopped:
                        return
                    try:
                        self.process = self._start(source, output)
                    except OSError as exc:
                        self._error = f"the search index could not be built ({exc}); run `make test` to reinstall"
                        return
            try:
                out, err = self.process.communicate(timeout=SECONDS_PER_RUN)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.communicate()
                self._error = f"the search index took more than {SECONDS_PER_RUN // 60} minutes and was stopped"
                return
            if self.process.returncode != 0:
                detail = (err or out).strip().splitlines()
                self._error = f"the search index could not be built: {detail[-1] if detail else 'pagefind failed'}"
                return

    def wait(self) -> None:
        """Wait for the index, and make its parts one search.

        Raises:
            LibraryError: the indexer failed; the message says why.
        """
        try:
            self._thread.join()
            if self._error is not None and not self._stopped:
                raise LibraryError(self._error)
            index = self.site_dir / INDEX_FOLDER
            others = [part.relative_to(index).as_posix() + "/" for part in self.parts[1:]]
            if others:
                _merge_parts(index, others)
            (index / PARTS_FILE).write_text(json.dumps(others), encoding="utf-8")
        finally:
            self._clean()

    def stop(self) -> None:
        """Abandon the index (the build failed)."""
        with self._lock:
            self._stopped = True
            if self.process.poll() is None:
                self.process.kill()
        self._thread.join()
        self._clean()

    def _clean(self) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)


def _merge_parts(index: Path, others: Sequence[str]) -> None:
    """Put :data:`MERGING_MODULE` where the search page imports Pagefind, Pagefind itself beside it."""
    (index / "pagefind.js").replace(index / "pagefind-core.js")
    (index / "pagefind.js").write_text(MERGING_MODULE.replace("PARTS", json.dumps(others)), encoding="utf-8")


def documents_per_part() -> int:
    """:data:`DOCUMENTS_PER_PART`, or the number in :data:`PART_ENVIRONMENT`."""
    return max(1, int(os.environ.get(PART_ENVIRONMENT) or DOCUMENTS_PER_PART))


def index_site(site_dir: Path) -> Indexing:
    """Start indexing a finished site."""
    return Indexing([(site_dir, site_dir / INDEX_FOLDER)], site_dir)


def index_documents(documents: Iterable[tuple[str, str, str]], site_dir: Path) -> Indexing:
    """Start indexing documents from their rendered content while the site is still being written.

    Args:
        documents: ``(path of the page under the site, title, content HTML)``,
            for example ``("reviews/2024-child-ruby/index.html", ...)``; Pagefind
            takes each result's address from the path.
        site_dir: the site, where the index is written.
    """
    pages = list(documents)
    count = max(1, math.ceil(len(pages) / documents_per_part()))
    scratch = Path(tempfile.mkdtemp(prefix="learning-library-index-"))
    runs = []
    for number in range(1, count + 1):
        folder = scratch / f"part-{number}"
        for path, title, content in pages[(number - 1) * len(pages) // count : number * len(pages) // count]:
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(
                f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape_html(title)}</title></head>'
                f"<body><main data-pagefind-body><h1>{escape_html(title)}</h1>{content}</main></body></html>",
                encoding="utf-8",
            )
        folder.mkdir(parents=True, exist_ok=True)
        output = site_dir / INDEX_FOLDER if number == 1 else site_dir / INDEX_FOLDER / f"part-{number}"
        runs.append((folder, output))
    return Indexing(runs, site_dir, scratch)
