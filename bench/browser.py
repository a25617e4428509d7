"""Real-browser measurements on loopback: cold start, server memory per session, and a load test.

Everything talks to a Streamlit server started here on 127.0.0.1 and a free port, driven by
Playwright with Debian's chromium (no browser download). Every wait has a timeout, the load test
has a global one, and servers are stopped by their own process id, so this always ends by itself.
Each server's log goes to test-output/bench/server-<app>-<port>.log (ignored by git).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LOGS = ROOT / "test-output" / "bench"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-renderer-backgrounding",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
]
HOST = "127.0.0.1"  # never anything else
VIEWPORT = {"width": 1400, "height": 1000}

# The page is ready when the script has finished AND every visible plotly chart has drawn its SVG
# (the idle marker is already set before the first run starts, so it alone proves nothing).
READY_JS = """(minCharts) => {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const charts = [...document.querySelectorAll("[data-testid='stPlotlyChart']")]
    .filter(c => c.offsetParent !== null);
  return charts.length >= minCharts && charts.every(c => c.querySelector('.main-svg'));
}"""

# Records every change of the script state with the page's clock, so a rerun's latency is measured
# from the click to the state going back to notRunning, without polling gaps.
OBSERVE_JS = """() => {
  if (window.__bench) return;
  window.__bench = [];
  const app = document.querySelector("[data-testid='stApp']");
  new MutationObserver(() => window.__bench.push(
      [performance.now(), app.getAttribute('data-test-script-state')]))
    .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""

CLICK_JS = """(selector) => {
  const target = document.querySelector(selector);
  if (!target) return null;
  const t0 = performance.now();
  target.click();
  return t0;
}"""

DONE_JS = """(t0) => {
  const events = window.__bench.filter(e => e[0] >= t0);
  const started = events.findIndex(e => e[1] === 'running');
  if (started < 0) return null;
  const done = events.slice(started).find(e => e[1] === 'notRunning');
  return done ? done[0] - t0 : null;
}"""


def chromium_path() -> str | None:
    if os.path.isfile(CHROMIUM):
        return CHROMIUM
    return shutil.which("chromium")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float | None:
    """Resident set size of one process (Linux /proc), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


@dataclass
class Server:
    name: str
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    started: float  # perf_counter() just before the process was started
    healthy_s: float = 0.0

    def rss(self) -> float | None:
        return rss_mb(self.process.pid)

    def log_errors(self) -> list[str]:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return [line for line in text.splitlines() if "Traceback" in line or " ERROR " in line]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return bool(response.read().decode().strip() == "ok")
    except (urllib.error.URLError, OSError):
        return False


@contextlib.asynccontextmanager
async def server(
    name: str,
    script: Path,
    env: Mapping[str, str] | None = None,
    timeout: float = 60.0,
    port: int | None = None,
) -> AsyncIterator[Server]:
    """`python -m streamlit run SCRIPT` on 127.0.0.1 and `port` (a free one by default); stopped
    by its pid on exit."""
    port = port or free_port()
    LOGS.mkdir(parents=True, exist_ok=True)
    log = LOGS / f"server-{name}-{port}.log"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.address",
        HOST,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    started = time.perf_counter()
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
    srv = Server(name, f"http://{HOST}:{port}", process, log, started)
    try:
        deadline = time.monotonic() + timeout
        while not await asyncio.to_thread(_healthy, srv.url):
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {process.returncode}; see {log}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit not healthy after {timeout:.0f} s; see {log}")
            await asyncio.sleep(0.05)
        srv.healthy_s = time.perf_counter() - started
        yield srv
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


async def open_page(browser: Any, url: str, min_charts: int, timeout_ms: float = 120_000) -> Any:
    context = await browser.new_context(viewport=VIEWPORT)
    page = await context.new_page()
    await page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
    await page.wait_for_function(READY_JS, arg=min_charts, timeout=timeout_ms, polling=50)
    return page


async def cold_start(browser: Any, name: str, script: Path, min_charts: int) -> dict[str, float]:
    """Seconds from starting `streamlit run` to the first page idle with its charts drawn."""
    async with server(name, script) as srv:
        page = await open_page(browser, srv.url, min_charts)
        total = time.perf_counter() - srv.started
        charts = await page.evaluate(
            "[...document.querySelectorAll(\"[data-testid='stPlotlyChart']\")]"
            ".filter(c => c.querySelector('.main-svg')).length"
        )
        await page.context.close()
        return {"total_s": total, "healthy_s": srv.healthy_s, "charts_drawn": charts}


async def cold_starts(
    browser: Any, apps: Mapping[str, tuple[Path, int]], runs: int, deadline: float
) -> dict[str, Any]:
    """Interleaved (baseline, dashboard, baseline, ...) so drift hits both alike; medians."""
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in apps}
    for i in range(runs):
        if i > 0 and time.monotonic() > deadline:
            break
        for name, (script, min_charts) in apps.items():
            samples[name].append(await cold_start(browser, name, script, min_charts))
    out: dict[str, Any] = {}
    for name, runs_ in samples.items():
        out[name] = {
            "runs": len(runs_),
            "median_s": statistics.median(r["total_s"] for r in runs_),
            "healthy_median_s": statistics.median(r["healthy_s"] for r in runs_),
            "samples_s": [round(r["total_s"], 3) for r in runs_],
            "charts_drawn": runs_[-1]["charts_drawn"],
        }
    return out


async def _toggle_latencies(
    page: Any, selector: str, changes: int, timeout_s: float, latencies: list[float]
) -> None:
    """Click `selector` (an <input>, clicked from page script so the clock starts at the click)
    `changes` times, appending each rerun's latency in ms to `latencies` as it completes."""
    await page.evaluate(OBSERVE_JS)
    for _ in range(changes):
        t0 = await page.evaluate(CLICK_JS, selector)
        if t0 is None:
            raise RuntimeError(f"no element {selector!r} on the page")
        handle = await page.wait_for_function(DONE_JS, arg=t0, timeout=timeout_s * 1000, polling=20)
        latencies.append(float(await handle.json_value()))
        # Then let its charts finish drawing before the next click (a filter may leave none).
        await page.wait_for_function(READY_JS, arg=0, timeout=timeout_s * 1000, polling=50)


async def sessions_and_load(
    browser: Any,
    name: str,
    script: Path,
    *,
    sessions: int,
    changes: int,
    toggle: str,
    min_charts: int,
    timeout_s: float,
    settle_s: float = 3.0,
) -> dict[str, Any]:
    """Server RSS with 1 and with `sessions` open pages; then, with all of them connected, each page
    in turn applies `changes` filter changes: the latency one analyst sees while the room is
    connected (concurrent clicking is the WebSocket load test's job; 20 chromium pages redrawing
    at once on 2 cores would measure the client machine). Errors and RSS after. Bounded by timeout_s."""
    result: dict[str, Any] = {"sessions": sessions, "changes_per_session": changes}
    async with server(name, script) as srv:
        result["rss_idle_mb"] = srv.rss()
        pages = [await open_page(browser, srv.url, min_charts)]
        await asyncio.sleep(settle_s)
        result["rss_1_mb"] = srv.rss()
        opened = 1
        while opened < sessions:
            batch = min(5, sessions - opened)
            pages += await asyncio.gather(*(open_page(browser, srv.url, min_charts) for _ in range(batch)))
            opened += batch
        await asyncio.sleep(settle_s)
        result["rss_n_mb"] = srv.rss()
        errors: list[str] = []
        latencies: list[float] = []

        async def in_turn() -> None:
            for page in pages:
                try:
                    await _toggle_latencies(page, toggle, changes, timeout_s, latencies)
                except Exception as exc:  # a timeout or a vanished element is an error, not a crash
                    errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")

        started = time.perf_counter()
        if changes:
            try:
                await asyncio.wait_for(in_turn(), timeout=timeout_s)
            except TimeoutError:
                errors.append(f"page changes did not finish within {timeout_s:.0f} s")
        result["load_wall_s"] = time.perf_counter() - started
        latencies.sort()
        exceptions = 0
        for page in pages:
            exceptions += await page.locator("[data-testid='stException']").count()
        errors += [f"st.exception on a page ({exceptions})"] if exceptions else []
        server_errors = srv.log_errors()
        errors += [f"server log: {line[:200]}" for line in server_errors[:5]]
        result["rss_after_load_mb"] = srv.rss()
        result["reruns"] = len(latencies)
        result["expected_reruns"] = sessions * changes
        result["p50_ms"] = _percentile(latencies, 0.50)
        result["p95_ms"] = _percentile(latencies, 0.95)
        result["max_ms"] = latencies[-1] if latencies else None
        missing = sessions * changes - len(latencies)
        result["error_count"] = len(errors) + (missing if not errors else 0)
        result["errors"] = errors[:10]
        for page in pages:
            await page.context.close()
    return result


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


async def ws_load(
    script: Path, *, sessions: int, changes: int, timeout_s: float, settle_s: float = 3.0
) -> dict[str, Any]:
    """Memory and the load test, with WebSocket sessions on a fresh server (no browser running):
    server RSS idle, with 1 session, with `sessions`; then every session flips a filter `changes`
    times, all at once; latencies, errors, RSS after. Bounded by timeout_s."""
    from bench import wsload

    errors: list[str] = []
    latencies: list[float] = []
    result: dict[str, Any] = {"sessions": sessions, "changes_per_session": changes}
    async with server("dashboard-ws", script) as srv:
        result["rss_idle_mb"] = srv.rss()
        clients: list[wsload.Client] = []
        try:
            first = await wsload.connect(srv.url, timeout_s, errors)
            clients += [first] if first else []
            await asyncio.sleep(settle_s)
            result["rss_1_mb"] = srv.rss()
            more = await asyncio.gather(
                *(wsload.connect(srv.url, timeout_s, errors) for _ in range(sessions - 1))
            )
            clients += [c for c in more if c]
            await asyncio.sleep(settle_s)
            result["rss_n_mb"] = srv.rss()
            result["connected"] = len(clients)
            started = time.perf_counter()
            try:
                await asyncio.wait_for(
                    asyncio.gather(
                        *(wsload.changes(c, changes, timeout_s, latencies, errors) for c in clients)
                    ),
                    timeout=timeout_s,
                )
            except TimeoutError:
                errors.append(f"load test did not finish within {timeout_s:.0f} s")
            wall = time.perf_counter() - started
            result["rss_after_mb"] = srv.rss()
        finally:
            for client in clients:
                with contextlib.suppress(Exception):
                    await client.ws.close()
        server_errors = srv.log_errors()
        errors += [f"server log: {line[:200]}" for line in server_errors[:5]]
    result.update(wsload.summary(latencies, errors, sessions * changes, wall))
    return result


async def run_all(
    *,
    baseline: Path,
    dashboard: Path | None,
    cold_runs: int,
    browser_changes: int,
    browser_sessions: int,
    deadline: float,
    load_timeout_s: float,
) -> dict[str, Any]:
    """Cold starts (interleaved), then one page of each app changing a filter `browser_changes`
    times (the latency one analyst sees, rendering included)."""
    from playwright.async_api import async_playwright

    executable = chromium_path()
    out: dict[str, Any] = {}
    if executable is None:
        out["skipped"] = f"no chromium at {CHROMIUM} (apt-get install chromium)"
    else:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
            try:
                apps: dict[str, tuple[Path, int]] = {"baseline": (baseline, 1)}
                if dashboard is not None:
                    apps["dashboard"] = (dashboard, 1)
                out["cold_start"] = await cold_starts(browser, apps, cold_runs, deadline)
                if dashboard is not None and browser_sessions > 1 and time.monotonic() < deadline:
                    # Optional (slow on 2 cores): N real pages open for memory, then each in turn
                    # changes the filter once.
                    out["sessions_dashboard"] = await sessions_and_load(
                        browser,
                        "dashboard",
                        dashboard,
                        sessions=browser_sessions,
                        changes=1,
                        toggle=".st-key-battery_only input",
                        min_charts=1,
                        timeout_s=load_timeout_s,
                    )
                for name, (script, _) in apps.items() if browser_changes else ():
                    if time.monotonic() > deadline:
                        out[f"page_{name}"] = {"skipped": "out of time budget"}
                        continue
                    # One analyst: a page toggling the "battery-specific only" filter (both apps
                    # have it, same key), click to idle, charts redrawn before the next click.
                    out[f"page_{name}"] = await sessions_and_load(
                        browser,
                        name,
                        script,
                        sessions=1,
                        changes=browser_changes,
                        toggle=".st-key-battery_only input",
                        min_charts=1,
                        timeout_s=load_timeout_s,
                    )
            finally:
                await browser.close()
    return out
