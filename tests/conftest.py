"""Shared fixtures and helpers, in one place: small libraries written to a temporary folder, the example library
copied, the command line invoked in-process, and ``mkdocs build --strict`` run for real.

Markers (registered in ``pyproject.toml``): ``browser`` drives Chromium, ``build`` runs ``mkdocs build``, ``model``
loads the spaCy model of the anonymisation check. ``make unit`` runs the rest, the fast tests.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from PIL import ExifTags, Image
from pypdf import PdfReader, PdfWriter

from learning_library import pages
from learning_library.cli import main
from learning_library.library import load, load_settings
from learning_library.pages import LibraryIndex

REPO = Path(__file__).resolve().parent.parent
pytest_plugins = ("tests.browser",)

CheckJson = Callable[..., tuple[int, dict[str, Any]]]
"""``check_json(root, *args)``: ``learning-library check --format json`` in ``root``, its exit status and its JSON."""
CheckText = Callable[..., tuple[int, str, str]]
"""``check_text(root, *args)``: ``learning-library check`` in ``root``, its exit status, stdout and stderr."""
Invoke = Callable[..., Result]
"""``invoke(root, *args)``: any ``learning-library`` command in ``root``."""


# --- attachments made by the tests, with invented names and a made-up GPS position ----------


XMP_CREATOR = (  # an XMP packet naming its creator, as cameras and Office write it
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
    'xmp:CreateDate="2023-06-14T10:22:01Z"><dc:creator><rdf:Seq><rdf:li>{name}</rdf:li></rdf:Seq></dc:creator>'
    "</rdf:Description></rdf:RDF></x:xmpmeta>"
)


def photo(*, gps: bool = True, artist: str | None = None, fmt: str = "JPEG") -> bytes:
    """A small picture with a made-up GPS position (a field in the sea off the example coast) and, optionally, an Artist."""
    exif = Image.Exif()
    if gps:
        exif[ExifTags.IFD.GPSInfo] = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (4.0, 7.0, 30.0)}
    if artist:
        exif[0x013B] = artist
    out = io.BytesIO()
    Image.new("RGB", (24, 16), (40, 90, 160)).save(out, fmt, exif=exif)
    return out.getvalue()


def encrypted(data: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt("invented-password", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def supported_pythons() -> list[str]:
    """The minor Python versions pyproject.toml's requires-python admits, oldest first."""
    spec = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["requires-python"]
    match = re.fullmatch(r">=3\.(\d+),<3\.(\d+)", spec)
    assert match, "requires-python is written as >=3.X,<3.Y"
    return [f"3.{minor}" for minor in range(int(match[1]), int(match[2]))]


def copy_example(root: Path, *, with_cache: bool = False) -> Path:
    """Copy the repository's example library into ``root``, its hooks pointing back at the repository.

    Args:
        root: an existing, empty folder.
        with_cache: also copy the repository's ``.cache``, so only the files a test changes are read afresh.
    """
    for name in ("mkdocs.yml", "themes.yml", "anonymisation.yml"):
        shutil.copy(REPO / name, root / name)
    for folder in ("content", "reviews", "briefings"):
        shutil.copytree(REPO / folder, root / folder)
    if with_cache and (REPO / ".cache").is_dir():
        shutil.copytree(REPO / ".cache", root / ".cache")
    text = (root / "mkdocs.yml").read_text().replace("hooks/mkdocs_hooks.py", str(REPO / "hooks/mkdocs_hooks.py"))
    (root / "mkdocs.yml").write_text(text)
    return root


def mkdocs_build(
    root: Path, *args: str, today: str | None = None, parallel: bool = False, strict: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build`` in a library, as the publishing pipeline does, in a new process.

    Args:
        root: the library.
        args: more arguments for ``mkdocs build``.
        today: the day to build for (``LEARNING_LIBRARY_TODAY``), YYYY-MM-DD.
        parallel: render on both cores even for a small library.
        strict: ``--strict``, as the pipeline builds.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if parallel:
        env["LEARNING_LIBRARY_PARALLEL_FROM"] = "1"
    if today:
        env["LEARNING_LIBRARY_TODAY"] = today
    command = [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), *args]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=300)


def config_problems(path: Path, text: str, load: Callable[[], object]) -> list[str]:
    """The lines of the ConfigError that ``load()`` raises once the settings file ``path`` holds ``text``.

    Each line is ``file:line:column: message``, the file named from its folder so that tests can compare them.
    """
    from learning_library.errors import ConfigError

    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load()
    return [line.removeprefix(f"{path.parent}/") for line in str(caught.value).splitlines()]


@pytest.fixture
def invoke(monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run a ``learning-library`` command in-process from a library's folder (which stays the test's folder after)."""

    def run(root: Path, *args: str) -> Result:
        monkeypatch.chdir(root)
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return run


@pytest.fixture
def check_json(invoke: Invoke) -> CheckJson:
    def run(root: Path, *args: str) -> tuple[int, dict[str, Any]]:
        result = invoke(root, "check", "--format", "json", *args)
        return result.exit_code, json.loads(result.stdout) if result.stdout.startswith("{") else {"stderr": result.stderr}

    return run


@pytest.fixture
def check_text(invoke: Invoke) -> CheckText:
    def run(root: Path, *args: str) -> tuple[int, str, str]:
        result = invoke(root, "check", *args)
        return result.exit_code, result.stdout, result.stderr

    return run


REVIEW = """\
---
title: "Child A: local child safeguarding practice review"
type: lcspr
published: 2023-05-10
themes: [neglect, hidden-men]
summary: Child A was two when admitted to hospital. The review looks at the adults in the household.
age_band: 1-4
agencies: [health, police]
recommendations:
  - {id: R1, text: "Ask about every adult in the household.", owner: Health, status: in-progress, updated: 2024-01-10}
---

## Summary

The review looks at how professionals understood the adults in Child A's life.
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


SEVEN_PARTS = "".join(
    f"## {n}. {part}\n\nText of the part.\n\n"
    for n, part in enumerate(
        ["Background", "Why it matters", "Information", "Information", "Information", "What to remember", "What to do"], 1
    )
)
"""The body of a 7-minute briefing: its seven numbered parts."""


def document(title: str, type_: str, published: str, themes: str, body: str = "Text of the document.\n", **extra: str) -> str:
    lines = [f'title: "{title}"', f"type: {type_}", f"published: {published}", f"themes: {themes}", "summary: A short summary."]
    lines += [f"{k}: {v}" for k, v in extra.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body


@pytest.fixture
def make_library(tmp_path: Path) -> Callable[..., Path]:
    """Write a small library: the project's settings and vocabulary, three pages, and the given documents.

    The hooks in its mkdocs.yml point at the repository's own hooks, so a
    build of it runs exactly the code under test.
    """

    def make(files: dict[str, str] | None = None, *, default_documents: bool = True) -> Path:
        root = tmp_path / "library"
        root.mkdir(exist_ok=True)
        config = yaml.load((REPO / "mkdocs.yml").read_text(), Loader=yaml.SafeLoader)
        config["hooks"] = [str(REPO / h) for h in config["hooks"]]
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
        shutil.copy(REPO / "themes.yml", root / "themes.yml")
        write(
            root / "content/index.md",
            "---\ntitle: Home\n---\n\nWelcome.\n\n<!-- learning-library:priorities -->\n\n<!-- learning-library:latest -->\n",
        )
        for name in ("about", "how-to-use", "accessibility"):
            write(root / f"content/{name}.md", f"---\ntitle: {name}\n---\n\nAbout this library.\n")
        write(root / "content/assets/library.css", "/* */\n")
        if default_documents:
            write(root / "reviews/2023-child-a.md", REVIEW)
            write(
                root / "briefings/2024-neglect-briefing.md",
                document(
                    "Neglect: 7-minute briefing", "seven-minute-briefing", "2024-02-01", "[neglect]", SEVEN_PARTS, related="[2023-child-a]"
                ),
            )
        for name, text in (files or {}).items():
            write(root / name, text)
        return root

    return make


# --- learning into practice: a library on a fixed day ------------------------------------------
# 30 June 2025, so six months back is 30 December 2024: recommendations on both sides of the overdue
# line, a draft and a scheduled review whose recommendations must appear nowhere, and a themed
# briefing drawing on two reviews.

TODAY = dt.date(2025, 6, 30)

REVIEW_B = """\
---
title: "Child B: local child safeguarding practice review"
type: lcspr
published: 2024-04-01
themes: [domestic-abuse, hidden-men]
summary: Child B was four. The review looks at how agencies responded to domestic abuse at home.
agencies: [police, health]
recommendations:
  - {id: R1, text: "Police tell the health visitor about every incident.", owner: Police, status: open, updated: 2025-03-01}
  - {id: R2, text: "Plans name the person causing harm.", owner: "Children's social care", status: in-progress}
  - {id: R3, text: "Schools record the support they offer.", owner: Education, status: complete, updated: 2024-05-01}
  - {id: R4, text: "The partnership audits plans.", owner: "The partnership", status: impact-evidenced, updated: 2024-06-01}
  - {id: R5, text: "Health visitors ask about every adult.", owner: Health, status: open, updated: 2024-12-30}
  - {id: R6, text: "Probation checks new relationships.", owner: Probation, status: open, updated: 2024-12-29}
national_repository: https://repository.example/reviews/42
---

## Summary

The review looks at how agencies responded to domestic abuse in Child B's home.

## Learning

### Ask who lives in the home

Every practitioner should ask who lives in the home.

### Information

Share what you know.

## Recommendations

Shown below.
"""

HIDDEN_REVIEW = """\
---
title: "Child {letter}: local child safeguarding practice review"
type: lcspr
published: {published}
{status}themes: [neglect]
summary: A review that is not on the site yet.
recommendations:
  - {{id: R1, text: "Something that must not appear yet.", owner: Nobody, status: open, updated: 2020-01-01}}
---

## Summary

Not yet published.
"""

PRACTICE_FILES = {
    "reviews/2024-child-b.md": REVIEW_B,
    "reviews/2025-child-c.md": HIDDEN_REVIEW.format(letter="C", published="2025-01-10", status="status: draft\n"),
    "reviews/2025-child-s.md": HIDDEN_REVIEW.format(letter="S", published="2025-09-01", status=""),
    "briefings/2025-hidden-men-briefing.md": document(
        "Hidden men: learning from case reviews",
        "themed-briefing",
        "2025-02-01",
        "[hidden-men, domestic-abuse]",
        related="[2024-child-b, 2023-child-a]",
    ),
}


@pytest.fixture
def library_root(make_library: Callable[..., Path]) -> Path:
    """The learning-into-practice library: the default documents and :data:`PRACTICE_FILES`."""
    return make_library(PRACTICE_FILES)


def site_for(root: Path, on: dt.date = TODAY) -> LibraryIndex:
    """The index of a library on a day, from which its pages are generated."""
    return pages.index_library(load(load_settings(root / "mkdocs.yml")), on)


def set_extra(root: Path, extra: object) -> None:
    """Replace the ``extra:`` settings of a library's ``mkdocs.yml``."""
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    config["extra"] = extra
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
