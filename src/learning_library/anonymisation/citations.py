"""Cited research: an author's name in a citation or a reference list is not personal data.

"Brandon et al. (2020)", "(Dingwall, Eekelaar and Murray, 1983)", "Munro, E.
(2011)", "the Timpson review", "the Philomena Protocol": names followed or
surrounded by what makes them a citation or an eponym.
"""

from __future__ import annotations

import re

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


def is_citation(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is an author of cited research (the domain's "Brandon et al. 2020")."""
    return bool(_CITATION_AFTER.match(text[end : end + 60])) or in_reference(text, start, end)


_ET_AL = re.compile(r"[ \t]+et[ \t]+al\b")


def in_reference(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is part of a reference to published work, whatever it names.

    Before "et al.", inside "(..., 2020)", or in a line of a reference list.
    Authors' names are also places' ("Brandon" is a town in Suffolk), and a
    place in a reference (the publisher's city) is public: so a place the
    model finds here is no more personal data than an author is.
    """
    if _ET_AL.match(text[end : end + 10]):
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
