"""Front matter: the YAML between ``---`` lines at the top of a Markdown file.

We parse it ourselves rather than through MkDocs, whose parser silently drops
front matter that is not valid YAML (a review whose ``status: draft`` was lost
to a typo would be published). Parsing keeps the YAML node tree, so every value
knows the line and column it came from and every finding can point at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from . import yamltext
from .findings import Finding
from .yamltext import YamlText

_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)


@dataclass(frozen=True)
class FrontMatter(YamlText):
    """A Markdown file split into its front matter and its body, with their places in the file."""

    body_offset: int = 0
    present: bool = False

    @property
    def body(self) -> str:
        return self.text[self.body_offset :]


def split(text: str, path: str) -> tuple[FrontMatter, list[Finding]]:
    """Split ``text`` into front matter and body, reporting YAML that cannot be read.

    A file without front matter is not an error here: whether it needs some is
    for the content model to decide.

    Args:
        text: the whole file, already decoded.
        path: the file as the caller names it, for findings.

    Returns:
        The split file, and at most one finding: YAML that does not parse or
        front matter that is never closed.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    opening = _OPEN.match(text)
    if not opening:
        return FrontMatter(text, None, 0, 0, present=False), []
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        finding = Finding(
            path,
            1,
            1,
            "metadata/unclosed",
            "The front matter starts with --- on line 1 but is never closed; add a line with just --- after the last key",
        )
        return FrontMatter(text, None, opening.end(), len(text), present=True), [finding]
    yaml_text = text[opening.end() : closing.start()]
    fm = FrontMatter(text, None, opening.end(), closing.end(), present=True)
    try:
        node = yaml.compose(yaml_text, Loader=yamltext.Loader)
    except yaml.MarkedYAMLError as exc:
        offset, why = yamltext.problem(exc)
        line, column = fm.position(fm.yaml_offset + offset) if offset is not None else (2, 1)
        return fm, [Finding(path, line, column, "metadata/yaml", f"The front matter is not valid YAML {why}")]
    if node is None:
        return fm, []
    if not isinstance(node, yaml.MappingNode):
        line, column = fm.node_position(node)
        return fm, [
            Finding(
                path,
                line,
                column,
                "metadata/yaml",
                "The front matter must be a list of `key: value` lines; start each line with a key such as `title:`",
            )
        ]
    return FrontMatter(text, node, fm.yaml_offset, fm.body_offset, present=True), []
