"""The published editor at /admin/, built for real: self-hosted, noindex, its own policy, and the rest of the site unchanged."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from learning_library import csp
from learning_library.editor.admin import CMS_PACKAGE, CMS_VARIABLE

from .conftest import REPO, mkdocs_build, set_extra

pytestmark = pytest.mark.build

EDITOR = {"editor": {"repo": "kestrel-vale/learning-library", "auth_url": "https://cms-auth.kestrel-vale.example/auth"}}
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def built(root: Path) -> Path:
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def public_files(site: Path) -> dict[str, bytes]:
    """What a visitor, a search engine or a feed reader gets: every page, the sitemap, the feed, the search index's entry."""
    wanted = [*site.rglob("*.html"), site / "sitemap.xml", site / "feed.xml", site / "pagefind/pagefind-entry.json"]
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in wanted if not p.relative_to(site).as_posix().startswith("admin/")}
    # Pagefind names each build of the index afresh; what it holds (the page count) must not change.
    files["pagefind/pagefind-entry.json"] = re.sub(rb'"hash":"[^"]+"', b"", files["pagefind/pagefind-entry.json"])
    return files


def test_the_editor_is_published_at_admin_and_nothing_else_on_the_site_changes(make_library: Callable[..., Path]) -> None:
    root = make_library()
    without = public_files(built(root))
    set_extra(root, EDITOR)
    site = built(root)
    assert public_files(site) == without  # byte for byte: pages, policies, sitemap, feed, search index
    for name, content in without.items():
        assert b"admin/" not in content, f"{name} refers to the editor"

    page = (site / "admin/index.html").read_text()
    assert '<meta name="robots" content="noindex, nofollow">' in page
    policy = POLICY.search(page)
    assert policy is not None and policy.group(1) == csp.editor_policy(github=True)
    assert set(re.findall(r"https://[^\s;]+", policy.group(1))) == {"https://api.github.com", "https://avatars.githubusercontent.com"}
    assert csp.inline_scripts(page) == []
    # self-hosted from the npm package: the same bundle, its chunks, no source maps
    cms = REPO / CMS_PACKAGE
    assert (site / "admin/decap-cms.js").read_bytes() == (cms / "decap-cms.js").read_bytes()
    chunks = {p.name for p in cms.glob("*.decap-cms.js")}
    assert chunks and chunks <= {p.name for p in (site / "admin").iterdir()}
    assert not list((site / "admin").glob("*.map"))
    config = yaml.safe_load((site / "admin/config.yml").read_text())
    assert config["backend"]["name"] == "github" and config["publish_mode"] == "editorial_workflow"


def test_a_theme_added_to_themes_yml_is_in_the_editor_after_a_rebuild(make_library: Callable[..., Path]) -> None:
    root = make_library()
    set_extra(root, EDITOR)

    def theme_options() -> list[set[str]]:
        config = yaml.safe_load((built(root) / "admin/config.yml").read_text())
        themes = [next(f for f in c["fields"] if f["name"] == "themes") for c in config["collections"]]
        return [{o["value"] for o in field["options"]} for field in themes]

    assert all("county-lines" not in options for options in theme_options())
    vocabulary = root / "themes.yml"
    vocabulary.write_text(
        vocabulary.read_text().replace(
            "themes:\n", 'themes:\n  county-lines: {label: "County lines", description: "Drug dealing networks.", facet: harm}\n', 1
        )
    )
    assert all("county-lines" in options for options in theme_options())


def test_a_site_that_promises_an_editor_it_cannot_ship_is_not_built(
    make_library: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_library()
    set_extra(root, EDITOR)
    monkeypatch.setenv(CMS_VARIABLE, str(root / "not-installed"))
    result = mkdocs_build(root)
    assert result.returncode == 1
    assert "the browser editor (Decap CMS) is not installed: run `make`" in result.stdout + result.stderr
    assert not any((root / "site").rglob("*.html"))
