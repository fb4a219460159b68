"""One way to validate YAML: declared schemas over YAML nodes, every problem collected, each with its place and a fix.

A schema is a table of :class:`FieldSpec`, each naming a key and the
:class:`Validator` that reads its value. One :class:`Reader` per file reads
the values and collects a :class:`~learning_library.findings.Finding` for
every problem, at the line and column of the offending key or value, with a
fix a comms officer can act on (often "did you mean"). Front matter
(:mod:`learning_library.content.schema`), ``themes.yml``
(:mod:`learning_library.vocabulary`), ``anonymisation.yml``
(:mod:`learning_library.anonymisation.policy`) and the library's ``extra:``
settings (:mod:`learning_library.library`) are all read this way.

A document's problems are findings, reported with the rest of the check; a
settings file's problems stop the check, since it cannot run without its
settings: :func:`raise_problems` turns them into one
:class:`~learning_library.errors.ConfigError` that lists every one.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from .errors import ConfigError
from .findings import Finding, Severity
from .yamltext import YamlText

if TYPE_CHECKING:
    from .vocabulary import Vocabulary

NULL = "tag:yaml.org,2002:null"
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_UK_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


class _Invalid:
    """Marks a value that failed validation (its finding is already recorded)."""


INVALID: Any = _Invalid()


class Reader:
    """Collects the findings for one file while its values are read.

    Args:
        source: the YAML and the file it sits in, for positions.
        display: the file as the caller names it, for findings.
        area: the first part of every finding's rule (``metadata`` for front matter, ``settings`` for a settings file).
        vocabulary: the site's ``themes.yml``, for values that must be slugs declared there; None while reading it.
    """

    def __init__(self, source: YamlText, display: str, *, area: str = "metadata", vocabulary: Vocabulary | None = None) -> None:
        self.source = source
        self.display = display
        self.area = area
        self.vocabulary = vocabulary
        self.findings: list[Finding] = []
        self.spans: list[tuple[int, int]] = []
        """Character ranges of published values (titles, summaries...), which the anonymisation check scans."""

    def report(self, node: yaml.Node | None, kind: str, message: str, severity: Severity = Severity.ERROR) -> Any:
        """Record a problem at a node (at the top of the file when there is none) and return :data:`INVALID`."""
        line, column = self.source.node_position(node) if node is not None else (1, 1)
        end_line = end_column = None
        if isinstance(node, yaml.ScalarNode):
            end_line, end_column = self.source.position(self.source.node_span(node)[1])
        rule = f"{self.area}/{kind}"
        self.findings.append(Finding(self.display, line, column, rule, message, severity, end_line=end_line, end_column=end_column))
        return INVALID

    def line(self, node: yaml.Node) -> int:
        return self.source.node_position(node)[0]


def describe(node: yaml.Node) -> str:
    """How a value looks, in the words of a message: "but is a list"."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a set of `key: value` pairs"
    if node.tag == NULL:
        return "empty"
    return f"`{node.value}`"


def is_empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and (node.tag == NULL or not node.value.strip())


class Validator:
    """Reads one YAML node into a Python value, or records why it cannot."""

    expected = "a value"
    """What a good value is, in words that complete "`key` should be ..."."""

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def wrong(self, r: Reader, key: str, node: yaml.Node, fix: str = "") -> Any:
        message = f"`{key}` should be {self.expected} but is {describe(node)}"
        return r.report(node, "wrong-type", f"{message}; {fix or self.fix(key)}")

    def fix(self, key: str) -> str:
        return f"write it as {self.expected}"

    def scalar(self, r: Reader, key: str, node: yaml.Node) -> Any:
        """The value of a one-word or one-line value, stripped; :data:`INVALID` (reported) for a list, a mapping or nothing."""
        if not isinstance(node, yaml.ScalarNode) or node.tag == NULL:
            return self.wrong(r, key, node)
        return node.value.strip()


class Scalar(Validator):
    """A one-word or one-line value, given to :meth:`convert` stripped; a list, a mapping or nothing is reported."""

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        value = self.scalar(r, key, node)
        return value if value is INVALID else self.convert(r, key, node, value)

    def convert(self, r: Reader, key: str, node: yaml.Node, value: str) -> Any:
        return value


class Text(Validator):
    """Free text. ``published`` text appears on the site, so the anonymisation check scans it."""

    expected = "text"

    def __init__(self, *, published: bool = False) -> None:
        self.published = published

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return self.wrong(r, key, node, "write it as text on one line, in double quotes if it contains a colon")
        if is_empty(node):
            return r.report(node, "empty", f"`{key}` is empty; write the text after the colon or remove the key")
        if self.published:
            r.spans.append(r.source.node_span(node))
        return node.value.strip()


class Date(Scalar):
    expected = "a date written YYYY-MM-DD, like 2024-03-15"

    def convert(self, r: Reader, key: str, node: yaml.Node, raw: str) -> Any:
        match = _DATE.match(raw)
        if not match:
            uk = _UK_DATE.match(raw)
            hint = f"write `{uk[3]}-{int(uk[2]):02d}-{int(uk[1]):02d}`" if uk else "write the date as YYYY-MM-DD"
            return r.report(node, "bad-date", f"`{key}` should be {self.expected} but is `{raw}`; {hint}")
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError as exc:
            return r.report(node, "bad-date", f"`{key}` is `{raw}`, which is not a real date ({exc}); check the day and the month")


class Flag(Validator):
    """``true`` or ``false``: a switch such as ``search_engines: false``."""

    expected = "true or false"
    _BOOL = "tag:yaml.org,2002:bool"

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.tag != self._BOOL:
            return self.wrong(r, key, node, f"write `{key}: false` or `{key}: true`, or remove the line")
        return bool(yaml.safe_load(node.value))


class Choice(Validator):
    def __init__(self, choices: Sequence[str]) -> None:
        self.choices = tuple(choices)
        self.expected = "one of " + ", ".join(self.choices)

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode) or node.value not in self.choices:
            return self.wrong(r, key, node, f"use one of: {', '.join(self.choices)}")
        return node.value


class Number(Validator):
    """A number in a range; ``whole`` for a count. YAML's ``true`` is not a number here, whatever Python thinks."""

    _INT = "tag:yaml.org,2002:int"
    _FLOAT = "tag:yaml.org,2002:float"

    def __init__(self, low: float, high: float, *, whole: bool = False, expected: str = "") -> None:
        self.low, self.high, self.whole = low, high, whole
        self.expected = expected or f"{'a whole number' if whole else 'a number'} from {low:g} to {high:g}"

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        tags = (self._INT,) if self.whole else (self._INT, self._FLOAT)
        value: float | None = None
        if isinstance(node, yaml.ScalarNode) and node.tag in tags:
            value = yaml.safe_load(node.value)
        if not isinstance(value, int | float) or not self.low <= value <= self.high:
            return self.wrong(r, key, node)
        return value


class Pattern(Validator):
    """Text of a fixed shape, such as a slug."""

    def __init__(self, pattern: re.Pattern[str], expected: str, fix: str) -> None:
        self.pattern, self.expected, self._fix = pattern, expected, fix

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode) or not self.pattern.match(node.value):
            return self.wrong(r, key, node, self._fix)
        return node.value


class ListOf(Validator):
    def __init__(self, item: Validator, *, min_items: int = 0, example: str = "[first, second]") -> None:
        self.item = item
        self.min_items = min_items
        self.example = example
        self.expected = f"a list of {plural(item.expected)}"

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            if isinstance(node, yaml.ScalarNode) and node.tag != NULL and not isinstance(self.item, Record):
                return self.wrong(r, key, node, f"write it as a list, like `{key}: [{node.value}]`")
            return self.wrong(r, key, node, f"write it as a list, like `{key}: {self.example}`")
        if len(node.value) < self.min_items:
            return r.report(node, "empty", f"`{key}` needs at least {self.min_items}; write it like `{key}: {self.example}`")
        values = [self.item.read(r, key, item) for item in node.value]
        if any(v is INVALID for v in values):
            return INVALID
        return tuple(values)


def plural(expected: str) -> str:
    """The plural of a validator's ``expected``, for "a list of ...": "a theme slug" becomes "theme slugs"."""
    for article in ("a ", "an ", "the "):
        if expected.startswith(article):
            expected = expected[len(article) :]
    return expected.replace("slug ", "slugs ", 1) if "slug " in expected else expected + "s" if expected == "text" else expected


class MappingOf(Validator):
    """A set of ``key: value`` lines whose keys are data (a slug, an entity), each read by one validator.

    Returns a dict in the file's order, which the site keeps.
    """

    def __init__(self, key: Validator, value: Validator, *, example: str) -> None:
        self.key, self.value, self.example = key, value, example
        self.expected = f"a set of `{example}` lines"

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        if is_empty(node):
            return {}
        if not isinstance(node, yaml.MappingNode):
            return self.wrong(r, key, node)
        values: dict[Any, Any] = {}
        invalid = False
        for key_node, value_node in node.value:
            name = self.key.read(r, key, key_node)
            if name is INVALID:
                invalid = True
                continue
            if name in values:
                r.report(key_node, "duplicate-key", f"`{name}` appears twice in `{key}`; keep one")
                invalid = True
                continue
            values[name] = self.value.read(r, str(name), value_node)
            invalid |= values[name] is INVALID
        return INVALID if invalid else values


class Record(Validator):
    """A mapping with declared keys, such as one recommendation."""

    def __init__(self, name: str, specs: Sequence[FieldSpec], build: Callable[..., Any], *, where: str = "") -> None:
        self.name = name
        self.specs = {s.key: s for s in specs}
        self.build = build
        self.where = where or f"a {name}"
        """Where a problem is, in words: "a recommendation", or "the entry `{key}`" to name the key it sits under."""
        self.expected = f"a {name} written as {{{', '.join(k + ': ...' for k in list(self.specs)[:2])}}}"

    def read(self, r: Reader, key: str, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.wrong(r, key, node)
        values = read_mapping(r, node, self.specs, where=self.where.format(key=key))
        if values is INVALID:
            return INVALID
        return self.build(**values)


@dataclass(frozen=True)
class FieldSpec:
    """One key of a schema: how to read its value, whether it is required and, in front matter, who may use it."""

    key: str
    validator: Validator
    required: bool = False
    kinds: frozenset[str] = frozenset()
    """The kinds of document that may use the key, when only some may (``review``); empty for every kind and in settings files."""
    example: str = ""
    """A line to add when the key is missing, like ``type: lcspr``."""
    missing: str = ""
    """The message when a required key is missing, if not the usual one; ``{other_key}`` stands for another key's value."""

    def allows(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds


def read_mapping(r: Reader, node: yaml.MappingNode, specs: dict[str, FieldSpec], where: str, *, noun: str = "key") -> Any:
    """Read a mapping against its schema: every key known, none twice, every required one present.

    Returns:
        The values by key, or :data:`INVALID` if anything was wrong (every problem is recorded on ``r``).
    """
    values, valid = read_fields(r, node, specs, where, noun=noun)
    return values if valid else INVALID


def read_fields(
    r: Reader, node: yaml.MappingNode, specs: dict[str, FieldSpec], where: str, *, noun: str = "key"
) -> tuple[dict[str, Any], bool]:
    """Read a mapping against its schema, keeping what could be read when something could not.

    For checks across keys (a priority must be a theme) that can still run on the
    keys that were read, so that one run reports every problem.

    Args:
        r: the reader collecting the findings.
        node: the mapping.
        specs: the schema, by key.
        where: the mapping in words, for messages ("the front matter", "a recommendation").
        noun: what a key is called here, for messages ("setting" in a settings file).

    Returns:
        The values by key (:data:`INVALID` for a value that could not be read) and whether everything was valid.
    """
    values: dict[str, Any] = {}
    seen: dict[str, int] = {}
    valid = True
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key in seen:
            r.report(key_node, "duplicate-key", f"`{key}` appears twice in {where} (first on line {seen[key]}); keep one")
            valid = False
            continue
        seen[key] = r.line(key_node)
        spec = specs.get(key)
        if spec is None:
            r.report(key_node, "unknown-key", f"unknown {noun} `{key}` in {where}; {closest_key(key, specs)}")
            valid = False
            continue
        values[key] = spec.validator.read(r, key, value_node)
        valid &= values[key] is not INVALID
    for spec in specs.values():
        if spec.required and spec.key not in seen:
            r.report(node, "missing-key", _missing(spec, where, values))
            valid = False
    return values, valid


def _missing(spec: FieldSpec, where: str, values: dict[str, Any]) -> str:
    known = {k: v for k, v in values.items() if isinstance(v, str)}
    named = set(re.findall(r"\{(\w+)\}", spec.missing))
    if spec.missing and named <= set(known):  # else a value it names could not be read either, and that is reported already
        return re.sub(r"\{(\w+)\}", lambda m: known[m[1]], spec.missing)
    example = spec.example or f"{spec.key}: ..."
    return f"{where} has no `{spec.key}`, which is required; add a line like `{example}`"


def closest_key(key: str, keys: Iterable[str]) -> str:
    """The fix for an unknown key: the key meant, or the keys there are."""
    keys = list(keys)
    lowered = {k.lower(): k for k in keys}  # `Title` and `PERSN` are near `title` and `PERSON`
    close = difflib.get_close_matches(key.lower(), list(lowered), n=1, cutoff=0.6)
    if close:
        return f"did you mean `{lowered[close[0]]}`?"
    return "the keys allowed here are " + ", ".join(keys)


def value_node(node: yaml.MappingNode, key: str) -> yaml.Node | None:
    """The value node of a key in a mapping, for a finding about it found after reading (a missing report)."""
    for key_node, value in node.value:
        if key_node.value == key:
            found: yaml.Node = value
            return found
    return None


def raise_problems(findings: Sequence[Finding]) -> None:
    """Stop the check when a settings file has problems, listing every one.

    Raises:
        ConfigError: one line per problem, ``file:line:column: what is wrong; what to do``.
    """
    errors = sorted((f for f in findings if f.blocks), key=lambda f: (f.line, f.column))
    if errors:
        raise ConfigError("\n".join(f"{f.path}:{f.line}:{f.column}: {f.message}" for f in errors))
