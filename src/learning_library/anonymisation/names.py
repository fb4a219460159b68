"""Telling people's names from what reviews legitimately say.

spaCy's small model finds most full names but misses single first names and
names from outside its training data, and it calls many safeguarding words
names ("Child A", "Named Nurse", "Signs of Safety"). This module holds the
rules that correct both ways, over the word knowledge in :mod:`.wordlists`
and the citations of :mod:`.citations`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from typing import Any

from . import public
from .citations import EPONYM_WORDS, in_reference, is_citation
from .quick import QuickPattern
from .wordlists import (
    COMMON_WORDS,
    MONTHS_AND_DAYS,
    NOT_NAMES,
    NOT_PLACES,
    ROLE_WORDS,
    SAFE_PHRASES,
    english_words,
    first_names,
    surnames,
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


def is_role_code(text: str) -> bool:
    return bool(_GENERIC_CODE.match(text.strip()))


def is_known_name(word: str) -> bool:
    return word in first_names() or word in surnames()


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
    if end - start < 2 or "\n" in phrase or is_safe_phrase(phrase) or in_reference(text, start, end):
        return None  # "Brandon, M. (2020)": an author, though Brandon is also a town
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
    texts, starts = token_table(tokens)
    count = len(texts)
    i = 0
    while i < count:
        word = texts[i]
        if len(word) < 2 or not word.isalpha() or word.isupper():
            i += 1
            continue
        start, end = starts[i], starts[i] + len(word)
        lowered = word.lower()
        if word[0].islower():
            if len(word) >= 4 and word.capitalize() in given and lowered not in words and lowered not in ROLE_WORDS:
                yield start, end, 0.6  # "kayleigh says she fell"
            i += 1
            continue
        nxt = texts[i + 1] if i + 1 < count else None
        surname_follows = bool(
            nxt is not None
            and starts[i + 1] == end + 1
            and nxt[:1].isupper()
            and nxt.isalpha()
            and not nxt.isupper()
            and (nxt in family or nxt in given or nxt.lower() not in words)
            and nxt.lower() not in ROLE_WORDS
        )
        ordinary = lowered in words or lowered in MONTHS_AND_DAYS or lowered in NOT_NAMES
        if lowered in ROLE_WORDS or lowered in COMMON_WORDS or lowered in NOT_NAMES:
            pass
        elif word in _PLACE_WORDS and surname_follows:
            i += 1  # "River Dart", "Lake Windermere": a place, whatever name the next word may be
        elif word in given or word in family:
            if surname_follows:
                assert nxt is not None
                end = starts[i + 1] + len(nxt)
                i += 1
            evidence = not ordinary or surname_follows or has_name_cue(text, start, end)
            plausible = word in given or surname_follows or not ordinary
            if evidence and plausible and not is_citation(text, start, end) and not is_safe_phrase(text[start:end]):
                yield start, end, 0.7 if ordinary else 0.75
        elif (
            i > 0
            and texts[i - 1].lower() == "the"
            and nxt is not None
            and nxt.lower() in {"family", "families", "household", "children", "twins", "brothers", "sisters", "home"}
            and not ordinary
        ):
            yield start, end, 0.7
        i += 1


def token_table(tokens: Any) -> tuple[list[str], list[int]]:
    """A spaCy ``Doc``'s token texts and their character offsets, read in bulk.

    Reading them one ``Token`` at a time makes a Python object per word,
    which on a long review costs more than the rules that read them.
    """
    strings = tokens.vocab.strings
    table = tokens.to_array(["ORTH", "IDX"]).tolist()
    return [strings[orth] for orth, _ in table], [idx for _, idx in table]


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
_INITIAL_AND_SURNAME = QuickPattern(re.compile(r"(?<![\w.])[A-Z]\.[ \t]?(?P<surname>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)\b"))
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


def is_ordinary_word(word: str) -> bool:
    """Whether a word is an ordinary English word, whatever else it may be (Date, Said, House)."""
    return re.sub(r"[’']s$", "", word).lower() in english_words()


NER_REACH = 8
"""Tokens of context the model is shown on each side of a word that could be a name.

The small English model reads each token with four tokens either side (four
layers of a window of one), so eight either side gives every token that
could join the name the same view of its neighbours as in the whole line:
the labelled sets' findings are the same as when whole lines were read."""


@functools.lru_cache(maxsize=1 << 16)
def _may_be_named(word: str) -> bool:
    """Whether a capitalised word could be part of a name that survives the check, so the model must read around it.

    :func:`could_be_a_name`, less three kinds of word the rest of the check
    already settles without the model: a public name (an area, an agency's
    acronym: acceptance takes it out of any detection, and what remains of one
    made only of ordinary words is dropped), a month or a day (never a name
    alone; "April said" is found by the first-name rules) and a title (the
    titled-name recognizer finds "Mrs Okafor" whole).
    """
    if not could_be_a_name(word):
        return False
    bare = re.sub(r"[’']s$", "", word).lower()
    return bare not in public.words() and bare not in MONTHS_AND_DAYS and bare not in _TITLES


def spans_needing_ner(text: str, tokens: Any) -> Iterator[tuple[int, int]]:
    """Yield the (start, end) of each stretch of text the model must read: the words around any that could be a name.

    The model's reading is nearly all of the check's time, and most of a
    review is roles, agencies and ordinary words, so it reads only a window
    of :data:`NER_REACH` tokens either side of each such word, within its
    line (a name never runs across a line break); overlapping windows merge,
    and a window that reaches the end of its line runs to it, as the line
    would have been read whole.

    Args:
        text: the text being checked.
        tokens: the model's tokenisation of the whole text (a spaCy ``Doc``).
    """
    starts = token_table(tokens)[1]
    line_start = 0
    while line_start <= len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end == -1 else line_end
        found = [m.start() for m in _CAPITALISED.finditer(text, line_start, line_end) if _may_be_named(m.group(0))]
        if found:
            yield from _windows(tokens, starts, line_start, line_end, found)
        line_start = line_end + 1


def _windows(tokens: Any, starts: list[int], line_start: int, line_end: int, found: list[int]) -> Iterator[tuple[int, int]]:
    """The merged windows of :data:`NER_REACH` tokens around the words at ``found``, within one line."""
    first, last = bisect.bisect_left(starts, line_start), bisect.bisect_left(starts, line_end) - 1
    while first < last and tokens[first].is_space:
        first += 1
    while last > first and tokens[last].is_space:
        last -= 1
    windows: list[list[int]] = []
    for offset in found:
        i = bisect.bisect_right(starts, offset) - 1
        low, high = max(first, i - NER_REACH), min(last, i + NER_REACH)
        if windows and low <= windows[-1][1] + 1:
            windows[-1][1] = max(windows[-1][1], high)
        else:
            windows.append([low, high])
    for low, high in windows:
        end_token = tokens[high]
        yield (line_start if low == first else starts[low]), (line_end if high == last else end_token.idx + len(end_token.text))


_FILE_NAME_WORD = re.compile(r"[^\W\d_]{3,}")


def names_in_file_name(stem: str) -> list[str]:
    """The words of a file name that are people's first names (``2024-kayleigh-report`` gives ``Kayleigh``).

    A file name has no capitals or sentences for the language model to read,
    so only the name lists decide: a word is a name when it is a known first
    name and not also an ordinary English word ("ruby", "grace"), a month, a
    role, or a public name such as a county ("Kent"). Declared pseudonyms and
    allowed text are for the caller to accept.
    """
    from .public import words as public_words

    found = []
    for match in _FILE_NAME_WORD.finditer(stem):
        word = match.group(0).capitalize()
        lowered = word.lower()
        if word not in first_names() or is_ordinary_word(word) or lowered in ROLE_WORDS or lowered in COMMON_WORDS:
            continue
        if lowered in MONTHS_AND_DAYS or lowered in public_words() or word in NOT_NAMES or lowered in NOT_NAMES:
            continue
        found.append(word)
    return found
