"""The working copy as the editor's local backend: the small JSON protocol of Decap's ``decap-server``, in Python.

``learning-library edit`` lets a comms officer use the editor on the files on
their own computer, with no GitHub account. Decap CMS talks to a local
repository through one address that takes ``{"action": ..., "params": ...}``
and answers JSON; Decap's own server for it is a Node program. This is the
same protocol (the "local file system" mode, which saves straight to the
files), answered by :meth:`Repository.handle`, with what a library needs
besides:

- only the library's folders: entries in ``reviews/`` and ``briefings/``,
  attachments in their ``files/`` folders and in ``content/``; any other path
  is refused, whatever it looks like once resolved;
- nothing overwritten silently: a new entry never replaces a file that exists,
  an upload never replaces a different file of the same name, and an entry is
  not saved over a file that changed on the disk since the editor read it (the
  officer is told to reload instead);
- the saved entry is tidied into the shape ``learning-library new`` writes
  (:func:`tidy`): the form leaves empty optional fields behind, which the
  check would report.

Errors are answered as ``{"error": "what is wrong; what to do"}``, which the
editor shows to the officer.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from .. import authoring
from ..content import DOCUMENT_FIELDS, Document
from ..frontmatter import split

ENTRY_FOLDERS = ("reviews", "briefings")
"""Folders of entries: one Markdown file per review or briefing, directly inside."""
MEDIA_FOLDERS = ("reviews/files", "briefings/files", "content")
"""Folders of attachments (and, for ``content/``, the site's own pictures)."""
OK, REFUSED, CONFLICT, UNKNOWN = 200, 403, 409, 422
ACTIONS = {
    name: "_" + re.sub(r"([A-Z])", lambda m: "_" + m[1].lower(), name)
    for name in (
        "info",
        "entriesByFolder",
        "entriesByFiles",
        "getEntry",
        "persistEntry",
        "getMedia",
        "getMediaFile",
        "persistMedia",
        "deleteFile",
        "deleteFiles",
        "getDeployPreview",
    )
}
"""The protocol's actions this repository answers, each by the method of the same name in snake case."""

_DOCUMENT_SPECS = {spec.key: spec for spec in DOCUMENT_FIELDS}
LOOPBACK = ("127.0.0.1", "localhost", "[::1]")


def refusal(host: str, origin: str | None, content_type: str) -> str | None:
    """Why a request to the editor's API is refused, or None to answer it.

    The API writes files, so it answers only the editor's own page, served on
    this computer: the address asked for must be a loopback one (which stops
    another site's pages reaching it through a name that points here), the
    request must come from a page of that same address (browsers say which in
    ``Origin``), and it must be JSON (which another site cannot send across
    without the server agreeing first).
    """
    name = host.rsplit("]", 1)[0] + "]" if host.startswith("[") else host.rsplit(":", 1)[0]
    if name not in LOOPBACK:
        return f"the editor answers only on this computer, at 127.0.0.1, not at {host or 'no address'}"
    if origin != f"http://{host}":
        return "the request did not come from the editor's own page; open the editor at /admin/"
    if content_type.split(";")[0].strip() != "application/json":
        return "the request is not JSON; open the editor at /admin/"
    return None


class Refused(Exception):
    """A request the repository will not carry out; the message is for the comms officer, with what to do."""

    def __init__(self, message: str, status: int = REFUSED) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Repository:
    """A library's working copy, read and written for the editor.

    Args:
        root: the library's folder (the one holding ``mkdocs.yml``).
    """

    root: Path
    served: dict[str, str] = field(default_factory=dict)
    """The content hash of each entry as the editor last read or saved it, by path: a file changed since is not overwritten."""
    changes: list[str] = field(default_factory=list)
    """What each request changed, in words, for the terminal."""

    def __post_init__(self) -> None:
        self.root = self.root.resolve()

    def handle(self, request: Mapping[str, Any]) -> tuple[int, Any]:
        """Answer one request of the protocol: an HTTP status and the JSON to send."""
        action = request.get("action")
        params = request.get("params") or {}
        method = getattr(self, ACTIONS[action]) if isinstance(action, str) and action in ACTIONS else None
        if method is None or not isinstance(params, Mapping):
            return UNKNOWN, {"error": f"Unknown action {action}"}
        try:
            return OK, method(params)
        except Refused as refused:
            return refused.status, {"error": str(refused)}

    # --- the protocol's actions -------------------------------------------------------------

    def _info(self, params: Mapping[str, Any]) -> Any:
        return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}

    def _entries_by_folder(self, params: Mapping[str, Any]) -> Any:
        folder = self._path(params.get("folder"), ENTRY_FOLDERS, entry=False)
        extension = str(params.get("extension") or "md")
        if not folder.is_dir():
            return []
        return [self._entry(p) for p in sorted(folder.glob(f"*.{extension}")) if p.is_file()]

    def _entries_by_files(self, params: Mapping[str, Any]) -> Any:
        files = params.get("files") or []
        return [self._entry(self._path(f.get("path"), ENTRY_FOLDERS, entry=True)) for f in files if isinstance(f, Mapping)]

    def _get_entry(self, params: Mapping[str, Any]) -> Any:
        return self._entry(self._path(params.get("path"), ENTRY_FOLDERS, entry=True))

    def _persist_entry(self, params: Mapping[str, Any]) -> Any:
        options = params.get("options") or {}
        data_files = params.get("dataFiles") or ([params["entry"]] if params.get("entry") else [])
        planned = []
        for data in data_files:
            path = self._path(data.get("path"), ENTRY_FOLDERS, entry=True)
            name = self._name(path)
            if not isinstance(data.get("raw"), str):
                raise Refused(f"{name} came without its text; reload the editor and try again", UNKNOWN)
            if options.get("newEntry") and path.exists():
                raise Refused(
                    f"{name} already exists and is never overwritten; give the new document a different title, "
                    "or open the existing one from the list",
                    CONFLICT,
                )
            if not options.get("newEntry") and path.exists() and self.served.get(name) not in (None, _digest(path.read_bytes())):
                raise Refused(
                    f"{name} was changed on this computer since the editor opened it, so it was not saved over; "
                    "copy your changes, reload the page and make them again",
                    CONFLICT,
                )
            if data.get("newPath"):
                raise Refused(f"{name} cannot be renamed from the editor; rename the file itself", UNKNOWN)
            planned.append((path, tidy(data["raw"], _kind(path))))
        assets = [self._asset(asset) for asset in params.get("assets") or []]
        for path, content in assets:
            self._write_media(path, content)
        for path, text in planned:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            self.served[self._name(path)] = _digest(text.encode("utf-8"))
            self.changes.append(f"saved {self._name(path)}")
        return {"message": "entry persisted"}

    def _get_media(self, params: Mapping[str, Any]) -> Any:
        # A new entry's media folder is its collection's folder until it has a name: list no entries as media.
        folder = self._path(params.get("mediaFolder"), ENTRY_FOLDERS + MEDIA_FOLDERS, entry=False)
        if not folder.is_dir():
            return []
        files = (p for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith("."))
        return [self._media(p) for p in files if not (p.suffix == ".md" and p.parent.name in ENTRY_FOLDERS)]

    def _get_media_file(self, params: Mapping[str, Any]) -> Any:
        path = self._path(params.get("path"), MEDIA_FOLDERS, entry=False)
        if not path.is_file():
            raise Refused(f"{self._name(path)} does not exist", 404)
        return self._media(path)

    def _persist_media(self, params: Mapping[str, Any]) -> Any:
        path, content = self._asset(params.get("asset") or {})
        self._write_media(path, content)
        return self._media(path)

    def _delete_file(self, params: Mapping[str, Any]) -> Any:
        return self._delete_files({"paths": [params.get("path")]})

    def _delete_files(self, params: Mapping[str, Any]) -> Any:
        paths = [self._path(p, ENTRY_FOLDERS + MEDIA_FOLDERS, entry=None) for p in params.get("paths") or []]
        for path in paths:
            if path.is_file():
                path.unlink()
                self.served.pop(self._name(path), None)
                self.changes.append(f"deleted {self._name(path)}")
        return {"message": "deleted"}

    def _get_deploy_preview(self, params: Mapping[str, Any]) -> Any:
        return None

    # --- paths and files ----------------------------------------------------------------------

    def _path(self, given: object, folders: Sequence[str], *, entry: bool | None) -> Path:
        """The file or folder a request names, if it lies in one of ``folders`` of the library.

        Args:
            entry: True for an entry (a ``.md`` file directly in its folder), False for anything
                in the folders (a folder itself, an attachment), None for either.
        """
        if not isinstance(given, str) or not given.strip():
            raise Refused("the request named no file", UNKNOWN)
        relative = PurePosixPath(given.strip().replace("\\", "/").lstrip("/"))
        if ".." in relative.parts or any(part.startswith(".") for part in relative.parts):
            raise Refused(f"{given} is outside the library's folders; the editor works only in {', '.join(folders)}")
        # Resolved, links and all, then compared with the folders as named: a link out of them leads nowhere.
        path = (self.root / relative).resolve()
        if not any(path.is_relative_to(self.root / f) for f in folders):
            raise Refused(f"{given} is outside the library's folders; the editor works only in {', '.join(folders)}")
        is_entry = path.suffix == ".md" and path.parent.name in ENTRY_FOLDERS and path.parent.parent == self.root
        if entry is True and not is_entry:
            raise Refused(f"{given} is not a review or a briefing: those are .md files directly in reviews/ or briefings/")
        if entry is False and path.suffix == ".md" and path.parent.parent == self.root and path.parent.name in ENTRY_FOLDERS:
            raise Refused(f"{given} is a review or a briefing, not an attachment")
        return path

    def _name(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def _entry(self, path: Path) -> dict[str, Any]:
        name = self._name(path)
        try:
            content = path.read_bytes()
        except OSError:
            return {"data": None, "file": {"path": name, "id": None}}
        self.served[name] = _digest(content)
        return {"data": content.decode("utf-8", "replace"), "file": {"path": name, "id": self.served[name]}}

    def _media(self, path: Path) -> dict[str, Any]:
        content = path.read_bytes()
        name = self._name(path)
        return {
            "id": _digest(content),
            "content": base64.b64encode(content).decode("ascii"),
            "encoding": "base64",
            "path": name,
            "name": path.name,
        }

    def _asset(self, asset: Mapping[str, Any]) -> tuple[Path, bytes]:
        path = self._path(asset.get("path"), MEDIA_FOLDERS, entry=False)
        if asset.get("encoding") != "base64" or not isinstance(asset.get("content"), str):
            raise Refused(f"{self._name(path)} came in a form the editor does not send; reload the editor and try again", UNKNOWN)
        return path, base64.b64decode(asset["content"])

    def _write_media(self, path: Path, content: bytes) -> None:
        name = self._name(path)
        if path.exists():
            if path.read_bytes() == content:
                return
            raise Refused(
                f"{name} already exists and is a different file, so it was not replaced; rename your file and upload it again",
                CONFLICT,
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.uploading")
        temporary.write_bytes(content)
        os.replace(temporary, path)
        self.changes.append(f"added {name}")


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _kind(path: Path) -> str:
    return "review" if path.parent.name == "reviews" else "briefing"


_EMPTY: tuple[object, ...] = (None, "", [], {})
_DEFAULTS = {f.name: f.default for f in dataclasses.fields(Document) if isinstance(f.default, bool)}
"""Switches the content model reads as on or off when they are missing (``search_engines: true``)."""


def tidy(raw: str, kind: str) -> str:
    """An entry as the editor saved it, in the shape ``learning-library new`` writes.

    The keys are already in ``new``'s order, because the form's fields are
    (:mod:`.config`). What is left: a field the form showed but nobody filled
    in can come back empty (``model: ""``), which the check would report, and a
    switch comes back at its default (``search_engines: true``); such optional
    keys are left out, as ``new`` leaves them out, unless ``new`` writes them
    too (``related: []``). And a blank line separates the front matter from the
    text, as in ``new``'s files.
    """
    front, findings = split(raw, "entry")
    if findings or front.node is None:
        return raw  # not front matter this can read: the check says what is wrong with it
    values = yaml.safe_load(front.text[front.yaml_offset : front.body_offset].rsplit("---", 1)[0])
    if not isinstance(values, dict):
        return raw
    written = authoring.starter("review" if kind == "review" else "themed-briefing").keys
    empty = {
        key
        for key, value in values.items()
        if key not in written
        and not (key in _DOCUMENT_SPECS and _DOCUMENT_SPECS[key].required)
        and (value in _EMPTY or (key in _DEFAULTS and value is _DEFAULTS[key]))
    }
    head = front.text[: front.body_offset]
    if empty:
        lines = head.splitlines(keepends=True)
        head = "".join(line for line in lines if line.split(":", 1)[0] not in empty)
    return head + "\n" + front.body.lstrip("\n")
