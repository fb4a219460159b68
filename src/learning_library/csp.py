"""The site's Content-Security-Policy: a ``<meta>`` tag in every page that the page itself satisfies.

A partnership's site should run only the scripts it ships, fetch only from its
own host, and hand nothing to third parties. A static host may not let the
partnership set HTTP headers (GitHub Pages does not), so the policy travels in
each page as ``<meta http-equiv="Content-Security-Policy">``.

The theme writes a few small scripts inline (Material reads the reader's
colour preference and sets up its storage before its bundle loads). Rather
than allow every inline script (``'unsafe-inline'``), the policy allows
exactly those of each page by their SHA-256 hash, computed from the page as
built; a script injected later into the page, or an event-handler attribute,
is blocked. Pagefind compiles its WebAssembly search engine in the browser,
which needs ``'wasm-unsafe-eval'`` (WebAssembly only, not JavaScript ``eval``).

A ``<meta>`` policy cannot set ``frame-ancestors``, ``report-uri`` or
``sandbox`` (browsers ignore them there), so it has none of them; a host that
can send headers may add them.
"""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset\s*=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_JAVASCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript"}
"""Script types a browser runs; others (``application/json`` for Material's settings) are data, which a policy does not govern."""

DIRECTIVES: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
    "style-src": ("'self'",),
    # Material's icons are SVG data: addresses in its stylesheet.
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}
"""The policy of every page, before the hashes of that page's inline scripts are added to ``script-src``."""


def inline_scripts(page: str) -> list[str]:
    """The text of each inline script a browser would run in ``page``, in order."""
    scripts = []
    for match in _SCRIPT.finditer(page):
        attributes, body = match.group(1), match.group(2)
        if _SRC.search(attributes):
            continue
        typed = _TYPE.search(attributes)
        kind = next((g for g in typed.groups() if g is not None), "") if typed else ""
        if kind.strip().lower() in _JAVASCRIPT_TYPES:
            scripts.append(body)
    return scripts


def script_hash(script: str) -> str:
    """A CSP source for one inline script (or style): ``'sha256-<base64>'`` of its UTF-8 text, as browsers compute it."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(page: str, authored: str = "", connect: tuple[str, ...] = ()) -> str:
    """The Content-Security-Policy for ``page``: :data:`DIRECTIVES` with its inline scripts' hashes.

    Scripts that come from ``authored`` (the page's own rendered Markdown) are
    not hashed: the theme's scripts are the site's, but a ``<script>`` pasted
    into a review is not something the partnership chose to run.

    ``connect`` names other hosts the page may fetch from, as
    ``https://host[:port]``: only the search page of a site that searches other
    libraries has any (see :mod:`learning_library.regional`), and then exactly those.
    """
    from_author = set(inline_scripts(authored))
    hashes = list(dict.fromkeys(script_hash(s) for s in inline_scripts(page) if s not in from_author))
    directives = {
        **DIRECTIVES,
        "script-src": DIRECTIVES["script-src"] + tuple(hashes),
        "connect-src": DIRECTIVES["connect-src"] + tuple(dict.fromkeys(connect)),
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def add_policy(page: str, authored: str = "", connect: tuple[str, ...] = ()) -> str:
    """Return ``page`` with its policy as the first ``<meta>`` after the character set.

    A ``<meta>`` policy governs only what follows it, so it goes before any
    script or stylesheet. A page without ``<head>`` (not an HTML page) is
    returned unchanged. Scripts in ``authored`` stay blocked, and ``connect``
    names the other hosts it may fetch from (see :func:`policy`).
    """
    anchor = _CHARSET.search(page) or _HEAD.search(page)
    if anchor is None:
        return page
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(page, authored, connect)}">'
    return page[: anchor.end()] + tag + page[anchor.end() :]


GITHUB_HOSTS = {
    "connect-src": ("https://api.github.com",),
    # the signed-in person's picture in the editor's header
    "img-src": ("https://avatars.githubusercontent.com",),
}
"""What the editor at ``/admin/`` fetches from GitHub when it works on the repository there (and nothing else does)."""

EDITOR_DIRECTIVES: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    # The CMS checks its configuration with a validator (Ajv) that compiles each schema into a function: eval,
    # which no page of the site allows. Its scripts still come only from the editor's own folder.
    "script-src": ("'self'", "'unsafe-eval'"),
    # The CMS styles its components at run time (CSS-in-JS), in <style> elements it writes itself.
    "style-src": ("'self'", "'unsafe-inline'"),
    # Pictures being uploaded and attachments read from the repository are shown from blob: addresses.
    "img-src": ("'self'", "data:", "blob:"),
    "font-src": ("'self'", "data:"),
    "connect-src": ("'self'",),
    "frame-src": ("'self'", "blob:"),
    "worker-src": ("'self'", "blob:"),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}
"""The editor's policy: its page is not one of the site's, and nothing inline is its own (no hashes to add)."""


def editor_policy(*, github: bool) -> str:
    """The Content-Security-Policy of the editor at ``/admin/``: its own files, and GitHub's API when it works there.

    The editor of ``learning-library edit`` talks only to the server it came
    from; the published one talks to GitHub's API too (:data:`GITHUB_HOSTS`).
    No page of the public site gets any of this: their policy is :func:`policy`.
    """
    directives = dict(EDITOR_DIRECTIVES)
    if github:
        for name, hosts in GITHUB_HOSTS.items():
            directives[name] = directives[name] + hosts
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def self_contained_policy(*, scripts: list[str], styles: list[str]) -> str:
    """The policy of a page that carries its script and style inline and loads nothing (the preview's problems page).

    Only those exact scripts and styles run, by their hashes; the page may ask
    its own server for the preview's state, and nothing else.
    """
    directives = {
        "default-src": ("'none'",),
        "script-src": tuple(script_hash(s) for s in scripts),
        "style-src": tuple(script_hash(s) for s in styles),
        "connect-src": ("'self'",),
        "base-uri": ("'none'",),
        "form-action": ("'none'",),
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


_POLICY_TAG = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(">)')


def allow_script(page: str, script: str) -> str:
    """``page`` with one more inline script allowed by its policy: the live-reload script ``mkdocs serve`` adds.

    The preview server adds that script to each page as it serves it, after the
    page's policy was computed, so the policy would block it and the preview
    would never reload. Only the preview calls this; built pages never change.
    """

    def add(match: re.Match[str]) -> str:
        directives = [d.strip() for d in match.group(2).split(";")]
        directives = [f"{d} {script_hash(script)}" if d.startswith("script-src ") else d for d in directives]
        return match.group(1) + "; ".join(directives) + match.group(3)

    return _POLICY_TAG.sub(add, page, count=1)
