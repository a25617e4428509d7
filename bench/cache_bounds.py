"""What each of the page's shared caches weighs per entry, and so at its bound (`max_entries`).

A soak's RSS rises while the caches fill; this says how far they can fill. In one process, under
tracemalloc, each cache gets `--entries` new entries at the shipped data's full size (every row
selected, each entry under another key: a later `year_to` than any row, both languages), and
the memory kept after a garbage collection, divided by the entries, is one entry's weight; times
`max_entries` is the cache's bound. The uploaded-files cache is weighed by a valid upload at the
upload limit (a synthetic CSV just under `MAX_BYTES`). Streamlit's caches work without a server
(each warns on stderr that no runtime is found); the entries are made by the page's own
functions in app/cached.py.

    .venv/bin/python -m bench.cache_bounds            # about half a minute of CPU
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import synth

MB = 2**20


def weigh(fill: Callable[[int], object], entries: int) -> float:
    """MB kept per entry: `fill(i)` makes entry i (entry -1 first, to build what every entry
    shares, such as a dataset's indexes, outside the count)."""
    fill(-1)
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(entries):
        fill(i)
    gc.collect()
    return (tracemalloc.get_traced_memory()[0] - before) / entries / MB


def bounds(entries: int) -> list[dict[str, Any]]:
    from app import cached, loading
    from app.context import source_text
    from funding import charts
    from funding.base import paths
    from funding.registry.documents import load_documents
    from funding.registry.loading import MAX_BYTES, load_dataset
    from funding.selecting.kinds import default_kind
    from funding.selecting.selection import Filters

    documents = tuple(sorted(load_documents(paths.DEFAULT_DOCUMENTS)))
    dataset = load_dataset(known_documents=documents)
    digest = "shipped"

    def key(i: int) -> tuple[Filters, Any]:
        return Filters(year_to=3000 + i // 2), ("en", "nl")[i % 2]

    def chart(i: int) -> object:
        filters, lang = key(i)
        kind = default_kind(cached.selection(dataset, filters, ()), filters.kind)
        return [
            cached.chart(name, digest, filters, (), lang, kind, "", dataset)
            for name in ("pillar", "hierarchy")
        ]

    def figure_set(i: int) -> object:
        filters, lang = key(i)
        return cached.figure_set(digest, filters, (), lang, dataset)

    def plan(i: int) -> object:
        filters, lang = key(i)
        return cached.planned(digest, filters, lang, dataset, cached.selection(dataset, filters, ()))

    def comparison(i: int) -> object:
        filters, lang = key(i)
        source = source_text(None, None, filters, lang)
        colour, top = charts.DEFAULT_COLOUR, charts.DEFAULT_TOP
        return cached.comparison(digest, filters, (), lang, source, dataset, colour, top)

    upload = _largest_upload(MAX_BYTES)
    kept: list[object] = []  # what `_valid_upload` keeps: the parsed upload, here kept by hand

    def valid_upload(i: int) -> object:
        kept.append(loading.read_upload(upload, f"up-{i}.csv", documents))
        return kept[-1]

    measured = [
        ("cached.chart (2 charts an entry)", chart, cached.CHARTS, 2),
        ("cached.comparison", comparison, cached.CHARTS, 1),
        ("cached.figure_set", figure_set, cached.HEADLINES, 1),
        ("cached.planned", plan, cached.PLANS, 1),
        (f"loading._valid_upload ({len(upload) / MB:.1f} MB CSV)", valid_upload, loading.UPLOADS, 1),
    ]
    found = []
    for name, fill, bound, per_call in measured:
        each = weigh(fill, entries) / per_call
        found.append({"cache": name, "max_entries": bound, "mb_per_entry": each, "mb_at_bound": each * bound})
    return found


def _largest_upload(limit: int) -> bytes:
    """A valid synthetic CSV just under the upload limit (synthetic rows are about 280 bytes)."""
    rows = limit // 280
    with tempfile.TemporaryDirectory() as tmp:
        while True:
            data = synth.write(Path(tmp) / "upload.csv", rows).read_bytes()
            if len(data) <= limit:
                return data
            rows -= 500


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cache_bounds", description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=8, help="new entries weighed per cache (default 8)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    tracemalloc.start()
    print("| Cache | max entries | MB an entry | MB at the bound |\n|---|---|---|---|")
    for row in bounds(args.entries):
        print(
            f"| {row['cache']} | {row['max_entries']} | {row['mb_per_entry']:.3f} | {row['mb_at_bound']:.0f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
