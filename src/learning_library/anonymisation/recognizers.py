"""Recognizers for the personal data that leaks from safeguarding reviews in England.

Presidio's defaults are built for US text and miss most UK identifiers (or
find them only with context words nearby). Each class here recognises one
entity, with its ``PATTERNS`` (name, regular expression, score: the name says
how strong the pattern is) and its own validation. Where only part of a match
is the identifier ("crime reference 44/123456/21"), the pattern names that part
with the group ``id``.

Context is handled inside the patterns rather than by Presidio's lemma-based
enhancer, because the check runs spaCy without its lemmatizer (several times
faster, and the NER does not need it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from . import names, public

_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_CAP = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?"
"""A capitalised word, as in a proper name (O'Neill, Smith-Jones)."""


class RegexRecognizer(EntityRecognizer):
    """A recognizer made of regular expressions, with per-match validation.

    Subclasses set ``ENTITY`` and ``PATTERNS`` and may override :meth:`validate`
    to drop or rescore a match (a checksum, a word list).
    """

    ENTITY = ""
    PATTERNS: Sequence[tuple[str, str, float]] = ()
    FLAGS = 0

    def __init__(self) -> None:
        self._compiled = [(name, re.compile(rx, self.FLAGS), score) for name, rx, score in self.PATTERNS]
        super().__init__(supported_entities=[self.ENTITY], name=type(self).__name__, supported_language="en")

    def load(self) -> None:
        """Nothing to load: the patterns are compiled on construction."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for name, rx, score in self._compiled:
            for match in rx.finditer(text):
                start, end = match.span("id") if "id" in rx.groupindex and match.group("id") else match.span()
                value = text[start:end]
                checked = self.validate(value, text, start, end, score)
                if checked is None:
                    continue
                results.append(
                    RecognizerResult(
                        self.ENTITY,
                        start,
                        end,
                        checked,
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                            "pattern": name,
                        },
                    )
                )
        return results

    def validate(self, value: str, text: str, start: int, end: int, score: float) -> float | None:
        """Return the score for a match, or None to drop it."""
        return score


class UkPostcodeRecognizer(RegexRecognizer):
    ENTITY = "UK_POSTCODE"
    PATTERNS = (
        ("full postcode (strong)", r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?[ \t]?\d[ABD-HJLNP-UW-Z]{2})\b", 0.9),
        ("full postcode in lower case (medium)", r"(?<![\w.@/])(?:[a-pr-uwyz][a-hk-y]?\d[a-z\d]?[ \t]?\d[abd-hjlnp-uw-z]{2})(?!\w)", 0.7),
        (
            "outward code after a postcode word (medium)",
            r"(?i:post[ \t]?code|post[ \t]?code[ \t]+area|postal[ \t]+district)[ \t]*(?:of|is|was|:)?[ \t]*(?P<id>[A-Z]{1,2}\d[A-Z\d]?)\b",
            0.8,
        ),
        ("outward code after a place (medium)", r"[A-Z][a-z]+,[ \t]+(?P<id>[A-Z]{2}\d{1,2}[A-Z]?)\b(?![ \t]*\d[A-Z]{2})", 0.7),
        (
            "outward code as a place (medium)",
            r"\b(?:the|in|to|from|around|near|at|of)[ \t]+(?P<id>[A-Z]{2}\d{1,2}[A-Z]?)\b(?![ \t]*\d[A-Z]{2})",
            0.7,
        ),
    )

    def validate(self, value: str, text: str, start: int, end: int, score: float) -> float | None:
        if value[:2].upper() in {"KS", "GP", "NH", "CP", "PE", "FE", "HE"} and len(value) <= 4:
            return None  # Key Stage 2, and the like: not postcodes
        letters = re.match(r"[A-Za-z]+", value)
        if " " not in value and len(value) <= 4 and letters:
            series = set(re.findall(rf"\b{letters.group(0)}(\d{{1,2}})\b", text))
            if "1" in series and len(series) > 1:
                return None  # "YP1 to YP5": a series of role codes, not an area
        return score


class UkPhoneRecognizer(RegexRecognizer):
    """UK numbers in the ways people write them: 07700 900123, +44 (0)7700 900 123, (01632) 960456."""

    ENTITY = "PHONE_NUMBER"
    PATTERNS = (
        (
            "UK number (strong)",
            r"(?<![\w+.])(?:\+44[\s.]?\(0\)[\s.]?|\+44[\s.]?|0044[\s.]?|\(0|0)\d(?:[\s.-]?\)?[\s.-]?\d){8,9}(?![\d.]\d)",
            0.85,
        ),
    )

    def validate(self, value: str, text: str, start: int, end: int, score: float) -> float | None:
        digits = re.sub(r"\D", "", value)
        if digits.startswith("44"):
            digits = "0" + digits[2:].lstrip("0")
        return score if len(digits) in (10, 11) and digits[1] in "1235789" else None


class EmailRecognizer(RegexRecognizer):
    """Any address of the form name@domain.

    Presidio's own recognizer checks the top-level domain against a public
    suffix list (fetched from the network unless configured otherwise) and
    so misses addresses at unlisted or internal domains; for a publication
    gate, any address is worth a look.
    """

    ENTITY = "EMAIL_ADDRESS"
    PATTERNS = (("email (strong)", r"\b[\w.%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b", 0.95),)

    def validate(self, value: str, text: str, start: int, end: int, score: float) -> float | None:
        return None if names.is_team_mailbox(value) else score


class ExactDateRecognizer(RegexRecognizer):
    """Exact dates (a day, a month, and usually a year): a review gives the month and year only."""

    ENTITY = "DATE"
    FLAGS = re.IGNORECASE
    PATTERNS = (
        (
            "weekday, day and month (strong)",
            rf"\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?[ \t]+(?P<id>\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTHS}\b(?:,?[ \t]+\d{{4}})?)",
            0.85,
        ),
        (
            "day month year (strong)",
            rf"(?<![\d.,])\b(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?[ \t]{{1,2}}(?:of\s+)?{_MONTHS}\.?,?\s+(?:\d{{4}}|'?\d{{2}}\b)",
            0.9,
        ),
        ("month day year (strong)", rf"\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b", 0.9),
        ("numeric date (medium)", r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/-]|\.\d)", 0.8),
        (
            "holiday and year (strong)",
            r"\b(?:Christmas[ \t]+(?:Eve|Day)|Boxing[ \t]+Day|New[ \t]+Year[’']s[ \t]+(?:Eve|Day))[ \t]+(?:19|20)\d\d\b",
            0.85,
        ),
        ("ISO date (strong)", r"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])", 0.85),
        (
            "day and month (medium)",
            rf"\b(?:on|born|dated|from|until|since|by)\s+(?:the\s+)?(?P<id>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS})\b",
            0.7,
        ),
        (
            "month and day (medium)",
            rf"\b(?:on|born|dated|from|until|since|by)\s+(?P<id>{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?)\b(?!\s*\d)",
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
    rf"\b1(?:st)?\s+{_MONTHS}\s+(?:\d{{4}}\s+)?(?:to|–|-|and|until)\s+(?:28|29|30|31)(?:st|th)?\s+{_MONTHS}\s+\d{{4}}", re.IGNORECASE
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


class UkNhsNumberRecognizer(RegexRecognizer):
    """NHS numbers: ten digits that pass the modulus 11 check."""

    ENTITY = "UK_NHS"
    PATTERNS = (("ten digits in 3-3-4 (weak until checked)", r"(?<![\d-])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?![\d-])", 0.5),)

    def validate(self, value: str, text: str, start: int, end: int, score: float) -> float | None:
        digits = [int(d) for d in re.sub(r"\D", "", value)]
        total = sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
        check = 11 - total % 11
        check = 0 if check == 11 else check
        return 1.0 if check != 10 and check == digits[9] else None


class UkNinoRecognizer(RegexRecognizer):
    ENTITY = "UK_NINO"
    PATTERNS = (
        ("two letters, six digits, A-D (strong)", r"\b[A-Z]{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?[A-D]\b", 0.9),
        ("in lower case (medium)", r"\b[a-z]{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?[a-d]\b", 0.75),
    )


class ReferenceNumberRecognizer(RegexRecognizer):
    """Police, case and incident references: codes with several digits, or any number after a reference word."""

    ENTITY = "REFERENCE_NUMBER"
    _WORD = (
        r"(?i:\b(?:ref(?:erence)?|crime|case|incident|log|occurrence|CAD|URN|record|file|MASH|referral|job|report|LCS|ticket|enquiry|"
        r"PNC|PND|CRN|PRN|NHI|Niche|Athena|Mosaic|LCS|Liquidlogic|EHM|ID)"
        r"(?:[ \t]+(?:no\.?|numbers?|num|refs?|references?|ids?|#))?)"
    )
    PATTERNS = (
        (
            "number after a reference word (strong)",
            _WORD
            + r"[ \t]*(?:number[ \t]+)?(?:[:#(][ \t]*|is[ \t]+|was[ \t]+)?(?P<id>(?=[A-Z0-9/-]*\d{3})[A-Z0-9][A-Z0-9/-]*[A-Z0-9])(?![\w/-])",
            0.85,
        ),
        ("digits in slashed groups (strong)", r"(?<![\w/])\d{2,4}/\d{4,8}/\d{2,4}(?![\w/])", 0.85),
        (
            "letters and digits with separators (medium)",
            r"(?<![\w/.-])(?=[A-Z0-9/-]*[A-Z])(?=(?:[A-Z/-]*\d){4})[A-Z0-9]+(?:[/-][A-Z0-9]+)+(?![\w/-])",
            0.75,
        ),
        ("year and number (medium)", r"(?<![\w/])(?:19|20)\d\d/\d{3,6}(?![\w/])", 0.7),
        ("letters then six or more digits (medium)", r"(?<![\w/-])[A-Z]{1,3}\d{6,}(?![\w/-])", 0.75),
        ("long number (medium)", r"(?<![\d,.£$-])\d{6,9}(?![\d,.%])", 0.6),
    )

    _DOCUMENT_CODE_BEFORE = re.compile(
        r"(?i:\b(?:(?:registered[ \t]+)?charity|company|registration|audit|review|thematic|learning|briefing|policy|procedure|guidance|"
        r"version|issue|ISBN|ISSN|LCSPR|SCR|CSPR)(?:[ \t]+(?:report|review|number|no\.?|ref(?:erence)?\.?|registration|in[ \t]+England[ \t]+and[ \t]+Wales|"
        r"England[ \t]+and[ \t]+Wales|Scotland|[A-Z][a-z]+))*[ \t]*[:#]?[ \t]*|\b(?:Scotland|England[ \t]+and[ \t]+Wales)[ \t]+)$"
    )
    """A charity's or company's number, or the code of a review, an audit or a policy: the document's, not a person's."""

    def validate(self, value: str, text: str, start: int, end: int, score: float) -> float | None:
        if self._DOCUMENT_CODE_BEFORE.search(text[max(0, start - 60) : start]):
            return None
        digits = sum(c.isdigit() for c in value)
        if digits < 3 or re.fullmatch(r"(?:19|20)\d\d", value):
            return None  # a year is not a reference
        if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}", value):
            return None  # a date, found as a date
        years = re.fullmatch(r"((?:19|20)\d\d)[/–-]((?:19|20)?\d\d)", value)
        if years and int(years[2][-2:]) == (int(years[1]) + 1) % 100:
            return None  # a financial or school year: 2019/2020
        return score


class UkVehicleRegistrationRecognizer(RegexRecognizer):
    ENTITY = "UK_VEHICLE_REGISTRATION"
    PATTERNS = (
        ("current format (strong)", r"\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b", 0.85),
        ("current format in lower case (medium)", r"(?<![\w.@/])[a-z]{2}\d{2}[ \t]?[a-z]{3}(?![\w@])", 0.7),
        ("prefix format (medium)", r"\b[A-Z]\d{1,3}\s?[A-Z]{3}\b", 0.7),
        ("suffix format (medium)", r"\b[A-Z]{3}\s?\d{1,3}[A-Z]\b", 0.7),
    )

    def validate(self, value: str, text: str, start: int, end: int, score: float) -> float | None:
        # "SW1A 2AA" is a postcode; "NHS 111" is not a number plate.
        compact = value.replace(" ", "")
        if compact[:3] in {"NHS", "ICD"}:
            return None
        return score


class SocialMediaRecognizer(RegexRecognizer):
    ENTITY = "SOCIAL_MEDIA"
    _PLATFORM = r"(?:snapchat|snap|instagram|insta|tiktok|tik[ \t]?tok|twitter|facebook|fb|discord|telegram|whatsapp|x|youtube|twitch|kik|threads|onlyfans|reddit|xbox|psn|playstation|roblox|steam)"
    PATTERNS = (
        (
            "profile address (strong)",
            r"(?i:\b(?:https?://)?(?:www\.|m\.)?(?:facebook|fb|instagram|tiktok|twitter|x|snapchat|youtube|linkedin|threads|twitch|reddit|onlyfans)\.com/)"
            r"(?:@|u/|user/|add/)?[\w.@-]+/?",
            0.9,
        ),
        ("handle (strong)", r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])?(?![\w@])", 0.85),
        ("gamer tag with a number (strong)", r"(?<![\w#])[A-Za-z0-9_.]{2,32}#\d{4}\b", 0.85),
        (
            "name with underscores (medium)",
            r"(?<![\w@./-])(?=[\w.]*[A-Za-z])[A-Za-z0-9.]*(?:_+[A-Za-z0-9.]*)+[A-Za-z0-9_](?![\w@/-])",
            0.75,
        ),
        ("lower-case name with a dot and digits (medium)", r"(?<![\w@./-])[a-z]{2,}\.[a-z]+\d+(?![\w@/-])", 0.7),
        ("lower-case words joined by dots, with digits (medium)", r"(?<![\w@./-])[a-z]{2,}(?:\.[a-z]{2,})+\.?\d+(?![\w@/-])", 0.75),
        (
            "name after a platform (medium)",
            rf"(?i:\b{_PLATFORM}[ \t]*(?:user[ \t]?name|name|handle|account|id|profile|tag)?[ \t]*(?:[:=,]|was|is|called|as)[ \t]*)[\"'“]?(?P<id>@?[A-Za-z0-9_.]*[\d_.][A-Za-z0-9_.]*)",
            0.8,
        ),
        (
            "user name word (medium)",
            r"(?i:\b(?:user[ \t]?name|handle|gamer[ \t]?tag|screen[ \t]?name)[ \t]*(?:[:=]|was|is|of)[ \t]*)[\"'“]?(?P<id>@?[A-Za-z0-9_.]{3,30})",
            0.8,
        ),
    )

    _FILE_NAME = re.compile(r"\.(?:pdf|docx?|odt|rtf|txt|xlsx?|csv|pptx?|png|jpe?g|gif|svg|zip|html?)$", re.IGNORECASE)
    """A report's file name (``Child_X_Overview_Report.pdf``) has underscores but is not a handle."""

    def validate(self, value: str, text: str, start: int, end: int, score: float) -> float | None:
        if value.startswith("@") and value[1:].lower() in {"the", "a", "an", "home", "school", "night"}:
            return None
        if self._FILE_NAME.search(value) or self._FILE_NAME.search(text[end : end + 6].split()[0] if text[end : end + 6].strip() else ""):
            return None
        if (
            value.strip("_.").count("_") == 0
            and "#" not in value
            and not value.startswith("@")
            and "/" not in value
            and not any(c.isdigit() for c in value)
        ):
            return None
        return score


_SETTING_KINDS = (
    r"(?:(?:Catholic|Roman[ \t]+Catholic|R\.?C\.?|C[ \t]?of[ \t]?E|CE|Church[ \t]+of[ \t]+England|Methodist|Community|Free|Special)[ \t]+)?"
    r"(?:(?:Primary|Infant|Infants|Junior|Nursery|Secondary|High|Grammar|Middle|First|Prep(?:aratory)?|Church)[ \t]+)?"
    r"(?:School|Academy|College|Nursery|Pre-?[ \t]?School|Playgroup|Kindergarten|Day[ \t]+Nursery|Children[’']s[ \t]+Centre|Family[ \t]+Hub|"
    r"Surgery|Medical[ \t]+(?:Practice|Centre|Center|Group)|Health[ \t]+Centre|GP[ \t]+(?:Practice|Surgery)|Practice|"
    r"Pupil[ \t]+Referral[ \t]+Unit|PRU|Primary|Infants|Juniors)"
)


def _only_public_names(text: str, start: int, end: int, proper: Sequence[str]) -> bool:
    """Whether every proper word of a detection lies in a public area's name (the whole area, not a place in it)."""
    covered = [(a, b) for a, b, kind in public.index().find(text, start, end) if kind in {"areas", "regions"}]
    if not covered or not proper:
        return False
    spans = [(m.start(), m.end()) for w in proper for m in re.finditer(rf"(?<!\w){re.escape(w)}(?!\w)", text[start:end])]
    return all(any(a <= start + s0 and start + s1 <= b for a, b in covered) for s0, s1 in spans)


class NamedSettingRecognizer(RegexRecognizer):
    """Named schools, nurseries, pre-schools, children's centres and GP practices."""

    ENTITY = "NAMED_SETTING"
    PATTERNS = (
        (
            "proper name before a setting word (strong)",
            rf"(?P<id>(?:(?:St\.?|Saint|Our[ \t]+Lady(?:[ \t]+of)?|The)[ \t]+)?(?:{_CAP}[’']?s?[ \t]+){{1,4}}{_SETTING_KINDS})\b",
            0.85,
        ),
        (
            "name with lowercase setting word (medium)",
            rf"(?P<id>(?:{_CAP}[ \t]+){{1,3}}(?:GP[ \t]+practice|surgery|medical[ \t]+practice|primary[ \t]+school|nursery|pre-?school|academy))\b",
            0.75,
        ),
    )

    _NOT_A_SETTING_AFTER = re.compile(
        r"^\s+(?:Review|Reviews|Panel|Guide|Guidance|Standards?|Framework|Improvement|Leads?|Week|Notes?|Model|Forum|Group|Meeting|Network)\b"
    )

    def validate(self, value: str, text: str, start: int, end: int, score: float) -> float | None:
        words = re.findall(r"[A-Za-z’']+", value)
        proper = [w for w in words if w[0].isupper() and re.sub(r"[’']s$", "", w).lower() not in names.GENERIC_SETTING_WORDS]
        if not proper or self._NOT_A_SETTING_AFTER.match(text[end : end + 20]):
            return None
        if _only_public_names(text, start, end, proper):
            return None  # "Stockport Family Hub": a service named after its whole area
        medical = {"Medical", "Surgery", "GP", "Dental", "Health", "Family"}
        if words[-1] in {"Practice", "Primary", "College"} and not medical & set(words) and all(names.is_ordinary_word(w) for w in proper):
            return None  # "Good Practice", "General Practice": headings and practice words, not a surgery's name
        if not words[-1][0].isupper() and re.search(r"[’']s$", proper[-1]):
            return None  # "Ruby's nursery" is the nursery Ruby attends, not its name
        return score


_STREET_TYPES = (
    r"(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Crescent|Cres|Court|Ct|Place|Pl|Gardens|Gdns|Grove|Terrace|Walk|Row|"
    r"Square|Sq|Hill|Mews|Rise|View|Park|Green|Parade|Boulevard|Estate|Wharf|Yard|Quay|Gate|Fold|Croft|Meadow|Meadows|Brow|Lea|Bank|Chase|End|"
    r"Heights|House|Tower|Towers|Lodge|Buildings|Mansions|Cottages?|Farm|Barns?|Flats|Villas?|Precinct|Circus|Embankment|Side)"
)
_STRONG_STREET_TYPES = frozenset(
    [
        "Road",
        "Street",
        "Lane",
        "Avenue",
        "Close",
        "Drive",
        "Crescent",
        "Terrace",
        "Mews",
        "Gardens",
        "Grove",
        "Way",
        "Court",
        "Walk",
        "Cottages",
        "Flats",
        "Villas",
        "Heights",
        "Mansions",
        "Rise",
    ]
)


class StreetAddressRecognizer(RegexRecognizer):
    """Street addresses, whole or partial: "14 Larch Close", "Flat 3, 27 Mill Lane", "the flat on Beckett Road"."""

    ENTITY = "STREET_ADDRESS"
    PATTERNS = (
        (
            "number and street (strong)",
            rf"(?P<id>(?:(?:Flat|Apartment|Apt|Unit|Room)[ \t]+\d+[A-Z]?,?[ \t]+)?(?:{_CAP}[ \t]+(?:House|Court|Lodge|Mansions),?[ \t]+)?"
            rf"\d{{1,4}}[A-Z]?,?[ \t]{{1,2}}(?:{_CAP}[ \t]+){{1,3}}{_STREET_TYPES})\b",
            0.9,
        ),
        (
            "number and Welsh street (strong)",
            r"(?P<id>\d{1,4}[A-Z]?,?[ \t]+(?:Heol|Ffordd|Stryd|Lôn|Lon|Rhodfa|Cilgant|Llys|Maes|Clos|Teras|Rhes)(?:[ \t]+[A-Z][\wâêîôûŵŷ'’-]+){1,3})",
            0.9,
        ),
        (
            "flat or unit in a named building (strong)",
            rf"(?P<id>(?:Flat|Apartment|Apt|Unit|Room)[ \t]+\d+[A-Z]?,?[ \t]+(?:{_CAP}[ \t]+){{1,3}}{_STREET_TYPES})\b",
            0.9,
        ),
        ("named street (medium)", rf"(?P<id>(?:{_CAP}[ \t]+){{1,3}}{_STREET_TYPES})\b", 0.6),
        (
            "number and street in capitals (strong)",
            r"(?P<id>(?:(?:FLAT|APARTMENT|UNIT|ROOM)[ \t]+\d+[A-Z]?,?[ \t]+)?\d{1,4}[A-Z]?,?[ \t]+(?:[A-Z][A-Z'’-]+[ \t]+){1,3}"
            r"(?:ROAD|RD|STREET|ST|LANE|AVENUE|AVE|CLOSE|DRIVE|WAY|CRESCENT|COURT|PLACE|GARDENS|GROVE|TERRACE|WALK|ROW|SQUARE|HILL|MEWS|RISE|"
            r"VIEW|PARK|GREEN|PARADE|SIDE|ESTATE|COTTAGES?|HOUSE|TOWER|LODGE|FARM))\b",
            0.85,
        ),
    )

    def validate(self, value: str, text: str, start: int, end: int, score: float) -> float | None:
        words = value.split()
        if words[0][0].isdigit() or words[0] in {"Flat", "Apartment", "Apt", "Unit", "Room"}:
            return score
        if value.lower() in names.NOT_STREETS:
            return None
        if any(w.lower() in names.GENERIC_STREET_WORDS or w.lower() in names.ROLE_WORDS for w in words[:-1]):
            return None
        if _only_public_names(text, start, end, words[:-1]):
            return None  # "Manchester Road" with no number is in half the towns of England; "Rotherham Rise", a charity
        # Without a number, a street is only likely when its street word is a strong one.
        return score + 0.2 if words[-1] in _STRONG_STREET_TYPES else score


class TitledNameRecognizer(RegexRecognizer):
    """Names after a title (Mrs Okafor, Dr Patel, PC Hughes): a title is strong evidence of a person."""

    ENTITY = "PERSON"
    PATTERNS = (
        (
            "title and surname (strong)",
            r"\b(?P<id>(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|PC|DC|DS|DI|DCI|Sgt|Sergeant|Inspector|PCSO|Nurse|Sister|Cllr|Councillor|Rev|Reverend|Judge|HHJ|Lord|Lady|Dame|Sir)\.?"
            r"(?:\s+and\s+(?:Mr|Mrs|Ms|Miss|Dr)\.?)?\s+(?:[A-Z]\.\s?)*[A-Z][A-Za-zà-ÿ'’-]+(?:\s+[A-Z][A-Za-zà-ÿ'’-]+)?)",
            0.9,
        ),
        (
            "police rank, collar number and surname (strong)",
            r"\b(?P<id>(?:PC|DC|DS|DI|DCI|PS|Sgt|PCSO)\.?[ \t]+\d{2,5}[ \t]+[A-Z][A-Za-zà-ÿ'’-]+)",
            0.9,
        ),
    )

    def validate(self, value: str, text: str, start: int, end: int, score: float) -> float | None:
        words = value.split()
        last = words[-1].rstrip("’'s")
        if last.lower() in names.ROLE_WORDS or last.lower() in names.COMMON_WORDS or names.is_citation(text, start, end):
            return None
        if last in {"Partnership", "Service", "Services", "Trust", "Team", "Unit", "Council", "Programme", "Hub", "Centre", "Practitioner"}:
            return None  # "Family Nurse Partnership": an organisation
        if re.search(r"[A-Z][a-z]+[ \t]+$", text[max(0, start - 20) : start]) and value.split()[0] in {
            "Nurse",
            "Sister",
            "Inspector",
            "Judge",
        }:
            return None  # "Family Nurse ...", "Chief Inspector of ...": part of a longer name
        return score


_BLANKED = re.compile(r"\n|[ \t]{3,}")
"""Where markup was blanked out (a table border, a line break): a name never runs across it."""


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A detection cut where markup was blanked ("Briefing   LCSPR Child H" is two cells of a header)."""
    bounds = [start, *(x for m in _BLANKED.finditer(text, start, end) for x in m.span()), end]
    return [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=True) if b > a]


class NameRecognizer(EntityRecognizer):
    """People's names: spaCy's named entities, then first names it missed, then filters for what reviews legitimately say."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON", "LOCATION"], name="NameRecognizer", supported_language="en")
        self._titled = TitledNameRecognizer()

    def load(self) -> None:
        """The model is loaded by the NLP engine."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if nlp_artifacts is None:
            return []
        results: list[RecognizerResult] = []
        people: list[tuple[int, int]] = []
        for ent in nlp_artifacts.entities:
            if ent.label_ == "PERSON":
                for piece in _pieces(text, ent.start_char, ent.end_char):
                    span = names.clean_person(text, *piece)
                    if span is not None:
                        results.append(self._result("PERSON", *span, 0.85, "spaCy PERSON"))
                        people.append(span)
            elif ent.label_ in {"GPE", "LOC", "FAC", "LOCATION"}:
                span = names.clean_place(text, ent.start_char, ent.end_char)
                if span is not None:
                    results.append(self._result("LOCATION", *span, 0.7, f"spaCy {ent.label_}"))
        for start, end, score in names.gazetteer_names(text, nlp_artifacts.tokens):
            if not any(a <= start < b for a, b in people):
                results.append(self._result("PERSON", start, end, score, "known first name"))
                people.append((start, end))
        for result in self._titled.analyze(text, entities):
            people.append((result.start, result.end))
        for start, end, score in list(names.more_names(text, people)):
            if not any(a <= start < b for a, b in people):
                results.append(self._result("PERSON", start, end, score, "nickname or initial"))
                people.append((start, end))
        for start, end in names.propagate(text, people):
            results.append(self._result("PERSON", start, end, 0.7, "named elsewhere in the text"))
        return results

    def _result(self, entity: str, start: int, end: int, score: float, how: str) -> RecognizerResult:
        return RecognizerResult(
            entity,
            start,
            end,
            score,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                "pattern": how,
            },
        )


def all_recognizers() -> Iterable[EntityRecognizer]:
    """Every recognizer the check uses, one per entity (names also yield places)."""
    return (
        NameRecognizer(),
        TitledNameRecognizer(),
        StreetAddressRecognizer(),
        UkPostcodeRecognizer(),
        UkPhoneRecognizer(),
        EmailRecognizer(),
        ExactDateRecognizer(),
        UkNhsNumberRecognizer(),
        UkNinoRecognizer(),
        ReferenceNumberRecognizer(),
        UkVehicleRegistrationRecognizer(),
        SocialMediaRecognizer(),
        NamedSettingRecognizer(),
    )
