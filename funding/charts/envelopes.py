"""The envelope comparison: one bar per amount of one kind, each whole followed by its parts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from funding.charts.caveats import caveat_lines, disputed, mark
from funding.charts.layout import (
    DEFAULT_COLOUR,
    DEFAULT_TOP,
    GREY,
    PART_OPACITY,
    PART_PATTERN,
    Chart,
    Columns,
    axis_end,
    bar,
    bar_axes,
    bar_slot,
    battery_specific,
    chart_layout,
    colour_map,
    scale_for,
    short_bars_outside,
    text_position,
)
from funding.charts.legibility import legible
from funding.charts.text import plotly_text, wrapped
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, INSTRUMENT_TYPE, LEVEL, Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.selecting.breakdowns import Envelope, envelope_rows
from funding.selecting.formatting import format_eur, format_eur_full, with_qualifier

ROW_COLUMNS = ("id", "name", "amount", "qualifier", "parent", "counted", "source")


def envelope_chart(
    dataset: Dataset,
    selection: Sequence[Instrument],
    kind: str,
    lang: Lang,
    *,
    colour_by: str = DEFAULT_COLOUR,
    top: int = DEFAULT_TOP,
    source: str = "",
) -> Chart:
    """Horizontal bars, largest first, each whole followed by its parts (indented, hatched, lighter).

    Only the first `top` rows of that order are drawn (the largest envelopes with their parts), so a
    very large selection never sends all its rows to the browser.
    """
    # Only the rows drawn are tabled (a whole comes before its parts, so a shown part's whole is
    # shown too); the count of all of them is cheap.
    shown = envelope_rows(dataset, selection, kind, lang, limit=max(top, 1))
    total = sum(1 for r in selection if r.amount_kind == kind and r.amount_eur is not None)
    factor, unit = scale_for(max((float(row["amount"]) for row in shown), default=0.0), lang)
    traces = envelope_traces(dataset, shown, lang, colour_by, factor)
    order = [row["id"] for row in shown]
    ticktext = tick_labels(shown)
    layout = chart_layout(
        title=t("envelopes", lang),
        subtitle=t("envelopes_sub", lang, kind=AMOUNT_KIND.label(kind, lang))
        + (f" {t('disputed_note', lang)}" if any(disputed(dataset, i) for i in order) else ""),
        source=source,
        lang=lang,
        plot_height=40 + bar_slot(ticktext) * max(len(order), 1),
        legend=[tr["name"] for tr in traces],
    )
    layout.update(
        barmode="overlay",
        bargap=0.25,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
        **bar_axes(order, ticktext, unit, axis_end((row["amount"] for row in shown), factor)),
    )
    data = envelope_table(dataset, shown, lang)
    fig = legible(short_bars_outside({"data": traces, "layout": layout}))
    return Chart(fig, data, shown=len(order), total=total)


def envelope_traces(
    dataset: Dataset,
    shown: Sequence[Envelope],
    lang: Lang,
    colour_by: str,
    factor: float,
    *,
    axes: dict[str, str] | None = None,
    legend_seen: set[str] | None = None,
) -> list[dict[str, Any]]:
    """One bar trace per colour group of `envelope_rows()`: parts hatched and lighter, labels with
    their qualifier, the disagreement mark and the "not battery-specific" note, hover with caveats.

    `axes` puts the traces on a subplot's axes; `legend_seen` lists each colour in the legend once
    across subplots."""
    vocab = LEVEL if colour_by == "level" else INSTRUMENT_TYPE
    column = "level" if colour_by == "level" else "instrument_type"
    colours = colour_map(vocab)
    rows = [tuple(row[c] for c in (*ROW_COLUMNS, column)) for row in shown]
    names = {row[0]: row[1] for row in rows}
    groups: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        groups.setdefault(row[-1], []).append(row)
    traces: list[dict[str, Any]] = []
    for code in [*vocab.codes, *sorted(set(groups) - set(vocab.codes))]:
        if code not in groups:
            continue
        showlegend = legend_seen is None or code not in legend_seen
        colour = colours.get(code, GREY)
        trace = _colour_trace(dataset, groups[code], names, lang, factor, colour, showlegend=showlegend)
        traces.append(
            trace | {"name": plotly_text(vocab.label(code, lang)), "legendgroup": code, **(axes or {})}
        )
        if legend_seen is not None:
            legend_seen.add(code)
    return traces


def _colour_trace(
    dataset: Dataset,
    rows: Sequence[tuple[Any, ...]],
    names: dict[str, str],
    lang: Lang,
    factor: float,
    colour: str,
    *,
    showlegend: bool,
) -> dict[str, Any]:
    """The bars of one colour, `rows` in `ROW_COLUMNS` order."""
    part = [not row[5] for row in rows]
    labels = [
        format_eur(amount, lang, qualifier)
        + mark(dataset, record_id)
        + ("" if battery_specific(dataset, record_id) else f" · {t('not_battery_specific', lang)}")
        for record_id, _, amount, qualifier, *_ in rows
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
                *(plotly_text(line) for line in caveat_lines(dataset, record_id, lang)),
            ]
        )
        for (record_id, name, amount, qualifier, parent, _, src, _), is_part in zip(rows, part, strict=True)
    ]
    return bar(
        x=[row[2] / factor for row in rows],
        y=[row[0] for row in rows],
        orientation="h",
        showlegend=showlegend,
        text=[plotly_text(label) for label in labels],
        textposition=[text_position(row[2], p) for row, p in zip(rows, part, strict=True)],
        textangle=0,  # never turned on its side to fit a short bar: outside it instead
        cliponaxis=False,
        customdata=[[h] for h in hover],
        hovertemplate="%{customdata[0]}<extra></extra>",
        marker={
            "color": colour,
            "opacity": [PART_OPACITY if p else 1.0 for p in part],
            "pattern": {"shape": [PART_PATTERN if p else "" for p in part]},
            "line": {"color": colour, "width": 1},
        },
    )


def tick_labels(shown: Sequence[Envelope]) -> list[str]:
    """The bars' names, a part indented under its whole (↳ per level), wrapped, never cut."""
    return [wrapped("↳ " * int(row["depth"]) + str(row["name"]), width=34, lines=None) for row in shown]


def envelope_table(dataset: Dataset, shown: Sequence[Envelope], lang: Lang) -> Columns:
    """The bars drawn, as a table, not the whole selection: the details table lists every
    instrument, and a large selection is never sent to the browser twice."""
    names = {row["id"]: row["name"] for row in shown}
    yes, no = t("yes", lang), t("no", lang)
    return {
        t("col_name", lang): [("↳ " * int(row["depth"])) + str(row["name"]) for row in shown],
        t("col_amount", lang): [format_eur(row["amount"], lang, row["qualifier"]) for row in shown],
        t("col_amount_eur", lang): [row["amount"] for row in shown],
        t("col_part_of", lang): [names.get(row["parent"], "") if row["parent"] else "" for row in shown],
        t("col_counted", lang): [yes if row["counted"] else no for row in shown],
        t("col_battery_specific", lang): [
            yes if battery_specific(dataset, row["id"]) else no for row in shown
        ],
        t("col_level", lang): [LEVEL.label(row["level"], lang) for row in shown],
        t("col_type", lang): [INSTRUMENT_TYPE.label(row["instrument_type"], lang) for row in shown],
        t("col_source", lang): [row["source"] for row in shown],
        t("col_caveats", lang): ["; ".join(caveat_lines(dataset, row["id"], lang)) for row in shown],
    }
