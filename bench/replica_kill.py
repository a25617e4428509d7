"""One of two replicas behind nginx killed mid-load: only its sessions are affected, and they
reconnect through nginx to the survivor with their URL state.

Each reader is pinned to a replica the way a browser is: its first request (`GET /?session=i`,
no cookie) gets nginx's route cookie, the access log says which replica served it, and every
later request with that cookie (the WebSocket included) goes to the same one. Each opens its own
link (`LINKS`, e.g. `?level=NL&view=breakdowns`) and reruns it with a short pause until told to
stop. Once every reader has run twice, the replica serving reader 0 is sent SIGKILL (found by
its port among `scripts/serve`'s children). A reader whose socket drops reconnects at once, as
Streamlit's page does: a new session through nginx, with the same cookie, whose first run opens
the URL it was on; that replica is gone, so nginx passes the connection on to the survivor.
Served "with its URL state" means the same "Selection:" line and the same charts as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import wsload
from bench.session import Session, open_session, problem

LINKS = (
    "level=NL&view=breakdowns",
    "view=timeline&level=EU",
    "lang=nl&view=structure",
    "kind=guarantee",
    "view=instruments&level=NL&lang=nl",
    "battery_only=true&view=breakdowns",
)
PAUSE_S = 0.5  # between a reader's reruns


@dataclass
class Reader:
    """One browser tab: its route cookie, the replica that served its page, and how it fared."""

    index: int
    cookie: str
    replica: str
    link: str
    session: Session | None = None
    before: wsload.Run | None = None  # its page before the kill
    after: wsload.Run | None = None  # its page's first run after reconnecting
    runs: int = 0
    dropped: bool = False
    reconnect_s: float | None = None
    errors: list[str] = field(default_factory=list)


def upstreams(log: Path, request: str) -> list[str]:
    """The replica address(es) nginx logged for a request line ('GET /?session=3')."""
    text = log.read_text() if log.exists() else ""
    return re.findall(rf'"{re.escape(request)} HTTP/1\.1" \d+ .* upstream=(.+)$', text, re.M)


def replica_pid(parent: int, port: str) -> int | None:
    """The Streamlit child of `scripts/serve` (pid `parent`) serving `port`, from /proc."""
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError, ValueError, IndexError):
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            if ppid == parent and b"streamlit" in argv and port.encode() in argv:
                return int(entry.name)
    return None


async def until(check: Callable[[], Any], what: str, timeout_s: float) -> Any:
    """Poll `check()` until it returns something truthy; TimeoutError naming `what` if not."""
    deadline = time.monotonic() + timeout_s
    while not (value := check()):
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.1)  # poll interval
    return value


async def pin(url: str, log: Path, index: int, timeout_s: float) -> tuple[str, str]:
    """A browser's first request: the route cookie nginx sets and the replica that served it."""

    def first() -> str:
        with urllib.request.urlopen(f"{url}/?session={index}", timeout=timeout_s) as response:
            return str(response.headers["Set-Cookie"]).split(";", 1)[0]

    cookie = await asyncio.to_thread(first)
    (replica,) = await until(lambda: upstreams(log, f"GET /?session={index}"), "the access log", timeout_s)
    return cookie, replica


async def read(reader: Reader, url: str, stop: asyncio.Event, timeout_s: float) -> None:
    """Rerun the reader's link until `stop`; on a dropped socket, reconnect with the same cookie
    and URL (once: a second drop is an error)."""
    while not stop.is_set():
        assert reader.session is not None
        try:
            run = await reader.session.run(reader.session.query)
        except Exception as exc:
            if reader.dropped or not _dropped(exc):
                reader.errors.append(problem(exc))
                return
            reader.dropped = True
            started = time.monotonic()
            try:
                reader.session = await open_session(
                    url,
                    timeout_s,
                    query=reader.session.query,
                    cookie=reader.cookie,
                    tag=f"session={reader.index}&reconnect=1",
                )
            except Exception as again:
                reader.errors.append(f"reconnect: {problem(again)}")
                return
            reader.reconnect_s = time.monotonic() - started
            reader.after = run = reader.session.last  # type: ignore[assignment]
        reader.errors += run.problems
        reader.runs += 1
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), PAUSE_S)


def _dropped(exc: Exception) -> bool:
    from websockets.exceptions import ConnectionClosed

    return isinstance(exc, ConnectionClosed)


async def kill_mid_load(
    url: str, serve_pid: int, log: Path, *, sessions: int, timeout_s: float
) -> tuple[list[Reader], str]:
    """Readers pinned and loaded, the replica of reader 0 killed; the readers and its address.
    Returns once every reader of the killed replica has reconnected and run again (or failed)."""
    readers: list[Reader] = []
    while len(readers) < sessions or len({r.replica for r in readers}) < 2:
        if len(readers) >= sessions + 16:  # both land on one replica 2 in 65,536 times
            raise RuntimeError("every reader reached one replica")
        i = len(readers)
        cookie, replica = await pin(url, log, i, timeout_s)
        readers.append(Reader(i, cookie, replica, LINKS[i % len(LINKS)]))
    for reader in readers:
        reader.session = await open_session(
            url, timeout_s, query=reader.link, cookie=reader.cookie, tag=f"session={reader.index}"
        )
        reader.before = reader.session.last
    stop = asyncio.Event()
    tasks = [asyncio.create_task(read(r, url, stop, timeout_s)) for r in readers]
    try:
        await until(lambda: all(r.runs >= 2 or r.errors for r in readers), "two runs per reader", timeout_s)
        victim = readers[0].replica
        pid = replica_pid(serve_pid, victim.rsplit(":", 1)[1])
        if pid is None:
            raise RuntimeError(f"no replica process on {victim}")
        os.kill(pid, signal.SIGKILL)
        on_victim = [r for r in readers if r.replica == victim]
        await until(
            lambda: all(r.errors or (r.after is not None and r.runs >= 4) for r in on_victim),
            "the killed replica's readers to reconnect and run again",
            timeout_s,
        )
    finally:
        stop.set()
        await asyncio.gather(*tasks)
        for reader in readers:
            if reader.session is not None:
                with contextlib.suppress(Exception):
                    await reader.session.ws.close()
    return readers, victim


def same_page(reader: Reader) -> bool:
    """The reconnected page shows what the reader's page showed before: its URL state."""
    before, after = reader.before, reader.after
    return bool(
        before
        and after
        and before.selection
        and after.selection == before.selection
        and after.charts == before.charts
    )


async def measure(*, sessions: int, timeout_s: float) -> dict[str, Any]:
    """The bench's part: `scripts/serve --replicas 2`, `sessions` readers, one replica killed."""
    from bench.rooms import _serve
    from deploy.serve import find_nginx

    if find_nginx() is None:
        return {"skipped": "no nginx (apt-get install nginx)"}
    with tempfile.TemporaryDirectory(prefix="bench-kill-") as tmp:
        log = Path(tmp) / "access.log"
        try:
            async with _serve(2, Path(tmp), 180) as (url, process):
                readers, victim = await kill_mid_load(
                    url, process.pid, log, sessions=sessions, timeout_s=timeout_s
                )
                await until(
                    lambda: len(upstreams(log, "GET /_stcore/stream?session=0&reconnect=1")), "the log", 30
                )
        except Exception as exc:  # a failed start must not lose the soak's result
            return {"skipped": problem(exc)}
        again = {
            r.index: upstreams(log, f"GET /_stcore/stream?session={r.index}&reconnect=1") for r in readers
        }
    hit = [r for r in readers if r.replica == victim]
    spared = [r for r in readers if r.replica != victim]
    times = sorted(r.reconnect_s for r in hit if r.reconnect_s is not None)
    return {
        "sessions": len(readers),
        "on_killed_replica": len(hit),
        "affected": sum(r.dropped for r in readers),
        "affected_on_survivor": sum(r.dropped for r in spared),
        "reconnected": sum(r.after is not None for r in hit),
        "same_url_state": sum(same_page(r) for r in hit),
        # nginx logs every replica it tried ("dead, survivor"): the last one served.
        "reconnected_to_survivor": sum(
            bool(again[r.index]) and again[r.index][-1].split(", ")[-1] != victim for r in hit
        ),
        "reconnect_max_s": times[-1] if times else None,
        "errors_on_survivor": [e for r in spared for e in r.errors][:10],
        "errors_after_reconnect": [e for r in hit for e in r.errors][:10],
    }


def markdown(result: dict[str, Any]) -> list[str]:
    if "skipped" in result:
        return [f"Replica kill: skipped ({result['skipped']})."]
    r = result
    return [
        f"Replica kill (`scripts/serve --replicas 2`, {r['sessions']} sessions, one replica SIGKILLed "
        f"mid-load): {r['affected']} sessions affected, {r['on_killed_replica']} were on it "
        f"({r['affected_on_survivor']} on the survivor); {r['reconnected']}/{r['on_killed_replica']} "
        f"reconnected ({r['reconnected_to_survivor']} to the survivor, slowest "
        f"{r['reconnect_max_s'] or 0:.1f} s), {r['same_url_state']} with the same Selection line and "
        f"charts as before; **errors on the survivor: {len(r['errors_on_survivor'])}** (target 0), "
        f"after reconnecting: {len(r['errors_after_reconnect'])}.",
        *(f"- error: {e}" for e in r["errors_on_survivor"] + r["errors_after_reconnect"]),
    ]
