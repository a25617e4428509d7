"""The page's editor as data: a dataset as the table the grid edits, and an edited table back to
CSV bytes, validated by the loader itself.

There is one rule for what a valid row is, the loader's (`funding.registry.loading.parse_csv`): an edited
table is written as the CSV a curator would download and that file is parsed, so the problems the
editor lists are exactly those an upload or `python -m funding validate` would report. They come
back located by the grid's row (and id) instead of the file's line. An unedited table writes the
shipped file byte for byte, so a downloaded edit differs from it only where a cell was changed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from funding.base.errors import InvalidData, Problem, UnreadableFile
from funding.base.formulas import neutralise
from funding.changes.diff import DatasetDiff, diff_datasets
from funding.changes.diff_files import render_csv
from funding.i18n.vocab import BENEFICIARY, Lang, Vocabulary
from funding.intake.cells import cell_text, row_cells
from funding.intake.records import COLUMNS
from funding.registry.dataset import Dataset
from funding.registry.loading import MAX_BYTES, parse_csv

# The editor offers files up to this many rows. Every edit rewrites and revalidates the whole
# table (in time roughly proportional to its rows) and the browser holds the whole grid; larger
# files are edited in a spreadsheet and checked by upload or `python -m funding validate`.
MAX_ROWS = 1000
AMOUNT = "amount_eur"
FLAG = "battery_specific"  # yes or no: a checkbox
OPTIONAL_FLAG = "parts_disjoint"  # yes, no or not stated: a choice of two, or empty
LISTS: dict[str, Vocabulary] = {"beneficiary_types": BENEFICIARY}  # several codes: a multiselect
YES_NO = ("yes", "no")


@dataclass(frozen=True)
class EditProblem:
    """A loader problem where the grid shows it: `row` counts the grid's rows from 1 (None for a
    problem of the file as a whole), `id` is that row's id as typed."""

    row: int | None
    id: str
    problem: Problem

    @property
    def column(self) -> str:
        return self.problem.column

    @property
    def code(self) -> str:
        return self.problem.code

    @property
    def value(self) -> str:
        return self.problem.value

    def message_in(self, lang: Lang) -> str:
        return self.problem.message_in(lang)


@dataclass(frozen=True)
class Checked:
    """An edited table as a file and what the loader says of it: a dataset, or its problems, or
    why it cannot be read at all (`unreadable`, e.g. over the upload size limit). A table of more
    than MAX_ROWS rows is refused before any other work (`too_many_rows`, its row count); rows
    added and left empty are left out of the file, and named (`empty_rows`)."""

    data: bytes
    digest: str
    dataset: Dataset | None
    problems: tuple[EditProblem, ...] = ()
    unreadable: UnreadableFile | None = None
    too_many_rows: int = 0
    empty_rows: tuple[int, ...] = ()

    @property
    def valid(self) -> bool:
        return self.dataset is not None


def table_of(dataset: Dataset) -> pd.DataFrame:
    """The grid's table: one row per record in file order, numbered from 1 as the grid shows them,
    the loader's columns in file order, each cell typed for its column (text or None, a number, a
    checkbox, a list of codes)."""
    rows = [row_cells(record) for record in dataset.records]
    return pd.DataFrame(
        {column: [typed(column, cells[column]) for cells in rows] for column in COLUMNS},
        columns=list(COLUMNS),
        index=pd.RangeIndex(1, len(rows) + 1),
    ).astype({c: "object" for c in COLUMNS if c not in (AMOUNT, FLAG)})


def typed(column: str, cell: str) -> Any:
    """A CSV cell as the grid holds it."""
    if column == AMOUNT:
        return float(cell) if cell else math.nan
    if column == FLAG:
        return cell == "yes"
    if column in LISTS:
        return cell.split(";") if cell else []
    return cell or None


def cell_of(value: Any) -> str:
    """A grid cell as the CSV writes it (`funding.intake.cells` spelling); empty for a cleared cell."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return cell_text(float(value))
    if isinstance(value, list | tuple):
        return ";".join(cell_of(v) for v in value if cell_of(v))
    if hasattr(value, "tolist"):  # a list cell that went through Arrow comes back as an array
        return cell_of(list(value.tolist()))
    return str(value).strip()


def rows_of(table: pd.DataFrame) -> list[tuple[int, dict[str, str]]]:
    """Every grid row as its number in the grid (the table's index) and its CSV cells, in grid
    order (a row the grid added comes last, numbered after the highest)."""
    columns = [c for c in COLUMNS if c in table.columns]
    return [
        (int(label), {c: cell_of(v) for c, v in zip(columns, values, strict=True)})
        for label, *values in table[columns].itertuples(index=True, name=None)
    ]


def csv_of(rows: Iterable[tuple[int, Mapping[str, str]]]) -> tuple[bytes, dict[int, int]]:
    """The CSV file of these rows as the shipped file is written (comma, UTF-8, minimal quoting,
    LF), and the grid row that starts on each physical line. A row with every cell empty (added
    and never filled) is left out, as the loader would skip it."""
    written: list[str] = []
    writer = csv.writer(_Sink(written), lineterminator="\n")
    writer.writerow(COLUMNS)
    starts: dict[int, int] = {}
    line = 2
    for number, cells in rows:
        values = [cells.get(c, "") for c in COLUMNS]
        if not any(values):
            continue
        writer.writerow(values)
        starts[line] = number
        line += written[-1].count("\n")
    return "".join(written).encode("utf-8"), starts


class _Sink:
    """What csv.writer writes to: one string per row, so each row's lines can be counted."""

    def __init__(self, written: list[str]) -> None:
        self.written = written

    def write(self, text: str) -> int:
        self.written.append(text)
        return len(text)


def check(
    table: pd.DataFrame,
    known_documents: Iterable[str] | None,
    *,
    source: str = "edited.csv",
    previous: Checked | None = None,
) -> Checked:
    """Write the table as CSV and parse that file with the loader's rules and size limit; the
    `previous` check when the CSV is the same (a rerun without an edit parses nothing). The row
    limit comes first, so a pasted 10,000 rows cost no checking work on any rerun."""
    if len(table) > MAX_ROWS:
        return Checked(b"", "", None, too_many_rows=len(table))
    rows = rows_of(table)
    data, starts = csv_of(rows)
    digest = hashlib.sha256(data).hexdigest()
    if previous is not None and previous.digest == digest:
        return previous
    written = set(starts.values())
    empty = tuple(number for number, _ in rows if number not in written)
    try:
        dataset = parse_csv(data, source=source, known_documents=known_documents, max_bytes=MAX_BYTES)
    except InvalidData as exc:
        by_number = dict(rows)
        ids = {line: by_number[number]["id"] for line, number in starts.items()}
        problems = tuple(EditProblem(starts.get(p.line), ids.get(p.line, ""), p) for p in exc.problems)
        return Checked(data, digest, None, problems, empty_rows=empty)
    except UnreadableFile as exc:
        return Checked(data, digest, None, unreadable=exc, empty_rows=empty)
    return Checked(data, digest, dataset, empty_rows=empty)


def duplicate(table: pd.DataFrame, row: int) -> pd.DataFrame:
    """The table with a copy of grid row `row` right below it, renumbered from 1. The copy keeps
    the id, so the loader reports a duplicate id on it until the curator gives it its own."""
    position = list(table.index).index(row)
    copy = table.iloc[[position]]
    joined = pd.concat([table.iloc[: position + 1], copy, table.iloc[position + 1 :]])
    return joined.set_axis(pd.RangeIndex(1, len(joined) + 1))


def diff_csv(original: Dataset, edited: Dataset) -> str:
    """The edit's change list as `python -m funding diff --format csv` writes it."""
    table, amounts, totals = diff_datasets(original, edited)
    return render_csv(DatasetDiff("original", "edited", table, amounts, totals))


PROBLEM_COLUMNS = ("row", "id", "column", "code", "message", "value")


def problems_csv(problems: Iterable[EditProblem], lang: Lang) -> bytes:
    """The problems as codes (grid row, id, column, code), with the loader's message in `lang`
    and the value; every text cell neutralised (`funding.base.formulas`), since a typed
    `=HYPERLINK(...)` is its value."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(PROBLEM_COLUMNS)
    for p in problems:
        texts = (p.id, p.column, p.code, p.message_in(lang), p.value)
        writer.writerow(["" if p.row is None else p.row, *(neutralise(text) for text in texts)])
    return out.getvalue().encode("utf-8")


@dataclass(frozen=True)
class Pasted:
    """Lines pasted to add as rows: the table with them at the end, or why not (`code`, and the
    pasted line it concerns, 0 for the whole paste)."""

    table: pd.DataFrame | None
    added: int = 0
    code: str = ""
    line: int = 0


def paste_rows(table: pd.DataFrame, text: str) -> Pasted:
    """Rows copied from a spreadsheet (tab-separated, or the dataset's CSV) added after the last
    row, numbered on from the highest; a first line that names columns says their order, else
    the cells follow the file's columns; quoted cells may hold line breaks (a draft is the file
    itself). Refused whole, never in part: past MAX_ROWS (`too_many_rows`, found while reading,
    which stops there), or a line with more cells than columns (`too_many_cells`)."""
    delimiter = "\t" if "\t" in text.split("\n", 1)[0] else ","
    cells: list[list[str]] = []
    room = MAX_ROWS - len(table) + 1  # a header line, if any, is not a row
    for line in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        if any(cell.strip() for cell in line):
            cells.append(line)
        if len(cells) > room:  # stops reading as soon as the paste cannot fit
            return Pasted(None, code="too_many_rows")
    if not cells:
        return Pasted(None, code="nothing_pasted")
    columns = list(COLUMNS)
    if all(c.strip() in COLUMNS for c in cells[0]):
        columns, cells = [c.strip() for c in cells[0]], cells[1:]
    if len(table) + len(cells) > MAX_ROWS:
        return Pasted(None, code="too_many_rows")
    for number, line in enumerate(cells, 1):
        if len(line) > len(columns):
            return Pasted(None, code="too_many_cells", line=number)
    start = int(max(table.index, default=0)) + 1
    added = pd.DataFrame(
        {
            c: [typed(c, dict(zip(columns, line, strict=False)).get(c, "").strip()) for line in cells]
            for c in COLUMNS
        },
        columns=list(COLUMNS),
        index=pd.RangeIndex(start, start + len(cells)),
    )
    joined = pd.concat([table, added.astype(table.dtypes.to_dict())]) if len(cells) else table
    return Pasted(joined, len(cells))
