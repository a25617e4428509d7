"""Runs the real dashboard.py for the bench, optionally under a profiler.

The page serves $FUNDING_DATA (another CSV of the same schema, e.g. 100,000 synthetic rows) by
itself and applies no size limit to the file it serves, so this wrapper only adds profiling:
with $BENCH_PROFILE=FILE each script run is profiled with pyinstrument and the last run's
profile is written to FILE. Without it this is exactly dashboard.py.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

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
