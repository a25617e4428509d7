"""Issue 19's targets, each met / missed / not measured, from the results of one bench run.

Every ratio is to the bench's minimal page (bench/baseline_app.py) measured in the same run, except
the absolute load time and the 100-row and one-replica yardsticks the issue names.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from bench.report_rooms import SUMMARY_LIMIT_BYTES, added, pairs, throughput

VIEWS = ("overview", "breakdowns", "structure", "timeline", "present")
# A replica or synthetic file counts as the 100,000-row case from this many rows on.
BIG_ROWS = 99_000
OPS: dict[str, Callable[[float, float], bool]] = {
    "≤": operator.le,
    "<": operator.lt,
    "≥": operator.ge,
    "=": operator.eq,
}


def status(value: float | None, op: str, limit: float) -> str:
    """met / missed, or "not measured" when the run has no value for it."""
    if value is None:
        return "not measured"
    return "met" if OPS[op](value, limit) else "missed"


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def fmt(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


class Table:
    """The rows of the targets table, in the order they are added."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def add(self, target: str, value: float | None, op: str, limit: float, measured: str, why: str) -> None:
        state = status(value, op, limit)
        note = why if value is None else ""
        self.rows.append(
            {
                "target": target,
                "value": value,
                "op": op,
                "limit": limit,
                "measured": measured,
                "status": state,
                "note": note,
            }
        )


def _views(results: dict[str, Any], table: Table) -> None:
    views = results.get("views", {})
    back = views.get("back_to_back", {})
    think = views.get("think", {})
    why = str(back.get("skipped") or views.get("skipped") or "not run")
    apps, paused = back.get("apps", {}), think.get("apps", {})
    base, base_think = apps.get("baseline", {}), paused.get("baseline", {})
    for view in VIEWS:
        ours, theirs = apps.get(view, {}), paused.get(view, {})
        x = ratio(ours.get("median_ms"), base.get("median_ms"))
        x_think = ratio(theirs.get("median_ms"), base_think.get("median_ms"))
        beside = f"; with ≤ {think['think_s']:g} s pauses, worker on: {fmt(x_think, 2)}×" if paused else ""
        table.add(
            f"Fresh-selection rerun, {view}, back to back (worker off) ≤ 1.0× minimal page",
            x,
            "≤",
            1.0,
            f"{fmt(x, 2)}× ({fmt(ours.get('median_ms'))} vs {fmt(base.get('median_ms'))} ms){beside}",
            why,
        )
    for view in VIEWS:
        kb = apps.get(view, {}).get("kb_per_rerun")
        x = ratio(kb, base.get("kb_per_rerun"))
        table.add(
            f"Bytes per filter change, {view} ≤ 2× minimal page",
            x,
            "≤",
            2.0,
            f"{fmt(x, 2)}× ({fmt(kb, 1)} vs {fmt(base.get('kb_per_rerun'), 1)} KB)",
            why,
        )


def _cold_start(results: dict[str, Any], table: Table) -> None:
    browser = results.get("browser", {})
    cold = browser.get("cold_start", {}) if isinstance(browser, dict) else {}
    ours, theirs = cold.get("dashboard", {}).get("median_s"), cold.get("baseline", {}).get("median_s")
    x = ratio(ours, theirs)
    table.add(
        "Cold start to an idle page with its charts (chromium) ≤ 1.0× minimal page",
        x,
        "≤",
        1.0,
        f"{fmt(x, 2)}× ({fmt(ours, 1)} vs {fmt(theirs, 1)} s)",
        str(browser.get("skipped") or "not run"),
    )


def _rooms(results: dict[str, Any], table: Table) -> None:
    rooms = results.get("rooms", {})
    if rooms.get("skipped") or not rooms:
        table.add("Room (20, 50, 100 sessions)", None, "≥", 1.0, "–", str(rooms.get("skipped") or "not run"))
        return
    for n, base, dash in pairs(rooms):
        why = str(dash.get("skipped") or base.get("skipped") or "not run")
        links = dash.get("urls_per_session", "?")
        errors = dash.get("connect_error_count", 0) if dash and not dash.get("skipped") else None
        for phase, label in (("flat", "flat out"), ("think", f"pauses ~{rooms.get('think_s')} s")):
            b, d = base.get(phase, {}), dash.get(phase, {})
            ours, theirs = throughput(d), throughput(b)
            x = ratio(ours, theirs)
            table.add(
                f"Room, {n} sessions × {links} links, {label}: throughput ≥ 1.0× minimal page",
                x,
                "≥",
                1.0,
                f"{fmt(x, 2)}× ({fmt(ours, 1)} vs {fmt(theirs, 1)} reruns/s)",
                why,
            )
            p95 = ratio(d.get("p95_ms"), b.get("p95_ms"))
            table.add(
                f"Room, {n} sessions, {label}: p95 ≤ 1.0× minimal page",
                p95,
                "≤",
                1.0,
                f"{fmt(p95, 2)}× ({fmt(d.get('p95_ms'))} vs {fmt(b.get('p95_ms'))} ms)",
                why,
            )
            if errors is not None:
                errors += d.get("error_count", 0) if d else 0
        table.add(
            f"Room, {n} sessions: 0 errors (memory added by {n - 1} sessions stated)",
            errors,
            "=",
            0,
            f"{fmt(errors)} errors; +{fmt(added(dash), 1)} MB (minimal page +{fmt(added(base), 1)} MB)",
            why,
        )


def _find(rows: list[dict[str, Any]], name: str) -> dict[str, Any] | None:
    return next((r for r in rows if r.get("dataset") == name), None)


def _rerun_ms(entry: dict[str, Any] | None) -> float | None:
    dash = entry.get("dashboard") if entry else None
    return dash.get("median_ms") if isinstance(dash, dict) else None


def _big_rows(results: dict[str, Any], table: Table) -> None:
    load, rerun = results.get("load_validate", []), results.get("rerun", [])
    small = _rerun_ms(_find(rerun, "100"))
    replica = next((r for r in load if str(r.get("dataset", "")).startswith("replica")), None)
    files = (
        ("synthetic file", "100000"),
        ("replica of the shipped rows", replica["dataset"] if replica else "-"),
    )
    for label, name in files:
        loaded = _find(load, name)
        rows = f"{loaded['rows']:,} rows" if loaded else "not run"
        short = f"{rows}, fewer than 100,000 (--quick)" if loaded else "not run"
        big = loaded is not None and loaded["rows"] >= BIG_ROWS
        seconds = loaded["median_s"] if loaded else None
        table.add(
            f"Load + validate, 100,000 rows, {label} < 1 s",
            seconds if big else None,
            "<",
            1.0,
            f"{fmt(seconds, 2)} s ({rows})",
            short,
        )
        ms = _rerun_ms(_find(rerun, name))
        x = ratio(ms, small)
        table.add(
            f"Rerun at 100,000 rows, {label} ≤ 3× the 100-row case",
            x if big else None,
            "≤",
            3.0,
            f"{fmt(x, 1)}× ({fmt(ms)} vs {fmt(small)} ms, {rows})",
            short if not big else "no rerun at 100,000 rows (--sizes)",
        )


def _cli(results: dict[str, Any], table: Table) -> None:
    cli = results.get("validate_cli", {})
    shipped, copy = cli.get("shipped", {}), cli.get("replica", {})
    extra = (
        copy["median_s"] - shipped["median_s"] if copy.get("median_s") and shipped.get("median_s") else None
    )
    rows = copy.get("rows") or 0
    table.add(
        "`python -m funding validate` on the replica within 1 s of the shipped file",
        extra if rows >= BIG_ROWS else None,
        "≤",
        1.0,
        f"+{fmt(extra, 2)} s ({fmt(copy.get('median_s'), 2)} vs {fmt(shipped.get('median_s'), 2)} s, {rows:,} rows)",
        f"replica of {rows:,} rows, fewer than 100,000 (--quick)" if copy else "not run",
    )
    table.add(
        f"`validate` summary bounded (≤ {SUMMARY_LIMIT_BYTES:,} bytes on the replica)",
        copy.get("stdout_bytes"),
        "≤",
        SUMMARY_LIMIT_BYTES,
        f"{fmt(copy.get('stdout_bytes'))} bytes (shipped file: {fmt(shipped.get('stdout_bytes'))})",
        "not run",
    )


def _nginx(results: dict[str, Any], table: Table) -> None:
    nginx = results.get("nginx", {})
    one, two = nginx.get("replicas_1", {}), nginx.get("replicas_2", {})
    ran = "error_count" in one and "error_count" in two
    errors = one["error_count"] + two["error_count"] if ran else None
    x = ratio(throughput(two), throughput(one))
    table.add(
        f"Through nginx, {two.get('sessions', '?')} sessions on 1 and 2 replicas: 0 errors",
        errors,
        "=",
        0,
        f"{fmt(errors)} errors; 2 replicas {fmt(x, 2)}× one's throughput "
        f"({fmt(throughput(two), 1)} vs {fmt(throughput(one), 1)} reruns/s), "
        f"p95 {fmt(two.get('p95_ms'))} vs {fmt(one.get('p95_ms'))} ms",
        str(two.get("skipped") or one.get("skipped") or nginx.get("skipped") or "not run"),
    )


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Issue 19's targets in the order of the issue."""
    table = Table()
    for part in (_views, _cold_start, _rooms, _big_rows, _cli, _nginx):
        part(results, table)
    return table.rows


def markdown(rows: list[dict[str, Any]]) -> list[str]:
    met = sum(r["status"] == "met" for r in rows)
    missed = sum(r["status"] == "missed" for r in rows)
    lines = [
        "### Targets (issue 19; × minimal page = the baseline in the same run)",
        "",
        f"{met} met, {missed} missed, {len(rows) - met - missed} not measured.",
        "",
        "| Target | Measured | Status |",
        "|---|---|---|",
    ]
    for t in rows:
        state = {"met": "✅ met", "missed": "❌ missed"}.get(t["status"], "– " + t["status"])
        note = f" ({t['note']})" if t.get("note") else ""
        lines.append(f"| {t['target']} | {t['measured']} | {state}{note} |")
    return lines


def views_markdown(views: dict[str, Any]) -> list[str]:
    """The per-view detail: both variants side by side, × the minimal page of the same process."""
    lines = [
        "",
        "### Fresh-selection rerun per view (AppTest, `bench.figure_views`, one process per variant)",
        "",
    ]
    if views.get("skipped") or not views:
        return [*lines, f"Skipped: {views.get('skipped', 'not run')}"]
    back, think = views.get("back_to_back", {}), views.get("think", {})
    apps, paused = back.get("apps", {}), think.get("apps", {})
    lines += [
        f"Back to back: worker off, caches cleared before each click. Pauses: up to {think.get('think_s', '–')} s "
        "before each click, worker on, caches kept.",
        "",
        "| Page | Back to back | × minimal | With pauses | × minimal | KB per rerun | × minimal | Errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in ("baseline", *VIEWS):
        a, p = apps.get(name, {}), paused.get(name, {})
        x = ratio(a.get("median_ms"), apps.get("baseline", {}).get("median_ms"))
        x_think = ratio(p.get("median_ms"), paused.get("baseline", {}).get("median_ms"))
        kb = ratio(a.get("kb_per_rerun"), apps.get("baseline", {}).get("kb_per_rerun"))
        lines.append(
            f"| {name} | {fmt(a.get('median_ms'))} ms | {fmt(x, 2)}× | {fmt(p.get('median_ms'))} ms | {fmt(x_think, 2)}× "
            f"| {fmt(a.get('kb_per_rerun'), 1)} | {fmt(kb, 2)}× | {a.get('error_count', 0) + p.get('error_count', 0)} |"
        )
    for variant in (back, think):
        if variant.get("skipped"):
            lines.append(f"\nSkipped: {variant['skipped']}")
    return lines
