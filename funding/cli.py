"""Command line: `python -m funding validate [PATH]`.

Exit codes are part of the interface for scripts: 0 valid, 1 invalid data (every problem
printed as PATH:LINE: COLUMN: message), 2 a file that cannot be read at all. Never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from funding.documents import load_documents
from funding.formatting import format_eur
from funding.loading import (
    DEFAULT_DATA,
    DEFAULT_DOCUMENTS,
    MAX_BYTES,
    InvalidData,
    Problem,
    UnreadableFile,
    load_dataset,
)
from funding.totals import totals_by_kind

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2


def format_problem(source: str, problem: Problem) -> str:
    where = f"{source}:{problem.line}: " + (f"{problem.column}: " if problem.column else "")
    value = problem.value if len(problem.value) <= 80 else problem.value[:77] + "..."
    got = f" (got {value!r})" if problem.value else ""
    return f"{where}{problem.message}{got}"


def _validate(args: argparse.Namespace) -> int:
    documents = load_documents(args.documents)
    dataset = load_dataset(args.path, known_documents=documents, max_bytes=args.max_mb * 1024 * 1024)
    public = totals_by_kind(dataset, dataset.records)["public"]
    with_amount = sum(r.amount_eur is not None for r in dataset.records)
    print(
        f"{args.path}: valid: {len(dataset.records)} rows, {with_amount} with amounts; "
        f"net public funding {format_eur(public.net, 'en', public.qualifier)} "
        "(guarantees, State-aid ceilings, private investment and targets are not added)"
    )
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m funding", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser(
        "validate", help="check a funding CSV against the schema and curation rules"
    )
    validate.add_argument(
        "path", nargs="?", type=Path, default=DEFAULT_DATA, help="CSV file (default: data/funding.csv)"
    )
    validate.add_argument("--documents", type=Path, default=DEFAULT_DOCUMENTS, help="document registry CSV")
    validate.add_argument(
        "--max-mb", type=int, default=MAX_BYTES // (1024 * 1024), help="refuse larger files"
    )
    validate.set_defaults(run=_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except UnreadableFile as exc:
        print(f"error: {exc.source}: {exc.reason}", file=sys.stderr)
        return EXIT_UNREADABLE
    except InvalidData as exc:
        for problem in exc.problems:
            print(format_problem(exc.source, problem), file=sys.stderr)
        print(f"{exc.source}: {len(exc.problems)} problem(s); nothing was changed", file=sys.stderr)
        return EXIT_INVALID
