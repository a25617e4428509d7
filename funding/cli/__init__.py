"""Command line: `python -m funding validate [PATH]`, `export OUT [filters]`, `diff OLD NEW`,
`check-quotes` and `scan DOCUMENT` (also installed as `funding`). One module per command; a new command is a new module with
`add(commands)` and `run(args)`, registered in COMMANDS."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from funding.base.errors import InvalidData, UnreadableFile
from funding.cli import calls, diff, export, quotes, scan, validate
from funding.cli.shared import EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE, format_problem

COMMANDS = (validate, export, diff, quotes, scan, calls)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m funding",
        description="Check the funding dataset, export views of it as the dashboard shows them, and compare versions.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except BrokenPipeError:
        # The reader went away (`validate | head`): not an error, and no traceback on exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except UnreadableFile as exc:
        print(f"error: {exc.source}: {exc.reason}", file=sys.stderr)
        return EXIT_UNREADABLE
    except InvalidData as exc:
        for problem in exc.problems:
            print(format_problem(exc.source, problem), file=sys.stderr)
        if exc.truncated:
            columns = ", ".join(
                f"{c or '(row)'} {n}" for c, n in sorted(exc.by_column.items(), key=lambda i: -i[1])
            )
            print(
                f"{exc.source}: {exc.total} problems, the first {len(exc.problems)} listed; by column: {columns}",
                file=sys.stderr,
            )
        noun = "problem" if exc.total == 1 else "problems"
        print(f"{exc.source}: {exc.total} {noun}; nothing was changed", file=sys.stderr)
        return EXIT_INVALID
