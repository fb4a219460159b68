"""Every exception the library raises, and what each means for the caller.

Problems an author made in a document are never exceptions: they are
:class:`~learning_library.findings.Finding` objects, collected so that every
problem in a run is reported together. Exceptions are kept for the cases where
the library cannot do what was asked (the check cannot run, a file cannot be
created or cleaned), which the command line reports with exit status 2 and the
MkDocs hooks turn into a failed build. All of them are here, so a caller finds
in one place what it may have to catch.
"""

from __future__ import annotations


class LibraryError(Exception):
    """Base class: the library could not do what was asked. The message is for a person: what is wrong and what to do."""


class ConfigError(LibraryError):
    """A settings file (``mkdocs.yml``, ``themes.yml``, the anonymisation policy) is unusable.

    The message lists every problem in the file, one per line, each
    ``file:line:column: what is wrong; what to do`` (:func:`learning_library.validation.raise_problems`).
    """


class CheckUnavailable(LibraryError):
    """A check could not run (a model missing, a file unreadable); the build must fail closed."""


class CannotCreate(LibraryError):
    """``learning-library new`` cannot write the new document: the message says why and what to do."""


class CleanError(LibraryError):
    """``learning-library clean-metadata`` cannot clean a file; the message says why, for a person."""
