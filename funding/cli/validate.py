"""`python -m funding validate [PATH]`: check a funding CSV against the schema and curation rules.

Exit 0 prints a one-line summary with the lead figures, and a line per range naming the first
few rows that make it and counting the rest (a file of 100,000 rows has thousands), then any
warnings (`warning: PATH:LINE: COLUMN: message [code]`: a part that contradicts its whole, a note
in one language only), which fail the check only with `--strict` (exit 1); exit 1 lists the first
1,000 problems and the count by column; exit 2 a file that cannot be read (a device, FIFO or socket too) or an
argument argparse refuses (`--max-mb 0`). Local files of any size are read unless `--max-mb`."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from funding.base.paths import DEFAULT_DATA, DEFAULT_DOCUMENTS
from funding.cli.shared import EXIT_INVALID, EXIT_OK, format_problem, megabytes
from funding.i18n import t
from funding.registry.dataset_rules import dataset_warnings
from funding.registry.disagreements import load_disagreements
from funding.registry.documents import load_documents
from funding.registry.loading import MAX_BYTES, load_dataset
from funding.registry.versions import companions
from funding.selecting.figures import figures
from funding.selecting.formatting import format_count
from funding.selecting.selection import Filters

# Row ids named on a range line before "and N more": the summary stays a few lines at any size.
NAMED_IDS = 4


def named(ids: Sequence[str]) -> str:
    """The first NAMED_IDS ids, then how many more."""
    shown = ", ".join(ids[:NAMED_IDS])
    if len(ids) > NAMED_IDS:
        shown += " " + t("and_more", "en", n=format_count(len(ids) - NAMED_IDS, "en"))
    return shown


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    validate = commands.add_parser(name, help="check a funding CSV against the schema and curation rules")
    validate.add_argument(
        "path", nargs="?", type=Path, default=DEFAULT_DATA, help="CSV file (default: data/funding.csv)"
    )
    validate.add_argument(
        "--documents",
        type=Path,
        help="document registry CSV (default: the one beside PATH in a version folder, else data/'s)",
    )
    validate.add_argument(
        "--max-mb",
        type=megabytes,
        help="refuse files larger than this many MB (default: none; uploads on the page are "
        f"limited to {MAX_BYTES // (1024 * 1024)} MB)",
    )
    validate.add_argument(
        "--strict", action="store_true", help="exit 1 when there are warnings (for a curator's release check)"
    )
    validate.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    files = companions(Path(args.path))  # a CSV in a version folder is checked with its own files
    documents = load_documents(args.documents or files.documents or DEFAULT_DOCUMENTS)
    max_bytes = None if args.max_mb is None else int(args.max_mb * 1024 * 1024)
    dataset = load_dataset(args.path, known_documents=documents, max_bytes=max_bytes)
    if files.version and files.disagreements is not None:
        load_disagreements(files.disagreements, record_ids=dataset.by_id, known_documents=documents)
    public = figures(dataset, dataset.records, Filters(), "en").public.by_scope
    amounts = dataset.column("amount_eur")  # (a record for each of 100,000 rows cost a second)
    with_amount = len(amounts) - amounts.count(None)
    said = "; ".join(f"{public[s].label.lower()} {public[s].exact}" for s in ("battery", "wider", "all"))
    print(
        f"{args.path}: valid: {len(dataset.records)} rows, {with_amount} with amounts; {said} "
        "(guarantees, State-aid ceilings, private investment and targets are not added)"
    )
    for figure in public.values():
        if figure.bounds.is_range:
            print(
                f"  range {figure.exact}: the documents do not say whether these share money: "
                f"{named(figure.bounds.uncertain)}"
            )
    warnings = dataset_warnings(dataset)
    for warning in warnings:
        print(f"warning: {format_problem(str(args.path), warning)} [{warning.code}]")
    return EXIT_INVALID if warnings and args.strict else EXIT_OK
