"""The timeline: a bar over each dated instrument's period, open ends drawn lighter to the edge."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from datetime import date
from typing import Any

from funding.charts.layout import BAR_PX, Chart, bar, bar_slot, chart_layout, colour_map
from funding.charts.legibility import legible
from funding.charts.text import period_text, plotly_text, wrapped
from funding.i18n import t
from funding.i18n.vocab import LEVEL, STATUS, Lang
from funding.intake.records import Instrument, period_bounds

OPEN_OPACITY = 0.35
MAX_TIMELINE_ROWS = 60


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
            texts.append(period_text(r, lang))
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
            bar(
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
    # Names wrapped, never cut: two instruments whose names start alike stay two names.
    ticktext = [wrapped(r.name(lang), width=34, lines=None) for r in shown]
    layout = chart_layout(
        title=t("timeline", lang),
        subtitle=t("timeline_sub", lang),
        source=source,
        lang=lang,
        plot_height=40 + max(int(1.5 * BAR_PX), bar_slot(ticktext)) * max(len(order), 1),
        legend=[tr["name"] for tr in traces],
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
            "ticktext": ticktext,
            "automargin": True,
        },
    )
    fig = legible({"data": traces, "layout": layout})
    columns = {name: [row[name] for row in rows] for name in (rows[0] if rows else {})}
    return Chart(fig, columns, shown=len(shown), total=len(dated))
