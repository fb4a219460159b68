"""The recognizers, as tables of sentences: what each must find, and what it must leave alone.

All identifiers are invented: Ofcom drama-range phone numbers, NHS numbers in the
999 test range that pass the checksum, QQ National Insurance numbers.
"""

from __future__ import annotations

import functools
import random
import re
import sys

import pytest

from learning_library.anonymisation import recognizers
from learning_library.anonymisation.engine import Engine, engine
from learning_library.anonymisation.policy import DEFAULT_MODEL
from learning_library.anonymisation.quick import FOLD, first_characters, starting_words
from learning_library.anonymisation.scanner import published_text

from .conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from labelled import available, load

pytestmark = pytest.mark.model


@pytest.fixture(scope="session")
def analyzer() -> Engine:
    return engine(DEFAULT_MODEL)


def found(analyzer: Engine, text: str, entity: str) -> list[str]:
    (detections,) = list(analyzer.analyze([text]))
    return [text[d.start : d.end] for d in detections if d.entity == entity]


def assert_finds(analyzer: Engine, entity: str, text: str, expected: str) -> None:
    hits = found(analyzer, text, entity)
    assert any(expected in hit or (hit in expected and len(hit) >= len(expected) // 2) for hit in hits), (
        f"{entity} {expected!r} not in {hits}"
    )


POSITIVE = [
    ("PERSON", "Mum (Kerry Walsh) said that her partner was not really around.", "Kerry Walsh"),
    ("PERSON", "The social worker, Mrs Okafor, visited twice.", "Mrs Okafor"),
    ("PERSON", "PC Hughes attended the address.", "PC Hughes"),
    ("PERSON", "Her best friend, Amber, was worried and told a teacher.", "Amber"),
    ("PERSON", "Grace's parents have asked that her story is told.", "Grace"),
    ("PERSON", "Kayleigh told the nurse she was scared.", "Kayleigh"),
    ("PERSON", 'A message read: "kayleigh says she fell off the trampoline".', "kayleigh"),
    ("PERSON", "The family were known to Dr Ahmed Siddiqui at the practice.", "Ahmed Siddiqui"),
    ("PERSON", "A 22-year-old man known locally as 'Tiny' recruited him.", "Tiny"),
    ("PERSON", "The chronology records a call from D. Lowther that evening.", "D. Lowther"),
    ("PERSON", "She went home to her parents, Efua and Kojo Mensah, in the spring.", "Efua"),
    ("PERSON", "Auntie Mercy was the person she trusted.", "Mercy"),
    ("PERSON", "Johnny told the review that he wanted to learn.", "Johnny"),
    ("STREET_ADDRESS", "LOCATION: 27 LARKHILL CRESCENT, KV11 4QS", "27 LARKHILL CRESCENT"),
    ("EMAIL_ADDRESS", "From: Lauren Ashby <lauren.ashby@kestrelvale-csc.example>", "lauren.ashby@kestrelvale-csc.example"),
    ("PHONE_NUMBER", "The number was stored as K (07700.900.155).", "07700.900.155"),
    ("UK_NINO", "His National Insurance number was qq 71 42 09 d.", "qq 71 42 09 d"),
    ("UK_VEHICLE_REGISTRATION", "A minibus (kv20 ejh) collected them.", "kv20 ejh"),
    ("DATE", "She was born on Tuesday 4th May, the second child.", "4th May"),
    ("REFERENCE_NUMBER", "She returned under case reference FMU 2022/0417.", "2022/0417"),
    ("SOCIAL_MEDIA", "A Snapchat account, prettygirl.k_22, posed as a girl.", "prettygirl.k_22"),
    ("STREET_ADDRESS", "Child M lived with her mother at 14 Larch Close.", "14 Larch Close"),
    ("STREET_ADDRESS", "They moved to Flat 3, 27 Mill Lane in the spring.", "Flat 3, 27 Mill Lane"),
    ("STREET_ADDRESS", "The family lived at Orchard Court, a small block of flats.", "Orchard Court"),
    ("UK_POSTCODE", "The address was in KV4 7RT.", "KV4 7RT"),
    ("UK_POSTCODE", "Her last known address had the postcode kv2 4pb.", "kv2 4pb"),
    ("UK_POSTCODE", "The childminder worked from her home in KV8, near the park.", "KV8"),
    ("PHONE_NUMBER", "She called 07700 900123 twice.", "07700 900123"),
    ("PHONE_NUMBER", "The landline was (01632) 960456.", "(01632) 960456"),
    ("PHONE_NUMBER", "His number was +44 (0)7700 900 321.", "+44 (0)7700 900 321"),
    ("EMAIL_ADDRESS", "She emailed from kerry.w@example.com that night.", "kerry.w@example.com"),
    ("DATE", "A referral was made on 3rd March 2021.", "3rd March 2021"),
    ("DATE", "DOB 14/07/2016, a Year 4 pupil.", "14/07/2016"),
    ("DATE", "The incident happened on March 3, 2021.", "March 3, 2021"),
    ("DATE", "She was born on 2 February and registered late.", "2 February"),
    ("UK_NHS", "Her NHS number is 999 123 4578.", "999 123 4578"),
    ("UK_NINO", "His National Insurance number was QQ 12 34 56 C.", "QQ 12 34 56 C"),
    ("REFERENCE_NUMBER", "Police recorded crime reference 44/123456/21.", "44/123456/21"),
    ("REFERENCE_NUMBER", "The incident, logged as CAD 1234, was graded standard.", "1234"),
    ("REFERENCE_NUMBER", "The case was recorded as KV-FGM-2022-014.", "KV-FGM-2022-014"),
    ("UK_VEHICLE_REGISTRATION", "A silver car, KV19 XRT, was seen outside.", "KV19 XRT"),
    ("SOCIAL_MEDIA", "He messaged her as @kv_trapstar_07 on Instagram.", "@kv_trapstar_07"),
    ("SOCIAL_MEDIA", "His profile was facebook.com/jordan.smith.77 at the time.", "facebook.com/jordan.smith.77"),
    ("SOCIAL_MEDIA", "They met another player, xX_ShadowFox_Xx, online.", "xX_ShadowFox_Xx"),
    ("NAMED_SETTING", "She attended St Brigid's Catholic Primary School.", "St Brigid's Catholic Primary School"),
    ("NAMED_SETTING", "The family were registered at Hollybank Surgery.", "Hollybank Surgery"),
    ("NAMED_SETTING", "He went to Little Acorns Nursery three days a week.", "Little Acorns Nursery"),
]


@pytest.mark.parametrize(("entity", "text", "expected"), POSITIVE)
def test_finds(analyzer: Engine, entity: str, text: str, expected: str) -> None:
    assert_finds(analyzer, entity, text, expected)


NEGATIVE = [
    ("PERSON", "Child A lived with Mother, Father and Sibling 1."),
    ("PERSON", "The health visitor and the Designated Safeguarding Lead met in March 2022."),
    ("PERSON", "Brandon et al. (2020) found that neglect is present in most serious case reviews."),
    ("PERSON", "The rule of optimism (Dingwall, Eekelaar and Murray, 1983) still applies."),
    ("PERSON", "Frank, open questions help children talk."),
    ("PERSON", "Practitioners used the Graded Care Profile and Signs of Safety."),
    ("PERSON", "The group met over two days in June and on a Sunday."),
    ("PERSON", "Families of Black Caribbean and Gypsy, Roma and Traveller heritage were included."),
    ("PERSON", "If a family has no cot or Moses basket, refer them the same day."),
    ("PERSON", "As Brandon, Sidebotham and colleagues found, neglect is common."),
    ("PERSON", "Firmin's contextual safeguarding and the Whooley questions were used."),
    ("PERSON", "The Family Nurse Partnership and Karma Nirvana were involved."),
    ("PERSON", "FGM is practised in parts of Africa, the Middle East and Asia."),
    ("REFERENCE_NUMBER", "The 2019/2020 annual report covers the year."),
    ("STREET_ADDRESS", "The Family Court made a care order."),
    ("STREET_ADDRESS", "The Crown Court heard the case in 2021."),
    ("UK_POSTCODE", "She was working at the expected level in KS2 maths."),
    ("PHONE_NUMBER", "Around 116 123 people called the helpline."),
    ("DATE", "Between May and July 2021 there were four home visits."),
    ("DATE", "The 2019/20 annual report sets out the figures."),
    ("UK_NHS", "The trust saw 1234567890 patients."),
    ("REFERENCE_NUMBER", "Working Together to Safeguard Children 2023 applies; see section 47 of the Children Act 1989."),
    ("UK_VEHICLE_REGISTRATION", "The NHS 111 service gave advice."),
    ("SOCIAL_MEDIA", "The team met @ the family hub."),
    ("NAMED_SETTING", "The Child Safeguarding Practice Review Panel was notified."),
    ("NAMED_SETTING", "She went to the local primary school and a Catholic secondary school."),
    ("NAMED_SETTING", "Ruby's nursery raised the concern."),
]


@pytest.mark.parametrize(("entity", "text"), NEGATIVE)
def test_leaves_alone(analyzer: Engine, entity: str, text: str) -> None:
    assert found(analyzer, text, entity) == []


@pytest.mark.parametrize(
    ("number", "valid"),
    [("999 123 4578", True), ("9991234578", True), ("999-123-4578", True), ("999 123 4579", False), ("123 456 7890", False)],
)
def test_nhs_numbers_need_a_valid_checksum(analyzer: Engine, number: str, valid: bool) -> None:
    assert bool(found(analyzer, f"NHS number {number} on file.", "UK_NHS")) is valid


def test_a_name_named_once_with_a_cue_is_found_everywhere_in_the_text(analyzer: Engine) -> None:
    text = "Her friend, Amber, was worried. Later Amber told a teacher, who reassured Amber."
    assert found(analyzer, text, "PERSON").count("Amber") == 3


DOCUMENT_DATES = [
    "Last updated: 02 Sept 2025",
    "Published: 14 March 2024",
    "Version 2.1 – 04.01.2024",
    "Date of meeting: 12/05/2023",
    "The Panel's report published on 26 May 2022 is summarised here.",
    "On 26 May 2022 the Child Safeguarding Practice Review Panel published its report.",
    "The report was presented to the Safeguarding Partnership Executive on 9 November 2022.",
    "The annual report covers 1 April 2022 to 31 March 2023.",
    "Neglect and the Graded Care Profile 2: Tuesday 12 November 2024 13:00 to 16:00",
    "Posted on Thursday 16th May 2024 | Category: Reviews",
    "Audit completed: 28 February 2024",
    "Rachel Tennick Date 14 November 2023",
]
LIFE_DATES = [
    ("Child A was born on 3 May 2016.", "3 May 2016"),
    ("She was admitted on 14/02/2021 with a head injury.", "14/02/2021"),
    ("12.03.2020 – seen by GP for a rash.", "12.03.2020"),
    ("On 3rd March 2021 Mother took Ruby to the GP.", "3rd March 2021"),
    ("Sent: 14 March 2023 09:42", "14 March 2023"),
    ("Date: Thursday 17 June 2021. The family were at home.", "17 June 2021"),
    ("The school called Children's Social Care on 3rd March 2021.", "3rd March 2021"),
    ("On Christmas Eve 2020 the family hosted relatives.", "Christmas Eve 2020"),
]


@pytest.mark.parametrize("text", DOCUMENT_DATES)
def test_a_date_of_the_document_a_meeting_or_a_publication_does_not_block(analyzer: Engine, text: str) -> None:
    assert found(analyzer, text, "DATE") == []


@pytest.mark.parametrize(("text", "date"), LIFE_DATES)
def test_a_date_of_an_event_in_a_persons_life_blocks(analyzer: Engine, text: str, date: str) -> None:
    assert date in found(analyzer, text, "DATE")


@pytest.mark.parametrize(
    ("entity", "text"),
    [
        ("SOCIAL_MEDIA", "Download: LCSPR_Child_X_Overview_Report.pdf (PDF, 812 Kb)"),
        ("NAMED_SETTING", "## 4. Good Practice"),
        ("NAMED_SETTING", "Was Not Brought: Guidance for General Practice"),
        ("NAMED_SETTING", "The sessions were held at Stockport Family Hub."),
        ("REFERENCE_NUMBER", "Registered charity England and Wales 216401. Scotland SC037717."),
        ("REFERENCE_NUMBER", "Audit report QA/2023/07 was agreed."),
        ("REFERENCE_NUMBER", "CSCP Annual Report 2022-23"),
        ("UK_POSTCODE", "The young people are referred to as YP1 to YP5."),
        ("EMAIL_ADDRESS", "Contact the team at lscp@example.org."),
        ("PERSON", "Further reading: Bernard, C. and Harris, P. (2016) Safeguarding Black Children. London: Jessica Kingsley."),
        ("PERSON", "The Philomena Protocol is used for children in care."),
    ],
)
def test_what_real_published_text_says_is_left_alone(analyzer: Engine, entity: str, text: str) -> None:
    assert found(analyzer, text, entity) == []


@pytest.mark.parametrize(
    ("entity", "text", "expected"),
    [
        ("PERSON", "Baby R (Reggie Pennock, DOB 26/01/2024) was six weeks old.", "Reggie Pennock"),
        ("PERSON", "In the end her older brother, Imtiaz, who lived separately, helped.", "Imtiaz"),
        ("PERSON", "Priyanka Chauhan was thirteen.", "Priyanka Chauhan"),
        ("PERSON", 'Child R gave his name to officers as "Ionuț" and no surname.', "Ionuț"),
        ("PERSON", "using the example of Hope, a seven-year-old pupil", "Hope"),
        ("STREET_ADDRESS", "two visits to 14 Heol Gwaun Ddu, Cwmbrynach.", "14 Heol Gwaun Ddu"),
        ("EMAIL_ADDRESS", "To: Safeguarding <dsl@greenfield-cp.example>", "dsl@greenfield-cp.example"),
    ],
)
def test_names_in_natural_prose_are_found(analyzer: Engine, entity: str, text: str, expected: str) -> None:
    assert_finds(analyzer, entity, text, expected)


@pytest.mark.parametrize(
    ("recognizer", "text", "spans"),
    [
        ("UkPhoneRecognizer", "Call 07700 900123 now.", [(5, 17, 0.85)]),
        ("UkNhsNumberRecognizer", "NHS number 999 526 0182.", [(11, 23, 1.0)]),
        ("UkNhsNumberRecognizer", "NHS number 999 526 0183.", []),  # fails the checksum
        ("ExactDateRecognizer", "She was born on 3 May 2016.", [(16, 26, 0.9), (16, 21, 0.7)]),
        ("ExactDateRecognizer", "Last updated: 02 Sept 2025", []),
        ("EmailRecognizer", "Write to kerry.walsh@example.com today.", [(9, 32, 0.95)]),
        ("EmailRecognizer", "Write to lscp@example.org today.", []),
        ("StreetAddressRecognizer", "She moved to Flat 4, 19 Alder Street in May.", [(13, 36, 0.9), (24, 36, 0.8)]),
        ("StreetAddressRecognizer", "He lived at 14 Heol Gwaun Ddu with his father.", [(12, 29, 0.9)]),
        ("UkPostcodeRecognizer", "The young people are YP1 to YP5; the flat was in KV4 7RT.", [(49, 56, 0.9)]),
    ],
)
def test_recognizers_at_exact_spans_and_scores(recognizer: str, text: str, spans: list[tuple[int, int, float]]) -> None:
    from learning_library.anonymisation import recognizers

    found_here = getattr(recognizers, recognizer)().analyze(text, [])
    assert sorted((r.start, r.end, r.score) for r in found_here) == sorted(spans)


LONG_LINE = (
    "The review considered how agencies shared information about the family over several years, "
    "and the panel met six times to agree its findings with the practitioners involved. "
    "In the spring the school nurse saw Kayleigh Brannigan twice and recorded her worries carefully. "
    "The health visitor and the early help worker then planned a joint visit to the family home."
)


def windows(analyzer: Engine, text: str) -> list[str]:
    from learning_library.anonymisation.names import spans_needing_ner

    return [text[a:b] for a, b in spans_needing_ner(text, analyzer.nlp.make_doc(text))]


def test_the_model_reads_only_the_words_around_a_possible_name(analyzer: Engine) -> None:
    (window,) = windows(analyzer, LONG_LINE)
    assert "Kayleigh Brannigan" in window
    assert len(window.split()) <= 2 * 8 + 2
    assert not LONG_LINE.startswith(window) and not LONG_LINE.endswith(window)


def test_windows_stay_in_their_line_and_run_to_its_ends_when_they_reach_them(analyzer: Engine) -> None:
    text = "Nothing to read here at all.\n  Siobhan Mulrooney, school nurse\nNor here."
    assert windows(analyzer, text) == ["  Siobhan Mulrooney, school nurse"]


def test_windows_that_overlap_merge(analyzer: Engine) -> None:
    text = "Kayleigh Brannigan and her friend Tyreese Okonjo were seen at the clinic by the nurse on the ward that week."
    assert windows(analyzer, text) == ["Kayleigh Brannigan and her friend Tyreese Okonjo were seen at the clinic by the nurse"]


@pytest.mark.parametrize(
    "text",
    [
        "Leeds SCP and the NSPCC met with Cumbria and Kent in March.",
        "On Monday Mr A and Dr B met with the family.",
        "The practitioners agreed the plan with the family.",
    ],
)
def test_public_names_months_days_and_titles_alone_need_no_model(analyzer: Engine, text: str) -> None:
    assert windows(analyzer, text) == []


def test_a_window_finds_what_reading_the_whole_line_finds(analyzer: Engine) -> None:
    from learning_library.anonymisation.names import spans_needing_ner

    whole = {(e.start_char, e.end_char, e.label_) for e in analyzer.nlp(LONG_LINE).ents if e.label_ in {"PERSON", "GPE", "LOC", "FAC"}}
    read = set()
    for a, b in spans_needing_ner(LONG_LINE, analyzer.nlp.make_doc(LONG_LINE)):
        read |= {(a + e.start_char, a + e.end_char, e.label_) for e in analyzer.nlp(LONG_LINE[a:b]).ents}
    assert whole and whole <= read


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (r"(?<!\w)[A-Z]\d", "[A-Z]"),
        (r"\b(?:Flat[ \t]+)?\d{1,4}", "[F0-9]"),
        (r"@\w+|\d{3}", "[@0-9]"),
        (r"(?:[A-Z][a-z]+ ){1,3}(?:School|Academy)", "[A-Z]"),
        (r"\bfoo", None),  # a lower-case letter: as common as any position in prose
        (r"(?i:Mrs?)\s+[A-Z]", None),  # either case
        (r"[^a-z]x", None),  # a negated set
        (r".x", None),
        (r"x?", None),  # can match nothing
    ],
)
def test_quick_patterns_start_from_the_characters_a_match_can_start_with(pattern: str, first: str | None) -> None:
    found = first_characters(re.compile(pattern))
    if first is None:
        assert found is None
    else:
        assert found is not None
        sample = "".join(chr(c) for c in range(32, 127))
        assert [c for c in sample if found.match(c)] == [c for c in sample if re.match(first, c)]


def recognizer_patterns() -> list[tuple[str, str]]:
    return [
        (type(r).__name__, name)
        for r in recognizers.all_recognizers()
        if isinstance(r, recognizers.RegexRecognizer)
        for name, _, _ in r._compiled
    ]


@functools.cache
def sample_texts() -> list[str]:
    """The labelled sets' published text, and random text made of the characters identifiers are made of."""
    texts = [published_text(s.target.source) for set_name in sorted(available()) for s in load(set_name).samples]
    rng = random.Random(15)
    alphabet = "aAbBcdDeFfHkKLMmNnoOQrRsStTuWxXyZ0123456789  \t\n.,:;/@_-'’()+#ſKİé"
    return texts + ["".join(rng.choice(alphabet) for _ in range(400)) for _ in range(300)]


@pytest.mark.parametrize(("recognizer", "name"), recognizer_patterns())
def test_every_quick_pattern_finds_exactly_what_its_pattern_finds(recognizer: str, name: str) -> None:
    """Over :func:`sample_texts`."""
    (quick,) = [q for n, q, _ in getattr(recognizers, recognizer)()._compiled if n == name]
    texts = sample_texts()
    assert [[m.span() for m in quick.finditer(t)] for t in texts] == [[m.span() for m in quick.pattern.finditer(t)] for t in texts]


def test_folding_turns_every_character_a_case_blind_pattern_takes_for_an_ascii_letter_into_that_letter() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    takes = {code for code in range(0x110000) if letter.match(chr(code))}
    assert {code for code in takes if chr(code).translate(FOLD) != chr(code).lower() or code >= 0x80} == set(FOLD) - set(range(65, 91))
    assert all(chr(code).translate(FOLD) in "abcdefghijklmnopqrstuvwxyz" for code in takes)
    assert all(len(chr(code).translate(FOLD)) == 1 for code in FOLD)


@pytest.mark.parametrize(
    ("pattern", "words", "folded"),
    [
        (r"\b(?:crime|case)[ \t]+\d", {"crime", "case"}, False),
        (r"(?i:\b(?:Crime|CASE))\s+\d", {"crime", "case"}, True),
        (r"\b(?:Mon|Tues?)(?:day)?\b", {"Mon", "Tue"}, False),
        (r"(?i:at|around)\s+[A-Z]", None, False),  # "at" stands everywhere in prose
        (r"(?:the\s+)?\d", None, False),  # a digit alone can start a match
        (r"(?i:\bLôn)\s", None, False),  # a letter beyond ASCII read case-blind: no starting word to fold
    ],
)
def test_quick_patterns_start_from_the_words_a_match_can_start_with(pattern: str, words: set[str] | None, folded: bool) -> None:
    found = starting_words(re.compile(pattern))
    if words is None:
        assert found is None
    else:
        assert found is not None and found[1] is folded
        alternatives = [re.sub(r"\\(.)", r"\1", alternative) for alternative in found[0].pattern.split("|")]
        assert all(any(alternative.startswith(word) for word in words) for alternative in alternatives)
        assert all(any(alternative.startswith(word) for alternative in alternatives) for word in words)
