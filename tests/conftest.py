"""Shared fixtures: small libraries written to a temporary folder and built for real."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
pytest_plugins = ("tests.browser",)

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
                document("Neglect: 7-minute briefing", "seven-minute-briefing", "2024-02-01", "[neglect]", related="[2023-child-a]"),
            )
        for name, text in (files or {}).items():
            write(root / name, text)
        return root

    return make
