"""Runs the real dashboard.py on the CSV named by $FUNDING_DATA, for the bench's scaling runs.

dashboard.py reads its data from funding.loading.DEFAULT_DATA and offers no setting for another
path, so this wrapper points that constant at $FUNDING_DATA (and its dataset.json next to it)
before executing dashboard.py unchanged. The curated-file loader also applies the 20 MB upload
limit, which 100,000 rows exceed at any realistic row size; with $BENCH_NO_SIZE_LIMIT=1 the
wrapper lifts it for this file only (uploads keep theirs), so the scaling run measures the page
rather than the refusal. Without $FUNDING_DATA this is exactly dashboard.py. With
$BENCH_PROFILE=FILE each script run is profiled with pyinstrument and the last run's profile is
written to FILE.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import funding.loading  # noqa: E402

if os.environ.get("FUNDING_DATA"):
    funding.loading.DEFAULT_DATA = Path(os.environ["FUNDING_DATA"]).resolve()
if os.environ.get("BENCH_NO_SIZE_LIMIT") == "1":
    _load = getattr(funding.loading, "_bench_original_load", funding.loading.load_dataset)
    funding.loading._bench_original_load = _load  # type: ignore[attr-defined]

    def _unlimited(path=funding.loading.DEFAULT_DATA, *, known_documents=None, max_bytes=None):  # type: ignore[no-untyped-def]
        return _load(path, known_documents=known_documents, max_bytes=None)

    funding.loading.load_dataset = _unlimited  # type: ignore[assignment]

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
