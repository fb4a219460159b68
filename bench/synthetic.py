"""Synthetic learning libraries for benchmarks.

The benchmarks need libraries far larger than any partnership's real one, built
the same way every run so that figures from different commits compare. This
module writes such a library: the project's own settings, vocabulary and
hand-written pages, plus as many reviews and briefings as asked for, each with
valid front matter (see ``docs/content-model.md``) and a body of about
2,000 words of realistic review prose.

The prose is assembled from sentence templates that use role codes ("Child A",
"Mother", "the health visitor"), agencies, months and years only. It contains no
names, addresses, full dates, phone numbers or other personal data, so the
project's anonymisation check has nothing to stop and a build measures the
normal path, not the error path.

Everything is derived from ``random.Random`` seeded per document, so document
``n`` of a given kind is the same whatever the library's size; only the choice
of ``related`` slugs depends on how many documents there are.

Usage::

    from synthetic import generate_library
    generate_library(Path("/tmp/lib"), n_reviews=300, n_briefings=60)
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "FIRST_PUBLISHED",
    "LAST_PUBLISHED",
    "REPO_ROOT",
    "generate_library",
    "load_config",
    "repository_hooks",
]

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The repository this benchmark belongs to; its settings and pages are copied."""

FIRST_PUBLISHED = dt.date(2015, 1, 1)
LAST_PUBLISHED = dt.date(2026, 10, 31)
"""Publication dates are drawn from this range, all in the past, so no document is
held back as scheduled and every generated document reaches the built site."""

HAND_WRITTEN_PAGES = {
    "index.md": ("Home", "Learning from reviews and briefings for everyone who works with children."),
    "about.md": ("About", "Who publishes this library and why."),
    "how-to-use.md": ("How to use this library", "Find learning by theme, by type of review or by year."),
    "accessibility.md": ("Accessibility statement", "How accessible this site is and how to report a problem."),
}
"""Stand-ins for the hand-written pages the project's nav names, written only when
the repository's ``content/`` does not have them yet."""


# --------------------------------------------------------------------------
# Reading the project's settings
# --------------------------------------------------------------------------


class _TolerantLoader(yaml.SafeLoader):
    """A safe YAML loader that reads tagged values as plain data.

    ``mkdocs.yml`` may use tags PyYAML's safe loader refuses (``!ENV``,
    ``!!python/name:``); the benchmark only needs a few keys from it, so a tag
    should not stop it.
    """


def _construct_untagged(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> object:
    """Build the value under an unknown tag as if the tag were absent."""
    del tag_suffix
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    return None


_TolerantLoader.add_multi_constructor("", _construct_untagged)


def load_config(path: Path) -> dict[str, Any]:
    """Read an ``mkdocs.yml`` without failing on tags the safe loader refuses.

    Args:
        path: the settings file.

    Returns:
        The settings as plain data (an empty dict for an empty file).
    """
    loader = _TolerantLoader(path.read_text(encoding="utf-8"))
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    return data if isinstance(data, dict) else {}


def repository_hooks(config: dict[str, Any] | None = None) -> list[Path]:
    """The hook files the repository's ``mkdocs.yml`` names, as absolute paths.

    Args:
        config: the repository's settings, if already read.
    """
    if config is None:
        config = load_config(REPO_ROOT / "mkdocs.yml")
    hooks = config.get("hooks") or []
    if isinstance(hooks, str):
        hooks = [hooks]
    return [(REPO_ROOT / str(hook)).resolve() for hook in hooks]


def _with_absolute_hooks(config_text: str, hooks: Sequence[Path]) -> str:
    """Replace the top-level ``hooks:`` block of a settings file.

    The copy of ``mkdocs.yml`` lives in another folder, where the relative hook
    path would not resolve. The text is edited rather than loaded and dumped so
    that comments and tags in the project's file reach the copy unchanged.
    """
    kept: list[str] = []
    in_hooks = False
    for line in config_text.splitlines(keepends=True):
        if re.match(r"hooks\s*:", line):
            in_hooks = True
            continue
        # The block ends at the next top-level key; an indentless "- item"
        # sequence, indented lines, comments and blank lines still belong to it.
        if in_hooks and (not line.strip() or line[0] in " \t#-"):
            continue
        in_hooks = False
        kept.append(line)
    text = "".join(kept)
    if hooks:
        if text and not text.endswith("\n"):
            text += "\n"
        # JSON strings are valid YAML scalars, whatever the path contains.
        text += "\n# Rewritten by bench/synthetic.py to the repository's hooks.\nhooks:\n"
        text += "".join(f"  - {json.dumps(str(hook))}\n" for hook in hooks)
    return text


# --------------------------------------------------------------------------
# The vocabulary of the generated prose
# --------------------------------------------------------------------------

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

ROLES = (
    "the health visitor",
    "the midwife",
    "the GP",
    "the school nurse",
    "the social worker",
    "the team manager",
    "the designated safeguarding lead",
    "the class teacher",
    "the police officer",
    "the family support worker",
    "the early help practitioner",
    "the paediatrician",
    "the practice nurse",
    "the housing officer",
    "the probation officer",
    "the nursery key worker",
    "the youth worker",
    "the mental health nurse",
    "the substance misuse worker",
    "the independent reviewing officer",
    "the emergency department nurse",
    "the attendance officer",
    "the named nurse for safeguarding",
)

AGENCIES = (
    "Children's Social Care",
    "the police",
    "the health visiting service",
    "the school",
    "the nursery",
    "the GP practice",
    "the hospital",
    "the emergency department",
    "the early help service",
    "the housing provider",
    "the probation service",
    "adult mental health services",
    "the drug and alcohol service",
    "the multi-agency safeguarding hub",
    "the ambulance service",
    "the domestic abuse service",
    "the youth justice service",
    "the children's centre",
)

PARENTS = (
    "Mother",
    "Father",
    "Mother's partner",
    "Maternal Grandmother",
    "Paternal Grandmother",
    "the stepfather",
)

SIBLINGS = ("Sibling 1", "Sibling 2", "the older sibling", "the younger sibling")

CONCERNS = (
    "bruising to the face",
    "poor school attendance",
    "missed health appointments",
    "the condition of the home",
    "weight loss",
    "a head injury",
    "self-harm",
    "going missing from home",
    "arguments between the adults",
    "unexplained injuries",
    "drug use in the home",
    "being left alone at night",
    "poor hygiene",
    "delayed speech and language",
    "a burn to the hand",
    "an untreated dental problem",
    "older men collecting the young person from school",
    "low mood and withdrawal",
)

FAMILY_ISSUES = (
    "depression and anxiety",
    "alcohol misuse",
    "drug misuse",
    "domestic abuse",
    "a learning disability",
    "debt and insecure housing",
    "post-natal depression",
    "a long-term physical illness",
    "previous involvement with the criminal justice system",
)

MEETINGS = (
    "a strategy discussion",
    "an initial child protection conference",
    "a core group meeting",
    "a child in need meeting",
    "a team around the family meeting",
    "a multi-agency risk assessment conference",
    "a review child protection conference",
    "a professionals' meeting",
)

PLANS = (
    "a child in need plan",
    "a child protection plan",
    "an early help plan",
    "a safety plan",
    "a pre-birth plan",
)

TOOLS = (
    "the graded care profile",
    "the neglect toolkit",
    "the domestic abuse risk checklist",
    "the escalation policy",
    "the threshold document",
    "the safer sleep assessment",
    "the pre-birth assessment protocol",
    "the exploitation screening tool",
)

NUMBERS = ("three", "four", "five", "six", "eight", "ten", "twelve")

BACKGROUND = (
    "{child} lived with {parent} and {sibling} in privately rented accommodation.",
    "{parent} had a history of {family_issue} that was known to {agency} before {child} was born.",
    "The family had moved between local authority areas three times in the two years before the review.",
    "{parent} had been in care as a child, and some professionals knew this while others did not.",
    "{sibling} had been subject to a child protection plan in {year} because of concerns about neglect.",
    "{parent} told {role} that the relationship with {parent2} had ended, but there were signs that it continued.",
    "{child}'s first language at home was not English, and an interpreter was not always used.",
    "The household was affected by debt, overcrowding and the threat of eviction throughout the period under review.",
    "{parent} was caring for a relative with a long-term illness as well as for {child} and {sibling}.",
    "{child} was known to {agency} as a child with additional needs who required specialist support.",
    "The adults in the household had limited contact with universal services apart from routine appointments.",
    "{parent} described feeling isolated after moving to the area, with no family support nearby.",
    "Previous concerns about {family_issue} had been recorded by {agency} but were closed without a full assessment.",
    "{child} spent time in the care of {parent2}, whose circumstances were not assessed by any agency.",
    "The family were well known to {agency}, and professionals described a long history of short-term involvement.",
)

EVENTS = (
    "In {month} {year}, {role} visited the home and noted concerns about {concern}.",
    "In {month} {year}, {child} was taken to the emergency department with {concern}.",
    "By {month} {year}, {child} had missed several appointments with {agency}.",
    "{role} made a referral to Children's Social Care in {month} {year}, describing {concern}.",
    "A strategy discussion was held in {month} {year}, but {agency2} was not invited to take part.",
    "{meeting} took place in {month} {year} and agreed {plan}.",
    "Over the following months, {role} recorded that {parent} was difficult to contact and that visits were cancelled at short notice.",
    "In {month} {year}, the police attended the home after a report of shouting, and a domestic abuse "
    "notification was shared with the school.",
    "{child} told {role} that things at home were fine, and this was accepted without further exploration.",
    "The case was stepped down to early help in {month} {year}, after {parent} agreed to work with the family support worker.",
    "Early in {year}, {role} noticed that {child} appeared hungry and was wearing clothes unsuitable for the weather.",
    "In {month} {year}, {agency} received information about {concern} but did not share it with the allocated social worker.",
    "{child} was seen by {role} on four occasions during {year}, each time with {parent} present.",
    "Following a single assessment completed in {month} {year}, the case was closed with advice to the family.",
    "In {month} {year}, {parent} told {role} that they were struggling with {family_issue}.",
    "{child} was not brought to three appointments with {agency} during {year}, and no follow-up was made.",
    "Towards the end of {year}, school attendance fell below sixty per cent, and {child} was often late.",
    "In {month} {year}, {child} was found by the police some distance from home late at night, in the company of older young people.",
    "The incident that led to this review took place in {month} {year}, when {child} was admitted to hospital and "
    "concerns about {concern} were raised.",
    "In {month} {year}, {agency} held a professionals' meeting, but the notes were not circulated to all agencies.",
    "{role} completed a home visit in {month} {year} and found the home in a poor condition, with little food available.",
    "A child protection medical in {month} {year} concluded that the injuries were likely to have been inflicted.",
    "{child} moved to a new school in {month} {year}, and the safeguarding file did not arrive for several weeks.",
)

ANALYSIS = (
    "Professionals saw each concern on its own rather than as part of a pattern of cumulative harm.",
    "{role} was not aware of the history held by {agency}, because records were held on separate systems.",
    "The focus of the work drifted towards the needs of the adults, and {child}'s daily experience was not explored.",
    "{parent} presented as co-operative, and professionals were reassured by agreement rather than by evidence of change.",
    "There was no single professional who held an overview of all the agencies involved with the family.",
    "Thresholds for intervention were applied inconsistently, and decisions were not always recorded with reasons.",
    "{role} felt uneasy about the decision to close the case but did not use the escalation policy.",
    "Practitioners were working with high caseloads, and supervision sessions were often cancelled.",
    "The role of the men in {child}'s life was not understood, and none of them was assessed by any agency.",
    "Information from the police about domestic abuse incidents did not reach {role} in time to inform the assessment.",
    "{child}'s behaviour at school was seen as a discipline issue rather than as a possible sign of harm at home.",
    "Professionals relied on what {parent} told them, and did not check this with other agencies.",
    "The assessment did not consider the impact of {theme} on {child}, even though this was known to several agencies.",
    "Interpreters were not used consistently, and family members were sometimes asked to translate.",
    "The records show that {child} was seen, but not always spoken to alone.",
    "Once the case was stepped down, there was no clear plan for how new concerns would be reviewed.",
    "There was optimism about the family's capacity to change that the evidence did not support.",
    "Agencies did not challenge each other when their views of the risk to {child} differed.",
    "Many contacts took place by telephone or video during the pandemic, and the home was rarely seen.",
    "{role} had concerns about {concern}, but these were framed as a health issue rather than a safeguarding one.",
)

LEARNING = (
    "Professionals need to think about what daily life is like for the child, and record what they see, hear and are told.",
    "Curiosity about who lives in and visits the household is essential, particularly where there is a new partner.",
    "Assessments should take account of the family's history, not just the presenting incident.",
    "Where a parent's engagement is inconsistent, practitioners should ask what this means for the child.",
    "Information held by one agency may be the missing piece in another agency's understanding of risk.",
    "Supervision should create space for practitioners to reflect on their assumptions and the evidence for them.",
    "When a case is closed or stepped down, the reasons and the plan for any further concerns should be clear to everyone involved.",
    "Babies who are not yet mobile should not have bruises, and any bruising should be treated as a safeguarding concern.",
    "Neglect is often cumulative, and the impact on the child can be missed when each episode is considered separately.",
    "Young people at risk of exploitation are victims first, and their behaviour should be understood in that light.",
    "Escalation is part of good professional practice, not a sign of conflict between agencies.",
    "Disguised compliance can be hard to spot; the test is whether the child's experience has changed.",
    "The voice of the child includes what their behaviour, presentation and development tell us, not only their words.",
    "Practitioners should be confident to share information for safeguarding purposes, following the national "
    "guidance on information sharing.",
    "Adult services working with a parent need to think about the children in the household.",
    "Not being brought to appointments is a possible indicator of neglect and should trigger follow-up.",
    "Risk can increase at times of transition, such as a house move, a new school or a change of worker.",
    "The learning about {theme} in this review echoes findings from national reviews published since {year}.",
)

GOOD_PRACTICE = (
    "{role} showed persistence in trying to see {child}, making repeated visits when the family did not respond.",
    "The school knew {child} well and kept detailed records of changes in presentation and behaviour.",
    "{agency} responded quickly to the referral and held a strategy discussion on the same day.",
    "{role} used {tool} to structure the assessment, which helped other agencies understand the concerns.",
    "There were examples of thoughtful direct work with {child}, which helped professionals understand their wishes and feelings.",
    "{role} escalated concerns to a manager when the plan did not appear to be working.",
    "Practitioners across agencies attended the learning event and reflected openly on their involvement.",
    "{agency} shared information promptly with the GP, which meant the health record was complete.",
)

GUIDANCE = (
    "Ask about every adult in the household at each contact, and record who they are and their relationship to the child.",
    "Use {tool} where there are concerns about {theme}.",
    "Speak to the child on their own where it is safe and appropriate to do so.",
    "If you are worried that a decision does not keep a child safe, use the escalation policy and record what you did.",
    "Check what other agencies know before closing a case or deciding that no further action is needed.",
    "Discuss cases involving {theme} in supervision, and ask what the evidence tells you about the child's daily life.",
    "Give safer sleep advice at every contact with families of young babies, and check how the advice is being followed.",
    "Follow up missed appointments and record the reasons given; ask whether a pattern is emerging.",
    "Consider whether the family's culture, faith or language affects how they experience services and how you understand them.",
    "Share information about domestic abuse incidents with the school before the start of the next school day.",
    "Record the child's words as they were said, and what you observed about their presentation and behaviour.",
    "Think about the impact of {family_issue} on the parent's capacity to meet the child's needs.",
    "Make sure referrals say clearly what you are worried about and what you think will happen if nothing changes.",
    "Where a young person is missing from home or education, consider the risk of exploitation and make a referral.",
    "Remember that {theme} may be present alongside other concerns, and look at the whole picture.",
)

REVIEW_CONTEXT = (
    "The partnership decided in {month} {year} that the case met the criteria for a review.",
    "The rapid review found that there was learning about how agencies worked with {child} and the family.",
    "An independent reviewer was appointed, supported by a panel of senior managers from {agency} and {agency2}.",
    "Practitioners who had worked with the family took part in a learning event and were open about their involvement.",
    "The family were invited to contribute, and {parent} shared their views with the reviewer.",
    "The review covered the period from {month} {year} until the incident, with earlier history summarised.",
    "Agencies provided chronologies and reports on their involvement, which the panel analysed together.",
    "The review did not seek to blame individuals but to understand why things happened as they did.",
)

CONTEXT = (
    "Local and national reviews show that {theme} is a recurring feature of cases where children are seriously harmed.",
    "This briefing draws on {number} reviews published by the partnership since {year}.",
    "The national Child Safeguarding Practice Review Panel has highlighted similar learning in its annual reports.",
    "Practitioners told the partnership that they would value clearer guidance on {theme}.",
    "Research consistently shows that children who experience {theme} often experience other forms of harm as well.",
    "Reviews were commissioned because a child had died or been seriously harmed and abuse or neglect was known or suspected.",
    "In {number} of the reviews, {theme} had been known to at least one agency for more than a year.",
)

BULLETS = (
    "Ask who lives in the home and who visits.",
    "See the child, and see where the child sleeps.",
    "Check the chronology for patterns of concern.",
    "Record the child's words and your observations.",
    "Share information with the right agencies promptly.",
    "Use the escalation policy if you disagree with a decision.",
    "Discuss your worries in supervision.",
    "Consider the impact of the adults' needs on the child.",
    "Look for evidence of change, not only agreement.",
    "Follow up missed appointments.",
    "Use a professional interpreter, not a family member.",
    "Think about risks outside the home as well as inside it.",
    "Give and check safer sleep advice at every contact.",
    "Invite all relevant agencies to strategy discussions.",
    "Make sure the plan says who will do what, and by when.",
    "Review the plan when circumstances change.",
    "Be curious about explanations that do not fit the injury.",
    "Treat bruising in a baby who is not yet mobile as a safeguarding concern.",
    "Record decisions and the reasons for them.",
    "Ask the child what would make things better.",
    "Check that the receiving school has the safeguarding file.",
    "Think about the child's whole network, including extended family.",
    "Consider a multi-agency meeting when several agencies are worried.",
    "Keep the child at the centre of every meeting.",
    "Ask the family what support they think they need.",
    "Find out about the history of previous partners.",
    "Notice changes in attendance, presentation or behaviour.",
    "Treat self-harm as a sign of distress that needs a response.",
    "Know who the designated safeguarding lead is in your setting.",
    "Use the threshold document to inform, not replace, your judgement.",
)

QUESTIONS = (
    "How do you find out who is living in the household?",
    "When did you last speak to a child on their own?",
    "How do you know that a family's situation has really changed?",
    "What would you do if you disagreed with another agency's decision?",
    "How does your team make sure missed appointments are followed up?",
    "What does {theme} look like in the families you work with?",
    "Who else might hold information about this child?",
    "How do you use supervision to test your assumptions?",
)

RECOMMENDATIONS = (
    "The partnership seeks assurance that {agency} asks about every adult in the household at each contact.",
    "The partnership updates its neglect toolkit and promotes its use across all agencies.",
    "{agency} reviews how information about missed appointments is shared with other agencies.",
    "The partnership reviews its multi-agency training on {theme} in the light of this review.",
    "All agencies confirm that practitioners working with children have regular reflective supervision.",
    "The partnership audits the use of the escalation policy within twelve months.",
    "Children's Social Care makes sure that step-down plans set out how new concerns will be reviewed.",
    "The partnership publishes a briefing on {theme} for all practitioners.",
    "Health partners review the safer sleep advice given to families at times of change.",
    "Schools are reminded to transfer safeguarding files promptly when a child moves school.",
    "Adult services include questions about children in the household in their assessments.",
    "The police review how domestic abuse notifications are shared with schools and health visitors.",
)

EVIDENCE = {
    "open": ("Action plan agreed; work has not yet started.",),
    "in-progress": (
        "Training delivered to {number} teams; a follow-up audit is planned for {later_year}.",
        "Revised guidance drafted and out for consultation with partner agencies.",
    ),
    "complete": (
        "Revised guidance published in {month} {later_year} and shared with all agencies.",
        "Multi-agency training delivered in {later_year}; attendance reported to the partnership.",
    ),
    "impact-evidenced": (
        "A multi-agency audit in {later_year} found the expected practice in most of the cases sampled.",
        "Practitioner survey in {later_year} showed greater confidence, confirmed by a case file audit.",
    ),
}

REVIEW_MODELS = (
    "Significant Incident Learning Process",
    "Systems approach with practitioner learning events",
    "Appreciative inquiry",
    "Rapid review and practitioner event",
    "Child Practice Review model",
    "Hybrid methodology with independent reviewer",
)

INCIDENTS = (
    "they were admitted to hospital with serious injuries",
    "they died unexpectedly at home",
    "they were found to have been living in neglectful conditions",
    "they were seriously harmed",
    "concerns about exploitation came to light",
)

AUDIENCES = (
    "Health visitors",
    "Midwives",
    "GPs",
    "Designated safeguarding leads",
    "Social workers",
    "Police officers",
    "Early years practitioners",
    "Adult mental health practitioners",
    "Housing officers",
    "Team managers",
    "All practitioners",
    "Youth workers",
)

FINDING_HEADINGS = (
    "Seeing the whole family",
    "The child's lived experience",
    "Working together across agencies",
    "Understanding risk over time",
    "Challenge and escalation",
    "Support for practitioners",
    "Recording and sharing information",
    "Planning and review",
)

AGES = {
    "under-1": ("three months old", "five months old", "seven months old", "ten months old"),
    "1-4": ("aged 1", "aged 2", "aged 3", "aged 4"),
    "5-9": ("aged 5", "aged 6", "aged 7", "aged 8", "aged 9"),
    "10-14": ("aged 10", "aged 11", "aged 12", "aged 13", "aged 14"),
    "15-17": ("aged 15", "aged 16", "aged 17"),
}

CHILD_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"

PARAGRAPH_WORDS = 80
"""Roughly how long a generated paragraph is, for planning section lengths."""

# Review types written about one child; the others are about many cases.
SINGLE_CHILD_REVIEW_TYPES = {"lcspr", "cspr-national", "scr", "learning-review", "single-agency-review"}


# --------------------------------------------------------------------------
# Assembling prose
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Vocabulary:
    """The slugs and labels of ``themes.yml`` that generated documents use."""

    themes: dict[str, str]
    review_types: dict[str, str]
    briefing_types: dict[str, str]
    agencies: dict[str, str]
    age_bands: list[str]

    @classmethod
    def read(cls, path: Path) -> _Vocabulary:
        """Read the vocabulary, so generated documents only use slugs it defines."""
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}

        def labels(key: str) -> dict[str, str]:
            section = data.get(key) or {}
            return {str(slug): str((value or {}).get("label", slug)) for slug, value in section.items()}

        vocabulary = cls(
            themes=labels("themes"),
            review_types=labels("review_types"),
            briefing_types=labels("briefing_types"),
            agencies=labels("agencies"),
            age_bands=[str(slug) for slug in (data.get("age_bands") or {})],
        )
        missing = [key for key, value in vars(vocabulary).items() if not value]
        if missing:
            raise ValueError(f"{path}: the vocabulary has no {', '.join(missing)}; cannot generate documents")
        return vocabulary


class _Slots(dict[str, str]):
    """Values for one sentence's placeholders, drawn on first use.

    A placeholder used twice in a sentence gets the same value; numbered
    variants (``{role2}``) draw from the same pool but prefer a different value.
    """

    def __init__(self, rng: random.Random, pools: dict[str, Sequence[str]]) -> None:
        super().__init__()
        self._rng = rng
        self._pools = pools

    def __missing__(self, key: str) -> str:
        pool = self._pools[key.rstrip("0123456789")]
        taken = set(self.values())
        value = self._rng.choice(pool)
        for _ in range(4):
            if value not in taken:
                break
            value = self._rng.choice(pool)
        self[key] = value
        return value


class _Writer:
    """Builds one document's Markdown body from templates, counting words."""

    def __init__(self, rng: random.Random, pools: dict[str, Sequence[str]]) -> None:
        self.rng = rng
        self.pools = pools
        self.blocks: list[str] = []
        self.words = 0
        self._decks: dict[int, list[str]] = {}

    def fill(self, template: str, **fixed: Sequence[str]) -> str:
        """Fill a template's placeholders and capitalise the sentence.

        Args:
            template: text with ``{placeholder}`` fields.
            fixed: pools that replace the document's for this sentence only.
        """
        text = template.format_map(_Slots(self.rng, {**self.pools, **fixed}))
        return text[0].upper() + text[1:]

    def sentence(self, templates: Sequence[str]) -> str:
        """The next sentence from ``templates``.

        Each group is dealt like a shuffled deck, so a sentence repeats only
        once its whole group has been used in this document.
        """
        deck = self._decks.setdefault(id(templates), [])
        if not deck:
            deck.extend(templates)
            self.rng.shuffle(deck)
        return self.fill(deck.pop())

    def add(self, block: str) -> None:
        """Append a block (heading, paragraph or list) and count its words."""
        self.blocks.append(block)
        self.words += len(block.split())

    def heading(self, level: int, text: str) -> None:
        """Append a heading of the given level."""
        self.add(f"{'#' * level} {text}")

    def paragraph(self, *groups: Sequence[str]) -> None:
        """Append a paragraph of three to six sentences from the given groups.

        About one paragraph in twelve has a sentence in bold, as authors do to
        pull out a key point.
        """
        sentences = [self.sentence(self.rng.choice(groups)) for _ in range(self.rng.randint(3, 6))]
        if self.rng.random() < 0.08:
            index = self.rng.randrange(len(sentences))
            sentences[index] = f"**{sentences[index]}**"
        self.add(" ".join(sentences))

    def bullets(self, templates: Sequence[str], low: int = 3, high: int = 6) -> None:
        """Append a bullet list of distinct items."""
        count = min(self.rng.randint(low, high), len(templates))
        items = self.rng.sample(list(templates), count)
        self.add("\n".join(f"- {self.fill(item)}" for item in items))

    def section(self, title: str, subsections: Sequence[str], budget: int, *groups: Sequence[str]) -> None:
        """Append a ``##`` section of about ``budget`` words.

        An opening paragraph, then ``###`` subsections that share what is left;
        a subsection stops before a paragraph would overshoot its share by much,
        so that documents land near their target length.
        """
        start = self.words
        self.heading(2, title)
        self.paragraph(*groups)
        if not subsections:
            self.bullets(BULLETS)
            while self.words - start < budget - PARAGRAPH_WORDS // 2:
                self.paragraph(*groups)
            return
        share = (budget - (self.words - start)) // max(len(subsections), 1)
        for subsection in subsections:
            self.heading(3, subsection)
            begun = self.words
            self.paragraph(*groups)
            if self.rng.random() < 0.3:
                self.bullets(BULLETS)
            while self.words - begun < share - PARAGRAPH_WORDS // 2:
                self.paragraph(*groups)

    def text(self) -> str:
        """The body as Markdown."""
        return "\n\n".join(self.blocks) + "\n"


# --------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Planned:
    """A document's identity.

    Identities are fixed before any document is written, so that ``related:``
    only points at slugs that exist.
    """

    kind: str
    number: int
    published: dt.date
    seed: str

    @property
    def slug(self) -> str:
        """The file name without ``.md``: year, kind and a zero-padded number."""
        return f"{self.published.year}-{self.kind}-{self.number:04d}"


def _plan(kind: str, count: int, seed: int) -> list[_Planned]:
    """Fix the publication date, and so the slug, of each document of a kind."""
    span = (LAST_PUBLISHED - FIRST_PUBLISHED).days
    planned = []
    for number in range(1, count + 1):
        doc_seed = f"{seed}:{kind}:{number}"
        offset = random.Random(f"{doc_seed}:published").randint(0, span)
        planned.append(_Planned(kind, number, FIRST_PUBLISHED + dt.timedelta(days=offset), doc_seed))
    return planned


def _lower_first(text: str) -> str:
    """A label as it reads mid-sentence ("Hidden men" -> "hidden men")."""
    return text[:1].lower() + text[1:]


def _pools(published: dt.date, theme_labels: Sequence[str], child: str, age: str) -> dict[str, Sequence[str]]:
    """The placeholder values one document draws from.

    Years fall in the three years before publication, so a review never
    describes events after it was published.
    """
    years = [str(published.year - back) for back in (1, 2, 3)]
    later_years = [str(year) for year in range(published.year, min(published.year + 2, LAST_PUBLISHED.year) + 1)]
    return {
        "child": [child],
        "age": [age],
        "role": ROLES,
        "agency": AGENCIES,
        "parent": PARENTS,
        "sibling": SIBLINGS,
        "concern": CONCERNS,
        "family_issue": FAMILY_ISSUES,
        "meeting": MEETINGS,
        "plan": PLANS,
        "tool": TOOLS,
        "month": MONTHS,
        "year": years,
        "later_year": later_years,
        "number": NUMBERS,
        "theme": theme_labels,
    }


def _updated(rng: random.Random, published: dt.date) -> dt.date:
    """A recommendation's last update: after publication, never in the future."""
    latest = min(published + dt.timedelta(days=730), LAST_PUBLISHED)
    return published + dt.timedelta(days=rng.randint(0, (latest - published).days))


def _recommendations(rng: random.Random, writer: _Writer, published: dt.date, vocabulary: _Vocabulary) -> list[dict[str, Any]]:
    """Zero to four recommendations with owners, statuses and evidence.

    Older reviews are more likely to have moved on, as in a real action plan.
    """
    owners = [*vocabulary.agencies.values(), "The partnership"]
    statuses = ["open", "in-progress", "complete", "impact-evidenced"]
    age_years = LAST_PUBLISHED.year - published.year
    weights = [1, 2, 1 + age_years / 3, age_years / 4]
    recommendations = []
    for index, template in enumerate(rng.sample(RECOMMENDATIONS, rng.randint(0, 4)), start=1):
        status = rng.choices(statuses, weights)[0]
        updated = _updated(rng, published)
        # Evidence is dated no later than the update that reported it.
        evidence = writer.fill(rng.choice(EVIDENCE[status]), later_year=[str(updated.year)], month=MONTHS[: updated.month])
        recommendations.append(
            {
                "id": f"R{index}",
                "text": writer.fill(template),
                "owner": rng.choice(owners),
                "status": status,
                "evidence": evidence,
                "updated": updated,
            }
        )
    return recommendations


def _related(rng: random.Random, slug: str, all_slugs: Sequence[str]) -> list[str]:
    """One to three other documents for about two documents in five."""
    if len(all_slugs) < 2 or rng.random() >= 0.4:
        return []
    others = [other for other in rng.sample(list(all_slugs), min(4, len(all_slugs))) if other != slug]
    return others[: rng.randint(1, 3)]


def _review(doc: _Planned, vocabulary: _Vocabulary, all_slugs: Sequence[str]) -> str:
    """A review file: front matter and a body of about 2,000 words."""
    rng = random.Random(doc.seed)
    review_type = rng.choice(list(vocabulary.review_types))
    type_label = vocabulary.review_types[review_type]
    themes = rng.sample(list(vocabulary.themes), rng.randint(1, 4))
    age_band = rng.choice(vocabulary.age_bands)
    ages = AGES.get(age_band, ("aged 6",))
    letter = rng.choice(CHILD_LETTERS)
    child = f"Baby {letter}" if age_band == "under-1" else f"Child {letter}"
    theme_labels = [_lower_first(vocabulary.themes[slug]) for slug in themes]
    writer = _Writer(rng, _pools(doc.published, theme_labels, child, rng.choice(ages)))

    if review_type in SINGLE_CHILD_REVIEW_TYPES:
        title = f"{child}: {_lower_first(type_label)}"
        summary = writer.fill(
            f"{{child}} was {{age}} when {rng.choice(INCIDENTS)}. "
            f"The review looks at how agencies understood {theme_labels[0]} and worked together."
        )
    else:
        title = f"{type_label}: {' and '.join(theme_labels[:2])}"
        summary = writer.fill(
            f"This {_lower_first(type_label)} looked at {{number}} cases where {theme_labels[0]} was a feature. "
            "It sets out what worked well and what needs to change."
        )

    front: dict[str, Any] = {
        "title": title,
        "type": review_type,
        "published": doc.published,
        "themes": themes,
        "summary": summary,
        "age_band": age_band,
        "agencies": rng.sample(list(vocabulary.agencies), rng.randint(2, min(5, len(vocabulary.agencies)))),
        "model": rng.choice(REVIEW_MODELS),
    }
    recommendations = _recommendations(rng, writer, doc.published, vocabulary)
    if recommendations:
        front["recommendations"] = recommendations
    related = _related(rng, doc.slug, all_slugs)
    if related:
        front["related"] = related

    target = rng.randint(1900, 2150)
    # Section lengths in tenths of the body; the rest is headings, lists and the top-up below.
    unit = target * 0.92 / 10
    years = sorted(writer.pools["year"])
    writer.heading(1, title)
    writer.add(summary)
    writer.section("Why this review was carried out", ["How the review was done"], int(unit), REVIEW_CONTEXT)
    writer.section("Background", ["The family", "Agencies involved"], int(unit * 1.5), BACKGROUND, ANALYSIS)
    writer.section(
        "What happened",
        [f"Events in {year}" for year in years[: rng.randint(2, 3)]],
        int(unit * 3),
        EVENTS,
        EVENTS,
        BACKGROUND,
    )
    writer.section("Good practice", [], int(unit * 0.7), GOOD_PRACTICE)
    findings = [
        f"Finding {index}: {heading}"
        for index, heading in enumerate([vocabulary.themes[themes[0]], *rng.sample(FINDING_HEADINGS, 2)], start=1)
    ]
    writer.section("Findings and learning", findings, int(unit * 2.5), ANALYSIS, LEARNING)
    writer.heading(2, "Recommendations")
    if recommendations:
        writer.add("\n".join(f"- **{item['id']}.** {item['text']}" for item in recommendations))
    else:
        writer.add(
            "This review made no formal recommendations; its learning is taken forward through the "
            "partnership's training programme and practice briefings."
        )
    writer.section("The partnership's response", ["What practitioners should do now"], int(unit), GUIDANCE, LEARNING)
    while writer.words < target:
        writer.paragraph(LEARNING, GUIDANCE)
    return _document(front, writer.text())


def _briefing(doc: _Planned, vocabulary: _Vocabulary, all_slugs: Sequence[str]) -> str:
    """A briefing file: front matter and a body of about 2,000 words."""
    rng = random.Random(doc.seed)
    briefing_type = rng.choice(list(vocabulary.briefing_types))
    type_label = vocabulary.briefing_types[briefing_type]
    themes = rng.sample(list(vocabulary.themes), rng.randint(1, 4))
    theme_labels = [_lower_first(vocabulary.themes[slug]) for slug in themes]
    child = f"Child {rng.choice(CHILD_LETTERS)}"
    writer = _Writer(rng, _pools(doc.published, theme_labels, child, rng.choice(AGES["5-9"])))
    title = f"{type_label}: {child if briefing_type == 'learning-summary' else theme_labels[0]}"
    summary = (
        f"This {_lower_first(type_label)} brings together learning about {theme_labels[0]} from local and national "
        "reviews. It sets out what practitioners should look for and what to do."
    )
    front: dict[str, Any] = {
        "title": title,
        "type": briefing_type,
        "published": doc.published,
        "themes": themes,
        "summary": summary,
        "audience": rng.sample(AUDIENCES, rng.randint(1, 4)),
    }
    related = _related(rng, doc.slug, all_slugs)
    if related:
        front["related"] = related

    target = rng.randint(1900, 2150)
    writer.heading(1, title)
    writer.add(summary)
    if briefing_type == "seven-minute-briefing":
        parts: list[tuple[str, list[str], tuple[Sequence[str], ...]]] = [
            ("1. Background", ["Where this learning comes from"], (CONTEXT,)),
            ("2. Why it matters", ["The impact on children"], (CONTEXT, LEARNING)),
            ("3. Information", ["What reviews found"], (ANALYSIS, BACKGROUND)),
            ("4. Information", ["Working with families"], (ANALYSIS, LEARNING)),
            ("5. Information", ["Working with other agencies"], (ANALYSIS, LEARNING)),
            ("6. What to remember", ["Key messages"], (LEARNING,)),
            ("7. What to do", ["In your practice", "In your team"], (GUIDANCE,)),
        ]
    else:
        parts = [
            ("Introduction", ["About this briefing"], (CONTEXT,)),
            ("Why reviews were commissioned", ["The cases", "Common features"], (CONTEXT, EVENTS, BACKGROUND)),
            ("Risk factors", ["In the family", "In the child's life"], (BACKGROUND, ANALYSIS)),
            ("Learning for practice", ["Seeing the child", "Working together"], (LEARNING, ANALYSIS)),
            ("What to do", ["Before you act", "When you are worried"], (GUIDANCE,)),
        ]
    budget = int(target * 0.92 / len(parts))
    for heading, subsections, groups in parts:
        writer.section(heading, subsections, budget, *groups)
    writer.heading(2, "Questions for reflection")
    writer.bullets(QUESTIONS, 4, 6)
    while writer.words < target:
        writer.paragraph(GUIDANCE, LEARNING)
    return _document(front, writer.text())


def _document(front: dict[str, Any], body: str) -> str:
    """Front matter between ``---`` lines, then the body."""
    header = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=4096)
    return f"---\n{header}---\n\n{body}"


# --------------------------------------------------------------------------
# The library
# --------------------------------------------------------------------------


def _copy_settings(dest: Path) -> str:
    """Copy ``mkdocs.yml`` (hooks made absolute), ``themes.yml`` and the pages.

    Returns:
        The name of the docs folder the settings use.
    """
    source_config = REPO_ROOT / "mkdocs.yml"
    config = load_config(source_config)
    hooks = repository_hooks(config)
    (dest / "mkdocs.yml").write_text(_with_absolute_hooks(source_config.read_text(encoding="utf-8"), hooks), encoding="utf-8")
    shutil.copy2(REPO_ROOT / "themes.yml", dest / "themes.yml")

    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    if custom_dir and (REPO_ROOT / str(custom_dir)).is_dir():
        shutil.copytree(REPO_ROOT / str(custom_dir), dest / str(custom_dir))

    docs_dir = str(config.get("docs_dir") or "docs")
    if (REPO_ROOT / docs_dir).is_dir():
        shutil.copytree(REPO_ROOT / docs_dir, dest / docs_dir)
    pages = dest / docs_dir
    pages.mkdir(exist_ok=True)
    for name, (title, text) in HAND_WRITTEN_PAGES.items():
        if not (pages / name).exists():
            (pages / name).write_text(f"---\ntitle: {title}\n---\n\n# {title}\n\n{text}\n", encoding="utf-8")
    return docs_dir


def _write_all(folder: Path, documents: Iterable[tuple[str, str]]) -> None:
    """Write ``<slug>.md`` files, refusing to overwrite one (slugs are unique)."""
    folder.mkdir(parents=True, exist_ok=True)
    for slug, text in documents:
        path = folder / f"{slug}.md"
        if path.exists():
            raise FileExistsError(f"{path}: two generated documents share the slug {slug!r}")
        path.write_text(text, encoding="utf-8")


def generate_library(dest: Path, n_reviews: int, n_briefings: int, seed: int = 1) -> None:
    """Write a complete synthetic library at ``dest``.

    The library has the repository's ``mkdocs.yml`` (its hooks pointed at the
    repository by absolute path, so they run on this copy), ``themes.yml`` and
    ``content/``, plus ``reviews/<slug>.md`` and ``briefings/<slug>.md`` with
    valid front matter and bodies of about 2,000 words.

    Args:
        dest: an empty or missing folder.
        n_reviews: how many reviews to write.
        n_briefings: how many briefings to write.
        seed: the same seed gives the same library, byte for byte.

    Raises:
        FileExistsError: ``dest`` is not empty, so a stale library cannot mix in.
        ValueError: a count is negative, or ``themes.yml`` lacks a vocabulary.
    """
    if n_reviews < 0 or n_briefings < 0:
        raise ValueError(f"document counts must not be negative (got {n_reviews} reviews, {n_briefings} briefings)")
    if dest.exists() and any(dest.iterdir()):
        raise FileExistsError(f"{dest}: folder is not empty; give an empty or new folder for the library")
    dest.mkdir(parents=True, exist_ok=True)
    _copy_settings(dest)
    vocabulary = _Vocabulary.read(dest / "themes.yml")

    reviews = _plan("review", n_reviews, seed)
    briefings = _plan("briefing", n_briefings, seed)
    all_slugs = [doc.slug for doc in reviews + briefings]
    _write_all(dest / "reviews", ((doc.slug, _review(doc, vocabulary, all_slugs)) for doc in reviews))
    _write_all(dest / "briefings", ((doc.slug, _briefing(doc, vocabulary, all_slugs)) for doc in briefings))
