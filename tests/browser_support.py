"""Run the real dashboard and drive it with Playwright and Debian's chromium (no browser download).

Reusable by any browser test; conftest.py loads this module as a plugin, so its fixtures
(`app_server`, `browser`, `page`) are there in every test module:

    @pytest.mark.browser
    def test_something(app_server, page):
        open_app(page, app_server.url, "/?lang=nl", ready="[data-testid='stMetricValue']")

or, outside pytest fixtures, `with streamlit_server() as server, chromium() as b: ...`.

When /usr/bin/chromium (or $CHROMIUM) is missing, the tests are skipped with the reason, unless
CI is set: then a missing browser is a failure, so CI never passes by skipping its browser tests.
The server's log goes to test-output/streamlit-<port>.log.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "test-output"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
DESKTOP = {"width": 1400, "height": 1000}
# How long a state (server up, page loaded, URL written) may take to arrive on a machine with a load
# average of 8; the waits end as soon as the state is there, and pytest's timeout bounds the test.
WAIT_S = 240
PHONE = {"width": 390, "height": 844}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_chromium() -> str:
    """The chromium binary; skip (locally) or fail (in CI) when it is not installed."""
    path = CHROMIUM if os.path.isfile(CHROMIUM) else shutil.which("chromium")
    if path:
        return path
    reason = f"no chromium at {CHROMIUM} (install Debian's: sudo apt-get install chromium)"
    if in_ci():
        pytest.fail(f"CI is set but {reason}", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Server:
    url: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return bool(response.read().decode().strip() == "ok")
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def streamlit_server(
    script: str = "dashboard.py",
    *,
    cwd: Path = ROOT,
    extra_args: Sequence[str] = (),
    env: dict[str, str] | None = None,
    timeout: float = WAIT_S,
    port: int | None = None,
) -> Iterator[Server]:
    """`python -m streamlit run` on a loopback port (a free one unless given); stopped (by its own
    pid) on exit."""
    port = port or free_port()
    OUTPUT.mkdir(exist_ok=True)
    log = OUTPUT / f"streamlit-{port}.log"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        *extra_args,
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while not _healthy(url):
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {process.returncode}; see {log}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit not healthy after {timeout:.0f} s; see {log}")
            time.sleep(0.2)
        yield Server(url, port, process, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextmanager
def chromium(headless: bool = True) -> Iterator[Any]:
    """A Playwright chromium from the system package, with the flags a container needs."""
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=headless, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def wait_idle(page: Any, timeout: float = WAIT_S * 1000) -> None:
    """Wait until the script has finished its run (after a load or an interaction)."""
    page.wait_for_selector(IDLE, timeout=timeout)
    page.wait_for_timeout(150)  # a rerun may start right after an interaction
    page.wait_for_selector(IDLE, timeout=timeout)


def settle(page: Any) -> float:
    """Seconds until the rerun that an interaction started has finished."""
    started = time.perf_counter()
    page.wait_for_timeout(100)
    wait_idle(page)
    return time.perf_counter() - started


def wait_for_url(page: Any, *present: str, absent: Sequence[str] = ()) -> str:
    """Wait until the page's URL matches every `present` regex and no `absent` one, and return it.

    Streamlit writes the URL after its rerun, so `page.url` read straight after a click may still be
    the old one; the state is awaited in the page instead."""
    page.wait_for_function(
        "([yes, no]) => yes.every(p => new RegExp(p).test(location.href))"
        " && !no.some(p => new RegExp(p).test(location.href))",
        arg=[list(present), list(absent)],
        timeout=WAIT_S * 1000,
    )
    return str(page.url)


READY = "[data-testid='stMain'] [data-testid='stElementContainer']"


def open_app(
    page: Any, base_url: str, path: str = "/", *, ready: str = READY, timeout: float = WAIT_S * 1000
) -> None:
    """Load a page and wait for its first run to finish. The idle marker is already there before
    the first run starts, so also wait for `ready`: something the finished page shows."""
    page.goto(base_url + path, wait_until="domcontentloaded", timeout=timeout)
    page.wait_for_selector(ready, timeout=timeout)
    wait_idle(page, timeout)


def screenshot(page: Any, name: str, *, full_page: bool = True, max_height: int = 12_000) -> Path:
    """Save a PNG under test-output/. Streamlit scrolls inside its own container, so a "full page"
    shot grows the viewport to the content's height for the shot and then restores it."""
    OUTPUT.mkdir(exist_ok=True)
    path = OUTPUT / name
    viewport = page.viewport_size
    if full_page and viewport:
        height = page.evaluate(
            "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], section, div')]"
            ".filter(e => e.scrollHeight > e.clientHeight + 1).map(e => e.scrollHeight), "
            "document.documentElement.scrollHeight)"
        )
        page.set_viewport_size({"width": viewport["width"], "height": min(int(height) + 40, max_height)})
        page.wait_for_timeout(500)  # charts re-lay out to the new size
        page.screenshot(path=str(path))
        page.set_viewport_size(viewport)
    else:
        page.screenshot(path=str(path))
    return path


# --- pytest fixtures: one server and one browser per test session, a fresh page per test --------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture(scope="session")
def app_server() -> Iterator[Server]:
    require_chromium()  # no point starting a server that no browser will visit
    with streamlit_server() as server:
        yield server


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
