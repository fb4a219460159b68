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
import gc
import logging
import multiprocessing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import CheckUnavailable

_NOT_NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer", "trainable_lemmatizer")
"""Pipeline components NER does not use; excluding them makes spaCy several times faster."""

_PARALLEL_FROM_CHARS = 100_000
_PARALLEL_FROM_FILES = 8
"""Below about this much work, starting a second process costs more than it saves."""
_CHUNK_FILES = 16
"""The most files a forked process takes at a time: enough for the model to read them in full batches."""

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
        self.nlp = nlp
        registry = RecognizerRegistry(supported_languages=["en"])
        for recognizer in all_recognizers():
            registry.add_recognizer(recognizer)
        self.analyzer = AnalyzerEngine(registry=registry, nlp_engine=self.nlp_engine, supported_languages=["en"])

    def analyze(self, texts: Sequence[str]) -> Iterator[list[Detection]]:
        """Yield what was found in each text, in order.

        A cold run over many files uses both cores (:meth:`_analyze_in_parallel`).
        """
        if len(texts) >= _PARALLEL_FROM_FILES and sum(len(t) for t in texts) >= _PARALLEL_FROM_CHARS:
            yield from self._analyze_in_parallel(texts)
            return
        yield from self._analyze(texts)

    def _analyze_in_parallel(self, texts: Sequence[str]) -> Iterator[list[Detection]]:
        """Analyse in two forked processes, which share the loaded model and the texts with this one.

        The texts are handed out a few at a time, so that when one core is
        slowed (by a long document, or by other work on the machine) the other
        takes more, rather than each taking half and one waiting for the other.
        Everything alive before the fork is frozen out of garbage collection
        meanwhile: a collection in a child would otherwise write to every
        object's header and so copy, page by page, all the memory it shares
        with this process (in a site build, the whole library).
        """
        size = max(1, min(_CHUNK_FILES, len(texts) // 16))
        chunks = [(self.model, start, min(start + size, len(texts))) for start in range(0, len(texts), size)]
        _FORKED[self.model] = (self, texts)
        gc.freeze()
        try:
            with multiprocessing.get_context("fork").Pool(2) as pool:
                for part in pool.imap(_analyze_in_child, chunks):
                    yield from part
        finally:
            gc.unfreeze()
            del _FORKED[self.model]

    def _analyze(self, texts: Sequence[str]) -> list[list[Detection]]:
        """Run NER only around the words that could be a name, then every recognizer on the whole text.

        Most of a review holds no word that could be a name (only roles,
        agencies and ordinary words), and NER is nearly all of the cost, so
        reading only the windows :func:`~.names.spans_needing_ner` picks makes
        the check several times faster without changing what it finds.
        """
        from presidio_analyzer.nlp_engine import NlpArtifacts

        from .names import spans_needing_ner

        nlp = self.nlp
        tokens = [nlp.make_doc(text) for text in texts]
        spans = [
            (i, start, end) for i, (text, doc) in enumerate(zip(texts, tokens, strict=True)) for start, end in spans_needing_ner(text, doc)
        ]
        entities: list[list[_Entity]] = [[] for _ in texts]
        for (i, start, _), doc in zip(spans, nlp.pipe((texts[i][a:b] for i, a, b in spans), batch_size=64), strict=True):
            entities[i].extend(_Entity(e.label_, start + e.start_char, start + e.end_char) for e in doc.ents)
        found = []
        for text, ents, doc in zip(texts, entities, tokens, strict=True):
            artifacts = NlpArtifacts(
                entities=ents,  # type: ignore[arg-type]  # duck-typed spans: label_, start_char, end_char
                tokens=doc,
                tokens_indices=[],
                lemmas=[],
                nlp_engine=self.nlp_engine,
                language="en",
            )
            results: list[Any] = self.analyzer.analyze(text=text, language="en", nlp_artifacts=artifacts)
            found.append([Detection(r.entity_type, r.start, r.end, r.score) for r in results])
        return found


@dataclass(frozen=True)
class _Entity:
    """A named entity found by spaCy in one line, with its offsets in the whole text."""

    label_: str
    start_char: int
    end_char: int


_FORKED: dict[str, tuple[Engine, Sequence[str]]] = {}
"""The engine and the texts of a parallel run, left where the forked processes find them."""


def _analyze_in_child(chunk: tuple[str, int, int]) -> list[list[Detection]]:
    model, start, end = chunk
    analyzer, texts = _FORKED[model]
    return analyzer._analyze(texts[start:end])


@functools.cache
def engine(model: str) -> Engine:
    """The engine for a model, loaded once per process (``mkdocs serve`` rebuilds reuse it)."""
    return Engine(model)
