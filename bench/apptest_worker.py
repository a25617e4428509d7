"""One process per dataset: AppTest rerun latency of the baseline and the dashboard, interleaved.

    FUNDING_DATA=/tmp/x.csv python -m bench.apptest_worker --reruns 20 --budget 120
    python -m bench.apptest_worker --view breakdowns     # the dashboard opened on another view
    python -m bench.apptest_worker --think-s 5           # a pause before each click (untimed)

Both apps run in this process, alternately, so machine noise hits both the same way. Each rerun
is one click in the "level" filter (adds or removes one level: the 16 subsets in Gray-code order,
so consecutive selections differ by one level), timed around AppTest.run(). Only selections the
page has not drawn yet are timed (`FRESH`): the empty one is the first run's, and a repeated
one comes from the page's caches, so a median over both would sit between two kinds of rerun.
Prints one JSON object on stdout. Exceptions shown by the app (st.exception elements) count as
errors.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "bench" / "baseline_app.py"
DASHBOARD = ROOT / "dashboard.py"
WRAPPER = ROOT / "bench" / "dashboard_app.py"
LEVELS = ("EU", "NL", "MS", "private")


# Selections after the first run that are new to the page: the 15 non-empty subsets of levels.
FRESH = 15


def selection(step: int) -> list[str]:
    """The levels picked at a step: Gray code, so each step is a single click."""
    gray = (step % 16) ^ ((step % 16) >> 1)
    return [level for bit, level in enumerate(LEVELS) if gray >> bit & 1]


def measure(
    reruns: int, budget: float, timeout: float, apps: list[str], view: str | None = None, think_s: float = 0.0
) -> dict[str, Any]:
    from streamlit.testing.v1 import AppTest

    # The dashboard's background worker (app.precompute) gives way to every script run, the
    # baseline's too, as on a server; `think_s` is a reader's pause between clicks, untimed, which
    # it may use to make what is one click away.
    from app.precompute import WORKER

    paths = {"baseline": BASELINE, "dashboard": WRAPPER if os.environ.get("FUNDING_DATA") else DASHBOARD}
    out: dict[str, Any] = {}
    tests: dict[str, Any] = {}
    for name in apps:
        at = AppTest.from_file(str(paths[name]), default_timeout=timeout)
        if view and name == "dashboard":  # (the baseline has one view and ignores the URL)
            at.query_params["view"] = view
        start = time.perf_counter()
        at.run()
        out[name] = {
            "first_run_s": time.perf_counter() - start,
            "times_ms": [],
            "cpu_ms": [],
            "errors": [e.message for e in at.exception][:3],
            "charts": len(at.get("plotly_chart")),
        }
        tests[name] = at
    deadline = time.monotonic() + budget
    warmup = 2
    reruns = min(reruns, FRESH - warmup)
    for i in range(reruns + warmup):
        if i >= warmup + 1 and time.monotonic() > deadline:
            break
        if think_s:
            WORKER.wait_idle(think_s)
        for name, at in tests.items():
            at.multiselect(key="level").set_value(selection(i + 1))
            gc.collect()  # the other app's garbage is not this rerun's cost
            with WORKER.script_run() if name == "baseline" else contextlib.nullcontext():
                wall, cpu = time.perf_counter(), time.process_time()
                at.run()
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            if at.exception:
                out[name]["errors"].extend(e.message for e in at.exception)
            if i >= warmup:
                out[name]["times_ms"].append(wall * 1000)
                out[name]["cpu_ms"].append(cpu * 1000)
    for result in out.values():
        times = result["times_ms"]
        result["n"] = len(times)
        result["median_ms"] = statistics.median(times) if times else None
        result["cpu_median_ms"] = statistics.median(result["cpu_ms"]) if times else None
        result["p90_ms"] = sorted(times)[int(0.9 * (len(times) - 1))] if times else None
        result["error_count"] = len(result["errors"])
        result["errors"] = result["errors"][:3]
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reruns", type=int, default=20)
    parser.add_argument("--budget", type=float, default=120.0, help="seconds for the timed reruns")
    parser.add_argument("--timeout", type=float, default=120.0, help="AppTest timeout per run")
    parser.add_argument("--apps", default="baseline,dashboard")
    parser.add_argument("--view", help="the dashboard's ?view= (overview, breakdowns, ..., present)")
    parser.add_argument("--think-s", type=float, default=0.0, help="untimed pause before each click, at most")
    args = parser.parse_args()
    apps = [a for a in args.apps.split(",") if a]
    if "dashboard" in apps and not DASHBOARD.exists():
        apps.remove("dashboard")
    print(json.dumps(measure(args.reruns, args.budget, args.timeout, apps, args.view, args.think_s)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
