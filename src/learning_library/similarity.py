"""Seen this before: the earlier documents whose learning reads most alike, and the recommendations that recur.

Practitioners and reviewers ask "have we seen this before?", and statutory
guidance asks reviews to look at recurring themes and at improvements already
identified. Shared themes alone answer it badly: nearly every review is tagged
"neglect" or "information sharing". So the answer here comes from the words of
the learning itself: a document's learning sections and a review's
recommendations (a document with no learning section is read whole).

How: each text becomes a TF-IDF vector (scikit-learn's ``TfidfVectorizer``:
words weighted by how rare they are in the library, so "household" counts for
more than "child"), and two texts are as alike as the cosine of their vectors.
That is plain, explainable and needs no model to download; a partnership can
be told what it is based on. Vectors are compared a block of rows at a time,
so memory stays small; the work grows with the square of the library but with
tiny constants (see ``bench/similarity.py``: seconds at 5,000 documents), and a
build whose texts have not changed reads the answer from the cache instead.
A build starts the work on the other core before it checks the library
(:func:`prepare`), so what is left to wait for when the pages need it is little.

Recommendations recur in other words ("health visitors ask about every adult in
the household", "midwives ask about every adult who lives in the home"), so
they are grouped by the same measure: each recommendation's neighbours are the
recommendations of *other* reviews at least :data:`RECOMMENDATION_LIKENESS`
alike, and groups are taken greedily around the recommendation with the most
neighbours (Butina's clustering), so every member is directly alike its
group's centre and groups never chain into one blob.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import multiprocessing
import os
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cache import ResultCache, installed_versions

SHOWN = 3
"""Earlier documents listed on a review's page: enough to follow the thread, few enough to read on a phone."""
DOCUMENT_LIKENESS = 0.1
"""The least cosine at which an earlier document counts as having similar learning; below it the list stays shorter."""
RECOMMENDATION_LIKENESS = 0.3
"""The least cosine at which two reviews' recommendations count as the same recommendation made again.

Read from the example library: "ask about every adult in the household" made by
two reviews in different words scores 0.36, while recommendations that merely
share agencies ("schools" and "police") score below 0.25.
"""
PREPARING_SECONDS = 600
"""How long the pages wait for a comparison started early; past it they work it out themselves."""
BLOCK = 512
"""Rows compared at once: a block of 512 against 5,000 documents is 10 MB of scores."""
DENSE_WORDS = 1024
"""The most common words, whose part of the comparison is a dense product: 20 MB at 5,000 documents."""
CACHE_NAME = "similarity"
_LIBRARIES = ("scikit-learn", "scipy", "numpy")


@dataclass(frozen=True)
class Learning:
    """One document's learning, as the comparison reads it."""

    slug: str
    published: dt.date
    text: str


@dataclass(frozen=True)
class Made:
    """One recommendation a review made."""

    slug: str
    """The review that made it."""
    id: str
    text: str


@dataclass(frozen=True)
class Alike:
    """An earlier document with similar learning, and how alike (the cosine, 0 to 1)."""

    slug: str
    score: float


@dataclass(frozen=True)
class Recurring:
    """Recommendations of several reviews that say the same thing: the centre first, then the others, most alike first."""

    members: tuple[tuple[Made, float], ...]
    """Each recommendation with its likeness to the centre (the centre's own is 1)."""


@dataclass(frozen=True)
class Similarity:
    """What the library's text says is alike."""

    earlier: dict[str, tuple[Alike, ...]]
    """For each document, the earlier documents whose learning is most alike, most alike first."""
    recurring: tuple[Recurring, ...]
    """Groups of recommendations made again by other reviews, the largest first."""


def find(learning: Sequence[Learning], recommendations: Sequence[Made], *, root: Path | None = None) -> Similarity:
    """Compare the library's learning and recommendations, or read the comparison from the cache.

    Args:
        learning: every published document's learning.
        recommendations: every recommendation of a published review.
        root: the library's folder, whose cache keeps the answer (None: keep nothing).
    """
    cache = ResultCache(root, _version(), name=CACHE_NAME)
    key = _key(learning, recommendations)
    cached = _from_json(cache.get(key), learning, recommendations)
    if cached is not None:
        cache.save({key})
        return cached
    found = Similarity(_earlier(learning), _recurring(recommendations))
    cache.put(key, _to_json(found, recommendations))
    cache.save({key})
    return found


class Preparation:
    """A comparison being worked out in a forked process, which leaves its answer in the cache for :func:`find`."""

    def __init__(self, process: multiprocessing.process.BaseProcess) -> None:
        self.process = process

    def wait(self) -> None:
        """Wait until it is done. Whatever became of it, :func:`find` then reads the cache or works the answer out."""
        self.process.join(PREPARING_SECONDS)
        self.stop()

    def stop(self) -> None:
        """Abandon it (the build stopped, or it took too long)."""
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()


def prepare(work: Callable[[], object]) -> Preparation | None:
    """Run ``work`` (which calls :func:`find` with a cache) in a forked process, on the other core, while the caller goes on.

    Returns None where processes cannot be forked, or there is no other core
    (the answer is then worked out when it is needed, as without this).
    """
    if "fork" not in multiprocessing.get_all_start_methods() or (os.cpu_count() or 1) < 2:
        return None
    process = multiprocessing.get_context("fork").Process(target=_quietly, args=(work,), daemon=True, name="learning-library-similarity")
    process.start()
    return Preparation(process)


def _quietly(work: Callable[[], object]) -> None:
    """A head start and no more: a failure here costs only the time, as the pages work the answer out again."""
    with contextlib.suppress(Exception):  # the parent repeats the work and reports anything really wrong
        work()


class _Vectors:
    """TF-IDF vectors of unit length, so that the dot product of two is their cosine, ready to be compared a block at a time.

    The product is split by word. The :data:`DENSE_WORDS` words found in most
    documents are in nearly every pair, so their columns are multiplied as a
    dense matrix (fast, by BLAS); the rest are rare, so a sparse product of them
    is cheap. Together they give the exact cosines, several times faster than
    one sparse product, without dropping any word.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        import numpy
        from scipy.sparse import csr_matrix
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, dtype=numpy.float32)
        try:
            matrix = vectorizer.fit_transform(texts).tocsr()
        except ValueError:  # not one word outside the stop words: nothing is alike
            matrix = csr_matrix((len(texts), 1), dtype=numpy.float32)
        frequency = numpy.diff(matrix.tocsc().indptr)
        common = numpy.zeros(matrix.shape[1], dtype=bool)
        common[numpy.argsort(-frequency, kind="stable")[:DENSE_WORDS]] = True
        self.dense = matrix[:, common].toarray()
        self.rare = matrix[:, ~common].tocsr()
        self.rare_t = self.rare.T.tocsr()

    def cosines(self, start: int, stop: int, width: int) -> Any:
        """The cosines of rows ``start`` to ``stop`` with rows 0 to ``width``, as a dense array."""
        scores = self.dense[start:stop] @ self.dense[:width].T
        scores += (self.rare[start:stop] @ self.rare_t[:, :width]).toarray()
        return scores


def _earlier(learning: Sequence[Learning]) -> dict[str, tuple[Alike, ...]]:
    """For each document, the :data:`SHOWN` most alike among those published before it."""
    import numpy

    ordered = sorted(learning, key=lambda item: (item.published, item.slug))
    vectors = _Vectors([item.text for item in ordered])
    dates = [item.published for item in ordered]
    before = [bisect_left(dates, day) for day in dates]  # how many were published strictly earlier
    found: dict[str, tuple[Alike, ...]] = {}
    for start in range(0, len(ordered), BLOCK):
        stop = min(start + BLOCK, len(ordered))
        scores = vectors.cosines(start, stop, before[stop - 1])
        for row, position in enumerate(range(start, stop)):
            limit = before[position]
            candidates = scores[row, :limit]
            best = numpy.argpartition(-candidates, SHOWN)[:SHOWN] if limit > SHOWN else numpy.arange(limit)
            best = best[numpy.argsort(-candidates[best], kind="stable")]
            found[ordered[position].slug] = tuple(
                Alike(ordered[j].slug, round(float(candidates[j]), 4)) for j in best if candidates[j] >= DOCUMENT_LIKENESS
            )
    return found


def _recurring(recommendations: Sequence[Made]) -> tuple[Recurring, ...]:
    """Groups of alike recommendations from at least two reviews, around the recommendation with most neighbours."""
    import numpy

    count = len(recommendations)
    vectors = _Vectors([made.text for made in recommendations])
    numbered: dict[str, int] = {}
    review = numpy.array([numbered.setdefault(made.slug, len(numbered)) for made in recommendations], dtype=numpy.int64)
    neighbours: list[Any] = []
    likeness: list[Any] = []
    for start in range(0, count, BLOCK):
        stop = min(start + BLOCK, count)
        scores = vectors.cosines(start, stop, count)
        scores[review[start:stop, None] == review[None, :]] = 0.0  # a review repeating itself is not a recurrence
        for row in scores:
            close = numpy.flatnonzero(row >= RECOMMENDATION_LIKENESS)
            neighbours.append(close)
            likeness.append(row[close])
    taken = numpy.zeros(count, dtype=bool)
    groups = []
    for centre in sorted(range(count), key=lambda i: -len(neighbours[i])):
        if taken[centre]:
            continue
        taken[centre] = True
        free = ~taken[neighbours[centre]]
        members, scores = neighbours[centre][free], likeness[centre][free]
        if not len(members):
            continue
        taken[members] = True
        order = numpy.lexsort((members, -scores))
        rest = ((recommendations[int(members[i])], round(float(scores[i]), 4)) for i in order)
        groups.append(Recurring(((recommendations[centre], 1.0), *rest)))
    groups.sort(key=lambda group: -len({made.slug for made, _ in group.members}))
    return tuple(groups)


def _version() -> str:
    """This module's code and the libraries that compute: a cache written by any other is not trusted."""
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    return "/".join([f"similarity-{code}", *installed_versions(_LIBRARIES)])


def _key(learning: Sequence[Learning], recommendations: Sequence[Made]) -> str:
    """Everything the comparison reads: each document's slug, date and text, and each recommendation."""
    digest = hashlib.sha256()
    for item in learning:
        digest.update(f"{item.slug}\0{item.published.isoformat()}\0{item.text}\0\0".encode())
    digest.update(b"\1")
    for made in recommendations:
        digest.update(f"{made.slug}\0{made.id}\0{made.text}\0\0".encode())
    return digest.hexdigest()


def _to_json(found: Similarity, recommendations: Sequence[Made]) -> dict[str, Any]:
    position = {id(made): index for index, made in enumerate(recommendations)}
    return {
        "earlier": {slug: [[a.slug, a.score] for a in alike] for slug, alike in found.earlier.items()},
        "recurring": [[[position[id(made)], score] for made, score in group.members] for group in found.recurring],
    }


def _from_json(data: Any, learning: Sequence[Learning], recommendations: Sequence[Made]) -> Similarity | None:
    """The cached comparison, or None when the entry is missing or not of the shape written (then it is worked out again)."""
    if not isinstance(data, dict):
        return None
    try:
        slugs = {item.slug for item in learning}
        earlier = {slug: tuple(Alike(str(s), float(score)) for s, score in data["earlier"][slug]) for slug in slugs}
        recurring = tuple(Recurring(tuple((recommendations[int(i)], float(score)) for i, score in group)) for group in data["recurring"])
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    return Similarity(earlier, recurring)
