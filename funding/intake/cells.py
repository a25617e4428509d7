"""A validated row as the cells a CSV file writes for it, following the codebook (data/README.md).

Comparing two versions of the dataset, or writing an edited row back, has to see what the file
says (`yes`, `a;b`, `1500000000`), not Python's reprs (`True`, `('a', 'b')`, `1500000000.0`), so
that a diff names the value a curator typed and a file written from records reads back the same.
"""

from __future__ import annotations

from pydantic import BaseModel


def cell_text(value: object) -> str:
    """One parsed value as the CSV writes it; an empty cell is the empty string."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, tuple):
        return ";".join(cell_text(v) for v in value)
    return str(value)


def row_cells(model: BaseModel) -> dict[str, str]:
    """Every field of a row (an instrument, a document, a disagreement) as its CSV cell."""
    return {name: cell_text(getattr(model, name)) for name in type(model).model_fields}
