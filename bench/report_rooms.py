"""The room, nginx and validate-command parts of the report: targets and Markdown tables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Add = Callable[[str, float | None, float, str, str], None]
# A summary that names a few rows and counts the rest stays under this, however many rows the file has.
SUMMARY_LIMIT_BYTES = 2_000


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _fmt(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def _throughput(phase: dict[str, Any]) -> float | None:
    return phase["reruns"] / phase["wall_s"] if phase.get("wall_s") else None


def _added(room: dict[str, Any]) -> float | None:
    n, one = room.get("rss_n_mb"), room.get("rss_1_mb")
    return n - one if n is not None and one is not None else None


def _pairs(rooms: dict[str, Any]) -> list[tuple[int, dict[str, Any], dict[str, Any]]]:
    sizes = sorted({v["sessions"] for v in rooms.values() if isinstance(v, dict) and "sessions" in v})
    return [(n, rooms.get(f"baseline_{n}", {}), rooms.get(f"dashboard_{n}", {})) for n in sizes]


def add_targets(results: dict[str, Any], add: Add) -> None:
    rooms = results.get("rooms", {})
    errors = 0
    ran = False
    for n, base, dash in _pairs(rooms):
        why = str(dash.get("skipped") or base.get("skipped") or "not run")
        for phase, label in (("flat", "flat out"), ("think", f"think time ~{rooms.get('think_s')} s")):
            b, d = base.get(phase, {}), dash.get(phase, {})
            ours, theirs = _throughput(d), _throughput(b)
            add(
                f"Room, {n} sessions × {d.get('expected_reruns', 0) // max(n, 1) or '?'} links, {label}: "
                "throughput ≥ 1.0× baseline",
                _ratio(theirs, ours),
                1.0,
                f"{_fmt(_ratio(ours, theirs), 2)}× ({_fmt(ours, 1)}/s vs {_fmt(theirs, 1)}/s)",
                why,
            )
            add(
                f"Room, {n} sessions, {label}: p95 ≤ 1.0× baseline",
                _ratio(d.get("p95_ms"), b.get("p95_ms")),
                1.0,
                f"{_fmt(_ratio(d.get('p95_ms'), b.get('p95_ms')), 2)}× "
                f"({_fmt(d.get('p95_ms'))} ms vs {_fmt(b.get('p95_ms'))} ms)",
                why,
            )
            if d:
                ran = True
                errors += d.get("error_count", 0)
        errors += dash.get("connect_error_count", 0)
    add("Room (every size and phase): 0 errors", errors if ran else None, 0, f"{errors} errors", "not run")
    two = results.get("nginx", {}).get("replicas_2", {})
    add(
        f"Through nginx, {two.get('sessions', '?')} sessions on 2 replicas: 0 errors",
        two.get("error_count"),
        0,
        f"{_fmt(two.get('error_count'))} errors, {two.get('reruns', 0)}/{two.get('expected_reruns', '?')} reruns",
        str(two.get("skipped") or results.get("nginx", {}).get("skipped") or "not run"),
    )
    replica = next((r for r in results.get("load_validate", []) if r["dataset"] == "replica-100000"), None)
    seconds = replica["median_s"] if replica else None
    add(
        "Load + validate the replica of the shipped rows at 100,000 rows < 1 s",
        seconds,
        1.0,
        f"{_fmt(seconds, 2)} s ({replica['rows']:,} rows)" if replica else "–",
        "replica at 100,000 rows not run (--quick writes 10,000)",
    )
    cli = results.get("validate_cli", {})
    shipped, copy = cli.get("shipped", {}), cli.get("replica", {})
    extra = (
        copy["median_s"] - shipped["median_s"] if copy.get("median_s") and shipped.get("median_s") else None
    )
    add(
        f"`python -m funding validate` on the replica ({copy.get('rows', '?'):,} rows) within 1 s of the shipped file",
        extra if copy.get("rows") and copy["rows"] >= 99_000 else None,
        1.0,
        f"+{_fmt(extra, 2)} s ({_fmt(copy.get('median_s'), 2)} s vs {_fmt(shipped.get('median_s'), 2)} s)",
        "replica at 100,000 rows not run",
    )
    add(
        f"`validate` summary bounded (≤ {SUMMARY_LIMIT_BYTES:,} bytes on the replica)",
        copy.get("stdout_bytes"),
        SUMMARY_LIMIT_BYTES,
        f"{_fmt(copy.get('stdout_bytes'))} bytes (shipped file: {_fmt(shipped.get('stdout_bytes'))})",
        "not run",
    )


def markdown(results: dict[str, Any]) -> list[str]:
    rooms = results.get("rooms", {})
    lines = [
        "",
        f"### Room: sessions moving through {rooms.get('urls', '?')} shared links (WebSocket, fresh server each)",
        "",
    ]
    if rooms.get("skipped"):
        lines.append(f"Skipped: {rooms['skipped']}")
    else:
        lines += [
            "| Sessions | Phase | Throughput baseline / dashboard | × | p95 baseline / dashboard | × "
            "| Errors | KB per rerun | Memory added by N−1 sessions |",
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for n, base, dash in _pairs(rooms):
            if base.get("skipped") or dash.get("skipped"):
                lines.append(f"| {n} | skipped: {base.get('skipped') or dash.get('skipped')} ||||||||")
                continue
            for phase in ("flat", "think"):
                b, d = base.get(phase, {}), dash.get(phase, {})
                label = "flat out" if phase == "flat" else f"think ~{d.get('think_s')} s"
                lines.append(
                    f"| {n} | {label} "
                    f"| {_fmt(_throughput(b), 1)} / {_fmt(_throughput(d), 1)} /s "
                    f"| {_fmt(_ratio(_throughput(d), _throughput(b)), 2)}× "
                    f"| {_fmt(b.get('p95_ms'))} / {_fmt(d.get('p95_ms'))} ms "
                    f"| {_fmt(_ratio(d.get('p95_ms'), b.get('p95_ms')), 2)}× "
                    f"| {b.get('error_count', '–')} / {d.get('error_count', '–')} "
                    f"| {_fmt(b.get('kb_per_rerun'), 1)} / {_fmt(d.get('kb_per_rerun'), 1)} "
                    f"| {_fmt(_added(base), 1)} / {_fmt(_added(dash), 1)} MB |"
                )
                lines += [f"|  | error: {e} ||||||||" for e in d.get("errors", [])[:3]]
            lines += [f"| {n} | connecting: {e} ||||||||" for e in dash.get("connect_errors", [])[:3]]
    lines += _nginx(results.get("nginx", {})) + _cli(results.get("validate_cli", {}))
    return lines


def _nginx(nginx: dict[str, Any]) -> list[str]:
    lines = ["", "### Through nginx (`scripts/serve`): the same sessions on 1 and 2 replicas", ""]
    if nginx.get("skipped"):
        return [*lines, f"Skipped: {nginx['skipped']}"]
    one = _throughput(nginx.get("replicas_1", {}))
    lines += [
        "| Replicas | Sessions × links | Reruns | Wall | Throughput | × 1 replica | p50 | p95 | Errors "
        "| Sessions per replica | Replicas' RSS |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for key in ("replicas_1", "replicas_2"):
        r = nginx.get(key, {})
        if r.get("skipped") or not r:
            lines.append(f"| {key[-1]} | skipped: {r.get('skipped', 'not run')} ||||||||||")
            continue
        lines.append(
            f"| {r['replicas']} | {r['sessions']} × {r['urls_per_session']} | {r['reruns']}/{r['expected_reruns']} "
            f"| {r['wall_s']:.1f} s | {_fmt(_throughput(r), 1)}/s | {_fmt(_ratio(_throughput(r), one), 2)}× "
            f"| {_fmt(r['p50_ms'])} ms | {_fmt(r['p95_ms'])} ms | {r['error_count']} "
            f"| {', '.join(map(str, r.get('sessions_per_replica', [])))} | {_fmt(r.get('rss_replicas_mb'))} MB |"
        )
        lines += [f"|  | error: {e} ||||||||||" for e in r.get("errors", [])[:3]]
    return lines


def _cli(cli: dict[str, Any]) -> list[str]:
    lines = ["", "### `python -m funding validate` (a process per run, imports included)", ""]
    lines += ["| File | Rows | Runs | Median | Exit | Output |", "|---|---:|---:|---:|---:|---:|"]
    for name, r in cli.items():
        lines.append(
            f"| {name} | {_fmt(r.get('rows'))} | {r['runs']} | {r['median_s']:.2f} s | {r['exit']} "
            f"| {r['stdout_bytes']:,} bytes |"
        )
    return lines
