"""`python -m funding export OUT [filters]`: write the filtered selection as CSV, XLSX or PPTX, or
one chart as PNG, through the same `funding.exports.render` as the page's downloads.

OUT may be a directory: with `--format` the file in it is named as the page names its downloads
(funding.exports.names), so the name says what the selection is. `--schema` writes a CSV with
exactly the dataset's columns that `python -m funding validate` accepts as it is. Without
`--framework`, pillars follow `funding.selecting.frameworks` (Dutch pillars for an all-Dutch selection).

Exit 1 also for a bad option or filter value (the message lists the valid values) and for an
output file that exists without --force; 2 also when the output or a template cannot be used;
3 when a PNG is asked for and no Chromium is installed (the message says how to install it).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from funding.base.errors import InvalidData, UnreadableFile
from funding.base.markdown import plain_text
from funding.base.paths import DEFAULT_DATA, DEFAULT_DOCUMENTS, DEFAULT_INFO
from funding.base.reading import read_file
from funding.charts.by_name import SLIDES
from funding.cli.shared import EXIT_MISSING_TOOL, EXIT_OK, add_filter_options, fail, filters_from
from funding.exports.render import FORMATS
from funding.i18n.languages import DEFAULT, codes
from funding.i18n.vocab import Lang
from funding.intake.archives import TEMPLATE_MAX_BYTES
from funding.registry.calls import Call, load_calls
from funding.registry.dataset_info import load_info
from funding.registry.disagreements import load_disagreements
from funding.registry.documents import Document, load_documents
from funding.registry.loading import load_dataset
from funding.registry.versions import companions
from funding.selecting.filter_index import select
from funding.selecting.filter_problems import filter_problems
from funding.selecting.frameworks import with_default_framework
from funding.selecting.selection import describe
from funding.selecting.totals import NotSummable

if TYPE_CHECKING:
    from funding.exports.render import ExportRequest

# Every chart of the page can be a PNG, named as the page names it.
PNG_CHARTS = SLIDES


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    export = commands.add_parser(
        name,
        help="write the selection as CSV, XLSX or PPTX, or one chart as PNG",
        description=(
            "Write exactly the filtered selection, with its sources, to OUT; the format follows "
            "OUT's extension. Filters take the dashboard's URL parameter names and values; repeat "
            "an option for several values (--level EU --level NL)."
        ),
    )
    export.add_argument(
        "out",
        type=Path,
        metavar="OUT",
        help="OUT.csv, OUT.xlsx, OUT.pptx or OUT.png; or a directory, with --format",
    )
    export.add_argument(
        "--format", dest="fmt", help="csv, xlsx, pptx or png: for OUT a directory (the file is named for you)"
    )
    export.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="funding CSV to export from (default: data/funding.csv)",
    )
    export.add_argument(
        "--documents",
        type=Path,
        help="document registry CSV (default: the one beside --data in a version folder, else data/'s)",
    )
    export.add_argument(
        "--lang",
        default=DEFAULT,
        help=f"language of labels and numbers: {', '.join(codes())} (default: {DEFAULT})",
    )
    export.add_argument("--template", type=Path, help="PowerPoint .pptx/.potx whose layouts and theme to use")
    export.add_argument("--chart", help=f"the chart for a PNG: {', '.join(PNG_CHARTS)} (default: envelopes)")
    export.add_argument(
        "--schema",
        action="store_true",
        help="CSV with exactly the dataset's columns (and the rows selected rows refer to): `validate` accepts it",
    )
    export.add_argument(
        "--delimiter",
        choices=(",", ";"),
        help="CSV separator (default: the language's, e.g. ',' for --lang en, ';' with decimal commas for --lang nl)",
    )
    export.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    add_filter_options(export)
    export.set_defaults(run=run)


def _option_problems(args: argparse.Namespace, fmt: str) -> list[str]:
    out: Path = args.out
    problems: list[str] = []
    if fmt not in FORMATS:
        problems.append(
            f"{out}: unknown output format {out.suffix or '(none)'!r}; valid: .{', .'.join(FORMATS)}"
        )
    if args.fmt is not None and not out.is_dir():
        problems.append("--format only applies when OUT is a directory; otherwise OUT's extension says it")
    if args.lang not in codes():
        problems.append(f"lang: unknown value {args.lang!r}; valid: {', '.join(codes())}")
    if args.chart is not None and fmt != "png":
        problems.append("--chart only applies to a .png output")
    problems += _onto_inputs(out, args)
    if args.chart is not None and args.chart not in PNG_CHARTS:
        problems.append(f"chart: unknown value {args.chart!r}; valid: {', '.join(PNG_CHARTS)}")
    if args.template is not None and fmt != "pptx":
        problems.append("--template only applies to a .pptx output")
    if (args.schema or args.delimiter) and fmt != "csv":
        problems.append("--schema and --delimiter only apply to a .csv output")
    if args.schema and args.delimiter:
        problems.append(
            "--schema writes the dataset's own format (comma-separated); --delimiter does not apply"
        )
    if out.is_dir() and args.fmt is None:
        problems.append(f"{out}: is a directory; give a file name such as {out / 'export.xlsx'}, or --format")
    elif not out.is_dir() and out.exists() and not args.force:
        problems.append(f"{out}: already exists; use --force to overwrite it")
    return problems


def _onto_inputs(out: Path, args: argparse.Namespace) -> list[str]:
    """The export would replace a file it reads (by any path or link)."""
    return [
        f"{out}: is the {name} file this export reads; write the export elsewhere"
        for name, given in (
            ("--data", args.data),
            ("--documents", args.documents),
            ("--template", args.template),
        )
        if given is not None and _same_file(out, given)
    ]


def run(args: argparse.Namespace) -> int:
    from funding.base.writing import OutputExists, write_atomically
    from funding.exports import ChromiumMissing, ExportRequest, render
    from funding.exports.names import export_file_name

    started = time.perf_counter()
    out: Path = args.out
    fmt = (args.fmt or "").lower() if out.is_dir() else out.suffix.lower().lstrip(".")
    problems = _option_problems(args, fmt)
    filters = filters_from(args, problems)
    if problems:
        return fail(problems)
    # A CSV in a version folder (data/ or a release) is that version, with its own files.
    files = companions(args.data)
    documents = load_documents(args.documents or files.documents or DEFAULT_DOCUMENTS)
    dataset = load_dataset(args.data, known_documents=documents)
    if files.disagreements is not None:
        dataset = dataset.with_disagreements(load_disagreements(files.disagreements))
    info = load_info(files.info or DEFAULT_INFO)
    curated = files.version
    filters = with_default_framework(filters, dataset, args.framework)
    bad_filters = filter_problems(filters, dataset)
    if bad_filters:
        return fail([p.message("en") for p in bad_filters])
    lang: Lang = args.lang
    selection = tuple(select(filters, dataset))
    if out.is_dir():
        name = export_file_name(filters, fmt, lang, uploaded=not curated, schema=args.schema)
        out = out / name
        if out.exists() and not args.force:
            return fail([f"{out}: already exists; use --force to overwrite it"])
        if onto := _onto_inputs(out, args):
            return fail(onto)
    request = ExportRequest(
        dataset,
        selection,
        filters,
        lang,
        documents,
        info,
        # Another CSV is not the published dataset: its files must not carry its version's name.
        upload_name=None if curated else args.data.name,
        template=_read_template(args.template) if args.template is not None else None,
        chart=args.chart or "envelopes",
        delimiter=args.delimiter,
        schema=args.schema,
        calls=_calls(documents) if curated else (),
    )
    try:
        data = render(fmt, request)
    except ChromiumMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_MISSING_TOOL
    except UnreadableFile as exc:
        if exc.source == "template":  # name the user's file, not the role it was meant for
            raise UnreadableFile(str(args.template), exc.code, **exc.details) from None
        raise
    except NotSummable as exc:
        return fail([f"chart {request.chart!r}: {exc}; only 'envelopes' shows these figures"])
    try:
        write_atomically(out, data, overwrite=args.force)
    except OutputExists:
        return fail([f"{out}: already exists; use --force to overwrite it"])
    seconds = time.perf_counter() - started
    print(
        f"wrote {out}: {_contents(fmt, data, request)}; {plain_text(describe(filters, lang, dataset))}; "
        f"dataset v{info.version}, {lang}, {seconds:.1f} s"
    )
    return EXIT_OK


def _read_template(path: Path) -> bytes:
    """The same limit as the page's template upload; the deck then checks what it inflates to."""
    return read_file(path, limit=TEMPLATE_MAX_BYTES)


def _same_file(out: Path, given: Path) -> bool:
    """Whether writing OUT would replace an input (the same file by any path, link included)."""
    try:
        return out.exists() and os.path.samefile(out, given)
    except OSError:
        return False


def _count(n: int, one: str, other: str) -> str:
    return f"{n} {one if n == 1 else other}"


def _contents(fmt: str, data: bytes, request: ExportRequest) -> str:
    """What the file holds, for the one-line summary."""
    selection = request.selection
    documents = _count(
        len({r.source_document for r in selection if r.source_document}), "document", "documents"
    )
    if fmt == "pptx":
        from pptx import Presentation

        slides = list(Presentation(io.BytesIO(data)).slides)
        charts = sum(1 for slide in slides for shape in slide.shapes if shape.has_chart)
        return (
            f"{_count(len(slides), 'slide', 'slides')} ({_count(charts, 'native chart', 'native charts')}), "
            f"{_count(len(selection), 'entry', 'entries')}, {documents} cited"
        )
    if fmt == "png":
        return f"chart {request.chart!r}, {len(data) // 1024} kB"
    if request.schema:
        from funding.exports.tables import with_references

        written = len(with_references(request.dataset, selection))
        added = written - len(selection)
        return (
            f"{_count(written, 'row', 'rows')} in the dataset's format "
            f"({added} of them referred to by the selected ones), {documents} cited"
        )
    return f"{_count(len(selection), 'row', 'rows')}, {documents} cited"


def _calls(documents: Mapping[str, Document]) -> tuple[Call, ...]:
    """The curated calls; a calls file that cannot be read leaves them out and says so."""
    try:
        return load_calls(known_documents=documents)
    except (InvalidData, UnreadableFile) as exc:
        print(f"warning: {exc}: no calls in the file", file=sys.stderr)
        return ()
