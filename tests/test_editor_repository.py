"""The working copy as the editor's local backend: Decap's proxy protocol, confined to the library, never overwriting silently."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from learning_library import authoring
from learning_library.editor.repository import Repository, refusal, tidy
from learning_library.library import load_settings
from learning_library.vocabulary import load_vocabulary

from .conftest import CheckJson

# What Decap CMS sent when a themed briefing was created in the editor (captured from the browser),
# with the summary and body shortened: the keys in the form's order, untouched optional fields left out.
SAVED_BY_THE_EDITOR = """\
---
title: "Neglect and hidden men: learning from reviews"
type: themed-briefing
status: draft
published: 2026-11-20
themes:
  - neglect
  - hidden-men
summary: Reviews found that professionals did not ask about the men in a child's
  life. This briefing sets out what to do.
audience:
  - All practitioners
related: []
---
## Why this briefing

What the theme is, and why the partnership is publishing learning on it now.
"""


@pytest.fixture
def library(make_library: Callable[..., Path]) -> Path:
    return make_library()


@pytest.fixture
def repository(library: Path) -> Repository:
    return Repository(library)


def ask(repository: Repository, action: str, **params: Any) -> tuple[int, Any]:
    status, answer = repository.handle({"action": action, "params": {"branch": "main", **params}})
    json.dumps(answer)  # every answer goes back to the browser as JSON
    return status, answer


def persist(repository: Repository, path: str, raw: str, *, new: bool, assets: list[dict[str, str]] | None = None) -> tuple[int, Any]:
    data = {"path": path, "slug": Path(path).stem, "raw": raw}
    return ask(repository, "persistEntry", dataFiles=[data], assets=assets or [], options={"newEntry": new, "commitMessage": "x"})


def test_it_says_it_is_a_local_repository_that_saves_straight_to_the_files(repository: Repository, library: Path) -> None:
    assert ask(repository, "info") == (200, {"repo": library.name, "publish_modes": ["simple"], "type": "local_fs"})


def test_it_lists_the_entries_of_a_folder_with_their_text(repository: Repository, library: Path) -> None:
    status, entries = ask(repository, "entriesByFolder", folder="reviews", extension="md", depth=1)
    assert status == 200
    assert [e["file"]["path"] for e in entries] == ["reviews/2023-child-a.md"]
    assert entries[0]["data"] == (library / "reviews/2023-child-a.md").read_text()
    status, entry = ask(repository, "getEntry", path="briefings/2024-neglect-briefing.md")
    assert status == 200 and entry["data"].startswith("---\ntitle:")


@pytest.mark.parametrize(
    ("action", "params"),
    [
        ("getEntry", {"path": "../outside.md"}),
        ("getEntry", {"path": "/etc/passwd"}),
        ("getEntry", {"path": "mkdocs.yml"}),
        ("getEntry", {"path": "reviews/../themes.yml"}),
        ("getEntry", {"path": "reviews/.hidden.md"}),
        ("getEntry", {"path": "content/about.md"}),
        ("entriesByFolder", {"folder": "src", "extension": "md", "depth": 1}),
        ("getMediaFile", {"path": ".git/config"}),
        ("persistMedia", {"asset": {"path": "hooks/evil.py", "content": "eA==", "encoding": "base64"}}),
        ("deleteFiles", {"paths": ["mkdocs.yml"]}),
        ("deleteFile", {"path": "themes.yml"}),
    ],
)
def test_nothing_outside_the_librarys_folders_is_read_or_written(repository: Repository, action: str, params: dict[str, Any]) -> None:
    status, answer = ask(repository, action, **params)
    assert status in (403, 422) and "error" in answer


def test_a_link_out_of_the_library_is_refused_whatever_its_name(repository: Repository, library: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: x\n---\n")
    os.symlink(outside, library / "reviews" / "files")
    status, answer = ask(repository, "getMediaFile", path="reviews/files/secret.md")
    assert status == 403 and "outside the library's folders" in answer["error"]


@pytest.mark.model
def test_a_new_entry_is_written_tidied_into_the_shape_new_writes(repository: Repository, library: Path, check_json: CheckJson) -> None:
    path = "briefings/2026-neglect-and-hidden-men-learning-from-reviews.md"
    assert persist(repository, path, SAVED_BY_THE_EDITOR, new=True) == (200, {"message": "entry persisted"})
    text = (library / path).read_text()
    assert "---\n\n## Why this briefing" in text  # a blank line after the front matter, as new writes it
    code, report = check_json(library, path)
    assert code == 0 and report["findings"] == []
    settings = load_settings(library / "mkdocs.yml")
    vocabulary = load_vocabulary(settings.vocabulary_path)
    created = authoring.create(
        settings, vocabulary, "themed-briefing", "Something else", published=dt.date(2026, 11, 20), themes=("neglect",)
    )
    assert list(_front(text)) == list(_front(created.read_text()))


def test_a_new_entry_never_replaces_a_file_that_exists(repository: Repository, library: Path) -> None:
    before = (library / "reviews/2023-child-a.md").read_text()
    status, answer = persist(repository, "reviews/2023-child-a.md", "---\ntitle: x\n---\n", new=True)
    assert status == 409
    assert answer["error"].startswith(
        "reviews/2023-child-a.md already exists and is never overwritten; give the new document a different title"
    )
    assert (library / "reviews/2023-child-a.md").read_text() == before


def test_an_entry_changed_on_the_disk_since_it_was_opened_is_not_saved_over(repository: Repository, library: Path) -> None:
    path = "reviews/2023-child-a.md"
    ask(repository, "getEntry", path=path)
    (library / path).write_text((library / path).read_text() + "\nA paragraph written in another program.\n")
    status, answer = persist(repository, path, "---\ntitle: from the editor\n---\n", new=False)
    assert status == 409 and "was changed on this computer since the editor opened it" in answer["error"]
    assert "another program" in (library / path).read_text()
    ask(repository, "getEntry", path=path)  # reloaded: now it saves
    assert persist(repository, path, (library / path).read_text().replace("another program", "the editor"), new=False)[0] == 200
    assert "written in the editor" in (library / path).read_text()


def test_an_edit_is_saved_and_said_in_the_terminal(repository: Repository, library: Path) -> None:
    path = "reviews/2023-child-a.md"
    _, entry = ask(repository, "getEntry", path=path)
    assert persist(repository, path, entry["data"].replace("adults in the household", "adults in the home"), new=False)[0] == 200
    assert "adults in the home" in (library / path).read_text()
    assert repository.changes == [f"saved {path}"]


def test_an_upload_goes_into_files_and_never_replaces_a_different_file(repository: Repository, library: Path) -> None:
    pdf = base64.b64encode(b"%PDF-1.4 invented").decode()
    status, media = ask(repository, "persistMedia", asset={"path": "reviews/files/report.pdf", "content": pdf, "encoding": "base64"})
    assert status == 200 and media["path"] == "reviews/files/report.pdf" and media["name"] == "report.pdf"
    assert (library / "reviews/files/report.pdf").read_bytes() == b"%PDF-1.4 invented"
    again = ask(repository, "persistMedia", asset={"path": "reviews/files/report.pdf", "content": pdf, "encoding": "base64"})
    assert again[0] == 200  # the same file again: nothing to replace
    other = base64.b64encode(b"%PDF-1.4 another").decode()
    status, answer = ask(repository, "persistMedia", asset={"path": "reviews/files/report.pdf", "content": other, "encoding": "base64"})
    assert status == 409 and "already exists and is a different file" in answer["error"]
    assert (library / "reviews/files/report.pdf").read_bytes() == b"%PDF-1.4 invented"
    status, listed = ask(repository, "getMedia", mediaFolder="reviews/files")
    assert [m["name"] for m in listed] == ["report.pdf"] and base64.b64decode(listed[0]["content"]) == b"%PDF-1.4 invented"


def test_a_new_entrys_media_folder_lists_no_entries(repository: Repository) -> None:
    assert ask(repository, "getMedia", mediaFolder="briefings") == (200, [])


def test_an_entry_saved_with_an_attachment_writes_both(repository: Repository, library: Path) -> None:
    picture = {"path": "briefings/files/abc.png", "content": base64.b64encode(b"\x89PNG invented").decode(), "encoding": "base64"}
    path = "briefings/2026-with-a-picture.md"
    assert persist(repository, path, SAVED_BY_THE_EDITOR, new=True, assets=[picture])[0] == 200
    assert (library / "briefings/files/abc.png").read_bytes() == b"\x89PNG invented" and (library / path).exists()


def test_deleting_an_entry_removes_only_that_file(repository: Repository, library: Path) -> None:
    assert ask(repository, "deleteFiles", paths=["briefings/2024-neglect-briefing.md"])[0] == 200
    assert not (library / "briefings/2024-neglect-briefing.md").exists() and (library / "reviews/2023-child-a.md").exists()


def test_an_action_it_does_not_know_is_refused(repository: Repository) -> None:
    assert ask(repository, "publishUnpublishedEntry", collection="reviews", slug="x") == (
        422,
        {"error": "Unknown action publishUnpublishedEntry"},
    )
    assert repository.handle({"action": "__init__"}) == (422, {"error": "Unknown action __init__"})


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # an optional text emptied in the form, and a choice never made: left out, as new leaves them out
        ('---\ntitle: "T"\nmodel: ""\nage_band: null\npseudonyms: []\n---\n\nText\n', '---\ntitle: "T"\n---\n\nText\n'),
        # a switch at the value the content model gives it when missing; at the other value it stays
        ("---\ntitle: T\nsearch_engines: true\n---\n\nText\n", "---\ntitle: T\n---\n\nText\n"),
        ("---\ntitle: T\nsearch_engines: false\n---\n\nText\n", "---\ntitle: T\nsearch_engines: false\n---\n\nText\n"),
        # keys new writes even when empty stay
        (
            "---\ntitle: T\nrecommendations: []\nresponse: Text.\n---\nBody\n",
            "---\ntitle: T\nrecommendations: []\nresponse: Text.\n---\n\nBody\n",
        ),
        # front matter the check will report is left for it to report
        ("---\ntitle: [unclosed\n---\nBody\n", "---\ntitle: [unclosed\n---\nBody\n"),
    ],
)
def test_tidy(raw: str, expected: str) -> None:
    assert tidy(raw, "review") == expected


@pytest.mark.parametrize(
    ("host", "origin", "content_type", "refused"),
    [
        ("127.0.0.1:8000", "http://127.0.0.1:8000", "application/json; charset=utf-8", None),
        ("localhost:8000", "http://localhost:8000", "application/json", None),
        ("[::1]:8000", "http://[::1]:8000", "application/json", None),
        ("192.168.1.20:8000", "http://192.168.1.20:8000", "application/json", "the editor answers only on this computer"),
        ("rebound.example:8000", "http://rebound.example:8000", "application/json", "the editor answers only on this computer"),
        ("127.0.0.1:8000", "https://elsewhere.example", "application/json", "did not come from the editor's own page"),
        ("127.0.0.1:8000", None, "application/json", "did not come from the editor's own page"),
        ("127.0.0.1:8000", "http://127.0.0.1:8000", "text/plain", "not JSON"),
    ],
)
def test_only_the_editors_own_page_on_this_computer_is_answered(
    host: str, origin: str | None, content_type: str, refused: str | None
) -> None:
    why = refusal(host, origin, content_type)
    assert (why is None) if refused is None else (why is not None and refused in why)


def _front(text: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(text.split("---\n")[1])
    return loaded
