"""CSV downloads: the view (the selected rows with their provenance) and the dataset's own format.

The view carries every CSV column plus the cited document's title and whether each amount is in
the net total. Its separator follows the language unless chosen: "," with a decimal point for
English, ";" with a decimal comma for Dutch, which is what Excel in each locale opens as columns
(and what `funding.registry.loading` reads). The file is UTF-8 with a byte order mark so Excel detects the
encoding; a `sep=;` first line would announce the separator too, but Excel then ignores the byte
order mark, so the choice is an option instead (`--delimiter`).

The schema CSV has exactly the dataset's columns, written as data/funding.csv is, with the rows
a selected row refers to (the wholes its parts belong to, the rows it may share money with), so
`python -m funding validate` accepts it as it is and its totals read as in the dataset.

Text that a spreadsheet would execute (starting with =, +, -, @, tab or CR) is neutralised in text
columns only (funding.base.formulas.neutralise), so amounts stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from funding.base.formulas import neutralise
from funding.base.markdown import plain_text
from funding.exports.rows import EXPORT_COLUMNS, export_rows
from funding.i18n.languages import language
from funding.i18n.vocab import Lang
from funding.intake.cells import row_cells
from funding.intake.records import COLUMNS, Instrument
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import DatasetInfo
from funding.registry.documents import Document
from funding.selecting.selection import Filters

DELIMITERS = (",", ";")
BOM = b"\xef\xbb\xbf"


def default_delimiter(lang: Lang) -> str:
    return language(lang).csv_delimiter


def export_csv(
    dataset: Dataset,
    selection: Sequence[Instrument],
    filters: Filters,
    lang: Lang,
    documents: Mapping[str, Document],
    info: DatasetInfo,
    *,
    delimiter: str | None = None,
) -> bytes:
    """The selected rows as CSV (see the module docstring); `filters` and `info` are unused: the
    CSV is only rows. A ";" file writes decimal commas."""
    delimiter = delimiter or default_delimiter(lang)
    if delimiter not in DELIMITERS:
        raise ValueError(f"unknown delimiter {delimiter!r}; valid: , ;")
    decimal_comma = delimiter == ";"
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for cells in export_rows(dataset, selection, documents, lang):
        writer.writerow([_csv_cell(cells[c], decimal_comma) for c in EXPORT_COLUMNS])
    return BOM + out.getvalue().encode("utf-8")


def _csv_cell(value: str | float | None, decimal_comma: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = plain_number(value)
        return text.replace(".", ",") if decimal_comma else text
    return neutralise(plain_text(value))


def plain_number(value: float) -> str:
    """Digits only, to the cent, no exponent and no thousands separator: 1500000000, 7.6."""
    text = f"{value:.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def with_references(dataset: Dataset, selection: Sequence[Instrument]) -> list[Instrument]:
    """The selection plus every row it refers to, repeatedly (a part's whole and that whole's own
    parent; the rows a figure may share money with), in the dataset's order."""
    by_id = dataset.by_id
    wanted = {r.id for r in selection}
    todo = list(wanted)
    while todo:
        record = by_id[todo.pop()]
        for other in (record.parent_id, *record.may_overlap):
            if other is not None and other in by_id and other not in wanted:
                wanted.add(other)
                todo.append(other)
    return [r for r in dataset.records if r.id in wanted]


def export_schema_csv(dataset: Dataset, selection: Sequence[Instrument]) -> bytes:
    """The selection in the dataset's own format (see the module docstring): UTF-8, ",", one line
    per row as the codebook writes cells (`yes`, `a;b`, `1500000000`)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in with_references(dataset, selection):
        cells = row_cells(record)
        writer.writerow([neutralise(plain_text(cells[c])) for c in COLUMNS])
    return out.getvalue().encode("utf-8")
