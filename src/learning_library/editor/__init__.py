"""The browser editor at ``/admin/``: Decap CMS, configured from the content model, on the working copy or on GitHub.

Comms staff write in a form rather than in YAML. Nothing about the form is
written by hand: :mod:`.config` generates Decap CMS's configuration at every
build from the front matter schema (``content/schema.py``), the vocabulary
(``themes.yml``) and the templates ``learning-library new`` starts documents
from, so a theme added to ``themes.yml`` is in the editor's list at the next
build, and a key added to the schema is a field of the form.

- :mod:`.config`: the CMS configuration (``config.yml``), from the content model;
- :mod:`.admin`: the files of ``/admin/``: the page with its own
  Content-Security-Policy and ``noindex``, the configuration, and the CMS itself,
  self-hosted from the npm package the Makefile installs;
- :mod:`.repository`: the working copy as the CMS's local backend (the small
  JSON protocol of Decap's ``decap-server``), confined to the library's folders,
  for ``learning-library edit``.

Why Decap CMS rather than Sveltia CMS is in ``docs/architecture.md``.
"""
