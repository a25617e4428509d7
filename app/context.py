"""What every view is drawn from: the dataset, the selection and how to say where it comes from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from streamlit.delta_generator import DeltaGenerator

from app.loading import Source
from funding.exports.citations import chart_source
from funding.i18n.vocab import Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import DatasetInfo
from funding.selecting.selection import Filters

Picks = tuple[tuple[str, tuple[str, ...]], ...]  # (dimension, clicked group codes), hashable


@dataclass(eq=False)
class Deferred:
    """A place near the top of the page whose content is drawn last: what is built from the URL
    (the share link) must see what every widget of the run wrote there, and the view's widgets
    come after the place. `drawn` says whether this run (or fragment rerun) has drawn it."""

    where: DeltaGenerator
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


def source_text(
    info: DatasetInfo | None,
    upload_name: str | None,
    filters: Filters,
    lang: Lang,
    dataset: Dataset | None = None,
) -> str:
    """The source line under every chart with the selection in words: a chart saved from the
    modebar leaves the page behind, so its footer says what it shows (with the `dataset`, the
    instruments compared by name). One function, so the figures made in the background
    (`app.precompute`) are keyed by the line the page writes."""
    return chart_source(info, lang, filters, upload_name, dataset)
