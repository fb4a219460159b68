"""The results of a check in the four formats of the command-line contract: text, JSON, SARIF and GitHub.

The JSON format carries the ``text`` a finding covers (the contract asks for
it). The text format names it too, in the message ("Possible person's name
'Cumbria'"), so an author sees at once what was found, unless the output may
reach a log others can read: the ``github`` and ``sarif`` formats, any run with
the ``CI`` environment variable set, or ``--hide-text``. Those point at the
place without repeating what was found there: a report of personal data must
not publish it.
"""

from __future__ import annotations

import json
import os
from typing import Any

from . import __version__
from .findings import Finding, Results, Severity

FORMATS = ("text", "json", "sarif", "github")


def render(results: Results, fmt: str, *, show_text: bool | None = None) -> str:
    """Return the results in one of :data:`FORMATS`.

    Args:
        results: what the check found.
        fmt: one of :data:`FORMATS`.
        show_text: whether the text format names what was found; None decides
            by :func:`logs_may_be_public`.
    """
    if fmt == "text":
        return as_text(results, show_text=show_text)
    return {"json": as_json, "sarif": as_sarif, "github": as_github}[fmt](results)


def logs_may_be_public() -> bool:
    """Whether output may end up in a log others can read: CI services set ``CI``."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def as_text(results: Results, *, show_text: bool | None = None) -> str:
    show = not logs_may_be_public() if show_text is None else show_text
    lines = [text_line(f, show_text=show) for f in results]
    lines.append(summary_line(results))
    return "\n".join(lines) + "\n"


def text_line(f: Finding, *, show_text: bool) -> str:
    """One finding as ``path:line:column: severity rule: message``, naming the text found when ``show_text``."""
    return f"{f.path}:{f.line}:{f.column}: {f.severity.value} {f.rule}: {message_with_text(f) if show_text else f.message}"


def message_with_text(f: Finding) -> str:
    """The message with the found text quoted after what is wrong: "Possible person's name 'Cumbria'; replace it ..."."""
    if not f.text:
        return f.message
    found = " ".join(f.text.split())
    what, sep, fix = f.message.partition(";")
    return f"{what} '{found}'{sep}{fix}"


def summary_line(results: Results) -> str:
    verdict = "publication blocked" if results.blocks else "nothing blocks publication"
    return (
        f"{results.files} {_plural(results.files, 'file')} checked: "
        f"{results.errors} {_plural(results.errors, 'error')}, {results.warnings} {_plural(results.warnings, 'warning')}; {verdict}"
    )


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def as_dict(results: Results) -> dict[str, Any]:
    findings = []
    for f in results:
        item: dict[str, Any] = {
            "path": f.path,
            "line": f.line,
            "column": f.column,
            "end_line": f.end_line if f.end_line is not None else f.line,
            "end_column": f.end_column if f.end_column is not None else f.column,
            "severity": f.severity.value,
            "rule": f.rule,
            "message": f.message,
        }
        if f.entity is not None:
            item["entity"] = f.entity
        if f.text is not None:
            item["text"] = f.text
        if f.score is not None:
            item["score"] = round(f.score, 2)
        item.update(_attachment_place(f))
        findings.append(item)
    return {
        "findings": findings,
        "summary": {"files": results.files, "errors": results.errors, "warnings": results.warnings, "seconds": round(results.seconds, 2)},
    }


def _attachment_place(f: Finding) -> dict[str, Any]:
    """The page or metadata field of a finding in an attachment (the JSON keys beyond the contract's)."""
    place: dict[str, Any] = {}
    if f.page is not None:
        place["page"] = f.page
    if f.field is not None:
        place["field"] = f.field
    return place


def as_json(results: Results) -> str:
    return json.dumps(as_dict(results), indent=2, ensure_ascii=False) + "\n"


def as_sarif(results: Results) -> str:
    """SARIF 2.1.0, as GitHub code scanning reads it: one rule per rule id, one result per finding."""
    rules: dict[str, dict[str, Any]] = {}
    sarif_results = []
    for f in results:
        rules.setdefault(
            f.rule,
            {
                "id": f.rule,
                "name": f.rule.replace("/", "-"),
                "shortDescription": {"text": f.rule},
                "defaultConfiguration": {"level": _sarif_level(f.severity)},
            },
        )
        region: dict[str, int] = {"startLine": f.line, "startColumn": f.column}
        if f.end_line is not None and f.end_column is not None:
            region.update(endLine=f.end_line, endColumn=f.end_column)
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": list(rules).index(f.rule),
            "level": _sarif_level(f.severity),
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}, "region": region}}],
        }
        place = _attachment_place(f)
        if place:
            # A PDF or an image has no lines a viewer can show: the page or field travels as a property too.
            result["properties"] = place
        sarif_results.append(result)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "learning-library",
                        "version": __version__,
                        "rules": list(rules.values()),
                    }
                },
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


def _sarif_level(severity: Severity) -> str:
    return "error" if severity is Severity.ERROR else "warning"


def _uri(path: str) -> str:
    return path.replace("\\", "/")


def as_github(results: Results) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on its line."""
    lines = [_annotation(f) for f in results]
    lines.append(summary_line(results))
    return "\n".join(lines) + "\n"


def _annotation(f: Finding) -> str:
    command = "error" if f.severity is Severity.ERROR else "warning"
    props = f"file={_escape_property(f.path)},line={f.line},col={f.column}"
    if f.end_line is not None and f.end_column is not None:
        props += f",endLine={f.end_line},endColumn={f.end_column}"
    props += f",title={_escape_property(f.rule)}"
    return f"::{command} {props}::{_escape_data(f.message)}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
