"""What changed between a release and the data on the page, as rows a reader's table shows.

`funding.changes.diff` says what changed as codes and cells as written; the page shows it in the
reader's language: change kinds, column names and vocabulary codes through the catalogue and
`funding.i18n.vocab`, yes/no as words, net totals as the page formats them (ranges and qualifiers).
The CSV download stays `funding.changes.diff_files`' language-neutral codes, one file for every reader.
"""

from __future__ import annotations

from collections.abc import Mapping

from funding.changes.diff import MEASURES, DatasetDiff, RowChange, TableDiff, diff_datasets, diff_rows
from funding.i18n import TEXTS, t
from funding.i18n.vocab import AMOUNT_KIND, Lang
from funding.intake.cells import row_cells
from funding.intake.records import COLUMNS, FIELD_VOCABULARIES
from funding.registry.dataset import Dataset
from funding.registry.documents import Document
from funding.registry.versions import DatasetVersion
from funding.selecting.formatting import format_bounds, format_eur_full
from funding.selecting.totals import Bounds

CHANGE_CODES = ("added", "removed", "renamed", "changed")
YES_NO_COLUMNS = frozenset({"battery_specific", "parts_disjoint"})
NAME_COLUMNS = {"funding": "name", "documents": "title", "disagreements": "summary"}


def compare(old: DatasetVersion, new: Dataset, documents: Mapping[str, Document] | None) -> DatasetDiff:
    """A release against a dataset that is not a version folder (the page's: curated, uploaded or
    edited): its rows and totals, and the documents and disagreements it is shown with."""
    # The page's dataset has every column: the loader reads a missing optional one as its default.
    table, amounts, totals = diff_datasets(old.dataset, new, old.columns, COLUMNS)
    others: list[TableDiff] = []
    if old.documents is not None and documents is not None:
        others.append(
            diff_rows(
                "documents",
                {k: row_cells(v) for k, v in old.documents.items()},
                {k: row_cells(v) for k, v in documents.items()},
            )
        )
    if old.disagreements is not None:
        others.append(
            diff_rows(
                "disagreements",
                {d.id: row_cells(d) for d in old.disagreements.items},
                {d.id: row_cells(d) for d in new.disagreements.items},
            )
        )
    return DatasetDiff(str(old.path), new.source, table, amounts, totals, tuple(others), old.label)


def column_label(column: str, lang: Lang) -> str:
    """A funding.csv column by its name in the catalogue; other tables' columns as written."""
    key = f"field_{column}"
    return t(key, lang) if key in TEXTS else column


def value_label(column: str, value: str, lang: Lang) -> str:
    """A cell as a reader reads it: vocabulary labels for codes (several joined by "; "), yes/no
    in words, anything else as written."""
    if not value:
        return ""
    vocab = FIELD_VOCABULARIES.get(column)
    if vocab is not None:
        return "; ".join(vocab.label(code, lang) for code in value.split(";"))
    if column in YES_NO_COLUMNS and value in ("yes", "no"):
        return t(f"value_{value}", lang)
    if column == "amount_eur":  # with its unit, every digit (its qualifier is a column of its own)
        try:
            return format_eur_full(float(value), lang)
        except ValueError:
            return value
    return value


def counts(table: TableDiff) -> dict[str, int]:
    return {code: table.count(code) for code in CHANGE_CODES}  # type: ignore[arg-type]


def change_rows(table: TableDiff, lang: Lang) -> list[dict[str, str]]:
    """One row per changed cell and one per added, removed or renamed entry, in the diff's order."""
    rows: list[dict[str, str]] = []
    for change in table.changes:
        base = {
            "change": t(f"changes_count_{change.code}", lang),
            "id": change.id,
            "old_id": change.old_id or "",
            "entry": _name(table.table, change, lang),
        }
        if change.code != "changed":
            rows.append({**base, "column": "", "old": "", "new": ""})
            continue
        for cell in change.cells:
            rows.append(
                {
                    **base,
                    "column": column_label(cell.column, lang) if table.table == "funding" else cell.column,
                    "old": value_label(cell.column, cell.old, lang) if table.table == "funding" else cell.old,
                    "new": value_label(cell.column, cell.new, lang) if table.table == "funding" else cell.new,
                }
            )
    return rows


def _name(table: str, change: RowChange, lang: Lang) -> str:
    column = f"{NAME_COLUMNS[table]}_{lang}"
    return change.row.get(column, "")


def total_rows(diff: DatasetDiff, lang: Lang) -> list[dict[str, str]]:
    """Per amount kind that moved (or whose rows changed) and per measure: before, after, and
    whether it changed; summable kinds only, as `funding.changes.diff` gives them."""
    rows: list[dict[str, str]] = []
    for shift in diff.totals:
        for measure in MEASURES:
            before, after = shift.before[measure], shift.after[measure]
            moved = (before.low, before.high, before.qualifier) != (after.low, after.high, after.qualifier)
            rows.append(
                {
                    "kind": AMOUNT_KIND.label(shift.kind, lang),
                    "total": t(f"changes_measure_{measure}", lang),
                    "before": bounds_text(before, lang),
                    "after": bounds_text(after, lang),
                    "moved": t("changes_moved" if moved else "changes_unmoved", lang),
                }
            )
    return rows


def bounds_text(bounds: Bounds, lang: Lang) -> str:
    return t("changes_none", lang) if bounds.empty else format_bounds(bounds, lang)
