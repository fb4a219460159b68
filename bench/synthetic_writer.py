"""The vocabulary a synthetic library draws on, and the writer that fills the prose templates from it."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from learning_library.vocabulary import Term, load_vocabulary
from synthetic_prose import (
    BULLETS,
)

PARAGRAPH_WORDS = 80
"""Roughly how long a generated paragraph is, for planning section lengths."""


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
        """Read the vocabulary with the library's own reader, so generated documents only use slugs it defines."""
        vocabulary = load_vocabulary(path)

        def labels(terms: Mapping[str, Term]) -> dict[str, str]:
            return {slug: term.label for slug, term in terms.items()}

        found = cls(
            themes=labels(vocabulary.themes),
            review_types=labels(vocabulary.review_types),
            briefing_types=labels(vocabulary.briefing_types),
            agencies=labels(vocabulary.agencies),
            age_bands=list(vocabulary.age_bands),
        )
        missing = [key for key, value in vars(found).items() if not value]
        if missing:
            raise ValueError(f"{path}: the vocabulary has no {', '.join(missing)}; cannot generate documents")
        return found


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
