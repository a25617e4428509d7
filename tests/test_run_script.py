"""`scripts/run` listens on this machine only unless told otherwise (issue 22, item 4).

Each case starts the real script and reads the kernel's table of listening TCP sockets
(/proc/net/tcp) for the port it was given, waiting for that state, never for a fixed time.
The script first runs `scripts/setup`, which installs into .venv when its stamp is stale: that
case is skipped rather than installing from a test.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from browser_support import free_port

pytestmark = pytest.mark.subprocess

ROOT = Path(__file__).resolve().parent.parent
LISTEN = "0A"  # TCP_LISTEN in /proc/net/tcp


def _setup_is_current() -> bool:
    """scripts/setup's own test: the stamp holds the hash of every requirements file."""
    import hashlib

    text = b"".join(p.read_bytes() for p in sorted(ROOT.glob("requirements*.txt")))
    stamp = ROOT / ".venv" / ".installed-requirements.txt"
    return stamp.is_file() and stamp.read_text().strip() == hashlib.sha256(text).hexdigest()[:16]


def listening_address(port: int, process: subprocess.Popen[bytes], timeout: float = 90) -> str:
    """The local address a socket on `port` listens on, as /proc/net/tcp writes it (hex)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "scripts/run exited"
        for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
            fields = line.split()  # sl, local_address, rem_address, st, ...
            address, _, hex_port = fields[1].partition(":")
            state = fields[3]
            if int(hex_port, 16) == port and state == LISTEN:
                return address
        time.sleep(0.2)  # polling the state, not waiting a fixed time for it
    raise AssertionError(f"nothing listens on {port} after {timeout} s")


@pytest.mark.skipif(not _setup_is_current(), reason="scripts/setup would install into .venv first")
@pytest.mark.timeout(180)
@pytest.mark.parametrize(
    ("extra", "expected"),
    [([], "0100007F"), (["--server.address", "0.0.0.0"], "00000000")],  # 127.0.0.1 / every interface
    ids=["default-loopback", "told-every-interface"],
)
def test_scripts_run_binds_loopback_unless_told(extra: list[str], expected: str) -> None:
    port = free_port()
    args = ["--server.port", str(port), "--server.headless", "true", *extra]
    env = {k: v for k, v in os.environ.items() if k != "STREAMLIT_SERVER_ADDRESS"}
    process = subprocess.Popen(
        [str(ROOT / "scripts" / "run"), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        assert listening_address(port, process) == expected
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the script's own process group, by its id
        process.wait(timeout=30)
