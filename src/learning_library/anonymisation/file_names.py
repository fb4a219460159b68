"""A person's first name in the name of a published file, which is part of the published address.

A review saved as ``reviews/2024-kayleigh.md`` is published at
``/reviews/2024-kayleigh/``, and a report attached as
``2024-kayleigh-report.pdf`` keeps its name. An address travels further than
the page: into links, bookmarks, browser histories, search engines and the
logs of every server between, and it cannot be taken back from them once the
page is out. So a name there is as published as a name in the text, and is
checked for every file the site publishes: reviews, briefings, the site's
own pages and their attachments.

A file name has no capitals or sentences for the language model to read, so
only the name lists decide (:func:`~learning_library.anonymisation.names.names_in_file_name`);
a declared pseudonym ("Child Ruby" in ``2024-child-ruby.md``) or allowed text
is accepted as it is in the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

from ..findings import Finding, Severity
from .acceptance import accepted_whole
from .names import names_in_file_name
from .policy import Policy

FIELD = "File name"
"""Where the finding is, as findings name the parts of an attachment ("Author", "Footer")."""


def file_name_findings(display: str, name: str, declared: Iterable[str], policy: Policy) -> list[Finding]:
    """A finding for each first name in a published file's name.

    Args:
        display: the file as findings name it (``reviews/2024-kayleigh.md``).
        name: the file's name (``2024-kayleigh.md``); its suffix is not read.
        declared: the pseudonyms and allowed text of the file, or of the documents linking to an attachment.
        policy: the site's policy: how severe a person's name is, and its allow list.
    """
    declared = list(declared)
    severity = Severity.ERROR if policy.severity_of("PERSON") == "error" else Severity.WARNING
    found = []
    for word in names_in_file_name(PurePath(name).stem):
        if any(word.lower() == phrase.lower() for phrase in declared) or accepted_whole(word, declared, policy):
            continue
        found.append(
            Finding(
                display, 1, 1, "anonymisation/PERSON",
                f"{FIELD}: Possible person's name; a file's name is published in its address, so rename the file without it "
                "and change the links to it, or, for a pseudonym, declare it in `pseudonyms`",
                severity, entity="PERSON", text=word, field=FIELD,
            )
        )  # fmt: skip
    return found
