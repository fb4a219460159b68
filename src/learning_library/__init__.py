"""learning-library: publish a safeguarding partnership's reviews and briefings as a learning library.

The package holds all of the logic; the MkDocs hooks in ``hooks/`` and the
``learning-library`` command only adapt it. Data flows one way: files on disk,
then parsed and validated documents (:mod:`learning_library.content`), then
checks (:mod:`learning_library.check`), then the pages generated for browsing
(:mod:`learning_library.pages`), then the built site, then its search index
(:mod:`learning_library.search`). ``docs/architecture.md`` draws it, naming the module for each step.
"""

from __future__ import annotations

__version__ = "0.1.0"
