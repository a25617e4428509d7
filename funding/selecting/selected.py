"""A selection that knows where its rows sit in the dataset.

The page selects with array operations (`funding.selecting.filter_index`); handing the totals and charts
a list of 100,000 records would make each of them find the rows again, one at a time, on every
rerun. A `Selected` is the records *and* their positions: it reads as any sequence of records,
and the code that sums or ranks them takes the positions (`positions_in`) and stays in arrays.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, overload

import numpy as np

from funding.intake.lazy_records import LazyRecords
from funding.intake.records import Instrument

if TYPE_CHECKING:
    from funding.registry.dataset import Dataset

Positions = np.ndarray[tuple[int], np.dtype[np.intp]]


class Selected(Sequence[Instrument]):
    """The records of `records` at `positions` (increasing: file order), built as they are read."""

    __slots__ = ("_records", "positions")

    def __init__(self, records: Sequence[Instrument], positions: Positions) -> None:
        self._records = records
        self.positions = positions

    def __len__(self) -> int:
        return len(self.positions)

    @overload
    def __getitem__(self, index: int) -> Instrument: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Instrument]: ...

    def __getitem__(self, index: int | slice) -> Instrument | Sequence[Instrument]:
        if isinstance(index, slice):
            if index.step not in (None, 1):  # (positions stay increasing)
                return [self[i] for i in range(len(self))[index]]
            return Selected(self._records, self.positions[index])
        return self._records[int(self.positions[index])]

    def __iter__(self) -> Iterator[Instrument]:
        if isinstance(self._records, LazyRecords):
            return self._records.pick(self.positions.tolist())
        return map(self._records.__getitem__, self.positions.tolist())

    def __repr__(self) -> str:
        return f"Selected({len(self)} of {len(self._records)} records)"

    def where(self, keep: Sequence[bool]) -> Selected:
        """Those of these records for which `keep` is true (one flag per record, in order)."""
        return Selected(self._records, self.positions[np.asarray(keep, dtype=bool)])

    def of(self, dataset: Dataset) -> bool:
        return self._records is dataset.records


def positions_in(dataset: Dataset, selection: Sequence[Instrument]) -> Positions | None:
    """Where the selection's rows sit in `dataset`, when that is known without a loop: the whole
    dataset, or a `Selected` of it. None for any other sequence (a list of some records)."""
    if selection is dataset.records:
        return np.arange(len(selection), dtype=np.intp)
    if isinstance(selection, Selected) and selection.of(dataset):
        return selection.positions
    return None
