"""Issue 19's per-view measurements for `python -m bench`: `bench.figure_views` in a process of its
own, once with clicks back to back (background worker off, figure caches cleared: every chart
built as for a selection nobody has drawn) and once with a reader's pause before each click
(worker on, caches kept), so the report can set both beside the minimal page of the same process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _worker(reruns: int, think_s: float, timeout_s: float) -> dict[str, Any]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "FUNDING_PRECOMPUTE": "1" if think_s else "0"}
    command = [sys.executable, "-m", "bench.figure_views", "--reruns", str(reruns), "--think-s", str(think_s)]
    try:
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        return {"skipped": f"bench.figure_views took over {timeout_s:.0f} s"}
    if done.returncode != 0:
        return {"skipped": "bench.figure_views failed: " + done.stderr.strip()[-300:]}
    result: dict[str, Any] = json.loads(done.stdout)
    return {"think_s": think_s, "apps": result}


def measure_views(reruns: int, think_s: float, log: Any) -> dict[str, Any]:
    """Back to back (the target) and, if `think_s`, with pauses (reported beside it)."""
    if not (ROOT / "dashboard.py").exists():
        return {"skipped": "dashboard.py not present"}
    log(f"views: {reruns} fresh selections per view, back to back (worker off, caches cleared)")
    out = {"back_to_back": _worker(reruns, 0.0, 300 + reruns * 30)}
    if think_s > 0:
        log(f"views: the same with up to {think_s} s before each click (worker on)")
        out["think"] = _worker(reruns, think_s, 300 + reruns * (30 + think_s))
    return out
