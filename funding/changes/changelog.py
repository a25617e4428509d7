"""data/CHANGELOG.md, generated from the diffs between consecutive releases in data/releases/.

The change log is the diff, not a second account of it, so it cannot drift from the data: a test
regenerates it and fails when the file differs (`scripts/changelog` rewrites it). The reasons
behind each release are written by hand in data/README.md §8.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from funding.base.paths import DATA_DIR, PROJECT_ROOT
from funding.changes.diff import diff_versions
from funding.changes.diff_report import lines, md_escape
from funding.registry.generated import write_or_check
from funding.registry.versions import DatasetVersion, Release, read_version, releases

CHANGELOG = DATA_DIR / "CHANGELOG.md"
HEADER = (
    "# Changes between releases of the dataset",
    "",
    "Generated from the releases in `data/releases/` by `scripts/changelog`; do not edit by hand. "
    "Each section compares a release with the one before it, row by row, with the effect on the "
    "totals. Why the data changed is in `data/README.md` §8. Compare any two versions, or your own "
    "file, with `python -m funding diff OLD NEW`.",
    "",
)


def render_changelog(found: Sequence[Release]) -> str:
    return "\n".join(_sections(found)) + "\n"


def _sections(found: Sequence[Release]) -> Iterator[str]:
    yield from HEADER
    versions = [read_version(r.folder) for r in found]
    for index in range(len(versions) - 1, 0, -1):
        old, new = versions[index - 1], versions[index]
        diff = dataclasses.replace(diff_versions(old, new), old=_relative(old.path), new=_relative(new.path))
        yield from lines(diff, markdown=True, level=2, heading=f"{new.label}, compared with {old.label}")
    if versions:
        yield from _first(versions[0])


def _first(version: DatasetVersion) -> Iterator[str]:
    records = version.dataset.records
    with_amount = sum(r.amount_eur is not None for r in records)
    documents = len(version.documents or {})
    yield f"## {md_escape(version.label)}"
    yield ""
    yield (
        f"First release: {len(records)} rows, {with_amount} of them with an amount, citing "
        f"{documents} documents (`{_relative(version.path)}`)."
    )


def _relative(path: Path) -> str:
    return Path(os.path.relpath(path.resolve(), PROJECT_ROOT)).as_posix()


def main(argv: Sequence[str] | None = None) -> int:
    """Write data/CHANGELOG.md; with --check, only say whether it is up to date (exit 1 if not)."""
    return write_or_check(CHANGELOG, render_changelog(releases()), argv, "scripts/changelog")


if __name__ == "__main__":
    sys.exit(main())
