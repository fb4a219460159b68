"""Telling people's names from what reviews legitimately say.

spaCy's small model finds most full names but misses single first names and
names from outside its training data, and it calls many safeguarding words
names ("Child A", "Named Nurse", "Signs of Safety"). This module holds the word
knowledge that corrects both ways: lists of given names and surnames of many
origins, the role words and agencies of safeguarding practice, and the rules
that use them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from importlib import resources
from typing import Any

ROLE_WORDS = frozenset(
    [
        "student",
        "learner",
        "patient",
        "child",
        "children",
        "baby",
        "infant",
        "babies",
        "sibling",
        "siblings",
        "brother",
        "sister",
        "twin",
        "twins",
        "mother",
        "father",
        "mum",
        "mummy",
        "dad",
        "daddy",
        "parent",
        "parents",
        "grandmother",
        "grandfather",
        "grandparent",
        "grandparents",
        "nan",
        "nana",
        "nanny",
        "grandma",
        "grandad",
        "granddad",
        "gran",
        "aunt",
        "uncle",
        "cousin",
        "niece",
        "nephew",
        "stepfather",
        "stepmother",
        "step-father",
        "step-mother",
        "stepdad",
        "stepmum",
        "partner",
        "boyfriend",
        "girlfriend",
        "husband",
        "wife",
        "ex-partner",
        "carer",
        "carers",
        "maternal",
        "paternal",
        "family",
        "household",
        "young",
        "person",
        "people",
        "adult",
        "adults",
        "male",
        "female",
        "man",
        "woman",
        "boy",
        "girl",
        "teenager",
        "toddler",
        "professional",
        "practitioner",
        "worker",
        "social",
        "health",
        "visitor",
        "midwife",
        "nurse",
        "doctor",
        "gp",
        "consultant",
        "paediatrician",
        "police",
        "officer",
        "teacher",
        "head",
        "headteacher",
        "deputy",
        "lead",
        "designated",
        "safeguarding",
        "reviewer",
        "author",
        "chair",
        "panel",
        "manager",
        "team",
        "service",
        "services",
        "named",
        "officer",
        "detective",
        "constable",
        "sergeant",
        "inspector",
        "paramedic",
        "clinician",
        "therapist",
        "psychologist",
        "psychiatrist",
        "keyworker",
        "key",
        "foster",
        "adopter",
        "guardian",
        "guardians",
        "friend",
        "neighbour",
        "neighbours",
        "relative",
        "relatives",
        "subject",
    ]
)
"""Words for the people in a review that are not names (Mother, the health visitor)."""

SAFE_PHRASES = frozenset(
    phrase.strip()
    for phrase in """
    signs of safety|graded care profile|working together|keeping children safe in education|early help|child protection|child in need
    named nurse|named doctor|named midwife|designated nurse|designated doctor|designated safeguarding lead|head of service|team manager
    independent reviewer|independent chair|independent scrutineer|lead reviewer|virtual school|virtual school head|children's guardian
    local authority designated officer|lado|mash|dash|marac|mappa|icon|think family|team around the family|lead professional
    child safeguarding practice review panel|national panel|ofsted|cafcass|nspcc|barnardo's|childline|samaritans|women's aid|refuge
    department for education|department of health|home office|nhs england|care quality commission|cqc|his majesty's inspectorate
    crown prosecution service|national probation service|probation service|youth justice service|youth offending team
    karma nirvana|home-start|home start|the lullaby trust|lullaby trust|young minds|youngminds|kooth|papyrus|the children's society|action for children
    family lives|safelives|galop|victim support|rape crisis|marie collins foundation|internet watch foundation|ceop|lucy faithfull foundation
    stop it now|family nurse partnership|solihull approach|safe and together|sarah's law|clare's law|operation encompass
    family court|crown court|magistrates' court|high court|court of appeal|coroner|royal college|the children act|children act
    """.replace("\n", "|").split("|")
    if phrase.strip()
)
"""Phrases of practice that spaCy calls names or places."""

NOT_PLACES = frozenset(
    [
        "asia",
        "africa",
        "america",
        "south asia",
        "east asia",
        "middle east",
        "the middle east",
        "north africa",
        "east africa",
        "west africa",
        "caribbean",
        "the caribbean",
        "south america",
        "latin america",
        "eastern europe",
        "england",
        "uk",
        "united kingdom",
        "britain",
        "great britain",
        "wales",
        "scotland",
        "northern ireland",
        "ireland",
        "europe",
        "eu",
        "the uk",
        "gb",
        "english",
        "british",
    ]
)
"""Places too large to identify anyone."""

GENERIC_SETTING_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "local",
        "primary",
        "secondary",
        "infant",
        "infants",
        "junior",
        "nursery",
        "school",
        "schools",
        "academy",
        "college",
        "special",
        "independent",
        "catholic",
        "church",
        "community",
        "free",
        "high",
        "grammar",
        "middle",
        "first",
        "prep",
        "preparatory",
        "gp",
        "surgery",
        "practice",
        "medical",
        "health",
        "centre",
        "children's",
        "childrens",
        "family",
        "hub",
        "pre-school",
        "preschool",
        "playgroup",
        "day",
        "virtual",
        "new",
        "her",
        "his",
        "their",
        "its",
        "this",
        "that",
        "another",
        "same",
        "previous",
        "current",
        "mainstream",
        "alternative",
        "provision",
        "pupil",
        "learner",
        "student",
        "referral",
        "unit",
        "pru",
        "further",
        "education",
        "sixth",
        "form",
        "maintained",
        "state",
        "private",
        "faith",
        "village",
        "town",
        "city",
        "council",
        "county",
        "borough",
        "district",
        "area",
        "partnership",
        "english",
        "welsh",
        "child",
        "children",
        "safeguarding",
        "royal",
        "national",
        "open",
        "our",
        "your",
        "my",
        "whole",
        "each",
        "every",
        "all",
        "any",
    ]
)
"""Words that describe a setting without naming it ("the primary school", "a Catholic secondary school")."""

GENERIC_STREET_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "high",
        "main",
        "family",
        "crown",
        "magistrates",
        "county",
        "youth",
        "coroner's",
        "coroners",
        "appeal",
        "supreme",
        "royal",
        "county",
        "high",
        "his",
        "her",
        "their",
        "its",
        "this",
        "that",
        "local",
        "council",
        "car",
        "caravan",
        "trailer",
        "mobile",
        "holiday",
        "national",
        "country",
        "theme",
    ]
)
NOT_STREETS = frozenset(
    phrase.strip()
    for phrase in """
    family court|crown court|county court|youth court|magistrates court|magistrates' court|high court|court|the court
    care home|children's home|foster home|residential home|secure unit|safe place|safe house|meeting place|work place
    the park|the green|the hill|the estate|the house|the lodge
    """.replace("\n", "|").split("|")
    if phrase.strip()
)

COMMON_WORDS = frozenset(
    [
        "and",
        "or",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "was",
        "were",
        "is",
        "are",
        "he",
        "she",
        "they",
        "it",
        "this",
        "that",
    ]
)

_GENERIC_CODE = re.compile(
    r"^(?:(?:maternal|paternal)\s+)?(?:child|baby|infant|sibling|young\s+person|person|adult|parent|mother|father|mum|dad|"
    r"grandmother|grandfather|partner|male|female|man|woman|boy|girl|family|subject|professional|practitioner|worker|"
    r"agency|school|sibling|brother|sister|twin|case|victim|perpetrator|relative|carer|friend|student|pupil|learner|patient|resident|"
    r"officer|nurse|teacher|doctor|worker)\s+[A-Z0-9]{1,2}$",
    re.IGNORECASE,
)
"""Role codes such as Child A, Baby C, Sibling 1, Adult Male 2: accepted everywhere."""

_CODE_IN_TEXT = re.compile(
    r"(?<![\w’'])(?:"
    + _GENERIC_CODE.pattern.removeprefix("^").removesuffix("$").replace(r"\s+[A-Z0-9]{1,2}", "")
    + r")\s+(?-i:[A-Z0-9]{1,2})"
    r"(?![\w’'])|(?<![\w’'])(?:Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+(?-i:[A-Z])\b\.?",
    re.IGNORECASE,
)
"""A role code inside a longer text, and the titled initials reviews use as codes ("Ms A", "Mr K")."""


def role_codes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Ranges of role codes that overlap ``text[start:end]``."""
    low, high = max(0, start - 40), min(len(text), end + 40)
    return [m.span() for m in _CODE_IN_TEXT.finditer(text, low, high) if m.start() < end and start < m.end()]


_EPONYMOUS = (
    r"review|report|inquiry|enquiry|principles|model|framework|triangle|questions|scale|test|tool|method|checklist|assessment|criteria|"
    r"index|protocol|approach|theory|research|work|study|studies|findings|concept|paper|book|contextual|rule|law|clause|scheme|score|sign|"
    r"signs|syndrome|disease|palsy|procedure|classification|technique|manoeuvre|competence|guidelines|cycle|window|pyramid|ladder|wheel|"
    r"matrix|grid|curve|hierarchy|drama"
)
EPONYM_WORDS = frozenset(_EPONYMOUS.split("|"))
"""Words after a person's name that make it an eponym ("the Philomena Protocol", "the Beighton score")."""
_CITATION_AFTER = re.compile(
    r"^(?:[ \t]+et[ \t]+al\b|[ \t]*\(\s*(?:19|20)\d\d|[ \t]*,[ \t]*(?:(?:19|20)\d\d|[A-Z]\.)|[ \t]+(?:19|20)\d\d\b|"
    r"[ \t]+and[ \t]+[A-Z][a-z]+[ \t]*[(,][ \t]*(?:19|20)\d\d|[ \t]+and[ \t]+(?:colleagues|others|co-?authors)\b|"
    r",[ \t]*[A-Z][a-z]+(?:[ \t]*,[ \t]*[A-Z][a-z]+)*[ \t]+and[ \t]+(?:[A-Z][a-z]+[ \t]*[(,][ \t]*(?:19|20)\d\d|colleagues|others)|"
    rf"(?:[’']s?[ \t]+(?:\w+[ \t]+){{0,2}}|[ \t]+)(?i:{_EPONYMOUS})\b|[ \t]+(?i:form|forms)\b|"
    r"[ \t]+(?:Centre|Center|Institute|Foundation|Trust|University|College|Hospital|Hall|Review|Report|Act|Principles|Partnership|Programme|Service)\b)"
)
"""What follows an author's name in a citation: "Brandon et al.", "Ferguson (2017)", "Munro 2011", "the Timpson review"."""

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PAREN_YEAR = re.compile(r"(?:^|[\s,;])(?:19|20)\d\d[a-z]?(?:[ \t]*[,:][ \t]*(?:pp?\.?[ \t]*)?[\d–-]+)?[ \t]*$")
"""A citation's year closing its parentheses: "(Brandon et al., 2020)", "(Munro 2011, p. 34)"."""
_MONTH_BEFORE = re.compile(r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+(?:19|20)?\d*\s*$|[\d/.-]\s*$")
"""A year that ends a date ("18 January 2023", "26/01/2024") is no citation's."""
_REFERENCE_ENTRY = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]+,[ \t]+[A-Z]\.(?:[ \t]*[A-Z]\.)*.*?\((?:19|20)\d\d[a-z]?\)")
"""A line of a reference list: "Surname, I. (2021) Title. Place: Publisher."."""
MONTHS_AND_DAYS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "christmas",
        "easter",
    ]
)
NOT_NAMES = frozenset(
    [
        "roma",
        "gypsy",
        "traveller",
        "travellers",
        "moses",
        "referrer",
        "black",
        "white",
        "asian",
        "caribbean",
        "african",
        "british",
        "english",
        "irish",
        "scottish",
        "welsh",
        "mixed",
        "chinese",
        "arab",
        "pakistani",
        "indian",
        "bangladeshi",
        "polish",
        "romanian",
        "somali",
        "eritrean",
        "afghan",
        "syrian",
        "kurdish",
        "albanian",
        "vietnamese",
        "nigerian",
        "ghanaian",
        "muslim",
        "christian",
        "hindu",
        "sikh",
        "jewish",
        "catholic",
    ]
)
"""Capitalised words spaCy takes for names that are communities, objects or roles."""

_CUE_BEFORE = re.compile(
    r"(?:\b(?i:named|called|known[ \t]+as|also[ \t]+known[ \t]+as|nicknamed|aka:?|a\.k\.a\.?|friend|girlfriend|boyfriend|sister|brother|cousin|"
    r"daughter|son|baby|partner|mum|mother|father|dad|aunt|auntie|aunty|uncle|grandmother|grandfather|grandma|grandad|nan|nana|"
    r"stepfather|stepmother|stepdad|stepmum|wife|husband)[ \t]*,?[ \t]*['‘\"“]?|[a-z][ \t]*,[ \t]+)$"
)
_CUE_AFTER = re.compile(
    r"^(?:[’']s[ \t]+(?:mother|mum|father|dad|parents?|sister|brother|siblings?|grandmother|grandfather|nan|school|nursery|social[ \t]+worker|"
    r"teacher|friends?|partner|baby|death|birth|injur|bedroom|care|carer|home|family|phone|account|flat|house)|['’\"”]?,?[ \t]+(?:aged|who[ \t]+was|said|told|says|reported|"
    r"explained|disclosed|asked|was[ \t]+\d|had[ \t]+been|was[ \t]+born|died|was[ \t]+found|was[ \t]+admitted|gave|promoted|got|on[ \t]+\+?\d|"
    r"was[ \t]+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)|"
    r"(?:a|an)[ \t]+(?:[\w]+-){0,2}(?:year|month|week)-old)\b)"
)
"""Words around a single word that make it a person: "her friend, Amber,", "Grace's parents", "Brook said"."""


_PLACE_WORDS = frozenset(["River", "Lake", "Loch", "Mount", "Forest", "Moor", "Vale", "Isle", "Isles", "Port", "Cape"])
"""Words that make the capitalised word after them a place ("River Exe"), though both may also be names."""


@functools.cache
def _words(name: str) -> frozenset[str]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def first_names() -> frozenset[str]:
    return _words("first_names.txt")


def surnames() -> frozenset[str]:
    return _words("surnames.txt")


def name_words() -> frozenset[str]:
    """Names that are also ordinary words (Rose, Hope, Will)."""
    return _words("name_words.txt")


def english_words() -> frozenset[str]:
    return _words("english_words.txt")


def is_role_code(text: str) -> bool:
    return bool(_GENERIC_CODE.match(text.strip()))


def is_known_name(word: str) -> bool:
    return word in first_names() or word in surnames()


def is_citation(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is an author of cited research (the domain's "Brandon et al. 2020")."""
    if _CITATION_AFTER.match(text[end : end + 60]):
        return True
    opened = text.rfind("(", max(0, start - 80), start)
    if opened != -1 and ")" not in text[opened:start]:
        closed = text.find(")", end, end + 80)
        year = _PAREN_YEAR.search(text[opened + 1 : closed]) if closed != -1 else None
        if year and not _MONTH_BEFORE.search(text[opened + 1 : closed][: year.start() + 1]):
            return True  # (Dingwall, Eekelaar and Murray, 1983); not (Reggie Pennock, DOB 26/01/2024)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    if _REFERENCE_ENTRY.search(line):
        return True  # every name in "Bernard, C. (2021) Safeguarding Black Children. London: Jessica Kingsley." is cited
    before = text[line_start:start].strip(" \t-*•")
    return not before and text[end : end + 1] == "," and bool(_YEAR.search(line))  # a reference list: "Munro, E. (2011)"


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t*_\"“‘'(")
    return not before or before[-1] in ".!?:\n#>-|"


def has_name_cue(text: str, start: int, end: int) -> bool:
    """Whether the words around a single capitalised word say it is a person."""
    before = _CUE_BEFORE.search(text[max(0, start - 30) : start])
    if before and re.fullmatch(r"[a-z][ \t]*,[ \t]+", before.group(0)):
        before = before if text[end : end + 1] == "," else None  # apposition: "a member of staff, Brook, ..."
    return bool(before or _CUE_AFTER.match(text[end : end + 30]))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim what spaCy includes around a name: spaces, quotes, possessive 's, markup."""
    while start < end and not (text[start].isalnum()):
        start += 1
    while end > start and not (text[end - 1].isalnum()):
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end


def is_safe_phrase(phrase: str) -> bool:
    """Whether a phrase is practice vocabulary rather than a name: roles, agencies, tools and codes."""
    lowered = phrase.lower().strip()
    lowered = re.sub(r"^(?:the|a|an)\s+", "", lowered)
    if lowered in SAFE_PHRASES or lowered in NOT_PLACES or is_role_code(phrase):
        return True
    words = re.findall(r"[A-Za-zÀ-ÿ'’-]+", phrase)
    if not words:
        return True
    if all(w.lower() in ROLE_WORDS or w.lower() in COMMON_WORDS for w in words):
        return True
    return any(lowered.startswith(p + " ") or lowered.endswith(" " + p) for p in SAFE_PHRASES if " " in p)


def clean_person(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return the span of a name spaCy found, trimmed, or None when it is not a person's name."""
    start, end = _strip(text, start, end)
    phrase = text[start:end]
    trailing = re.search(r"[ \t]+et[ \t]+al$", phrase)
    if trailing:
        return None  # "Brandon et al": a citation
    if end - start < 2 or "\n" in phrase or is_safe_phrase(phrase) or is_citation(text, start, end):
        return None
    if any(c.isdigit() for c in phrase):
        return None  # "KV19 XRT": a registration or a code, found as what it is by its own recognizer
    words = re.findall(r"[A-Za-zÀ-ÿ'’-]+", phrase)
    if not any(w[0].isupper() for w in words) or (phrase.isupper() and len(phrase) <= 6):
        return None  # lower case, or an abbreviation: MASH, CAMHS
    if len(words) == 1:
        lowered = words[0].lower()
        if lowered in MONTHS_AND_DAYS or lowered in NOT_NAMES or text[end : end + 7] == " basket":
            return None
        if lowered in english_words() and not has_name_cue(text, start, end):
            return None  # "Frank, open questions help": an ordinary word at the start of a sentence
        if not is_known_name(words[0]) and _sentence_start(text, start) and not has_name_cue(text, start, end):
            return None  # "Ketamine, counterfeit tablets...": an unknown word where any word is capitalised
    if all(w.lower() in NOT_NAMES or w.lower() in COMMON_WORDS for w in words):
        return None  # "Black Caribbean": an ethnicity
    if words[0] in _PLACE_WORDS and len(words) > 1:
        return None  # "River Exe": a place, found as one by spaCy's places if at all
    if len(words) > 1 and words[-1].lower() in EPONYM_WORDS:
        return None  # "Philomena Protocol", "Herbert Protocol": named after a person, not a person
    known = [w for w in words if is_known_name(w)]
    if not known and all(w.lower() in english_words() for w in words):
        return None  # ordinary words spaCy took for a name: "Graded Care Profile"
    while words and words[0].lower() in ROLE_WORDS and len(words) > 1:  # "Mother Kerry" -> "Kerry"
        offset = phrase.find(words[1])
        start, phrase, words = start + offset, phrase[offset:], words[1:]
    return start, end


def clean_place(text: str, start: int, end: int) -> tuple[int, int] | None:
    start, end = _strip(text, start, end)
    phrase = text[start:end]
    if end - start < 2 or "\n" in phrase or is_safe_phrase(phrase):
        return None
    if not phrase[0].isupper() or (phrase.isupper() and len(phrase) <= 4):
        return None
    if all(w.lower() in english_words() or w.lower() in ROLE_WORDS for w in re.findall(r"[A-Za-z'’-]+", phrase)):
        return None
    return start, end


def gazetteer_names(text: str, tokens: Any) -> Iterator[tuple[int, int, float]]:
    """Find names spaCy's model missed.

    - a known first name that is not an ordinary word ("Kayleigh"), wherever it stands, also in lower case;
    - a first name that is also a word ("Rose", "Amber") when a surname follows or the words around it say it is a person;
    - "the X family" for a word that is not an ordinary one.
    """
    given, family, words = first_names(), surnames(), english_words()
    count = len(tokens)
    i = 0
    while i < count:
        token = tokens[i]
        word = token.text
        if len(word) < 2 or not word.isalpha() or word.isupper():
            i += 1
            continue
        start, end = token.idx, token.idx + len(word)
        lowered = word.lower()
        if word[0].islower():
            if len(word) >= 4 and word.capitalize() in given and lowered not in words and lowered not in ROLE_WORDS:
                yield start, end, 0.6  # "kayleigh says she fell"
            i += 1
            continue
        nxt = tokens[i + 1] if i + 1 < count else None
        surname_follows = bool(
            nxt is not None
            and nxt.idx == end + 1
            and nxt.text[:1].isupper()
            and nxt.text.isalpha()
            and not nxt.text.isupper()
            and (nxt.text in family or nxt.text in given or nxt.text.lower() not in words)
            and nxt.text.lower() not in ROLE_WORDS
        )
        ordinary = lowered in words or lowered in MONTHS_AND_DAYS or lowered in NOT_NAMES
        if lowered in ROLE_WORDS or lowered in COMMON_WORDS or lowered in NOT_NAMES:
            pass
        elif word in _PLACE_WORDS and surname_follows:
            i += 1  # "River Dart", "Lake Windermere": a place, whatever name the next word may be
        elif word in given or word in family:
            if surname_follows:
                assert nxt is not None
                end = nxt.idx + len(nxt.text)
                i += 1
            evidence = not ordinary or surname_follows or has_name_cue(text, start, end)
            plausible = word in given or surname_follows or not ordinary
            if evidence and plausible and not is_citation(text, start, end) and not is_safe_phrase(text[start:end]):
                yield start, end, 0.7 if ordinary else 0.75
        elif (
            i > 0
            and tokens[i - 1].lower_ == "the"
            and nxt is not None
            and nxt.lower_ in {"family", "families", "household", "children", "twins", "brothers", "sisters", "home"}
            and not ordinary
        ):
            yield start, end, 0.7
        i += 1


_NICKNAME = re.compile(
    r"\b(?i:known[ \t]+(?:locally[ \t]+)?as|nicknamed|aka:?|a\.k\.a\.?|(?:liked?|likes|wants?|asked)[ \t]+to[ \t]+be[ \t]+called|goes[ \t]+by|"
    r"gave[ \t]+(?:his|her|their)[ \t]+name(?:[ \t]+to[ \t]+\w+)?[ \t]+as|"
    r"(?:call|calls|called|calling)[ \t]+(?:him|her|them|me|himself|herself|themselves|myself))"
    r"[ \t]+['‘\"“]?(?P<name>[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)?)"
)
_NAME_AFTER_RELATION = re.compile(
    r"\b(?i:brother|sister|mother|father|son|daughter|partner|friend|boyfriend|girlfriend|cousin|uncle|aunt|auntie|stepfather|stepmother|"
    r"husband|wife|named|called|baby|toddler|infant|nephew|niece|grandson|granddaughter|stepson|stepdaughter)[ \t]*,?[ \t]+['‘\"“]?(?P<name>[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)?)"
)
"""A name right after a relation or "called": "her older brother, Imtiaz," and "a farmhouse called Bramblewood"."""
_WORD_BEFORE = re.compile(r"(?<![\w'’-])(?P<name>[^\W\d_][\w'’]*)[ \t]+$")
_TITLES = frozenset(["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "pc", "dc", "ds", "sgt", "rev", "sir", "dame", "lord", "lady"])
_INITIAL_AND_SURNAME = re.compile(r"(?<![\w.])[A-Z]\.[ \t]?(?P<surname>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)\b")
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w'’-])(?P<name>[A-Z][a-z'’]+)[ \t]+(?:and|&)[ \t]+$")


def more_names(text: str, people: list[tuple[int, int]]) -> Iterator[tuple[int, int, float]]:
    """Names written in ways the rest misses: nicknames, an initial and a surname, the first of two names.

    - "known as 'Tiny'", "AKA: DEX", "I like to be called Tong-Tong";
    - "D. Lowther" (an initial before a known surname, or a word that is not an ordinary one);
    - "Efua and Kojo Mensah" (a first name joined to a name already found).
    """
    for match in _NICKNAME.finditer(text):
        word = match.group("name")
        if word[0].isupper() and word.lower() not in ROLE_WORDS and word.lower() not in COMMON_WORDS:
            yield match.start("name"), match.end("name"), 0.8
    for match in _NAME_AFTER_RELATION.finditer(text):
        if _unusual_capitalised(match.group("name")):
            yield match.start("name"), match.end("name"), 0.75
    for match in _INITIAL_AND_SURNAME.finditer(text):
        surname = match.group("surname")
        name_like = surname in surnames() or surname.lower() not in english_words()
        practice = surname.lower() in ROLE_WORDS or is_safe_phrase(surname)
        if name_like and not practice and not is_citation(text, match.start(), match.end()):
            yield match.start(), match.end(), 0.75
    for start, _ in people:
        before = _FIRST_NAME_BEFORE.search(text[max(0, start - 30) : start])
        if before:
            word = before.group("name")
            if (
                word.lower() not in ROLE_WORDS
                and word.lower() not in COMMON_WORDS
                and (word in first_names() or word.lower() not in english_words())
            ):
                offset = max(0, start - 30) + before.start("name")
                yield offset, offset + len(word), 0.75
        adjacent = _WORD_BEFORE.search(text[max(0, start - 30) : start])
        if adjacent and _unusual_capitalised(adjacent.group("name")) and not is_citation(text, start, start + 1):
            offset = max(0, start - 30) + adjacent.start("name")
            yield offset, start, 0.75  # "Priyanka" before a surname already found: one name


def _unusual_capitalised(word: str) -> bool:
    """A capitalised word that is no ordinary word, role, title, month or practice term: likely a name where a cue says so."""
    lowered = re.sub(r"[’']s$", "", word).lower()
    return (
        word[:1].isupper()
        and not word.isupper()
        and len(word) > 1
        and lowered not in english_words()
        and lowered not in ROLE_WORDS
        and lowered not in _TITLES
        and lowered not in MONTHS_AND_DAYS
        and lowered not in NOT_NAMES
        and not is_safe_phrase(word)
    )


def propagate(text: str, found: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Every other capitalised occurrence, in the same text, of a word already found as a name.

    An author who names "Amber" once with a cue names her again without one
    ("The teacher reassured Amber"); the first finding vouches for the rest.
    """
    seen = set()
    for start, end in found:
        for word in re.findall(r"[A-Z][A-Za-zà-ÿ'’-]+", text[start:end]):
            bare = re.sub(r"[’']s$", "", word)
            if (
                len(bare) >= 2
                and bare.lower() not in ROLE_WORDS
                and bare.lower() not in MONTHS_AND_DAYS
                and bare.lower() not in COMMON_WORDS
            ):
                seen.add(bare)
    covered = [range(a, b) for a, b in found]
    for word in seen:
        for match in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", text):
            if not any(match.start() in r for r in covered) and not is_citation(text, match.start(), match.end()):
                yield match.span()


_CAPITALISED = re.compile(r"(?<![\w'’])[A-ZÀ-ÝĀ-ȳ][^\W\d_]*[’']?[^\W\d_]*(?:-[A-Z][^\W\d_]+)?")
_LOWER_WORD = re.compile(r"(?<![\w'’@.])[a-z]{4,}(?![\w@])")


def could_be_a_name(word: str) -> bool:
    """Whether a capitalised word could be (part of) a name: a known name, or not an ordinary word."""
    bare = re.sub(r"[’']s$", "", word)
    lowered = bare.lower()
    if lowered in ROLE_WORDS or lowered in COMMON_WORDS:
        return False
    return bare in first_names() or bare in surnames() or lowered not in english_words()


MAILBOX_WORDS = frozenset(
    [
        "safeguarding",
        "enquiries",
        "enquiry",
        "info",
        "information",
        "admin",
        "administration",
        "contact",
        "contactus",
        "team",
        "office",
        "mailbox",
        "business",
        "unit",
        "partnership",
        "partnerships",
        "board",
        "learning",
        "training",
        "review",
        "reviews",
        "comms",
        "communications",
        "press",
        "media",
        "help",
        "helpline",
        "support",
        "duty",
        "hub",
        "referrals",
        "referral",
        "children",
        "childrens",
        "families",
        "family",
        "services",
        "service",
        "social",
        "care",
        "health",
        "education",
        "police",
        "council",
        "adults",
        "hello",
        "feedback",
        "general",
        "reception",
        "bookings",
        "events",
        "newsletter",
        "quality",
        "assurance",
        "performance",
        "data",
        "intelligence",
        "practice",
        "development",
        "workforce",
        "lado",
        "mash",
        "cdop",
        "scp",
        "lscp",
        "scb",
        "lscb",
        "sab",
        "csp",
        "front",
        "door",
        "triage",
        "early",
        "help",
    ]
)
"""Words a team's or a service's mailbox is made of (safeguarding.partnership@, lscp@, devonscp@)."""


_DOMAIN_WORDS = frozenset(
    ["gov", "uk", "org", "com", "net", "nhs", "police", "sch", "ac", "co", "info", "example", "test", "invalid", "cymru", "wales", "scot"]
)
"""Parts of a domain that say nothing about who it is (``example`` is reserved for documentation, RFC 2606)."""


def is_team_mailbox(address: str) -> bool:
    """Whether an e-mail address belongs to a team or a public service rather than a person or a school.

    Each part of the local part and of the domain (split at dots, hyphens and
    underscores) must be a mailbox word, a public acronym or area, or two of
    them run together ("devonscp@devon.gov.uk"); a name or a number anywhere
    makes it a person's ("mum2boys@", "k.walsh@") or a setting's.
    """
    from . import public

    known = public.words()

    def plain(part: str) -> bool:
        return part in MAILBOX_WORDS or part in known

    def team(words: list[str]) -> bool:
        return all(plain(p) or any(plain(p[:i]) and plain(p[i:]) for i in range(2, len(p) - 1)) for p in words)

    name, _, domain = address.lower().partition("@")
    parts = [p for p in re.split(r"[._-]+", name) if p]
    # The domain can name a school or a small service ("dsl@greenfield-cp.sch.uk"): its own words must be public too.
    labels = [p for p in re.split(r"[.-]+", domain) if p and p not in _DOMAIN_WORDS]
    return bool(parts) and team(parts) and team(labels)


def is_ordinary_word(word: str) -> bool:
    """Whether a word is an ordinary English word, whatever else it may be (Date, Said, House)."""
    return re.sub(r"[’']s$", "", word).lower() in english_words()


def lines_needing_ner(text: str) -> Iterator[tuple[int, int]]:
    """Yield the (start, end) of each line with a word that could be a name; only these need NER."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if any(could_be_a_name(m.group(0)) for m in _CAPITALISED.finditer(line)):
            yield start, end
        start = end + 1
