"""Plotly figures and their data tables for the dashboard, with no Streamlit in sight.

Every builder returns a `Chart`: the figure and the table with the same numbers, which the page
shows as the chart's accessible alternative. Amounts come from `funding.totals` and
`funding.breakdowns`, so a bar is the same figure as on a slide or in a spreadsheet; the
builders only lay them out.

Text from the data (names, sources, an uploaded file's cells) goes through `plotly_text`, so a
name such as ``<img src=x onerror=...>`` is shown as written instead of being read by plotly as
markup. Categories are keyed by id or code, never by label, so two instruments with the same
name stay two bars.
"""

from __future__ import annotations

import heapq
import math
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from funding.breakdowns import NOT_STATED_GROUP, Breakdown, breakdown, envelopes, group_codes
from funding.dataset import Dataset
from funding.formatting import (
    NOT_STATED,
    format_count,
    format_eur,
    format_eur_full,
    format_range,
    with_qualifier,
)
from funding.i18n import t
from funding.legibility import legible
from funding.markdown import plain_text
from funding.records import Instrument, period_bounds
from funding.selection import Filters, apply, pillar_of
from funding.totals import (
    Bounds,
    KindTotal,
    combine_qualifiers,
    counted_ids,
    origin_split,
    refuse_unsummable,
    summable,
    totals_by_kind,
)
from funding.vocab import (
    AMOUNT_KIND,
    BENEFICIARY,
    INSTRUMENT_TYPE,
    LEVEL,
    MONEY_ORIGIN,
    NOT_STATED_ORIGIN,
    PILLAR_FRAMEWORKS,
    QUALIFIER,
    STATUS,
    Lang,
    Vocabulary,
)

# Okabe & Ito (2008): distinguishable with the common colour-vision deficiencies. The same list is
# `chartCategoricalColors` in .streamlit/config.toml; colours are fixed per code here so that EU
# is the same colour on every chart and every slide, whatever the filters leave.
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow
    "#000000",  # black
)
NBSP = "\u00a0"
GREY = "#8C8C8C"
ROOT_GREY = "#E6E6E6"
PART_PATTERN = "/"
PART_OPACITY = 0.55
OPEN_OPACITY = 0.35
BAR_PX = 30
# Titles, subtitles and source lines are wrapped by hand (plotly does not wrap) so that they fit
# a 390 px phone screen as well as a slide.
WRAP = 55
# Room right of the longest bar for a label outside it. Labels go inside a bar when they fit and
# outside otherwise; always outside on hatched parts and on zero-length bars ("amount not stated"),
# where inside text would be unreadable or hidden.
LABEL_ROOM = 1.3
MAX_TIMELINE_ROWS = 60
# Bounds on what one figure carries, whatever the size of the selection; sums stay exact (the
# remainder is one tile or node) and the data table says what was folded.
MAX_TREEMAP_LEAVES = 60
MAX_SOURCES = 15

# Breakdown dimensions that can be clicked to narrow the page, and the URL-free keys for them.
PICK_DIMENSIONS = ("pillar", "source", "beneficiary", "instrument_type")


@dataclass(frozen=True)
class Chart:
    """A figure and the table it draws, for the data-table alternative under every chart."""

    figure: go.Figure
    table: pd.DataFrame
    shown: int = 0
    total: int = 0


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    value: str
    help: str


@dataclass(frozen=True)
class Headline:
    """The figures at the top of the page: battery money first, the other kinds kept apart."""

    main: tuple[Metric, ...]
    apart: tuple[Metric, ...]
    origins: tuple[Metric, ...] = ()  # the battery-specific figure by where its money comes from


# ---------------------------------------------------------------------------------------------
# Text helpers


_PLOTLY_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def plotly_text(text: str) -> str:
    """Text that plotly shows literally: it reads <b>, <a href>, <br> and entities as markup (and
    the browser would reorder it at a bidirectional control)."""
    return re.sub(r"[&<>]", lambda m: _PLOTLY_ESCAPES[m.group(0)], plain_text(text))


def wrapped(text: str, width: int = 30, lines: int = 3) -> str:
    """An escaped label broken over at most `lines` lines of about `width` characters."""
    parts = textwrap.wrap(text, width=width) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: max(width - 1, 1)].rstrip() + "…"
    return "<br>".join(plotly_text(p) for p in parts)


def source_line(lang: Lang, *, version: str, date: str, title: str, upload_name: str | None = None) -> str:
    if upload_name is not None:
        return t("source_line_upload", lang, name=upload_name)
    return t("source_line", lang, title=title, version=version, date=date)


def _scale(max_amount: float, lang: Lang) -> tuple[float, str]:
    if max_amount >= 1e9:
        return 1e9, t("scale_bn", lang)
    if max_amount >= 1e6:
        return 1e6, t("scale_m", lang)
    return 1.0, t("scale_1", lang)


def _bar_axes(categories: list[Any], ticktext: list[str], unit: str, top: float) -> dict[str, Any]:
    """Axes of a horizontal bar chart: categories keyed by code or id, in the given order, top down."""
    return {
        "yaxis": {
            "type": "category",
            "categoryorder": "array",
            "categoryarray": categories,
            "autorange": "reversed",
            "tickmode": "array",
            "tickvals": categories,
            "ticktext": ticktext,
            "automargin": True,
        },
        "xaxis": {"title": {"text": plotly_text(unit)}, "range": [0, top], "automargin": True},
    }


def _top_of(amounts: Iterable[float], factor: float) -> float:
    """The value axis' end: the largest bar plus room for its outside label."""
    largest = max((float(a) for a in amounts), default=0.0)
    return (largest / factor if largest > 0 else 1.0) * LABEL_ROOM


def _text_position(amount: float, part: bool) -> str:
    return "outside" if part or not amount else "auto"


def _battery_specific(dataset: Dataset, record_id: str) -> bool:
    record = dataset.by_id.get(record_id)
    return record is None or record.battery_specific


def _separators(lang: Lang) -> str:
    """Plotly's decimal and thousands separators: 1.5 in English, 1,5 in Dutch."""
    return ".," if lang == "en" else ",."


def colour_map(vocab: Vocabulary) -> dict[str, str]:
    """A fixed colour per code, in vocabulary order; codes beyond the palette get grey."""
    return {code: OKABE_ITO[i] if i < len(OKABE_ITO) else GREY for i, code in enumerate(vocab.codes)}


def _lines(text: str, width: int, lines: int) -> list[str]:
    return wrapped(text, width=width, lines=lines).split("<br>")


def _layout(
    *,
    title: str,
    subtitle: str,
    source: str,
    lang: Lang,
    plot_height: int,
    legend: Sequence[str] = (),
) -> dict[str, Any]:
    """The layout shared by every chart: title, subtitle and source line above the plot, anchored
    to the figure's left edge.

    The source line is part of the figure, so a PNG of the chart (modebar download) still cites
    its source. It sits in the subtitle because plotly can anchor titles, but not annotations, to
    the container: an annotation starts at the plot area, after the axis labels, and is cut off on
    a phone.
    """
    title_lines = _lines(title, 50, 2)
    sub_lines = _lines(subtitle, WRAP, 4)
    source_lines = _lines(source, WRAP + 10, 4) if source else []
    text = "<br>".join(sub_lines + [f"<span style='font-size:10px'>{line}</span>" for line in source_lines])
    # The legend sits between the subtitle and the plot; on a phone it wraps, so make room for the
    # rows it needs at about 340 px wide (on a laptop that leaves a little air).
    legend_rows = math.ceil(sum(len(label) * 6.5 + 40 for label in legend) / 340) if legend else 0
    top = 16 + 22 * len(title_lines) + 15 * (len(sub_lines) + len(source_lines)) + 12 + 22 * legend_rows
    bottom = 50
    return dict(
        title={
            "text": "<br>".join(title_lines),
            "subtitle": {"text": text},
            "x": 0,
            "xanchor": "left",
            "xref": "container",
            "y": 1,
            "yanchor": "top",
            "yref": "container",
            "pad": {"t": 12, "l": 4},
        },
        separators=_separators(lang),
        height=top + bottom + plot_height,
        margin={"l": 10, "r": 20, "t": top, "b": bottom},
    )


# ---------------------------------------------------------------------------------------------
# Headline figures


APART_KINDS = ("guarantee", "state_aid_ceiling", "private_expected", "target")
MAX_NAMED = 4  # rows named in a help text before "and N more"


def _names(dataset: Dataset, ids: Sequence[str], lang: Lang) -> str:
    names = [dataset.by_id[i].name(lang) for i in ids if i in dataset.by_id]
    shown = "; ".join(names[:MAX_NAMED])
    if len(names) > MAX_NAMED:
        shown += " " + t("and_more", lang, n=format_count(len(names) - MAX_NAMED, lang))
    return shown


def bounds_text(bounds: Bounds, lang: Lang) -> str:
    """A net total on one line ("EUR 6.1 bn"); only the qualifier may wrap away from it."""
    number = format_range(bounds.low, bounds.high, lang)
    return with_qualifier(number.replace(" ", NBSP), bounds.qualifier, lang)


def range_help(dataset: Dataset, bounds: Bounds, lang: Lang) -> str:
    """What makes a range, naming the rows; empty when the total is one figure."""
    if not bounds.is_range:
        return ""
    return t("range_help", lang, names=_names(dataset, bounds.uncertain, lang))


def headline(dataset: Dataset, selection: Sequence[Instrument], lang: Lang) -> Headline:
    """Battery-specific public funding first; wider envelopes open to batteries apart; then all
    public funding counted once, the gross sum and counts; the other kinds apart, and targets
    (which may overlap) counted, never summed."""
    totals = totals_by_kind(dataset, selection)
    public = totals["public"]
    without = sum(1 for r in selection if r.amount_eur is None)
    instruments = sum(1 for r in selection if r.record_type == "instrument")

    def amount(total: KindTotal, bounds: Bounds) -> str:
        if bounds.empty:
            return t("none_stated", lang) if not total.with_amount else t("none_in_selection", lang)
        return bounds_text(bounds, lang)

    def explained(key: str, bounds: Bounds, **values: Any) -> str:
        return " ".join(x for x in (t(key, lang, **values), range_help(dataset, bounds, lang)) if x)

    main = (
        Metric(
            "battery_public",
            t("battery_public", lang),
            amount(public, public.battery),
            explained("battery_public_help", public.battery),
        ),
        Metric(
            "wider_public",
            t("wider_public", lang),
            amount(public, public.wider),
            explained(
                "wider_public_help", public.wider, names=_names(dataset, public.wider.rows, lang) or "—"
            ),
        ),
        Metric(
            "net_public",
            t("net_public", lang),
            amount(public, public.net),
            explained("net_public_help", public.net, counted=public.counted, with_amount=public.with_amount),
        ),
        Metric(
            "gross_public",
            t("gross_public", lang),
            t("none_stated", lang)
            if not public.with_amount
            else with_qualifier(
                format_eur(public.gross, lang).replace(" ", NBSP), public.gross_qualifier, lang
            ),
            t("gross_help", lang),
        ),
        Metric(
            "instruments",
            t("instruments", lang),
            format_count(instruments, lang),
            t("instruments_help", lang, others=format_count(len(selection) - instruments, lang)),
        ),
        Metric(
            "without_amount",
            t("without_amount", lang),
            format_count(without, lang),
            t("without_amount_help", lang),
        ),
    )
    origins = tuple(
        Metric(
            f"origin_{origin}",
            origin_label(origin, lang),
            bounds_text(bounds, lang),
            range_help(dataset, bounds, lang),
        )
        for origin, bounds in origin_split(dataset, selection).items()
    )
    apart: list[Metric] = []
    for kind in APART_KINDS:
        total = totals[kind]
        if total.summable:
            value = amount(total, total.net)
            help_text = explained(
                "kind_help",
                total.net,
                counted=total.counted,
                with_amount=total.with_amount,
                without=total.without_amount,
            )
        else:
            value = (
                t("targets_value", lang, n=format_count(total.with_amount, lang))
                if total.with_amount
                else t("none_stated", lang)
            )
            help_text = t("targets_help", lang)
        apart.append(Metric(kind, AMOUNT_KIND.label(kind, lang), value, help_text))
    return Headline(main, tuple(apart), origins)


def origin_label(origin: str, lang: Lang) -> str:
    return t("origin_not_stated", lang) if origin == NOT_STATED_ORIGIN else MONEY_ORIGIN.label(origin, lang)


# ---------------------------------------------------------------------------------------------
# Envelope comparison


def envelope_chart(
    dataset: Dataset,
    selection: Sequence[Instrument],
    kind: str,
    lang: Lang,
    *,
    colour_by: str = "level",
    top: int = 25,
    source: str = "",
) -> Chart:
    """Horizontal bars, largest first, each whole followed by its parts (indented, hatched, lighter).

    Only the first `top` rows of that order are drawn (the largest envelopes with their parts), so a
    very large selection never sends all its rows to the browser.
    """
    # Only the rows drawn are tabled (a whole comes before its parts, so a shown part's whole is
    # shown too); the count of all of them is cheap.
    shown = envelopes(dataset, selection, kind, lang, limit=max(top, 1))
    total = sum(1 for r in selection if r.amount_kind == kind and r.amount_eur is not None)
    vocab = LEVEL if colour_by == "level" else INSTRUMENT_TYPE
    column = "level" if colour_by == "level" else "instrument_type"
    colours = colour_map(vocab)
    names = dict(zip(shown["id"], shown["name"], strict=True))
    factor, unit = _scale(float(shown["amount"].max()) if len(shown) else 0.0, lang)

    traces: list[Any] = []
    order = list(shown["id"])
    for code in [*vocab.codes, *sorted(set(shown[column]) - set(vocab.codes))]:
        rows = shown[shown[column] == code]
        if rows.empty:
            continue
        part = [not c for c in rows["counted"]]
        labels = [
            format_eur(a, lang, q)
            + ("" if _battery_specific(dataset, i) else f" · {t('not_battery_specific', lang)}")
            for a, q, i in zip(rows["amount"], rows["qualifier"], rows["id"], strict=True)
        ]
        hover = [
            "<br>".join(
                [
                    f"<b>{plotly_text(str(name))}</b>",
                    plotly_text(with_qualifier(format_eur_full(amount, lang), qualifier, lang)),
                    plotly_text(t("part_of", lang, name=names.get(parent, parent)))
                    if is_part
                    else plotly_text(t("counted_once", lang)),
                    plotly_text(str(src)),
                ]
            )
            for name, amount, qualifier, parent, is_part, src in zip(
                rows["name"],
                rows["amount"],
                rows["qualifier"],
                rows["parent"],
                part,
                rows["source"],
                strict=True,
            )
        ]
        traces.append(
            go.Bar(
                x=[a / factor for a in rows["amount"]],
                y=list(rows["id"]),
                orientation="h",
                name=plotly_text(vocab.label(code, lang)),
                text=[plotly_text(label) for label in labels],
                textposition=[_text_position(a, p) for a, p in zip(rows["amount"], part, strict=True)],
                cliponaxis=False,
                customdata=[[h] for h in hover],
                hovertemplate="%{customdata[0]}<extra></extra>",
                marker={
                    "color": colours.get(code, GREY),
                    "opacity": [PART_OPACITY if p else 1.0 for p in part],
                    "pattern": {"shape": [PART_PATTERN if p else "" for p in part]},
                    "line": {"color": colours.get(code, GREY), "width": 1},
                },
            )
        )
    depth = dict(zip(shown["id"], shown["depth"], strict=True))
    ticktext = [wrapped("↳ " * int(depth[i]) + str(names[i]), width=34, lines=2) for i in order]
    layout = _layout(
        title=t("envelopes", lang),
        subtitle=t("envelopes_sub", lang, kind=AMOUNT_KIND.label(kind, lang)),
        source=source,
        lang=lang,
        plot_height=40 + BAR_PX * max(len(order), 1) * (2 if any("<br>" in x for x in ticktext) else 1),
        legend=[tr.name for tr in traces],
    )
    layout.update(
        barmode="overlay",
        bargap=0.25,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
        **_bar_axes(order, ticktext, unit, _top_of(shown["amount"], factor)),
    )
    # The table holds the bars drawn, not the whole selection: the details table below the charts
    # lists every instrument, and a large selection is never sent to the browser twice.
    data = pd.DataFrame(
        {
            t("col_name", lang): [
                ("↳ " * int(d)) + str(n) for d, n in zip(shown["depth"], shown["name"], strict=True)
            ],
            t("col_amount", lang): [
                format_eur(a, lang, q) for a, q in zip(shown["amount"], shown["qualifier"], strict=True)
            ],
            t("col_amount_eur", lang): shown["amount"],
            t("col_part_of", lang): [names.get(p, "") if p else "" for p in shown["parent"]],
            t("col_counted", lang): [t("yes", lang) if c else t("no", lang) for c in shown["counted"]],
            t("col_battery_specific", lang): [
                t("yes", lang) if _battery_specific(dataset, i) else t("no", lang) for i in shown["id"]
            ],
            t("col_level", lang): [LEVEL.label(c, lang) for c in shown["level"]],
            t("col_type", lang): [INSTRUMENT_TYPE.label(c, lang) for c in shown["instrument_type"]],
            t("col_source", lang): shown["source"],
        }
    )
    fig = legible(go.Figure(data=traces, layout=layout))
    return Chart(fig, data, shown=len(order), total=total)


# ---------------------------------------------------------------------------------------------
# Breakdowns


def breakdown_chart(
    result: Breakdown,
    lang: Lang,
    *,
    title: str,
    source: str = "",
    colour: str = OKABE_ITO[0],
) -> Chart:
    """Bars per group (keyed by code), the net amount on each; a total only when groups add up."""
    refuse_unsummable(result.kind)
    table = result.table
    kind_label = AMOUNT_KIND.label(result.kind, lang)
    if result.additive:
        counted = table["amount"].sum() if len(table) else 0.0
        qualifier = combine_qualifiers(table["qualifier"][table["amount"] > 0])
        total_text = format_eur(round(float(counted), 2), lang, qualifier)
        subtitle = t("total_counted", lang, kind=kind_label, total=total_text)
    else:
        subtitle = f"{kind_label}. {t('not_additive', lang)}"
    factor, unit = _scale(float(table["amount"].max()) if len(table) else 0.0, lang)
    groups = list(table["group"])
    texts = []
    for amount, qualifier, without in zip(
        table["amount"], table["qualifier"], table["without_amount"], strict=True
    ):
        has_amount = amount > 0 or without == 0
        texts.append(plotly_text(format_eur(amount, lang, qualifier) if has_amount else NOT_STATED[lang]))
    hover = [
        "<br>".join(
            [
                f"<b>{plotly_text(str(label))}</b>",
                plotly_text(with_qualifier(format_eur_full(amount, lang), qualifier, lang)),
                plotly_text(f"{t('col_instruments', lang)}: {n}; {t('col_without_amount', lang)}: {w}"),
            ]
        )
        for label, amount, qualifier, n, w in zip(
            table["label"],
            table["amount"],
            table["qualifier"],
            table["instruments"],
            table["without_amount"],
            strict=True,
        )
    ]
    traces = [
        go.Bar(
            x=[a / factor for a in table["amount"]],
            y=groups,
            orientation="h",
            text=texts,
            textposition=[_text_position(a, False) for a in table["amount"]],
            cliponaxis=False,
            customdata=[[h] for h in hover],
            hovertemplate="%{customdata[0]}<extra></extra>",
            marker={"color": colour},
            showlegend=False,
        )
    ]
    # How many instruments in a group state no amount goes under the group's name, where it is
    # never cut off (a bar's own label can run out of room on a phone).
    ticktext = [
        wrapped(str(label), width=30, lines=2)
        + (
            f"<br><span style='font-size:10px'>{plotly_text(t('plus_not_stated', lang, n=format_count(int(w), lang)))}</span>"
            if w and a > 0
            else ""
        )
        for label, a, w in zip(table["label"], table["amount"], table["without_amount"], strict=True)
    ]
    layout = _layout(
        title=title,
        subtitle=subtitle,
        source=source,
        lang=lang,
        plot_height=20 + 2 * BAR_PX * max(len(groups), 1),
    )
    layout.update(
        clickmode="event+select",
        dragmode=False,
        **_bar_axes(groups, ticktext, unit, _top_of(table["amount"], factor)),
    )
    data = pd.DataFrame(
        {
            t("col_group", lang): table["label"],
            t("col_amount", lang): [
                format_eur(a, lang, q) for a, q in zip(table["amount"], table["qualifier"], strict=True)
            ],
            t("col_amount_eur", lang): table["amount"],
            t("col_instruments", lang): table["instruments"],
            t("col_without_amount", lang): table["without_amount"],
        }
    )
    fig = legible(go.Figure(data=traces, layout=layout))
    return Chart(fig, data, shown=len(groups), total=len(groups))


def narrow(
    records: Sequence[Instrument], picks: Mapping[str, Iterable[str]], framework: str
) -> list[Instrument]:
    """The records in every picked group (groups of one dimension are alternatives)."""
    wanted = {dim: set(codes) for dim, codes in picks.items() if codes}
    if not wanted:
        return list(records)
    return [
        r
        for r in records
        if all(
            set(group_codes(r, breakdown_dimension(dim, framework))) & codes for dim, codes in wanted.items()
        )
    ]


def picked_groups(state: Mapping[str, Any] | None) -> list[str]:
    """Group codes clicked in a breakdown chart, read from Streamlit's selection state (bars' y)."""
    if not state:
        return []
    selection = state.get("selection") or {}
    points = selection.get("points") or []
    codes: list[str] = []
    for point in points:
        value = point.get("y") if isinstance(point, Mapping) else None
        if isinstance(value, str) and value not in codes:
            codes.append(value)
    return codes


def pick_label(dimension: str, code: str, framework: str, lang: Lang) -> str:
    if code == NOT_STATED_GROUP:
        return t("not_stated_group", lang)
    vocab: Vocabulary | None = {
        "pillar": PILLAR_FRAMEWORKS.get(framework),
        "beneficiary": BENEFICIARY,
        "instrument_type": INSTRUMENT_TYPE,
    }.get(dimension)
    return vocab.label(code, lang) if vocab is not None else code


# ---------------------------------------------------------------------------------------------
# Hierarchy and flow: counted rows only, so a part is never added on top of its whole


def _counted_rows(dataset: Dataset, selection: Sequence[Instrument], kind: str) -> list[Instrument]:
    rows = [r for r in selection if r.amount_kind == kind and r.amount_eur is not None]
    counted = counted_ids(dataset, rows)
    return [r for r in rows if r.id in counted]


def hierarchy_chart(
    dataset: Dataset,
    selection: Sequence[Instrument],
    kind: str,
    lang: Lang,
    *,
    source: str = "",
    leaves: int = MAX_TREEMAP_LEAVES,
    sources: int = MAX_SOURCES,
) -> Chart:
    """Treemap: all sources → source → instrument; sizes are net amounts, branches are sums.

    The largest `leaves` instruments get a tile of their own; the rest of a source is one tile
    ("12 other instruments"), and sources beyond the largest `sources` share one "other sources"
    tile, so every sum stays exact while a large selection stays a readable, small figure.
    """
    refuse_unsummable(kind)
    rows = sorted(_counted_rows(dataset, selection, kind), key=lambda r: -(r.amount_eur or 0.0))
    kept = {r.id for r in rows[:leaves]}
    by_source: dict[str, list[Instrument]] = {}
    for r in rows:
        by_source.setdefault(r.source, []).append(r)
    ranked = sorted(by_source, key=lambda src: -math.fsum(r.amount_eur or 0.0 for r in by_source[src]))
    named, folded = ranked[:sources], ranked[sources:]

    def total_of(members: Sequence[Instrument]) -> tuple[float, str]:
        amount = round(math.fsum(r.amount_eur or 0.0 for r in members), 2)
        return amount, combine_qualifiers(r.amount_qualifier or "exact" for r in members)

    tiles: list[tuple[str, str, str, float, str, str]] = []  # id, label, parent, value, text, colour
    grand, grand_q = total_of(rows)
    tiles.append(("root", t("all_sources", lang), "", grand, format_eur(grand, lang, grand_q), ROOT_GREY))
    table: list[tuple[str, str, float, str]] = []  # source, tile, amount, qualifier
    for number, src in enumerate(named):
        members = by_source[src]
        colour = OKABE_ITO[number % len(OKABE_ITO)]
        amount, qualifier = total_of(members)
        tiles.append((f"source:{src}", src, "root", amount, format_eur(amount, lang, qualifier), colour))
        for r in members:
            if r.id in kept:
                text = format_eur(r.amount_eur, lang, r.amount_qualifier)
                tiles.append(
                    (f"instrument:{r.id}", r.name(lang), f"source:{src}", r.amount_eur or 0.0, text, colour)
                )
                table.append((src, r.name(lang), r.amount_eur or 0.0, r.amount_qualifier or "exact"))
        rest = [r for r in members if r.id not in kept]
        if rest:
            amount, qualifier = total_of(rest)
            label = t("other_instruments", lang, n=format_count(len(rest), lang))
            tiles.append(
                (f"rest:{src}", label, f"source:{src}", amount, format_eur(amount, lang, qualifier), colour)
            )
            table.append((src, label, amount, qualifier))
    if folded:
        members = [r for src in folded for r in by_source[src]]
        amount, qualifier = total_of(members)
        label = t("other_sources", lang, n=format_count(len(folded), lang))
        tiles.append(("rest:", label, "root", amount, format_eur(amount, lang, qualifier), GREY))
        table.append((label, "", amount, qualifier))
    traces = [
        go.Treemap(
            ids=[tile[0] for tile in tiles],
            labels=[wrapped(tile[1], width=28, lines=3) for tile in tiles],
            parents=[tile[2] for tile in tiles],
            values=[tile[3] for tile in tiles],
            branchvalues="total",
            text=[plotly_text(tile[4]) for tile in tiles],
            textinfo="label+text",
            hovertemplate="%{label}<br>%{text}<extra></extra>",
            marker={"colors": [tile[5] for tile in tiles]},
        )
    ]
    layout = _layout(
        title=t("hierarchy", lang),
        subtitle=t("hierarchy_sub", lang, kind=AMOUNT_KIND.label(kind, lang)),
        source=source,
        lang=lang,
        plot_height=420,
    )
    data = pd.DataFrame(
        {
            t("col_source", lang): [row[0] for row in table],
            t("col_name", lang): [row[1] for row in table],
            t("col_amount", lang): [format_eur(row[2], lang, row[3]) for row in table],
            t("col_amount_eur", lang): [row[2] for row in table],
        }
    )
    fig = legible(go.Figure(data=traces, layout=layout))
    return Chart(fig, data, shown=len(kept), total=len(rows))


def flow_chart(
    dataset: Dataset,
    selection: Sequence[Instrument],
    kind: str,
    framework: str,
    lang: Lang,
    *,
    source: str = "",
    sources: int = MAX_SOURCES,
) -> Chart:
    """Sankey source → instrument type → pillar over counted rows: what flows in flows out once.

    Sources beyond the largest `sources` flow from one "other sources" node."""
    refuse_unsummable(kind)
    rows = _counted_rows(dataset, selection, kind)
    source_totals: dict[str, float] = {}
    for r in rows:
        source_totals[r.source] = source_totals.get(r.source, 0.0) + (r.amount_eur or 0.0)
    ranked = sorted(source_totals, key=lambda src: -source_totals[src])
    named = set(ranked[:sources])
    other_sources = t("other_sources", lang, n=format_count(len(ranked) - len(named), lang))
    pillars = PILLAR_FRAMEWORKS.get(framework, PILLAR_FRAMEWORKS["eu"])
    not_stated = t("pillar_not_stated", lang)
    nodes: list[tuple[str, str, str]] = []  # (key, label, colour)
    index: dict[str, int] = {}

    def node(key: str, label: str, colour: str) -> int:
        if key not in index:
            index[key] = len(nodes)
            nodes.append((key, label, colour))
        return index[key]

    type_colours = colour_map(INSTRUMENT_TYPE)
    links: dict[tuple[int, int], float] = {}
    qualifiers: dict[int | tuple[int, int], list[str]] = {}  # per link and per node
    for r in sorted(rows, key=lambda r: r.source):
        amount = r.amount_eur or 0.0
        if r.source in named:
            s = node(f"source:{r.source}", r.source, GREY)
        else:
            s = node("rest:", other_sources, GREY)
        ty = node(
            f"type:{r.instrument_type}",
            INSTRUMENT_TYPE.label(r.instrument_type, lang),
            type_colours.get(r.instrument_type, GREY),
        )
        pillar = pillar_of(r, framework)
        p = node(
            f"pillar:{pillar or NOT_STATED_GROUP}",
            pillars.label(pillar, lang) if pillar else not_stated,
            OKABE_ITO[4] if pillar else GREY,
        )
        links[(s, ty)] = links.get((s, ty), 0.0) + amount
        links[(ty, p)] = links.get((ty, p), 0.0) + amount
        for key in ((s, ty), (ty, p), s, ty, p):
            qualifiers.setdefault(key, []).append(r.amount_qualifier or "exact")
    node_totals_in: dict[int, float] = {}
    node_totals_out: dict[int, float] = {}
    for (a, b), v in links.items():
        node_totals_out[a] = node_totals_out.get(a, 0.0) + v
        node_totals_in[b] = node_totals_in.get(b, 0.0) + v
    node_value = [max(node_totals_in.get(i, 0.0), node_totals_out.get(i, 0.0)) for i in range(len(nodes))]
    traces = [
        go.Sankey(
            arrangement="snap",
            valueformat=",.0f",
            node={
                "label": [wrapped(label, width=30, lines=2) for _, label, _ in nodes],
                "color": [c for _, _, c in nodes],
                "customdata": [
                    plotly_text(format_eur(v, lang, combine_qualifiers(qualifiers.get(i, []))))
                    for i, v in enumerate(node_value)
                ],
                "hovertemplate": "%{label}<br>%{customdata}<extra></extra>",
                "pad": 12,
            },
            link={
                "source": [a for a, _ in links],
                "target": [b for _, b in links],
                "value": list(links.values()),
                "customdata": [
                    plotly_text(format_eur(v, lang, combine_qualifiers(qualifiers[k])))
                    for k, v in links.items()
                ],
                "hovertemplate": "%{source.label} → %{target.label}<br>%{customdata}<extra></extra>",
            },
        )
    ]
    layout = _layout(
        title=t("flow", lang),
        subtitle=t("hierarchy_sub", lang, kind=AMOUNT_KIND.label(kind, lang)),
        source=source,
        lang=lang,
        plot_height=420,
    )
    data = pd.DataFrame(
        {
            t("col_from", lang): [nodes[a][1] for a, _ in links],
            t("col_to", lang): [nodes[b][1] for _, b in links],
            t("col_amount", lang): [
                format_eur(v, lang, combine_qualifiers(qualifiers[k])) for k, v in links.items()
            ],
            t("col_amount_eur", lang): [round(v, 2) for v in links.values()],
        }
    )
    fig = legible(go.Figure(data=traces, layout=layout))
    return Chart(fig, data, shown=len(rows), total=len(rows))


# ---------------------------------------------------------------------------------------------
# Timeline


def _iso(value: str) -> date:
    y, m, d = (int(p) for p in value.split("-"))
    # period_bounds widens a month to day 31; clamp to the month's real last day.
    for day in (d, 30, 29, 28):
        try:
            return date(y, m, day)
        except ValueError:
            continue
    raise ValueError(value)


def timeline_chart(
    selection: Sequence[Instrument], lang: Lang, *, source: str = "", limit: int = MAX_TIMELINE_ROWS
) -> Chart:
    """Bars over each dated instrument's period, earliest first (the first `limit`); a missing start
    or end is drawn lighter, to the chart's edge."""
    dated = [r for r in selection if r.period_start or r.period_end]
    bounds = {r.id: period_bounds(r) for r in dated}
    # ISO dates compare as strings, so only the two extremes are turned into dates.
    known = [d for pair in bounds.values() for d in pair if d not in ("0000-01-01", "9999-12-31")]
    lo = _iso(min(known)) if known else date(2020, 1, 1)
    hi = _iso(max(known)) if known else date(2030, 12, 31)
    # An open end runs to the edge: leave a year after the last stated date so it visibly continues.
    open_end = any(r.period_end is None for r in dated)
    lo, hi = date(lo.year, 1, 1), date(max(hi.year, lo.year + 1) + (1 if open_end else 0), 12, 31)
    shown = heapq.nsmallest(max(limit, 1), dated, key=lambda r: (*bounds[r.id], r.name(lang)))
    colours = colour_map(LEVEL)
    traces: list[Any] = []
    rows: list[dict[str, Any]] = []
    for level in LEVEL.codes:
        members = [r for r in shown if r.level == level]
        if not members:
            continue
        starts, ends, texts, open_flags = [], [], [], []
        for r in members:
            start_s, end_s = bounds[r.id]
            start = lo if r.period_start is None else _iso(start_s)
            end = hi if r.period_end is None else _iso(end_s)
            open_flags.append(r.period_start is None or r.period_end is None)
            starts.append(start)
            ends.append(end)
            texts.append(_period_text(r, lang))
            rows.append(
                {
                    t("col_name", lang): r.name(lang),
                    t("col_start", lang): r.period_start or t("open_start", lang),
                    t("col_end", lang): r.period_end or t("open_end", lang),
                    t("col_level", lang): LEVEL.label(r.level, lang),
                    t("col_status", lang): STATUS.label(r.status, lang) if r.status else "",
                }
            )
        traces.append(
            go.Bar(
                base=[s.isoformat() for s in starts],
                x=[((e - s).days + 1) * 86_400_000 for s, e in zip(starts, ends, strict=True)],
                y=[r.id for r in members],
                orientation="h",
                name=plotly_text(LEVEL.label(level, lang)),
                text=[plotly_text(x) for x in texts],
                textposition="inside",
                insidetextanchor="start",
                customdata=[
                    [f"<b>{plotly_text(r.name(lang))}</b><br>{plotly_text(x)}"]
                    for r, x in zip(members, texts, strict=True)
                ],
                hovertemplate="%{customdata[0]}<extra></extra>",
                marker={
                    "color": colours[level],
                    "opacity": [OPEN_OPACITY if o else 1.0 for o in open_flags],
                },
            )
        )
    order = [r.id for r in shown]
    layout = _layout(
        title=t("timeline", lang),
        subtitle=t("timeline_sub", lang),
        source=source,
        lang=lang,
        plot_height=40 + int(1.5 * BAR_PX) * max(len(order), 1),
        legend=[tr.name for tr in traces],
    )
    layout.update(
        barmode="overlay",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
        xaxis={"type": "date", "range": [lo.isoformat(), hi.isoformat()], "automargin": True},
        yaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": order,
            "autorange": "reversed",
            "tickmode": "array",
            "tickvals": order,
            "ticktext": [wrapped(r.name(lang), width=34, lines=2) for r in shown],
            "automargin": True,
        },
    )
    fig = legible(go.Figure(data=traces, layout=layout))
    return Chart(fig, pd.DataFrame(rows), shown=len(shown), total=len(dated))


def _period_text(record: Instrument, lang: Lang) -> str:
    start = record.period_start or t("open_start", lang)
    end = record.period_end or t("open_end", lang)
    return f"{start} – {end}"


# ---------------------------------------------------------------------------------------------
# Details


def details_table(records: Sequence[Instrument], lang: Lang) -> pd.DataFrame:
    """One row per instrument, amounts written out in full; rows without an amount stay listed."""
    return pd.DataFrame(
        {
            t("col_name", lang): [r.name(lang) for r in records],
            t("col_amount", lang): [format_eur_full(r.amount_eur, lang) for r in records],
            t("col_qualifier", lang): [
                QUALIFIER.label(r.amount_qualifier, lang) if r.amount_qualifier else "" for r in records
            ],
            t("col_kind", lang): [AMOUNT_KIND.label(r.amount_kind, lang) for r in records],
            t("col_status", lang): [STATUS.label(r.status, lang) if r.status else "" for r in records],
            t("col_source", lang): [r.source for r in records],
            t("col_level", lang): [LEVEL.label(r.level, lang) for r in records],
            t("col_period", lang): [
                _period_text(r, lang) if (r.period_start or r.period_end) else "" for r in records
            ],
        },
        index=[r.id for r in records],
    )


# ---------------------------------------------------------------------------------------------
# Breakdown titles, chart picks as filters, and the charts of presentation mode


# A breakdown chart's click dimension and the `Filters` field that says the same thing.
PICK_FIELDS = {
    "pillar": "pillar",
    "source": "source",
    "beneficiary": "beneficiary",
    "instrument_type": "type",
}
BREAKDOWN_DIMENSIONS = {
    "pillar": "{framework}_pillar",
    "source": "source",
    "beneficiary": "beneficiary",
    "instrument_type": "instrument_type",
}
# Presentation mode shows these one at a time, in this order (the page's order).
SLIDES = ("envelopes", *PICK_DIMENSIONS, "hierarchy", "flow", "timeline")
# How much larger presentation mode draws a chart than the page: text, margins and height.
PROJECTION_SCALE = 1.5


def breakdown_title(pick: str, framework: str, lang: Lang) -> str:
    if pick == "pillar":
        return t("by_pillar", lang, framework=t(f"framework_{framework}", lang))
    return t(f"by_{pick}", lang)


def breakdown_dimension(pick: str, framework: str) -> str:
    return BREAKDOWN_DIMENSIONS[pick].format(framework=framework)


def picks_as_filters(
    filters: Filters, picks: Mapping[str, Sequence[str]], records: Sequence[Instrument]
) -> Filters | None:
    """The filters plus the groups clicked in the charts, as one `Filters` that selects exactly the
    narrowed rows, so an export's description and URL reproduce what it holds; None when no
    `Filters` can say it (a "not stated" group, or a beneficiary clicked on top of a beneficiary
    filter, which narrows to instruments open to both)."""
    active = {dim: tuple(codes) for dim, codes in picks.items() if codes}
    if not active:
        return filters
    if any(NOT_STATED_GROUP in codes for codes in active.values()):
        return None
    changes: dict[str, Any] = {PICK_FIELDS[dim]: codes for dim, codes in active.items()}
    folded = replace(filters, **changes)
    expected = narrow(apply(filters, records), active, filters.framework)
    if [r.id for r in apply(folded, records)] != [r.id for r in expected]:
        return None
    return folded


def slides(selection: Sequence[Instrument], kind: str) -> list[str]:
    """The charts presentation mode shows for this selection and figure kind: those with
    something to draw, and only the envelope comparison for kinds that are never summed."""
    names: list[str] = []
    if any(r.amount_kind == kind and r.amount_eur is not None for r in selection):
        names.append("envelopes")
        if summable(kind):
            names += [*PICK_DIMENSIONS, "hierarchy", "flow"]
    if any(r.period_start or r.period_end for r in selection):
        names.append("timeline")
    return names


def slide_chart(
    name: str,
    dataset: Dataset,
    selection: Sequence[Instrument],
    kind: str,
    framework: str,
    lang: Lang,
    *,
    source: str,
    colour_by: str = "level",
    top: int = 25,
) -> Chart:
    """One chart of presentation mode, drawn by the same builder as on the page."""
    if name == "envelopes":
        return envelope_chart(dataset, selection, kind, lang, colour_by=colour_by, top=top, source=source)
    if name in PICK_DIMENSIONS:
        result = breakdown(dataset, selection, breakdown_dimension(name, framework), kind, lang)
        return breakdown_chart(result, lang, title=breakdown_title(name, framework, lang), source=source)
    if name == "hierarchy":
        return hierarchy_chart(dataset, selection, kind, lang, source=source)
    if name == "flow":
        return flow_chart(dataset, selection, kind, framework, lang, source=source)
    if name == "timeline":
        return timeline_chart(selection, lang, source=source)
    raise ValueError(f"unknown chart {name!r}; valid: {', '.join(SLIDES)}")


_SMALL_SPAN = re.compile(r"font-size:(\d+)px")
# A category row of a projected bar chart: two lines of label at the projected font size.
PROJECTED_ROW_PX = 50


def for_projection(
    figure: go.Figure, scale: float = PROJECTION_SCALE, max_height: int | None = None
) -> go.Figure:
    """A copy of a figure with every text and margin scaled up for a projector.

    The builders size margins from line counts at plotly's default font sizes, so scaling fonts
    and margins by the same factor keeps titles, source lines and plots apart. The plot area
    grows with them, up to `max_height` for the whole figure, but never below two lines of
    label per bar, so labels never overlap."""
    fig = go.Figure(figure)
    size = round(12 * scale)

    def bigger(text: Any) -> Any:
        if not isinstance(text, str):
            return text
        return _SMALL_SPAN.sub(lambda m: f"font-size:{round(int(m.group(1)) * scale)}px", text)

    layout = fig.layout
    top = round((layout.margin.t or 0) * scale)
    bottom = round((layout.margin.b or 0) * scale)
    plot = round(((layout.height or 450) - (layout.margin.t or 0) - (layout.margin.b or 0)) * scale)
    if max_height is not None:
        rows = len(layout.yaxis.categoryarray or ())
        plot = min(plot, max(max_height - top - bottom, rows * PROJECTED_ROW_PX))
    fig.update_layout(
        font={"size": size},
        title={
            "font": {"size": round(17 * scale)},
            "subtitle": {"font": {"size": size}, "text": bigger(layout.title.subtitle.text)},
            "pad": {"t": round(12 * scale)},
        },
        legend={"font": {"size": size}},
        margin={"t": top, "b": bottom, "r": round((layout.margin.r or 0) * scale)},
        height=top + bottom + plot,
    )
    fig.update_xaxes(tickfont={"size": size}, title={"font": {"size": size}})
    fig.update_yaxes(tickfont={"size": size})
    if layout.yaxis.ticktext:
        fig.update_yaxes(ticktext=[bigger(x) for x in layout.yaxis.ticktext])
    fig.update_traces(textfont={"size": size}, selector={"type": "bar"})
    fig.update_traces(textfont={"size": size}, selector={"type": "treemap"})
    fig.update_traces(textfont={"size": size}, selector={"type": "sankey"})
    return fig
