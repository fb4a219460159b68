"""``learning-library edit``: the preview with the editor on the files here, opened in the browser once it answers.

It runs ``mkdocs serve`` (strict, as the publishing pipeline builds) on this
computer's loopback address with :data:`~learning_library.editor.admin.EDIT_VARIABLE`
set, so the MkDocs adapter serves the editor at ``/admin/`` working on the
files here and the preview shows what blocks publication. The server is
MkDocs' own, run as a separate program, so this package's only code that
imports MkDocs stays in its adapter.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import webbrowser
from pathlib import Path

from ..library import Settings
from ..preview import STATE_ADDRESS
from .admin import EDIT_VARIABLE, cms_folder

HOST = "127.0.0.1"
STARTUP_SECONDS = 300
"""How long to wait for the first build before giving up on opening the browser (a first check of a large library is slow)."""


def command(config_path: Path, port: int) -> list[str]:
    """The ``mkdocs serve`` command line that serves the editor."""
    # --livereload explicitly: with Click 8.2 and later, MkDocs 1.6 no longer turns it on by default.
    return [sys.executable, "-m", "mkdocs", "serve", "--strict", "--livereload", "-a", f"{HOST}:{port}", "-f", str(config_path)]


def run(settings: Settings, port: int, *, open_browser: bool) -> int:
    """Serve the preview and the editor until the person stops it (Ctrl+C); return the server's exit status.

    Raises:
        ConfigError: the editor (Decap CMS) is not installed.
    """
    cms_folder(settings)  # before starting anything: a blank editor helps nobody
    environment = {**os.environ, EDIT_VARIABLE: "1", "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(command(settings.config_path, port), env=environment, cwd=settings.root)
    # Stopped with Ctrl+C or by the system: the server stops too, and frees its port.
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        url = f"http://{HOST}:{port}/"
        if open_browser and wait_until_serving(url, server):
            webbrowser.open(url + "admin/")
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=30)


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def wait_until_serving(url: str, server: subprocess.Popen[bytes], timeout: float = STARTUP_SECONDS) -> bool:
    """Whether the server answers at ``url`` before it stops or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(url.rstrip("/") + STATE_ADDRESS, timeout=2):
                return True
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    return False
