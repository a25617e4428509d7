"""The Markdown report, from the results dictionary of one bench run (targets: report_targets)."""

from __future__ import annotations

from typing import Any

from bench import report_rooms, report_targets

BIG, SMALL = "100000", "100"


def _find(rows: list[dict[str, Any]], dataset: str) -> dict[str, Any] | None:
    return next((r for r in rows if r.get("dataset") == dataset), None)


def _median(entry: dict[str, Any] | None, app: str) -> float | None:
    if not entry or not isinstance(entry.get(app), dict):
        return None
    value = entry[app].get("median_ms")
    return float(value) if value is not None else None


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _fmt(value: float | None, digits: int = 0, suffix: str = "") -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}{suffix}"


def markdown(results: dict[str, Any]) -> str:
    meta = results.get("meta", {})
    lines = [
        "## Benchmark",
        "",
        f"`{meta.get('command', 'python -m bench')}` · commit {meta.get('commit', '?')} · {meta.get('date', '?')} · "
        f"Python {meta.get('python', '?')}, Streamlit {meta.get('streamlit', '?')}, {meta.get('cpus', '?')} CPUs, "
        f"load average {_load(meta.get('load_average_start'))} → {_load(meta.get('load_average_end'))} · "
        f"{meta.get('elapsed_s', '?')} s",
        "",
        *report_targets.markdown(results.get("targets", [])),
        *report_targets.views_markdown(results.get("views", {})),
    ]

    load = results.get("load_validate", [])
    small = _find(load, SMALL)
    lines += [
        "",
        "### Load + validate (`funding.registry.loading.load_dataset`, median wall time)",
        "",
        "| Dataset | Rows | MB | Runs | Median | CPU | × 100-row | µs/row | pandas.read_csv | × read_csv "
        "| Per-row model (runs) | × per-row model |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in load:
        ratio = _ratio(r["median_s"], small["median_s"] if small else None)
        reference = r.get("reference_median_s")
        per_row = f"{reference * 1000:,.0f} ms ({r['reference_runs']})" if reference else "–"
        lines.append(
            f"| {r['dataset']} | {r['rows']:,} | {r['file_mb']:.1f} | {r['runs']} | {r['median_s'] * 1000:,.0f} ms "
            f"| {r['cpu_median_s'] * 1000:,.0f} ms | {_fmt(ratio, 1)}× | {r['median_s'] / max(r['rows'], 1) * 1e6:,.0f} "
            f"| {r['pandas_read_csv_median_s'] * 1000:,.0f} ms | {_fmt(_ratio(r['median_s'], r['pandas_read_csv_median_s']), 0)}× "
            f"| {per_row} | {_fmt(_ratio(r['median_s'], reference), 2)}× |"
        )

    rerun = results.get("rerun", [])
    small_rerun = _median(_find(rerun, SMALL), "dashboard")
    lines += [
        "",
        "### Rerun after a filter change (AppTest, median of n reruns, baseline and dashboard interleaved)",
        "",
        "| Dataset | Rows | Baseline | Dashboard | Dashboard / baseline | Dashboard × 100-row | n | First run (dashboard) | Errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rerun:
        if r.get("skipped"):
            lines.append(f"| {r['dataset']} | {r['rows']:,} | skipped: {r['skipped']} | | | | | | |")
            continue
        base, dash = _median(r, "baseline"), _median(r, "dashboard")
        d = r.get("dashboard", {})
        dash_cell = f"skipped: {d['skipped']}" if d.get("skipped") else f"{_fmt(dash)} ms"
        errors = sum(r.get(app, {}).get("error_count", 0) or 0 for app in ("baseline", "dashboard"))
        n = min(r.get(app, {}).get("n", 0) or 0 for app in ("baseline", "dashboard") if "n" in r.get(app, {}))
        lines.append(
            f"| {r['dataset']} | {r['rows']:,} | {_fmt(base)} ms | {dash_cell} | {_fmt(_ratio(dash, base), 1)}× "
            f"| {_fmt(_ratio(dash, small_rerun), 1)}× | {n} | {_fmt(d.get('first_run_s'), 1)} s | {errors} |"
        )

    browser = results.get("browser", {})
    lines += ["", "### Browser (headless chromium, 127.0.0.1)", ""]
    if browser.get("skipped"):
        lines.append(f"Skipped: {browser['skipped']}")
    else:
        cold = browser.get("cold_start", {})
        base = cold.get("baseline", {}).get("median_s")
        lines += [
            "| Cold start: `streamlit run` → page idle, charts drawn | Median | Runs | Server healthy after | Charts | × baseline |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for app, c in cold.items():
            lines.append(
                f"| {app} | {c['median_s']:.1f} s | {c['runs']} | {c['healthy_median_s']:.1f} s | {c['charts_drawn']} "
                f"| {_fmt(_ratio(c['median_s'], base), 1)}× |"
            )
        lines += [
            "",
            "| Browser pages | Server RSS idle | 1 page | N pages | Added by N−1 | Reruns | p50 | p95 | max | Errors | RSS after |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        base_page = browser.get("page_baseline", {}).get("p50_ms")
        for key in ("page_baseline", "page_dashboard", "sessions_dashboard"):
            s = browser.get(key)
            if not isinstance(s, dict):
                continue
            if s.get("skipped"):
                lines.append(f"| {key} | skipped: {s['skipped']} |||||||||")
                continue
            added = s["rss_n_mb"] - s["rss_1_mb"] if s.get("rss_n_mb") and s.get("rss_1_mb") else None
            app = key.split("_", 1)[1]
            ratio = _ratio(s["p50_ms"], base_page) if key != "sessions_dashboard" else None
            lines.append(
                f"| {app}, {s['sessions']} page(s) × {s['changes_per_session']} change(s)"
                f"{f' — p50 {ratio:.1f}× baseline' if ratio else ''} "
                f"| {_fmt(s['rss_idle_mb'])} MB | {_fmt(s['rss_1_mb'])} MB | {_fmt(s['rss_n_mb'])} MB "
                f"| {_fmt(added, 1) if s['sessions'] > 1 else '–'} MB | {s['reruns']}/{s['expected_reruns']} "
                f"| {_fmt(s['p50_ms'])} ms | {_fmt(s['p95_ms'])} ms | {_fmt(s['max_ms'])} ms | {s['error_count']} "
                f"| {_fmt(s['rss_after_load_mb'])} MB |"
            )
            for error in s.get("errors", [])[:5]:
                lines.append(f"|  | error: {error} |||||||||")
    lines += [
        "",
        "#### Memory and load test: WebSocket sessions on a fresh server (no browser running)",
        "",
        "| Server | Sessions × changes | RSS idle | 1 session | N sessions | Added | Reruns | Wall | Throughput | p50 | p95 | max | Errors | RSS after |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, key in (("dashboard", "ws_load"), ("baseline", "ws_load_baseline")):
        lines += _ws_rows(name, browser.get(key, {}))
    lines += report_rooms.markdown(results)
    lines.append("")
    return "\n".join(lines)


def _throughput(ws: dict[str, Any]) -> float | None:
    return ws["reruns"] / ws["wall_s"] if ws.get("wall_s") else None


def _ws_rows(name: str, ws: dict[str, Any]) -> list[str]:
    if ws.get("skipped") or not ws:
        return [f"| {name} | skipped: {ws.get('skipped', 'not run')} |||||||||||||"]
    added = ws["rss_n_mb"] - ws["rss_1_mb"] if ws.get("rss_n_mb") and ws.get("rss_1_mb") else None
    rows = [
        f"| {name} | {ws['sessions']} × {ws['changes_per_session']} | {_fmt(ws.get('rss_idle_mb'))} MB "
        f"| {_fmt(ws.get('rss_1_mb'))} MB | {_fmt(ws.get('rss_n_mb'))} MB | {_fmt(added, 1)} MB "
        f"| {ws['reruns']}/{ws['expected_reruns']} | {ws['wall_s']:.1f} s | {_fmt(_throughput(ws), 1)}/s "
        f"| {_fmt(ws['p50_ms'])} ms | {_fmt(ws['p95_ms'])} ms | {_fmt(ws['max_ms'])} ms | {ws['error_count']} "
        f"| {_fmt(ws.get('rss_after_mb'))} MB |"
    ]
    rows += [f"|  | error: {error} |||||||||||||" for error in ws.get("errors", [])[:5]]
    return rows


def _load(value: Any) -> str:
    if not value:
        return "?"
    return "/".join(f"{x:.1f}" for x in value)
