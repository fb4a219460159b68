"""Search benchmark: what a reader's first query costs, the project's Pagefind search against Material's.

For each library size, this builds the same synthetic Markdown twice: with the
project (Pagefind) and as a plain mkdocs-material site with its default search
(its nav lists only the home page: the nav does not change the search index,
and listing every page would only make the baseline slow to build). Each site
is served on 127.0.0.1 with gzip, as a static host would, and headless Chromium
(Debian's, driven by Playwright) opens the search, types each query, and
records:

- bytes transferred (compressed, as on the wire) from opening the search page
  to the first results of the first query, all of it and the search's own part
  (the index, its fragments, its scripts);
- milliseconds from the last keystroke to the moment the result list last
  changed (measured in the page), for each query typed at a quick typist's pace;
  the first query includes fetching the index.

Usage::

    .venv/bin/python bench/search.py --docs 1200 --docs 2400
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import os
import statistics
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import build_side
from plain_site import make_plain_library
from synthetic import generate_library

CHROMIUM = os.environ.get("LEARNING_LIBRARY_CHROMIUM", "/usr/bin/chromium")
QUERIES = ("neglect", "health visitor", "supervision", "domestic abuse", "hospital")
TYPING_DELAY_MS = 80  # a quick typist: about 12 keys a second
QUIET_MS = 500  # results unchanged this long count as shown
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it (as GitHub Pages and most hosts do)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "") and path.is_file():
            data = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            return io.BytesIO(data)
        return super().send_head()


@contextmanager
def serve(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


_PROBE = """
window.__ll = {lastKey: 0, lastChange: 0};
document.addEventListener("keydown", () => { window.__ll.lastKey = performance.now(); window.__ll.lastChange = 0; }, true);
document.addEventListener("DOMContentLoaded", () => {
  new MutationObserver((records) => {
    if (records.some((r) => {
      const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      return node && node.closest(window.__llResults);
    })) window.__ll.lastChange = performance.now();
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
});
"""

_SETTLED = """
([items, quiet]) => window.__ll.lastChange > window.__ll.lastKey
  && performance.now() - window.__ll.lastChange > quiet
  && document.querySelectorAll(items).length > 0
"""


def measure(browser: Any, url: str, side: str, rounds: int = 3) -> dict[str, Any]:
    """Open the search, type each query as a person would, and return bytes and timings.

    The page itself records when the last key went down and when the result
    list last changed (a MutationObserver), so the timing is the browser's own
    clock, untouched by the round trips of driving it. A query counts as
    answered once its results have stopped changing for QUIET_MS. The queries
    run `rounds` times over, because one run on a shared machine is noisy.
    """
    context = browser.new_context()
    page = context.new_page()
    client = context.new_cdp_session(page)
    client.send("Network.enable")
    transferred: dict[str, int] = {}
    urls: dict[str, str] = {}
    client.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    client.on("Network.loadingFinished", lambda e: transferred.__setitem__(e["requestId"], int(e["encodedDataLength"])))
    if side == "project":
        container, items = "[data-ll-results]", "[data-ll-results] li"
    else:
        container, items = ".md-search-result", ".md-search-result__item"
    page.add_init_script(f"window.__llResults = {container!r};" + _PROBE)
    if side == "project":
        page.goto(f"{url}/search/")
        box = "#ll-search-q"
    else:
        page.goto(f"{url}/")
        page.click("input.md-search__input")
        box = "input.md-search__input"
    page.wait_for_load_state("networkidle")
    timings = []
    first_bytes: tuple[int, int] | None = None
    for query in QUERIES * rounds:
        page.fill(box, "")
        page.wait_for_timeout(QUIET_MS)
        page.type(box, query, delay=TYPING_DELAY_MS)
        page.wait_for_function(_SETTLED, arg=[items, QUIET_MS], timeout=120_000, polling=50)
        timings.append(page.evaluate("window.__ll.lastChange - window.__ll.lastKey"))
        if first_bytes is None:
            page.wait_for_load_state("networkidle")
            total = sum(transferred.values())
            own = sum(n for rid, n in transferred.items() if _is_search(urls.get(rid, ""), side))
            first_bytes = (total, own)
    context.close()
    assert first_bytes is not None
    return {"bytes_first_query": first_bytes[0], "search_bytes_first_query": first_bytes[1], "ms": timings}


def _is_search(url: str, side: str) -> bool:
    if side == "project":
        return "/pagefind/" in url or "search.js" in url
    return "search_index.json" in url or "/search/" in url or "worker" in url


def run(sizes: list[int], keep: Path | None, rounds: int) -> None:
    from playwright.sync_api import sync_playwright

    results: dict[int, dict[str, dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = keep or Path(tmp)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            )
            for n in sizes:
                library = root / f"project-{n}"
                plain = root / f"plain-{n}"
                documents = n + n // 5
                if not (keep and (library / "site").is_dir() and (plain / "site").is_dir()):  # --keep: reuse sites built before
                    generate_library(library, n, n // 5)
                    build_side("project", library, documents)
                    make_plain_library(library, plain)
                    config = yaml.safe_load((plain / "mkdocs.yml").read_text())
                    config["nav"] = [{"Home": "index.md"}]  # the nav does not change the search index
                    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
                    build_side("plain", plain, documents)
                results[n] = {}
                for side, site in (("project", library / "site"), ("plain", plain / "site")):
                    with serve(site) as url:
                        results[n][side] = measure(browser, url, side, rounds)
            browser.close()
    print()
    print(f"{'docs':>6} {'side':<8} {'first query KB':>15} {'of it search KB':>16} {'ms first':>9} {'ms median':>10} {'ms max':>8}")
    for n, sides in results.items():
        for side, r in sides.items():
            print(
                f"{n + n // 5:>6} {side:<8} {r['bytes_first_query'] / 1024:>15,.0f} {r['search_bytes_first_query'] / 1024:>16,.0f} "
                f"{r['ms'][0]:>9,.0f} {statistics.median(r['ms']):>10,.0f} {max(r['ms']):>8,.0f}"
            )
    print("\nTargets at 1,200 reviews: the project's first query at most 400 KB, results within 300 ms of the last keystroke.")
    if len(results) >= 2:
        small, large = sorted(results)[:2]
        growth = results[large]["project"]["bytes_first_query"] / results[small]["project"]["bytes_first_query"]
        print(f"Project bytes for the first query, {large} against {small} reviews: {growth:.2f}x (target: within 1.25x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, action="append", help="reviews in the library (repeatable); N/5 briefings are added")
    parser.add_argument("--keep", type=Path, help="keep the libraries and sites in this folder")
    parser.add_argument("--rounds", type=int, default=3, help="times to run the queries (default 3)")
    args = parser.parse_args()
    run(args.docs or [1200, 2400], args.keep, args.rounds)


if __name__ == "__main__":
    main()
