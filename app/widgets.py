"""Choice widgets whose codes live in the URL, and the view tabs (see `app.url_state`).

Streamlit's `bind="query-params"` writes a choice widget's *formatted* option to the URL (in 1.67
`?level=Netherlands`, or `?level=Nederland` in Dutch) and ignores `?level=NL`; the tabs would
write their translated label. Widgets whose value is shown as written (years, checkboxes, the
search box) are bound that way; choice widgets and the tabs keep codes in the URL through these
helpers. A widget that is not drawn (it sits in another view) loses its state in Streamlit, but
not its value: that stays in the URL, from where it is read back when the view opens again.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from types import ModuleType
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from app import url_state
from funding.i18n import t
from funding.i18n.languages import codes
from funding.i18n.vocab import Lang

# Where a widget is drawn: a container (the sidebar, a column, a tab) or the page itself (`st`).
Where = DeltaGenerator | ModuleType

_WRITTEN = "_url_written"  # what this session last wrote to the URL, per key
_DEFAULTS = "_url_defaults"  # the default each single choice had when last drawn
_HIDDEN = "_url_hidden"  # per key, the URL's values the filters hid when last drawn


def _written() -> dict[str, list[str]]:
    written: dict[str, list[str]] = st.session_state.setdefault(_WRITTEN, {})
    return written


def url_write(key: str, codes: list[str]) -> None:
    """Put the widget's codes in the URL (none for a default), and remember having written them."""
    if st.query_params.get_all(key) != codes:
        if codes:
            st.query_params[key] = codes
        else:
            del st.query_params[key]
    _written()[key] = codes


def multi_choice(
    where: Where,
    key: str,
    label: str,
    options: Sequence[str],
    format_func: Callable[[str], str],
    *,
    placeholder: str,
) -> list[str]:
    current = st.session_state.get(key)
    wanted = url_state.choices(st.query_params.get_all(key), _written().get(key), current, options)
    if current != wanted:
        st.session_state[key] = wanted
    value: list[str] = where.multiselect(
        label,
        options,
        key=key,
        format_func=format_func,
        placeholder=placeholder,  # Streamlit's own "Choose options" is English only
    )
    url_write(key, url_state.url_codes(value))
    return value


def kept_multi_choice(
    where: Any,
    key: str,
    label: str,
    options: Sequence[str],
    format_func: Callable[[str], str],
    *,
    known: Container[str],
    placeholder: str,
    max_selections: int,
    help: str | None = None,
) -> tuple[list[str], list[str]]:
    """A multi-choice whose values the filters hide stay in the URL (`known`: values that still
    exist) and come back when the filter is lifted. Returns the shown and the hidden values."""
    url = st.query_params.get_all(key)
    hidden_state: dict[str, list[str]] = st.session_state.setdefault(_HIDDEN, {})
    current = st.session_state.get(key)
    wanted = url_state.kept_choices(
        url, _written().get(key), current, options, hidden_state.get(key, []), max_selections
    )
    hidden = url_state.hidden_choices(url, wanted, options, known)
    room = max(max_selections - len(hidden), len(wanted))
    if current != wanted:
        st.session_state[key] = wanted
    value: list[str] = where.multiselect(
        label,
        options,
        key=key,
        format_func=format_func,
        placeholder=placeholder,
        max_selections=room,
        help=help,
        # Typing finds the words typed ("Booster"), not every label holding those letters in
        # order; and no "Select all": it would take the first options, whatever they are.
        filter_mode="contains",
        select_all=False,
    )
    hidden_state[key] = hidden
    url_write(key, url_state.kept_url(url, value, hidden, max_selections))
    return value, hidden


def one_choice(
    where: Where,
    key: str,
    label: str,
    options: Sequence[Any],
    format_func: Callable[[Any], str],
    *,
    default: Any,
    widget: str = "radio",
) -> Any:
    """A radio or selectbox of `options` (strings or numbers); the URL holds `str(option)`."""
    by_code = {str(o): o for o in options}
    defaults: dict[str, str] = st.session_state.setdefault(_DEFAULTS, {})
    current = st.session_state.get(key)
    wanted = url_state.choice(
        st.query_params.get_all(key),
        _written().get(key),
        None if current is None else str(current),
        list(by_code),
        str(default),
        defaults.get(key),
    )
    defaults[key] = str(default)
    if current is None or str(current) != wanted:
        st.session_state[key] = by_code[wanted]
    if widget == "radio":
        value = where.radio(label, options, key=key, format_func=format_func, horizontal=True)
    else:
        value = where.selectbox(label, options, key=key, format_func=format_func)
    url_write(key, url_state.url_codes(str(value), str(default)))
    return value


def year_input(column: DeltaGenerator, label: str, key: str) -> int | None:
    """An optional year bound in the URL (year_from / year_to); empty means open-ended."""
    value = column.number_input(
        label, min_value=1900, max_value=2100, value=None, step=1, format="%d", key=key, bind="query-params"
    )
    return None if value is None else int(value)


VIEW_KEY = "view"


def view_tabs(lang: Lang) -> tuple[str, DeltaGenerator]:
    """The view tabs, lazy: only the open tab's content is built on a rerun. Returns the open
    view's code and its container. The URL's `view` holds the code (the default, the overview,
    is left out); the tabs' state holds the label, so a language switch keeps the open view."""
    labels = {code: t(f"view_{code}", lang) for code in url_state.VIEWS}
    codes_by_label = {t(f"view_{code}", other): code for code in url_state.VIEWS for other in codes()}
    label = st.session_state.get(VIEW_KEY)
    current = codes_by_label.get(label) if isinstance(label, str) else None
    url = [v for v in st.query_params.get_all(VIEW_KEY) if v in url_state.VIEWS]
    wanted = url_state.choice(url, _written().get(VIEW_KEY), current, url_state.VIEWS, url_state.DEFAULT_VIEW)
    if label != labels[wanted]:
        st.session_state[VIEW_KEY] = labels[wanted]
    tabs = st.tabs(list(labels.values()), key=VIEW_KEY, on_change="rerun")
    open_code = next(
        (code for code, tab in zip(labels, tabs, strict=True) if tab.open), url_state.DEFAULT_VIEW
    )
    url_write(VIEW_KEY, url_state.url_codes(open_code, url_state.DEFAULT_VIEW))
    return open_code, tabs[url_state.VIEWS.index(open_code)]
