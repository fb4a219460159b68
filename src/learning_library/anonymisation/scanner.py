"""The anonymisation check over files: what is scanned, what is accepted, and the findings.

Every character of a file that appears on the site is scanned (the Markdown
body and the published front matter values), and nothing else: keys, slugs and
dates of publication are not personal data. Markdown markup is blanked out
before scanning, keeping every other character where it was, so a detection's
offset is its offset in the file and its line and column are exact.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..cache import ResultCache
from ..content import AllowEntry, Source
from ..findings import Finding, Severity
from . import keys
from .acceptance import accepted
from .entities import ENTITIES
from .file_names import file_name_findings
from .policy import Policy

SUPPRESSION = re.compile(r"<!--\s*allow(?:\s*:\s*(?P<reason>.*?))?\s*-->", re.IGNORECASE | re.DOTALL)
"""``Name<!-- allow: reason -->`` accepts the one finding just before the comment, on the same line."""

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:[ \t\n][^>]*)?/?>")
"""An HTML tag; not an address in angle brackets (``<name@example.com>``), which is text to check."""
_PUBLISHED_ATTRIBUTE = re.compile(r"""\b(?:alt|title|aria-label)\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')""", re.IGNORECASE)
"""Attributes a reader sees or hears (an image's alt text, a tooltip): published text inside a tag."""
_LINK_TARGET = re.compile(r"""\]\((?!https?:)[^)\n]*?(?:\s+(?:"(?P<double>[^"\n]*)"|'(?P<single>[^'\n]*)'))?\s*\)""")
"""A link's or image's target, blanked; its title (``![alt](x.png "title")``), shown as a tooltip, is kept."""
_MARKUP = re.compile(r"^[ \t]*(?:#{1,6}|>|[-*+]|\d+\.)(?=\s)|^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*\w+|[\[\]`|*~]|(?<!\w)_+|_+(?!\w)", re.MULTILINE)


@dataclass(frozen=True)
class Target:
    """One file to scan, with the names and strings its author has declared acceptable."""

    source: Source
    pseudonyms: tuple[str, ...] = ()
    allow: tuple[AllowEntry, ...] = ()
    published: dt.date | None = None
    """The document's publication date: a date after it is one the document looks forward to, not an event it reviews."""


@dataclass(frozen=True)
class Suppression:
    """An inline ``<!-- allow: reason -->`` comment, for the sign-off report."""

    path: str
    line: int
    column: int
    reason: str
    text: str | None


def published_text(source: Source) -> str:
    """The file with everything that is not published text blanked out, offsets unchanged.

    What is not published becomes line breaks, so that two front matter values
    never run together into one phrase ("Police" and "School staff" are not
    "Police School"); markup within a sentence becomes spaces.
    """
    text = source.text
    chars = ["\n"] * len(text)
    for start, end in source.published_spans:
        chars[start:end] = text[start:end]
    masked = "".join(chars)
    masked = _COMMENT.sub(_blank, masked)
    masked = _TAG.sub(lambda m: _blank_keeping(m, _PUBLISHED_ATTRIBUTE), masked)
    masked = _LINK_TARGET.sub(lambda m: _blank_keeping(m), masked)
    return _MARKUP.sub(_blank, masked)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _blank_keeping(match: re.Match[str], inner: re.Pattern[str] | None = None) -> str:
    """Blank a match except the quoted values it holds (group ``double`` or ``single``), which stay where they were."""
    text = match.group(0)
    chars = [c if c == "\n" else " " for c in text]
    found = inner.finditer(text) if inner is not None else [match]
    base = 0 if inner is not None else match.start()
    for m in found:
        for group in ("double", "single"):
            if m.group(group) is not None:
                start, end = m.span(group)
                chars[start - base : end - base] = text[start - base : end - base]
    return "".join(chars)


def scan(
    targets: Sequence[Target],
    policy: Policy,
    *,
    root: Path | None,
    use_cache: bool = True,
) -> tuple[list[Finding], list[Suppression]]:
    """Scan files for personal data, reusing cached results for files that have not changed.

    Args:
        targets: the files, with what each declares acceptable.
        policy: the site's anonymisation policy.
        root: the library's folder, where the cache lives (None: no cache).
        use_cache: False to ignore and not write the cache.

    Returns:
        The findings, and every inline suppression with its reason.

    Raises:
        CheckUnavailable: the model or Presidio cannot load.
    """
    cache = ResultCache(root if use_cache else None, keys.engine_version(policy.model), name="anonymisation")
    file_keys = [keys.key(t.source.text) for t in targets]
    missing = [i for i, k in enumerate(file_keys) if cache.get(k) is None]
    if missing:
        from .engine import engine

        analyzer = engine(policy.model)
        texts = [published_text(targets[i].source) for i in missing]
        for i, found_in_file in zip(missing, analyzer.analyze(texts), strict=True):
            cache.put(file_keys[i], [[d.entity, d.start, d.end, round(d.score, 3)] for d in found_in_file])
    if use_cache:
        cache.save(set(file_keys))
    findings: list[Finding] = []
    suppressions: list[Suppression] = []
    for target, k in zip(targets, file_keys, strict=True):
        detections = cache.get(k) or []
        found, suppressed = _findings(target, target.source.text, detections, policy)
        findings.extend(file_name_findings(target.source.display, target.source.path.name, _declared(target), policy))
        findings.extend(found)
        suppressions.extend(suppressed)
    return findings, suppressions


def _declared(target: Target) -> list[str]:
    return [*target.pseudonyms, *(a.text for a in target.allow)]


def _findings(target: Target, text: str, detections: list[list[Any]], policy: Policy) -> tuple[list[Finding], list[Suppression]]:
    kept = accepted(text, detections, policy, _declared(target), not_after=target.published)
    return _apply_suppressions(target.source, kept, policy)


def _apply_suppressions(source: Source, kept: list[tuple[str, int, int, float]], policy: Policy) -> tuple[list[Finding], list[Suppression]]:
    text = source.text
    front = source.front
    findings: list[Finding] = []
    suppressions: list[Suppression] = []
    suppressed: set[int] = set()
    for match in SUPPRESSION.finditer(text):
        line, column = front.position(match.start())
        line_start = text.rfind("\n", 0, match.start()) + 1
        candidates = [i for i, (_, _, end, _) in enumerate(kept) if line_start <= end <= match.start() and i not in suppressed]
        reason = (match.group("reason") or "").strip()
        if not reason:
            findings.append(
                Finding(
                    source.display,
                    line,
                    column,
                    "anonymisation/suppression-without-reason",
                    "An allow comment needs a reason; write it as <!-- allow: why this is not personal data -->",
                )
            )
            continue
        if not candidates:
            findings.append(
                Finding(
                    source.display,
                    line,
                    column,
                    "anonymisation/unused-suppression",
                    "This allow comment accepts nothing: no finding ends just before it on this line; remove it",
                    Severity.WARNING,
                )
            )
            suppressions.append(Suppression(source.display, line, column, reason, None))
            continue
        chosen = max(candidates, key=lambda i: kept[i][2])
        suppressed.add(chosen)
        _, start, end, _ = kept[chosen]
        suppressions.append(Suppression(source.display, line, column, reason, text[start:end]))
    for i, (entity, start, end, score) in enumerate(kept):
        if i in suppressed:
            continue
        line, column = front.position(start)
        end_line, end_column = front.position(end)
        severity = Severity.ERROR if policy.severity_of(entity) == "error" else Severity.WARNING
        findings.append(
            Finding(
                source.display,
                line,
                column,
                f"anonymisation/{entity}",
                ENTITIES[entity].message(),
                severity,
                end_line=end_line,
                end_column=end_column,
                entity=entity,
                text=text[start:end],
                score=score,
            )
        )
    return findings, suppressions
