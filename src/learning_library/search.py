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
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import LibraryError
from .text import escape_html

INDEX_FOLDER = "pagefind"


class Indexing:
    """A Pagefind run in the background, writing the index into ``site_dir/pagefind``.

    Started either on the finished site (:func:`index_site`) or, while the site
    builder is still writing pages, on the rendered content of the documents
    (:func:`index_documents`), so indexing runs on the second core meanwhile.
    """

    def __init__(self, source: Path, site_dir: Path, scratch: Path | None = None) -> None:
        self.scratch = scratch
        command = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(site_dir / INDEX_FOLDER)]
        # The permalink after each heading ("¶") is not text: left in, it shows in the results' excerpts.
        command += ["--force-language", "en", "--exclude-selectors", ".headerlink", "--silent"]
        try:
            self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        except OSError as exc:
            self._clean()
            raise LibraryError(f"the search index could not be built ({exc}); run `make test` to reinstall") from None

    def wait(self) -> None:
        """Wait for the index.

        Raises:
            LibraryError: the indexer failed; the message says why.
        """
        try:
            out, err = self.process.communicate(timeout=600)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise LibraryError("the search index took more than 10 minutes and was stopped") from None
        finally:
            self._clean()
        if self.process.returncode != 0:
            detail = (err or out).strip().splitlines()
            raise LibraryError(f"the search index could not be built: {detail[-1] if detail else 'pagefind failed'}")

    def stop(self) -> None:
        """Abandon the index (the build failed)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._clean()

    def _clean(self) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)


def index_site(site_dir: Path) -> Indexing:
    """Start indexing a finished site."""
    return Indexing(site_dir, site_dir)


def index_documents(documents: Iterable[tuple[str, str, str]], site_dir: Path) -> Indexing:
    """Start indexing documents from their rendered content while the site is still being written.

    Args:
        documents: ``(path of the page under the site, title, content HTML)``,
            for example ``("reviews/2024-child-ruby/index.html", ...)``; Pagefind
            takes each result's address from the path.
        site_dir: the site, where the index is written.
    """
    scratch = Path(tempfile.mkdtemp(prefix="learning-library-index-"))
    for path, title, content in documents:
        target = scratch / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape_html(title)}</title></head>'
            f"<body><main data-pagefind-body><h1>{escape_html(title)}</h1>{content}</main></body></html>",
            encoding="utf-8",
        )
    return Indexing(scratch, site_dir, scratch)
