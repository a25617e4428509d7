"""Downloads of the current view: CSV, XLSX, PPTX and chart PNGs, each carrying its sources.

Every export function is pure: (dataset, selection, filters, lang, documents, info, *, options)
in, bytes out, so the dashboard can offer them as downloads and the command line can write them.
"""

from __future__ import annotations

from funding.exports.figures import CHARTS
from funding.exports.images import ChromiumMissing, export_png, find_chromium
from funding.exports.slides import export_pptx
from funding.exports.tables import export_csv, export_xlsx

FORMATS: tuple[str, ...] = ("csv", "xlsx", "pptx", "png")
MEDIA_TYPES: dict[str, str] = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "png": "image/png",
}

__all__ = [
    "CHARTS",
    "FORMATS",
    "MEDIA_TYPES",
    "ChromiumMissing",
    "export_csv",
    "export_png",
    "export_pptx",
    "export_xlsx",
    "find_chromium",
]
