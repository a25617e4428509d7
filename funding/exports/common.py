"""What every export format shares: the row layout, cited documents, and text hygiene.

Spreadsheets, slides and images must show the same rows, cite the same documents in the same
order and refuse the same dangerous text, so those rules live here once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from funding.base.formulas import is_formula_like as is_formula_like  # the workbook's cells use it
from funding.base.markdown import plain_text
from funding.i18n import t
from funding.i18n.vocab import Lang
from funding.intake.cells import row_cells
from funding.intake.records import COLUMNS, Instrument
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import DatasetInfo
from funding.registry.dataset_info import source_line as dataset_source_line
from funding.registry.disagreements import Disagreements
from funding.registry.documents import Document
from funding.selecting.selection import FIELDS, Filters, describe
from funding.selecting.totals import counted_ids

# Characters XML 1.0 forbids (all of .xlsx and .pptx is XML): control characters but tab, LF, CR.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

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


def clean_text(text: str) -> str:
    """Drop characters that XML cannot carry, so an odd byte in the data never breaks a file, and
    bidirectional controls, so a title or cell reads in the order it is stored."""
    return plain_text(_XML_ILLEGAL.sub("", text))


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


@dataclass(frozen=True)
class Citation:
    """A document cited by the selection, numbered in order of first citation."""

    number: int
    id: str
    document: Document | None  # None when the id is not in the registry (an uploaded file)
    rows: tuple[str, ...]

    def reference(self) -> str:
        return f"[{self.number}]"


def citations(
    selection: Sequence[Instrument],
    documents: Mapping[str, Document],
    disagreements: Disagreements | None = None,
) -> list[Citation]:
    """Every document the selection cites, in order of first citation, with the ids citing it;
    then the documents whose other figures for those rows a file shows (`disagreements`), so a
    slide that names one finds it among the sources."""
    rows: dict[str, list[str]] = {}
    for record in selection:
        if record.source_document:
            rows.setdefault(record.source_document, []).append(record.id)
    if disagreements is not None:
        for record in selection:
            for item in disagreements.of(record.id):
                cited = rows.setdefault(item.other_document, [])
                if record.id not in cited:
                    cited.append(record.id)
    return [
        Citation(number, doc_id, documents.get(doc_id), tuple(ids))
        for number, (doc_id, ids) in enumerate(rows.items(), start=1)
    ]


def references(records: Sequence[Instrument], cited: Sequence[Citation]) -> str:
    """The numbered references ("[1], [3]") of the documents these records cite."""
    wanted = {r.source_document for r in records if r.source_document}
    return ", ".join(c.reference() for c in cited if c.id in wanted)


def source_line(info: DatasetInfo, lang: Lang, upload_name: str | None = None) -> str:
    """The page's source line (funding.registry.dataset_info), with a file name that XML can carry."""
    return dataset_source_line(info, lang, None if upload_name is None else clean_text(upload_name))


def chart_source(
    info: DatasetInfo | None, lang: Lang, filters: Filters, upload_name: str | None = None
) -> str:
    """What a chart says under its title about where it comes from: the source line and the
    selection in words, so an image that travels alone still says what it shows."""
    source = dataset_source_line(info, lang, None if upload_name is None else clean_text(upload_name))
    return f"{source} {t('selection', lang, text=describe(filters, lang))}."


def iso_today(today: date | None) -> str:
    return (today or date.today()).isoformat()


def filter_arguments(filters: Filters, lang: Lang) -> list[str]:
    """The command-line options that make the same file (`python -m funding export OUT ...`):
    the language first, then every filter that differs from its default."""
    default = Filters()
    args: list[str] = ["--lang", lang]
    for field in FIELDS:
        value = getattr(filters, field.name)
        if value == getattr(default, field.name):
            continue
        if field.multi:
            for item in value:
                args += [field.option, str(item)]
        elif field.shape == "flag":
            args.append(field.option if value else f"--no-{field.option[2:]}")
        else:
            args += [field.option, str(value)]
    return args


def query_string(filters: Filters, lang: Lang) -> str:
    """The view as URL query parameters: the page's language, then the filters (names as in
    `Filters`, multi-values repeated)."""
    default = Filters()
    pairs: list[tuple[str, str]] = [("lang", lang)]
    for field in FIELDS:
        value = getattr(filters, field.name)
        if value == getattr(default, field.name):
            continue
        if field.multi:
            pairs += [(field.name, str(item)) for item in value]
        elif field.shape == "flag":
            pairs.append((field.name, "true" if value else "false"))
        else:
            pairs.append((field.name, str(value)))
    return urlencode(pairs)
