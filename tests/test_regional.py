"""Search across a region's libraries: the ``extra: regional_search`` setting, read with every problem at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from learning_library.library import load_settings
from learning_library.regional import OtherLibrary, RegionalSearch

from .conftest import config_problems

HEAD = "site_name: Kestrel Vale learning library\nsite_url: https://learning.kestrel-vale.example/\nextra:\n  regional_search:\n"


def problems(tmp_path: Path, setting: str) -> list[str]:
    return config_problems(tmp_path / "mkdocs.yml", HEAD + setting, lambda: load_settings(tmp_path / "mkdocs.yml"))


def test_without_the_setting_there_is_no_regional_search(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Library\nextra:\n  overdue_after_months: 6\n")
    assert load_settings(tmp_path / "mkdocs.yml").regional_search is None


def test_the_other_libraries_are_read_with_their_labels_addresses_and_hosts(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        HEAD + "    label: Kestrel Vale\n    libraries:\n"
        "      - {label: Heron Bay, url: https://learning.heron-bay.example}\n"
        "      - {label: Wrenford, url: 'https://wrenford.example/learning/'}\n"
        "      - {label: Preview, url: 'http://127.0.0.1:8001/'}\n"
    )
    search = load_settings(tmp_path / "mkdocs.yml").regional_search
    assert search == RegionalSearch(
        "Kestrel Vale",
        (
            OtherLibrary("Heron Bay", "https://learning.heron-bay.example/"),
            OtherLibrary("Wrenford", "https://wrenford.example/learning/"),
            OtherLibrary("Preview", "http://127.0.0.1:8001/"),
        ),
    )
    assert search.origins == ("https://learning.heron-bay.example", "https://wrenford.example", "http://127.0.0.1:8001")
    assert search.libraries[1].index == "https://wrenford.example/learning/pagefind/"


ADDRESS = "the address of the other library's home page (like https://learning.heron-bay.example/)"


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        pytest.param(
            "    label: Kestrel Vale\n    libraries:\n      - {label: Heron Bay, url: http://learning.heron-bay.example/}\n",
            [
                f"mkdocs.yml:7:33: `url` should be {ADDRESS} but is `http://learning.heron-bay.example/`; "
                "write its https:// address (https://learning.heron-bay.example/); browsers block http:// from an https:// page"
            ],
            id="http on the internet",
        ),
        pytest.param(
            "    label: Kestrel Vale\n    libraries:\n      - {label: Heron Bay, url: learning.heron-bay.example}\n",
            [
                f"mkdocs.yml:7:33: `url` should be {ADDRESS} but is `learning.heron-bay.example`; "
                "copy the address from the browser's address bar while on that library's home page"
            ],
            id="no https://",
        ),
        pytest.param(
            "    label: Kestrel Vale\n    libraries:\n      - {label: Heron Bay, url: 'https://learning.heron-bay.example/search/?q=x'}\n",
            [
                f"mkdocs.yml:7:33: `url` should be {ADDRESS} but is `https://learning.heron-bay.example/search/?q=x`; "
                "leave out everything after the home page's address (?, # and what follows)"
            ],
            id="a search address",
        ),
        pytest.param(
            "    libraries:\n      - {url: https://learning.heron-bay.example/}\n",
            [
                "mkdocs.yml:5:5: `extra: regional_search` has no `label`, which is required; add a line like `label: Kestrel Vale`",
                "mkdocs.yml:6:9: a library in `regional_search` has no `label`, which is required; add a line like `label: Heron Bay`",
            ],
            id="labels missing",
        ),
        pytest.param(
            "    label: Kestrel Vale\n    libraries: []\n",
            [
                "mkdocs.yml:6:16: `libraries` needs at least 1; write it like "
                "`libraries: [{label: Heron Bay, url: https://learning.heron-bay.example/}]`"
            ],
            id="no library",
        ),
        pytest.param(
            "    label: Kestrel Vale\n    libraries:\n      - {label: Heron Bay, url: 'https://a.example/'}\n"
            "      - {label: heron bay, url: 'https://a.example'}\n",
            [
                "mkdocs.yml:8:9: two libraries in `regional_search` have the same label (lines 7 and 8); keep one",
                "mkdocs.yml:8:9: two libraries in `regional_search` have the same address (lines 7 and 8); keep one",
            ],
            id="the same library twice",
        ),
        pytest.param(
            "    label: Kestrel Vale\n    libraries:\n      - {label: Kestrel Vale, url: 'https://learning.kestrel-vale.example'}\n",
            [
                "mkdocs.yml:5:5: `extra: regional_search`: the library `Kestrel Vale` has this library's own label; give each library its own",
                "mkdocs.yml:5:5: `extra: regional_search`: `https://learning.kestrel-vale.example/` is this library's own address "
                "(its `site_url`); list only other libraries",
            ],
            id="this library itself",
        ),
        pytest.param(
            "    label: Kestrel Vale\n    librairies: []\n",
            [
                "mkdocs.yml:5:5: `extra: regional_search` has no `libraries`, which is required; add a line like `libraries:`",
                "mkdocs.yml:6:5: unknown key `librairies` in `extra: regional_search`; did you mean `libraries`?",
            ],
            id="a misspelt key",
        ),
    ],
)
def test_a_bad_regional_search_setting_is_reported_at_its_line_with_a_fix(tmp_path: Path, setting: str, expected: list[str]) -> None:
    assert problems(tmp_path, setting) == expected
