"""The preview tells the truth: while the check blocks publication, every page of the preview lists what blocks it.

``mkdocs build`` fails closed when the check finds a problem, and so it must.
``mkdocs serve`` used to fail the same way and keep showing the last good
build, so an author who had just typed a name saw nothing wrong. Under
``mkdocs serve`` (and ``learning-library edit``) the adapter instead keeps
serving, and answers every page with :func:`problems_page`: each finding with
its file, line, the text found, what is wrong and what to do. The page asks the
server (:data:`STATE_ADDRESS`) whether a newer build has finished and reloads
itself then, so it shows the site again as soon as the problems are fixed.

This module only writes the page and the state; serving them is the
adapter's (:mod:`learning_library.mkdocs.serve`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import csp
from .findings import Finding, Results, Severity
from .formats import as_dict, summary_line
from .text import escape_html

STATE_ADDRESS = "/api/preview"
"""Where the preview answers ``{"build": n, "blocked": bool, "findings": [...]}``: the problems page and the editor ask it."""


@dataclass(frozen=True)
class Problems:
    """What stops the site being built: the check's findings, or why the check could not run at all."""

    findings: tuple[Finding, ...] = ()
    summary: str = ""
    could_not_run: tuple[str, ...] = ()
    """The reasons the check or the build could not run (a broken ``themes.yml``), one problem a line."""
    build_failed: bool = False
    """The site builder stopped after the check passed (a warning in strict mode): the terminal says why."""

    @classmethod
    def from_results(cls, results: Results) -> Problems:
        return cls(tuple(results), summary_line(results))

    @classmethod
    def from_error(cls, message: str, *, build_failed: bool = False) -> Problems:
        return cls(could_not_run=tuple(line for line in message.splitlines() if line.strip()), build_failed=build_failed)


@dataclass
class PreviewState:
    """What the preview server knows between builds: how many have finished, and what blocks the last one."""

    builds: int = 0
    problems: Problems | None = None
    findings: list[Finding] = field(default_factory=list)
    """Every finding of the last check, blocking or not: the editor shows those of the entry being edited."""

    def as_json(self) -> dict[str, Any]:
        return {
            "build": self.builds,
            "blocked": self.problems is not None,
            "findings": as_dict(Results(list(self.findings)))["findings"],
            "could_not_run": list(self.problems.could_not_run) if self.problems else [],
        }


_STYLE = """
body { font: 1rem/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; color: #8b0000; }
h2 { font-size: 1.05rem; margin: 0 0 .5rem; }
ol { padding-left: 1.5rem; }
li.problem { border-left: .3rem solid #b00020; padding: .5rem 1rem; margin: 0 0 1rem; background: #fdf3f4; }
li.warning { border-left-color: #7a5c00; background: #fffbea; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
mark { background: #ffe08a; color: #1b1b1b; padding: 0 .2rem; }
code { font-size: .95em; }
a { color: #1a4fb4; }
"""

_RELOAD = """
(function () {
  var build = %d;
  function check() {
    fetch("%s", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (state) {
      if (state.build !== build) { location.reload(); } else { setTimeout(check, 1000); }
    }).catch(function () { setTimeout(check, 2000); });
  }
  setTimeout(check, 1000);
})();
"""


def problems_page(site_name: str, problems: Problems, *, build: int, editor: bool) -> str:
    """The page the preview shows at every address while the check blocks publication.

    Args:
        site_name: the library's name, for the title.
        problems: what blocks it.
        build: the number of the build that found them; the page reloads once a later build has finished.
        editor: whether the editor is at ``/admin/`` (``learning-library edit``), to link to it.
    """
    blocking = [f for f in problems.findings if f.severity is Severity.ERROR]
    if problems.build_failed:
        heading = "The site could not be built, so the preview is paused"
        intro = "The terminal where the preview runs lists what stopped it. Fix it, save, and this page shows the site again."
        items = "".join(f"<li class='problem'><p>{escape_html(line)}</p></li>" for line in problems.could_not_run)
    elif problems.could_not_run:
        heading = "The check could not run, so the preview is paused"
        intro = "A settings file has a problem. Fix each line below, save the file, and this page shows the site again."
        items = "".join(f"<li class='problem'><p>{escape_html(line)}</p></li>" for line in problems.could_not_run)
    else:
        count = len(blocking) or len(problems.findings)
        heading = f"{count} {'problem blocks' if count == 1 else 'problems block'} publication, so the preview is paused"
        intro = (
            "Nothing can be published until each problem below is fixed. Fix it in the file named, save, "
            "and this page shows the site again by itself."
        )
        items = "".join(_item(f) for f in problems.findings)
    link = '<p><a href="/admin/">Open the editor</a></p>' if editor else ""
    summary = f"<p>{escape_html(problems.summary)}</p>" if problems.summary else ""
    script = _RELOAD % (build, STATE_ADDRESS)
    policy = csp.self_contained_policy(scripts=[script], styles=[_STYLE])
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="robots" content="noindex">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Publication blocked: {escape_html(site_name)}</title>\n"
        f"<style>{_STYLE}</style>\n"
        "</head>\n<body>\n<main>\n"
        f"<h1>{escape_html(heading)}</h1>\n<p>{escape_html(intro)}</p>\n{summary}\n"
        f'<ol class="problems">{items}</ol>\n{link}\n'
        f"</main>\n<script>{script}</script>\n</body>\n</html>\n"
    )


def _item(f: Finding) -> str:
    what, _, fix = f.message.partition(";")
    where = f"line {f.line}" + (f", page {f.page}" if f.page else "") + (f", {f.field}" if f.field else "")
    rows = [("Where", f"<code>{escape_html(f.path)}</code>, {escape_html(where)}")]
    if f.text:
        rows.append(("Found", f"<mark>{escape_html(' '.join(f.text.split()))}</mark>"))
    rows.append(("What is wrong", escape_html(what.strip())))
    if fix.strip():
        rows.append(("What to do", escape_html(fix.strip())))
    rows.append(("Rule", f"{escape_html(f.rule)} ({escape_html(f.severity.value)})"))
    cells = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    kind = "problem" if f.severity is Severity.ERROR else "problem warning"
    return f"<li class='{kind}'><h2>{escape_html(f.path)}, line {f.line}</h2><dl>{cells}</dl></li>"
