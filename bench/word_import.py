"""Import benchmark: a 40-page report of realistic structure, the project's `import` against the bare conversion library.

The report is written by ``tools/make_word_documents.py`` (headings at three
levels, about 400 words a page in paragraphs with bold, italics and footnotes,
bulleted and numbered lists, a table every other page, numbered
recommendations). In the same run it measures, on the same file:

- ``mammoth``: the bare conversion library, ``mammoth.convert_to_html``, as
  anyone would call it (the plain tool);
- ``import``: the project's ``import_word`` (safe reading of every part, the
  hidden-content pass, mammoth, Markdown, front matter, writing the draft);
- ``import+check``: ``learning-library import`` as a person runs it, which
  then checks the draft and lists what the Word document hides (the language
  model is loaded once, before timing, as ``make serve`` keeps it loaded);
- with ``--compare``, the other libraries considered (pandoc through
  pypandoc-binary, docx2python, python-docx) where they are installed, on the
  same file, with what each keeps of its structure. They are not the
  project's dependencies: install them in a scratch environment to compare.

Usage::

    .venv/bin/python bench/word_import.py             # 40 pages, best of 3
    .venv/bin/python bench/word_import.py --pages 80 --compare
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.make_word_documents import report_document  # noqa: E402


def _best(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def _library(folder: Path) -> Path:
    folder.mkdir()
    for name in ("mkdocs.yml", "themes.yml", "anonymisation.yml"):
        shutil.copy(ROOT / name, folder / name)
    for sub in ("content", "reviews", "briefings"):
        shutil.copytree(ROOT / sub, folder / sub)
    return folder


def _others(path: Path) -> list[tuple[str, Callable[[], object]]]:
    found: list[tuple[str, Callable[[], object]]] = []
    try:
        import pypandoc  # type: ignore[import-not-found]

        found.append(("pandoc (pypandoc-binary)", lambda: pypandoc.convert_file(str(path), "gfm")))
    except ImportError:
        print("pandoc (pypandoc-binary): not installed here; skipped")
    try:
        from docx2python import docx2python  # type: ignore[import-not-found]

        found.append(("docx2python", lambda: docx2python(str(path), html=True).text))
    except ImportError:
        print("docx2python: not installed here; skipped")
    try:
        import docx  # type: ignore[import-not-found]

        found.append(("python-docx (text only)", lambda: [p.text for p in docx.Document(str(path)).paragraphs]))
    except ImportError:
        print("python-docx: not installed here; skipped")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compare", action="store_true", help="also time the other conversion libraries, where installed")
    parser.add_argument("--no-check", action="store_true", help="skip the timing with the check (no language model)")
    args = parser.parse_args(argv)

    import mammoth
    from click.testing import CliRunner

    from learning_library import importing
    from learning_library.cli import main as cli
    from learning_library.library import load_settings
    from learning_library.vocabulary import load_vocabulary

    data = report_document(args.pages).build()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        source = folder / "report.docx"
        source.write_bytes(data)
        words = len(mammoth.extract_raw_text(io.BytesIO(data)).value.split())
        print(f"report: {args.pages} pages, {words:,} words, {len(data):,} bytes; best of {args.runs}\n")
        rows = [("mammoth (bare)", _best(args.runs, lambda: mammoth.convert_to_html(io.BytesIO(data))))]

        # A fresh copy of the example library for each run, made before the clock starts: the import never overwrites.
        libraries = iter([_library(folder / f"library-{n}") for n in range(args.runs * 2)])

        def project_import() -> object:
            settings = load_settings(next(libraries) / "mkdocs.yml")
            return importing.import_word(settings, load_vocabulary(settings.vocabulary_path), source, published=dt.date(2026, 1, 1))

        rows.append(("import", _best(args.runs, project_import)))
        if not args.no_check:
            from learning_library.anonymisation.engine import engine
            from learning_library.anonymisation.policy import load_policy

            engine(load_policy(ROOT).model)  # loaded once, as in a running `make serve`

            def cli_import() -> object:
                root = next(libraries)
                here = os.getcwd()
                os.chdir(root)
                try:
                    result = CliRunner().invoke(cli, ["import", str(source), "--published", "2026-01-01"])
                    assert result.exit_code in (0, 1), result.output
                finally:
                    os.chdir(here)
                return result

            rows.append(("import+check", _best(args.runs, cli_import)))
        if args.compare:
            rows += [(name, _best(args.runs, action)) for name, action in _others(source)]
    print(f"{'side':<28}{'seconds':>10}")
    for name, seconds in rows:
        print(f"{name:<28}{seconds:>10.3f}")
    print("\ntarget: a 40-page report imports in under 10 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
