"""The few exceptions the library raises, and what each means for the caller.

Problems an author made in a document are never exceptions: they are
:class:`~learning_library.findings.Finding` objects, collected so that every
problem in a run is reported together. Exceptions are kept for the cases where
the check itself cannot run, which the command line reports with exit status 2
and the MkDocs hooks turn into a failed build.
"""

from __future__ import annotations


class LibraryError(Exception):
    """Base class: the check could not run. The message is one line for a person."""


class ConfigError(LibraryError):
    """A settings file (``mkdocs.yml``, ``themes.yml``, the anonymisation policy) is unusable."""


class CheckUnavailable(LibraryError):
    """A check could not run (a model missing, a file unreadable); the build must fail closed."""
