"""The check: everything an author can get wrong before anything is published.

``learning-library check``, ``mkdocs build`` and ``mkdocs serve`` all call
:func:`run`, so they find the same problems and report them the same way.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import addresses, anonymisation, completeness, lifecycle
from . import library as library_module
from .anonymisation import Policy, Suppression
from .attachments import scan as attachments
from .findings import Finding, Results
from .library import Library, Settings
from .links import check_links, duplicate_slugs


@dataclass(frozen=True)
class CheckRun:
    """One run of the check: the library as read (for building), its results (for people) and what it was judged by."""

    library: Library
    results: Results
    policy: Policy
    suppressions: list[Suppression]
    hand_checks: list[attachments.HandCheck] = field(default_factory=list)
    """Attachments declared ``checked_by_hand``, with what each let through, for the sign-off report."""
    notices: list[Finding] = field(default_factory=list)
    """Reminders (a full report due to be withdrawn within a month): shown by ``learning-library check``, never in
    :attr:`results`, so they neither block publication nor fail a strict build."""


def run(settings: Settings, paths: Sequence[Path] | None = None, *, on: dt.date | None = None, use_cache: bool = True) -> CheckRun:
    """Check a library, or some files against it.

    Args:
        settings: the site settings; the vocabulary is read from the same library.
        paths: files and folders to check; by default the whole library.
        on: the day to check for (what is published); by default today.
        use_cache: False to ignore and not write the anonymisation check's cache.

    Raises:
        ConfigError: a settings, vocabulary or policy file is unusable (exit status 2).
        CheckUnavailable: the anonymisation check cannot run (exit status 2).
    """
    started = time.perf_counter()
    on = on or library_module.today()
    policy = anonymisation.load_policy(settings.root)
    whole = library_module.load(settings)
    checked = whole if paths is None else library_module.load(settings, paths)
    results = Results(files=checked.files)
    results.extend(checked.findings)
    results.extend(completeness.check(checked.documents))
    merged = whole
    if paths is None:
        results.extend(duplicate_slugs(whole))
        results.extend(_reserved_paths(whole))
        results.extend(check_links(whole, on))
        results.extend(lifecycle.check(whole))
    else:
        # Resolve links against the whole library, report only on what was asked for.
        merged = _merge(whole, checked)
        results.extend(f for f in duplicate_slugs(merged) if f.path in _displays(checked))
        results.extend(check_links(merged, on, [*checked.documents, *checked.pages]))
        results.extend(lifecycle.check(merged, checked.documents))
    found, suppressions = anonymisation.scan(anonymisation.targets(checked), policy, root=settings.root, use_cache=use_cache)
    results.extend(found)
    attached = attachments.check(merged, checked, policy, on, use_cache=use_cache, whole=paths is None)
    results.extend(attached.findings)
    results.files += attached.extra_files
    results.seconds = time.perf_counter() - started
    return CheckRun(whole, results, policy, suppressions, attached.hand_checks, lifecycle.due(checked.documents, on))


def _displays(library: Library) -> set[str]:
    return {d.source.display for d in library.documents} | {p.source.display for p in library.pages}


def _merge(whole: Library, checked: Library) -> Library:
    """The whole library with the checked files in place of their copies in it."""
    replaced = {d.source.path for d in checked.documents} | {p.source.path for p in checked.pages}
    merged = Library(whole.settings, whole.vocabulary, files=whole.files)
    merged.documents = [d for d in whole.documents if d.source.path not in replaced] + checked.documents
    merged.pages = [p for p in whole.pages if p.source.path not in replaced] + checked.pages
    merged.extra_slugs = {**whole.extra_slugs, **checked.extra_slugs}
    return merged


def _reserved_paths(library: Library) -> list[Finding]:
    findings = []
    for page in library.pages:
        if page.uri in addresses.GENERATED_PAGES:
            findings.append(
                Finding(
                    page.source.display,
                    1,
                    1,
                    "metadata/reserved-path",
                    f"content/{page.uri} is written by the library itself; rename this page (for example content/our-{page.uri})",
                )
            )
            continue
        folder = page.uri.split("/", 1)[0] if "/" in page.uri else ""
        if folder in addresses.GENERATED_FOLDERS:
            findings.append(
                Finding(
                    page.source.display,
                    1,
                    1,
                    "metadata/reserved-path",
                    f"content/{folder}/ is filled by the library itself; move this page elsewhere in content/, "
                    f"or put a {folder[:-1]} in the library's {folder}/ folder",
                )
            )
    return findings
