"""A breakdown as horizontal bars: the net amount per group of one dimension, clickable."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from funding.breakdowns import Breakdown
from funding.charts.layout import (
    BAR_PX,
    OKABE_ITO,
    Chart,
    axis_end,
    bar_axes,
    chart_layout,
    scale_for,
    text_position,
)
from funding.charts.text import plotly_text, wrapped
from funding.formatting import format_count, format_eur, format_eur_full, with_qualifier
from funding.i18n import t
from funding.legibility import legible
from funding.totals import combine_qualifiers, refuse_unsummable
from funding.vocab import AMOUNT_KIND, Lang

BREAKDOWN_DIMENSIONS = {
    "pillar": "{framework}_pillar",
    "source": "source",
    "beneficiary": "beneficiary",
    "instrument_type": "instrument_type",
}


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
    factor, unit = scale_for(float(table["amount"].max()) if len(table) else 0.0, lang)
    groups = list(table["group"])
    texts = []
    for amount, qualifier, without in zip(
        table["amount"], table["qualifier"], table["without_amount"], strict=True
    ):
        has_amount = amount > 0 or without == 0
        texts.append(
            plotly_text(format_eur(amount, lang, qualifier) if has_amount else t("amount_not_stated", lang))
        )
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
            textposition=[text_position(a, False) for a in table["amount"]],
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
    layout = chart_layout(
        title=title,
        subtitle=subtitle,
        source=source,
        lang=lang,
        plot_height=20 + 2 * BAR_PX * max(len(groups), 1),
    )
    layout.update(
        clickmode="event+select",
        dragmode=False,
        **bar_axes(groups, ticktext, unit, axis_end(table["amount"], factor)),
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


def breakdown_title(pick: str, framework: str, lang: Lang) -> str:
    if pick == "pillar":
        return t("by_pillar", lang, framework=t(f"framework_{framework}", lang))
    return t(f"by_{pick}", lang)


def breakdown_dimension(pick: str, framework: str) -> str:
    return BREAKDOWN_DIMENSIONS[pick].format(framework=framework)
