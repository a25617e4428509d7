"""Chart clicks that narrow the page: read from the charts, kept in the URL (`pick_*`).

A click on a breakdown bar, a treemap tile or a timeline bar reruns the page with the chart's
selection in session state, before the chart is drawn again, so the page knows the picks before it
draws anything; `app.pick_state.clicks` decides what they change and the URL keeps them, so a
copied link reproduces the narrowed page. The Sankey cannot report a click in Streamlit 1.67:
`flow_control` offers the same narrowing beside it. Clearing starts a new generation of chart keys
(fresh, unselected charts) and empties the URL's picks.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

import streamlit as st

from app import cached
from app.pick_state import PARAMS, STALE_CHARS, STALE_SHOWN, Report, clicks, from_url, stale
from app.widgets import url_write
from funding import charts
from funding.base.markdown import markdown_text, plain_text
from funding.i18n import t
from funding.i18n.vocab import PILLAR_FRAMEWORKS, Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.selecting.breakdowns import NOT_STATED_GROUP

_GENERATION = "_pick_generation"
_SEEN = "_picks_seen"
_STALE = "_picks_stale"  # (dimension, value) a link picked that the data does not have
STALE_COMPARE = "compare"  # the dimension `drop_stale` notes for the compare picker
# The charts that report clicks besides the breakdowns, by their name in `charts.SLIDES`.
CLICKABLE = ("hierarchy", "timeline")


def pick_key(chart: str, framework: str) -> str:
    generation = st.session_state.get(_GENERATION, 0)
    suffix = f"_{framework}" if chart == "pillar" else ""
    return f"pick_{chart}{suffix}_{generation}"


def _report(chart: str, state: Any) -> Report:
    if chart == "hierarchy":
        return charts.picked_tiles(state)
    return {charts.INSTRUMENT if chart == "timeline" else chart: charts.picked_groups(state)}


def current(framework: str, digest: str, dataset: Dataset) -> dict[str, list[str]]:
    """What the URL and this run's chart clicks narrow the page to, per dimension; written back.
    Picks the data does not have are dropped and kept for `stale_note`."""
    reports: dict[str, Report | None] = {}
    for chart in (*charts.PICK_DIMENSIONS, *CLICKABLE):
        key = pick_key(chart, framework)
        reports[key] = _report(chart, st.session_state[key]) if key in st.session_state else None
    pillars = (
        {*PILLAR_FRAMEWORKS[framework].codes, NOT_STATED_GROUP} if framework in PILLAR_FRAMEWORKS else set()
    )
    query = {param: st.query_params.get_all(param) for param in PARAMS.values()}
    known = cached.pick_values(digest, dataset) if any(query.values()) else {}
    note_stale(stale(query, known))
    url = from_url(query, pillars, known)
    picks, seen = clicks(url, st.session_state.get(_SEEN, {}), reports)
    st.session_state[_SEEN] = seen
    for dim, param in PARAMS.items():
        url_write(param, picks[dim])
    return picks


def note_stale(dropped: list[tuple[str, str]]) -> None:
    """Remember what a link picked that the data does not have, for `stale_note`."""
    if dropped:
        noted: list[tuple[str, str]] = st.session_state.setdefault(_STALE, [])
        noted.extend(d for d in dropped if d not in noted)


def drop_stale(key: str, known: Collection[str]) -> None:
    """Leave out of the URL parameter `key` (the compare picker's ids) what `known` lacks, noted."""
    url = st.query_params.get_all(key)
    kept = [code for code in url if code in known]
    if len(kept) < len(url):
        note_stale([(STALE_COMPARE, code) for code in dict.fromkeys(url) if code not in known])
        url_write(key, kept)


def stale_note(lang: Lang) -> None:
    """The note that a link's chart selection no longer exists, naming the first values."""
    noted: list[tuple[str, str]] = st.session_state.get(_STALE, [])
    if not noted:
        return

    def label(dim: str) -> str:
        return t("stale_compare", lang) if dim == STALE_COMPARE else charts.pick_dimension_label(dim, lang)

    values = "; ".join(f"{label(dim)} “{code[:STALE_CHARS]}”" for dim, code in noted[:STALE_SHOWN])
    more = " …" if len(noted) > STALE_SHOWN else ""
    st.warning(markdown_text(t("stale_pick", lang, values=values + more)), icon=":material/link_off:")


def clear() -> None:
    st.session_state[_GENERATION] = st.session_state.get(_GENERATION, 0) + 1
    st.session_state[_SEEN] = {}
    st.session_state[_STALE] = []
    for param in PARAMS.values():
        url_write(param, [])


def _set_pick(key: str, dimension: str) -> None:
    url_write(PARAMS[dimension], [str(c) for c in st.session_state[key]])


def flow_control(
    dataset: Dataset, rows: Sequence[Instrument], picks: dict[str, list[str]], framework: str, lang: Lang
) -> None:
    """Beside the Sankey: its nodes (source, instrument type, pillar) as pickers that narrow the
    page as a click would, into the same URL parameters."""
    st.caption(t("flow_pick_hint", lang))
    dimensions = ("source", "instrument_type", "pillar")
    for column, dim in zip(st.columns(len(dimensions)), dimensions, strict=True):
        offered = charts.groups_in(dataset, rows, dim, framework)
        options = sorted(offered | set(picks.get(dim, [])))
        key = f"flow_{dim}_{framework}"
        if st.session_state.get(key) != picks.get(dim, []):
            st.session_state[key] = list(picks.get(dim, []))
        column.multiselect(
            charts.pick_dimension_label(dim, lang),
            options,
            key=key,
            format_func=_labeller(dim, framework, lang),
            on_change=_set_pick,
            args=(key, dim),
            placeholder=t("choose", lang),
        )


def _labeller(dimension: str, framework: str, lang: Lang) -> Callable[[str], str]:
    return lambda code: plain_text(charts.pick_label(dimension, code, framework, lang))


def banner(picks: dict[str, list[str]], framework: str, lang: Lang, dataset: Dataset) -> None:
    """What the clicks narrowed the page to, with the way back."""
    text = charts.describe_picks(picks, framework, lang, dataset)
    if not text:
        return
    with st.container(border=True, key="pick_banner"):
        st.info(markdown_text(t("picked", lang, text=text)), icon=":material/filter_alt:")
        st.button(t("clear_pick", lang), key="clear_pick", on_click=clear, icon=":material/close:")
