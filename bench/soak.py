"""The soak: many readers for a long time on one server, then the load stops. Errors must be 0
and the server's memory must come back down: a leak shows as memory that keeps what the load
added.

`python -m bench --soak` (or `python -m bench.soak`): 50 WebSocket sessions for 10 minutes
(`--quick`: 20 for 1 minute), each taking a step after a pause around `--think-s`: most steps
open the next of a briefing's links (bench/rooms.py `URLS`), and in every ten steps one edits a
cell in the Edit view (the page keeps a draft on the server), two download the page's deck,
workbook or CSV (built on request, as on a click) and one uploads a CSV in the Data view
(bench/session.py). Server RSS is sampled every second: at the start (idle), after the
warm-up, its peak, and at the end, once the load has stopped, the sessions have closed and
Streamlit has dropped them (their reconnection time is set to `TTL_S` here, 120 s by default),
then after clearing the caches and after the allocators gave free memory back. Beside it, what
the server holds (bench/server_stats.py, bench/soak_memory.py): the page's caches are bounded by
entries (app/cached.py) but at this pace are still filling after ten minutes, so RSS alone cannot
show a leak. The warm-up is the first half of the load; p95 is over the steps after it. A step the server answers wrongly (an exception on the page, a refused download) is an
error and the session goes on; a dropped socket or a timeout is an error that ends it. Then, unless
`--no-replica-kill`, one of two replicas behind nginx is killed mid-load
(bench/replica_kill.py). Writes bench/results/soak.json and soak.md (`--quick`: soak-quick.*).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import replica_kill, rooms, server_stats, soak_memory, synth
from bench.browser import ROOT, Server, server
from bench.session import Refused, Session, open_session, problem

RESULTS = ROOT / "bench" / "results"
# In every ten steps: six links, an edit, two downloads and an upload (each session starts at
# its own place in the plan).
PLAN = ("link", "link", "edit", "link", "download", "link", "upload", "link", "link", "download")
DOWNLOADS = ("download_pptx", "download_xlsx", "download_csv")
UPLOADS = 4  # distinct CSVs uploaded (synthetic, 300 rows each): the page parses each anew
TTL_S = 10  # server.disconnectedSessionTTL: how long a closed session is kept for a reconnect


@dataclass
class Load:
    """Every step as it went: when (s from the load's start), what, how long (ms)."""

    steps: list[tuple[float, str, float]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    downloaded: int = 0


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench --soak", description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50, help="sessions at once (default 50)")
    parser.add_argument("--duration-s", type=float, default=600, help="seconds of load (default 600)")
    parser.add_argument("--think-s", type=float, default=20.0, help="mean pause between steps (default 20)")
    parser.add_argument("--port", type=int, help="the server's port (default: a free one)")
    parser.add_argument("--no-replica-kill", action="store_true", help="skip the replica kill")
    parser.add_argument(
        "--trace", type=Path, help="run the server under tracemalloc, allocation sites into this folder"
    )
    parser.add_argument("--quick", action="store_true", help="20 sessions for 60 s")
    parser.add_argument("--out", type=Path, help="JSON result (default bench/results/soak.json)")
    args = parser.parse_args(argv)
    if args.quick:
        args.sessions, args.duration_s, args.think_s = 20, 60.0, 8.0
    args.out = args.out or RESULTS / ("soak-quick.json" if args.quick else "soak.json")
    return args


def upload_files(folder: Path) -> list[bytes]:
    return [synth.write(folder / f"up-{i}.csv", 300, seed=10 + i).read_bytes() for i in range(UPLOADS)]


async def step(session: Session, kind: str, number: int, links: list[str], uploads: list[bytes]) -> None:
    """One reader's step; a problem the page shows (an exception element) raises."""
    if kind == "edit":
        run = await session.edit(f"soak edit {number}")
    elif kind == "upload":
        run = await session.upload(f"soak-{number % len(uploads)}.csv", uploads[number % len(uploads)])
    elif kind == "download":
        if session.last is None or not session.last.downloads:  # e.g. presentation mode
            await session.run("view=instruments")
        offered = session.last.downloads if session.last else {}
        key = DOWNLOADS[number % len(DOWNLOADS)]
        await session.download(key if key in offered else next(iter(offered), key))
        return
    else:
        run = await session.run(links[number % len(links)])
    if run.problems:
        raise Refused("; ".join(run.problems))


async def reader(
    index: int, session: Session, until: float, think_s: float, load: Load, uploads: list[bytes], t0: float
) -> None:
    """Steps until `until`. A step answered wrongly is an error and the reader goes on, as a
    reader tries again; any other failure is an error that ends it (its socket may be broken or
    mid-message), as a broken tab would."""
    pauses = random.Random(index)
    links = rooms.route(index, len(rooms.URLS))
    number = 0
    while True:
        pause = think_s * pauses.uniform(0.5, 1.5)
        if time.monotonic() + pause >= until:
            return
        await asyncio.sleep(pause)
        kind = PLAN[(index + number) % len(PLAN)]
        started = time.perf_counter()
        number += 1
        try:
            await step(session, kind, number - 1, links, uploads)
        except Refused as exc:
            load.errors.append(f"session {index} {kind}: {problem(exc)}")
            continue
        except Exception as exc:  # an error of the run, counted, never a crash of the bench
            load.errors.append(f"session {index} {kind}: {problem(exc)}")
            return
        load.steps.append((time.monotonic() - t0, kind, (time.perf_counter() - started) * 1000))


async def sample_rss(srv: Server, samples: list[tuple[float, float]], t0: float, stop: asyncio.Event) -> None:
    while not stop.is_set():
        rss = srv.rss()
        if rss is not None:
            samples.append((time.monotonic() - t0, rss))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 1.0)


async def clear_caches(base: str, timeout_s: float) -> None:
    """Clear every `st.cache_data` and `st.cache_resource` (the page menu's "Clear cache")."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    session = await open_session(base, timeout_s)
    message = BackMsg()
    message.clear_cache = True
    await session.ws.send(message.SerializeToString())
    await session.run("")  # answered after the clearing: messages are handled in order
    await session.ws.close()


async def open_all(base: str, count: int, timeout_s: float, errors: list[str]) -> list[Session]:
    """In batches of 10, as a room arrives; each opens its first link."""
    sessions: list[Session] = []
    while len(sessions) < count and len(errors) < 10:
        batch = range(len(sessions), min(count, len(sessions) + 10))
        made = await asyncio.gather(
            *(open_session(base, timeout_s, query=rooms.route(i, 1)[0]) for i in batch),
            return_exceptions=True,
        )
        sessions += [m for m in made if isinstance(m, Session)]
        errors += [f"open: {problem(m)}" for m in made if isinstance(m, BaseException)]
    return sessions


async def soak(
    *,
    sessions: int,
    duration_s: float,
    think_s: float,
    timeout_s: float,
    port: int | None,
    trace: Path | None = None,
) -> dict[str, Any]:
    load, stop = Load(), asyncio.Event()
    samples: list[tuple[float, float]] = []
    result: dict[str, Any] = {"sessions": sessions, "duration_s": duration_s, "think_s": think_s}
    with tempfile.TemporaryDirectory(prefix="bench-soak-") as tmp:
        uploads = upload_files(Path(tmp))
        drafts = Path(tmp) / "drafts"
        # bench/dashboard_app.py runs dashboard.py and counts what the server holds (server_stats)
        counts = trace.resolve() if trace is not None else Path(tmp) / "stats"
        env = {
            "FUNDING_DRAFTS_DIR": str(drafts),
            "STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(TTL_S),
            "BENCH_STATS": str(counts),
        }
        if trace is not None:  # and the allocation sites, under tracemalloc
            env["PYTHONTRACEMALLOC"] = "1"
        async with server("soak", ROOT / "bench" / "dashboard_app.py", env, timeout=120, port=port) as srv:
            t0, t0_wall = time.monotonic(), time.time()
            sampler = asyncio.create_task(sample_rss(srv, samples, t0, stop))
            await asyncio.sleep(1.5)  # two idle samples before the first session
            opened = await open_all(srv.url, sessions, timeout_s, load.errors)
            result["connected"], result["load_start_s"] = len(opened), time.monotonic() - t0
            until = time.monotonic() + duration_s
            try:
                await asyncio.wait_for(
                    asyncio.gather(
                        *(reader(i, s, until, think_s, load, uploads, t0) for i, s in enumerate(opened))
                    ),
                    timeout=duration_s + timeout_s * 2,
                )
            except TimeoutError:
                load.errors.append(f"the readers did not stop within {timeout_s * 2:.0f} s of the end")
            result["load_end_s"] = time.monotonic() - t0
            for session in opened:
                with contextlib.suppress(Exception):
                    await session.ws.close()
            # Closed sessions are kept TTL_S for a reconnect, then dropped; then 10 s of samples.
            await asyncio.sleep(TTL_S + 15)
            result["stopped_s"] = time.monotonic() - t0
            try:
                await clear_caches(srv.url, timeout_s)  # what the caches held, for a leak
            except Exception as exc:  # the soak's own result stands without it
                load.errors.append(f"clear cache: {problem(exc)}")
            await asyncio.sleep(TTL_S + 15)
            result["cleared_s"] = time.monotonic() - t0
            (counts / "give-back").touch()  # what RSS keeps after this is memory in use
            await asyncio.sleep(15)
            stop.set()
            await sampler
            load.errors += [f"server log: {line[:200]}" for line in srv.log_errors()[:5]]
        result["drafts_kept"] = len(list(drafts.glob("*.json"))) if drafts.exists() else 0
        stats = server_stats.read(counts)
    warmup_end = result["load_start_s"] + duration_s / 2
    result.update(summary(load, warmup_end))
    bounds = result["load_start_s"], result["load_end_s"]
    result["rss"] = soak_memory.memory(samples, warmup_end, *bounds, result["stopped_s"], result["cleared_s"])
    result["held"] = soak_memory.inside(stats, samples, t0_wall, bounds)
    return result


def summary(load: Load, warmup_end: float) -> dict[str, Any]:
    def pct(values: list[float], q: float) -> float | None:
        values = sorted(values)
        return values[min(len(values) - 1, round(q * (len(values) - 1)))] if values else None

    steady = [(kind, ms) for at, kind, ms in load.steps if at >= warmup_end]
    kinds = sorted({kind for kind, _ in steady})
    per_kind = {
        kind: {
            "steps": len(values := [ms for k, ms in steady if k == kind]),
            "p50_ms": pct(values, 0.5),
            "p95_ms": pct(values, 0.95),
            "max_ms": max(values),
        }
        for kind in kinds
    }
    times = [ms for _, ms in steady]
    return {
        "steps": len(load.steps),
        "steps_by_kind": {kind: sum(1 for _, k, _ in load.steps if k == kind) for kind in sorted(set(PLAN))},
        "steps_after_warmup": len(steady),
        "p50_ms": pct(times, 0.5),
        "p95_ms": pct(times, 0.95),
        "max_ms": max(times, default=None),
        "per_kind": per_kind,
        "error_count": len(load.errors),
        "errors_by_kind": {
            kind: sum(1 for e in load.errors if e.split(":", 1)[0].endswith(f" {kind}"))
            for kind in sorted(set(PLAN))
        },
        "errors": load.errors[:10],
    }


def markdown(results: dict[str, Any]) -> str:
    lines = [f"# Soak ({results['meta']['date']}, commit {results['meta']['commit']})", ""]
    s = results["soak"]
    if "skipped" in s:
        lines.append(f"Soak skipped: {s['skipped']}")
    else:
        lines += [
            f"{s['connected']}/{s['sessions']} sessions for {s['duration_s']:.0f} s, a step every "
            f"~{s['think_s']:g} s each (links, edits with a draft, downloads, uploads): {s['steps']} steps, "
            f"**{s['error_count']} errors** (target 0; by step {s['errors_by_kind']}), p50 {_ms(s['p50_ms'])}, **p95 {_ms(s['p95_ms'])}**, "
            f"max {_ms(s['max_ms'])} after the warm-up (the first half). Drafts kept on the server: "
            f"{s['drafts_kept']}.",
            "",
            "| Step | n | p50 | p95 | max |",
            "|---|---|---|---|---|",
            *(
                f"| {k} | {v['steps']} | {_ms(v['p50_ms'])} | {_ms(v['p95_ms'])} | {_ms(v['max_ms'])} |"
                for k, v in s["per_kind"].items()
            ),
            "",
            *soak_memory.markdown(s["rss"], s.get("held")),
        ]
        lines += [f"- error: {e}" for e in s["errors"]]
    lines += ["", *replica_kill.markdown(results.get("replica_kill", {"skipped": "not run"}))]
    return "\n".join(lines)


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f} ms"


def main(argv: list[str] | None = None) -> int:
    from bench.__main__ import machine

    args = parse_args(sys.argv[1:] if argv is None else argv)
    results: dict[str, Any] = {"meta": machine()}
    print(f"[soak] {args.sessions} sessions for {args.duration_s:.0f} s", file=sys.stderr, flush=True)
    results["soak"] = asyncio.run(
        soak(
            sessions=args.sessions,
            duration_s=args.duration_s,
            think_s=args.think_s,
            timeout_s=120,
            port=args.port,
            trace=args.trace,
        )
    )
    if not args.no_replica_kill:
        print("[soak] replica kill behind nginx", file=sys.stderr, flush=True)
        results["replica_kill"] = asyncio.run(
            replica_kill.measure(sessions=10 if args.quick else 20, timeout_s=120)
        )
    text = markdown(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    args.out.with_suffix(".md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0 if results["soak"].get("error_count", 1) == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
