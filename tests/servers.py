"""Servers a test starts in its own process and talks to over loopback: ``mkdocs serve`` and ``learning-library edit``."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, ValueError):
            if condition():
                return
        time.sleep(0.5)
    raise AssertionError(f"waited {timeout:.0f} s for {what}")


@contextlib.contextmanager
def running(
    command: Sequence[str], port: int, cwd: Path, *, ready: str, what: str, env: dict[str, str] | None = None, timeout: float = 120
) -> Iterator[str]:
    """Run a server on ``port`` in ``cwd`` until the block ends; yields its address once ``ready`` (a path) answers.

    Its output goes to ``server.log`` in ``cwd``, shown if it stops before it is ready.
    """
    log_path = cwd / "server.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(list(command), cwd=cwd, env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_for(lambda: get(url + ready)[0] == 200 or server.poll() is not None, what, timeout=timeout)
            assert server.poll() is None, log_path.read_text()
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)
