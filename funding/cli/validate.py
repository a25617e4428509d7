"""`python -m funding validate [PATH]`: check a funding CSV against the schema and curation rules.

Exit 0 prints a one-line summary with the lead figures; exit 1 lists the first 1,000 problems
and the count by column; exit 2 a file that cannot be read (a device, FIFO or socket too) or an
argument argparse refuses (`--max-mb 0`). Local files of any size are read unless `--max-mb`."""

from __future__ import annotations

import argparse
from pathlib import Path

from funding.cli.shared import EXIT_OK, megabytes
from funding.disagreements import load_disagreements
from funding.documents import load_documents
from funding.formatting import format_bounds
from funding.loading import MAX_BYTES, load_dataset
from funding.paths import DEFAULT_DATA, DEFAULT_DOCUMENTS
from funding.totals import totals_by_kind
from funding.versions import companions


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    validate = commands.add_parser(
        "validate", help="check a funding CSV against the schema and curation rules"
    )
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
    validate.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    files = companions(Path(args.path))  # a CSV in a version folder is checked with its own files
    documents = load_documents(args.documents or files.documents or DEFAULT_DOCUMENTS)
    max_bytes = None if args.max_mb is None else int(args.max_mb * 1024 * 1024)
    dataset = load_dataset(args.path, known_documents=documents, max_bytes=max_bytes)
    if files.version and files.disagreements is not None:
        load_disagreements(files.disagreements, record_ids=dataset.by_id, known_documents=documents)
    public = totals_by_kind(dataset, dataset.records)["public"]
    with_amount = sum(r.amount_eur is not None for r in dataset.records)
    print(
        f"{args.path}: valid: {len(dataset.records)} rows, {with_amount} with amounts; "
        f"public funding for batteries {format_bounds(public.battery, 'en')}; "
        f"wider envelopes open to batteries {format_bounds(public.wider, 'en')}; "
        f"all public funding counted once {format_bounds(public.net, 'en')} "
        "(guarantees, State-aid ceilings, private investment and targets are not added)"
    )
    for bounds in (public.battery, public.wider, public.net):
        if bounds.is_range:
            names = ", ".join(bounds.uncertain)
            print(
                f"  range {format_bounds(bounds, 'en')}: the documents do not say whether these share money: {names}"
            )
    return EXIT_OK
