"""Seen this before: which earlier documents have similar learning, which recommendations recur, and the cache that keeps them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from learning_library import addresses, pages, similarity
from learning_library.cache import cache_file
from learning_library.pages.headings import learning_text
from learning_library.similarity import Learning, Made

from .conftest import REPO, site_for

HOUSEHOLD = "Practitioners ask about every adult in the household, record who cares for the baby and share it with the health visitor."
SLEEP = "Parents are told about safer sleep: a baby sleeps on its back, in its own cot, never on a sofa after alcohol."
SCHOOL = "Schools follow up absence on the first day and tell the social worker when a child on a plan is missing from school."


def day(year: int, month: int = 1) -> dt.date:
    return dt.date(year, month, 1)


def alike(found: similarity.Similarity, slug: str) -> list[str]:
    return [a.slug for a in found.earlier[slug]]


def test_a_document_lists_only_earlier_documents_most_alike_first() -> None:
    learning = [
        Learning("2019-sleep", day(2019), SLEEP),
        Learning("2020-household", day(2020), HOUSEHOLD),
        Learning("2021-school", day(2021), SCHOOL),
        Learning("2022-household-again", day(2022), HOUSEHOLD.replace("the baby", "the toddler") + " Schools follow up absence."),
        Learning("2023-household-later", day(2023), HOUSEHOLD),
    ]
    found = similarity.find(learning, [])
    assert alike(found, "2022-household-again") == ["2020-household", "2021-school"]  # sleep shares no word of its learning
    assert alike(found, "2019-sleep") == []  # nothing came before it
    assert "2023-household-later" not in alike(found, "2022-household-again")  # later documents are never "seen before"
    assert alike(found, "2023-household-later")[0] in ("2020-household", "2022-household-again")
    scores = [a.score for a in found.earlier["2022-household-again"]]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)


def test_documents_published_the_same_day_are_not_earlier_than_each_other() -> None:
    found = similarity.find([Learning("a", day(2024), HOUSEHOLD), Learning("b", day(2024), HOUSEHOLD)], [])
    assert found.earlier == {"a": (), "b": ()}


def test_learning_with_no_word_in_common_is_not_listed() -> None:
    found = similarity.find([Learning("sleep", day(2020), SLEEP), Learning("school", day(2021), SCHOOL)], [])
    assert alike(found, "school") == []


def test_at_most_three_earlier_documents_are_listed() -> None:
    learning = [Learning(f"doc-{n}", day(2010 + n), HOUSEHOLD + f" Point {n}.") for n in range(8)]
    assert len(similarity.find(learning, []).earlier["doc-7"]) == similarity.SHOWN == 3


@pytest.mark.parametrize(
    ("learning", "recommendations"),
    [([], []), ([Learning("a", day(2020), "the and of")], [Made("a", "R1", "the and of")])],
    ids=["an empty library", "only stop words"],
)
def test_a_library_with_nothing_to_compare_has_nothing_alike(learning: list[Learning], recommendations: list[Made]) -> None:
    found = similarity.find(learning, recommendations)
    assert found.recurring == () and all(not a for a in found.earlier.values())


def test_recommendations_made_again_by_other_reviews_are_grouped_around_the_most_repeated() -> None:
    made = [
        Made("2019-a", "R1", "Health visitors ask about every adult in the household at each contact."),
        Made("2021-b", "R2", "Midwives and health visitors ask about every adult who lives in the household."),
        Made("2024-c", "R1", "Health visitors ask about every adult in the household and record their names."),
        Made("2024-c", "R2", "Schools follow up absence on the first day."),
        Made("2025-d", "R3", "The partnership publishes its neglect strategy."),
    ]
    found = similarity.find([], made)
    assert len(found.recurring) == 1
    group = found.recurring[0].members
    assert {(m.slug, m.id) for m, _ in group} == {("2019-a", "R1"), ("2021-b", "R2"), ("2024-c", "R1")}
    assert group[0][1] == 1.0 and all(score >= similarity.RECOMMENDATION_LIKENESS for _, score in group)


def test_a_review_repeating_itself_is_not_a_recurring_recommendation() -> None:
    made = [Made("2024-c", "R1", HOUSEHOLD), Made("2024-c", "R2", HOUSEHOLD)]
    assert similarity.find([], made).recurring == ()


def test_the_comparison_comes_from_the_cache_until_a_text_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    learning = [Learning("a", day(2020), HOUSEHOLD), Learning("b", day(2021), HOUSEHOLD)]
    made = [Made("a", "R1", HOUSEHOLD), Made("b", "R1", HOUSEHOLD)]
    first = similarity.find(learning, made, root=tmp_path)
    assert cache_file(tmp_path, similarity.CACHE_NAME).is_file()

    def fail(*args: object) -> object:
        raise AssertionError("worked out again although nothing changed")

    with monkeypatch.context() as patch:
        patch.setattr(similarity, "_earlier", fail)
        patch.setattr(similarity, "_recurring", fail)
        assert similarity.find(learning, made, root=tmp_path) == first
    changed = [learning[0], Learning("b", day(2021), SLEEP)]
    assert alike(similarity.find(changed, made, root=tmp_path), "b") == []


def test_a_damaged_cache_only_costs_the_work_again(tmp_path: Path) -> None:
    learning = [Learning("a", day(2020), HOUSEHOLD), Learning("b", day(2021), HOUSEHOLD)]
    expected = similarity.find(learning, [], root=tmp_path)
    path = cache_file(tmp_path, similarity.CACHE_NAME)
    data = json.loads(path.read_text())
    for key in data["entries"]:
        data["entries"][key] = {"earlier": {"a": [["b", "not a number"]]}}
    path.write_text(json.dumps(data))
    assert similarity.find(learning, [], root=tmp_path) == expected
    path.write_text("{not json")
    assert similarity.find(learning, [], root=tmp_path) == expected


def test_the_learning_text_is_the_learning_sections() -> None:
    body = (
        "## Summary\n\nWhat happened.\n\n## Findings and learning\n\n### Ask who lives there\n\nEvery adult.\n\n"
        "```\n## Learning in code\n```\n\n## Recommendations\n\nSee below.\n\n## What we learned\n\nSupervision.\n"
    )
    words = learning_text(body).split()
    assert words == [
        "Findings",
        "and",
        "learning",
        "###",
        "Ask",
        "who",
        "lives",
        "there",
        "Every",
        "adult.",
        "What",
        "we",
        "learned",
        "Supervision.",
    ]
    assert learning_text("## Summary\n\nNo learning section.\n") == ""


# --- the example library and its pages --------------------------------------------------


@pytest.fixture(scope="module")
def example() -> pages.LibraryIndex:
    return site_for(REPO, dt.date(2026, 12, 3))


def test_the_example_review_written_to_resemble_child_ruby_lists_it_first(example: pages.LibraryIndex) -> None:
    found = example.seen_before(example.by_slug["2026-child-l"])
    assert found[0][0].slug == "2024-child-ruby"
    assert found[0][1] == ("neglect", "hidden-men", "domestic-abuse", "information-sharing", "early-years")


def test_a_review_page_says_seen_this_before_with_the_shared_themes(example: pages.LibraryIndex) -> None:
    page = pages.generate(example)[addresses.document_uri(example.by_slug["2026-child-l"])]
    section = page[page.index("## Seen this before?") :]
    assert '<a class="ll-item-title" href="../2024-child-ruby/">Child Ruby: local child safeguarding practice review</a>' in section
    assert 'Themes in common: <a href="../../themes/neglect/">Neglect</a>, <a href="../../themes/hidden-men/">Hidden men</a>' in section


def test_the_oldest_review_has_no_seen_this_before(example: pages.LibraryIndex) -> None:
    oldest = example.reviews[-1]
    assert "Seen this before?" not in pages.generate(example)[addresses.document_uri(oldest)]


def test_a_theme_hub_lists_the_recommendations_its_reviews_made_again(example: pages.LibraryIndex) -> None:
    page = pages.generate(example)[addresses.theme_uri("hidden-men")]
    section = page[page.index("### Recommendations made again") :]
    first = section.split("\n- ")[1]
    assert first.startswith("“Health visitors ask about every adult in the household at each contact")
    assert "**3 reviews, 2021 to 2026:** [Baby F: local child safeguarding practice review](../reviews/2021-baby-f.md)" in first
    assert "[Child Ruby: local child safeguarding practice review](../reviews/2024-child-ruby.md)" in first
    assert "[Child L: local child safeguarding practice review](../reviews/2026-child-l.md)" in first


def test_a_theme_counts_only_its_own_reviews_in_a_recurring_recommendation(example: pages.LibraryIndex) -> None:
    """Baby F is not on neglect, so on the neglect hub the same recommendation counts two reviews."""
    page = pages.generate(example)[addresses.theme_uri("neglect")]
    line = next(line for line in page.splitlines() if "reviews, 2024 to 2026" in line and "2024-child-ruby" in line)
    assert "2021-baby-f" not in line


def test_a_theme_without_recurring_recommendations_shows_no_such_section(library_root: Path) -> None:
    page = pages.generate(site_for(library_root))[addresses.theme_uri("domestic-abuse")]
    assert "## Recommendations" in page and "Recommendations made again" not in page


def test_the_vectors_are_the_textbook_tf_idf_as_scikit_learn_computes_it() -> None:
    """Our TF-IDF, on SciPy alone, gives the cosines of scikit-learn's ``TfidfVectorizer`` with the same words left out."""
    numpy = pytest.importorskip("numpy")
    text = pytest.importorskip("sklearn.feature_extraction.text")
    texts = [
        HOUSEHOLD,
        SLEEP,
        SCHOOL,
        HOUSEHOLD + " " + SCHOOL + " Household household HOUSEHOLD.",
        "Ärzte und Hebammen: the café's naïve co-ordination, 24/7, R2 and 1st.",
        "the and of",
        "",
    ]
    ours = similarity._Vectors(texts)
    ours_cosines = ours.cosines(0, len(texts), len(texts))
    theirs = text.TfidfVectorizer(stop_words=sorted(similarity.STOP_WORDS), sublinear_tf=True).fit_transform(texts)
    assert numpy.allclose(ours_cosines, (theirs @ theirs.T).toarray(), atol=1e-6)
    assert ours_cosines[0, 3] > 0.5 and ours_cosines[1, 2] == 0  # not trivially equal: alike texts score, unrelated ones do not
