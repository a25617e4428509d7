"""A `DatasetDiff` as files: CSV (one line per change, for a spreadsheet) and JSON (everything).

Both carry every value in full, as the data files write it; `funding.changes.diff_report` renders the
same diff for reading.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from funding.base.formulas import neutralise
from funding.changes.diff import MEASURES, Amount, DatasetDiff, TableDiff
from funding.selecting.totals import Bounds

CSV_COLUMNS = ("table", "change", "id", "old_id", "column", "old_value", "new_value")


def render_csv(diff: DatasetDiff) -> str:
    """One line per changed cell, and one per added, removed or renamed row (column empty)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for table in (diff.funding, *diff.others):
        for change in table.changes:
            base = [table.table, change.code, change.id, change.old_id or ""]
            if change.code == "changed":
                for cell in change.cells:
                    writer.writerow([*base, cell.column, neutralise(cell.old), neutralise(cell.new)])
            else:
                writer.writerow([*base, "", "", ""])
    return out.getvalue()


def as_json(diff: DatasetDiff) -> dict[str, Any]:
    return {
        "old": {"path": diff.old, "version": diff.old_version},
        "new": {"path": diff.new, "version": diff.new_version},
        "identical": diff.identical,
        "tables": [_table_json(t) for t in (diff.funding, *diff.others)],
        "amount_changes": [
            {"id": a.id, "old": _amount_json(a.old), "new": _amount_json(a.new)} for a in diff.amounts
        ],
        "totals": [
            {
                "kind": s.kind,
                "before": {m: _bounds_json(s.before[m]) for m in MEASURES},
                "after": {m: _bounds_json(s.after[m]) for m in MEASURES},
                "causes": list(s.causes),
            }
            for s in diff.totals
        ],
    }


def _table_json(table: TableDiff) -> dict[str, Any]:
    return {
        "table": table.table,
        "old_rows": table.old_rows,
        "new_rows": table.new_rows,
        "columns_added": list(table.columns_added),
        "columns_removed": list(table.columns_removed),
        "changes": [
            {
                "change": c.code,
                "id": c.id,
                "old_id": c.old_id,
                "cells": [{"column": x.column, "old": x.old, "new": x.new} for x in c.cells],
                "row": dict(c.row),
            }
            for c in table.changes
        ],
    }


def _amount_json(amount: Amount | None) -> dict[str, Any] | None:
    if amount is None:
        return None
    return {"amount_eur": amount.amount, "qualifier": amount.qualifier, "kind": amount.kind}


def _bounds_json(bounds: Bounds) -> dict[str, Any]:
    return {
        "low": bounds.low,
        "high": bounds.high,
        "qualifier": bounds.qualifier,
        "uncertain": list(bounds.uncertain),
        "rows": list(bounds.rows),
    }
