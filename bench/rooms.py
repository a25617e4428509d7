"""A room following a briefing: WebSocket sessions moving through shared links, and the same
through nginx with one and with two replicas (`scripts/serve`).

The checkbox load test (bench/browser.py `ws_load`) flips one filter, so after two flips every
rerun is a cache hit. Here each session moves through `URLS`, the links a briefing hands out
(filters, `lang=nl`, the views, presentation mode), starting at its own place in the list, so
the first visitor of a link draws it and later ones may find it cached: as in a room. Flat out
(each link as soon as the last one is drawn) and with think time (a pause around `think_s`).
Each server is fresh and started here; every wait has a timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from app.briefing import BRIEFING_LINKS
from bench import wsload
from bench.browser import LOGS, ROOT, _healthy, free_port, rss_mb, server

# The links of a briefing, as query strings: the page's own list (its background makes them).
URLS = BRIEFING_LINKS


def links_per_session(sessions: int, urls: int) -> int:
    """`urls` if given, else 100 links per phase for the whole room: 20 sessions × 5, 50 × 2,
    100 × 1 (each also opens the page first), so a full run fits in 10 minutes on 2 cores."""
    return urls if urls > 0 else max(1, 100 // max(sessions, 1))


def route(session: int, count: int) -> list[str]:
    """The links one session opens: `count` of them from its own start, round the list."""
    start = session * 7 % len(URLS)
    return [URLS[(start + step) % len(URLS)] for step in range(count)]


class Tally:
    """Latencies and bytes of the runs of one phase."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.received: list[int] = []
        self.errors: list[str] = []

    def record(self, run: wsload.Run) -> None:
        self.latencies.append(run.seconds * 1000)
        self.received.append(run.received_bytes)

    def summary(self, expected: int, wall_s: float) -> dict[str, Any]:
        out = wsload.summary(self.latencies, self.errors, expected, wall_s)
        out["kb_per_rerun"] = sum(self.received) / len(self.received) / 1000 if self.received else None
        return out


async def _walk_all(
    clients: list[wsload.Client], urls: int, think_s: float, timeout_s: float, offset: int
) -> dict[str, Any]:
    tally = Tally()
    started = time.perf_counter()
    try:
        await asyncio.wait_for(
            asyncio.gather(
                *(
                    wsload.walk(c, route(i + offset, urls), timeout_s, think_s, i, tally.record, tally.errors)
                    for i, c in enumerate(clients)
                )
            ),
            # Bounded: every run serialised at half a second, plus the longest pauses.
            timeout=timeout_s + len(clients) * urls * 0.5 + urls * think_s * 1.5,
        )
    except TimeoutError:
        tally.errors.append(f"walk did not finish within {timeout_s:.0f} s")
    result = tally.summary(len(clients) * urls, time.perf_counter() - started)
    result["think_s"] = think_s
    return result


async def _connect_all(url: str, sessions: int, timeout_s: float, errors: list[str]) -> list[wsload.Client]:
    """Sessions in batches of 10, as a room arrives (100 first runs at once would time out)."""
    clients: list[wsload.Client] = []
    while len(clients) < sessions and len(errors) < 10:
        batch = min(10, sessions - len(clients))
        made = await asyncio.gather(*(wsload.connect(url, timeout_s, errors) for _ in range(batch)))
        clients += [c for c in made if c]
    return clients


async def room(
    script: Path, *, sessions: int, urls: int, think_s: float, timeout_s: float, settle_s: float = 2.0
) -> dict[str, Any]:
    """On a fresh server: RSS with 1 and with `sessions` sessions, then every session walks `urls`
    links flat out, then another `urls` with think time (from a later place in its route)."""
    result: dict[str, Any] = {"sessions": sessions, "urls_per_session": urls}
    errors: list[str] = []
    async with server(f"room-{script.stem}", script) as srv:
        result["rss_idle_mb"] = srv.rss()
        clients = await _connect_all(srv.url, 1, timeout_s, errors)
        try:
            await asyncio.sleep(settle_s)
            result["rss_1_mb"] = srv.rss()
            clients += await _connect_all(srv.url, sessions - 1, timeout_s, errors)
            await asyncio.sleep(settle_s)
            result["rss_n_mb"] = srv.rss()
            result["connected"] = len(clients)
            result["flat"] = await _walk_all(clients, urls, 0.0, timeout_s, 0)
            if think_s > 0:
                result["think"] = await _walk_all(clients, urls, think_s, timeout_s, 3)
            result["rss_after_mb"] = srv.rss()
        finally:
            for client in clients:
                with contextlib.suppress(Exception):
                    await client.ws.close()
        errors += [f"server log: {line[:200]}" for line in srv.log_errors()[:5]]
    result["connect_errors"] = errors[:10]  # sessions that did not open, and server tracebacks
    result["connect_error_count"] = len(errors)
    return result


async def rooms(
    apps: dict[str, Path],
    *,
    levels: list[int],
    urls: int,
    think_s: float,
    timeout_s: float,
    deadline: float,
    settle_s: float = 2.0,
) -> dict[str, Any]:
    """Each room size on each app, the app order alternating per size so drift hits both."""
    out: dict[str, Any] = {}
    for k, sessions in enumerate(levels):
        names = list(apps) if k % 2 == 0 else list(reversed(apps))
        for name in names:
            key = f"{name}_{sessions}"
            if time.monotonic() > deadline:
                out[key] = {"skipped": "out of time budget", "sessions": sessions}
                continue
            try:
                out[key] = await room(
                    apps[name],
                    sessions=sessions,
                    urls=links_per_session(sessions, urls),
                    think_s=think_s,
                    timeout_s=timeout_s,
                    settle_s=settle_s,
                )
            except Exception as exc:  # one failed room must not lose the rest of the run
                out[key] = {"skipped": f"{type(exc).__name__}: {str(exc)[:200]}", "sessions": sessions}
    return out


# ---------------------------------------------------------------------------------------------
# Through nginx: `python -m deploy.serve --replicas N` on a free port


@contextlib.asynccontextmanager
async def _serve(replicas: int, run_dir: Path, timeout_s: float) -> Any:
    port = free_port()
    LOGS.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "deploy.serve", "--replicas", str(replicas), "--port", str(port)]
    with (LOGS / f"serve-{replicas}-{port}.log").open("wb") as out:
        process = subprocess.Popen(
            [*command, "--run-dir", str(run_dir), "--timeout", str(timeout_s)],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout_s
        while not await asyncio.to_thread(_healthy, url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"scripts/serve not healthy (exit {process.poll()}); see {LOGS}")
            await asyncio.sleep(0.2)
        yield url, process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _replica_rss(serve_pid: int) -> float | None:
    """Summed RSS of the Streamlit children of `scripts/serve` (found through /proc, by parent)."""
    total, found = 0.0, False
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = (entry / "stat").read_text()
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            if parent == serve_pid and b"streamlit" in (entry / "cmdline").read_bytes():
                total += rss_mb(int(entry.name)) or 0.0
                found = True
    return total if found else None


def _sessions_per_replica(log: Path) -> dict[str, int]:
    text = log.read_text() if log.exists() else ""
    counts: dict[str, int] = {}
    for upstream in re.findall(r'"GET /_stcore/stream HTTP/1\.1" 101 .* upstream=(\S+)', text):
        counts[upstream] = counts.get(upstream, 0) + 1
    return counts


async def through_nginx(*, replicas: int, sessions: int, urls: int, timeout_s: float) -> dict[str, Any]:
    """`sessions` WebSocket sessions through nginx onto `replicas` processes, each walking `urls`
    links flat out; which replica each session reached, from nginx's access log."""
    result: dict[str, Any] = {"replicas": replicas, "sessions": sessions, "urls_per_session": urls}
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        run_dir = Path(tmp)
        async with _serve(replicas, run_dir, 180) as (url, process):
            clients = await _connect_all(url, sessions, timeout_s, errors)
            try:
                result["connected"] = len(clients)
                result["rss_replicas_mb"] = _replica_rss(process.pid)
                result.update(await _walk_all(clients, urls, 0.0, timeout_s, 0))
            finally:
                for client in clients:
                    with contextlib.suppress(Exception):
                        await client.ws.close()
        result["sessions_per_replica"] = sorted(_sessions_per_replica(run_dir / "access.log").values())
    result["error_count"] += len(errors)
    result["errors"] = (errors + result["errors"])[:10]
    return result


async def nginx_pair(*, sessions: int, urls: int, timeout_s: float, deadline: float) -> dict[str, Any]:
    """One replica, then two, same load; nginx missing or time out: reported as skipped."""
    from deploy.serve import find_nginx

    if find_nginx() is None:
        return {"skipped": "no nginx (apt-get install nginx)"}
    out: dict[str, Any] = {}
    for replicas in (1, 2):
        if time.monotonic() > deadline:
            out[f"replicas_{replicas}"] = {"skipped": "out of time budget"}
            continue
        try:
            out[f"replicas_{replicas}"] = await through_nginx(
                replicas=replicas, sessions=sessions, urls=urls, timeout_s=timeout_s
            )
        except Exception as exc:  # a failed start must not lose the rest of the run
            out[f"replicas_{replicas}"] = {"skipped": f"{type(exc).__name__}: {str(exc)[:200]}"}
    return out
