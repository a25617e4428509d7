"""Chart clicks that narrow the page: read from the breakdown charts, kept across views.

A click on a breakdown bar reruns the page with the chart's selection in session state, before
the chart is drawn again, so the page knows the picks before it draws anything. The charts are
drawn only in the Breakdowns view; `url_state.updated_picks` keeps their picks while another
view is open. Clearing starts a new generation of chart keys (a fresh, unselected chart).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from app.url_state import updated_picks
from funding import charts
from funding.i18n import t
from funding.markdown import markdown_text
from funding.vocab import Lang

_GENERATION = "_pick_generation"
_KEPT = "_picks_kept"
_SEEN = "_picks_seen"


def pick_key(dimension: str, framework: str) -> str:
    generation = st.session_state.get(_GENERATION, 0)
    suffix = f"_{framework}" if dimension == "pillar" else ""
    return f"pick_{dimension}{suffix}_{generation}"


def current(framework: str) -> dict[str, list[str]]:
    """Groups clicked in the breakdown charts, per dimension, for this framework's charts."""
    keys = {dim: pick_key(dim, framework) for dim in charts.PICK_DIMENSIONS}
    states = {
        key: charts.picked_groups(st.session_state[key]) if key in st.session_state else None
        for key in keys.values()
    }
    kept, seen = updated_picks(st.session_state.get(_KEPT, {}), st.session_state.get(_SEEN, {}), states)
    st.session_state[_KEPT], st.session_state[_SEEN] = kept, seen
    return {dim: kept.get(key, []) for dim, key in keys.items()}


def clear() -> None:
    st.session_state[_GENERATION] = st.session_state.get(_GENERATION, 0) + 1
    st.session_state[_KEPT] = {}
    st.session_state[_SEEN] = {}


def banner(picks: dict[str, list[str]], framework: str, lang: Lang) -> None:
    """What the clicks narrowed the page to, with the way back."""
    active = {dim: codes for dim, codes in picks.items() if codes}
    if not active:
        return
    names: dict[str, Any] = {
        "pillar": t("filter_pillar", lang),
        "source": t("filter_source", lang),
        "beneficiary": t("filter_beneficiary", lang),
        "instrument_type": t("filter_type", lang),
    }
    text = "; ".join(
        f"{names[dim]}: {', '.join(charts.pick_label(dim, c, framework, lang) for c in codes)}"
        for dim, codes in active.items()
    )
    with st.container(border=True, key="pick_banner"):
        st.info(markdown_text(t("picked", lang, text=text)), icon=":material/filter_alt:")
        st.button(t("clear_pick", lang), key="clear_pick", on_click=clear, icon=":material/close:")
