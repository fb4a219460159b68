"""The ``learning-library`` command: a thin layer over the library's own functions.

Each command's docstring is its ``--help``, with an example. The contract for
names, flags, formats and exit status is ``docs/cli.md``.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

import click

from . import __version__, authoring, check, importing, national_repository, pages, signoff
from .attachments.clean import clean_metadata
from .editor import session
from .errors import CannotCreate, CleanError, ConfigError, LibraryError
from .findings import Results
from .formats import FORMATS, as_text, render
from .library import Settings, display_path, load_settings, today
from .vocabulary import load_vocabulary

EXIT_OK, EXIT_BLOCKED, EXIT_COULD_NOT_RUN = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="learning-library")
def main() -> None:
    """Publish a safeguarding partnership's reviews and briefings as a learning library."""


@main.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--config", "config_path", default="mkdocs.yml", show_default=True, type=click.Path(path_type=Path), help="The site settings."
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="How to print the findings.")
@click.option("--no-cache", is_flag=True, help="Ignore and do not write cached results.")
@click.option(
    "--report", "signoff_report", is_flag=True, help="Print the sign-off report: every accepted name and string, with its reason."
)
@click.option(
    "--hide-text",
    is_flag=True,
    help="Do not repeat the text found in the text format (for logs others can read; automatic when CI is set).",
)
def check_command(paths: tuple[Path, ...], config_path: Path, fmt: str, no_cache: bool, signoff_report: bool, hide_text: bool) -> None:
    """Check documents before they are published.

    Checks front matter against the content model and themes.yml, links
    between documents, and personal data. With no PATH, checks the library's
    reviews/, briefings/ and content/. A full report due to leave the site
    within a month (its available_until) is shown as a warning, a reminder
    that never blocks.

    With --report, prints instead the sign-off report for the person who
    approves publication: every pseudonym, allowed string and inline
    suppression, with its reason, the full reports to be withdrawn, and
    what still blocks publication.

    Exit status: 0 nothing blocks publication, 1 an error was found,
    2 the check could not run.

    \b
    Examples:
        learning-library check
        learning-library check reviews/2024-child-ruby.md --format json
        learning-library check --report > sign-off.md
    """
    missing = [p for p in paths if not p.exists()]
    if missing:
        _could_not_run(f"{missing[0]}: no such file or folder; check the path")
    try:
        settings = load_settings(config_path)
        outcome = check.run(settings, list(paths) or None, use_cache=not no_cache)
    except LibraryError as exc:
        _could_not_run(str(exc))
    if signoff_report:
        click.echo(signoff.render(outcome, today()), nl=False)
    else:
        # Reminders are shown with the findings here; the build logs them apart, so they never fail it.
        shown = Results([*outcome.results.findings, *outcome.notices], outcome.results.files, outcome.results.seconds)
        click.echo(render(shown, fmt, show_text=False if hide_text else None), nl=False)
    sys.exit(EXIT_BLOCKED if outcome.results.blocks else EXIT_OK)


def _document_options(*, imported: bool) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The options ``new`` and ``import`` share: title, themes, type, publication date and settings."""
    title_help = "The document's title; it also gives the file name." + (" Default: the document's own title." if imported else "")
    theme_default = "Default: themes the document is about." if imported else "Default: your first priority."
    type_help = (
        "Its review or briefing type from themes.yml. Default: the type the document names, else lcspr."
        if imported
        else "For a review, its review type from themes.yml. Default: lcspr."
    )
    options = [
        click.option("--title", default="", help=title_help),
        click.option("--theme", "themes", multiple=True, help=f"A theme slug from themes.yml; repeat for more. {theme_default}"),
        click.option("--type", "type_", default=None, help=type_help),
        click.option("--published", default=None, help="The planned publication date, YYYY-MM-DD. Default: today."),
        click.option(
            "--config", "config_path", default="mkdocs.yml", show_default=True, type=click.Path(path_type=Path), help="The site settings."
        ),
    ]

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


@main.command("new")
@click.argument("kind", metavar="KIND")
@_document_options(imported=False)
def new_command(kind: str, title: str, themes: tuple[str, ...], type_: str | None, published: str | None, config_path: Path) -> None:
    """Start a new review or briefing from a template, as a draft.

    KIND is review, themed-briefing or seven-minute-briefing. The file is
    named from the year and the title (reviews/2026-child-k.md) and is never
    overwritten. It starts with `status: draft`, so it is not published until
    you delete that line; its front matter passes the check as it is.

    Exit status: 0 the file was created, 2 it could not be (the reason is
    one line on stderr).

    \b
    Examples:
        learning-library new review --title "Child K: local child safeguarding practice review"
        learning-library new seven-minute-briefing --title "Safer sleep: 7-minute briefing" --theme safer-sleep
        learning-library new themed-briefing --title "Neglect: learning from case reviews" --theme neglect --published 2026-03-01
    """
    try:
        day = today() if published is None else _date(published)
        settings = load_settings(config_path)
        vocabulary = load_vocabulary(settings.vocabulary_path)
        path = authoring.create(settings, vocabulary, kind, title, published=day, themes=themes, type_=type_)
    except LibraryError as exc:
        click.echo(f"learning-library: nothing was created: {exc}", err=True)
        sys.exit(EXIT_COULD_NOT_RUN)
    shown = display_path(path)
    click.echo(f"Created {shown}, a draft. Write it, then check it with: learning-library check {shown}")


@main.command("import")
@click.argument("source", metavar="FILE.docx", type=click.Path(path_type=Path))
@_document_options(imported=True)
@click.option(
    "--accept-changes",
    is_flag=True,
    help="Import the document as it reads with every tracked change accepted and comments left out (the .docx itself keeps them).",
)
def import_command(
    source: Path, title: str, themes: tuple[str, ...], type_: str | None, published: str | None, config_path: Path, accept_changes: bool
) -> None:
    """Turn a Word document (.docx) into a draft review or briefing, then check it.

    Keeps the document's headings, lists, tables, bold and italics, links,
    footnotes and pictures (saved in files/ without their metadata, with their
    alt text). Fills the front matter from what the document says: its title,
    type and review model, themes suggested from what it is about, its summary
    and its numbered recommendations; placeholders stand where nothing was
    found. The draft starts with `status: draft` and is never written over an
    existing file. Then it checks the draft and the Word document's hidden
    content (tracked changes, comments, properties, footers, hidden text, alt
    text, photos' GPS) and lists what it found, with the text found.

    A document with tracked changes or comments is not imported unless you
    give --accept-changes. Save .odt, .doc or .rtf files as .docx first.

    Exit status: 0 the draft was created and nothing in it blocks
    publication, 1 it was created but the check found something to fix,
    2 nothing was created (the reason is on stderr).

    \b
    Examples:
        learning-library import ~/Downloads/child-k-report.docx
        learning-library import briefing.docx --type seven-minute-briefing --theme safer-sleep
        learning-library import report.docx --title "Child K: local child safeguarding practice review" --accept-changes
    """
    if not source.is_file():
        click.echo(f"learning-library: nothing was created: {source}: no such file; check the path", err=True)
        sys.exit(EXIT_COULD_NOT_RUN)
    try:
        day = today() if published is None else _date(published)
        settings = load_settings(config_path)
        vocabulary = load_vocabulary(settings.vocabulary_path)
    except LibraryError as exc:
        click.echo(f"learning-library: nothing was created: {exc}", err=True)
        sys.exit(EXIT_COULD_NOT_RUN)
    try:
        imported = importing.import_word(
            settings, vocabulary, source, published=day, title=title, themes=themes, type_=type_, accept_changes=accept_changes
        )
    except LibraryError as exc:
        _show_word_findings(settings, source)
        click.echo(f"learning-library: nothing was created: {exc}", err=True)
        sys.exit(EXIT_COULD_NOT_RUN)
    shown = display_path(imported.path)
    click.echo(f"Created {shown}, a draft, from {source}.")
    for picture in imported.pictures:
        click.echo(f"Saved {display_path(picture)}, without its metadata.")
    for note in imported.notes:
        click.echo(f"Note: {note}.")
    try:
        outcome = check.run(settings, [Path(display_path(p)) for p in (imported.path, *imported.pictures)], use_cache=False)
    except LibraryError as exc:
        _could_not_run(str(exc))
    click.echo(
        f"\nThe check of the draft (fix these before you delete `status: draft`):\n{as_text(outcome.results, show_text=True)}", nl=False
    )
    _show_word_findings(settings, source)
    click.echo(f"When it is ready, delete the line `status: draft` from {shown} and check it again: learning-library check {shown}")
    sys.exit(EXIT_BLOCKED if outcome.results.blocks else EXIT_OK)


def _show_word_findings(settings: Settings, source: Path) -> None:
    """What the Word document itself keeps hidden, listed for the author; it is not published unless something links to it."""
    if source.suffix.lower() != importing.SUFFIX:
        return
    try:
        outcome = check.run(settings, [source], use_cache=False)
    except LibraryError:
        return  # the import's own message says why the document could not be read
    # Its text is now the draft's, checked there with the draft's pseudonyms; what is left is what Word hides.
    found = [f for f in outcome.results if f.path == str(source) and f.field != "Text"]
    if not found:
        return
    results = Results(found, files=1)
    click.echo(
        f"\nWhat the Word document keeps that a reader of it could find (the draft does not carry it, "
        f"but do not publish {source.name} as it is):\n{as_text(results, show_text=True)}",
        nl=False,
    )


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CannotCreate(f"--published {value} is not a date; write it as YYYY-MM-DD, like 2026-03-15") from None


@main.command("clean-metadata")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--in-place", is_flag=True, help="Replace each file with its clean copy, keeping its name, so links to it stay right.")
def clean_metadata_command(files: tuple[Path, ...], in_place: bool) -> None:
    """Remove the metadata from PDFs, Word documents and images: authors, titles, GPS positions, camera owners, image comments, XMP.

    Fixes in one step what the check reports as attachments/metadata,
    attachments/gps, or personal data in a document property or an image's
    EXIF. Pages, text and pictures are kept; text on the pages themselves
    has to be changed in the original document.

    Writes a clean copy beside each file, NAME.clean.pdf or NAME.clean.jpg,
    and leaves the original as it is. With --in-place, replaces the file
    itself, so the review's `report:` and every link to it stay right.
    A file with no metadata is left alone. A Word document's properties are
    emptied and its pictures cleaned; one with comments, tracked changes or
    hidden text is refused, since a person must decide on those in Word.

    Exit status: 0 every file was cleaned, 2 a file could not be cleaned
    (each one is named on stderr; the others are still cleaned).

    \b
    Examples:
        learning-library clean-metadata --in-place reviews/files/2024-child-ruby-report.pdf
        learning-library clean-metadata briefings/files/team-photo.jpg
        learning-library clean-metadata --in-place reviews/files/2024-child-ruby-response.docx
    """
    failed = False
    for path in files:
        try:
            cleaned = clean_metadata(path, in_place=in_place)
        except CleanError as exc:
            click.echo(f"learning-library: {path}: not cleaned: {exc}", err=True)
            failed = True
            continue
        if cleaned.written is None:
            click.echo(f"{path}: no metadata to remove; left as it is")
        elif in_place:
            click.echo(f"{path}: removed {', '.join(cleaned.removed)}")
        else:
            click.echo(f"{path}: removed {', '.join(cleaned.removed)}; wrote {cleaned.written}")
    sys.exit(EXIT_COULD_NOT_RUN if failed else EXIT_OK)


@main.command("edit")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1024, 65535), help="The port to serve on, at 127.0.0.1.")
@click.option("--no-browser", is_flag=True, help="Do not open the editor in the browser.")
@click.option(
    "--config", "config_path", default="mkdocs.yml", show_default=True, type=click.Path(path_type=Path), help="The site settings."
)
def edit_command(port: int, no_browser: bool, config_path: Path) -> None:
    """Open the browser editor on the files here, with the preview beside it.

    Serves the preview at http://127.0.0.1:8000/ as `make serve` does, and
    the editor at http://127.0.0.1:8000/admin/, which it opens in your
    browser. No GitHub account is needed: the editor reads and saves the
    files in reviews/ and briefings/ on this computer (and attachments in
    their files/ folders), and never saves over a file without saying so. A
    new document starts as a draft. While the check finds a problem, every
    page of the preview lists what blocks publication instead of the site.
    Only this computer can reach it. Stop it with Ctrl+C.

    Exit status: 0 stopped, 2 it could not start (the reason is one line on
    stderr).

    \b
    Examples:
        learning-library edit
        learning-library edit --port 8001 --no-browser
    """
    try:
        settings = load_settings(config_path)
        status = session.run(settings, port, open_browser=not no_browser)
    except LibraryError as exc:
        click.echo(f"learning-library: the editor could not start: {exc}", err=True)
        sys.exit(EXIT_COULD_NOT_RUN)
    sys.exit(EXIT_OK if status in (0, -15) else EXIT_COULD_NOT_RUN)


@main.group("export")
def export_group() -> None:
    """Write what the library publishes in another body's format.

    \b
    Example:
        learning-library export national-repository --since 2025-04-01 --output submission.csv
    """


@export_group.command("national-repository")
@click.option("--since", default=None, metavar="DATE", help="Only reviews published on or after this day, YYYY-MM-DD.")
@click.option("--output", "output", default=None, type=click.Path(path_type=Path), help="Write to this file instead of the screen.")
@click.option(
    "--config", "config_path", default="mkdocs.yml", show_default=True, type=click.Path(path_type=Path), help="The site settings."
)
def national_repository_command(since: str | None, output: Path | None, config_path: Path) -> None:
    """Write the published reviews in the national case review repository's fields, as CSV.

    One row per review on the site today (never a draft, a scheduled review
    or a withdrawn report), oldest first: year, area, the child's pseudonym,
    title, type, date, age, summary, learning themes, recommendations,
    keywords, agencies and addresses. The library is checked first, as for
    a build: nothing is exported while anything blocks publication. With
    --output the file opens in Excel as it is (UTF-8 with a byte order mark).

    Exit status: 0 written, 1 the check found a problem that blocks
    publication, 2 the export could not run.

    \b
    Examples:
        learning-library export national-repository --since 2025-04-01 --output submission.csv
        learning-library export national-repository > all-reviews.csv
    """
    try:
        day = None if since is None else _since(since)
        settings = load_settings(config_path)
        on = today()
        outcome = check.run(settings, on=on)
        index = pages.index_library(outcome.library, on)
        if not outcome.results.blocks:
            text = national_repository.export(index, day)
    except LibraryError as exc:
        click.echo(f"learning-library: nothing was exported: {exc}", err=True)
        sys.exit(EXIT_COULD_NOT_RUN)
    if outcome.results.blocks:
        click.echo(render(outcome.results, "text"), nl=False, err=True)
        click.echo("learning-library: nothing was exported; fix the problems above, which block publication, and export again.", err=True)
        sys.exit(EXIT_BLOCKED)
    if output is None:
        click.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8-sig", newline="")
    count = len(national_repository.reviews(index, day))
    click.echo(f"Wrote {display_path(output.resolve())}: {count} {'review' if count == 1 else 'reviews'}.")


def _since(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--since {value} is not a date; write it as YYYY-MM-DD, like 2025-04-01") from None


def _could_not_run(message: str) -> None:
    click.echo(f"learning-library: the check could not run: {message}", err=True)
    sys.exit(EXIT_COULD_NOT_RUN)
