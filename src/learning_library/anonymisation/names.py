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
    """
    signs of safety|graded care profile|working together|keeping children safe in education|early help|child protection|child in need
    named nurse|named doctor|named midwife|designated nurse|designated doctor|designated safeguarding lead|head of service|team manager
    independent reviewer|independent chair|independent scrutineer|lead reviewer|virtual school|virtual school head|children's guardian
    local authority designated officer|lado|mash|dash|marac|mappa|icon|think family|team around the family|lead professional
    child safeguarding practice review panel|national panel|ofsted|cafcass|nspcc|barnardo's|childline|samaritans|women's aid|refuge
    department for education|department of health|home office|nhs england|care quality commission|cqc|his majesty's inspectorate
    crown prosecution service|national probation service|probation service|youth justice service|youth offending team
    family court|crown court|magistrates' court|high court|court of appeal|coroner|royal college|the children act|children act
    """.strip()
    .replace("\n", "|")
    .split("|")
)
"""Phrases of practice that spaCy calls names or places."""

NOT_PLACES = frozenset(
    [
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
    """
    family court|crown court|county court|youth court|magistrates court|magistrates' court|high court|court|the court
    care home|children's home|foster home|residential home|secure unit|safe place|safe house|meeting place|work place
    the park|the green|the hill|the estate|the house|the lodge
    """.strip()
    .replace("\n", "|")
    .split("|")
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
    r"agency|school|sibling|brother|sister|twin|case|victim|perpetrator|relative|carer|friend)\s+[A-Z0-9]{1,2}$",
    re.IGNORECASE,
)
"""Role codes such as Child A, Baby C, Sibling 1, Adult Male 2: accepted everywhere."""

_CITATION_AFTER = re.compile(
    r"^(?:\s+et\s+al\.?|\s*\(\s*(?:19|20)\d\d|\s*,\s*(?:19|20)\d\d|\s+(?:19|20)\d\d\b|\s+and\s+[A-Z][a-z]+\s*\(\s*(?:19|20)\d\d)"
)
"""What follows an author's name in a citation: "Brandon et al.", "Ferguson (2017)", "Munro 2011"."""


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


def is_citation(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is an author in a citation of research."""
    return bool(_CITATION_AFTER.match(text[end : end + 40]))


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
    if end - start < 2:
        return None
    phrase = text[start:end]
    if "\n" in phrase or is_safe_phrase(phrase) or is_citation(text, end):
        return None
    words = re.findall(r"[A-Za-zÀ-ÿ'’-]+", phrase)
    if not any(w[0].isupper() for w in words):
        return None
    if phrase.isupper() and len(phrase) <= 6:
        return None  # abbreviations: MASH, DASH, CAMHS
    known = [w for w in words if is_known_name(w)]
    if not known and all(w.lower() in english_words() for w in words):
        return None  # ordinary words spaCy took for a name: "Graded Care Profile"
    # Drop leading role words: "Mother Kerry" -> "Kerry".
    while words and words[0].lower() in ROLE_WORDS and len(words) > 1:
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


_SENTENCE_BREAK = frozenset(".!?:;\"“”'‘’(*#>|-–—•")


def gazetteer_names(text: str, tokens: Any) -> Iterator[tuple[int, int, float]]:
    """Find names spaCy's model missed: capitalised known first names, and "the X family".

    A known first name that is not an ordinary word ("Kayleigh") is a name
    wherever it stands; one that is an ordinary word ("Rose", "Will") only
    when a surname follows it.
    """
    given, ambiguous, family = first_names(), name_words(), surnames()
    words = english_words()
    count = len(tokens)
    i = 0
    while i < count:
        token = tokens[i]
        word = token.text
        if len(word) < 2 or not word[0].isupper() or not word.isalpha() or word.isupper():
            i += 1
            continue
        nxt = tokens[i + 1] if i + 1 < count else None
        follows_surname = bool(
            nxt is not None
            and nxt.text[:1].isupper()
            and nxt.text.isalpha()
            and not nxt.text.isupper()
            and (nxt.text in family or nxt.text in given or nxt.text.lower() not in words)
            and nxt.text.lower() not in ROLE_WORDS
        )
        start = token.idx
        end = start + len(word)
        if word in given and word.lower() not in ROLE_WORDS:
            if word not in ambiguous or follows_surname:
                if follows_surname:
                    assert nxt is not None
                    end = nxt.idx + len(nxt.text)
                    i += 1
                if not is_citation(text, end) and not is_safe_phrase(text[start:end]):
                    yield start, end, 0.75 if word not in ambiguous else 0.7
        elif (
            i > 0
            and tokens[i - 1].lower_ == "the"
            and nxt is not None
            and nxt.lower_ in {"family", "families", "household", "children", "twins", "brothers", "sisters", "home"}
            and word.lower() not in words
            and word.lower() not in ROLE_WORDS
        ):
            yield start, end, 0.7
        i += 1


_CAPITALISED = re.compile(r"(?<![\w'’])[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?")
_LOWER_WORD = re.compile(r"(?<![\w'’@.])[a-z]{4,}(?![\w@])")


def could_be_a_name(word: str) -> bool:
    """Whether a capitalised word could be (part of) a name: a known name, or not an ordinary word."""
    bare = re.sub(r"[’']s$", "", word)
    lowered = bare.lower()
    if lowered in ROLE_WORDS or lowered in COMMON_WORDS:
        return False
    return bare in first_names() or bare in surnames() or lowered not in english_words()


def lines_needing_ner(text: str) -> Iterator[tuple[int, int]]:
    """Yield the (start, end) of each line with a word that could be a name; only these need NER."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if any(could_be_a_name(m.group(0)) for m in _CAPITALISED.finditer(line)):
            yield start, end
        start = end + 1
