"""The Content-Security-Policy: which inline scripts are hashed, the hashes browsers expect, where the tag goes."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from learning_library.csp import add_policy, allow_script, editor_policy, inline_scripts, policy, script_hash


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("<script>var a = 1;</script>", ["var a = 1;"]),
        ('<script type="module">import "./x.js";</script>', ['import "./x.js";']),
        ("<SCRIPT type='text/javascript'>\nb()\n</SCRIPT >", ["\nb()\n"]),
        ("<script>one()</script><p>text</p><script>two()</script>", ["one()", "two()"]),
        ('<script src="assets/bundle.js"></script>', []),
        ('<script id="__config" type="application/json">{"base": "."}</script>', []),
        ("<p>&lt;script&gt;shown as code&lt;/script&gt;</p>", []),
    ],
)
def test_inline_scripts(page: str, expected: list[str]) -> None:
    assert inline_scripts(page) == expected


def test_the_hash_is_the_one_browsers_compute() -> None:
    # The value the CSP specification gives for alert('Hello, world.');
    assert script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    text = "var x = '£';"
    assert script_hash(text) == f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def test_the_policy_allows_the_pages_own_scripts_and_no_other_inline_script() -> None:
    page = "<html><head><meta charset='utf-8'><script>a()</script></head><body><script>a()</script><script>b()</script></body></html>"
    result = policy(page)
    script_src = next(d for d in result.split("; ") if d.startswith("script-src "))
    assert script_src == f"script-src 'self' 'wasm-unsafe-eval' {script_hash('a()')} {script_hash('b()')}"
    assert "unsafe-inline" not in result and "'unsafe-eval'" not in result
    assert "default-src 'self'" in result and "object-src 'none'" in result
    # directives a <meta> policy may not carry
    assert not re.search(r"frame-ancestors|report-uri|sandbox", result)


def test_a_script_an_author_wrote_into_a_page_stays_blocked() -> None:
    authored = "<p>Learning</p><script>steal()</script>"
    page = f"<html><head><meta charset='utf-8'><script>theme()</script></head><body>{authored}</body></html>"
    result = add_policy(page, authored=authored)
    assert script_hash("theme()") in result
    assert script_hash("steal()") not in result


@pytest.mark.parametrize(
    ("page", "before"),
    [
        ('<!doctype html><html><head>\n<meta charset="utf-8"><title>t</title><script>x()</script></head></html>', '<meta charset="utf-8">'),
        ("<html><head lang=en><title>t</title></head></html>", "<head lang=en>"),
    ],
)
def test_the_policy_comes_before_anything_it_governs(page: str, before: str) -> None:
    result = add_policy(page)
    tag = result.index('<meta http-equiv="Content-Security-Policy"')
    assert result.index(before) + len(before) == tag
    assert tag < result.index("<title>")


def test_a_page_without_head_is_left_alone() -> None:
    assert add_policy("<svg></svg>") == "<svg></svg>"


@pytest.mark.build
def test_every_built_page_carries_a_policy_matching_its_scripts(example_site: Path) -> None:
    pages = list(example_site.rglob("*.html"))
    assert len(pages) > 50 and (example_site / "404.html") in pages
    for path in pages:
        text = path.read_text()
        found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
        assert len(found) == 1, path
        without = text.replace(f'<meta http-equiv="Content-Security-Policy" content="{found[0]}">', "")
        assert found[0] == policy(without), path
        assert all(script_hash(s) in found[0] for s in inline_scripts(text)), path


def test_only_the_hosts_given_are_added_and_only_to_connect_src() -> None:
    page = "<html><head><meta charset='utf-8'></head><body></body></html>"
    plain = policy(page)
    widened = policy(page, connect=("https://learning.heron-bay.example", "http://127.0.0.1:8001", "https://learning.heron-bay.example"))
    assert "connect-src 'self';" in plain and "heron-bay" not in plain
    assert "connect-src 'self' https://learning.heron-bay.example http://127.0.0.1:8001;" in widened
    assert widened.replace(" https://learning.heron-bay.example http://127.0.0.1:8001", "") == plain


def test_the_preview_adds_its_live_reload_script_to_a_pages_policy_and_nothing_else() -> None:
    page = add_policy("<html><head><meta charset='utf-8'><script>theme()</script></head><body></body></html>")
    reloaded = allow_script(page, "livereload(1, 2);")
    script_src = next(d for d in re.search(r'content="([^"]+)"', reloaded).group(1).split("; ") if d.startswith("script-src"))  # type: ignore[union-attr]
    assert script_src == f"script-src 'self' 'wasm-unsafe-eval' {script_hash('theme()')} {script_hash('livereload(1, 2);')}"
    assert reloaded.replace(f" {script_hash('livereload(1, 2);')}", "") == page


def test_the_editors_policy_names_github_only_when_it_works_there() -> None:
    local, published = editor_policy(github=False), editor_policy(github=True)
    assert "https:" not in local and "connect-src 'self';" in local
    assert "connect-src 'self' https://api.github.com;" in published
    assert "img-src 'self' data: blob: https://avatars.githubusercontent.com;" in published
    # the CMS's own scripts only: eval for its configuration validator, never inline scripts
    assert "script-src 'self' 'unsafe-eval';" in published and "object-src 'none'" in published
