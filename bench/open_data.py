"""Sizes of the open data, feeds and team packs in a built site (there is no plain-tool counterpart to compare with).

``bench/build.py`` prints the same table after each project build, so the
figures at 1,440 documents come from::

    .venv/bin/python bench/build.py --docs 1200 --only project

and those of the example library from a build of it::

    make build && .venv/bin/python bench/open_data.py site

Exit status: 0 printed; 2 the folder is not a built site.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import format_open_outputs


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not (Path(argv[0]) / "index.html").is_file():
        print("Usage: bench/open_data.py SITE_DIR (a built site, with index.html)", file=sys.stderr)
        return 2
    print(format_open_outputs(Path(argv[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
