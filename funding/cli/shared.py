"""What every command shares: exit codes, the problem line format, and the filter options.

Exit codes are part of the interface for scripts: 0 done, 1 invalid data or a bad option (every
problem printed, PATH:LINE: COLUMN: message for data), 2 a file that cannot be read or written,
3 a missing tool. Never a traceback.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from typing import Any

from funding.base.errors import Problem
from funding.base.reading import COMPANION_MAX_BYTES
from funding.selecting.selection import FIELDS, Filters

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE, EXIT_MISSING_TOOL = 0, 1, 2, 3


def format_problem(source: str, problem: Problem) -> str:
    where = f"{source}:{problem.line}: " + (f"{problem.column}: " if problem.column else "")
    value = problem.value if len(problem.value) <= 80 else problem.value[:77] + "..."
    got = f" (got {value!r})" if problem.value else ""
    return f"{where}{problem.message}{got}"


def megabytes(text: str) -> float:
    """A positive number of megabytes (argparse reports anything else, exit 2)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not value > 0 or math.isinf(value):
        raise argparse.ArgumentTypeError(f"must be a positive number of megabytes (got {text!r})")
    return value


def add_max_mb(parser: argparse.ArgumentParser, *more_defaults: str) -> None:
    """`--max-mb`: one limit for every file a command reads, in place of the stated defaults."""
    defaults = (
        "funding CSVs of any size",
        f"documents.csv and disagreements.csv up to {COMPANION_MAX_BYTES // 1_048_576} MB",
        *more_defaults,
    )
    parser.add_argument(
        "--max-mb",
        type=megabytes,
        help=f"refuse any file larger than this many MB (default: {', '.join(defaults)})",
    )


def read_limits(args: argparse.Namespace) -> dict[str, int | None]:
    """The `funding.registry.versions.read_version` limits that `--max-mb` gives (or the defaults)."""
    if args.max_mb is None:
        return {"max_bytes": None, "companion_max_bytes": COMPANION_MAX_BYTES}
    limit = int(args.max_mb * 1_048_576)
    return {"max_bytes": limit, "companion_max_bytes": limit}


def fail(problems: Sequence[str]) -> int:
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return EXIT_INVALID


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """The dashboard's URL parameters as options (`selection.FIELDS`), with the valid values in --help."""
    filters = parser.add_argument_group("filters (as in the dashboard's URL)")
    for field in FIELDS:
        values = ", ".join(field.all_codes()) or field.help
        if field.multi:
            filters.add_argument(
                field.option, dest=field.name, action="append", default=[], metavar="VALUE", help=values
            )
        elif field.shape == "flag" and getattr(Filters(), field.name):
            filters.add_argument(
                field.option, action=argparse.BooleanOptionalAction, default=True, help=values
            )
        elif field.shape == "flag":
            filters.add_argument(field.option, action="store_true", help=values)
        else:
            metavar = {"year": "YEAR", "text": "TEXT", "choice": None}[field.shape]
            default = "" if field.shape == "text" else None
            filters.add_argument(field.option, metavar=metavar, default=default, help=values)


def filters_from(args: argparse.Namespace, problems: list[str]) -> Filters:
    """The options as `Filters`; a year that is not four digits is a problem (and left open).
    Without --framework, the default stands in and `funding.selecting.frameworks` decides later."""
    values: dict[str, Any] = {}
    for field in FIELDS:
        given = getattr(args, field.name)
        if field.multi:
            values[field.name] = tuple(given)
        elif field.shape == "year":
            values[field.name] = _year(given, field.name, problems)
        else:
            values[field.name] = getattr(Filters(), field.name) if given is None else given
    return Filters(**values)


def _year(text: str | None, name: str, problems: list[str]) -> int | None:
    if text is None:
        return None
    if not text.strip().isdigit() or len(text.strip()) != 4:
        problems.append(f"{name}: must be a year written with four digits, such as 2025 (got {text!r})")
        return None
    return int(text)
