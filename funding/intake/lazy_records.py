"""Records made from the loader's checked columns when they are first read, not at load.

Building one pydantic record per row was the largest single cost of loading 100,000 rows
(0.55 s of 1.8 s), while the page's totals, filters and charts read the columns as arrays and
look at a few dozen records. `LazyRecords` reads as the tuple of records it stands for: a single
record is made when it is asked for, and all of them at once (`all`) the first time anything
goes through every one (an export, a table of every row). Every value has been checked by then,
so nothing about validation is deferred.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, overload

from funding.intake.records import COLUMNS, Instrument, trusted_records

# A pass over a few rows makes them one by one. A pass over many (an eighth of all or more)
# makes `_FIRST` one by one, then all at once: a pass that stops early (is every row Dutch?)
# makes few, one that goes on costs what making all at once costs anyway.
_MANY = 8
_FIRST = 256


class LazyRecords(Sequence[Instrument]):
    """The records whose fields `columns` holds (`count` values each, in the model's types);
    `made` are records the model validated itself (rows the column checks flagged), by position."""

    def __init__(
        self, columns: Mapping[str, Sequence[Any]], count: int, made: Mapping[int, Instrument] | None = None
    ) -> None:
        self._columns = columns
        self._count = count
        self._one: dict[int, Instrument] = dict(made or {})
        self._all: tuple[Instrument, ...] | None = None
        self._lock = threading.Lock()  # sessions share a dataset: all are made once

    @property
    def columns(self) -> Mapping[str, Sequence[Any]]:
        return self._columns

    @property
    def made(self) -> int:
        """How many records exist so far (all of them once `all` has run)."""
        return self._count if self._all is not None else len(self._one)

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Instrument: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Instrument]: ...

    def __getitem__(self, index: int | slice) -> Instrument | Sequence[Instrument]:
        if isinstance(index, slice):
            return self.all()[index]
        if self._all is not None:
            return self._all[index]
        if not -self._count <= index < self._count:
            raise IndexError("record index out of range")
        position = index % self._count
        found = self._one.get(position)
        if found is None:
            one = {name: [self._columns[name][position]] for name in COLUMNS}
            found = self._one.setdefault(position, trusted_records(one, 1)[0])
        return found

    def __iter__(self) -> Iterator[Instrument]:
        return iter(self.all())

    def pick(self, positions: list[int]) -> Iterator[Instrument]:
        """The records at `positions`, in order: the first few made one by one, then all."""
        if self._all is not None:
            yield from map(self._all.__getitem__, positions)
            return
        if len(positions) * _MANY < self._count:
            yield from map(self.__getitem__, positions)
            return
        yield from map(self.__getitem__, positions[:_FIRST])
        if len(positions) > _FIRST:
            yield from map(self.all().__getitem__, positions[_FIRST:])

    def all(self) -> tuple[Instrument, ...]:
        if self._all is None:
            with self._lock:
                if self._all is None:
                    made = trusted_records(self._columns, self._count)
                    for position, record in self._one.items():  # the same objects as read before
                        made[position] = record
                    self._all = tuple(made)
        return self._all

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and self.all() == tuple(other)

    def __hash__(self) -> int:
        return hash(self.all())

    def __reduce__(self) -> tuple[type[tuple[Instrument, ...]], tuple[tuple[Instrument, ...]]]:
        return (tuple, (self.all(),))  # a copy is the plain tuple of records

    def __repr__(self) -> str:
        return f"LazyRecords({self._count} records, {self.made} made)"
