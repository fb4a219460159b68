"""Identifiers with a fixed shape: postcodes, phone numbers, e-mail addresses, NHS and National Insurance numbers,
police and case references, vehicle registrations and social media handles, as they are written in the UK."""

from __future__ import annotations

import re

from . import public
from .regex_recognizer import RegexRecognizer


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
        return None if public.is_team_mailbox(value) else score


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
