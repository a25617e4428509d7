"""What every view is drawn from: the dataset, the selection and how to say where it comes from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.loading import Source
from funding.dataset import Dataset
from funding.records import Instrument
from funding.selection import Filters
from funding.vocab import Lang

Picks = tuple[tuple[str, tuple[str, ...]], ...]  # (dimension, clicked group codes), hashable


@dataclass(frozen=True)
class Page:
    dataset: Dataset
    digest: str  # the dataset's bytes, as the figure caches know it
    filters: Filters
    picks: Picks
    selection: Sequence[Instrument]  # the filters' rows: what the breakdowns show and a click narrows
    narrowed: Sequence[Instrument]  # the filters' rows in the clicked groups: every other view
    lang: Lang
    source: str  # the source line under every chart, with the selection in words
    data: Source

    @property
    def pick_map(self) -> dict[str, list[str]]:
        return {dim: list(codes) for dim, codes in self.picks}
