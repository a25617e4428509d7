"""Downloads of the current view: CSV, XLSX, PPTX and chart PNGs, each carrying its sources.

`render(format, request)` is the one entry used by the page and the command line; the format
modules behind it are pure: (dataset, selection, filters, lang, documents, info, *, options) in,
bytes out.
"""

from __future__ import annotations

from funding.exports.figures import CHARTS
from funding.exports.images import ChromiumMissing, export_png, find_chromium
from funding.exports.render import FORMATS, MEDIA_TYPES, ExportRequest, render
from funding.exports.slides import export_pptx
from funding.exports.tables import export_csv, export_xlsx

__all__ = [
    "CHARTS",
    "FORMATS",
    "MEDIA_TYPES",
    "ChromiumMissing",
    "ExportRequest",
    "export_csv",
    "export_png",
    "export_pptx",
    "export_xlsx",
    "find_chromium",
    "render",
]
