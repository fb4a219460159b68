"""The kinds of personal data the anonymisation check looks for, and what an author should do about each.

One table, so the rule names (``anonymisation/<ENTITY>``), the default
severities in the policy and the messages in every report agree.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entity:
    """One kind of personal data."""

    name: str
    what: str
    fix: str
    severity: str = "error"

    def message(self) -> str:
        return f"Possible {self.what}; {self.fix}"


ENTITIES: dict[str, Entity] = {
    e.name: e
    for e in (
        Entity(
            "PERSON", "person's name", "replace it with a pseudonym or a role (Mother, the health visitor), or declare it in pseudonyms"
        ),
        Entity("STREET_ADDRESS", "street address", "remove it, or describe the place (the family's home, a flat in the town centre)"),
        Entity("UK_POSTCODE", "postcode", "remove it; say at most which part of the area"),
        Entity("PHONE_NUMBER", "phone number", "remove it; a public helpline may be declared in allow with a reason"),
        Entity("EMAIL_ADDRESS", "email address", "remove it; a public service address may be declared in allow with a reason"),
        Entity("DATE", "exact date", "give the month and year only (March 2021), or the child's age"),
        Entity("UK_NHS", "NHS number", "remove it"),
        Entity("UK_NINO", "National Insurance number", "remove it"),
        Entity("REFERENCE_NUMBER", "police or case reference number", "remove it"),
        Entity("UK_VEHICLE_REGISTRATION", "vehicle registration", "remove it"),
        Entity("SOCIAL_MEDIA", "social media handle or profile address", "remove it, or say which platform only"),
        Entity(
            "NAMED_SETTING",
            "name of a school, nursery or GP practice",
            "replace it with a description (the primary school, the GP practice)",
        ),
        Entity(
            "LOCATION",
            "town, village or place name",
            "check whether it could identify the family; describe it (a town in the north of the area) or declare it in allow",
            severity="warning",
        ),
    )
}
