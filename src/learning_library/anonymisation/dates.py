"""Exact dates, and whether each dates an event in a person's life (it blocks) or the document itself (it does not)."""

from __future__ import annotations

import re

from .regex_recognizer import MONTHS, RegexRecognizer


class ExactDateRecognizer(RegexRecognizer):
    """Exact dates (a day, a month, and usually a year): a review gives the month and year only."""

    ENTITY = "DATE"
    FLAGS = re.IGNORECASE
    PATTERNS = (
        (
            "weekday, day and month (strong)",
            rf"\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?[ \t]+(?P<id>\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{MONTHS}\b(?:,?[ \t]+\d{{4}})?)",
            0.85,
        ),
        (
            "day month year (strong)",
            rf"(?<![\d.,])\b(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?[ \t]{{1,2}}(?:of\s+)?{MONTHS}\.?,?\s+(?:\d{{4}}|'?\d{{2}}\b)",
            0.9,
        ),
        ("month day year (strong)", rf"\b{MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b", 0.9),
        ("numeric date (medium)", r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/-]|\.\d)", 0.8),
        (
            "holiday and year (strong)",
            r"\b(?:Christmas[ \t]+(?:Eve|Day)|Boxing[ \t]+Day|New[ \t]+Year[’']s[ \t]+(?:Eve|Day))[ \t]+(?:19|20)\d\d\b",
            0.85,
        ),
        ("ISO date (strong)", r"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])", 0.85),
        (
            "day and month (medium)",
            rf"\b(?:on|born|dated|from|until|since|by)\s+(?:the\s+)?(?P<id>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS})\b",
            0.7,
        ),
        (
            "month and day (medium)",
            rf"\b(?:on|born|dated|from|until|since|by)\s+(?P<id>{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?)\b(?!\s*\d)",
            0.7,
        ),
    )

    def validate(self, value: str, text: str, start: int, end: int, score: float) -> float | None:
        if dates_the_document(text, start, end):
            return None
        if re.match(r"(?i)christmas|boxing|new", value):
            return score
        numbers = [int(n) for n in re.findall(r"\d+", value)]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            _, month, day = numbers
        elif re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", value):
            day, month = numbers[0], numbers[1]
        else:
            day, month = numbers[0], 1
        return score if 1 <= day <= 31 and 1 <= month <= 12 else None


_DOCUMENT_CUE = (
    r"last[ \t]+(?:updated|reviewed|revised|amended)|updated|revised|amended|published|publication|issued|version|edition|v\d+(?:\.\d+)*|"
    r"review[ \t]+date|next[ \t]+review|ratified|endorsed|approved|agreed|signed[ \t]+off|effective|expires|(?:came|comes|come)[ \t]+into[ \t]+force|"
    r"in[ \t]+force|commencement|commenced|began|royal[ \t]+assent|as[ \t]+at|correct[ \t]+(?:as[ \t]+)?at|accessed|retrieved|consultation|launched|"
    r"circulated|presented[ \t]+to|submitted|held|facilitated|typed|copyright|©|page[ \t]+\d+|covers|covering|period|meeting|webinar|seminar|"
    r"workshop|training|session|course|learning[ \t]+event|posted|notified|notification|rapid[ \t]+review|decided|criteria|commissioned|"
    r"launch(?:es|ed)?|into[ \t]+effect|reported[ \t]+to[ \t]+the(?:[ \t]+\w+){0,4}[ \t]+(?:group|board|panel|executive|partnership|committee)|"
    r"executive|abolished|replaced|established|created|formed|merged|year[ \t]+(?:to|ending|ended)"
)
"""Words that say a date belongs to the document, a meeting, a publication or a law: the nearest cue decides."""
_WEAK_DOCUMENT_CUE = re.compile(
    r"\b(?:date|dated|issue|partnerships?|partners|weeks?|boards?|committees?|groups?|forums?|networks?|panels?|councils?|government|parliament|departments?|"
    r"ofsted|inspectorate|events?|act|guidance|regulations|procedures?|protocols?|polic(?:y|ies)|briefings?|newsletters?|bulletins?|strateg(?:y|ies)|"
    r"frameworks?|audits?|notes|minutes|scrutiny|annual)\b",
    re.IGNORECASE,
)
"""Words that make a date the document's only when nothing on the line is about a person ("Rachel Tennick Date 14 November 2023")."""
_LIFE_CUE = (
    r"born|birth|d\.?o\.?b\.?|died|death|deceased|admitted|admission|discharged|seen|saw|visited|presented(?![ \t]+to\b)|visits?|attended|arrested|charged|convicted|"
    r"sentenced|moved|referred|referral|assessed|examined|injur\w*|incident|found|missing|excluded|exclusion|removed|placed|taken|took(?![ \t]+place)|"
    r"brought|collected|left|returned|went|hospital|strategy[ \t]+(?:meeting|discussion)|core[ \t]+group|conference|section[ \t]+47|s\.?47|"
    r"call|called|calls|rang|phoned|reports|reported(?![ \t]+to[ \t]+the(?:[ \t]+\w+){0,4}[ \t]+(?:group|board|panel|executive|partnership|committee))|attends?|attended|sees|tells|says|disclosed|disclosure|interviewed|appointment|happened|occurred|told|said|mother|father|mum|dad|"
    r"parents?|family|baby|sibling|grandmother|grandfather|partner|he|she|his|her|him|dear"
)
"""Words that say a date is of an event in a person's life: these keep it blocking."""
_CUES = re.compile(rf"\b(?:(?P<life>{_LIFE_CUE})|(?P<document>{_DOCUMENT_CUE}))\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;](?=\s)")
_LABEL = re.compile(r"^[ \t>*_#|-]*[A-Za-z][^:\n]{0,40}:[ \t*_]*$")
"""A label before a colon at the start of a line: "Audit completed: 28 February 2024"."""
_TIME_RANGE = re.compile(r"\W{0,3}\d{1,2}[:.]\d{2}[ \t]*(?:to|–|-|—)[ \t]*\d{1,2}[:.]\d{2}")
_WEEKDAY_BEFORE = re.compile(r"\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
_CLOCK = re.compile(r"[ \t,]{1,3}(?:at[ \t]+)?\d{1,2}[:.]\d{2}(?![ \t]*(?:to|–|-|—)[ \t]*\d)")
_FINANCIAL_YEAR = re.compile(
    rf"\b1(?:st)?\s+{MONTHS}\s+(?:\d{{4}}\s+)?(?:to|–|-|and|until)\s+(?:28|29|30|31)(?:st|th)?\s+{MONTHS}\s+\d{{4}}", re.IGNORECASE
)
"""A period of whole months ("1 April 2022 to 31 March 2023", "between 1 October 2022 and 31 March 2023"): a report's or an audit's."""


def dates_the_document(text: str, start: int, end: int) -> bool:
    """Whether the exact date at ``start:end`` dates the document, a meeting, a publication or a law, not an event in a person's life.

    A period of whole months ("1 April 2022 to 31 March 2023") is a report's.
    Otherwise the cue word nearest the date in its sentence decides, on the side before
    it first ("Last updated: 02 Sept 2025", "the report published on 26 May
    2022", "born on 3 May 2016"), else after it ("On 26 May 2022 the Panel
    published"). With no cue, a label ("Audit completed: 28 February 2024"),
    a time range after it (a training session), a financial year, or a date
    alone on its line followed by no event (a listing) dates the document.
    Anything else keeps the date blocking: an exact date of an event in a
    child's or family's life must not be published.
    """
    low = max(0, start - 60)
    if any(m.start() + low <= start and end <= m.end() + low for m in _FINANCIAL_YEAR.finditer(text[low : end + 60])):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    before = text[max(line_start, start - 250) : start]
    before = _SENTENCE_END.split(before)[-1]
    after = _SENTENCE_END.split(text[end : min(end + 80, line_end)])[0]
    if _TIME_RANGE.match(text, end):
        return True  # "Friday 17 May 2024, 10:00 – 11:30": a session in a programme
    if _CLOCK.match(text, end):
        return False  # "Sent: 14 March 2023 09:42", "DATE/TIME: 23/11/2017 02:14": a log or a message, of an event
    lead = re.sub(r"\d{1,2}(?:st|nd|rd|th)?[ \t]*[–—-][ \t]*$", "", text[line_start:start])  # "13 – 17 May 2024"
    rest = text[end:line_end]
    alone = not lead.strip(" \t*_#>|-") and not rest.strip(" \t*_|.,:")
    entry = not lead.strip(" \t*_#>|-") and not alone
    if entry:
        after = rest  # a chronology entry, "2023-03-14. Mother reports...": the whole entry says what the date is
    quoted = text[line_start:start].lstrip().startswith(">")  # where the markup is not blanked (attachments, tests)
    if alone:
        following = text[line_end : line_end + 200].strip()
        after = _SENTENCE_END.split(following.split("\n")[0])[0] if following else ""
    cues_before = list(_CUES.finditer(before))
    if cues_before:
        return cues_before[-1].group("document") is not None
    cue_after = _CUES.search(after)
    if cue_after:
        return cue_after.group("document") is not None
    if entry or quoted or _WEEKDAY_BEFORE.search(before):
        return False  # a chronology entry, a quoted record or a day of the week ("Date: Thursday 17 June 2021") dates an event
    line = text[max(line_start, start - 150) : min(line_end, end + 150)]
    if _WEAK_DOCUMENT_CUE.search(before + " " + after):
        return not _CUES.search(line)
    return alone or bool(_LABEL.match(text[line_start:start]))
