"""The files of ``/admin/``: the editor's page, its configuration, and Decap CMS itself, self-hosted.

The CMS comes from the npm package the project pins (``package.json``,
``package-lock.json`` with integrity hashes), installed by the Makefile with
``npm ci``; its files are copied into the site as they are, so the editor loads
nothing from a CDN. The page carries ``noindex`` and a Content-Security-Policy
of its own (:func:`learning_library.csp.editor_policy`), naming only the hosts
the editor talks to; it is a static file, never a page of the site, so it is
in no navigation, sitemap, feed or search index.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from .. import csp
from ..addresses import ADMIN
from ..errors import ConfigError
from ..library import Settings
from ..text import escape_html
from ..vocabulary import Vocabulary
from .config import as_yaml, editor_config

EDIT_VARIABLE = "LEARNING_LIBRARY_EDIT"
"""Set to 1 by ``learning-library edit``: ``mkdocs serve`` then serves the editor on the working copy."""
CMS_PACKAGE = Path("node_modules") / "decap-cms" / "dist"
"""Where ``npm ci`` puts the CMS's built files, from the folder holding ``package.json``."""
CMS_VARIABLE = "LEARNING_LIBRARY_CMS"
"""Names another folder of the CMS's built files (a test, or a library installed without this repository)."""
_SOURCE_CHECKOUT = Path(__file__).resolve().parents[3]
"""The repository this package runs from, when it is installed from a checkout (``pip install -e .``, as ``make`` does)."""
_OWN_FILES = Path(__file__).resolve().parent / "static"
"""The editor's own script and stylesheet, beside the CMS's."""


def cms_folder(settings: Settings) -> Path:
    """The folder of the CMS's built files: ``LEARNING_LIBRARY_CMS`` if set, else ``node_modules`` beside the library or this checkout.

    Raises:
        ConfigError: the CMS is not installed (the editor would be a blank page).
    """
    if os.environ.get(CMS_VARIABLE):
        candidates = [Path(os.environ[CMS_VARIABLE])]
    else:
        candidates = [settings.root / CMS_PACKAGE, _SOURCE_CHECKOUT / CMS_PACKAGE]
    for folder in candidates:
        if (folder / "decap-cms.js").is_file():
            return folder
    raise ConfigError(
        "the browser editor (Decap CMS) is not installed: run `make` (it runs `npm ci`) in the library's folder, "
        "or remove `editor:` from `extra:` in mkdocs.yml to publish the site without the editor"
    )


def admin_files(settings: Settings, vocabulary: Vocabulary, documents: Mapping[str, str], *, local: bool) -> dict[str, bytes | Path]:
    """Every file of ``/admin/``, by its address in the site: generated text, or a file to copy.

    Args:
        settings: the library's settings (its name, address and ``extra: editor``).
        vocabulary: its ``themes.yml``.
        documents: every review and briefing, slug to title.
        local: the editor of ``learning-library edit``, on the working copy; else the published one, on GitHub.

    Raises:
        ConfigError: the CMS is not installed.
    """
    folder = cms_folder(settings)
    config = editor_config(
        vocabulary, documents, site_name=settings.site_name, site_url=settings.site_url, github=settings.editor, local=local
    )
    files: dict[str, bytes | Path] = {
        f"{ADMIN}/index.html": page(settings.site_name, [c["name"] for c in config["collections"]], github=not local).encode("utf-8"),
        f"{ADMIN}/config.yml": as_yaml(config, site_name=settings.site_name).encode("utf-8"),
    }
    # The bundle, the chunks it loads on demand, and their WebAssembly; not the source maps or the second copy (cms.js).
    for path in sorted(folder.iterdir()):
        if path.name == "decap-cms.js" or path.name.endswith(".decap-cms.js") or path.suffix == ".wasm":
            files[f"{ADMIN}/{path.name}"] = path
    for path in sorted(_OWN_FILES.iterdir()):
        files[f"{ADMIN}/{path.name}"] = path
    return files


def page(site_name: str, collections: list[str], *, github: bool) -> str:
    """The editor's page: the CMS and the editor's own script, nothing inline, ``noindex``, its own policy.

    The page lists the collections for the editor's script, which gives each one the preview with the check's findings.
    """
    return (
        "<!doctype html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp.editor_policy(github=github)}">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="learning-library-collections" content="{escape_html(" ".join(collections))}">\n'
        f"<title>Editor: {escape_html(site_name)}</title>\n"
        '<link href="config.yml" type="text/yaml" rel="cms-config-url">\n'
        '<link rel="stylesheet" href="editor.css">\n'
        "</head>\n"
        "<body>\n"
        '<script src="decap-cms.js"></script>\n'
        '<script src="editor.js"></script>\n'
        "</body>\n"
        "</html>\n"
    )
