"""The reviews and briefings of a synthetic library: planned per kind and seed, written from :mod:`synthetic_prose`."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from synthetic_prose import (
    AGENCIES,
    AGES,
    ANALYSIS,
    AUDIENCES,
    BACKGROUND,
    CONCERNS,
    CONTEXT,
    EVENTS,
    EVIDENCE,
    FAMILY_ISSUES,
    FINDING_HEADINGS,
    GOOD_PRACTICE,
    GUIDANCE,
    INCIDENTS,
    LEARNING,
    MEETINGS,
    MONTHS,
    NUMBERS,
    PARENTS,
    PLANS,
    QUESTIONS,
    RECOMMENDATIONS,
    REVIEW_CONTEXT,
    REVIEW_MODELS,
    ROLES,
    SIBLINGS,
    TOOLS,
)
from synthetic_writer import _Vocabulary, _Writer

FIRST_PUBLISHED = dt.date(2015, 1, 1)
LAST_PUBLISHED = dt.date(2026, 10, 31)
"""Publication dates are drawn from this range, all in the past, so no document is
held back as scheduled and every generated document reaches the built site."""

CHILD_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


# Review types written about one child; the others are about many cases.
SINGLE_CHILD_REVIEW_TYPES = {"lcspr", "cspr-national", "scr", "learning-review", "single-agency-review"}


# --------------------------------------------------------------------------
# Assembling prose
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
