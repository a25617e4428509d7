"""`python -m funding check-quotes [PATH] [--sources DIR]`: the curator's check before a release.

Every quote of funding.csv and disagreements.csv must be verbatim in its cited seed document and
every amount written in its quote. Each problem is printed as PATH:LINE: COLUMN: message, like
`validate`. Exit codes: 0 every quote checks out, 1 a quote or amount does not (or a document
names no source file), 2 a file that cannot be read or does not validate, or a missing source
text. A seed text is named relative to the sources folder and must stay in it. Files are only
read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from funding.base.errors import InvalidData, UnreadableFile
from funding.base.paths import DATA_DIR, DEFAULT_DOCUMENTS
from funding.changes.quotes import DEFAULT_SOURCES, SOURCE_MAX_BYTES, check_version
from funding.cli.diff import report_unreadable
from funding.cli.shared import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNREADABLE,
    add_max_mb,
    format_problem,
    read_limits,
)
from funding.registry.documents import load_documents
from funding.registry.versions import VersionUnreadable, read_version

EXIT_PROBLEMS = EXIT_INVALID  # the exit codes of every command (funding.cli.shared)


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    parser = commands.add_parser(
        name,
        help="check that every quote is verbatim in its source document and holds its amount",
        description=__doc__.split("\n\n")[1],
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=DATA_DIR,
        metavar="PATH",
        help="funding CSV or version folder (default: data/, with its disagreements.csv)",
    )
    parser.add_argument(
        "--sources",
        type=Path,
        default=DEFAULT_SOURCES,
        metavar="DIR",
        help=f"folder of the seed texts named in documents.csv (default: {DEFAULT_SOURCES}, "
        "or $FUNDING_SOURCES_DIR)",
    )
    add_max_mb(parser, f"seed texts up to {SOURCE_MAX_BYTES // 1_048_576} MB")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    limits = read_limits(args)
    try:
        version = read_version(args.path, **limits)
        documents = (
            version.documents
            if version.documents is not None
            else load_documents(DEFAULT_DOCUMENTS, limit=limits["companion_max_bytes"])
        )
    except VersionUnreadable as exc:
        report_unreadable(exc)
        return EXIT_UNREADABLE
    except (UnreadableFile, InvalidData) as exc:
        report_unreadable(VersionUnreadable((exc,)))
        return EXIT_UNREADABLE
    report = check_version(
        version,
        documents,
        args.sources,
        limit=SOURCE_MAX_BYTES if args.max_mb is None else limits["max_bytes"],
    )
    for error in report.unreadable:
        print(f"error: {error.source}: {error.reason}", file=sys.stderr)
    count = 0
    for source, problems in report.problems.items():
        for problem in problems:
            print(format_problem(source, problem), file=sys.stderr)
        count += len(problems)
    if report.unreadable:
        return EXIT_UNREADABLE
    if count:
        print(f"{count} problem(s) in {report.checked} quotes", file=sys.stderr)
        return EXIT_PROBLEMS
    print(
        f"{report.checked} quotes checked against {args.sources}: every one verbatim, every amount in its quote"
    )
    return EXIT_OK
