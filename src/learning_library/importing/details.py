"""What a Word document says about itself, for the draft's front matter: title, type, model, themes, summary, recommendations.

Each is found in the document's structure or words, never in its properties
(which hold whoever typed them, not what the review is). What is not found is
left to the template's placeholder, which the check will not let through
unpublished-looking. The author reads and corrects all of it before the draft
is published: these are suggestions that save typing, not decisions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ..vocabulary import Term, Vocabulary
from .markdown import Block, Node

MODELS = {
    "significant incident learning process": "Significant Incident Learning Process",
    "silp": "Significant Incident Learning Process",
    "learning together": "Learning Together",
    "systems methodology": "Systems methodology",
    "systems approach": "Systems approach",
    "appreciative inquiry": "Appreciative inquiry",
    "child practice review": "Child Practice Review",
    "rapid review": "Rapid review",
}
"""Review methods a report names, as the words to look for and the name the front matter gets."""

MOST_THEMES = 6
"""At most this many themes are suggested: a listing with more helps no reader."""
_SECTION_SUMMARY = re.compile(r"^(?:\d+[.)]?\s*)?(?:executive\s+)?summary\b|^(?:\d+[.)]?\s*)?introduction\b", re.IGNORECASE)
_SECTION_RECOMMENDATIONS = re.compile(r"^(?:\d+[.)]?\s*)?recommendations?\b", re.IGNORECASE)
_SECTION_RESPONSE = re.compile(r"\bresponse\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“‘(])")
_SEVEN_MINUTE = re.compile(r"\b(?:7|seven)[\s-]*minute\s+briefing", re.IGNORECASE)


def title_block(found: Sequence[Block]) -> int | None:
    """Where the document's title is among its blocks: the paragraph in Word's Title style, else a lone top heading first.

    A heading that opens the document and is the only one at its level is the
    title (reports often set it as Heading 1 over sections in Heading 2).
    """
    for index, block in enumerate(found):
        if block.kind == "heading" and block.title:
            return index
    headings = [(i, b) for i, b in enumerate(found) if b.kind == "heading"]
    if not headings:
        return None
    first_index, first = headings[0]
    top = min(b.level for _, b in headings)
    if first.level == top and sum(1 for _, b in headings if b.level == top) == 1 and len(headings) > 1:
        return first_index
    return None


def heading_shift(found: Sequence[Block]) -> int:
    """What to add to each heading's level so that the document's top level becomes ``##`` (the page's title is ``#``)."""
    levels = [b.level for b in found if b.kind == "heading"]
    return 2 - min(levels) if levels else 0


def first_heading(found: Sequence[Block]) -> str:
    return next((b.plain for b in found if b.kind == "heading" and b.plain), "")


def review_type(title: str, text: str, vocabulary: Vocabulary) -> str | None:
    """The review or briefing type the document names: in its title first, else in its opening pages."""
    if _SEVEN_MINUTE.search(title):
        return "seven-minute-briefing" if "seven-minute-briefing" in vocabulary.briefing_types else None
    terms = {**vocabulary.review_types, **vocabulary.briefing_types}
    for where in (title, text[:6000]):
        counts = Counter({slug: _count(where, _words(term)) for slug, term in terms.items()})
        best = [slug for slug, n in counts.most_common() if n]
        if best:
            return best[0]
    if _SEVEN_MINUTE.search(text[:2000]):
        return "seven-minute-briefing" if "seven-minute-briefing" in vocabulary.briefing_types else None
    return None


def model(text: str) -> str:
    """The review method the text names (the first it mentions), or empty."""
    lowered = text.lower()
    found = [(lowered.find(words), name) for words, name in MODELS.items() if re.search(rf"\b{re.escape(words)}\b", lowered)]
    return min(found)[1] if found else ""


def themes(text: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    """The themes the text is most about: each theme's label and aliases counted, kept when named at least twice."""
    counts = Counter({slug: _count(text, _words(term)) for slug, term in vocabulary.themes.items()})
    return tuple(slug for slug, n in counts.most_common(MOST_THEMES) if n >= 2)


def _words(term: Term) -> list[str]:
    label = re.sub(r"\s*\(.*?\)", "", term.label)
    return [w for w in (label, *term.aliases) if len(w) > 3]


def _count(text: str, phrases: Iterable[str]) -> int:
    total = 0
    for phrase in phrases:
        pattern = r"\b" + r"[\s-]+".join(re.escape(word) for word in phrase.lower().split()) + r"\b"
        total += len(re.findall(pattern, text.lower()))
    return total


def sections(found: Sequence[Block], pattern: re.Pattern[str]) -> Iterable[tuple[int, int]]:
    """The (start, end) block ranges of each section whose heading matches: from after the heading to the next at its level or above."""
    for index, block in enumerate(found):
        if block.kind == "heading" and pattern.search(block.plain):
            end = next(
                (j for j in range(index + 1, len(found)) if found[j].kind == "heading" and found[j].level <= block.level), len(found)
            )
            yield index + 1, end


_PSEUDONYM = re.compile(
    r"\b(?P<a>[A-Z][a-z]+) is (?:a|the) pseudonym"
    r"|\bpseudonyms? (?:of |is |was )?['‘\"“]?(?P<b>[A-Z][a-z]+)"
    r"|\b(?:referred to|known) (?:in this (?:report|review) )?as ['‘\"“](?P<c>[A-Z][a-z]+)"
)
"""How reports say which name they chose: "Ruby is a pseudonym", "the pseudonym 'Ruby'", "referred to as 'Ruby'"."""


def pseudonyms(text: str) -> tuple[str, ...]:
    """The names the text says are pseudonyms, for ``pseudonyms:``, so the check accepts what the reviewer chose."""
    found = (m["a"] or m["b"] or m["c"] for m in _PSEUDONYM.finditer(text))
    return tuple(dict.fromkeys(name for name in found if name not in ("The", "This", "Each", "All")))


def summary(found: Sequence[Block]) -> str:
    """The first paragraph of the summary (or introduction), cut to three sentences; empty when there is none."""
    for start, end in sections(found, _SECTION_SUMMARY):
        for block in found[start:end]:
            if block.kind == "paragraph" and block.plain:
                sentences = _SENTENCE.split(block.plain)
                return " ".join(sentences[:3])
    return ""


def recommendations(found: list[Block], replacement: Node) -> list[str]:
    """The numbered recommendations of the "Recommendations" section, taken out of the text (the page lists them from the front matter).

    The list is replaced by ``replacement``, a sentence saying where they are.
    """
    for start, end in sections(found, _SECTION_RECOMMENDATIONS):
        for index in range(start, end):
            block = found[index]
            if block.kind == "list" and block.ordered:
                texts = [" ".join(" ".join(b.plain for b in item).split()) for item in block.items]
                found[index] = Block("paragraph", replacement)
                return [t for t in texts if t]
    return []


_OWNER = re.compile(
    r"^(?:that\s+|it\s+is\s+recommended\s+that\s+|we\s+recommend\s+that\s+)?"
    r"(?P<who>[^,;:.]{2,80}?)\s+(?:should|must|to|will|are\s+to|is\s+to|needs?\s+to|ought\s+to)\s",
    re.IGNORECASE,
)
"""A recommendation's subject, the words before "should", "must" or "to": "The Partnership should...", "That health partners must..."."""
OWNER_WORDS = frozenset(
    """partnership partnerships lscp scp lscb board boards icb icbs trust trusts nhs police constabulary council councils
    authority authorities agency agencies partner partners service services department school schools college colleges
    hospital hospitals probation housing health education nursery nurseries panel government ofsted cqc
    commissioners""".split()  # noqa: SIM905 (a paragraph of words reads better than quoted ones)
)
"""Words that make a recommendation's subject a body that can own it, beside the agencies of ``themes.yml``."""


def owner(text: str, vocabulary: Vocabulary) -> str:
    """Who a recommendation asks to act, from its first words, or "" (then the author fills it in).

    "The Partnership should seek assurance..." gives "Partnership"; "Health
    partners to ask..." gives "Health partners". Only a subject naming a body
    counts (an agency of ``themes.yml`` or a word like "partnership", "trust",
    "police"), so "Practitioners should..." or "It is important that..." give nothing.
    """
    match = _OWNER.match(text.strip())
    if match is None:
        return ""
    who = " ".join(match.group("who").split())
    who = re.sub(r"^(?:the|all\s+the)\s+", lambda m: "All " if m.group(0).lower().startswith("all") else "", who, flags=re.IGNORECASE)
    words = {w.lower() for w in re.findall(r"[\w'’]+", who)}
    agencies = {a.label.lower() for a in vocabulary.agencies.values()}
    if len(who.split()) > 8 or not (words & OWNER_WORDS or who.lower() in agencies or any(a in who.lower() for a in agencies)):
        return ""
    return who[0].upper() + who[1:]


def has_response(found: Sequence[Block]) -> bool:
    """Whether the text has the partnership's response as a section of its own."""
    return any(True for _ in sections(found, _SECTION_RESPONSE))
