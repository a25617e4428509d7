"""Command line: `python -m funding validate [PATH]` and `python -m funding export OUT [filters]`.

Exit codes are part of the interface for scripts: 0 valid, 1 invalid data (the first 1,000
problems printed as PATH:LINE: COLUMN: message, then the count), 2 a file that cannot be read
at all (also a device, FIFO or socket) or an argument argparse refuses (--max-mb 0). Never a
traceback. Local files of any size are read; --max-mb sets a limit. `export` adds: 1 also for a
bad option or filter value (the message lists the valid values), for an output file that exists
without --force and for an output that is one of its own inputs (--data, --documents,
--template); 2 also when the output cannot be written; 3 when a PNG is asked for and no
Chromium is installed (the message says how to install it).
"""

from __future__ import annotations

import argparse
import io
import math
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from funding.archives import TEMPLATE_MAX_BYTES
from funding.dataset import Dataset
from funding.dataset_info import DatasetInfo, load_info
from funding.documents import Document, load_documents
from funding.errors import InvalidData, Problem, UnreadableFile
from funding.formatting import format_bounds
from funding.loading import MAX_BYTES, load_dataset
from funding.paths import DEFAULT_DATA, DEFAULT_DOCUMENTS
from funding.reading import read_file
from funding.records import Instrument
from funding.selection import MULTI_FIELDS, Filters, apply, describe, filter_problems
from funding.totals import totals_by_kind
from funding.vocab import (
    AMOUNT_KIND,
    BENEFICIARY,
    EU_PILLAR,
    INSTRUMENT_TYPE,
    LANGS,
    LEVEL,
    NL_PILLAR,
    STATUS,
    Lang,
)

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE, EXIT_MISSING_TOOL = 0, 1, 2, 3
# funding.exports.CHARTS, named here so that `validate` does not import the export libraries.
PNG_CHARTS = ("envelopes", "pillar", "source", "instrument_type", "beneficiary")


def format_problem(source: str, problem: Problem) -> str:
    where = f"{source}:{problem.line}: " + (f"{problem.column}: " if problem.column else "")
    value = problem.value if len(problem.value) <= 80 else problem.value[:77] + "..."
    got = f" (got {value!r})" if problem.value else ""
    return f"{where}{problem.message}{got}"


def _validate(args: argparse.Namespace) -> int:
    documents = load_documents(args.documents)
    max_bytes = None if args.max_mb is None else int(args.max_mb * 1024 * 1024)
    dataset = load_dataset(args.path, known_documents=documents, max_bytes=max_bytes)
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
        "--max-mb",
        type=_megabytes,
        help="refuse files larger than this many MB (default: none; uploads on the page are "
        f"limited to {MAX_BYTES // (1024 * 1024)} MB)",
    )
    validate.set_defaults(run=_validate)
    _add_export(commands)
    return parser


def _megabytes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not value > 0 or math.isinf(value):
        raise argparse.ArgumentTypeError(f"must be a positive number of megabytes (got {text!r})")
    return value


def _add_export(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export",
        help="write the selection as CSV, XLSX or PPTX, or one chart as PNG",
        description=(
            "Write exactly the filtered selection, with its sources, to OUT; the format follows "
            "OUT's extension. Filters take the dashboard's URL parameter names and values; repeat "
            "an option for several values (--level EU --level NL)."
        ),
    )
    export.add_argument("out", type=Path, metavar="OUT", help="OUT.csv, OUT.xlsx, OUT.pptx or OUT.png")
    export.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="funding CSV to export from (default: data/funding.csv)",
    )
    export.add_argument("--documents", type=Path, default=DEFAULT_DOCUMENTS, help="document registry CSV")
    export.add_argument("--lang", default="en", help="language of labels and numbers: en (default) or nl")
    export.add_argument("--template", type=Path, help="PowerPoint .pptx/.potx whose layouts and theme to use")
    export.add_argument("--chart", help=f"the chart for a PNG: {', '.join(PNG_CHARTS)} (default: envelopes)")
    export.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    filters = export.add_argument_group("filters (as in the dashboard's URL)")
    valid = {
        "level": LEVEL.codes,
        "type": INSTRUMENT_TYPE.codes,
        "pillar": EU_PILLAR.codes + NL_PILLAR.codes,
        "beneficiary": BENEFICIARY.codes,
        "status": STATUS.codes,
        "kind": AMOUNT_KIND.codes,
    }
    for name in MULTI_FIELDS:
        values = ", ".join(valid[name]) if name in valid else "as in the data's source column"
        filters.add_argument(f"--{name}", action="append", default=[], metavar="VALUE", help=values)
    filters.add_argument("--framework", default="eu", help="pillar framework: eu (default) or nl")
    filters.add_argument("--year-from", metavar="YEAR")
    filters.add_argument("--year-to", metavar="YEAR")
    filters.add_argument(
        "--undated",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="keep undated instruments when a period is set (default: keep)",
    )
    filters.add_argument("--battery-only", action="store_true", help="only battery-specific instruments")
    filters.add_argument("--q", default="", metavar="TEXT", help="text search in ids, names, sources, notes")
    export.set_defaults(run=_export)


def _export(args: argparse.Namespace) -> int:
    from funding.exports import CHARTS, FORMATS, ChromiumMissing
    from funding.exports.files import OutputExists, write_atomically

    started = time.perf_counter()
    out: Path = args.out
    fmt = out.suffix.lower().lstrip(".")
    problems: list[str] = []
    if fmt not in FORMATS:
        problems.append(
            f"{out}: unknown output format {out.suffix or '(none)'!r}; valid: .{', .'.join(FORMATS)}"
        )
    if args.lang not in LANGS:
        problems.append(f"lang: unknown value {args.lang!r}; valid: {', '.join(LANGS)}")
    if args.chart is not None and fmt != "png":
        problems.append("--chart only applies to a .png output")
    if args.chart is not None and args.chart not in CHARTS:
        problems.append(f"chart: unknown value {args.chart!r}; valid: {', '.join(CHARTS)}")
    if args.template is not None and fmt != "pptx":
        problems.append("--template only applies to a .pptx output")
    years = {name: _year(getattr(args, name), name, problems) for name in ("year_from", "year_to")}
    if out.is_dir():
        problems.append(
            f"{out}: is a directory; give a file name such as {out / ('export.' + (fmt or 'xlsx'))}"
        )
    elif out.exists() and not args.force:
        problems.append(f"{out}: already exists; use --force to overwrite it")
    for name, given in (
        ("--data", args.data),
        ("--documents", args.documents),
        ("--template", args.template),
    ):
        if given is not None and _same_file(out, given):
            problems.append(f"{out}: is the {name} file this export reads; write the export elsewhere")
    if problems:
        return _fail(problems)

    documents = load_documents(args.documents)
    dataset = load_dataset(args.data, known_documents=documents)
    info = load_info()
    filters = Filters(
        **{name: tuple(getattr(args, name)) for name in MULTI_FIELDS},
        framework=args.framework,
        year_from=years["year_from"],
        year_to=years["year_to"],
        undated=args.undated,
        battery_only=args.battery_only,
        q=args.q,
    )
    problems = filter_problems(filters, dataset)
    if problems:
        return _fail(problems)
    lang: Lang = args.lang
    selection = apply(filters, dataset.records)
    # Another CSV is not the curated dataset: its files must not carry the curated version's name.
    args.upload_name = None if args.data.resolve() == DEFAULT_DATA.resolve() else args.data.name
    try:
        data = _render(fmt, dataset, selection, filters, lang, documents, info, args)
    except ChromiumMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_MISSING_TOOL
    try:
        write_atomically(out, data, overwrite=args.force)
    except OutputExists:
        return _fail([f"{out}: already exists; use --force to overwrite it"])
    seconds = time.perf_counter() - started
    print(
        f"wrote {out}: {_contents(fmt, data, selection, args)}; {describe(filters, lang)}; "
        f"dataset v{info.version}, {lang}, {seconds:.1f} s"
    )
    return EXIT_OK


def _same_file(out: Path, given: Path) -> bool:
    """Whether writing OUT would replace an input (the same file by any path, link included)."""
    try:
        return out.exists() and os.path.samefile(out, given)
    except OSError:
        return False


def _year(text: str | None, name: str, problems: list[str]) -> int | None:
    if text is None:
        return None
    if not text.strip().isdigit() or len(text.strip()) != 4:
        problems.append(f"{name}: must be a year written with four digits, such as 2025 (got {text!r})")
        return None
    return int(text)


def _fail(problems: Sequence[str]) -> int:
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return EXIT_INVALID


def _render(
    fmt: str,
    dataset: Dataset,
    selection: Sequence[Instrument],
    filters: Filters,
    lang: Lang,
    documents: dict[str, Document],
    info: DatasetInfo,
    args: argparse.Namespace,
) -> bytes:
    from funding.exports import export_csv, export_png, export_pptx, export_xlsx

    if fmt == "csv":
        return export_csv(dataset, selection, filters, lang, documents, info)
    if fmt == "xlsx":
        return export_xlsx(dataset, selection, filters, lang, documents, info, upload_name=args.upload_name)
    if fmt == "pptx":
        template = _read_template(args.template) if args.template is not None else None
        return export_pptx(
            dataset,
            selection,
            filters,
            lang,
            documents,
            info,
            template=template,
            upload_name=args.upload_name,
        )
    return export_png(
        dataset,
        selection,
        filters,
        lang,
        documents,
        info,
        chart=args.chart or "envelopes",
        upload_name=args.upload_name,
    )


def _read_template(path: Path) -> bytes:
    """The same limit as the page's template upload; export_pptx then checks what it inflates to."""
    return read_file(path, limit=TEMPLATE_MAX_BYTES)


def _contents(fmt: str, data: bytes, selection: Sequence[Instrument], args: argparse.Namespace) -> str:
    """What the file holds, for the one-line summary."""
    cited = len({r.source_document for r in selection if r.source_document})
    if fmt == "pptx":
        from pptx import Presentation

        slides = list(Presentation(io.BytesIO(data)).slides)
        charts = sum(1 for slide in slides for shape in slide.shapes if shape.has_chart)
        return f"{len(slides)} slides ({charts} native charts), {len(selection)} instruments, {cited} documents cited"
    if fmt == "png":
        return f"chart {args.chart or 'envelopes'!r}, {len(data) // 1024} kB"
    return f"{len(selection)} rows, {cited} documents cited"


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
        if exc.truncated:
            columns = ", ".join(
                f"{c or '(row)'} {n}" for c, n in sorted(exc.by_column.items(), key=lambda i: -i[1])
            )
            print(
                f"{exc.source}: {exc.total} problems, the first {len(exc.problems)} listed; by column: {columns}",
                file=sys.stderr,
            )
        print(f"{exc.source}: {exc.total} problem(s); nothing was changed", file=sys.stderr)
        return EXIT_INVALID
