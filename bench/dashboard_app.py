"""Runs the real dashboard.py, for the bench's AppTest reruns, optionally under a profiler.

dashboard.py serves the CSV named by $FUNDING_DATA (of any size: the upload limit is for
uploads), so the bench points that at its synthetic files and runs dashboard.py unchanged. With
$BENCH_PROFILE=FILE each script run is profiled with pyinstrument and the last run's profile is
written to FILE. With $BENCH_STATS=DIR the first run starts bench/server_stats.py's thread, which
counts what the server holds into DIR/stats.jsonl (and, with Python's $PYTHONTRACEMALLOC set, so
tracing starts with the server, writes the traced heap and the largest allocation sites): where
a soak's memory went.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


if os.environ.get("BENCH_STATS"):
    from bench import server_stats

    server_stats.start(Path(os.environ["BENCH_STATS"]))
if os.environ.get("BENCH_PROFILE"):
    # Each run of the script, profiled in the script's own thread (pyinstrument, if installed).
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.001)
    profiler.start()
    try:
        runpy.run_path(str(ROOT / "dashboard.py"), run_name="__main__")
    finally:
        profiler.stop()
        Path(os.environ["BENCH_PROFILE"]).write_text(profiler.output_text(unicode=False, color=False))
else:
    runpy.run_path(str(ROOT / "dashboard.py"), run_name="__main__")
