#!/usr/bin/env python3
"""Check the held-out anonymisation evaluation set in this folder.

Usage:  python3 validate.py            (needs PyYAML only)

Checks
- documents/ holds leaky-01..40.md and clean-01..20.md, nothing else;
- every document's front matter parses and has title, type, published
  (YYYY-MM-DD), themes and summary, with slugs valid in ../../../themes.yml,
  and no keys the content model does not know;
- word counts: leaky 250-600, clean 500-900, clean total >= 12,000;
- labels.yml: every file exists, every text occurs in its file at word
  boundaries, no duplicates, no clash with the file's pseudonyms/allow, no
  overlap between labels of different kinds, nothing labelled in clean files;
- NHS labels start 999 and pass the modulus 11 check; phone labels are in
  Ofcom's drama ranges; NI numbers, postcodes and e-mail domains have the
  agreed invented formats;
- a scan of every document for identifier-shaped strings (phones, e-mails,
  NHS-like and NI-like numbers, postcodes, numeric dates) that are neither
  labelled nor declared in `allow:` (catches accidental, unlabelled leaks);
- counts per kind, total planted >= 220 excluding LOCATION, at least 60 PERSON and
  15 of every other kind (about 20 LOCATION), and at least
  10 planted identifiers inside front matter values.

Exit status 0 when everything passes, 1 otherwise.
"""

import collections
import datetime
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "documents")
LABELS = os.path.join(HERE, "labels.yml")
THEMES = os.path.normpath(os.path.join(HERE, "..", "..", "..", "themes.yml"))

N_LEAKY, N_CLEAN = 40, 20
LEAKY_WORDS, CLEAN_WORDS, CLEAN_TOTAL = (250, 600), (500, 900), 12000
MIN_PLANTED_EXCL_LOCATION, MIN_FRONT_MATTER = 220, 10
MIN_PER_KIND = {
    "PERSON": 60,
    "STREET_ADDRESS": 15,
    "UK_POSTCODE": 15,
    "PHONE_NUMBER": 15,
    "EMAIL_ADDRESS": 15,
    "DATE": 15,
    "UK_NHS": 15,
    "UK_NINO": 15,
    "REFERENCE_NUMBER": 15,
    "UK_VEHICLE_REGISTRATION": 15,
    "SOCIAL_MEDIA": 15,
    "NAMED_SETTING": 15,
    "LOCATION": 18,
}
KINDS = set(MIN_PER_KIND)

COMMON_KEYS = {"title", "type", "published", "status", "themes", "summary", "pseudonyms", "allow", "related"}
REVIEW_KEYS = {"age_band", "agencies", "model", "report", "available_until", "recommendations", "response", "national_repository"}
BRIEFING_KEYS = {"audience"}
REQUIRED = ["title", "type", "published", "themes", "summary"]

# Ofcom drama ranges, as 11-digit national numbers: (prefix, first, last)
DRAMA = [("07700", 900000, 900999), ("01632", 960000, 960999), ("020", 79460000, 79460999)] + [
    (code, int(block + "0000"), int(block + "0999"))
    for code, block in [
        ("0113", "496"),
        ("0114", "496"),
        ("0115", "496"),
        ("0116", "496"),
        ("0117", "496"),
        ("0118", "496"),
        ("0121", "496"),
        ("0131", "496"),
        ("0141", "496"),
        ("0151", "496"),
        ("0161", "496"),
        ("0191", "498"),
    ]
]

EMAIL_DOMAINS = ("example.com", "example.org")

errors, warnings = [], []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


# ---------------------------------------------------------------- helpers
def split_front_matter(text):
    """Return (front matter text, body text, body start offset) or None."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 4)
    if end < 0:
        return None
    return text[4:end], text[end + 5 :], end + 5


def word_count(body):
    return sum(1 for tok in body.split() if re.search(r"[A-Za-z0-9]", tok))


def nhs_ok(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 10 or not d.startswith("999"):
        return False
    total = sum(int(x) * w for x, w in zip(d[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(d[9])


def phone_national(s):
    d = re.sub(r"\D", "", s)
    if s.strip().startswith("+44") or (d.startswith("44") and len(d) >= 12):
        d = "0" + d[2:]
        if d.startswith("00"):  # +44 (0)7700 ...
            d = d[1:]
    return d


def phone_ok(s):
    d = phone_national(s)
    if len(d) != 11:
        return False
    for prefix, lo, hi in DRAMA:
        if d.startswith(prefix):
            rest = d[len(prefix) :]
            return rest.isdigit() and lo <= int(rest) <= hi
    return False


NINO_RE = re.compile(r"^([A-Z]{2})(\d{6})([A-D])$")


def nino_ok(s):
    t = re.sub(r"\s", "", s).upper()
    m = NINO_RE.match(t)
    if not m:
        return False
    # this held-out set uses only HMRC's example prefix QQ
    return m.group(1) == "QQ"


POSTCODE_FULL = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$", re.I)
POSTCODE_OUT = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?$", re.I)


def email_ok(s):  # example.com, example.org or *.example
    dom = s.rsplit("@", 1)[-1].lower()
    return dom in EMAIL_DOMAINS or dom.endswith(".example")


def occurrences(text, needle):
    start = 0
    while True:
        i = text.find(needle, start)
        if i < 0:
            return
        yield i, i + len(needle)
        start = i + 1


def at_boundary(text, a, b):
    before = text[a - 1] if a > 0 else " "
    after = text[b] if b < len(text) else " "
    return not before.isalnum() and not after.isalnum()


# identifier-shaped strings that must be labelled or allowed
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


# ---------------------------------------------------------------- vocabulary
try:
    with open(THEMES, encoding="utf-8") as f:
        vocab = yaml.safe_load(f)
except OSError as e:
    sys.exit(f"cannot read themes.yml at {THEMES}: {e}")
THEME_SLUGS = set(vocab.get("themes", {}))
REVIEW_TYPES = set(vocab.get("review_types", {}))
BRIEFING_TYPES = set(vocab.get("briefing_types", {}))
AGENCIES = set(vocab.get("agencies", {}))
AGE_BANDS = set(str(k) for k in vocab.get("age_bands", {}))

# ---------------------------------------------------------------- documents
expected = {f"leaky-{i:02d}.md" for i in range(1, N_LEAKY + 1)} | {f"clean-{i:02d}.md" for i in range(1, N_CLEAN + 1)}
present = set(os.listdir(DOCS)) if os.path.isdir(DOCS) else set()
for name in sorted(expected - present):
    err(f"documents/{name}: missing")
for name in sorted(present - expected):
    err(f"documents/{name}: unexpected file (expected leaky-01..{N_LEAKY}, clean-01..{N_CLEAN})")

docs = {}  # name -> dict(text, fm_end, meta, allowed strings)
clean_total = 0
for name in sorted(present & expected):
    path = os.path.join(DOCS, name)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    parts = split_front_matter(text)
    if parts is None:
        err(f"documents/{name}: no front matter between '---' lines at the top")
        continue
    fm_text, body, body_start = parts
    try:
        meta = yaml.safe_load(fm_text) or {}
    except yaml.YAMLError as e:
        err(f"documents/{name}: front matter is not valid YAML: {e}")
        continue
    if not isinstance(meta, dict):
        err(f"documents/{name}: front matter is not a mapping")
        continue
    for key in REQUIRED:
        if key not in meta:
            err(f"documents/{name}: front matter has no '{key}'")
    dtype = meta.get("type")
    is_review = dtype in REVIEW_TYPES
    if dtype not in REVIEW_TYPES | BRIEFING_TYPES:
        err(f"documents/{name}: type '{dtype}' is not a review or briefing type in themes.yml")
    allowed_keys = COMMON_KEYS | (REVIEW_KEYS if is_review else BRIEFING_KEYS)
    for key in meta:
        if key not in allowed_keys:
            err(f"documents/{name}: unknown front matter key '{key}' for type '{dtype}'")
    m = re.search(r"^published:\s*(\S+)\s*$", fm_text, re.M)
    if not m or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", m.group(1).strip("'\"")):
        err(f"documents/{name}: published must be a date written YYYY-MM-DD")
    elif not isinstance(meta.get("published"), (datetime.date, str)):
        err(f"documents/{name}: published is not a date")
    themes = meta.get("themes")
    if not isinstance(themes, list) or not themes:
        err(f"documents/{name}: themes must be a non-empty list")
    else:
        for t in themes:
            if t not in THEME_SLUGS:
                err(f"documents/{name}: theme '{t}' is not in themes.yml")
    for key in ("title", "summary"):
        if key in meta and not (isinstance(meta[key], str) and meta[key].strip()):
            err(f"documents/{name}: {key} must be non-empty text")
    if "age_band" in meta and str(meta["age_band"]) not in AGE_BANDS:
        err(f"documents/{name}: age_band '{meta['age_band']}' is not in themes.yml")
    for a in meta.get("agencies") or []:
        if a not in AGENCIES:
            err(f"documents/{name}: agency '{a}' is not in themes.yml")
    allowed = set()
    pseud = meta.get("pseudonyms") or []
    if not isinstance(pseud, list) or not all(isinstance(p, str) for p in pseud):
        err(f"documents/{name}: pseudonyms must be a list of text")
    else:
        allowed |= set(pseud)
    for item in meta.get("allow") or []:
        if isinstance(item, str):
            allowed.add(item)
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            allowed.add(item["text"])
            if set(item) - {"text", "reason"}:
                err(f"documents/{name}: allow entries take only text and reason")
        else:
            err(f"documents/{name}: allow entries must be text or {{text, reason}}")
    words = word_count(body)
    lo, hi = LEAKY_WORDS if name.startswith("leaky") else CLEAN_WORDS
    if not lo <= words <= hi:
        err(f"documents/{name}: body has {words} words, expected {lo}-{hi}")
    if name.startswith("clean"):
        clean_total += words
    docs[name] = dict(
        text=text,
        fm_end=body_start,
        meta=meta,
        allowed=allowed,
        pseudonyms=set(pseud) if isinstance(pseud, list) else set(),
        published_line=m.span() if m else None,
    )

# ---------------------------------------------------------------- labels
try:
    with open(LABELS, encoding="utf-8") as f:
        labels = yaml.safe_load(f) or []
except (OSError, yaml.YAMLError) as e:
    sys.exit(f"cannot read labels.yml: {e}")
if not isinstance(labels, list):
    sys.exit("labels.yml must be a list")

by_file = collections.defaultdict(list)
seen = set()
counts = collections.Counter()
front_matter_labels = 0
for n, lab in enumerate(labels, 1):
    if not isinstance(lab, dict) or set(lab) != {"file", "text", "kind"}:
        err(f"labels.yml entry {n}: must have exactly file, text, kind")
        continue
    fn, text, kind = lab["file"], str(lab["text"]), lab["kind"]
    where = f"labels.yml entry {n} ({fn}, {text!r})"
    if kind not in KINDS:
        err(f"{where}: unknown kind {kind}")
    if fn not in docs:
        err(f"{where}: file documents/{fn} does not exist or did not parse")
        continue
    if not fn.startswith("leaky-"):
        err(f"{where}: clean documents must have no labels")
    if (fn, text) in seen:
        err(f"{where}: labelled twice")
    seen.add((fn, text))
    doc = docs[fn]
    spans = list(occurrences(doc["text"], text))
    if not spans:
        err(f"{where}: text does not occur in the file")
        continue
    for a, b in spans:
        if not at_boundary(doc["text"], a, b):
            err(f"{where}: occurs inside a larger word at offset {a}")
        pl = doc["published_line"]
        if pl and a < doc["fm_end"] and pl[0] <= a - 4 < pl[1]:
            err(f"{where}: occurs in the published date")
    if any(a < doc["fm_end"] for a, _ in spans):
        front_matter_labels += 1
    if text in doc["allowed"]:
        err(f"{where}: also declared in pseudonyms/allow")
    for p in doc["pseudonyms"]:
        if re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", text):
            err(f"{where}: contains the declared pseudonym {p!r}")
    if kind == "UK_NHS" and not nhs_ok(text):
        err(f"{where}: NHS number must start 999 and pass the modulus 11 check")
    if kind == "PHONE_NUMBER" and not phone_ok(text):
        err(f"{where}: phone number is not in an Ofcom drama range")
    if kind == "UK_NINO" and not nino_ok(text):
        err(f"{where}: not a valid-format National Insurance number")
    if kind == "UK_POSTCODE" and not (POSTCODE_FULL.match(text) or POSTCODE_OUT.match(text)):
        err(f"{where}: not a postcode or outward code")
    if kind == "EMAIL_ADDRESS" and not email_ok(text):
        err(f"{where}: e-mail must use an example domain ({', '.join(EMAIL_DOMAINS)}, *.example)")
    counts[kind] += 1
    by_file[fn].append((text, kind, spans))

# overlaps between labels in one file
for fn, labs in by_file.items():
    for i, (t1, k1, s1) in enumerate(labs):
        for t2, k2, s2 in labs[i + 1 :]:
            for a1, b1 in s1:
                if any(a1 < b2 and a2 < b1 for a2, b2 in s2):
                    if k1 != k2:
                        err(f"{fn}: labels {t1!r} ({k1}) and {t2!r} ({k2}) overlap")
                    break

for name in docs:
    if name.startswith("leaky-") and not by_file.get(name):
        err(f"documents/{name}: leaky document has no labels")

# ---------------------------------------------------------------- leak scan
for name, doc in sorted(docs.items()):
    text = doc["text"]
    covered = [span for _, _, spans in by_file.get(name, []) for span in spans]
    for a in doc["allowed"]:
        covered += list(occurrences(text, a))
    pl = doc["published_line"]
    for what, rx in SCAN:
        for m in rx.finditer(text):
            a, b = m.span()
            if pl and pl[0] <= a - 4 < pl[1]:
                continue
            if any(ca <= a and b <= cb for ca, cb in covered):
                continue
            line = text.count("\n", 0, a) + 1
            err(f"documents/{name}:{line}: unlabelled {what} {m.group(0)!r}")

# planted strings from leaky files must not turn up in clean files
planted = {(t, k) for labs in by_file.values() for t, k, _ in labs}
for name, doc in sorted(docs.items()):
    if not name.startswith("clean-"):
        continue
    for t, k in planted:
        if k == "PERSON" and " " not in t:
            continue  # single given names may be ordinary words here
        for a, b in occurrences(doc["text"], t):
            if at_boundary(doc["text"], a, b):
                err(f"documents/{name}: contains planted identifier {t!r} ({k})")
                break

# ---------------------------------------------------------------- totals
total = sum(counts.values())
excl = total - counts["LOCATION"]
if excl < MIN_PLANTED_EXCL_LOCATION:
    err(f"only {excl} planted identifiers excluding LOCATION, need {MIN_PLANTED_EXCL_LOCATION}")
for kind, need in MIN_PER_KIND.items():
    if counts[kind] < need:
        warn(f"{kind}: {counts[kind]} labels, the brief asks for about {need}")
if front_matter_labels < MIN_FRONT_MATTER:
    err(f"only {front_matter_labels} labels occur in front matter, need {MIN_FRONT_MATTER}")
if clean_total < CLEAN_TOTAL:
    err(f"clean documents total {clean_total} words, need {CLEAN_TOTAL}")

n_leaky = sum(1 for d in docs if d.startswith("leaky-"))
n_clean = sum(1 for d in docs if d.startswith("clean-"))
print("Planted identifiers per kind:")
for kind in sorted(KINDS):
    print(f"  {kind:25} {counts[kind]:4}")
print(f"  {'total':25} {total:4}  (excluding LOCATION: {excl})")
print(f"Labels in front matter values: {front_matter_labels}")
print(f"Documents: {n_leaky} leaky, {n_clean} clean")
print(f"Clean words: {clean_total}")
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print("FAILED" if errors else "OK")
sys.exit(1 if errors else 0)
