"""Check a labelled set for the anonymisation check: its documents, its labels and the figures its README declares.

Usage:  python tools/validate_labelled_set.py tests/data/anonymisation-holdout

A labelled set is a folder holding ``documents/leaky-NN.md`` (personal data
planted in them), ``documents/clean-NN.md`` (none), ``labels.yml`` (every
planted string, ``{file, text, kind}``) and a ``README.md``. The set's own
figures come from the folder itself, not from this tool: which documents there
are, and, where the README declares them, the word counts of its Layout lines
("(250–600 words each, 18,463 words in all)"), the labels per kind of its
"Kinds and counts" table and the number of labels in front matter. The tool
checks that:

- the documents are leaky-01..N and clean-01..M with no gap and nothing else,
  as many as the README says;
- every document's front matter passes the project's own content model (the
  vocabulary of this repository's ``themes.yml``);
- every label's text occurs in its file at word boundaries and not in the
  ``published`` date; no label is given twice, clashes with the file's
  ``pseudonyms`` or ``allow``, or overlaps a label of another kind; clean files
  have none and leaky files have some;
- the invented data follows the rules: NHS numbers start 999 and pass the
  modulus 11 check, phone numbers are in Ofcom's drama ranges, National
  Insurance numbers, postcodes and e-mail domains have the agreed formats;
- no identifier-shaped string (a phone number, an e-mail address, an NHS-like
  or NI-like number, a postcode, a date) is left unlabelled and undeclared (in
  a set whose leaky files are copies of clean ones, only what a copy adds), and
  no planted string from a leaky file turns up in a clean one.

Exit status 0 when everything passes, 1 otherwise; ``tests/test_labelled_sets.py`` runs it over every set.
"""

from __future__ import annotations

import collections
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from learning_library.anonymisation.entities import ENTITIES
from learning_library.content import parse_document
from learning_library.vocabulary import load_vocabulary

if __package__:  # imported as tools.validate_labelled_set, by the tests
    from .invented_data import EMAIL_DOMAINS, POSTCODE, email_ok, nhs_ok, nino_ok, phone_ok
else:  # run as a script, with tools/ on the path
    from invented_data import EMAIL_DOMAINS, POSTCODE, email_ok, nhs_ok, nino_ok, phone_ok  # type: ignore[import-not-found,no-redef]

REPO = Path(__file__).resolve().parent.parent
KINDS = tuple(ENTITIES)
"""The kinds a label may have: the entities the check reports."""
DOCUMENT = re.compile(r"^(leaky|clean)-(\d{2,})\.md$")


# Identifier-shaped strings that must be labelled or declared in `allow:`.
SCAN = [
    ("phone", re.compile(r"(?<![\w/])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w/])")),
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("NHS-like number", re.compile(r"(?<![\w/])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w/])")),
    ("NI-like number", re.compile(r"(?<!\w)[A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-Da-d](?!\w)")),
    ("postcode", re.compile(r"(?<!\w)[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}(?!\w)")),
    ("numeric date", re.compile(r"(?<![\w/.])\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?![\w/])|(?<!\w)\d{4}-\d{2}-\d{2}(?!\w)")),
    (
        "day-month-year date",
        re.compile(
            r"(?<!\w)\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,? \d{4}"
            r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}(?:st|nd|rd|th)?, \d{4}"
        ),
    ),
]


@dataclass
class Declared:
    """The figures a set's README declares; None where it declares nothing."""

    documents: dict[str, int] = field(default_factory=dict)  # leaky and clean, from the Layout lines
    words: dict[str, tuple[int, int]] = field(default_factory=dict)  # the range of each group's body word counts
    clean_words: int | None = None
    per_kind: dict[str, int] = field(default_factory=dict)
    front_matter: int | None = None


def declared(readme: Path) -> Declared:
    """Read what a set's README says it holds (see the sets under ``tests/data/``)."""
    found = Declared()
    if not readme.is_file():
        return found
    text = readme.read_text(encoding="utf-8")
    for group, last, rest in re.findall(r"^documents/(leaky|clean)-01\.md \S+ \w+-(\d+)\.md(.*)$", text, re.MULTILINE):
        found.documents[group] = int(last)
        if words := re.search(r"\((\d[\d,]*)[–-](\d[\d,]*) words each(?:, (\d[\d,]*) words in all)?\)", rest):
            found.words[group] = (int(words[1].replace(",", "")), int(words[2].replace(",", "")))
            if words[3] and group == "clean":
                found.clean_words = int(words[3].replace(",", ""))
    found.per_kind = {kind: int(count) for kind, count in re.findall(r"^\| ([A-Z_]+) \| (\d+) \|", text, re.MULTILINE)}
    if front := re.search(r"^(\d+) labels occur in front matter", text, re.MULTILINE):
        found.front_matter = int(front[1])
    return found


@dataclass
class _Document:
    text: str
    body_start: int
    allowed: set[str]
    pseudonyms: set[str]
    published: tuple[int, int] | None
    """Where the ``published:`` value is, which no label may fall in."""


@dataclass
class Result:
    """What checking a set found: problems that fail it, and its figures."""

    errors: list[str] = field(default_factory=list)
    counts: collections.Counter[str] = field(default_factory=collections.Counter)
    documents: dict[str, int] = field(default_factory=dict)
    front_matter: int = 0
    clean_words: int = 0

    def summary(self) -> str:
        total = sum(self.counts.values())
        lines = ["Planted identifiers per kind:", *(f"  {kind:25} {self.counts[kind]:4}" for kind in KINDS)]
        lines.append(f"  {'total':25} {total:4}  (excluding LOCATION: {total - self.counts['LOCATION']})")
        lines.append(f"Labels in front matter values: {self.front_matter}")
        lines.append(f"Documents: {self.documents.get('leaky', 0)} leaky, {self.documents.get('clean', 0)} clean")
        lines += [f"Clean words: {self.clean_words}", *(f"ERROR: {e}" for e in self.errors), "FAILED" if self.errors else "OK"]
        return "\n".join(lines)


def validate(folder: Path) -> Result:
    """Check one labelled set; every problem found is in the result's ``errors``."""
    result = Result()
    expected = declared(folder / "README.md")
    documents = _read_documents(folder, expected, result)
    labels = _read_labels(folder, documents, result)
    _check_overlaps_and_leaks(documents, labels, result)
    _check_declared_figures(expected, result)
    return result


def _read_documents(folder: Path, expected: Declared, result: Result) -> dict[str, _Document]:
    vocabulary = load_vocabulary(REPO / "themes.yml")
    names = sorted(p.name for p in (folder / "documents").glob("*")) if (folder / "documents").is_dir() else []
    numbers: dict[str, list[int]] = {"leaky": [], "clean": []}
    for name in names:
        match = DOCUMENT.match(name)
        if not match:
            result.errors.append(f"documents/{name}: unexpected file (expected leaky-NN.md and clean-NN.md)")
            continue
        numbers[match[1]].append(int(match[2]))
    for group, found in numbers.items():
        last = expected.documents.get(group, max(found, default=0))
        for missing in sorted(set(range(1, last + 1)) - set(found)):
            result.errors.append(f"documents/{group}-{missing:02d}.md: missing")
        for extra in sorted(n for n in found if n > last):
            result.errors.append(f"documents/{group}-{extra:02d}.md: unexpected (the README declares {last})")
        result.documents[group] = len(found)
    documents: dict[str, _Document] = {}
    for name in names:
        if not DOCUMENT.match(name):
            continue
        path = folder / "documents" / name
        text = path.read_text(encoding="utf-8")
        document, findings = parse_document(path, f"documents/{name}", vocabulary, text=text)
        for f in findings:
            if f.blocks:
                result.errors.append(f"{f.path}:{f.line}:{f.column}: {f.message}")
        if document is None:
            continue
        body_start = document.source.front.body_offset
        words = sum(1 for token in text[body_start:].split() if re.search(r"[A-Za-z0-9]", token))
        group = "leaky" if name.startswith("leaky") else "clean"
        low, high = expected.words.get(group, (0, 10**9))
        if not low <= words <= high:
            result.errors.append(f"documents/{name}: the body has {words} words; the README says {low}–{high}")
        if group == "clean":
            result.clean_words += words
        published = re.search(r"^published:\s*(\S+)\s*$", text[:body_start], re.MULTILINE)
        documents[name] = _Document(
            text,
            body_start,
            {a.text for a in document.allow} | set(document.pseudonyms),
            set(document.pseudonyms),
            published.span(1) if published else None,
        )
    return documents


@dataclass(frozen=True)
class _Label:
    file: str
    text: str
    kind: str
    spans: tuple[tuple[int, int], ...]


def _read_labels(folder: Path, documents: dict[str, _Document], result: Result) -> list[_Label]:
    try:
        raw: Any = yaml.safe_load((folder / "labels.yml").read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        result.errors.append(f"labels.yml cannot be read: {exc}")
        return []
    if not isinstance(raw, list):
        result.errors.append("labels.yml must be a list of {file, text, kind}")
        return []
    labels: list[_Label] = []
    seen: set[tuple[str, str]] = set()
    for n, entry in enumerate(raw, 1):
        if not isinstance(entry, dict) or set(entry) != {"file", "text", "kind"}:
            result.errors.append(f"labels.yml entry {n}: must have exactly file, text, kind")
            continue
        name, text, kind = str(entry["file"]), str(entry["text"]), str(entry["kind"])
        where = f"labels.yml entry {n} ({name}, {text!r})"
        if kind not in KINDS:
            result.errors.append(f"{where}: unknown kind {kind}")
        document = documents.get(name)
        if document is None:
            result.errors.append(f"{where}: documents/{name} does not exist or its front matter is invalid")
            continue
        if not name.startswith("leaky-"):
            result.errors.append(f"{where}: clean documents must have no labels")
        if (name, text) in seen:
            result.errors.append(f"{where}: labelled twice")
        seen.add((name, text))
        spans = tuple(_occurrences(document.text, text))
        if not spans:
            result.errors.append(f"{where}: the text does not occur in the file")
            continue
        result.errors.extend(_label_problems(where, document, text, kind, spans))
        if any(a < document.body_start for a, _ in spans):
            result.front_matter += 1
        result.counts[kind] += 1
        labels.append(_Label(name, text, kind, spans))
    labelled = {label.file for label in labels}
    result.errors += [
        f"documents/{name}: a leaky document without labels" for name in documents if name.startswith("leaky-") and name not in labelled
    ]
    return labels


def _label_problems(where: str, document: _Document, text: str, kind: str, spans: tuple[tuple[int, int], ...]) -> Iterator[str]:
    for a, b in spans:
        if not _at_boundary(document.text, a, b):
            yield f"{where}: occurs inside a larger word at offset {a}"
        if document.published and document.published[0] <= a < document.published[1]:
            yield f"{where}: occurs in the published date"
    if text in document.allowed:
        yield f"{where}: also declared in pseudonyms or allow"
    rules = {
        "UK_NHS": (nhs_ok, "an NHS number must start 999 and pass the modulus 11 check"),
        "PHONE_NUMBER": (phone_ok, "a phone number must be in an Ofcom drama range"),
        "UK_NINO": (nino_ok, "not a valid-format National Insurance number"),
        "UK_POSTCODE": (lambda s: bool(POSTCODE.match(s)), "not a postcode or outward code"),
        "EMAIL_ADDRESS": (email_ok, f"an e-mail address must use an example domain ({', '.join(EMAIL_DOMAINS)}, *.example)"),
    }
    if kind in rules and not rules[kind][0](text):
        yield f"{where}: {rules[kind][1]}"


def _check_overlaps_and_leaks(documents: dict[str, _Document], labels: list[_Label], result: Result) -> None:
    by_file: dict[str, list[_Label]] = collections.defaultdict(list)
    for label in labels:
        by_file[label.file].append(label)
    for name, found in by_file.items():
        for i, one in enumerate(found):
            for other in found[i + 1 :]:
                overlapping = any(a1 < b2 and a2 < b1 for a1, b1 in one.spans for a2, b2 in other.spans)
                if overlapping and one.kind != other.kind:
                    result.errors.append(f"{name}: labels {one.text!r} ({one.kind}) and {other.text!r} ({other.kind}) overlap")
    twins = _twins(documents)
    paired = bool(twins)
    for name, document in sorted(documents.items()):
        # In a paired set the clean files hold legitimate dates and numbers, and a leaky file differs only where data is planted.
        if paired and name.startswith("clean-"):
            continue
        twin = twins[name].text if paired else ""
        covered = [span for label in by_file.get(name, []) for span in label.spans]
        covered += [span for allowed in document.allowed for span in _occurrences(document.text, allowed)]
        for what, pattern in SCAN:
            for match in pattern.finditer(document.text):
                a, b = match.span()
                if document.text[a] == "(" and ")" not in match[0]:  # "a mobile number (07700 900563)": the bracket is the sentence's
                    a += 1
                if document.published and document.published[0] <= a < document.published[1]:
                    continue
                if paired and document.text[a:b] in twin:
                    continue
                if not any(ca <= a and b <= cb for ca, cb in covered):
                    line = document.text.count("\n", 0, a) + 1
                    result.errors.append(f"documents/{name}:{line}: unlabelled {what} {match[0]!r}")
    planted = {(label.text, label.kind) for label in labels if label.kind != "PERSON" or " " in label.text}
    for name, document in sorted(documents.items()):
        if name.startswith("clean-"):
            for text, kind in sorted(planted):  # a first name alone may be an ordinary word in a clean file
                if any(_at_boundary(document.text, a, b) for a, b in _occurrences(document.text, text)):
                    result.errors.append(f"documents/{name}: contains the planted identifier {text!r} ({kind})")


def _twins(documents: dict[str, _Document]) -> dict[str, _Document]:
    """Each leaky file's clean twin, when every leaky file is a copy of a clean one with data planted in it; else nothing.

    Such a set (``anonymisation-real``) measures false alarms on its clean files,
    which may say legitimate dates and numbers. A copy shares most of its lines with its twin.
    """
    clean = {name: set(d.text.splitlines()) for name, d in documents.items() if name.startswith("clean-")}
    twins: dict[str, _Document] = {}
    for name, document in documents.items():
        if name.startswith("leaky-"):
            lines = set(document.text.splitlines())
            best = max(clean, key=lambda c: len(lines & clean[c]), default=None)
            if best is None or len(lines & clean[best]) < len(lines) / 2:
                return {}
            twins[name] = documents[best]
    return twins


def _check_declared_figures(expected: Declared, result: Result) -> None:
    for kind, count in expected.per_kind.items():
        if result.counts[kind] != count:
            result.errors.append(f"{kind}: {result.counts[kind]} labels, but the README's table says {count}")
    if expected.front_matter is not None and result.front_matter != expected.front_matter:
        result.errors.append(f"{result.front_matter} labels occur in front matter, but the README says {expected.front_matter}")
    if expected.clean_words is not None and result.clean_words != expected.clean_words:
        result.errors.append(f"the clean documents have {result.clean_words} words, but the README says {expected.clean_words}")


def _occurrences(text: str, needle: str) -> Iterator[tuple[int, int]]:
    start = text.find(needle)
    while needle and start >= 0:
        yield start, start + len(needle)
        start = text.find(needle, start + 1)


def _at_boundary(text: str, a: int, b: int) -> bool:
    before = text[a - 1] if a > 0 else " "
    after = text[b] if b < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print(__doc__.split("\n\n", 2)[1] if __doc__ else "", file=sys.stderr)
        return 2
    result = validate(Path(argv[0]))
    print(result.summary())
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
