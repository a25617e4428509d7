"""`python -m funding validate` as a user runs it: a process per run, imports included, on the
shipped file and on the replica of its rows, interleaved; wall time and how long its summary is."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def measure(files: dict[str, Path], runs: int, timeout_s: float = 300) -> dict[str, Any]:
    """Per file: median wall seconds over `runs`, exit code and stdout bytes of the last run."""
    walls: dict[str, list[float]] = {name: [] for name in files}
    out: dict[str, Any] = {}
    for _ in range(runs):
        for name, path in files.items():
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "funding", "validate", str(path)],
                cwd=ROOT,
                capture_output=True,
                timeout=timeout_s,
                check=False,
            )
            walls[name].append(time.perf_counter() - started)
            out[name] = {"exit": done.returncode, "stdout_bytes": len(done.stdout)}
    for name, samples in walls.items():
        out[name].update(runs=len(samples), median_s=statistics.median(samples))
    return out
