"""The Streamlit dashboard: widgets, layout and caching only; every number comes from `funding`.

Run with `scripts/run` (or `python -m streamlit run dashboard.py`). The URL parameters are the
`funding.selection.Filters` field names plus `lang`, `chart_kind`, `color`, `top` and `rows`,
with vocabulary codes as values, so `/?level=NL&lang=nl` opens the Dutch view of Dutch
instruments. `view=present` opens presentation mode (no sidebar, large type, the headline
figures and one chart at a time) and `slide=N` its N-th chart (1 = the first, the default), so
`/?view=present&level=EU&slide=2` reopens on the second chart of the EU view.

The "Download / Present" box offers CSV, XLSX and PPTX of exactly what the page shows (filters
and chart clicks), built only when a button is clicked, and an optional slide template.

Streamlit's `bind="query-params"` writes a choice widget's *formatted* option to the URL (in 1.67
`?level=Netherlands`, or `?level=Nederland` in Dutch) and ignores `?level=NL`. Widgets whose
value is shown as written (years, checkboxes, the search box, bar counts) are bound that way;
choice widgets with translated labels keep their codes in the URL through `_url_choice`.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from funding import charts
from funding.archives import TEMPLATE_MAX_BYTES, checked_template
from funding.breakdowns import breakdown
from funding.dataset import Dataset
from funding.dataset_info import DatasetInfo, load_info
from funding.documents import Document, load_documents
from funding.errors import FundingError, InvalidData, Problem, UnreadableFile
from funding.formatting import format_count, format_eur_full, with_qualifier
from funding.i18n import t
from funding.loading import MAX_BYTES, load_dataset, parse_csv
from funding.paths import DEFAULT_DATA, DEFAULT_DOCUMENTS
from funding.records import Instrument
from funding.selection import Filters, apply, choices, describe, filter_problems
from funding.vocab import (
    AMOUNT_KIND,
    BENEFICIARY,
    INSTRUMENT_TYPE,
    LANGS,
    LEVEL,
    PILLAR_FRAMEWORKS,
    STATUS,
    Lang,
)

# FUNDING_DATA serves another CSV of the same schema (e.g. a larger one for the benchmarks).
DATA = Path(os.environ.get("FUNDING_DATA") or DEFAULT_DATA)
LANG_NAMES = {"en": "English", "nl": "Nederlands"}
TOP_CHOICES = (10, 25, 50, 100, 250, 1000)
ROW_CHOICES = (100, 500, 2000, 10_000)
MAX_PROBLEMS_SHOWN = 500
PNG_SCALE = 3  # modebar PNGs at three times the on-screen size: sharp on a full-width slide
FILE_STEM = "battery-funding"
PRESENT = "present"  # ?view=present
PRESENT_TOP = 10  # bars in presentation mode's envelope chart unless ?top= says otherwise
TEMPLATE_MAX_MB = TEMPLATE_MAX_BYTES // (1024 * 1024)
_WRITTEN = "_url_written"
_PICK_GENERATION = "_pick_generation"
_UPLOAD_GENERATION = "_upload_generation"
_REFUSED_UPLOAD = "_refused_upload"


# ---------------------------------------------------------------------------------------------
# Loading: parse and validate once per file version, never per rerun


@dataclass(frozen=True)
class Loaded:
    """A validated dataset, or why there is none: the problems of an invalid file or the reason
    an unreadable one could not be read."""

    dataset: Dataset | None
    source: str
    problems: tuple[Problem, ...] = ()  # the first ones (funding.errors.MAX_PROBLEMS)
    reason: str = ""
    total: int = 0  # problems in all


def _invalid(exc: InvalidData, source: str) -> Loaded:
    return Loaded(None, source, problems=exc.problems, total=exc.total)


def read_upload(data: bytes, name: str, known_documents: Sequence[str]) -> Loaded:
    """An uploaded CSV, validated with the same rules and document registry as the shipped file."""
    try:
        dataset = parse_csv(data, source=name, known_documents=known_documents, max_bytes=MAX_BYTES)
    except InvalidData as exc:
        return _invalid(exc, name)
    except UnreadableFile as exc:
        return Loaded(None, name, reason=exc.reason)
    return Loaded(dataset, name)


def _stamp(path: Path) -> tuple[int, int]:
    """Modification time and size: an edited file gets a new cache entry and is read again."""
    try:
        stat = path.stat()
    except OSError:
        return (0, -1)
    return (stat.st_mtime_ns, stat.st_size)


@st.cache_resource(max_entries=4, show_spinner=False)
def _documents(path: str, stamp: tuple[int, int]) -> dict[str, Document] | Loaded:
    try:
        return load_documents(path)
    except InvalidData as exc:
        return _invalid(exc, Path(path).name)
    except UnreadableFile as exc:
        return Loaded(None, Path(path).name, reason=exc.reason)


@st.cache_resource(max_entries=4, show_spinner=False)
def _shipped(path: str, stamp: tuple[int, int], known_documents: tuple[str, ...]) -> Loaded:
    try:
        # The server's own file is trusted: the size limit is for uploads.
        return Loaded(load_dataset(path, known_documents=known_documents, max_bytes=None), Path(path).name)
    except InvalidData as exc:
        return _invalid(exc, Path(path).name)
    except UnreadableFile as exc:
        return Loaded(None, Path(path).name, reason=exc.reason)


class _Refused(Exception):
    """Carries a refused upload past the shared cache, which keeps no result of a call that raises."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded


# Valid uploads are cached by content (a rerun does not parse them again) for an hour at most:
# the cache is shared by all sessions, and an analyst's file should not outlive its use. A
# refused one is kept for its own session only (`uploaded`), so variants of a bad file cannot
# fill the server's memory.
@st.cache_resource(max_entries=8, ttl=3600, show_spinner=False)
def _uploaded(digest: str, name: str, known_documents: tuple[str, ...], _data: bytes) -> Loaded:
    loaded = read_upload(_data, name, known_documents)
    if loaded.dataset is None:
        raise _Refused(loaded)
    return loaded


def uploaded(data: bytes, name: str, known_documents: tuple[str, ...]) -> Loaded:
    key = (hashlib.sha256(data).hexdigest(), name, known_documents)
    refused = st.session_state.get(_REFUSED_UPLOAD)
    if refused is not None and refused[0] == key:
        return refused[1]  # type: ignore[no-any-return]
    try:
        return _uploaded(*key, data)
    except _Refused as exc:
        st.session_state[_REFUSED_UPLOAD] = (key, exc.loaded)
        return exc.loaded


@st.cache_resource(max_entries=4, show_spinner=False)
def _info(path: str, stamp: tuple[int, int]) -> DatasetInfo | str:
    try:
        return load_info(path)
    except FundingError as exc:
        return str(exc)


# ---------------------------------------------------------------------------------------------
# URL-synced choice widgets (codes in the URL, translated labels on screen)


def _url_choice(key: str, valid: Sequence[str], *, multi: bool, default: str | None = None) -> None:
    """Seed a choice widget's state from the URL on first load, or whenever the URL no longer says
    what this session last wrote there; otherwise keep what the user chose, minus values no longer
    offered (a pillar of the other framework, a source absent from an uploaded file)."""
    written: dict[str, list[str]] = st.session_state.setdefault(_WRITTEN, {})
    url = st.query_params.get_all(key)
    if key not in st.session_state or written.get(key) != url:
        values = list(dict.fromkeys(v for v in url if v in valid))
        wanted: Any = values if multi else (values[0] if values else default)
    else:
        current = st.session_state[key]
        wanted = [v for v in current if v in valid] if multi else (current if current in valid else default)
    if st.session_state.get(key) != wanted:
        st.session_state[key] = wanted


def _url_write(key: str, value: Any, *, default: Any = None) -> None:
    """Put the widget's codes in the URL, leaving defaults out as bound widgets do."""
    codes = [str(v) for v in value] if isinstance(value, list) else ([] if value == default else [str(value)])
    if st.query_params.get_all(key) != codes:
        if codes:
            st.query_params[key] = codes
        else:
            del st.query_params[key]
    st.session_state.setdefault(_WRITTEN, {})[key] = codes


def year_input(column: Any, label: str, key: str) -> int | None:
    """An optional year bound in the URL (year_from / year_to); empty means open-ended."""
    value = column.number_input(
        label, min_value=1900, max_value=2100, value=None, step=1, format="%d", key=key, bind="query-params"
    )
    return None if value is None else int(value)


def multi_choice(
    where: Any, key: str, label: str, options: Sequence[str], format_func: Callable[[str], str]
) -> list[str]:
    _url_choice(key, options, multi=True)
    value: list[str] = where.multiselect(label, options, key=key, format_func=format_func, placeholder=None)
    _url_write(key, value)
    return value


def one_choice(
    where: Any,
    key: str,
    label: str,
    options: Sequence[str],
    format_func: Callable[[str], str],
    *,
    default: str,
    widget: str = "radio",
) -> str:
    _url_choice(key, options, multi=False, default=default)
    if widget == "radio":
        value = where.radio(label, options, key=key, format_func=format_func, horizontal=True)
    else:
        value = where.selectbox(label, options, key=key, format_func=format_func)
    _url_write(key, value, default=default)
    return str(value)


# ---------------------------------------------------------------------------------------------
# Page sections


def language() -> Lang:
    lang = one_choice(st.sidebar, "lang", t("language", "en"), LANGS, LANG_NAMES.__getitem__, default="en")
    return "nl" if lang == "nl" else "en"


@dataclass(frozen=True)
class Source:
    loaded: Loaded
    info: DatasetInfo | None
    documents: dict[str, Document]
    uploaded: bool


def data_source(lang: Lang) -> Source:
    """The curated dataset, or an uploaded file in its place (never written anywhere)."""
    st.sidebar.header(t("data_heading", lang))
    info_path = DATA.parent / "dataset.json"
    info = _info(str(info_path), _stamp(info_path))
    documents = _documents(str(DEFAULT_DOCUMENTS), _stamp(DEFAULT_DOCUMENTS))
    if isinstance(documents, Loaded):
        return Source(documents, None, {}, uploaded=False)
    known = tuple(sorted(documents))
    generation = st.session_state.get(_UPLOAD_GENERATION, 0)
    upload = st.sidebar.file_uploader(
        t("upload", lang),
        type=["csv"],
        key=f"upload_{generation}",
        help=t("upload_help", lang),
        max_upload_size=MAX_BYTES // (1024 * 1024),
    )
    if upload is not None:
        loaded = uploaded(upload.getvalue(), upload.name, known)
        back_button(st.sidebar, lang, "sidebar")
    else:
        loaded = _shipped(str(DATA), _stamp(DATA), known)
        if isinstance(info, DatasetInfo):
            st.sidebar.caption(
                charts.markdown_escape(t("curated_dataset", lang, version=info.version, date=info.date))
            )
    return Source(
        loaded, info if isinstance(info, DatasetInfo) else None, documents, uploaded=upload is not None
    )


def _back() -> None:
    st.session_state[_UPLOAD_GENERATION] = st.session_state.get(_UPLOAD_GENERATION, 0) + 1


def back_button(where: Any, lang: Lang, place: str) -> None:
    where.button(t("back_to_curated", lang), key=f"back_{place}", on_click=_back, icon=":material/undo:")


def show_problems(loaded: Loaded, lang: Lang, *, uploaded: bool) -> None:
    """Why there are no figures: every problem of the file, as a table, and no traceback."""
    if loaded.reason:
        key = "upload_unreadable" if uploaded else "shipped_unreadable"
        st.error(charts.markdown_escape(t(key, lang, reason=loaded.reason, name=loaded.source)))
    else:
        key = "upload_invalid" if uploaded else "shipped_invalid"
        total = max(loaded.total, len(loaded.problems))
        st.error(charts.markdown_escape(t(key, lang, count=total, name=loaded.source)))
        shown = loaded.problems[:MAX_PROBLEMS_SHOWN]
        # A static table: its text is in the page for screen readers and can be copied. st.table
        # reads cells as Markdown, so every cell is escaped and shows exactly what the file holds.
        st.table(problem_table(shown, lang), hide_index=True)
        if len(shown) < total:
            st.caption(t("problems_more", lang, shown=len(shown), total=total))
    if uploaded:
        back_button(st, lang, "problems")


def problem_table(problems: Sequence[Problem], lang: Lang) -> pd.DataFrame:
    """Problems with every text cell Markdown-escaped (st.table would read them as Markdown)."""
    escape = charts.markdown_escape
    return pd.DataFrame(
        {
            t("problem_line", lang): [p.line for p in problems],
            t("problem_column", lang): [escape(p.column) for p in problems],
            t("problem_message", lang): [escape(p.message) for p in problems],
            t("problem_value", lang): [escape(p.value) for p in problems],
        }
    )


def filter_controls(dataset: Dataset, lang: Lang) -> Filters:
    """The sidebar filters; each widget's key is its URL parameter."""
    side = st.sidebar
    side.header(t("filters_heading", lang))
    valid = choices(dataset)
    level = multi_choice(side, "level", t("filter_level", lang), LEVEL.codes, lambda c: LEVEL.label(c, lang))
    kind = multi_choice(
        side, "kind", t("filter_kind", lang), AMOUNT_KIND.codes, lambda c: AMOUNT_KIND.label(c, lang)
    )
    type_ = multi_choice(
        side, "type", t("filter_type", lang), INSTRUMENT_TYPE.codes, lambda c: INSTRUMENT_TYPE.label(c, lang)
    )
    source = multi_choice(side, "source", t("filter_source", lang), valid["source"], str)
    framework = one_choice(
        side,
        "framework",
        t("filter_framework", lang),
        tuple(PILLAR_FRAMEWORKS),
        lambda c: t(f"framework_{c}", lang),
        default="eu",
    )
    pillars = PILLAR_FRAMEWORKS[framework]
    pillar = multi_choice(
        side, "pillar", t("filter_pillar", lang), pillars.codes, lambda c: pillars.label(c, lang)
    )
    beneficiary = multi_choice(
        side,
        "beneficiary",
        t("filter_beneficiary", lang),
        BENEFICIARY.codes,
        lambda c: BENEFICIARY.label(c, lang),
    )
    status = multi_choice(
        side, "status", t("filter_status", lang), STATUS.codes, lambda c: STATUS.label(c, lang)
    )
    left, right = side.columns(2)
    year_from = year_input(left, t("filter_year_from", lang), "year_from")
    year_to = year_input(right, t("filter_year_to", lang), "year_to")
    undated = side.checkbox(t("filter_undated", lang), value=True, key="undated", bind="query-params")
    battery_only = side.checkbox(
        t("filter_battery_only", lang), value=False, key="battery_only", bind="query-params"
    )
    q = side.text_input(t("filter_q", lang), value="", key="q", bind="query-params", max_chars=200)
    return Filters(
        level=tuple(level),
        type=tuple(type_),
        source=tuple(source),
        framework=framework,
        pillar=tuple(pillar),
        beneficiary=tuple(beneficiary),
        status=tuple(status),
        kind=tuple(kind),
        year_from=int(year_from) if year_from is not None else None,
        year_to=int(year_to) if year_to is not None else None,
        undated=bool(undated),
        battery_only=bool(battery_only),
        q=(q or "").strip(),
    )


def _pick_key(dimension: str, framework: str) -> str:
    generation = st.session_state.get(_PICK_GENERATION, 0)
    suffix = f"_{framework}" if dimension == "pillar" else ""
    return f"pick_{dimension}{suffix}_{generation}"


def chart_picks(framework: str) -> dict[str, list[str]]:
    """Groups clicked in the breakdown charts (their state is known before they are drawn again)."""
    return {
        dim: charts.picked_groups(st.session_state.get(_pick_key(dim, framework)))
        for dim in charts.PICK_DIMENSIONS
    }


def _clear_picks() -> None:
    st.session_state[_PICK_GENERATION] = st.session_state.get(_PICK_GENERATION, 0) + 1


def pick_banner(picks: dict[str, list[str]], framework: str, lang: Lang) -> None:
    active = {dim: codes for dim, codes in picks.items() if codes}
    if not active:
        return
    names = {
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
        st.info(charts.markdown_escape(t("picked", lang, text=text)), icon=":material/filter_alt:")
        st.button(t("clear_pick", lang), key="clear_pick", on_click=_clear_picks, icon=":material/close:")


# Static CSS, no data in it: long figures such as "at least EUR 13.8 bn" wrap instead of being cut
# to "at least E…", which would hide the number itself.
METRIC_CSS = """<style>
[data-testid="stMetricValue"] { font-size: clamp(1.35rem, 2.1vw, 2rem); }
[data-testid="stMetricValue"] div, [data-testid="stMetricValue"] p,
[data-testid="stMetricLabel"] div, [data-testid="stMetricLabel"] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
</style>"""


def headline_section(dataset: Dataset, selection: Sequence[Instrument], lang: Lang) -> None:
    figures = charts.headline(dataset, selection, lang)
    st.html(METRIC_CSS)
    st.subheader(t("headline", lang))
    for row in (figures.main[:3], figures.main[3:]):
        for column, metric in zip(st.columns(len(row)), row, strict=True):
            column.metric(metric.label, metric.value, help=metric.help, border=True)
    st.caption(charts.markdown_escape(f"{t('other_kinds', lang)}: {t('kept_apart', lang)}"))
    for column, metric in zip(st.columns(len(figures.apart)), figures.apart, strict=True):
        column.metric(metric.label, metric.value, help=metric.help, border=True)


def plotly_config(name: str, lang: Lang) -> dict[str, Any]:
    """The modebar's camera button saves a PNG at three times the screen size (slide resolution),
    named after the chart, the day and the language; the source line is part of the figure."""
    filename = f"{FILE_STEM}-{name.replace('_', '-')}-{date.today().isoformat()}-{lang}"
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "scale": PNG_SCALE, "filename": filename},
    }


def show_chart(chart: charts.Chart, lang: Lang, *, key: str, name: str, clickable: bool = False) -> None:
    """The figure and, right under it, the same numbers as a table (the accessible alternative)."""
    config = plotly_config(name, lang)
    if clickable:
        st.plotly_chart(
            chart.figure,
            key=key,
            on_select="rerun",
            selection_mode="points",
            width="stretch",
            config=config,
        )
    else:
        st.plotly_chart(chart.figure, key=key, width="stretch", config=config)
    with st.expander(t("data_table", lang)):
        st.dataframe(chart.table, hide_index=True, width="stretch", key=f"{key}_table")


def chart_kinds(filters: Filters) -> tuple[tuple[str, ...], str]:
    """The kinds the charts may show, and the default one."""
    kinds = filters.kind or AMOUNT_KIND.codes
    return kinds, "public" if "public" in kinds else kinds[0]


def chart_kind(filters: Filters, lang: Lang) -> str:
    """The one kind of figure the charts show (kinds are never added together)."""
    kinds, default = chart_kinds(filters)
    return one_choice(
        st.columns([2, 3])[0],
        "chart_kind",
        t("chart_kind", lang),
        kinds,
        lambda c: AMOUNT_KIND.label(c, lang),
        default=default,
        widget="selectbox",
    )


# A fragment: changing the colouring or the number of bars reruns this section only.
@st.fragment
def envelope_section(
    dataset: Dataset, selection: Sequence[Instrument], kind: str, lang: Lang, source: str
) -> None:
    left, right = st.columns([3, 1])
    colour = one_choice(
        left,
        "color",
        t("colour_by", lang),
        ("level", "type"),
        lambda c: t(f"colour_{c}", lang),
        default="level",
    )
    top = int(right.selectbox(t("top", lang), TOP_CHOICES, index=1, key="top", bind="query-params"))
    chart = charts.envelope_chart(dataset, selection, kind, lang, colour_by=colour, top=top, source=source)
    if chart.total == 0:
        st.info(t("no_amounts", lang))
        return
    if chart.shown < chart.total:
        st.caption(t("showing", lang, shown=chart.shown, total=chart.total))
    show_chart(chart, lang, key="envelopes", name="envelopes")


def breakdown_section(
    dataset: Dataset, selection: Sequence[Instrument], kind: str, framework: str, lang: Lang, source: str
) -> None:
    st.header(t("breakdowns", lang))
    if not charts.summable(kind):
        st.info(t("not_summable", lang, kind=AMOUNT_KIND.label(kind, lang)))
        return
    st.caption(t("click_hint", lang))
    picks = charts.PICK_DIMENSIONS
    for pair in (picks[:2], picks[2:]):
        for column, pick in zip(st.columns(2), pair, strict=True):
            with column:
                result = breakdown(
                    dataset, selection, charts.breakdown_dimension(pick, framework), kind, lang
                )
                title = charts.breakdown_title(pick, framework, lang)
                chart = charts.breakdown_chart(result, lang, title=title, source=source)
                show_chart(chart, lang, key=_pick_key(pick, framework), name=pick, clickable=True)


def structure_section(
    dataset: Dataset, selection: Sequence[Instrument], kind: str, framework: str, lang: Lang, source: str
) -> None:
    if not charts.summable(kind):
        return
    hierarchy_tab, flow_tab = st.tabs([t("hierarchy_tab", lang), t("flow_tab", lang)])
    with hierarchy_tab:
        show_chart(
            charts.hierarchy_chart(dataset, selection, kind, lang, source=source),
            lang,
            key="hierarchy",
            name="hierarchy",
        )
    with flow_tab:
        show_chart(
            charts.flow_chart(dataset, selection, kind, framework, lang, source=source),
            lang,
            key="flow",
            name="flow",
        )


def timeline_section(selection: Sequence[Instrument], lang: Lang, source: str) -> None:
    chart = charts.timeline_chart(selection, lang, source=source)
    if chart.total == 0:
        st.info(t("no_dates", lang))
        return
    if chart.shown < chart.total:
        st.caption(t("showing", lang, shown=chart.shown, total=chart.total))
    show_chart(chart, lang, key="timeline", name="timeline")


# A fragment: choosing how many rows, or which instrument's source to show, reruns this section only.
@st.fragment
def details_section(selection: Sequence[Instrument], documents: dict[str, Document], lang: Lang) -> None:
    st.header(t("details", lang))
    limit = st.selectbox(
        t("rows_shown", lang),
        ROW_CHOICES,
        index=1,
        key="rows",
        bind="query-params",
        format_func=lambda n: str(n),
    )
    shown = list(selection[: int(limit)])
    if len(shown) < len(selection):
        st.caption(t("details_limit", lang, shown=len(shown), total=len(selection)))
    st.dataframe(charts.details_table(shown, lang), hide_index=True, width="stretch", key="details_table")
    if not shown:
        return
    by_id = {r.id: r for r in shown}
    chosen = st.selectbox(
        t("detail_pick", lang), list(by_id), key="detail", format_func=lambda i: by_id[i].name(lang)
    )
    if chosen is not None:
        instrument_detail(by_id[chosen], documents, lang)


def instrument_detail(record: Instrument, documents: dict[str, Document], lang: Lang) -> None:
    """Where a figure comes from. Data is written with st.text: never read as Markdown or HTML."""
    none = t("detail_none", lang)
    with st.container(border=True, key="detail_panel"):
        st.markdown(f"**{charts.markdown_escape(record.name(lang))}**")
        amount = with_qualifier(format_eur_full(record.amount_eur, lang), record.amount_qualifier, lang)
        st.text(f"{AMOUNT_KIND.label(record.amount_kind, lang)}: {amount}")
        document = documents.get(record.source_document or "")
        if document is not None:
            cited = document.citation(lang)
        elif record.source_document:
            cited = t("detail_unknown_document", lang, id=record.source_document)
        else:
            cited = none
        for label, value in (
            ("detail_document", cited),
            ("detail_locator", record.source_locator or none),
            ("detail_quote", record.source_quote or none),
            ("detail_notes", record.notes or none),
        ):
            st.caption(t(label, lang))
            st.text(value)
        if record.source_url:
            st.link_button(t("detail_url", lang), record.source_url, icon=":material/open_in_new:")


# ---------------------------------------------------------------------------------------------
# Downloads: built when clicked, from exactly what the page shows


@dataclass(frozen=True)
class Export:
    """What a download is built from, captured when the page is drawn: the button's callable runs
    later, in a thread of its own, where the session (and so the widgets) is out of reach."""

    dataset: Dataset
    selection: tuple[Instrument, ...]
    filters: Filters
    lang: Lang
    documents: dict[str, Document]
    info: DatasetInfo
    upload_name: str | None = None
    template: bytes | None = None

    def build(self, fmt: str) -> bytes:
        # Imported here: the export libraries load on the first download, not on the first page.
        from funding.exports import export_csv, export_pptx, export_xlsx

        args = (self.dataset, self.selection, self.filters, self.lang, self.documents, self.info)
        if fmt == "csv":
            return export_csv(*args)
        if fmt == "xlsx":
            return export_xlsx(*args, upload_name=self.upload_name)
        if fmt == "pptx":
            return export_pptx(*args, template=self.template, upload_name=self.upload_name)
        raise ValueError(f"unknown download format {fmt!r}")


def download_name(fmt: str, lang: Lang, *, uploaded: bool, today: date | None = None) -> str:
    """battery-funding-2026-11-23-nl.xlsx; "-upload" when the rows come from an uploaded file."""
    stem = FILE_STEM + ("-upload" if uploaded else "")
    return f"{stem}-{(today or date.today()).isoformat()}-{lang}.{fmt}"


MEDIA_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


def template_problem(data: bytes, info: DatasetInfo) -> str:
    """Why an uploaded file cannot serve as the deck's template, or "" when it can."""
    try:
        checked_template(data)  # by the bytes it inflates to, before python-pptx opens it
    except UnreadableFile as exc:
        return exc.reason
    return _template_trial(hashlib.sha256(data).hexdigest(), info, data)


@st.cache_resource(max_entries=8, ttl=3600, show_spinner=False)
def _template_trial(digest: str, _info: DatasetInfo, _data: bytes) -> str:
    """Build an empty deck with the template once per file, so a broken template is reported
    when it is uploaded rather than as a failed download."""
    from funding.exports import export_pptx

    try:
        export_pptx(Dataset(()), (), Filters(), "en", {}, _info, template=_data)
    except FundingError as exc:
        return str(exc.reason) if isinstance(exc, UnreadableFile) else str(exc)
    except Exception as exc:  # a user file: any failure means "not usable", never a traceback
        return f"cannot be used ({type(exc).__name__})"
    return ""


def template_upload(where: Any, info: DatasetInfo, lang: Lang) -> tuple[bytes | None, str | None]:
    """An optional .pptx/.potx for the deck: its bytes and name when usable."""
    upload = where.file_uploader(
        t("template", lang),
        type=["pptx", "potx"],
        key="pptx_template",
        max_upload_size=TEMPLATE_MAX_MB,
        help=t("template_help", lang, mb=TEMPLATE_MAX_MB),
    )
    if upload is None:
        return None, None
    data = upload.getvalue()
    problem = template_problem(data, info)
    if problem:
        where.error(charts.markdown_escape(t("template_invalid", lang, name=upload.name, reason=problem)))
        return None, None
    where.caption(charts.markdown_escape(t("template_in_use", lang, name=upload.name)))
    return data, upload.name


def _start_presenting(folded: dict[str, list[str]] | None) -> None:
    """Open presentation mode; chart clicks that filters can say move into the URL's filters."""
    if folded:
        for key, codes in folded.items():
            st.query_params[key] = codes
        _clear_picks()
    st.query_params["view"] = PRESENT
    if "slide" in st.query_params:
        del st.query_params["slide"]


def download_section(
    dataset: Dataset,
    narrowed: Sequence[Instrument],
    filters: Filters,
    picks: dict[str, list[str]],
    data: Source,
    lang: Lang,
) -> None:
    """CSV, XLSX and PPTX of exactly the narrowed selection, and the way into presentation mode."""
    folded = charts.picks_as_filters(filters, picks, dataset.records)
    picked = any(picks.values())
    upload_name = data.loaded.source if data.uploaded else None
    with st.container(border=True, key="downloads"):
        st.markdown(f"**{t('present_section', lang)}**")
        bar = st.container(horizontal=True, key="download_bar")
        template: bytes | None = None
        if data.info is None:
            st.caption(t("downloads_unavailable", lang))
        else:
            with bar.popover(t("template_button", lang), icon=":material/palette:"):
                template, _ = template_upload(st, data.info, lang)
            export = Export(
                dataset,
                tuple(narrowed),
                folded or filters,
                lang,
                data.documents,
                data.info,
                upload_name,
                template,
            )
            for fmt, icon in (("csv", "table"), ("xlsx", "grid_on"), ("pptx", "slideshow")):
                label = t("download_pptx_template" if fmt == "pptx" and template else f"download_{fmt}", lang)
                bar.download_button(
                    label,
                    data=functools.partial(export.build, fmt),
                    file_name=download_name(fmt, lang, uploaded=data.uploaded),
                    mime=MEDIA_TYPES[fmt],
                    key=f"download_{fmt}",
                    on_click="ignore",
                    icon=f":material/{icon}:",
                    help=t(f"download_{fmt}_help", lang),
                )
        moved = (
            {
                name: list(getattr(folded, name))
                for name in charts.PICK_FIELDS.values()
                if getattr(folded, name) != getattr(filters, name)
            }
            if folded is not None and picked
            else None
        )
        bar.button(
            t("present", lang),
            key="present",
            icon=":material/co_present:",
            type="primary",
            on_click=_start_presenting,
            args=(moved,),
            help=t("present_help", lang),
        )
        scope = t("download_scope", lang, n=format_count(len(narrowed), lang))
        if upload_name is not None:
            scope += " " + t("download_scope_upload", lang, name=upload_name)
        st.caption(charts.markdown_escape(scope))
        if picked and folded is None:
            st.caption(t("picks_not_in_files", lang))
        st.caption(t("png_hint", lang))


# ---------------------------------------------------------------------------------------------
# Presentation mode: ?view=present, one chart at a time, for a projector


# Static CSS, no data in it: no sidebar (nor the button that opens it), large type. The top
# padding leaves room for Streamlit's fixed header (its menu stays reachable).
PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 3.5rem 2.5rem 1rem 2.5rem; max-width: 100%; }
.st-key-present_title h1 { font-size: clamp(1.6rem, 2.2vw, 2.6rem); padding: 0; }
.st-key-present_title [data-testid="stCaptionContainer"] { font-size: clamp(1rem, 1.2vw, 1.35rem); }
.st-key-present_main [data-testid="stMetricValue"] { font-size: clamp(1.6rem, 2.2vw, 2.6rem); }
.st-key-present_headline [data-testid="stMetricLabel"] p { font-size: clamp(0.95rem, 1.1vw, 1.3rem); }
.st-key-present_apart p { font-size: clamp(1rem, 1.2vw, 1.4rem); }
.st-key-present_slide [data-testid="stCaptionContainer"],
.st-key-present_headline [data-testid="stCaptionContainer"] { font-size: clamp(0.95rem, 1.1vw, 1.25rem); }
.st-key-present_nav p { font-size: clamp(1rem, 1.2vw, 1.35rem); }
</style>"""
PRESENT_MAIN = ("battery_public", "net_public", "instruments", "without_amount")
PRESENT_CHART_PX = 780  # the tallest a projected chart gets unless its bars need more


def presenting() -> bool:
    return st.query_params.get("view") == PRESENT


def _stop_presenting() -> None:
    for key in ("view", "slide"):
        if key in st.query_params:
            del st.query_params[key]


def _go_to_slide(number: int) -> None:
    if number > 1:
        st.query_params["slide"] = str(number)
    elif "slide" in st.query_params:
        del st.query_params["slide"]


def _url_value(key: str, valid: Sequence[str], default: str) -> str:
    """A display setting read from the URL, as the page's own widget would read it."""
    value = st.query_params.get(key)
    return value if value is not None and value in valid else default


def present_view(
    dataset: Dataset, selection: Sequence[Instrument], filters: Filters, lang: Lang, source: str
) -> None:
    """The headline figures and one chart, large, with the selection and the source on screen."""
    with st.container(key="present_title"):
        left, right = st.columns([6, 1], vertical_alignment="top")
        left.title(t("page_title", lang))
        left.caption(charts.markdown_escape(t("selection", lang, text=describe(filters, lang))))
        right.button(
            t("exit_present", lang),
            key="exit_present",
            type="tertiary",
            icon=":material/close_fullscreen:",
            on_click=_stop_presenting,
        )
    st.html(METRIC_CSS)
    figures_column, chart_column = st.columns([1, 3], gap="large")
    with figures_column:
        present_headline(dataset, selection, lang)
    with chart_column:
        if not selection:
            st.info(t("no_selection", lang), icon=":material/filter_alt_off:")
            st.caption(charts.markdown_escape(source))
            return
        kinds, default = chart_kinds(filters)
        kind = _url_value("chart_kind", kinds, default)
        slide_section(dataset, selection, kind, filters.framework, lang, source)


def present_headline(dataset: Dataset, selection: Sequence[Instrument], lang: Lang) -> None:
    """Net public funding and counts, one under the other; the other kinds apart, never added."""
    figures = charts.headline(dataset, selection, lang)
    main = {m.key: m for m in figures.main}
    with st.container(key="present_headline"):
        with st.container(key="present_main"):
            # The amounts one under the other (they are long); the two counts side by side.
            for key in PRESENT_MAIN[:2]:
                st.metric(main[key].label, main[key].value, help=main[key].help, border=True)
            for column, key in zip(st.columns(2), PRESENT_MAIN[2:], strict=True):
                column.metric(main[key].label, main[key].value, help=main[key].help, border=True)
        st.caption(charts.markdown_escape(f"{t('other_kinds', lang)}: {t('kept_apart', lang)}"))
        # One line each: boxes this narrow would break long Dutch words ("Garantiecapaciteit").
        with st.container(key="present_apart", gap="small"):
            for metric in figures.apart:
                label, value = charts.markdown_escape(metric.label), charts.markdown_escape(metric.value)
                st.markdown(f"{label}: **{value}**", help=metric.help)


# A fragment: next and previous redraw the chart only, not the headline figures above it.
@st.fragment
def slide_section(
    dataset: Dataset, selection: Sequence[Instrument], kind: str, framework: str, lang: Lang, source: str
) -> None:
    names = charts.slides(selection, kind)
    if not names:
        st.info(t("present_no_charts", lang, kind=AMOUNT_KIND.label(kind, lang)))
        st.caption(charts.markdown_escape(source))
        return
    try:
        number = min(max(int(st.query_params.get("slide", "1")), 1), len(names))
    except ValueError:
        number = 1
    with st.container(key="present_nav", horizontal=True, vertical_alignment="center"):
        st.button(
            t("previous", lang),
            key="present_previous",
            icon=":material/arrow_back:",
            disabled=number == 1,
            on_click=_go_to_slide,
            args=(number - 1,),
            shortcut="Left",
        )
        st.button(
            t("next", lang),
            key="present_next",
            icon=":material/arrow_forward:",
            disabled=number == len(names),
            on_click=_go_to_slide,
            args=(number + 1,),
            shortcut="Right",
        )
        st.markdown(t("slide_of", lang, number=number, total=len(names)))
    name = names[number - 1]
    top = int(_url_value("top", [str(n) for n in TOP_CHOICES], str(PRESENT_TOP)))
    colour = _url_value("color", ("level", "type"), "level")
    chart = charts.slide_chart(
        name, dataset, selection, kind, framework, lang, source=source, colour_by=colour, top=top
    )
    with st.container(key="present_slide"):
        st.plotly_chart(
            charts.for_projection(chart.figure, max_height=PRESENT_CHART_PX),
            key="present_chart",
            width="stretch",
            config=plotly_config(name, lang),
        )
        if chart.shown < chart.total:
            st.caption(t("showing", lang, shown=chart.shown, total=chart.total))
        st.caption(charts.markdown_escape(source))


# ---------------------------------------------------------------------------------------------


def main() -> None:
    present = presenting()
    st.set_page_config(
        page_title="Battery funding · Batterijfinanciering",
        layout="wide",
        initial_sidebar_state="collapsed" if present else "auto",
    )
    if present:
        st.html(PRESENT_CSS)
    # In presentation mode the sidebar is drawn but hidden: its widgets keep reading the URL, so
    # the filters are the page's own, and leaving the mode finds them as they were.
    lang = language()
    data = data_source(lang)
    loaded, info, uploaded = data.loaded, data.info, data.uploaded
    if not present:
        st.title(t("page_title", lang))
    dataset = loaded.dataset
    if dataset is None:
        if present:
            st.button(t("exit_present", lang), key="exit_present", type="tertiary", on_click=_stop_presenting)
        show_problems(loaded, lang, uploaded=uploaded)
        return
    if uploaded:
        with st.container(border=True, key="upload_banner"):
            st.warning(
                charts.markdown_escape(t("viewing_upload", lang, name=loaded.source)),
                icon=":material/upload_file:",
            )
            if not present:
                back_button(st, lang, "banner")
    source = charts.source_line(
        lang,
        version=info.version if info else "?",
        date=info.date if info else "?",
        title=info.title_in(lang) if info else "",
        upload_name=loaded.source if uploaded else None,
    )
    filters = filter_controls(dataset, lang)
    # A chart saved from the modebar leaves the page behind: its footer says what it shows.
    source = f"{source} {t('selection', lang, text=describe(filters, lang))}"
    for problem in filter_problems(filters, dataset):
        st.warning(charts.markdown_escape(t("filter_warning", lang, text=problem)))
    selection = apply(filters, dataset.records)
    if present:
        present_view(dataset, selection, filters, lang, source)
        return
    picks = chart_picks(filters.framework)
    narrowed = charts.narrow(selection, picks, filters.framework)
    st.caption(charts.markdown_escape(t("selection", lang, text=describe(filters, lang))))
    pick_banner(picks, filters.framework, lang)
    download_section(dataset, narrowed, filters, picks, data, lang)
    headline_section(dataset, narrowed, lang)
    if not narrowed:
        st.info(t("no_selection", lang), icon=":material/filter_alt_off:")
        st.divider()
        st.caption(charts.markdown_escape(source))
        return
    kind = chart_kind(filters, lang)
    envelope_section(dataset, narrowed, kind, lang, source)
    # The breakdowns show the filtered selection and are what a click narrows: drawing them from
    # the narrowed one would leave only the clicked bar.
    breakdown_section(dataset, selection, kind, filters.framework, lang, source)
    structure_section(dataset, narrowed, kind, filters.framework, lang, source)
    timeline_section(narrowed, lang, source)
    details_section(narrowed, data.documents, lang)
    st.divider()
    st.caption(charts.markdown_escape(source))


main()
