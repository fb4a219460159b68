"""The sign-off report: everything the anonymisation check was told to accept, and why.

Before a review is published, someone approves it. They need to see, in one
place, every exception to the check: the site-wide allow list, each document's
pseudonyms and allowed strings, each inline ``<!-- allow: ... -->`` and each
attachment declared ``checked_by_hand``, each with its reason, next to what
the check still finds. This module writes that
report as Markdown, readable as plain text and printable.
"""

from __future__ import annotations

import datetime as dt

from .check import CheckRun
from .formats import summary_line
from .lifecycle import upcoming
from .text import format_date, plural


def render(outcome: CheckRun, on: dt.date) -> str:
    """The sign-off report for one run of the check, as Markdown."""
    library = outcome.library
    policy = outcome.policy
    lines = [f"# Sign-off report: {library.settings.site_name}", "", f"Checked on {format_date(on)}. {summary_line(outcome.results)}.", ""]

    lines += ["## Accepted everywhere (anonymisation.yml)", ""]
    lines += [f"- “{a.text}”: {a.reason}" for a in policy.allow] or ["- Nothing."]
    lines.append("")

    lines += ["## Accepted in one document", ""]
    by_path: dict[str, list[str]] = {}
    for document in sorted(library.documents, key=lambda d: d.source.display):
        entries = [f"- pseudonym “{name}”" for name in document.pseudonyms]
        entries += [f"- “{a.text}” (line {a.line}): {a.reason or 'no reason given'}" for a in document.allow]
        if entries:
            by_path[document.source.display] = entries
    for page in library.pages:
        entries = [f"- pseudonym “{name}”" for name in page.pseudonyms]
        entries += [f"- “{a.text}” (line {a.line}): {a.reason or 'no reason given'}" for a in page.allow]
        if entries:
            by_path[page.source.display] = entries
    for suppression in outcome.suppressions:
        what = f"“{suppression.text}”" if suppression.text else "nothing (unused)"
        by_path.setdefault(suppression.path, []).append(f"- line {suppression.line}: one occurrence of {what}: {suppression.reason}")
    if not by_path:
        lines += ["Nothing.", ""]
    for path, entries in sorted(by_path.items()):
        lines += [f"### {path}", "", *entries, ""]

    lines += ["## Attachments checked by hand", ""]
    lines += ["Files the check cannot read (a scanned or password-protected PDF), which a person has checked instead.", ""]
    for use in outcome.hand_checks:
        declared = use.declaration
        where = f"{declared.declared_in}, line {declared.line}" if declared.line else declared.declared_in
        what = (
            f"In place of the check, which found: {'; '.join(use.waived)}." if use.waived else "Not needed: the check can read all of it."
        )
        lines.append(f"- {declared.file}: “{declared.reason}” (declared in {where}). {what}")
    if not outcome.hand_checks:
        lines.append("- Nothing.")
    lines.append("")

    lines += ["## Full reports to be withdrawn", ""]
    lines += ["Published reviews whose full report leaves the site on a date set in `available_until`, soonest first.", ""]
    coming = upcoming(library.documents, on)
    for withdrawal in coming:
        left = withdrawal.days_left(on)
        when = "today is the last day" if left == 0 else f"in {plural(left, 'day')}"
        lines.append(
            f"- {withdrawal.document.source.display}: “{withdrawal.document.title}”, on the site until "
            f"{format_date(withdrawal.last_day)} ({when})."
        )
    if not coming:
        lines.append("- Nothing.")
    lines.append("")

    blocking = [f for f in outcome.results if f.blocks]
    lines += ["## Still blocking publication", ""]
    lines += [f"- {f.path}:{f.line}:{f.column}: {f.rule}: {f.message}" for f in blocking] or ["- Nothing."]
    return "\n".join(lines) + "\n"
