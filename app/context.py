"""What every view is drawn from: the dataset, the selection and how to say where it comes from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.loading import Source
from funding.dataset import Dataset
from funding.dataset_info import DatasetInfo, source_line
from funding.i18n import t
from funding.records import Instrument
from funding.selection import Filters, describe
from funding.vocab import Lang

Picks = tuple[tuple[str, tuple[str, ...]], ...]  # (dimension, clicked group codes), hashable


@dataclass(eq=False)
class Deferred:
    """A place near the top of the page whose content is drawn last: what is built from the URL
    (the share link) must see what every widget of the run wrote there, and the view's widgets
    come after the place. `drawn` says whether this run (or fragment rerun) has drawn it."""

    where: Any  # a Streamlit container
    drawn: bool = False


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
    share: Deferred | None = field(default=None, compare=False)  # where the share box goes
    compare: tuple[str, ...] = ()  # the instruments compared (ids): what the downloads hold

    @property
    def pick_map(self) -> dict[str, list[str]]:
        return {dim: list(codes) for dim, codes in self.picks}


def source_text(info: DatasetInfo | None, upload_name: str | None, filters: Filters, lang: Lang) -> str:
    """The source line under every chart with the selection in words: a chart saved from the
    modebar leaves the page behind, so its footer says what it shows. One function, so the
    figures made in the background (`app.precompute`) are keyed by the line the page writes."""
    return f"{source_line(info, lang, upload_name)} {t('selection', lang, text=describe(filters, lang))}"
