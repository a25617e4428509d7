"""`python -m funding diff OLD NEW [--format text|md|csv|json]`: what changed between versions.

OLD and NEW are funding CSVs or version folders (a folder stands for its funding.csv; a CSV in
a folder with dataset.json is read with that version's documents and disagreements, see
`funding.registry.versions`). Exit codes: 0 identical, 1 differences (the report is on stdout), 2 a file
that cannot be read or does not validate (every problem of both versions listed on stderr, as
`validate` lists them). Both files are only read; a version folder's companions must be files of
that folder, each within its limit (`funding.base.reading`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from funding.base.errors import InvalidData
from funding.changes.diff import diff_versions
from funding.changes.diff_report import FORMATS, render
from funding.cli.shared import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNREADABLE,
    add_max_mb,
    format_problem,
    read_limits,
)
from funding.registry.versions import DatasetVersion, VersionUnreadable, read_version

EXIT_IDENTICAL, EXIT_DIFFERENT = EXIT_OK, EXIT_INVALID  # as diff(1): 0 same, 1 different, 2 trouble


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    parser = commands.add_parser(
        name,
        help="list what changed between two versions of the dataset, and how the totals moved",
        description=__doc__.split("\n\n")[1],
    )
    parser.add_argument(
        "old", type=Path, metavar="OLD", help="funding CSV or version folder (the earlier one)"
    )
    parser.add_argument("new", type=Path, metavar="NEW", help="funding CSV or version folder (the later one)")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default), md, csv (one line per change) or json",
    )
    add_max_mb(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    versions: list[DatasetVersion] = []
    for path in (args.old, args.new):
        try:
            versions.append(read_version(path, **read_limits(args)))
        except VersionUnreadable as exc:
            report_unreadable(exc)
    if len(versions) < 2:
        return EXIT_UNREADABLE
    diff = diff_versions(versions[0], versions[1])
    write_stdout(render(diff, args.format))
    return EXIT_IDENTICAL if diff.identical else EXIT_DIFFERENT


def report_unreadable(exc: VersionUnreadable) -> None:
    for error in exc.errors:
        if isinstance(error, InvalidData):
            for problem in error.problems:
                print(format_problem(error.source, problem), file=sys.stderr)
            print(f"{error.source}: {len(error.problems)} problem(s)", file=sys.stderr)
        else:
            print(f"error: {error.source}: {error.reason}", file=sys.stderr)


def write_stdout(text: str) -> None:
    """UTF-8 whatever the console's code page (a closed pipe is handled by `funding.cli.main`)."""
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
