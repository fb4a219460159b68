"""The attachment check over a library: every finding about attachments, with the same engine, policy and cache as the Markdown.

Each attachment's texts (pages, comments, metadata values) go through the
anonymisation engine and are judged by the policy and by the pseudonyms and
allowed strings of the documents that refer to it, so the report of "Child
Ruby" may say "Ruby" as the review does. What reading the file found (a GPS
position, a password, pages without text) becomes a finding as well. A file
the check cannot read may be declared ``checked_by_hand``, with a reason the
sign-off report lists; nothing else can pass a file the check has not read.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..anonymisation import keys
from ..anonymisation.acceptance import accepted, accepted_whole
from ..anonymisation.entities import ENTITIES
from ..anonymisation.file_names import file_name_findings
from ..anonymisation.policy import Policy
from ..cache import ResultCache, installed_versions
from ..content import CheckedByHand, Document, Page
from ..errors import CheckUnavailable
from ..findings import Finding, Severity
from ..library import ATTACHMENT_SUFFIXES, Library, display_path
from . import docx, images, pdf
from .inspection import CLEAN_HINT, Inspection, Problem, Unit
from .references import ATTACHMENT_FOLDERS, Reference, library_name, references


@dataclass(frozen=True)
class HandCheck:
    """A ``checked_by_hand`` declaration and what it let through, for the sign-off report."""

    declaration: CheckedByHand
    waived: tuple[str, ...]
    """The problems it stood in for (``page 3: no text``); empty when the check could read the file after all."""


@dataclass
class AttachmentResults:
    """What the attachment check found, and the ``checked_by_hand`` declarations it used."""

    findings: list[Finding] = field(default_factory=list)
    hand_checks: list[HandCheck] = field(default_factory=list)
    extra_files: int = 0
    """Attachments checked because a checked document refers to them, beyond the files asked for."""


@dataclass
class _Attachment:
    path: Path
    display: str
    name: str
    referred: list[Reference]
    inspection: Inspection | None = None


def check(
    library: Library, scope: Library, policy: Policy, on: dt.date, *, use_cache: bool = True, whole: bool = True
) -> AttachmentResults:
    """Check the attachments of the documents and pages in ``scope`` and the attachment files it lists.

    Args:
        library: the whole library (with the checked files in place), which references are resolved against.
        scope: what was asked for: its documents, pages and attachment files.
        policy: the site's anonymisation policy.
        on: the day of the build, which decides what is published.
        use_cache: False to ignore and not write cached results.
        whole: whether the whole library is checked (then unused ``checked_by_hand`` entries in the policy are reported too).

    Raises:
        CheckUnavailable: an attachment cannot be read from disk, or the anonymisation engine cannot load.
    """
    settings = library.settings
    outcome = AttachmentResults()
    every_reference = references(library, on)
    by_path: dict[Path, list[Reference]] = {}
    for reference in every_reference:
        by_path.setdefault(reference.path, []).append(reference)
    in_scope = {id(item) for item in [*scope.documents, *scope.pages]}
    here = Path.cwd().resolve()

    attachments: dict[Path, _Attachment] = {}
    for path, display in scope.attachments:
        attachments[path] = _Attachment(path, display, library_name(settings, path), by_path.get(path, []))
    for reference in every_reference:
        if id(reference.by) not in in_scope:
            continue
        if not reference.path.is_file():
            if reference.how in ("report", "response"):
                outcome.findings.append(_missing(reference, settings.root))
            continue
        if reference.path not in attachments:
            attachments[reference.path] = _Attachment(
                reference.path, display_path(reference.path, here), reference.name, by_path[reference.path]
            )
            outcome.extra_files += 1

    # Any declaration lets a file through (one in a document not being checked too); only those in scope are reported.
    hand_checked = {d.file for d in _declarations(library, policy)}

    to_inspect = []
    for attachment in attachments.values():
        in_attachment_folder = attachment.name.startswith(ATTACHMENT_FOLDERS)
        if not attachment.referred and in_attachment_folder:
            outcome.findings.append(
                Finding(
                    attachment.display, 1, 1, "attachments/unreferenced",
                    "Nothing links to this file, so it is not published; name it in a review's `report:` or link to it from a "
                    "document's text, or delete it if it is not needed",
                    Severity.WARNING,
                )
            )  # fmt: skip
            if attachment.path.suffix.lower() not in ATTACHMENT_SUFFIXES:
                continue
        if attachment.path.suffix.lower() not in ATTACHMENT_SUFFIXES:
            attachment.inspection = Inspection([_unsupported(attachment.path)])
        else:
            to_inspect.append(attachment)
    _inspect_all(to_inspect, policy, settings.root, use_cache=use_cache, whole=whole)

    waived: dict[str, list[str]] = {}
    for attachment in attachments.values():
        if attachment.inspection is None:
            continue
        declared = [phrase for r in attachment.referred for phrase in _declared_phrases(r.by)]
        found, let_through = _findings(attachment, declared, attachment.name in hand_checked, policy)
        outcome.findings.extend(found)
        if let_through:
            waived.setdefault(attachment.name, []).extend(let_through)
    for declaration in _declarations(scope, policy if whole else None):
        used = tuple(waived.get(declaration.file, ()))
        outcome.hand_checks.append(HandCheck(declaration, used))
        if not used:
            outcome.findings.append(_unused(declaration, settings.root, attachments))
    return outcome


def _declarations(library: Library, policy: Policy | None) -> list[CheckedByHand]:
    items: list[Document | Page] = [*library.documents, *library.pages]
    found = [d for item in items for d in item.checked_by_hand]
    return found + list(policy.checked_by_hand) if policy is not None else found


def _declared_phrases(item: Document | Page) -> Iterable[str]:
    yield from item.pseudonyms
    yield from (a.text for a in item.allow)


def _missing(reference: Reference, root: Path) -> Finding:
    folder = (root / reference.name).parent
    present = [p.name for p in folder.iterdir() if p.is_file()] if folder.is_dir() else []
    close = difflib.get_close_matches(Path(reference.name).name, present, n=1, cutoff=0.6)
    hint = f"did you mean `{Path(reference.name).parent.as_posix()}/{close[0]}`?" if close else "put the file there, or correct the path"
    return Finding(
        reference.by.source.display,
        reference.line,
        reference.column,
        "attachments/missing",
        f"`{reference.how}` names {reference.name}, which does not exist; {hint}",
    )


def reader_for(path: Path) -> Any:
    """The module that reads an attachment of this kind: :mod:`.pdf`, :mod:`.docx` or :mod:`.images`."""
    return {".pdf": pdf, ".docx": docx}.get(path.suffix.lower(), images)


def _unsupported(path: Path) -> Problem:
    word = " (save it in Word as a .docx, or as a PDF)" if path.suffix.lower() in (".doc", ".docm", ".odt", ".rtf") else ""
    return Problem(
        "attachments/unsupported",
        f"A {path.suffix.lstrip('.').upper() or 'file without an extension'} file cannot be checked for personal data "
        f"(only PDF, Word .docx, PNG, JPEG, GIF and WebP can); publish it as a PDF or a .docx made from the original document{word}, "
        "or, if a person has checked all of it instead, declare it in `checked_by_hand` with a reason",
    )


def _unused(declaration: CheckedByHand, root: Path, attachments: dict[Path, _Attachment]) -> Finding:
    path = (root / declaration.file).resolve()
    if not path.is_file():
        why = f"names {declaration.file}, which does not exist; correct the path or remove the entry"
    elif path not in attachments:
        why = f"names {declaration.file}, which nothing links to; remove the entry"
    else:
        why = f"names {declaration.file}, but the check can read all of it; remove the entry, so the sign-off report lists only real exceptions"
    display = declaration.declared_in or "anonymisation.yml"
    return Finding(display, declaration.line or 1, 1, "attachments/unused-checked-by-hand", f"`checked_by_hand` {why}", Severity.WARNING)


# --- reading, with the cache ----------------------------------------------------------


def _version(policy: Policy) -> str:
    """What decides an attachment's cached result: the engine, the readers' code, pypdf and Pillow."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    libraries = installed_versions(("pypdf", "pillow"))  # .docx parts are read by the standard library
    return f"{keys.engine_version(policy.model)}/readers-{digest.hexdigest()[:12]}/{'/'.join(libraries)}"


def _inspect_all(attachments: Sequence[_Attachment], policy: Policy, root: Path, *, use_cache: bool, whole: bool) -> None:
    """Fill in each attachment's inspection: from the cache for unchanged files, else read and scanned now."""
    cache = ResultCache(root if use_cache else None, _version(policy), name="attachments")
    fingerprint = policy.fingerprint()
    keys = []
    fresh: list[tuple[str, _Attachment, Inspection]] = []
    for attachment in attachments:
        try:
            data = attachment.path.read_bytes()
        except OSError as exc:
            raise CheckUnavailable(
                f"{attachment.display}: the file cannot be read ({exc.strerror}); check it exists and is readable"
            ) from None
        key = f"{hashlib.sha256(data).hexdigest()[:32]}-{fingerprint}"
        keys.append(key)
        entry = cache.get(key)
        if entry is not None:
            attachment.inspection = _from_cache(entry)
            continue
        fresh.append((key, attachment, reader_for(attachment.path).inspect(data)))
    texts = [unit.text for _, _, inspection in fresh for unit in inspection.units]
    detections: Iterator[list[Any]] = iter([])
    if texts:
        from ..anonymisation.engine import engine

        detections = iter(list(engine(policy.model).analyze(texts)))
    for key, attachment, inspection in fresh:
        units = []
        for unit in inspection.units:
            found = [[d.entity, d.start, d.end, round(d.score, 3)] for d in next(detections)]
            if found or unit.person:
                # Only texts that may be reported are kept; a clean page's text stays out of the cache.
                units.append([unit.page, unit.field, unit.person, unit.text, found])
        entry = {"problems": [p.to_list() for p in inspection.problems], "units": units}
        cache.put(key, entry)
        attachment.inspection = _from_cache(entry)
    if use_cache:
        cache.save(set(keys) if whole else set(keys) | set(cache.entries))


@dataclass
class _Scanned(Inspection):
    detections: list[list[list[Any]]] = field(default_factory=list)


def _from_cache(entry: dict[str, Any]) -> _Scanned:
    units = [Unit(text, page, name, person) for page, name, person, text, _ in entry["units"]]
    return _Scanned([Problem.from_list(p) for p in entry["problems"]], units, [u[4] for u in entry["units"]])


# --- findings ---------------------------------------------------------------------------


def _findings(attachment: _Attachment, declared: list[str], checked_by_hand: bool, policy: Policy) -> tuple[list[Finding], list[str]]:
    inspection = attachment.inspection
    assert inspection is not None
    display = attachment.display
    findings: list[Finding] = []
    waived: list[str] = []
    for problem in inspection.problems:
        if problem.waivable and checked_by_hand:
            waived.append(problem.message.split(";", 1)[0])
            continue
        findings.append(
            Finding(
                display,
                1,
                1,
                problem.rule,
                problem.message.replace("{file}", display),
                problem.severity,
                page=problem.page,
                field=problem.field,
            )
        )
    findings.extend(file_name_findings(attachment.display, attachment.name, declared, policy))
    detections = inspection.detections if isinstance(inspection, _Scanned) else [[] for _ in inspection.units]
    for unit, found in zip(inspection.units, detections, strict=True):
        kept = accepted(unit.text, found, policy, declared)
        for entity, start, end, score in kept:
            findings.append(_personal_data(display, unit, entity, start, end, score, policy))
        if unit.person and not kept and not accepted_whole(unit.text, declared, policy):
            findings.append(
                Finding(
                    display, 1, 1, "attachments/metadata",
                    f"{unit.place}: the file's metadata names who made it, owns it or is in it; {_fix(unit, display)}",
                    Severity.WARNING, page=unit.page, field=unit.field,
                )
            )  # fmt: skip
    return findings, waived


def _personal_data(display: str, unit: Unit, entity: str, start: int, end: int, score: float, policy: Policy) -> Finding:
    text = unit.text
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    end_line = text.count("\n", 0, end) + 1
    end_column = end - (text.rfind("\n", 0, end) + 1) + 1
    kind = ENTITIES[entity]
    if unit.page is not None and unit.field is None:
        message = f"{unit.place}: {kind.message()} (in a PDF: change the original document, then make the PDF again)"
    else:
        message = f"{unit.place}: Possible {kind.what}; {_fix(unit, display)}"
    severity = Severity.ERROR if policy.severity_of(entity) == "error" else Severity.WARNING
    return Finding(
        display, line, column, f"anonymisation/{entity}", message, severity,
        end_line=end_line, end_column=end_column, entity=entity, text=text[start:end], score=score, page=unit.page, field=unit.field,
    )  # fmt: skip


def _fix(unit: Unit, display: str) -> str:
    if display.lower().endswith(".docx"):
        return docx.fix(unit.field).replace("{file}", display)
    if display.lower().endswith(".pdf"):
        return pdf.fix(unit).replace("{file}", display)
    return CLEAN_HINT.replace("{file}", display)
