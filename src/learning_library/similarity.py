"""Seen this before: the earlier documents whose learning reads most alike, and the recommendations that recur.

Practitioners and reviewers ask "have we seen this before?", and statutory
guidance asks reviews to look at recurring themes and at improvements already
identified. Shared themes alone answer it badly: nearly every review is tagged
"neglect" or "information sharing". So the answer here comes from the words of
the learning itself: a document's learning sections and a review's
recommendations (a document with no learning section is read whole).

How: each text becomes a TF-IDF vector (words weighted by how rare they are
in the library, so "household" counts for more than "child"; see
:class:`_Vectors`), and two texts are as alike as the cosine of their vectors.
That is plain, explainable and needs no model to download; a partnership can
be told what it is based on. Vectors are compared a block of rows at a time,
so memory stays small; the work grows with the square of the library but with
tiny constants (``bench/similarity.py``: about a second at 5,000 documents),
and a build whose texts have not changed reads the answer from the cache.

Recommendations recur in other words ("health visitors ask about every adult in
the household", "midwives ask about every adult who lives in the home"), so
they are grouped by the same measure: each recommendation's neighbours are the
recommendations of *other* reviews at least :data:`RECOMMENDATION_LIKENESS`
alike, and groups are taken greedily around the recommendation with the most
neighbours (Butina's clustering), so every member is directly alike its
group's centre and groups never chain into one blob.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
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
BLOCK = 512
"""Rows compared at once: a block of 512 against 5,000 documents is 10 MB of scores."""
DENSE_WORDS = 1024
"""The most common words, whose part of the comparison is a dense product: 20 MB at 5,000 documents."""
CACHE_NAME = "similarity"
_LIBRARIES = ("scipy", "numpy")


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


WORD = re.compile(r"\b\w\w+\b")
"""A word: two or more letters or digits, as in most text retrieval (and scikit-learn's default), so "a" and "I" are not words."""
STOP_WORDS = frozenset(
    """
    about above across after afterwards again against all almost alone along already also although always am among amongst
    an and another any anyhow anyone anything anyway anywhere are around as at back be became because become becomes
    becoming been before beforehand behind being below beside besides between beyond both but by can cannot could did do
    does doing done down due during each either else elsewhere enough etc even ever every everyone everything everywhere
    except few for former formerly from further had has have having he hence her here hereafter hereby herein hers herself
    him himself his how however if in indeed into is it its itself just last latter latterly least less many may me
    meanwhile might mine more moreover most mostly much must my myself namely neither never nevertheless next no nobody
    none noone nor not nothing now nowhere of off often on once one only onto or other others otherwise our ours ourselves
    out over own per perhaps please quite rather re same seem seemed seeming seems several she should since so some somehow
    someone something sometime sometimes somewhere still such than that the their theirs them themselves then thence there
    thereafter thereby therefore therein thereupon these they this those though through throughout thru thus to together
    too toward towards under until up upon us very via was we well were what whatever when whence whenever where whereafter
    whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will with within
    without would yet you your yours yourself yourselves
    """.split()  # noqa: SIM905 (a paragraph of words reads better than 270 quoted ones)
)
"""Words that say nothing of what a text is about, left out so that two texts are not alike for sharing "the" and "which"."""


class _Vectors:
    """TF-IDF vectors of unit length, so that the dot product of two is their cosine, ready to be compared a block at a time.

    TF-IDF as text retrieval defines it, and as scikit-learn's
    ``TfidfVectorizer`` with ``sublinear_tf`` computes it (a test holds the
    two equal): a word found ``n`` times in a text weighs ``1 + ln n``, times
    its rarity in the library, ``1 + ln((1 + documents) / (1 + documents with
    the word))``. It is worked out here on SciPy's sparse matrices because
    importing scikit-learn alone took longer than comparing 1,440 documents.

    The product is split by word. The :data:`DENSE_WORDS` words found in most
    documents are in nearly every pair, so their columns are multiplied as a
    dense matrix (fast, by BLAS); the rest are rare, so a sparse product of them
    is cheap. Together they give the exact cosines, several times faster than
    one sparse product, without dropping any word.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        import numpy
        from scipy.sparse import csr_matrix

        columns: dict[str, int] = {}
        words: list[int] = []
        counts: list[int] = []
        rows = [0]
        for text in texts:
            for word, count in Counter(WORD.findall(text.lower())).items():
                if word not in STOP_WORDS:
                    words.append(columns.setdefault(word, len(columns)))
                    counts.append(count)
            rows.append(len(words))
        found = numpy.array(words, dtype=numpy.int64)
        having = numpy.bincount(found, minlength=len(columns))
        rarity = 1 + numpy.log((1 + len(texts)) / (1 + having))
        weights = (1 + numpy.log(numpy.array(counts, dtype=numpy.float64))) * rarity[found]
        squares = numpy.zeros(len(texts))
        numpy.add.at(squares, numpy.repeat(numpy.arange(len(texts)), numpy.diff(rows)), weights * weights)
        lengths = numpy.sqrt(squares)
        lengths[lengths == 0] = 1  # a text without a word: its vector stays all zeros
        weights /= numpy.repeat(lengths, numpy.diff(rows))
        matrix = csr_matrix((weights.astype(numpy.float32), found, rows), shape=(len(texts), max(len(columns), 1)))
        common = numpy.zeros(matrix.shape[1], dtype=bool)
        common[numpy.argsort(-numpy.pad(having, (0, matrix.shape[1] - len(having))), kind="stable")[:DENSE_WORDS]] = True
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
