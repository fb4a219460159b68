"""YAML read with its place in a file: a settings file, or the front matter of a Markdown file.

Every YAML file the library reads (front matter, ``themes.yml``,
``anonymisation.yml``, ``mkdocs.yml``) is composed into a node tree rather
than loaded into plain values, so that every value keeps the line and column
it was written at and a problem with it can point there. YAML that does not
parse is explained here, once, with a hint for the mistakes people make.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import ConfigError

try:  # libyaml is several times faster and keeps the same marks
    Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    Loader = yaml.SafeLoader


@dataclass(frozen=True)
class YamlText:
    """YAML text at a place in a file, composed into nodes that know where they were written.

    Offsets are character offsets into ``text``, the whole file as read, so a
    position found anywhere (a YAML value, a word in a Markdown body) maps back
    to a line and column with :meth:`position`.
    """

    text: str
    node: yaml.MappingNode | None
    yaml_offset: int
    """Where the YAML starts in ``text``: 0 for a settings file, after the opening ``---`` for front matter."""

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


def problem(exc: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    """Where YAML stopped parsing (an offset into the YAML, if known) and why, with what to do about it."""
    mark = exc.problem_mark or exc.context_mark
    what = (exc.problem or exc.context or "unreadable YAML").strip()
    hint = next((h for needle, h in _HINTS if needle in what), "check the quotes, colons and indentation on this line")
    return (mark.index if mark else None), f"({what}); {hint}"


def read_settings(path: Path, noun: str, missing: str) -> tuple[YamlText, yaml.Node | None]:
    """Read a settings file (``themes.yml``, ``anonymisation.yml``, ``mkdocs.yml``) as YAML nodes.

    Args:
        path: the file.
        noun: what the file is, for messages ("the vocabulary file").
        missing: what to do when the file does not exist.

    Returns:
        The file's text (with its top-level node when that is a set of ``key: value``
        lines), and the top-level node whatever it is: None for an empty file. Whether
        that is acceptable is for the caller's schema to say.

    Raises:
        ConfigError: the file is missing, cannot be read, or is not valid YAML.
            The check cannot run without its settings, so this stops it (exit status 2).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: {noun} is missing; {missing}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read {noun} ({exc})") from None
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        offset, why = problem(exc)
        line = YamlText(text, None, 0).position(offset)[0] if offset is not None else 0
        raise ConfigError(f"{path}:{line}: not valid YAML {why}") from None
    # Composing leaves tags such as mkdocs.yml's `!ENV` on their nodes, unresolved, which is what a reader without MkDocs needs.
    return YamlText(text, node if isinstance(node, yaml.MappingNode) else None, 0), node
