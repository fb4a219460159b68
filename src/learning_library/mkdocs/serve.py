"""``mkdocs serve`` as the library's preview: what blocks publication on every page, live reload, and the editor's API.

MkDocs' preview server is a WSGI application (``LiveReloadServer``); the
``on_serve`` hook wraps it in :class:`PreviewApp`, which:

- answers every page with the problems page (:func:`learning_library.preview.problems_page`)
  while the last build found something that blocks publication, and the
  preview's state at :data:`~learning_library.preview.STATE_ADDRESS`, so that
  page reloads itself once the problems are fixed;
- lets MkDocs' live-reload script run on the pages it serves: the server adds
  the script after each page's Content-Security-Policy was computed, which
  would block it (:func:`learning_library.csp.allow_script`); the editor's
  page gets no live reload, so saving an entry does not reload the form;
- for ``learning-library edit``, answers the editor's requests for the
  working copy at :data:`~learning_library.editor.config.LOCAL_API`
  (:class:`~learning_library.editor.repository.Repository`), from this
  computer and this page only.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable
from typing import Any

from .. import csp
from ..editor.config import LOCAL_API
from ..editor.repository import Repository, refusal
from ..preview import STATE_ADDRESS, PreviewState

log = logging.getLogger("mkdocs.learning_library.editor")

_LIVERELOAD = re.compile(r"<script>(\s*var livereload = function\(epoch, requestId\).*?livereload\(\d+, \d+\);\s*)</script>", re.DOTALL)
"""The script ``mkdocs serve`` adds before ``</body>`` of every HTML page it serves (its ``_SCRIPT_TEMPLATE``)."""
_MAX_REQUEST = 64 * 1024 * 1024
"""The largest request the editor's API reads: an upload of a full report, base64-encoded, with room to spare."""

StartResponse = Callable[..., Any]


class PreviewApp:
    """The preview server's WSGI application around MkDocs' own.

    Args:
        app: MkDocs' application (``server.get_app()``).
        state: the preview's state, read at each request (the hooks update it at each build).
        page: the problems page of the last build, or None when nothing blocks publication.
        repository: the working copy, for ``learning-library edit``; None serves no editor API.
    """

    def __init__(
        self,
        app: Callable[[dict[str, Any], StartResponse], Iterable[bytes]],
        *,
        state: Callable[[], PreviewState],
        page: Callable[[], str | None],
        repository: Repository | None,
    ) -> None:
        self.app, self.state, self.page, self.repository = app, state, page, repository

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "GET")
        if path == LOCAL_API:
            if self.repository is None:
                return _json(start_response, 404, {"error": "the editor works on the files here only under `learning-library edit`"})
            return self._api(environ, start_response) if method == "POST" else _json(start_response, 405, {"error": "POST only"})
        if path == STATE_ADDRESS:
            return _json(start_response, 200, self.state().as_json())
        problems = self.page()
        if problems is not None and method == "GET" and _is_page(path):
            return _send(start_response, "200 OK", "text/html; charset=utf-8", problems.encode("utf-8"))
        return self._site(path, environ, start_response)

    def _site(self, path: str, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        body = self.app(environ, capture)
        headers: list[tuple[str, str]] = captured.get("headers", [])
        content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
        if not content_type.startswith("text/html"):
            start_response(captured["status"], headers)
            return body
        try:
            text = b"".join(body).decode("utf-8")
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
        if path.startswith("/admin/"):
            text = _LIVERELOAD.sub("", text)  # the editor's page: a rebuild must not reload the form being filled in
        else:
            match = _LIVERELOAD.search(text)
            if match:
                text = csp.allow_script(text, match.group(1))
        return _send(start_response, captured["status"], content_type, text.encode("utf-8"), headers)

    def _api(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        assert self.repository is not None
        why = refusal(environ.get("HTTP_HOST", ""), environ.get("HTTP_ORIGIN"), environ.get("CONTENT_TYPE", ""))
        if why:
            log.warning(f"learning-library: the editor refused a request: {why}")
            return _json(start_response, 403, {"error": why})
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if not 0 < length <= _MAX_REQUEST:
            return _json(start_response, 413, {"error": "the request is empty or too large; a file to upload must be under 40 MB"})
        try:
            request = json.loads(environ["wsgi.input"].read(length))
        except ValueError:
            return _json(start_response, 400, {"error": "the request is not JSON; reload the editor"})
        status, answer = self.repository.handle(request if isinstance(request, dict) else {})
        for change in self.repository.changes:
            log.info(f"learning-library editor: {change}")
        self.repository.changes.clear()
        return _json(start_response, status, answer)


def _is_page(path: str) -> bool:
    """Whether an address is a page of the site (rather than the editor, the API, a stylesheet or a picture)."""
    if path.startswith(("/admin/", "/api/", "/livereload/")):
        return False
    last = path.rsplit("/", 1)[-1]
    return last == "" or last.endswith(".html") or "." not in last


_REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 409: "Conflict"}


def _json(start_response: StartResponse, status: int, payload: Any) -> Iterable[bytes]:
    reason = _REASONS.get(status, {413: "Content Too Large", 422: "Unprocessable Content"}.get(status, "Error"))
    return _send(start_response, f"{status} {reason}", "application/json", json.dumps(payload).encode("utf-8"))


def _send(
    start_response: StartResponse, status: str, content_type: str, body: bytes, headers: list[tuple[str, str]] | None = None
) -> Iterable[bytes]:
    kept = [(k, v) for k, v in headers or [] if k.lower() not in ("content-type", "content-length")]
    start_response(status, [*kept, ("Content-Type", content_type), ("Content-Length", str(len(body))), ("Cache-Control", "no-store")])
    return [body]
