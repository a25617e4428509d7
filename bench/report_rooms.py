"""The room, nginx and validate-command parts of the report: Markdown tables and their helpers."""

from __future__ import annotations

from typing import Any

# A summary that names a few rows and counts the rest stays under this, however many rows the file has.
SUMMARY_LIMIT_BYTES = 2_000


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _fmt(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def throughput(phase: dict[str, Any]) -> float | None:
    return phase["reruns"] / phase["wall_s"] if phase.get("wall_s") else None


def added(room: dict[str, Any]) -> float | None:
    n, one = room.get("rss_n_mb"), room.get("rss_1_mb")
    return n - one if n is not None and one is not None else None


def pairs(rooms: dict[str, Any]) -> list[tuple[int, dict[str, Any], dict[str, Any]]]:
    sizes = sorted({v["sessions"] for v in rooms.values() if isinstance(v, dict) and "sessions" in v})
    return [(n, rooms.get(f"baseline_{n}", {}), rooms.get(f"dashboard_{n}", {})) for n in sizes]


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
        for n, base, dash in pairs(rooms):
            if base.get("skipped") or dash.get("skipped"):
                lines.append(f"| {n} | skipped: {base.get('skipped') or dash.get('skipped')} ||||||||")
                continue
            for phase in ("flat", "think"):
                b, d = base.get(phase, {}), dash.get(phase, {})
                label = "flat out" if phase == "flat" else f"think ~{d.get('think_s')} s"
                lines.append(
                    f"| {n} | {label} "
                    f"| {_fmt(throughput(b), 1)} / {_fmt(throughput(d), 1)} /s "
                    f"| {_fmt(_ratio(throughput(d), throughput(b)), 2)}× "
                    f"| {_fmt(b.get('p95_ms'))} / {_fmt(d.get('p95_ms'))} ms "
                    f"| {_fmt(_ratio(d.get('p95_ms'), b.get('p95_ms')), 2)}× "
                    f"| {b.get('error_count', '–')} / {d.get('error_count', '–')} "
                    f"| {_fmt(b.get('kb_per_rerun'), 1)} / {_fmt(d.get('kb_per_rerun'), 1)} "
                    f"| {_fmt(added(base), 1)} / {_fmt(added(dash), 1)} MB |"
                )
                lines += [f"|  | error: {e} ||||||||" for e in d.get("errors", [])[:3]]
            lines += [f"| {n} | connecting: {e} ||||||||" for e in dash.get("connect_errors", [])[:3]]
    lines += _nginx(results.get("nginx", {})) + _cli(results.get("validate_cli", {}))
    return lines


def _nginx(nginx: dict[str, Any]) -> list[str]:
    lines = ["", "### Through nginx (`scripts/serve`): the same sessions on 1 and 2 replicas", ""]
    if nginx.get("skipped"):
        return [*lines, f"Skipped: {nginx['skipped']}"]
    one = throughput(nginx.get("replicas_1", {}))
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
            f"| {r['wall_s']:.1f} s | {_fmt(throughput(r), 1)}/s | {_fmt(_ratio(throughput(r), one), 2)}× "
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
