"""What changed between two versions of the dataset, row by row, and how it moved the totals.

"What changed since last month's briefing" is answered with data, not prose: every added,
removed, renamed and changed row with its cells as the file writes them, the amount changes, and
per amount kind the net totals (battery-specific, wider envelopes, all counted once) before and
after, as the same `Bounds` the page shows. Rendering (text, Markdown, CSV, JSON, either
language) is `funding.changes.diff_report`'s business, so the page and the command line tell one story.

A *rename* is a row whose id changed while everything else stayed: it is reported once as a
rename, not as a removal plus an addition. References (`parent_id`, `may_overlap`) are compared
through the renames, so a renamed part of a renamed whole is a rename too; a row that keeps its
id and follows a renamed parent is reported as changed in `parent_id`, because its cell changed.

Columns a file lacks (those added in 1.1.0) are read as the loader reads them (`record_type`
"instrument", the others empty), so a change is a difference from what the old file meant; the
missing columns themselves are listed apart (`columns_added`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from funding.i18n.vocab import AMOUNT_KIND
from funding.intake.cells import row_cells
from funding.registry.dataset import Dataset
from funding.registry.versions import DatasetVersion
from funding.selecting.totals import Bounds, summable, totals_by_kind

ChangeCode = Literal["added", "removed", "renamed", "changed"]
Measure = Literal["battery", "wider", "net"]
MEASURES: tuple[Measure, ...] = ("battery", "wider", "net")
# Columns of funding.csv whose change can move a total; the rest are words around the figures.
TOTAL_COLUMNS = frozenset(
    {
        "amount_eur",
        "amount_qualifier",
        "amount_kind",
        "parent_id",
        "parts_disjoint",
        "may_overlap",
        "battery_specific",
    }
)
AMOUNT_COLUMNS = ("amount_eur", "amount_qualifier", "amount_kind")
# Columns holding ids of rows of the same table, compared through renames.
REFERENCES = {"funding": ("parent_id", "may_overlap")}

Rows = Mapping[str, Mapping[str, str]]  # id -> {column: cell as written}


@dataclass(frozen=True)
class CellChange:
    column: str
    old: str
    new: str


@dataclass(frozen=True)
class RowChange:
    """One row's change. `id` is the row's id in the new version (in the old one if removed);
    `row` its cells there, so a report can name it without looking it up."""

    code: ChangeCode
    id: str
    row: Mapping[str, str]
    old_id: str | None = None
    cells: tuple[CellChange, ...] = ()

    def changed(self, column: str) -> bool:
        return any(c.column == column for c in self.cells)


@dataclass(frozen=True)
class TableDiff:
    table: str
    old_rows: int
    new_rows: int
    changes: tuple[RowChange, ...] = ()
    columns_added: tuple[str, ...] = ()
    columns_removed: tuple[str, ...] = ()

    @property
    def identical(self) -> bool:
        return not (self.changes or self.columns_added or self.columns_removed)

    def count(self, code: ChangeCode) -> int:
        return sum(c.code == code for c in self.changes)


@dataclass(frozen=True)
class Amount:
    amount: float
    qualifier: str
    kind: str


@dataclass(frozen=True)
class AmountChange:
    """A row whose figure appeared, disappeared or changed (amount, qualifier or kind)."""

    id: str
    old: Amount | None
    new: Amount | None


@dataclass(frozen=True)
class KindShift:
    """The net totals of one summable amount kind before and after, and the rows that moved them
    (changed in a column that totals read, or added or removed with an amount of this kind)."""

    kind: str
    before: Mapping[Measure, Bounds]
    after: Mapping[Measure, Bounds]
    causes: tuple[str, ...] = ()

    @property
    def moved(self) -> bool:
        return any(_key(self.before[m]) != _key(self.after[m]) for m in MEASURES)


@dataclass(frozen=True)
class DatasetDiff:
    old: str
    new: str
    funding: TableDiff
    amounts: tuple[AmountChange, ...] = ()
    totals: tuple[KindShift, ...] = ()
    others: tuple[TableDiff, ...] = ()  # documents, disagreements (of two version folders)
    old_version: str | None = None  # "1.0.0 (2026-11-23)" for a version folder
    new_version: str | None = None

    @property
    def identical(self) -> bool:
        return self.funding.identical and all(t.identical for t in self.others)


def diff_rows(
    table: str,
    old: Rows,
    new: Rows,
    old_columns: Sequence[str] = (),
    new_columns: Sequence[str] = (),
) -> TableDiff:
    """Rows matched by id, then unmatched ones paired as renames where their content is equal."""
    renames = _renames(
        {k: old[k] for k in old if k not in new},
        {k: new[k] for k in new if k not in old},
        REFERENCES.get(table, ()),
    )
    old_id_of = {new_id: old_id for old_id, new_id in renames.items()}
    changes: list[RowChange] = []
    for row_id, cells in new.items():
        if row_id in old:
            diffs = _cell_changes(old[row_id], cells)
            if diffs:
                changes.append(RowChange("changed", row_id, cells, cells=diffs))
        elif row_id in old_id_of:
            changes.append(RowChange("renamed", row_id, cells, old_id=old_id_of[row_id]))
        else:
            changes.append(RowChange("added", row_id, cells))
    changes += [
        RowChange("removed", row_id, cells)
        for row_id, cells in old.items()
        if row_id not in new and row_id not in renames
    ]
    return TableDiff(
        table,
        len(old),
        len(new),
        tuple(changes),
        tuple(c for c in new_columns if old_columns and c not in old_columns),
        tuple(c for c in old_columns if new_columns and c not in new_columns),
    )


def _cell_changes(old: Mapping[str, str], new: Mapping[str, str]) -> tuple[CellChange, ...]:
    columns = [*new, *(c for c in old if c not in new)]
    return tuple(
        CellChange(c, old.get(c, ""), new.get(c, "")) for c in columns if old.get(c, "") != new.get(c, "")
    )


def _renames(gone: Rows, came: Rows, references: Sequence[str]) -> dict[str, str]:
    """Old id -> new id of rows equal in every cell but the id; references are compared through
    the renames found so far, so a renamed part of a renamed whole is found in a later pass.
    Identical rows pair up in file order."""
    by_content: dict[tuple[str, ...], list[str]] = {}
    for new_id, cells in came.items():
        by_content.setdefault(_content(cells, references, {}), []).append(new_id)
    renames: dict[str, str] = {}
    while True:
        found = dict(renames)
        taken = set(found.values())
        for old_id, cells in gone.items():
            if old_id in found:
                continue
            candidates = by_content.get(_content(cells, references, found), [])
            match = next((n for n in candidates if n not in taken), None)
            if match is not None:
                found[old_id] = match
                taken.add(match)
        if found == renames:
            return renames
        renames = found


def _content(
    cells: Mapping[str, str], references: Sequence[str], renames: Mapping[str, str]
) -> tuple[str, ...]:
    def mapped(column: str, value: str) -> str:
        if column not in references or not value:
            return value
        return ";".join(renames.get(v, v) for v in value.split(";"))

    return tuple(f"{c}={mapped(c, v)}" for c, v in sorted(cells.items()) if c != "id")


def funding_rows(dataset: Dataset) -> dict[str, dict[str, str]]:
    return {r.id: row_cells(r) for r in dataset.records}


def diff_datasets(
    old: Dataset, new: Dataset, old_columns: Sequence[str] = (), new_columns: Sequence[str] = ()
) -> tuple[TableDiff, tuple[AmountChange, ...], tuple[KindShift, ...]]:
    """The funding rows' diff, their amount changes, and the totals of every kind that moved."""
    table = diff_rows(
        "funding",
        funding_rows(old),
        funding_rows(new),
        old_columns,
        new_columns,
    )
    return table, amount_changes(table), total_shifts(table, old, new)


def amount_changes(table: TableDiff) -> tuple[AmountChange, ...]:
    found: list[AmountChange] = []
    for change in table.changes:
        if change.code == "added":
            after = _amount(change.row)
            if after is not None:
                found.append(AmountChange(change.id, None, after))
        elif change.code == "removed":
            before = _amount(change.row)
            if before is not None:
                found.append(AmountChange(change.id, before, None))
        elif change.code == "changed" and any(change.changed(c) for c in AMOUNT_COLUMNS):
            before, after = _amount(old_row(change)), _amount(change.row)
            if before != after:
                found.append(AmountChange(change.id, before, after))
    return tuple(found)


def old_row(change: RowChange) -> dict[str, str]:
    """The row's cells in the old version."""
    return {**change.row, **{c.column: c.old for c in change.cells}}


def _amount(cells: Mapping[str, str]) -> Amount | None:
    if not cells.get("amount_eur"):
        return None
    return Amount(float(cells["amount_eur"]), cells.get("amount_qualifier") or "exact", cells["amount_kind"])


def total_shifts(table: TableDiff, old: Dataset, new: Dataset) -> tuple[KindShift, ...]:
    """Per summable kind, the totals over the whole dataset before and after (targets are aims
    that may overlap and are never added, so they appear only among the amount changes)."""
    before_all = totals_by_kind(old, old.records)
    after_all = totals_by_kind(new, new.records)
    shifts: list[KindShift] = []
    for kind in AMOUNT_KIND.codes:
        if not summable(kind):
            continue
        before = {m: getattr(before_all[kind], m) for m in MEASURES}
        after = {m: getattr(after_all[kind], m) for m in MEASURES}
        shift = KindShift(kind, before, after, _causes(table, old, new, kind))
        if shift.moved or shift.causes:
            shifts.append(shift)
    return tuple(shifts)


def _causes(table: TableDiff, old: Dataset, new: Dataset, kind: str) -> tuple[str, ...]:
    causes: list[str] = []
    for change in table.changes:
        records = [
            r for r in (old.by_id.get(change.old_id or change.id), new.by_id.get(change.id)) if r is not None
        ]
        figure = any(r.amount_kind == kind and r.amount_eur is not None for r in records)
        read = change.code in ("added", "removed") or any(c.column in TOTAL_COLUMNS for c in change.cells)
        if figure and read:
            causes.append(change.id)
    return tuple(causes)


def _key(bounds: Bounds) -> tuple[float, float, str]:
    return (bounds.low, bounds.high, bounds.qualifier)


def diff_versions(old: DatasetVersion, new: DatasetVersion) -> DatasetDiff:
    """Two versions: funding rows and totals, and their documents and disagreements where both
    come from version folders."""
    table, amounts, totals = diff_datasets(old.dataset, new.dataset, old.columns, new.columns)
    others: list[TableDiff] = []
    if old.documents is not None and new.documents is not None:
        others.append(
            diff_rows(
                "documents",
                {k: row_cells(v) for k, v in old.documents.items()},
                {k: row_cells(v) for k, v in new.documents.items()},
            )
        )
    if old.disagreements is not None and new.disagreements is not None:
        others.append(
            diff_rows(
                "disagreements",
                {d.id: row_cells(d) for d in old.disagreements.items},
                {d.id: row_cells(d) for d in new.disagreements.items},
            )
        )
    return DatasetDiff(
        str(old.path),
        str(new.path),
        table,
        amounts,
        totals,
        tuple(others),
        old.label if old.info else None,
        new.label if new.info else None,
    )
