"""What the check accepts: detections cut, reduced by declarations, role codes and public names, and judged again.

Tables of texts with one detection each (as the engine would find it) and what
is left to report, so each rule is seen at its exact span. No model is loaded:
the engine's output is written into the table.
"""

from __future__ import annotations

import pytest

from learning_library.anonymisation import names, public
from learning_library.anonymisation.acceptance import accepted
from learning_library.anonymisation.phrases import PhraseIndex, pattern
from learning_library.anonymisation.policy import Policy
from learning_library.content import AllowEntry

POLICY = Policy(
    allow=(AllowEntry("Kestrel Vale", "our area"), AllowEntry("* Safeguarding Children Partnership", "partnerships", pattern=True))
)


def reported(text: str, entity: str, found: str, declared: tuple[str, ...] = (), policy: Policy = POLICY) -> list[str]:
    start = text.index(found)
    kept = accepted(text, [[entity, start, start + len(found), 0.85]], policy, declared)
    return [text[a:b] for _, a, b, _ in kept]


@pytest.mark.parametrize(
    ("text", "entity", "found", "declared", "expected"),
    [
        # Declaring or allowing the exact text is always enough.
        ("Signed: Jane Doe Date 12 May 2023", "PERSON", "Jane Doe Date", ("Jane Doe",), []),
        ("We spoke to Ms A. Beth said she was fine.", "PERSON", "Ms A. Beth", ("Ms A", "Beth"), []),
        ("Mr K. Child G was then aged 4.", "PERSON", "Mr K. Child G", ("Mr K",), []),
        ("Beth's Story: a briefing", "PERSON", "Beth's Story", ("Beth",), []),
        ("The family lived in Kestrel Vale Heights.", "LOCATION", "Kestrel Vale Heights", (), []),
        ("Leeds Safeguarding Children Partnership published it.", "PERSON", "Leeds Safeguarding Children Partnership", (), []),
        # What is left still looks like a name: the whole piece is reported.
        ("Ruby Jones is not a pseudonym.", "PERSON", "Ruby Jones", ("Ruby",), ["Ruby Jones"]),
        # Never across a line break or a sentence end; each piece is judged on its own.
        ("Child A lived with Kerry\nWalsh was the neighbour", "PERSON", "Kerry\nWalsh", (), ["Kerry", "Walsh"]),
        ("It was Jayden. Kerry Walsh said so.", "PERSON", "Jayden. Kerry Walsh", ("Jayden",), ["Kerry Walsh"]),
        ("Dr. Patel saw her.", "PERSON", "Dr. Patel", (), ["Dr. Patel"]),
        # Public names and role codes are taken away; a title keeps a person a person.
        ("The LSCP Chair wrote the foreword.", "PERSON", "LSCP Chair", (), []),
        ("Leeds SCP agreed the plan.", "PERSON", "Leeds SCP", (), []),
        ("Cumbria has a new partnership.", "PERSON", "Cumbria", (), []),
        ("She had Ehlers-Danlos syndrome.", "PERSON", "Ehlers-Danlos", (), []),
        ("He was charged with Actual Bodily Harm.", "PERSON", "Actual Bodily Harm", (), []),
        ("A Cheshire-wide campaign followed.", "PERSON", "Cheshire", (), []),
        ("Mrs Derby visited the school.", "PERSON", "Mrs Derby", (), ["Mrs Derby"]),
        ("Kerry Halton moved in.", "PERSON", "Kerry Halton", (), ["Kerry Halton"]),
        # A setting's name is a proper name before a public word: only a whole public name takes it away.
        ("He went to the Bridge Pupil Referral Unit.", "NAMED_SETTING", "Bridge Pupil Referral Unit", (), ["Bridge Pupil Referral Unit"]),
    ],
)
def test_a_detection_minus_what_is_declared_or_known(
    text: str, entity: str, found: str, declared: tuple[str, ...], expected: list[str]
) -> None:
    assert reported(text, entity, found, declared) == expected


def test_a_detection_under_its_threshold_or_switched_off_is_not_reported() -> None:
    policy = Policy(severity={"PERSON": "off"})
    assert reported("Kerry Walsh said so.", "PERSON", "Kerry Walsh", policy=policy) == []


@pytest.mark.parametrize(
    ("phrases", "text", "expected"),
    [
        (["Kestrel Vale"], "In Kestrel  Vale's schools", ["Kestrel  Vale's"]),
        (["Kestrel Vale"], "In Kestrel Valeside", []),
        (["Ruby"], "Ruby-Mae and Ruby", ["Ruby"]),
        (["A&E"], "She went to A&E twice", ["A&E"]),
        (["Ehlers-Danlos syndrome", "Ehlers-Danlos"], "with Ehlers-Danlos syndrome today", ["Ehlers-Danlos syndrome"]),
    ],
)
def test_phrases_match_by_words_case_insensitive_with_any_space_between(phrases: list[str], text: str, expected: list[str]) -> None:
    index = PhraseIndex.of(phrases)
    assert [text[a:b] for a, b, _ in index.find(text, 0, len(text))] == expected


@pytest.mark.parametrize(
    ("allow", "text", "expected"),
    [
        (
            "* Safeguarding Children Partnership",
            "by the North Yorkshire Safeguarding Children Partnership.",
            "North Yorkshire Safeguarding Children Partnership",
        ),
        ("* Safeguarding Children Partnership", "the Safeguarding Children Partnership", None),
        ("The * Trust", "the Lullaby Trust said", "the Lullaby Trust"),
    ],
)
def test_an_allow_pattern_stands_for_one_to_four_words_at_its_star(allow: str, text: str, expected: str | None) -> None:
    match = pattern(allow).search(text)
    assert (match.group(0) if match else None) == expected


@pytest.mark.parametrize(
    ("address", "team"),
    [
        ("lscp@example.org", True),
        ("safeguarding.partnership@kestrelvale.gov.uk", False),  # an invented area is not known to be public
        ("devonscp@devon.gov.uk", True),
        ("safeguarding@leeds.gov.uk", True),
        ("mum2boys@example.co.uk", False),
        ("k.walsh@example.com", False),
        ("dsl@greenfield-cp.example", False),
    ],
)
def test_a_team_mailbox_is_not_a_person(address: str, team: bool) -> None:
    assert public.is_team_mailbox(address) is team


@pytest.mark.parametrize(
    ("text", "public_part"),
    [
        ("West Yorkshire Police attended.", "West Yorkshire Police"),
        ("Bradford Royal Infirmary admitted her.", "Bradford Royal Infirmary"),
        ("NHS Lancashire and South Cumbria Integrated Care Board", "Lancashire and South Cumbria Integrated Care Board"),
        ("the Rotherham Safeguarding Children Partnership", "Rotherham Safeguarding Children Partnership"),
    ],
)
def test_public_bodies_are_known_by_name_or_by_their_last_words(text: str, public_part: str) -> None:
    spans = public.covering(text, 0, len(text))
    assert any(text[a:b].endswith(public_part) or public_part in text[a:b] for a, b in spans), [text[a:b] for a, b in spans]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Mr K. and Child G met Maternal Grandmother B.", ["Mr K.", "Child G", "Maternal Grandmother B"]),
        ("Ms Ashworth-Brown was there.", []),
    ],
)
def test_role_codes_inside_a_text(text: str, codes: list[str]) -> None:
    assert [text[a:b] for a, b in names.role_codes(text, 0, len(text))] == codes
