"""Command line: `python -m funding validate [PATH]`, `export OUT [filters]`, `diff OLD NEW`,
`check-quotes` and `scan DOCUMENT` (also installed as `funding`). One module per command; a new command is a new module with
`add(commands, name)` and `run(args)`, registered in COMMANDS (the one place its name is written). A run imports only the module of the
command it names: `validate` does not load the exports' chart and file libraries."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from funding.base.errors import InvalidData, UnreadableFile
from funding.cli.shared import EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE, format_problem

# Each command's name and its module in funding.cli, in the order `--help` lists them.
COMMANDS = {
    "validate": "validate",
    "export": "export",
    "diff": "diff",
    "check-quotes": "quotes",
    "scan": "scan",
    "calls": "calls",
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Every command's parser, or (`only`) that of one command, whose module alone is imported."""
    parser = argparse.ArgumentParser(
        prog="python -m funding",
        description="Check the funding dataset, export views of it as the dashboard shows them, and compare versions.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name, module in COMMANDS.items():
        if only in (None, name):
            importlib.import_module(f"funding.cli.{module}").add(commands, name)
    return parser


def _parse(arguments: list[str]) -> argparse.Namespace:
    """The arguments through the parser of the command they name; anything that parser does not
    take goes through every command's, so usage and errors read as they always have."""
    if arguments and arguments[0] in COMMANDS:
        args, unknown = build_parser(arguments[0]).parse_known_args(arguments)
        if not unknown:
            return args
    return build_parser().parse_args(arguments)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else list(argv))
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
