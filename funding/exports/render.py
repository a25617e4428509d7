"""The one export path: a request (what the page or the command line shows) in, file bytes out.

The page's download buttons and `python -m funding export` both call `render`, so a file holds
the same rows, texts and limits whichever way it was made; the slide-template limits of
`funding.exports.templates` apply to both, and `funding.exports.names` names the file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from funding.i18n.vocab import Lang
from funding.intake.records import Instrument
from funding.registry.calls import Call, calls_of
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import DatasetInfo
from funding.registry.documents import Document
from funding.selecting.selection import Filters

FORMATS: tuple[str, ...] = ("csv", "xlsx", "pptx", "png")
MEDIA_TYPES: dict[str, str] = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "png": "image/png",
}


@dataclass(frozen=True)
class ExportRequest:
    """Exactly what a file shows: the selection (after filters and chart clicks), the filters that
    describe it, and where the rows come from (`upload_name` when not the published dataset)."""

    dataset: Dataset
    selection: Sequence[Instrument]
    filters: Filters
    lang: Lang
    documents: Mapping[str, Document]
    info: DatasetInfo
    upload_name: str | None = None
    template: bytes | None = None  # pptx only: a .pptx/.potx whose layouts and theme to use
    chart: str = "envelopes"  # png only: which chart (funding.exports.CHARTS)
    delimiter: str | None = None  # csv only: "," or ";" (default: the language's)
    schema: bool = False  # csv only: exactly the dataset's columns, a file `validate` accepts
    calls: Sequence[Call] = ()  # xlsx and pptx: the dated calls, of which those of the selection are listed


def render(fmt: str, request: ExportRequest) -> bytes:
    """The file in format `fmt` (one of FORMATS). Raises UnreadableFile for an unusable template,
    ChromiumMissing for a PNG without a browser, ValueError for an unknown format or chart."""
    # Imported here: each format's libraries load when a file of that format is first asked for.
    r = request
    args = (r.dataset, r.selection, r.filters, r.lang, r.documents, r.info)
    if fmt == "csv":
        from funding.exports.tables import export_csv, export_schema_csv

        if r.schema:
            return export_schema_csv(r.dataset, r.selection)
        return export_csv(*args, delimiter=r.delimiter)
    if fmt == "xlsx":
        from funding.exports.workbook import export_xlsx

        return export_xlsx(*args, upload_name=r.upload_name, calls=calls_of(r.calls, r.selection))
    if fmt == "pptx":
        from funding.exports.slides import export_pptx

        # A template is checked by the bytes it inflates to when the deck opens it (deck_layouts).
        return export_pptx(
            *args, template=r.template, upload_name=r.upload_name, calls=calls_of(r.calls, r.selection)
        )
    if fmt == "png":
        from funding.exports.images import export_png

        return export_png(
            r.dataset, r.selection, r.filters, r.lang, r.info, chart=r.chart, upload_name=r.upload_name
        )
    raise ValueError(f"unknown export format {fmt!r}; valid: {', '.join(FORMATS)}")
