"""CSV text as a table of columns, with each row's first physical line and the header's problems.

The reference reading is Python's csv module in strict mode, row by row, which reports every
ragged row and syntax error at its own line. It costs seconds at 100,000 rows, so a file whose
quoting is what every CSV writer produces (checked on the raw bytes, `plain_quoting`) is parsed
by Arrow's C++ reader instead, which agrees with the csv module on such files (tests compare
both on random texts) but is lenient where the csv module refuses, hence the check. Cells are
stripped with Arrow's `utf8_trim_whitespace`, whose whitespace is exactly `str.isspace`'s (a
test checks every code point).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import AnyStr

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from funding.base.errors import Problem, ProblemLog, problem
from funding.intake.records import COLUMNS, FIELD_VOCABULARIES

COLUMN_ORDER = {name: i for i, name in enumerate(COLUMNS)}
# Columns added in dataset versions 1.1.0 and 1.2.0 (notes_nl): a file without them reads as if
# every cell were empty.
OPTIONAL_COLUMNS = ("record_type", "parts_disjoint", "may_overlap", "money_origin", "notes_nl")
_DEFAULTS: dict[str, str | None] = {"record_type": "instrument"}
_QUOTE, _LF_BYTE, _CR_BYTE = 0x22, 0x0A, 0x0D
_LF, _CR = re.compile(b"\n"), re.compile(b"\r")

Cells = list[str | None]


@dataclass(frozen=True)
class Table:
    """Every column of `COLUMNS` as stripped cells (None when empty), both as Python lists and as
    Arrow arrays for column-wise checks, and each row's first physical line."""

    columns: dict[str, Cells]
    arrays: dict[str, pa.Array]
    lines: list[int]

    def __len__(self) -> int:
        return len(self.lines)

    def row(self, index: int) -> dict[str, str | None]:
        return {name: cells[index] for name, cells in self.columns.items()}


def read_table(text: str | None, data: bytes, delimiter: str, log: ProblemLog) -> Table | None:
    """The table of `data` (UTF-8 bytes; `text`: the same decoded, or None to decode only what
    the csv module reads), or None when the header or the CSV syntax is wrong (the problems are
    in `log`)."""
    # The header from its own line when that line closes its quotes (copying 100 MB of text into
    # a StringIO only to read one line cost more than parsing the rows with Arrow).
    first = first_line(text if text is not None else data)
    if first.count('"') % 2:  # a line break inside the header's quotes: it goes on
        first = text = text if text is not None else _decoded(data)
    reader = csv.reader(io.StringIO(first, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        log.add(_syntax_problem(reader.line_num, exc))
        return None
    log.extend(header_problems(header))
    if len(log):
        return None
    fast = arrow_table(header, data, delimiter) if reader.line_num == 1 else None
    if fast is not None:
        return fast
    return csv_table(text if text is not None else _decoded(data), delimiter, header, log)


def _decoded(data: bytes) -> str:
    return data.decode("utf-8-sig")


def first_line(data: str | bytes) -> str:
    """The text of a file's first line (the header row, unless its quotes hold a line break)."""
    if isinstance(data, str):
        return data[: _end_of_first_line(data)]
    return _decoded(data[: _end_of_first_line(data)])


def header_problems(header: Sequence[str]) -> list[Problem]:
    missing = [c for c in COLUMNS if c not in header and c not in OPTIONAL_COLUMNS]
    problems = [problem(1, c, "missing_column") for c in missing]
    problems += [problem(1, h, "unknown_column", h) for h in header if h not in COLUMN_ORDER]
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(problem(1, name, "duplicate_column", name))
        seen.add(name)
    if problems and len(header) == 1 and len(missing) > 1:
        problems.append(problem(1, "", "single_column_header", header[0]))
    return problems


def _syntax_problem(line: int, exc: csv.Error) -> Problem:
    return problem(line, "", "csv_syntax", error=str(exc))


def plain_quoting(data: bytes, delimiter: str) -> bool:
    """Whether every quote is where a CSV writer puts one: opening a field (after a separator or
    a line end), closing it (before one), or doubled inside it; and the quotes are balanced.

    Counted without parsing: in such a file a character is inside quotes exactly when an odd
    number of quotes precede it, so an opening quote is an even-numbered one (0, 2, ...) after a
    boundary and a closing quote an odd-numbered one before a boundary, unless the quote is one
    of a doubled pair (adjacent to its partner). A quote anywhere else (`ab"c`, `"ab"c`) is read
    differently by the two readers, so such files take the csv module's way."""
    buffer = np.frombuffer(data, dtype=np.uint8)
    quotes = _where(buffer, _QUOTE)
    if len(quotes) % 2:
        return False
    if not len(quotes):
        return True
    boundary = np.zeros(256, dtype=np.bool_)
    boundary[[ord(delimiter), ord("\r"), ord("\n")]] = True
    before = np.ones(len(quotes), dtype=np.bool_)  # at the start of the data
    inner = quotes > 0
    before[inner] = boundary[buffer[quotes[inner] - 1]]
    after = np.ones(len(quotes), dtype=np.bool_)  # at the end of the data
    inner = quotes < len(buffer) - 1
    after[inner] = boundary[buffer[quotes[inner] + 1]]
    paired_before = np.zeros(len(quotes), dtype=np.bool_)
    paired_before[1:] = quotes[1:] == quotes[:-1] + 1
    paired_after = np.zeros(len(quotes), dtype=np.bool_)
    paired_after[:-1] = paired_before[1:]
    opening_ok = (before | paired_before)[0::2]
    closing_ok = (after | paired_after)[1::2]
    return bool(opening_ok.all() and closing_ok.all())


# Bytes compared at a time: a mask of a whole 200 MB file cost more in fresh memory (page faults)
# than in comparing, and three `bytes.count` passes over it cost more than one such scan.
_CHUNK = 1 << 20


def _where(
    buffer: np.ndarray[tuple[int], np.dtype[np.uint8]], byte: int
) -> np.ndarray[tuple[int], np.dtype[np.intp]]:
    """The positions of `byte` in `buffer`, a chunk at a time."""
    found = [np.flatnonzero(buffer[i : i + _CHUNK] == byte) + i for i in range(0, len(buffer), _CHUNK)]
    return np.concatenate(found) if found else np.zeros(0, dtype=np.intp)


def _count(buffer: np.ndarray[tuple[int], np.dtype[np.uint8]], byte: int) -> int:
    """How often `byte` is in `buffer`, a chunk at a time (0.4x `bytes.count`'s time at 40 MB)."""
    return sum(int(np.count_nonzero(buffer[i : i + _CHUNK] == byte)) for i in range(0, len(buffer), _CHUNK))


def arrow_table(header: list[str], data: bytes, delimiter: str) -> Table | None:
    """The fast reading, or None when this file must be read by the csv module."""
    start = _end_of_first_line(data)  # only the rows are given to Arrow, so a BOM is no matter
    body = memoryview(data)[start:]  # (a copy of 100 MB costs more than parsing them)
    if not plain_quoting(data, delimiter):
        return None
    breaks = _Breaks(data, start)
    if not body:
        return _table(header, {name: pa.array([], pa.string()) for name in header}, [])
    if breaks.physical * max(1, len(header) - 1) > len(body):
        # Lines shorter than a row's separators (empty ones): Arrow would make a row of each,
        # millions for 5 MB of line ends; the csv module skips them in constant memory.
        return None
    try:
        parsed = pa_csv.read_csv(
            pa.py_buffer(body),
            read_options=pa_csv.ReadOptions(column_names=header),
            parse_options=pa_csv.ParseOptions(
                delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False
            ),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(header, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None  # a ragged row, a row longer than a block (1 MB): the csv module reads it
    raw = {name: parsed.column(name).combine_chunks() for name in header}
    if any(any_longer(array, csv.field_size_limit()) for array in raw.values()):
        return None  # the csv module refuses such a field: let it say so
    lines = breaks.first_lines(raw.values(), parsed.num_rows)
    return _table(header, {name: _trimmed(array) for name, array in raw.items()}, lines)


def any_longer(array: pa.Array, limit: int) -> bool:
    """Whether a cell has more than `limit` characters; byte lengths (no scan) usually tell."""
    if (pc.max(pc.binary_length(array)).as_py() or 0) <= limit:
        return False
    return bool((pc.max(pc.utf8_length(array)).as_py() or 0) > limit)


def _end_of_first_line(data: AnyStr) -> int:
    """Where the second line starts (CR, LF or CR LF end a line, as for the csv module)."""
    lf, cr = ("\n", "\r") if isinstance(data, str) else (b"\n", b"\r")
    ends = [i for i in (data.find(lf), data.find(cr)) if i >= 0]
    if not ends:
        return len(data)
    end = min(ends)
    return end + 2 if data[end : end + 2] == cr + lf else end + 1


class _Breaks:
    """The line ends in the data after the header, counted as the csv module counts lines (CR,
    LF or CR LF end a line), and which cells hold some."""

    def __init__(self, data: bytes, start: int) -> None:
        buffer = np.frombuffer(data, dtype=np.uint8)[start:]
        lfs = _count(buffer, _LF_BYTE)
        self.lone_cr = 0
        if data.find(b"\r", start) >= 0:  # (memchr-fast): a CR not followed by LF ends a line too
            crs = _where(buffer, _CR_BYTE)
            followed = crs + 1 < len(buffer)
            self.lone_cr = len(crs) - int(np.count_nonzero(buffer[crs[followed] + 1] == _LF_BYTE))
        ends = int(lfs) + self.lone_cr
        self.physical = ends + (0 if start >= len(data) or data.endswith((b"\n", b"\r")) else 1)

    def first_lines(self, raw: Iterable[pa.Array], rows: int) -> list[int]:
        """Each row's first line (the header is line 1): one line per row plus the breaks in its
        cells (a CR LF inside a cell counts once)."""
        spans = np.ones(rows, dtype=np.int64)
        if self.physical != rows:  # some cells hold line breaks: count them where they are
            for array in raw:
                if not self._may_break(array):
                    continue
                breaks = pc.count_substring(array, "\n")
                if self.lone_cr:  # else every CR in a cell is part of a CR LF there
                    breaks = pc.subtract(
                        pc.add(breaks, pc.count_substring(array, "\r")), pc.count_substring(array, "\r\n")
                    )
                spans += np.asarray(breaks)
        starts = np.cumsum(spans) - spans + 2
        lines: list[int] = starts.tolist()
        return lines

    def _may_break(self, array: pa.Array) -> bool:
        """A scan of the column's bytes (memchr-fast, no copy) before counting per cell."""
        data = memoryview(array.buffers()[2] or b"")
        return _LF.search(data) is not None or (self.lone_cr > 0 and _CR.search(data) is not None)


def mask(array: pa.Array) -> np.ndarray[tuple[int], np.dtype[np.bool_]]:
    """An Arrow boolean array as numpy (null counts as false)."""
    return np.asarray(pc.fill_null(array, False).to_numpy(zero_copy_only=False), dtype=np.bool_)


def _nulls_for_empty(array: pa.Array) -> pa.Array:
    return pc.if_else(pc.equal(pc.binary_length(array), 0), pa.scalar(None, pa.string()), array)


def _trimmed(array: pa.Array) -> pa.Array:
    """Cells stripped of surrounding white space, empty ones null (as `csv_table` does).
    Trimming copies every cell (30 MB for 100,000 rows) and most columns need none, which the
    first and last byte of every cell tell: one up to 0x20 may be white space, one from 0x80
    may start or end a Unicode space."""
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int32)[array.offset : array.offset + len(array) + 1]
    starts, ends = offsets[:-1], offsets[1:]
    filled = ends > starts
    if filled.any():
        data = np.frombuffer(array.buffers()[2], dtype=np.uint8)
        edges = np.concatenate((data[starts[filled]], data[ends[filled] - 1]))
        if ((edges <= 0x20) | (edges >= 0x80)).any():
            return _nulls_for_empty(pc.utf8_trim_whitespace(array))
    return array if filled.all() else _nulls_for_empty(array)


def _table(header: list[str], arrays: dict[str, pa.Array], lines: list[int]) -> Table:
    """Blank rows dropped (Excel writes ";;;;" for a formatted empty row), absent optional
    columns filled in, and the Python lists made once."""
    # (a row is blank only where every column is null: a column without nulls rules all out)
    maybe = all(array.null_count for array in arrays.values())
    blank = np.logical_and.reduce([mask(pc.is_null(array)) for array in arrays.values()]) if maybe else None
    if blank is not None and blank.any():
        keep = ~blank
        arrays = {name: array.filter(pa.array(keep)) for name, array in arrays.items()}
        lines = np.asarray(lines)[keep].tolist()
    n = len(lines)
    for name in COLUMNS:
        if name not in arrays:
            arrays[name] = pa.array([_DEFAULTS.get(name)] * n, pa.string())
    ordered = {name: arrays[name] for name in COLUMNS}
    return Table(
        {name: _python_list(array, name in _FEW_VALUES) for name, array in ordered.items()}, ordered, lines
    )


# Columns of codes and yes/no: a few distinct values however many rows, made once each.
_FEW_VALUES = frozenset(FIELD_VOCABULARIES) - {"beneficiary_types"} | {"battery_specific", "parts_disjoint"}


def _python_list(array: pa.Array, few: bool) -> list[str | None]:
    """The cells as Python strings; in a column of few values, one string object per value
    (half the time of one per cell, and less memory)."""
    if not few:
        cells: list[str | None] = array.to_pylist()
        return cells
    encoded = pc.dictionary_encode(array)
    values = np.array([*encoded.dictionary.to_pylist(), None], dtype=object)
    shared: list[str | None] = values[encoded.indices.fill_null(len(values) - 1).to_numpy()].tolist()
    return shared


def csv_table(text: str, delimiter: str, header: list[str], log: ProblemLog) -> Table | None:
    """The reference reading, row by row: each problem at its own line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    next(reader)
    rows: list[list[str]] = []
    lines: list[int] = []
    end = reader.line_num
    try:
        for cells in reader:
            start, end = end + 1, reader.line_num
            if not "".join(cells).strip():
                continue
            if len(cells) != len(header):
                found = problem(
                    start, "", "ragged_row", delimiter.join(cells), cells=len(cells), columns=len(header)
                )
                log.add(found)
            elif not len(log):  # once a row is wrong there will be no table: keep no more cells
                rows.append(cells)
                lines.append(start)
    except csv.Error as exc:
        log.add(_syntax_problem(reader.line_num, exc))
    if len(log):
        return None
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in header]
    arrays = {
        name: pa.array([cell.strip() or None for cell in cells], pa.string())
        for name, cells in zip(header, columns, strict=True)
    }
    return _table(header, arrays, lines)
