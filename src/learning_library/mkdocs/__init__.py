"""The MkDocs adapter: everything the library does for and with MkDocs, and the only place MkDocs is imported.

The library itself returns Markdown pages by address and an Atom feed
(:mod:`learning_library.pages`), and a search index built by Pagefind
(:mod:`learning_library.search`); this package hands them to MkDocs:

- :mod:`~learning_library.mkdocs.hooks`: MkDocs' build events, which
  ``hooks/mkdocs_hooks.py`` (named in ``mkdocs.yml``) re-exports;
- :mod:`~learning_library.mkdocs.theme`: what the library adds to Material
  (templates, stylesheet, scripts, a default navigation), the Markdown
  extensions it checks the site turns on, and the escaping of the page values
  Material's templates print as they are;
- :mod:`~learning_library.mkdocs.render`: rendering the pages on both cores,
  with a cache of rendered pages.

Moving to another site builder means writing another package like this one.
"""
