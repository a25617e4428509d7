"""The soak's memory verdicts (bench/soak_memory.py) from samples and server counts made by hand,
every slope worked out in the comments. No server, no process."""

from typing import Any

import pytest

from bench import soak_memory
from bench.soak_memory import inside, levelled, memory, slope_per_min


def test_slope_is_least_squares_in_mb_per_minute() -> None:
    # 100, 103, 106 MB a minute apart: 3 MB/min. (0, 100), (60, 106), (120, 106): mean t 60, mean
    # v 104; slope = (-60 * -4 + 0 * 2 + 60 * 2) / (60² + 60²) = 360 / 7200 MB/s = 3 MB/min too;
    # a peak in the middle, (0, 100), (60, 103), (120, 100): (-60 * -1 + 60 * -1) / 7200 = 0.
    assert slope_per_min([(0, 100), (60, 103), (120, 106)]) == pytest.approx(3.0)
    assert slope_per_min([(0, 100), (60, 106), (120, 106)]) == pytest.approx(3.0)
    assert slope_per_min([(0, 100), (60, 103), (120, 100)]) == pytest.approx(0.0)
    assert slope_per_min([(0, 100), (60, 103)]) is None  # two points are no trend


def _samples(rise_mb_per_min: float, until: int = 600) -> list[tuple[float, float]]:
    """RSS every 10 s: 70 MB idle for 20 s, then a load from 20 s to 500 s rising at the rate
    given from 300 MB, then 250 MB once it stopped."""
    return [
        (t, 70.0 if t < 20 else 300 + rise_mb_per_min * (t - 20) / 60 if t <= 500 else 250.0)
        for t in range(0, until, 10)
    ]


def test_memory_states_the_last_thirds_slope_and_the_end() -> None:
    # Load 20-500 s: the last third starts at 20 + 480 * 2/3 = 340 s; warm-up ends at 260 s.
    found = memory(_samples(2.0), warmup_end=260, load_start=20, load_end=500, stopped=560, cleared=580)
    assert found["last_third_from_s"] == pytest.approx(340)
    assert found["last_third_slope_mb_per_min"] == pytest.approx(2.0)
    assert found["start_mb"] == 70.0
    # After warm-up (260 s): 300 + 2 * 240/60 = 308 MB; the end (560-570 s) is 250 MB: no growth.
    assert found["after_warmup_mb"] == pytest.approx(308.0)
    assert found["end_mb"] == 250.0 and found["no_growth"]
    assert found["after_cache_clear_mb"] == 250.0


def _line(t: float, chart: int, upload: int, traced: float | None = None) -> dict[str, Any]:
    line: dict[str, Any] = {
        "time": 1000.0 + t,
        "caches": {
            "cached.chart": {"entries": chart, "max": 256},
            "loading._valid_upload": {"entries": upload, "max": 8, "bytes": None},
            "cached.draws_images": {"entries": 1, "max": None},
        },
        "runtime": {"sessions_open": 20, "sessions_kept": 0, "media_files": 3, "uploaded_files": 4},
        "app": {"precompute_queue": 150, "drafts": 20},
    }
    if traced is not None:
        line["traced_mb"] = traced
    return line


def test_counts_per_minute_and_the_caches_still_filling() -> None:
    # Counts at 30, 90, 350 and 470 s of a load from 20 to 500 s (the last third from 340 s): the
    # charts go 10, 40, 100, 120 (20 gained in the last third), uploads stay at 8 (full).
    stats = [_line(30, 10, 8), _line(90, 40, 8), _line(350, 100, 8), _line(470, 120, 8)]
    held = inside(stats, _samples(0.0), t0_wall=1000.0, load=(20, 500))
    assert [m["minute"] for m in held["minutes"]] == [0, 1, 5, 7]
    assert [m["charts"] for m in held["minutes"]] == [10, 40, 100, 120]
    assert held["minutes"][0]["entries"] == 10 + 8 + 1
    assert held["caches_at_end_of_load"]["cached.chart"] == {
        "entries": 120,
        "max": 256,
        "gained": 20,
        "bytes": None,
    }
    assert held["filling"] == ["cached.chart"] and held["filling_unbounded"] == []


def test_an_unbounded_cache_gaining_entries_is_named() -> None:
    stats = [_line(350, 100, 8), _line(470, 100, 8)]
    stats[-1]["caches"]["cached.draws_images"]["entries"] = 5
    held = inside(stats, _samples(0.0), t0_wall=1000.0, load=(20, 500))
    assert held["filling_unbounded"] == ["cached.draws_images"]


@pytest.mark.parametrize(
    ("rss_rise", "traced", "expected"),
    [
        (0.0, None, True),  # flat RSS, not traced
        (soak_memory.LEVEL_MB_PER_MIN * 0.9, None, True),  # under the limit
        (3.0, None, False),  # rising RSS is not levelled, whatever fills
        (0.0, (100.0, 110.0), False),  # flat RSS but a heap rising 10 MB in 2 min: 5 MB/min
        (0.0, (100.0, 100.5), True),  # 0.5 MB in 2 min: 0.25 MB/min
    ],
)
def test_levelled_off_needs_every_slope_within_the_limit(
    rss_rise: float, traced: tuple[float, float] | None, expected: bool
) -> None:
    rss = memory(_samples(rss_rise), warmup_end=260, load_start=20, load_end=500, stopped=560, cleared=580)
    stats = [_line(t, 100, 8) for t in (340, 400, 460)]
    if traced is not None:  # traced heap from the first to the last value over 340-460 s
        low, high = traced
        for line, share in zip(stats, (0.0, 0.5, 1.0), strict=True):
            line["traced_mb"] = low + (high - low) * share
    assert levelled(rss, inside(stats, _samples(rss_rise), t0_wall=1000.0, load=(20, 500))) is expected
