"""The accuracy guard: the check over every labelled set, against floors for recall and ceilings for false alarms.

A change to the name rules, the date rules or the word lists that halves
recall of a kind, or that lets false alarms creep back into real-style text,
fails here, in ``make test``, before it reaches a partnership. The figures are
those ``bench/anonymisation.py`` prints (it scores with the same code); the
floors sit a little under what the check reaches today, so that an honest
improvement elsewhere never trips them, and a real loss always does.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from learning_library.anonymisation import scan
from learning_library.anonymisation.policy import load_policy

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from labelled import WARNING_KINDS, LabelledSet, Score, available, load, score, spans_of  # noqa: E402

pytestmark = pytest.mark.model

FLOORS = {
    # set: (recall of direct identifiers, worst recall of any kind with 10 or more planted, false alarms per 1,000 clean words)
    "synthetic": (0.99, 0.95, 0.5),
    "synthetic-holdout": (0.985, 0.9, 0.5),
    "natural": (0.967, 0.9, 0.5),
    "real-style": (0.98, 0.9, 0.5),
    "real-style-2": (0.98, 0.9, 1.0),
    "real-style-3": (0.97, 0.85, 1.0),
    "real-style-holdout": (0.97, 0.85, 0.5),
}
"""The natural set's floor is the issue's "at most one direct identifier missed in 30"; the held-out real-style set's
false-alarm ceiling is the target for real text the check was not tuned on (0.5 per 1,000 words)."""


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Score]:
    sets: list[LabelledSet] = [load(name) for name in available()]
    findings, _ = scan([s.target for labelled in sets for s in labelled.samples], load_policy(REPO), root=None, use_cache=False)
    return {labelled.name: score(labelled, spans_of(findings, labelled)) for labelled in sets}


def test_every_labelled_set_is_scored(scores: dict[str, Score]) -> None:
    assert {"synthetic", "synthetic-holdout", "natural", "real-style", "real-style-2", "real-style-3"} <= set(scores)
    assert set(scores) <= set(FLOORS), "a new labelled set needs its floors here"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_recall_of_direct_identifiers_stays_above_its_floor(scores: dict[str, Score], name: str) -> None:
    if name not in scores:
        pytest.skip(f"the {name} set is not in this checkout")
    recall_floor, kind_floor, _ = FLOORS[name]
    result = scores[name]
    missed = [(p.file, p.kind, p.text) for p in result.missed if p.kind not in WARNING_KINDS]
    assert result.direct_recall >= recall_floor, f"{name}: recall {result.direct_recall:.3f} < {recall_floor}; missed {missed}"
    for kind, (planted, caught, _) in result.recall.items():
        if kind not in WARNING_KINDS and planted >= 10:
            assert caught / planted >= kind_floor, f"{name}: {kind} recall {caught}/{planted} < {kind_floor}"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_false_alarms_stay_below_their_ceiling(scores: dict[str, Score], name: str) -> None:
    if name not in scores:
        pytest.skip(f"the {name} set is not in this checkout")
    ceiling = FLOORS[name][2]
    result = scores[name]
    alarms = [(f, e, t) for f, _, _, e, t in result.false_alarms]
    assert result.false_alarms_per_1000 <= ceiling, f"{name}: {result.false_alarms_per_1000:.2f} per 1,000 words > {ceiling}: {alarms}"
