"""A review's or briefing's page leads with the learning: one line of key facts, the rest of its details one tap away."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from learning_library import pages
from learning_library.text import escape_html

from .conftest import REPO, site_for


def test_the_key_facts_are_one_line_and_the_rest_is_in_a_disclosure(library_root: Path) -> None:
    review = pages.generate(site_for(library_root))["reviews/2023-child-a.md"]
    facts = review[review.index('<p class="ll-facts"') : review.index("</p>", review.index('<p class="ll-facts"'))]
    assert '<span data-pagefind-filter="type">Local child safeguarding practice review</span>' in facts
    assert "[10 May 2023](../years/2023.md)" in facts
    assert 'Child\'s age: <span data-pagefind-filter="age">1 to 4</span>' in facts
    more = review[review.index("<details") : review.index("</details>")]
    assert '<summary>More about this review <span class="ll-more-what">(agencies involved, themes)</span></summary>' in more
    assert '<span data-pagefind-filter="agency">Health</span>' in more
    assert '{data-pagefind-filter="theme"}' in more
    # the text starts straight after the panel: the details no longer fill a phone's first screen
    assert review.index("</div>", review.index("</details>")) < review.index("## Summary")


def test_a_briefing_says_who_it_is_for_inside_the_disclosure(library_root: Path) -> None:
    (library_root / "briefings/2024-neglect-briefing.md").write_text(
        (library_root / "briefings/2024-neglect-briefing.md").read_text().replace("summary:", "audience: [Health visitors]\nsummary:")
    )
    briefing = pages.generate(site_for(library_root))["briefings/2024-neglect-briefing.md"]
    assert "Child's age" not in briefing
    assert '<span class="ll-more-what">(who it is for, themes)</span>' in briefing
    assert "Who it is for\n:   Health visitors" in briefing


def test_a_review_with_a_full_report_is_still_called_a_review(library_root: Path) -> None:
    """The panel once took its noun from the report's file ("More about this PDF"), and screen readers said "About this PDF"."""
    review = pages.generate(site_for(REPO, dt.date(2026, 12, 3)))["reviews/2024-child-ruby.md"]
    assert "[Read the full report (PDF)]" in review
    assert 'aria-label="About this review"' in review and "<summary>More about this review " in review
    assert "this PDF" not in review and "kind:PDF" not in review


def test_a_documents_themes_and_their_other_names_are_search_words_readers_do_not_see(library_root: Path) -> None:
    index = site_for(library_root)
    review = pages.generate(index)["reviews/2023-child-a.md"]
    (words,) = re.findall(r'<p hidden data-pagefind-weight="0.5">(.*?)</p>', review)
    for slug in index.by_slug["2023-child-a"].themes:
        term = index.vocabulary.themes[slug]
        assert escape_html(term.label) in words and all(escape_html(alias) in words for alias in term.aliases)
    # outside the details panel, which is kept out of the search text
    assert review.index("<p hidden data-pagefind-weight") > review.index('data-pagefind-ignore="index"')
    assert review.index("<p hidden data-pagefind-weight") > review.index("</details>")
