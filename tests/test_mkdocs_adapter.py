"""The MkDocs adapter: one folder imports MkDocs, the hooks file only re-exports it, and the site must speak the pages' Markdown."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

import learning_library.mkdocs.hooks as adapter
from learning_library.pages import dialect

from .conftest import REPO, mkdocs_build

ADAPTER = REPO / "src/learning_library/mkdocs"


def _imports_mkdocs(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "mkdocs" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "mkdocs":
            return True
    return False


def test_mkdocs_is_imported_only_by_the_adapter() -> None:
    outside = [
        str(path.relative_to(REPO))
        for path in [*(REPO / "src").rglob("*.py"), *(REPO / "hooks").rglob("*.py")]
        if not path.is_relative_to(ADAPTER) and _imports_mkdocs(path)
    ]
    assert outside == []


def test_the_hooks_file_hands_mkdocs_every_event_of_the_adapter() -> None:
    tree = ast.parse((REPO / "hooks/mkdocs_hooks.py").read_text())
    exported = {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module != "__future__" for alias in node.names
    }
    events = {name for name in dir(adapter) if name.startswith("on_")}
    assert events and exported == events


@pytest.mark.parametrize(
    ("enabled", "missing"),
    [
        (["toc", "tables", "fenced_code", "attr_list", "md_in_html", "def_list"], []),
        (["toc", "tables", "markdown.extensions.attr_list", "md_in_html", "def_list"], []),
        (["toc", "extra"], []),
        (["toc", "markdown.extensions.extra"], []),
        (["toc", "tables", "attr_list"], ["md_in_html", "def_list"]),
        ([], ["attr_list", "md_in_html", "def_list", "tables", "toc"]),
    ],
)
def test_the_extensions_the_pages_need(enabled: list[str], missing: list[str]) -> None:
    assert dialect.missing(enabled) == missing


@pytest.mark.build
def test_a_site_without_the_pages_markdown_stops_with_a_one_line_fix(make_library: Callable[..., Path]) -> None:
    root = make_library()
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    config["markdown_extensions"] = [e for e in config["markdown_extensions"] if e not in ("def_list", "md_in_html")]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    result = mkdocs_build(root)
    assert result.returncode == 1
    message = (
        "learning-library: the generated pages need the Markdown extensions `md_in_html` and `def_list`, "
        "which mkdocs.yml does not turn on; add `- md_in_html` and `- def_list` under `markdown_extensions:` in mkdocs.yml."
    )
    output = result.stdout + result.stderr
    assert message in output.splitlines()
    assert "Traceback" not in output
    assert not (root / "site/index.html").exists()
