"""The header of a CSV file and the physical line each row starts on, read without validating.

A `Dataset` holds records, not their places in the file; the diff needs the header (a file from
before 1.1.0 lacks columns) and the quote check reports problems by line. Both read files the
loaders have already accepted, so this only needs the loaders' delimiter rule, not their checks.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass


@dataclass(frozen=True)
class Layout:
    columns: tuple[str, ...]
    lines: dict[str, int]  # row id -> first physical line (1 = header), as the loaders count

    def line_of(self, row_id: str) -> int:
        return self.lines.get(row_id, 0)


def layout_of(data: bytes) -> Layout:
    text = data.decode("utf-8-sig", errors="replace")
    first = text.split("\n", 1)[0]
    # The loader's rule (funding.registry.loading): the separator is the one the header uses most.
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = tuple(h.strip() for h in next(reader, []))
    key = header.index("id") if "id" in header else None
    lines: dict[str, int] = {}
    end = reader.line_num
    for cells in reader:
        start, end = end + 1, reader.line_num
        if key is not None and key < len(cells) and "".join(cells).strip():
            lines.setdefault(cells[key].strip(), start)
    return Layout(header, lines)
