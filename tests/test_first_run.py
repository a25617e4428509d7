"""The first `scripts/run` on a desktop serves the page without asking anything.

Streamlit treats a Linux machine with a DISPLAY as a desktop: unless `server.headless` is set,
its first run in a terminal stops at the "Welcome to Streamlit! ... Email:" prompt and serves
nothing until someone answers. `.streamlit/config.toml` sets it; this test starts the page as
`scripts/run` does (its `exec` line, without the one-time `scripts/setup`), with a fake DISPLAY,
a pseudo-terminal on stdin/stdout and a fresh HOME (no credentials file: a first run), and waits
for the health endpoint while nobody types.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from browser_support import ROOT, _healthy, free_port

pytestmark = pytest.mark.subprocess

# Generous on a shared 2-core machine; a waiting prompt never gets healthy however long we wait.
START_TIMEOUT = 60.0


def test_first_run_with_a_display_and_a_terminal_serves_the_page(tmp_path: Path) -> None:
    port = free_port()
    primary, secondary = pty.openpty()
    env = {
        **os.environ,
        "HOME": str(tmp_path),  # no ~/.streamlit/credentials.toml: Streamlit's first run
        "DISPLAY": ":99",  # a desktop as Streamlit sees one; nothing listens there
    }
    env.pop("WAYLAND_DISPLAY", None)
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "dashboard.py",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.fileWatcherType",
        "none",
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdin=secondary, stdout=secondary, stderr=secondary, close_fds=True
    )
    os.close(secondary)
    url = f"http://127.0.0.1:{port}"
    output = bytearray()
    try:
        deadline = time.monotonic() + START_TIMEOUT
        healthy = False
        while not healthy and process.poll() is None and time.monotonic() < deadline:
            output += _drain(primary)  # a full terminal buffer would block the server's output
            if b"Email" in output:
                break  # the prompt: it waits for ever
            healthy = _healthy(url)
        output += _drain(primary)
        assert healthy, (
            f"no healthy server after {START_TIMEOUT:.0f} s; terminal said:\n{output.decode(errors='replace')}"
        )
        assert b"Email" not in output
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        os.close(primary)


def _drain(fd: int) -> bytes:
    """What the terminal holds now, waiting at most a fifth of a second for it."""
    chunks = b""
    while select.select([fd], [], [], 0.2)[0]:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the process closed its end
            break
        if not chunk:
            break
        chunks += chunk
    return chunks
