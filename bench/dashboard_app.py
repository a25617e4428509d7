"""Runs the real dashboard.py, for the bench's AppTest reruns, optionally under a profiler.

dashboard.py serves the CSV named by $FUNDING_DATA (of any size: the upload limit is for
uploads), so the bench points that at its synthetic files and runs dashboard.py unchanged. With
$BENCH_PROFILE=FILE each script run is profiled with pyinstrument and the last run's profile is
written to FILE. With $BENCH_TRACEMALLOC=DIR (and Python's $PYTHONTRACEMALLOC set, so tracing
starts with the server) a script run at least 30 s after the last one writes the 300 largest
allocation sites (`tracemalloc`, by line) to DIR/<seconds>.txt: where a soak's memory went.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _allocation_sites(folder: Path) -> None:
    """Every 30 s at most (the time is kept on the tracemalloc module: this file reruns)."""
    import time
    import tracemalloc

    now = time.monotonic()
    if not tracemalloc.is_tracing() or now - getattr(tracemalloc, "_bench_last", 0.0) < 30:
        return
    tracemalloc._bench_last = now  # type: ignore[attr-defined]
    sites = tracemalloc.take_snapshot().statistics("lineno")[:300]
    folder.mkdir(parents=True, exist_ok=True)
    lines = [f"{s.size}\t{s.count}\t{s.traceback[0].filename}:{s.traceback[0].lineno}" for s in sites]
    (folder / f"{time.time():.0f}.txt").write_text("\n".join(lines) + "\n")


if os.environ.get("BENCH_TRACEMALLOC"):
    _allocation_sites(Path(os.environ["BENCH_TRACEMALLOC"]))
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
