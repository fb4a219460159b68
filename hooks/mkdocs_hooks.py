"""The MkDocs hooks named in ``mkdocs.yml``: the events live in :mod:`learning_library.mkdocs.hooks`.

MkDocs loads this file by its path, so it stays where ``mkdocs.yml`` says and
only hands MkDocs the adapter's events.
"""

from __future__ import annotations

from learning_library.mkdocs.hooks import (
    on_build_error,
    on_config,
    on_env,
    on_files,
    on_nav,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_post_template,
    on_serve,
    on_startup,
)

__all__ = [
    "on_build_error",
    "on_config",
    "on_env",
    "on_files",
    "on_nav",
    "on_page_markdown",
    "on_post_build",
    "on_post_page",
    "on_post_template",
    "on_serve",
    "on_startup",
]
