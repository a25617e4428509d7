"""Lazy view tabs against `st.navigation` and against building every view, in one process.

    python -m bench.views [--reruns 32]

Four apps run alternately in this process (AppTest), so machine noise hits all of them alike:
the minimal baseline page, the dashboard as it was (every view built on each rerun,
bench/views_eager.py), the dashboard with lazy tabs (dashboard.py), and the same views as
`st.navigation` pages (bench/views_navigation.py). Each rerun is one click in the "level" filter
on the default view, in Gray-code order (16 selections, no two in a row the same). "cold" clears
the figure caches (app.cached) before every rerun, so each chart is built; "warm" repeats the
selections with the caches kept, as for a second person opening the same links. Prints one JSON
object: per app the median ms, and ratios to the baseline and to the eager page.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.apptest_worker import selection  # noqa: E402

APPS = {
    "baseline": ROOT / "bench" / "baseline_app.py",
    "eager": ROOT / "bench" / "views_eager.py",
    "tabs": ROOT / "dashboard.py",
    "navigation": ROOT / "bench" / "views_navigation.py",
}


def clear_figure_caches() -> None:
    """Everything the page caches per selection, so the next rerun builds it as for a new one."""
    from app import cached

    per_selection = (cached.headline, cached.figure_set, cached.lead, cached.chart, cached.comparison)
    for builder in (*per_selection, cached.compare_choices, cached.details, cached.planned):
        builder.clear()


def measure(reruns: int, timeout: float) -> dict[str, Any]:
    from streamlit.testing.v1 import AppTest

    tests = {}
    out: dict[str, Any] = {}
    for name, path in APPS.items():
        at = AppTest.from_file(str(path), default_timeout=timeout)
        at.run()
        tests[name] = at
        out[name] = {
            "charts": len(at.get("plotly_chart")),
            "errors": [e.message[:200] for e in at.exception],
            "cold_ms": [],
            "warm_ms": [],
        }
    for phase in ("cold", "warm"):
        for step in range(reruns):
            for name, at in tests.items():
                if phase == "cold":
                    clear_figure_caches()
                at.multiselect(key="level").set_value(selection(step + 1))
                started = time.perf_counter()
                at.run()
                out[name][f"{phase}_ms"].append((time.perf_counter() - started) * 1000)
                out[name]["errors"] += [e.message[:200] for e in at.exception]
    for result in out.values():
        for phase in ("cold", "warm"):
            times = result.pop(f"{phase}_ms")[2:]  # the first two warm up imports and caches
            result[f"{phase}_median_ms"] = round(statistics.median(times), 1)
            result[f"{phase}_range_ms"] = [round(min(times), 1), round(max(times), 1)]
    for result in out.values():
        for phase in ("cold", "warm"):
            median = result[f"{phase}_median_ms"]
            result[f"{phase}_vs_baseline"] = round(median / out["baseline"][f"{phase}_median_ms"], 2)
            result[f"{phase}_vs_eager"] = round(median / out["eager"][f"{phase}_median_ms"], 2)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reruns", type=int, default=32)
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    print(json.dumps(measure(args.reruns, args.timeout), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
