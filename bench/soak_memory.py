"""The soak's memory, told apart: server RSS beside what the server holds, minute by minute.

RSS alone cannot tell caches still filling from a leak: the page's caches are bounded by
entries (app/cached.py) and fill for minutes at a soak's pace, and memory Python frees is
rarely given back to the system. So the soak's server counts what it holds
(bench/server_stats.py: every cache's entries against its `max_entries`, sessions, media and
uploaded files, the background queue, drafts, and with `--trace` Python's traced heap), and the
report puts those beside RSS per minute. Two criteria:

- no growth after the load: RSS once the load stopped <= RSS after the warm-up + max(20 MB, 10 %);
- levelled off: over the last third of the load, RSS (and the traced heap, when traced) grew at
  most `LEVEL_MB_PER_MIN`. Beside it the report names the caches still gaining entries there and
  whether any of them is unbounded: growth with only bounded caches filling stops at their bounds.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

GROWTH_MB, GROWTH_SHARE = 20.0, 0.10  # memory "did not grow": end <= warm-up level + the larger
LEVEL_MB_PER_MIN = 1.0  # "levelled off": at most this over the last third of the load
# The caches the table shows by name (the others are summed in "all entries").
SHOWN = {"cached.chart": "charts", "cached.figure_set": "figure sets", "cached.planned": "plans"}


def slope_per_min(points: Sequence[tuple[float, float]]) -> float | None:
    """Least-squares slope of (seconds, MB) points, in MB per minute (None under three points)."""
    if len(points) < 3 or len({t for t, _ in points}) < 2:
        return None
    return statistics.linear_regression([t for t, _ in points], [v for _, v in points]).slope * 60


def memory(
    samples: list[tuple[float, float]],
    warmup_end: float,
    load_start: float,
    load_end: float,
    stopped: float,
    cleared: float,
) -> dict[str, Any]:
    """RSS: start (idle), after warm-up, peak, end of load, end (after the sessions were dropped),
    after the caches were cleared (the 10 s before `cleared`) and after the allocators gave their
    free memory back (the last 10 samples); the slope over the steady part and over the last third
    of the load; whether the end is within the stated tolerance."""
    rss = [r for _, r in samples]
    after_warmup = next((r for t, r in samples if t >= warmup_end), rss[-1])
    end = statistics.median(r for t, r in samples if stopped - 10 <= t <= stopped)
    tolerance = max(GROWTH_MB, GROWTH_SHARE * after_warmup)
    last_third = load_start + (load_end - load_start) * 2 / 3
    return {
        "start_mb": statistics.median(rss[:2]),
        "after_warmup_mb": after_warmup,
        "peak_mb": max(rss),
        "end_of_load_mb": next((r for t, r in reversed(samples) if t <= load_end), None),
        "end_mb": end,
        "after_cache_clear_mb": statistics.median(r for t, r in samples if cleared - 10 <= t <= cleared),
        "after_give_back_mb": statistics.median(r for _, r in samples[-10:]),
        "tolerance_mb": tolerance,
        "no_growth": end <= after_warmup + tolerance,
        "steady_slope_mb_per_min": slope_per_min([(t, r) for t, r in samples if warmup_end <= t <= load_end]),
        "last_third_from_s": last_third,
        "last_third_slope_mb_per_min": slope_per_min(
            [(t, r) for t, r in samples if last_third <= t <= load_end]
        ),
        "samples": [(round(t, 1), round(r, 1)) for t, r in samples[::5]],
    }


def inside(
    stats: list[dict[str, Any]], samples: list[tuple[float, float]], t0_wall: float, load: tuple[float, float]
) -> dict[str, Any]:
    """The server's own counts (bench/server_stats.py lines, their wall time made relative to
    the soak's start `t0_wall`) per minute beside RSS, the caches at the end of the load, and the
    level-off verdict for the last third of `load` (start, end in s)."""
    lines = [{**line, "t": line["time"] - t0_wall} for line in stats if "caches" in line]
    start, end = load
    last_third = start + (end - start) * 2 / 3
    in_load = [line for line in lines if line["t"] <= end]
    tail = [line for line in in_load if line["t"] >= last_third]
    traced = [(line["t"], line["traced_mb"]) for line in tail if "traced_mb" in line]
    caches = _caches(in_load[-1] if in_load else {}, tail[0] if tail else {})
    return {
        "minutes": _minutes(lines, samples),
        "caches_at_end_of_load": caches,
        "traced_last_third_slope_mb_per_min": slope_per_min(traced),
        "filling": sorted(name for name, c in caches.items() if c["gained"] > 0),
        "filling_unbounded": sorted(
            name for name, c in caches.items() if c["gained"] > 0 and c["max"] is None
        ),
    }


def _caches(last: dict[str, Any], first: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each cache's entries at the end of the load, its bound, and the entries it gained over
    the last third (`first` is the line that third starts with)."""
    before = first.get("caches", {})
    return {
        name: {
            "entries": c.get("entries", 0),
            "max": c.get("max"),
            "gained": c.get("entries", 0) - before.get(name, {}).get("entries", 0),
            "bytes": c.get("bytes"),
        }
        for name, c in sorted(last.get("caches", {}).items())
        if isinstance(c, dict) and "entries" in c
    }


def _minutes(lines: list[dict[str, Any]], samples: list[tuple[float, float]]) -> list[dict[str, Any]]:
    """The last counts of each minute, with the median RSS of that minute."""
    by_minute: dict[int, dict[str, Any]] = {}
    for line in lines:
        by_minute[int(line["t"] // 60)] = line
    rows = []
    for minute, line in sorted(by_minute.items()):
        rss = [r for t, r in samples if minute * 60 <= t < (minute + 1) * 60]
        caches = line.get("caches", {})
        runtime, app = line.get("runtime", {}), line.get("app", {})
        rows.append(
            {
                "minute": minute,
                "rss_mb": statistics.median(rss) if rss else None,
                "traced_mb": line.get("traced_mb"),
                "entries": sum(c.get("entries", 0) for c in caches.values() if isinstance(c, dict)),
                **{label: caches.get(name, {}).get("entries") for name, label in SHOWN.items()},
                "sessions": (runtime.get("sessions_open") or 0) + (runtime.get("sessions_kept") or 0),
                "media_files": runtime.get("media_files"),
                "uploaded_files": runtime.get("uploaded_files"),
                "queue": app.get("precompute_queue"),
                "drafts": app.get("drafts"),
            }
        )
    return rows


def levelled(rss: dict[str, Any], held: dict[str, Any]) -> bool:
    """RSS, and the traced heap when traced, grew at most LEVEL_MB_PER_MIN over the last third of
    the load (an unmeasured RSS slope is not levelled)."""
    measured = rss.get("last_third_slope_mb_per_min")
    traced = held.get("traced_last_third_slope_mb_per_min")
    return (
        measured is not None
        and measured <= LEVEL_MB_PER_MIN
        and (traced is None or traced <= LEVEL_MB_PER_MIN)
    )


def markdown(rss: dict[str, Any], held: dict[str, Any] | None) -> list[str]:
    """The memory paragraph and, when the server counted, the per-minute table and the caches."""
    m = rss
    lines = [
        f"Server RSS: start {m['start_mb']:.0f} MB, after warm-up {m['after_warmup_mb']:.0f} MB, "
        f"peak {m['peak_mb']:.0f} MB, end of load {m['end_of_load_mb']:.0f} MB, after the load "
        f"stopped {m['end_mb']:.0f} MB, after clearing the caches {m['after_cache_clear_mb']:.0f} MB, "
        f"after the allocators gave free memory back {m.get('after_give_back_mb', float('nan')):.0f} MB; "
        f"no growth (end ≤ after warm-up + {m['tolerance_mb']:.0f} MB): "
        f"**{'met' if m['no_growth'] else 'MISSED'}**; slope while steady {_mb(m['steady_slope_mb_per_min'])}/min, "
        f"over the last third of the load {_mb(m.get('last_third_slope_mb_per_min'))}/min.",
    ]
    if not held or not held.get("minutes"):
        return lines
    traced = held.get("traced_last_third_slope_mb_per_min")
    full = [f"{n} {c['entries']}/{c['max']}" for n, c in held["caches_at_end_of_load"].items() if c["max"]]
    lines += [
        "",
        f"Levelled off (last third of the load: RSS and traced heap ≤ {LEVEL_MB_PER_MIN:g} MB/min): **{'met' if levelled(rss, held) else 'MISSED'}**; traced heap "
        f"{_mb(traced)}/min; caches still gaining entries: {', '.join(held['filling']) or 'none'}"
        f" (unbounded among them: {', '.join(held['filling_unbounded']) or 'none'}).",
        "",
        "| Minute | RSS MB | traced heap MB | all entries | "
        + " | ".join(SHOWN.values())
        + " | sessions | media files | uploads held | queue | drafts |",
        "|---" * (9 + len(SHOWN)) + "|",
        *(
            f"| {r['minute']} | {_n(r['rss_mb'])} | {_n(r['traced_mb'])} | {r['entries']} | "
            + " | ".join(_n(r[label]) for label in SHOWN.values())
            + f" | {r['sessions']} | {_n(r['media_files'])} | {_n(r['uploaded_files'])} | {_n(r['queue'])} | {_n(r['drafts'])} |"
            for r in held["minutes"]
        ),
        "",
        "Caches at the end of the load (entries/bound): " + ", ".join(full) + ".",
    ]
    return lines


def _mb(value: float | None) -> str:
    return "–" if value is None else f"{value:+.2f} MB"


def _n(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"
