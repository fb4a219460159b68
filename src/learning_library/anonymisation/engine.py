"""The Presidio analyzer, with spaCy running only the parts named-entity recognition needs.

Loading is the slow, fragile part (a model of tens of megabytes that might not
be installed), so it happens once per process and only when a file actually
needs scanning: a re-check of an unchanged library never imports spaCy. If the
model or Presidio cannot load, the check fails closed with
:class:`~learning_library.errors.CheckUnavailable`: it never passes silently.

Nothing here touches the network. spaCy's loader never downloads (Presidio's
would, for a missing model, so its loader is not used), and Presidio's e-mail
recognizer, which fetches a public suffix list, is replaced by our own.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import CheckUnavailable

_NOT_NEEDED = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer", "trainable_lemmatizer")
"""Pipeline components NER does not use; excluding them makes spaCy several times faster."""

_PARALLEL_FROM_CHARS = 400_000
"""Below about this much text, starting a second process costs more than it saves."""

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Detection:
    """What a recognizer found: an entity at character offsets, with a score."""

    entity: str
    start: int
    end: int
    score: float


class Engine:
    """Presidio's AnalyzerEngine with our recognizers, over a spaCy model trimmed to its NER."""

    def __init__(self, model: str) -> None:
        try:
            import spacy
            from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
            from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

            from .recognizers import all_recognizers
        except ImportError as exc:  # pragma: no cover - an incomplete installation
            raise CheckUnavailable(f"the anonymisation check cannot load Presidio or spaCy ({exc}); run `make test` or reinstall") from None
        self.model = model
        try:
            nlp = spacy.load(model, exclude=list(_NOT_NEEDED))
            nlp("Check that the model runs.")
        except OSError:
            raise CheckUnavailable(
                f"the spaCy model `{model}` is not installed, so the anonymisation check cannot run; "
                "install it (`make test` installs the default model) or name an installed one in anonymisation.yml"
            ) from None
        except Exception:  # a model whose NER listens to a component we left out
            nlp = spacy.load(model, exclude=["lemmatizer", "parser"])
        self.version = f"{model}-{nlp.meta.get('version', '?')}-spacy-{spacy.about.__version__}"

        class _LoadedEngine(SpacyNlpEngine):  # type: ignore[misc]
            """Presidio's spaCy engine around a model we loaded ourselves (its own loader would download)."""

            def load(self) -> None:
                self.nlp = {"en": nlp}  # type: ignore[assignment]

        configuration = NerModelConfiguration(
            labels_to_ignore=[
                "ORG",
                "ORGANIZATION",
                "CARDINAL",
                "DATE",
                "TIME",
                "EVENT",
                "LANGUAGE",
                "LAW",
                "MONEY",
                "NORP",
                "ORDINAL",
                "PERCENT",
                "PRODUCT",
                "QUANTITY",
                "WORK_OF_ART",
            ]
        )
        self.nlp_engine = _LoadedEngine(models=[{"lang_code": "en", "model_name": model}], ner_model_configuration=configuration)
        self.nlp_engine.load()
        registry = RecognizerRegistry(supported_languages=["en"])
        for recognizer in all_recognizers():
            registry.add_recognizer(recognizer)
        self.analyzer = AnalyzerEngine(registry=registry, nlp_engine=self.nlp_engine, supported_languages=["en"])

    def analyze(self, texts: Sequence[str]) -> Iterator[list[Detection]]:
        """Yield what was found in each text, in order; spaCy runs over them in batches."""
        n_process = 2 if sum(len(t) for t in texts) > _PARALLEL_FROM_CHARS else 1
        batches = self.nlp_engine.process_batch(list(texts), language="en", batch_size=16, n_process=n_process)
        for text, artifacts, *_ in batches:
            results: list[Any] = self.analyzer.analyze(text=text, language="en", nlp_artifacts=artifacts)
            yield [Detection(r.entity_type, r.start, r.end, r.score) for r in results]


@functools.cache
def engine(model: str) -> Engine:
    """The engine for a model, loaded once per process (``mkdocs serve`` rebuilds reuse it)."""
    return Engine(model)
