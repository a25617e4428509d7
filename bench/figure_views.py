"""Fresh-selection reruns and bytes per rerun, per view, against the minimal page in one process.

    FUNDING_PRECOMPUTE=0 python -m bench.figure_views [--reruns 12]   # clicks back to back
    python -m bench.figure_views --think-s 5                          # a reader's pause, worker on

Issue 19's per-view numbers: the baseline page and the dashboard on each view (`?view=...`) run
interleaved in this process (AppTest), each rerun one click in the "level" filter in Gray-code
order. Back to back, the figure caches are cleared first, so every chart of the view is built as
for a selection nobody has drawn. With `--think-s` the caches are kept and the page's background
worker (app.precompute) gets up to that long, untimed, before each click to make what is one
click away; it gives way during every timed run, the baseline's too. Bytes are the serialised
ForwardMsgs of a rerun as a browser receives them (what the WebSocket carries, without framing):
a message the browser holds from the runs before comes as a reference (`bench.received`); beside
them, every message in full, as a client without Streamlit's message cache gets them. Prints one
JSON object: per app the median ms, × the baseline, and KB per rerun.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.apptest_worker import FRESH, selection  # noqa: E402
from bench.received import Browser  # noqa: E402
from bench.views import clear_figure_caches  # noqa: E402

VIEWS = ("overview", "breakdowns", "structure", "timeline", "present")


def _count_bytes(sizes: list[tuple[list[Any], int]]) -> None:
    """Record each run's messages and their bytes in `sizes` (AppTest parses every run's messages
    once)."""
    from streamlit.testing.v1 import local_script_runner

    parse = getattr(local_script_runner, "parse_tree_from_messages")  # noqa: B009

    def counting(messages: list[Any]) -> Any:
        sizes.append((list(messages), sum(m.ByteSize() for m in messages)))
        return parse(messages)

    setattr(local_script_runner, "parse_tree_from_messages", counting)  # noqa: B010


def measure(reruns: int, timeout: float, think_s: float = 0.0) -> dict[str, Any]:
    from streamlit.testing.v1 import AppTest

    from app.precompute import WORKER

    sizes: list[tuple[list[Any], int]] = []
    _count_bytes(sizes)
    browsers: dict[str, Browser] = {}
    apps = {"baseline": ("bench/baseline_app.py", "")} | {v: ("dashboard.py", v) for v in VIEWS}
    tests = {}
    out: dict[str, Any] = {}
    for name, (path, view) in apps.items():
        at = AppTest.from_file(str(ROOT / path), default_timeout=timeout)
        if view:
            at.query_params["view"] = view
        at.run()
        tests[name] = at
        browsers[name] = Browser()
        browsers[name].received(sizes.pop()[0])
        out[name] = {
            "ms": [],
            "bytes": [],
            "all_bytes": [],
            "errors": [e.message[:200] for e in at.exception],
        }
    for step in range(min(reruns, FRESH - 2) + 2):  # a repeated selection would be a cache hit
        if think_s:
            WORKER.wait_idle(think_s)
        for name, at in tests.items():
            if not think_s:
                clear_figure_caches()
            at.multiselect(key="level").set_value(selection(step + 1))
            gc.collect()  # another page's garbage is not this rerun's cost
            started = time.perf_counter()
            with WORKER.script_run() if name == "baseline" else contextlib.nullcontext():
                at.run()
            out[name]["ms"].append((time.perf_counter() - started) * 1000)
            messages, size = sizes.pop()
            out[name]["bytes"].append(browsers[name].received(messages))
            out[name]["all_bytes"].append(size)
            out[name]["errors"] += [e.message[:200] for e in at.exception]
    for result in out.values():
        result["median_ms"] = round(statistics.median(result.pop("ms")[2:]), 1)
        result["kb_per_rerun"] = round(statistics.median(result.pop("bytes")[2:]) / 1000, 1)
        result["kb_all_messages"] = round(statistics.median(result.pop("all_bytes")[2:]) / 1000, 1)
        result["error_count"] = len(result["errors"])
        result["errors"] = result["errors"][:3]
    for result in out.values():
        result["x_baseline"] = round(result["median_ms"] / out["baseline"]["median_ms"], 2)
        result["bytes_x_baseline"] = round(result["kb_per_rerun"] / out["baseline"]["kb_per_rerun"], 2)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reruns", type=int, default=12)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--think-s", type=float, default=0.0, help="untimed pause before each click, at most")
    args = parser.parse_args()
    print(json.dumps(measure(args.reruns, args.timeout, args.think_s), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
