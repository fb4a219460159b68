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

from .findings import Finding

try:  # libyaml is several times faster and keeps the same marks
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)


@dataclass(frozen=True)
class FrontMatter:
    """A file split into its front matter and its body, with their places in the file.

    Offsets are character offsets into ``text``, the whole file as read, so a
    position found anywhere (a YAML value, a word in the body) maps back to a
    line and column with :meth:`position`.
    """

    text: str
    node: yaml.MappingNode | None
    yaml_offset: int
    body_offset: int
    present: bool

    @property
    def body(self) -> str:
        return self.text[self.body_offset :]

    @property
    def body_line(self) -> int:
        """The 1-based line on which the body starts."""
        return self.text.count("\n", 0, self.body_offset) + 1

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a character offset in the file."""
        line = self.text.count("\n", 0, offset) + 1
        start = self.text.rfind("\n", 0, offset) + 1
        return line, offset - start + 1

    def node_offset(self, node: yaml.Node) -> int:
        """Return the file offset at which a YAML node starts."""
        return self.yaml_offset + node.start_mark.index

    def node_position(self, node: yaml.Node) -> tuple[int, int]:
        return self.position(self.node_offset(node))

    def node_span(self, node: yaml.Node) -> tuple[int, int]:
        """Return the file offsets (start, end) of the YAML source of a node."""
        return self.yaml_offset + node.start_mark.index, self.yaml_offset + node.end_mark.index


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
        node = yaml.compose(yaml_text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = fm.position(fm.yaml_offset + mark.index) if mark else (2, 1)
        return fm, [Finding(path, line, column, "metadata/yaml", _yaml_message(exc))]
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


_HINTS = (
    ("mapping values are not allowed", "if the value contains a colon (:), put the whole value in double quotes"),
    ("cannot start any token", "indent with spaces, not tabs, and put values starting with @, ` or % in quotes"),
    ("could not find expected ':'", "every line needs `key: value`; look for a missing colon or an unclosed quote"),
    ("found unexpected end of stream", "a quote or bracket is never closed; close it on the same line"),
    ("did not find expected key", "check the indentation: list items and keys at one level start in the same column"),
    ("expected ',' or ']'", "a [list] is not closed or is missing a comma; write it as [first, second]"),
    ("expected ',' or '}'", "a {mapping} is not closed or is missing a comma; write it as {text: ..., reason: ...}"),
    ("found duplicate anchor", "remove the & or * characters, or put the value in quotes"),
    ("found undefined alias", "a value starts with *; put the whole value in double quotes"),
)


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or exc.context or "unreadable YAML").strip()
    for needle, hint in _HINTS:
        if needle in problem:
            return f"The front matter is not valid YAML ({problem}); {hint}"
    return f"The front matter is not valid YAML ({problem}); check the quotes, colons and indentation on this line"
