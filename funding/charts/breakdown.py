"""A breakdown as horizontal bars: the net amount per group of one dimension, clickable."""

from __future__ import annotations

from funding.charts.layout import (
    BAR_PX,
    LABEL_ROOM,
    OKABE_ITO,
    PART_OPACITY,
    PART_PATTERN,
    RANGE_LABEL_ROOM,
    Chart,
    axis_end,
    bar,
    bar_axes,
    bar_slot,
    chart_layout,
    scale_for,
    short_bars_outside,
    text_position,
)
from funding.charts.legibility import legible
from funding.charts.text import plotly_text, wrapped
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, Lang
from funding.selecting.breakdowns import TABLE_COLUMNS, Breakdown
from funding.selecting.figures import WIDER_MARK, spoken_text, wider_note
from funding.selecting.formatting import format_count, format_eur_full, format_range, with_qualifier
from funding.selecting.totals import Bounds, refuse_unsummable

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
    """Bars per group (keyed by code), the net amount on each; a total only when groups add up.

    Where a group's figures may share money its bar is solid to the low end and lighter and
    hatched on to the high end, and its label is the range."""
    refuse_unsummable(result.kind)
    # A group with no stated amount is named in the subtitle, never drawn as a zero bar.
    unstated = [str(row["label"]) for row in result.rows if row["amount"] <= 0]
    drawn_rows = [row for row in result.rows if row["amount"] > 0]
    col = {name: [row[name] for row in drawn_rows] for name in TABLE_COLUMNS}
    kind_label = AMOUNT_KIND.label(result.kind, lang)
    ranged = any(low < high for low, high in zip(col["low"], col["amount"], strict=True))
    if result.additive:
        subtitle = t("total_counted", lang, kind=kind_label, total=spoken_text(result.total, lang))
    else:
        subtitle = f"{kind_label}. {t('not_additive', lang)}"
    if ranged:
        subtitle = f"{subtitle.rstrip('.')}. {t('range_bars', lang)}"
    if any(w > 0 for w in col["wider"]):
        subtitle = f"{subtitle.rstrip('.')}. {t('wider_mark_legend', lang, mark=WIDER_MARK)}"
    if unstated:
        subtitle = f"{subtitle.rstrip('.')}. {t('groups_unstated', lang, groups='; '.join(unstated))}"
    factor, unit = scale_for(float(max(col["amount"], default=0.0)), lang)
    groups = list(col["group"])
    rows = list(zip(col["low"], col["amount"], col["qualifier"], col["without_amount"], strict=True))
    wider = [
        Bounds(low, high, q, rows=("bar",))
        for low, high, q in zip(col["wider_low"], col["wider"], col["wider_qualifier"], strict=True)
    ]
    # The bar says its amount and, marked, that some of it is not only for batteries; how much
    # goes under the group's name, where it is never cut off.
    notes = []
    texts = []
    for (low, high, q, _), part in zip(rows, wider, strict=True):
        drawn = Bounds(low, high, q, rows=("bar",))
        note = wider_note(part, drawn, lang)
        notes.append(note)
        texts.append(plotly_text(spoken_text(drawn, lang) + (f" {WIDER_MARK}" if note else "")))
    hover = [
        "<br>".join(
            [
                f"<b>{plotly_text(str(label))}</b>",
                plotly_text(_full_range(low, high, qualifier, lang)),
                plotly_text(f"{t('col_instruments', lang)}: {n}; {t('col_without_amount', lang)}: {w}"),
            ]
        )
        for label, low, high, qualifier, n, w in zip(
            col["label"],
            col["low"],
            col["amount"],
            col["qualifier"],
            col["instruments"],
            col["without_amount"],
            strict=True,
        )
    ]
    customdata = [[h] for h in hover]
    traces = [
        bar(
            x=[low / factor for low in col["low"]],
            y=groups,
            orientation="h",
            text=[text if low == high else "" for text, (low, high, _, _) in zip(texts, rows, strict=True)],
            textposition=[text_position(a, False) for a in col["amount"]],
            cliponaxis=False,
            customdata=customdata,
            hovertemplate="%{customdata[0]}<extra></extra>",
            marker={"color": colour},
            showlegend=False,
        )
    ]
    if ranged:
        traces.append(
            bar(
                x=[(high - low) / factor for low, high, _, _ in rows],
                y=groups,
                orientation="h",
                text=[
                    text if low != high else "" for text, (low, high, _, _) in zip(texts, rows, strict=True)
                ],
                textposition="outside",
                cliponaxis=False,
                customdata=customdata,
                hovertemplate="%{customdata[0]}<extra></extra>",
                marker={
                    "color": colour,
                    "opacity": PART_OPACITY,
                    "pattern": {"shape": PART_PATTERN},
                    "line": {"color": colour, "width": 1},
                },
                showlegend=False,
            )
        )
    # How many instruments in a group state no amount goes under the group's name, where it is
    # never cut off (a bar's own label can run out of room on a phone).
    ticktext = [
        wrapped(str(label), width=30, lines=None)
        + "".join(
            f"<br><span style='font-size:10px'>{plotly_text(line)}</span>"
            for line in (note, t("plus_not_stated", lang, n=format_count(int(w), lang)) if w else "")
            if line
        )
        for label, w, note in zip(col["label"], col["without_amount"], notes, strict=True)
    ]
    layout = chart_layout(
        title=title,
        subtitle=subtitle,
        source=source,
        lang=lang,
        plot_height=20 + max(2 * BAR_PX, bar_slot(ticktext)) * max(len(groups), 1),
    )
    layout.update(
        barmode="stack",
        clickmode="event+select",
        dragmode=False,
        **bar_axes(
            groups,
            ticktext,
            unit,
            axis_end(col["amount"], factor, RANGE_LABEL_ROOM if ranged else LABEL_ROOM),
        ),
    )
    data = {
        t("col_group", lang): col["label"],
        t("col_amount", lang): [format_range(low, high, lang, q) for low, high, q, _ in rows],
        t("col_amount_low_eur", lang): col["low"],
        t("col_amount_high_eur", lang): col["amount"],
        t("col_instruments", lang): col["instruments"],
        t("col_without_amount", lang): col["without_amount"],
    }
    fig = legible(short_bars_outside({"data": traces, "layout": layout}))
    return Chart(fig, data, shown=len(groups), total=len(groups))


def _full_range(low: float, high: float, qualifier: str, lang: Lang) -> str:
    """Every digit of both ends, for the hover (EUR 120,000,000–127,600,000)."""
    if low == high:
        return with_qualifier(format_eur_full(high, lang), qualifier, lang)
    ends = f"{format_eur_full(low, lang)}–{format_eur_full(high, lang)}"
    return with_qualifier(ends, qualifier, lang)


def breakdown_title(pick: str, framework: str, lang: Lang) -> str:
    if pick == "pillar":
        return t("by_pillar", lang, framework=t(f"framework_{framework}", lang))
    return t(f"by_{pick}", lang)


def breakdown_dimension(pick: str, framework: str) -> str:
    return BREAKDOWN_DIMENSIONS[pick].format(framework=framework)
