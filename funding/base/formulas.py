"""Text a spreadsheet would run as a formula, and the one way every CSV the project writes
neutralises it.

A cell that starts with `=`, `+`, `-`, `@`, tab or carriage return is a formula (or a DDE
command) to Excel and LibreOffice. The data keeps such text as written ("- see the 2025 letter");
each CSV output puts an apostrophe before it, as Excel does when a user types one. Apostrophes
that already stand before such a start get one more, so two different values never print the
same (`=1` is written `'=1`, and `'=1` is written `''=1`); other text that starts with an
apostrophe ("'aims to provide up to' -> up_to") is written as it is. XLSX keeps the text exactly and marks
the cell as quoted text instead (`funding.exports.workbook_cells`).
"""

from __future__ import annotations

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES)


def neutralise(text: str) -> str:
    """The text as a CSV cell that no spreadsheet runs, told apart from every other text."""
    return "'" + text if is_formula_like(text.lstrip("'")) else text
