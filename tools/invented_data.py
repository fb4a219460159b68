"""The rules for invented personal data in the labelled sets: numbers from ranges that can never be anyone's.

The labelled sets under ``tests/data/`` plant personal data the check must
find, and none of it may be real: phone numbers come from Ofcom's drama ranges,
NHS numbers start 999 (never issued) yet pass the modulus 11 check, National
Insurance numbers have a valid format (most use HMRC's example prefix QQ),
e-mail addresses use example domains. :mod:`validate_labelled_set` checks every
label of those kinds against these rules.
"""

from __future__ import annotations

import re

# Ofcom's drama ranges, as 11-digit national numbers: (prefix, first, last).
DRAMA = [("07700", 900000, 900999), ("01632", 960000, 960999), ("020", 79460000, 79460999)] + [
    (code, int(block + "0000"), int(block + "0999"))
    for code, block in [
        *((f"01{n}", "496") for n in (13, 14, 15, 16, 17, 18, 21, 31, 41, 51, 61)),
        ("0191", "498"),
    ]
]
EMAIL_DOMAINS = ("example.com", "example.org", "example.co.uk", "example.net")
NINO = re.compile(r"^([A-Z]{2})(\d{6})([A-D])$")
POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?(?: ?\d[A-Z]{2})?$", re.IGNORECASE)


def nhs_ok(text: str) -> bool:
    """An NHS number that cannot be anyone's (999 is never issued) but looks real to the check (a valid check digit)."""
    digits = re.sub(r"\D", "", text)
    if len(digits) != 10 or not digits.startswith("999"):
        return False
    check = 11 - sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    return check != 10 and check % 11 == int(digits[9])


def phone_ok(text: str) -> bool:
    """A UK number in one of the ranges Ofcom keeps for drama, in any of the ways people write it."""
    digits = re.sub(r"\D", "", text)
    if text.strip().startswith("+44") or (digits.startswith("44") and len(digits) >= 12):
        digits = "0" + digits[2:]
        if digits.startswith("00"):  # +44 (0)7700 ...
            digits = digits[1:]
    if len(digits) != 11:
        return False
    for prefix, low, high in DRAMA:
        if digits.startswith(prefix):
            rest = digits[len(prefix) :]
            return rest.isdigit() and low <= int(rest) <= high
    return False


def nino_ok(text: str) -> bool:
    """A National Insurance number of valid format: HMRC's example prefix QQ, or a prefix HMRC could issue."""
    match = NINO.match(re.sub(r"\s", "", text).upper())
    if not match:
        return False
    prefix = match[1]
    if prefix == "QQ":  # HMRC's example prefix
        return True
    return prefix[0] not in "DFIQUV" and prefix[1] not in "DFIOQUV" and prefix not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}


def email_ok(text: str) -> bool:
    """An address on a domain reserved for examples, so no one receives mail at it."""
    domain = text.rsplit("@", 1)[-1].lower()
    return domain in EMAIL_DOMAINS or domain.endswith(".example")
