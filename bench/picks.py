"""`python -m bench.picks [ROWS]`: one chart click at scale, the cost a rerun with a pick pays.

Writes ROWS synthetic rows (bench.synth, default 100,000), loads them, and times, best of five
warm runs: narrowing the whole selection to one source (`charts.narrow`), folding that pick into
filters as the downloads do (`charts.picks_as_filters`), and what a link's picks may name
(`charts.pick_values`); plus building the filter index, which a dataset pays once.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import synth  # noqa: E402
from funding import charts  # noqa: E402
from funding.registry.loading import load_dataset  # noqa: E402
from funding.selecting.filter_index import build, select  # noqa: E402
from funding.selecting.selection import Filters  # noqa: E402


def best(run: Callable[[], object], times: int = 5) -> float:
    """The fastest of `times` runs after one warm-up, in seconds."""
    run()
    spent = []
    for _ in range(times):
        started = time.perf_counter()
        run()
        spent.append(time.perf_counter() - started)
    return min(spent)


def main(argv: Sequence[str]) -> int:
    rows = int(argv[0]) if argv else 100_000
    with tempfile.TemporaryDirectory() as folder:
        dataset = load_dataset(synth.write(Path(folder) / "synth.csv", rows), known_documents=None)
    filters = Filters()
    selection = select(filters, dataset)
    source = dataset.sources[len(dataset.sources) // 2]
    picks = {"source": [source]}
    print(f"{rows} rows, one pick of source {source!r}, best of 5 warm runs:")
    timed = {
        "narrow": lambda: charts.narrow(dataset, selection, picks, "eu"),
        "picks_as_filters": lambda: charts.picks_as_filters(filters, picks, dataset),
        "pick_values": lambda: charts.pick_values(dataset),
        "filter index build": lambda: build(dataset),
    }
    for name, run in timed.items():
        print(f"  {name}: {best(run):.4f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
