"""Settings that would send visitors to other hosts are reported, and stop the publishing pipeline's strict build."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from learning_library.third_party import third_party_settings

from .conftest import REPO, mkdocs_build


@pytest.mark.parametrize(
    ("theme", "repo_url", "extra", "expected"),
    [
        ({"font": False}, None, {}, []),
        ({}, None, {}, ["`theme.font`"]),
        ({"font": {"text": "Roboto"}}, None, {}, ["`theme.font`"]),
        ({"font": False}, "https://github.com/example/library", {}, ["`repo_url`"]),
        ({"font": False}, None, {"analytics": {"provider": "google", "property": "G-XXXX"}}, ["`extra.analytics`"]),
        ({"font": False}, None, {"analytics": {"provider": "google"}, "consent": {"title": "Cookies"}}, []),
    ],
)
def test_third_party_settings(theme: dict[str, Any], repo_url: str | None, extra: dict[str, Any], expected: list[str]) -> None:
    found = third_party_settings(theme, repo_url, extra)
    assert [p.split(" ", 1)[0] for p in found] == expected


def test_the_example_site_contacts_no_other_host() -> None:
    config = yaml.load((REPO / "mkdocs.yml").read_text(), Loader=yaml.SafeLoader)
    assert third_party_settings(config["theme"], config.get("repo_url"), config.get("extra") or {}) == []


@pytest.mark.build
def test_google_fonts_stop_a_strict_build(make_library: Callable[..., Path]) -> None:
    root = make_library()
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    del config["theme"]["font"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    result = mkdocs_build(root)
    assert result.returncode == 1
    assert "learning-library: `theme.font` loads fonts from Google for every visitor" in result.stderr
