"""The rows every tabular export holds: the CSV's own columns, the cited document's title after
its id, and whether the row's amount is in the net total, the same in the CSV and the XLSX."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from funding.i18n.vocab import Lang
from funding.intake.cells import row_cells
from funding.intake.records import COLUMNS, Instrument
from funding.registry.dataset import Dataset
from funding.registry.documents import Document
from funding.selecting.totals import counted_ids

TITLE_COLUMN = "source_document_title"
COUNTED_COLUMN = "counted_in_net_total"
# The CSV's own columns in their order, the document title right after the document id, and
# whether the row's amount is in the net total (a part of a counted whole is not).
EXPORT_COLUMNS: tuple[str, ...] = (
    *COLUMNS[: COLUMNS.index("source_document") + 1],
    TITLE_COLUMN,
    *COLUMNS[COLUMNS.index("source_document") + 1 :],
    COUNTED_COLUMN,
)


def export_rows(
    dataset: Dataset, selection: Sequence[Instrument], documents: Mapping[str, Document], lang: Lang
) -> list[dict[str, str | float | None]]:
    """One dict per selected record, keyed by EXPORT_COLUMNS: amounts stay floats, every other cell
    is written as the dataset's CSV writes it (funding.intake.cells), so `a;b`, not `('a', 'b')`."""
    counted = counted_ids(dataset, selection)
    rows: list[dict[str, str | float | None]] = []
    for record in selection:
        written = row_cells(record)
        cells: dict[str, str | float | None] = {}
        for column in EXPORT_COLUMNS:
            if column == TITLE_COLUMN:
                document = documents.get(record.source_document or "")
                cells[column] = document.title(lang) if document else None
            elif column == COUNTED_COLUMN:
                cells[column] = None if record.amount_eur is None else _yes(record.id in counted)
            elif column == "amount_eur":
                cells[column] = record.amount_eur
            else:
                cells[column] = written[column] or None
        rows.append(cells)
    return rows


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"
