"""Figures and tables shared between sessions: built once per dataset, selection, language and
chart settings, whoever asks first, and bounded in entries and age.

Every builder is keyed by the dataset's digest and what determines its output (filters, chart
clicks, language, figure kind, chart settings, source line); the dataset itself is passed with
a leading underscore (not hashed). Text in the figures is escaped by the builders in
`funding.charts`, so what is cached is already safe to show.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from app.context import Picks
from app.loading import TTL_SECONDS
from app.signed import cache_data, cache_resource
from funding import charts
from funding.changes import passages
from funding.exports.story import Story, story
from funding.i18n.vocab import Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import DatasetInfo
from funding.registry.documents import Document
from funding.selecting.figures import Figures, figures
from funding.selecting.filter_index import select
from funding.selecting.kinds import offered_kinds
from funding.selecting.lead import Lead
from funding.selecting.lead import lead as funding_lead
from funding.selecting.selection import Filters

# Bounds by what an entry weighs: a headline is a few kB; a chart about 70 kB in memory at the
# shipped size (its bars and tiles are capped whatever the data size), so 256 charts stay near
# 20 MB; an instruments table can hold 10,000 rows, so few of those are kept. An hour at most:
# an edited or uploaded file's figures do not outlive their use. 20 people on one link share
# every entry.
HEADLINES = 512
CHARTS = 256
TABLES = 32
PLANS = 64  # a story is its chart specs: a few kB to tens of kB at the shipped size
# Filters are keyed by their repr (a frozen dataclass of codes, numbers and text: one repr per
# value): Streamlit's own hashing walks the dataclass at 0.3-0.6 ms, 15x longer, and every run
# keys about ten figures by them.
KEYS: dict[str | type[Any], Callable[[Any], Any]] = {Filters: repr}
# A clickable chart is not narrowed by its own clicks (it would redraw without what was not
# clicked, and Streamlit would drop the selection): the others are.
OWN_PICKS: dict[str, set[str]] = {"hierarchy": {"source", charts.INSTRUMENT}, "timeline": {charts.INSTRUMENT}}


def selection(dataset: Dataset, filters: Filters, picks: Picks) -> Sequence[Instrument]:
    """The filters' rows in the clicked groups (all of them without a click)."""
    return narrowed(dataset, select(filters, dataset), filters, picks)


def narrowed(
    dataset: Dataset, rows: Sequence[Instrument], filters: Filters, picks: Picks
) -> Sequence[Instrument]:
    return charts.narrow(dataset, rows, dict(picks), filters.framework) if picks else rows


@cache_data(max_entries=HEADLINES, ttl=TTL_SECONDS, show_spinner=False, hash_funcs=KEYS)
def headline(digest: str, filters: Filters, picks: Picks, lang: Lang, _dataset: Dataset) -> charts.Headline:
    found = figure_set(digest, filters, picks, lang, _dataset)
    return charts.headline(_dataset, selection(_dataset, filters, picks), lang, filters, found)


@cache_data(max_entries=HEADLINES, ttl=TTL_SECONDS, show_spinner=False, hash_funcs=KEYS)
def figure_set(digest: str, filters: Filters, picks: Picks, lang: Lang, _dataset: Dataset) -> Figures:
    """The selection's figures, made once for the headline and the lead sentence alike."""
    return figures(_dataset, selection(_dataset, filters, picks), filters, lang)


@cache_data(max_entries=HEADLINES, ttl=TTL_SECONDS, show_spinner=False, hash_funcs=KEYS)
def lead(
    digest: str, filters: Filters, picks: Picks, lang: Lang, _dataset: Dataset, info: DatasetInfo | None
) -> Lead:
    found = figure_set(digest, filters, picks, lang, _dataset)
    return funding_lead(_dataset, selection(_dataset, filters, picks), filters, info, lang, found)


@cache_resource(max_entries=CHARTS, ttl=TTL_SECONDS, show_spinner=False, hash_funcs=KEYS)
def chart(
    name: str,
    digest: str,
    filters: Filters,
    picks: Picks,
    lang: Lang,
    kind: str,
    source: str,
    _dataset: Dataset,
    colour: str = charts.DEFAULT_COLOUR,
    top: int = charts.DEFAULT_TOP,
) -> charts.Chart:
    """One chart by its name in `charts.SLIDES`. Breakdowns show the filtered rows (a click
    narrows the other charts, not the chart clicked); every other chart the narrowed ones, minus
    its own clicks (`OWN_PICKS`).

    Shared, not copied (st.cache_resource): a plotly figure costs more to unpickle than to
    build, and no caller changes it."""
    own = OWN_PICKS.get(
        name, set(charts.PICK_DIMENSIONS) | {charts.INSTRUMENT} if name in charts.PICK_DIMENSIONS else set()
    )
    applied = tuple((d, c) for d, c in picks if d not in own)
    rows = selection(_dataset, filters, applied)
    source = charts.with_picks(source, dict(applied), filters.framework, lang, _dataset)
    return charts.slide_chart(
        name, _dataset, rows, kind, filters.framework, lang, source=source, colour_by=colour, top=top
    )


@cache_resource(max_entries=CHARTS, ttl=TTL_SECONDS, show_spinner=False, hash_funcs=KEYS)
def comparison(
    digest: str,
    filters: Filters,
    picks: Picks,
    lang: Lang,
    source: str,
    _dataset: Dataset,
    colour: str,
    top: int,
    compare: tuple[str, ...] = (),
) -> charts.Chart:
    """The envelope comparison across the kinds the filters allow: of the instruments picked to
    compare (ids, in the key) or else of the narrowed rows."""
    rows = [_dataset.by_id[i] for i in compare] if compare else selection(_dataset, filters, picks)
    if not compare:
        source = charts.with_picks(source, dict(picks), filters.framework, lang, _dataset)
    kinds = offered_kinds(filters.kind)
    return charts.comparison_chart(_dataset, rows, kinds, lang, colour_by=colour, top=top, source=source)


@cache_data(max_entries=HEADLINES, ttl=TTL_SECONDS, show_spinner=False, hash_funcs=KEYS)
def compare_choices(
    digest: str, filters: Filters, picks: Picks, lang: Lang, limit: int, _dataset: Dataset
) -> dict[str, str]:
    """The compare picker's options and labels (formatting 500 amounts took 0.1 s a rerun)."""
    return charts.compare_choices(_dataset, selection(_dataset, filters, picks), lang, limit)


@cache_data(max_entries=TABLES, ttl=TTL_SECONDS, show_spinner=False, hash_funcs=KEYS)
def details(
    digest: str,
    filters: Filters,
    picks: Picks,
    lang: Lang,
    limit: int,
    _rows: Sequence[Instrument],
    _dataset: Dataset,
) -> pd.DataFrame:
    """The instruments table of the first `limit` narrowed rows (`_rows`, determined by the keys)."""
    return charts.details_table(_dataset, list(_rows[:limit]), lang)


@cache_data(max_entries=256, ttl=TTL_SECONDS, show_spinner=False)
def passage(document: Document | None, quote: str | None) -> passages.Passage | None:
    """The quote in its document's text, read once per document and quote for every session."""
    return passages.passage(document, quote)


@cache_resource(max_entries=8, ttl=TTL_SECONDS, show_spinner=False)
def pick_values(digest: str, _dataset: Dataset) -> dict[str, frozenset[str]]:
    """What a link's chart picks may name in this dataset; one pass over its rows, once."""
    return charts.pick_values(_dataset)


@cache_resource(show_spinner=False)
def draws_images() -> bool:
    """Whether kaleido finds a Chromium to draw chart images with; looked up once per server."""
    from funding.exports.images import find_chromium

    return find_chromium() is not None


@cache_resource(max_entries=PLANS, ttl=TTL_SECONDS, show_spinner=False, hash_funcs=KEYS)
def planned(
    digest: str, filters: Filters, lang: Lang, _dataset: Dataset, _selection: Sequence[Instrument]
) -> Story:
    """Presentation mode's story of the filters' rows (`_selection`, determined by the keys): its
    charts in order and its one-bar sentences. Shared, not copied: a slide change or the next
    reader of the link finds it made (the plan covers every slide, as slide 1 says how many)."""
    return story(_dataset, _selection, filters, lang)
