"""The preview tells the truth: under mkdocs serve every page shows what blocks publication until it is fixed.

The problems page and the preview server's application are tested in-process;
the hooks are driven in-process in serve and in build mode (the build still
fails closed); and ``mkdocs serve`` runs for real on a loopback port while a
name is planted in a review and taken out again.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from learning_library import csp
from learning_library.editor.repository import Repository
from learning_library.findings import Finding, Results
from learning_library.mkdocs.serve import PreviewApp
from learning_library.preview import STATE_ADDRESS, PreviewState, Problems, problems_page

from .servers import free_port, get, running, wait_for

NAME = "Kerry Clarke"  # invented
FINDING = Finding(
    "reviews/2023-child-a.md",
    14,
    22,
    "anonymisation/PERSON",
    "Possible person's name; replace it with a pseudonym or a role (Mother, the health visitor), or declare it in pseudonyms",
    text=NAME,
)


# --- the problems page ------------------------------------------------------------------------------


def test_the_problems_page_lists_each_finding_with_its_place_the_text_found_and_what_to_do() -> None:
    problems = Problems.from_results(Results([FINDING], files=3))
    page = problems_page("Kestrel Vale", problems, build=4, editor=True)
    assert "<h1>1 problem blocks publication, so the preview is paused</h1>" in page
    assert "<h2>reviews/2023-child-a.md, line 14</h2>" in page
    assert f"<dt>Found</dt><dd><mark>{NAME}</mark></dd>" in page
    assert "<dt>What is wrong</dt><dd>Possible person&#x27;s name</dd>" in page
    assert (
        "<dt>What to do</dt><dd>replace it with a pseudonym or a role (Mother, the health visitor), or declare it in pseudonyms</dd>"
        in page
    )
    assert "3 files checked: 1 error, 0 warnings; publication blocked" in page
    assert '<a href="/admin/">Open the editor</a>' in page
    assert '<meta name="robots" content="noindex">' in page


def test_what_an_author_wrote_is_shown_never_run() -> None:
    found = Finding(
        "briefings/x.md", 2, 1, "metadata/unknown-theme", "`<script>alert(1)</script>` is not a theme; use one", text="<img src=x>"
    )
    page = problems_page("<b>Site</b>", Problems.from_results(Results([found])), build=1, editor=False)
    assert "<script>alert" not in page and "<img src=x>" not in page and "<b>Site</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "Open the editor" not in page


def test_the_problems_page_runs_only_its_own_reload_script_and_style() -> None:
    page = problems_page("Kestrel Vale", Problems.from_results(Results([FINDING])), build=7, editor=False)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    scripts = csp.inline_scripts(page)
    style = re.search(r"<style>(.*?)</style>", page, re.DOTALL)
    assert len(scripts) == 1 and style is not None
    assert policy.group(1) == csp.self_contained_policy(scripts=scripts, styles=[style.group(1)])
    assert "default-src 'none'" in policy.group(1) and "connect-src 'self'" in policy.group(1)
    assert "var build = 7;" in scripts[0] and f'fetch("{STATE_ADDRESS}"' in scripts[0]


def test_when_the_check_cannot_run_the_page_gives_each_reason() -> None:
    problems = Problems.from_error("themes.yml:3:5: theme `x` has facet `harms`; did you mean `harm`?\nthemes.yml:9:1: another")
    page = problems_page("Kestrel Vale", problems, build=1, editor=False)
    assert "The check could not run, so the preview is paused" in page
    assert page.count("<li class='problem'>") == 2 and "did you mean `harm`?" in page
    failed = problems_page(
        "Kestrel Vale", Problems.from_error("Aborted with 2 warnings in strict mode!", build_failed=True), build=1, editor=False
    )
    assert "The site could not be built, so the preview is paused" in failed and "The terminal where the preview runs" in failed


# --- the preview server's application ---------------------------------------------------------------


LIVERELOAD = '\nvar livereload = function(epoch, requestId) {\n    req.open("GET", "/livereload/" + epoch + "/" + requestId);\n};\nlivereload(123, 456);\n'
SITE_PAGE = (
    '<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
    f"script-src 'self' 'wasm-unsafe-eval'; object-src 'none'\"></head><body><p>Site</p><script>{LIVERELOAD}</script></body></html>"
)


def site_app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    """MkDocs' server as the wrapper sees it: pages with the live-reload script added, other files as they are."""
    path = environ["PATH_INFO"]
    if path.endswith(".css"):
        start_response("200 OK", [("Content-Type", "text/css")])
        return [b"body{}"]
    start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(SITE_PAGE)))])
    return [SITE_PAGE.encode()]


def call(app: PreviewApp, path: str, method: str = "GET", body: bytes = b"", **headers: str) -> tuple[str, dict[str, str], bytes]:
    captured: dict[str, Any] = {}

    def start_response(status: str, response_headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        captured["status"], captured["headers"] = status, dict(response_headers)

    environ = {"PATH_INFO": path, "REQUEST_METHOD": method, "wsgi.input": io.BytesIO(body), "CONTENT_LENGTH": str(len(body))}
    environ.update({("CONTENT_TYPE" if k == "content_type" else "HTTP_" + k.upper()): v for k, v in headers.items()})
    content = b"".join(app(environ, start_response))
    return captured["status"], captured["headers"], content


def test_the_preview_lets_mkdocs_live_reload_script_run_and_only_that_one() -> None:
    app = PreviewApp(site_app, state=PreviewState, page=lambda: None, repository=None)
    status, headers, content = call(app, "/reviews/")
    text = content.decode()
    assert status == "200 OK" and headers["Content-Length"] == str(len(content))
    assert f"script-src 'self' 'wasm-unsafe-eval' {csp.script_hash(LIVERELOAD)};" in text
    assert call(app, "/assets/site.css")[2] == b"body{}"


def test_the_editors_page_is_not_reloaded_by_a_rebuild() -> None:
    app = PreviewApp(site_app, state=PreviewState, page=lambda: None, repository=None)
    text = call(app, "/admin/")[2].decode()
    assert "livereload(" not in text and "<p>Site</p>" in text


def test_while_publication_is_blocked_every_page_is_the_problems_page() -> None:
    state = PreviewState(builds=2, problems=Problems.from_results(Results([FINDING])), findings=[FINDING])
    app = PreviewApp(site_app, state=lambda: state, page=lambda: "<p>problems</p>", repository=None)
    for path in ("/", "/reviews/2023-child-a/", "/about/", "/404.html", "/no/such/page"):
        assert call(app, path)[2] == b"<p>problems</p>", path
    assert call(app, "/assets/site.css")[2] == b"body{}"
    assert b"<p>Site</p>" in call(app, "/admin/")[2]  # the editor stays open, to fix the problem
    status, _, content = call(app, STATE_ADDRESS)
    answer = json.loads(content)
    assert status == "200 OK" and answer["build"] == 2 and answer["blocked"] is True
    assert answer["findings"][0]["path"] == "reviews/2023-child-a.md" and answer["findings"][0]["text"] == NAME


def test_the_editors_api_answers_only_its_own_page_and_only_under_edit(tmp_path: Path) -> None:
    (tmp_path / "reviews").mkdir()
    request = json.dumps({"action": "info"}).encode()
    own = {"host": "127.0.0.1:8000", "origin": "http://127.0.0.1:8000", "content_type": "application/json"}
    without_editor = PreviewApp(site_app, state=PreviewState, page=lambda: None, repository=None)
    status, _, content = call(without_editor, "/api/v1", "POST", request, **own)
    assert status == "404 Not Found" and "only under `learning-library edit`" in json.loads(content)["error"]
    app = PreviewApp(site_app, state=PreviewState, page=lambda: None, repository=Repository(tmp_path))
    status, _, content = call(app, "/api/v1", "POST", request, **own)
    assert status == "200 OK" and json.loads(content)["type"] == "local_fs"
    status, _, content = call(app, "/api/v1", "POST", request, **{**own, "origin": "https://elsewhere.example"})
    assert status == "403 Forbidden" and "did not come from the editor's own page" in json.loads(content)["error"]
    assert call(app, "/api/v1", "GET", b"", **own)[0] == "405 Method Not Allowed"
    assert call(app, "/api/v1", "POST", b"not json", **own)[0] == "400 Bad Request"


# --- the hooks, in-process: serve pauses, build fails closed -------------------------------------------


@pytest.mark.model
def test_serve_pauses_on_a_planted_name_where_build_stops(make_library: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from learning_library.mkdocs import hooks

    root = make_library()
    review = root / "reviews/2023-child-a.md"
    review.write_text(review.read_text() + f"\n{NAME} was seen by the health visitor.\n")
    monkeypatch.chdir(root)
    monkeypatch.setattr(hooks, "STATE", hooks.BuildState())

    hooks.on_startup("build", dirty=False)
    with pytest.raises(Abort, match="Nothing was built"):
        hooks.on_config(load_config(str(root / "mkdocs.yml")))

    hooks.on_startup("serve", dirty=False)
    config = hooks.on_config(load_config(str(root / "mkdocs.yml")))
    assert hooks.STATE.paused and config.nav == []
    page = hooks._problems_page()
    assert page is not None and f"<mark>{NAME}</mark>" in page and "reviews/2023-child-a.md, line" in page

    review.write_text(review.read_text().replace(NAME, "Mother's partner"))
    hooks.on_config(load_config(str(root / "mkdocs.yml")))
    assert not hooks.STATE.paused and hooks._problems_page() is None


def test_the_editor_is_served_on_this_computer_only(make_library: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from learning_library.mkdocs import hooks

    root = make_library()
    monkeypatch.setattr(hooks, "STATE", hooks.BuildState())
    monkeypatch.setenv("LEARNING_LIBRARY_EDIT", "1")
    hooks.on_startup("serve", dirty=False)
    assert hooks.STATE.editing
    with pytest.raises(Abort, match=re.escape("served only on this computer; serve it at 127.0.0.1, not 0.0.0.0")):
        hooks.on_config(load_config(str(root / "mkdocs.yml"), dev_addr="0.0.0.0:8000"))


# --- mkdocs serve, for real ------------------------------------------------------------------------------


@contextlib.contextmanager
def serving(root: Path, *, edit: bool = False) -> Iterator[str]:
    """``mkdocs serve`` in a library, as ``make serve`` (or, with ``edit``, ``learning-library edit``) runs it."""
    port = free_port()
    env = {"NO_MKDOCS_2_WARNING": "1", **({"LEARNING_LIBRARY_EDIT": "1"} if edit else {})}
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--livereload", "-a", f"127.0.0.1:{port}"]
    with running(command, port, root, ready=STATE_ADDRESS, what="the preview to start", env=env) as url:
        yield url


def state(url: str) -> dict[str, Any]:
    answer: dict[str, Any] = json.loads(get(url + STATE_ADDRESS)[1])
    return answer


@pytest.mark.build
def test_mkdocs_serve_shows_a_planted_name_on_every_page_until_it_is_taken_out(make_library: Callable[..., Path]) -> None:
    root = make_library()
    review = root / "reviews/2023-child-a.md"
    with serving(root) as url:
        status, home = get(url + "/")
        assert status == 200 and "Publication blocked" not in home
        reload_script = re.search(r"<script>(\s*var livereload.*?)</script>", home, re.DOTALL)
        assert reload_script and csp.script_hash(reload_script.group(1)) in home  # the preview reloads itself

        review.write_text(review.read_text() + f"\n{NAME} was seen by the health visitor.\n")
        line = review.read_text().splitlines().index(f"{NAME} was seen by the health visitor.") + 1
        wait_for(lambda: state(url)["blocked"], "the check to block publication")
        for path in ("/", "/reviews/", "/reviews/2023-child-a/", "/about/"):
            status, page = get(url + path)
            assert status == 200 and f"<mark>{NAME}</mark>" in page and f"reviews/2023-child-a.md, line {line}" in page, path
        assert "What to do" in page and "Publication blocked" in page
        blocked_at = state(url)["build"]

        review.write_text(review.read_text().replace(NAME, "Mother's partner"))
        # the problems page reloads itself once it sees a newer build
        wait_for(lambda: not state(url)["blocked"] and state(url)["build"] > blocked_at, "a build that passes the check")
        status, home = get(url + "/")
        assert status == 200 and "Publication blocked" not in home and "Child A" in get(url + "/reviews/2023-child-a/")[1]


@pytest.mark.build
def test_the_same_planted_name_still_stops_mkdocs_build_and_leaves_nothing(make_library: Callable[..., Path]) -> None:
    from learning_library.formats import logs_may_be_public

    from .conftest import mkdocs_build

    root = make_library()
    review = root / "reviews/2023-child-a.md"
    review.write_text(review.read_text() + f"\n{NAME} was seen by the health visitor.\n")
    result = mkdocs_build(root)
    assert result.returncode == 1 and "Nothing was built" in result.stdout + result.stderr
    assert "reviews/2023-child-a.md:" in result.stderr and "anonymisation/PERSON" in result.stderr
    # the name itself only where the log is not a pipeline's, which may be public (CI set)
    assert ("Kerry Clarke" in result.stderr) == (not logs_may_be_public())
    assert not any((root / "site").rglob("*.html"))
