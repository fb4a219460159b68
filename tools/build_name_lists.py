"""Build the name lists the anonymisation check uses to find names spaCy's model misses.

Run by a maintainer, not by the build: the lists are committed in
``src/learning_library/anonymisation/data/``. Needs ``faker`` (MIT; its
per-locale lists of given names and surnames) and an English word list
(Debian's ``wbritish``, /usr/share/dict/british-english) to mark the names that
are also ordinary words (Rose, Hope, Will), which need more evidence.

    python tools/build_name_lists.py
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import unicodedata
from pathlib import Path

from faker.providers import person

OUT = Path(__file__).resolve().parent.parent / "src/learning_library/anonymisation/data"
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-žḀ-ỿ'’-]{2,}$")


def main() -> None:
    first: set[str] = set()
    last: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            first.update(_names(getattr(provider, attr, ())))
        last.update(_names(getattr(provider, "last_names", ())))
    words = {w.strip() for w in Path("/usr/share/dict/british-english").read_text().splitlines() if w[:1].islower()}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "first_names.txt").write_text("\n".join(sorted(first)) + "\n")
    (OUT / "surnames.txt").write_text("\n".join(sorted(last - first)) + "\n")
    # Lower-case English words, to tell "Graded Care Profile" (words) from "Zephyrine Okafor" (a name).
    (OUT / "english_words.txt").write_text("\n".join(sorted(w for w in words if w.isalpha() and w.isascii())) + "\n")
    print(
        f"{len(first)} given names, {len(last - first)} surnames, {sum(1 for n in first | last if n.lower() in words)} that are also words"
    )


def _names(values: object) -> set[str]:
    if not isinstance(values, (dict, list, tuple, set, frozenset)):
        return set()
    items = values.keys() if isinstance(values, dict) else values  # some providers weight names
    found = set()
    for name in items:  # type: ignore[union-attr]
        for part in str(name).split():
            part = unicodedata.normalize("NFC", part)
            if LATIN.match(part) and part[0].isupper():
                found.add(part)
    return found


if __name__ == "__main__":
    main()
