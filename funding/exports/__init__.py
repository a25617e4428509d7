"""Downloads of the current view: CSV, XLSX, PPTX and chart PNGs, each carrying its sources.

`render(format, request)` is the one entry used by the page and the command line; the format
modules behind it are pure: (dataset, selection, filters, lang, documents, info, *, options) in,
bytes out. Names are imported on first use, so that asking for the deck's story or a file name
does not load the spreadsheet and slide libraries.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Light, and imported first so that `render` is the function, not its module.
from funding.exports.render import FORMATS, MEDIA_TYPES, ExportRequest, render

if TYPE_CHECKING:
    from funding.exports.figures import CHARTS
    from funding.exports.images import ChromiumMissing, export_png, find_chromium
    from funding.exports.slides import export_pptx
    from funding.exports.tables import export_csv, export_schema_csv
    from funding.exports.workbook import export_xlsx

_WHERE = {
    "CHARTS": "figures",
    "ChromiumMissing": "images",
    "export_png": "images",
    "find_chromium": "images",
    "export_pptx": "slides",
    "export_csv": "tables",
    "export_schema_csv": "tables",
    "export_xlsx": "workbook",
}

__all__ = [
    "CHARTS",
    "FORMATS",
    "MEDIA_TYPES",
    "ChromiumMissing",
    "ExportRequest",
    "export_csv",
    "export_png",
    "export_pptx",
    "export_schema_csv",
    "export_xlsx",
    "find_chromium",
    "render",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'funding.exports' has no attribute {name!r}")
    return getattr(importlib.import_module(f"funding.exports.{_WHERE[name]}"), name)
