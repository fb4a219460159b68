"""Site settings that would make visitors' browsers contact other hosts.

A partnership is a public body: its site should not hand visitors' addresses
to third parties. Material for MkDocs does so in three places a site can turn
on in ``mkdocs.yml``; the build warns about each (and a strict build, as the
publishing pipeline runs, stops). The site's Content-Security-Policy would
block these requests anyway (see :mod:`learning_library.csp`), so each would
also be a feature that silently does not work.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def third_party_settings(theme: Mapping[str, Any], repo_url: str | None, extra: Mapping[str, Any]) -> list[str]:
    """What in these settings would contact another host, each with what to do instead.

    Args:
        theme: the ``theme`` settings (Material's ``font``).
        repo_url: the ``repo_url`` setting.
        extra: the ``extra`` settings (Material's ``analytics`` and ``consent``).
    """
    problems = []
    if theme.get("font") is not False:
        problems.append(
            "`theme.font` loads fonts from Google for every visitor; set `font: false` under `theme` in mkdocs.yml (the site then uses the reader's system fonts)"
        )
    if repo_url:
        problems.append(
            "`repo_url` makes every visitor's browser ask GitHub for the repository's details; remove it from mkdocs.yml, or link to the repository from a page instead"
        )
    if extra.get("analytics") and not extra.get("consent"):
        problems.append(
            "`extra.analytics` sends every visit to the analytics provider without asking; remove it, or add a cookie consent (`extra.consent`) and allow the provider in the site's Content-Security-Policy"
        )
    return problems
