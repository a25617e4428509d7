"""The envelope comparison across kinds: public budgets, guarantees, State-aid ceilings, expected
private investment and targets side by side, each kind in its own panel on one shared value axis.

Kinds are never added together, so each panel is one kind's `envelope_rows()` (a whole followed
by its hatched parts) and nothing is totalled across panels; the shared axis lets the eye compare
a EUR 6.1 bn ceiling with a EUR 1.5 bn budget without reading two scales.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from funding.base.markdown import plain_text
from funding.charts.caveats import disputed
from funding.charts.envelopes import envelope_table, envelope_traces, tick_labels
from funding.charts.layout import (
    DEFAULT_COLOUR,
    DEFAULT_TOP,
    Chart,
    axis_end,
    bar_axes,
    bar_slot,
    chart_layout,
    legend_lines,
    scale_for,
    short_bars_outside,
)
from funding.charts.legibility import legible
from funding.charts.text import plotly_text
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, LEVEL, Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.selecting.breakdowns import envelope_rows
from funding.selecting.figures import parts_beyond_whole
from funding.selecting.formatting import format_eur
from funding.selecting.totals import stated_by_kind

PANEL_GAP_PX = 56  # between panels: the next panel's title and this one's axis numbers
# Targets (public and private investment to be mobilised, up to EUR 55 bn) are goals, not money:
# on the money's scale they would squash every budget to a sliver, so their panel has its own,
# and its title says so.
PANEL_TITLE_PX = 22
OWN_SCALE = frozenset({"target"})
PART_MARK = "↳ "  # a part, listed under its whole (the bars' own mark)


def compare_choices(
    dataset: Dataset, selection: Sequence[Instrument], lang: Lang, limit: int
) -> dict[str, str]:
    """What can be picked to compare, id to label, at most `limit`: grouped by kind of figure in
    the vocabulary's order (public budgets first), each whole followed by its parts (↳) as the
    comparison draws them. A label ends with the kind and the level, so rows of the same
    programme (the IPCEIs' State aid of the member states and the private money it matches) are
    told apart by what their money is, read from the data; it starts with the name, which is
    what a picked chip on a phone still shows."""
    found: dict[str, str] = {}
    for kind in AMOUNT_KIND.codes:
        if len(found) >= limit:
            break
        kind_label = AMOUNT_KIND.label(kind, lang)
        for row in envelope_rows(dataset, selection, kind, lang, limit=limit - len(found)):
            part = PART_MARK if row["depth"] else ""
            money = format_eur(row["amount"], lang, row["qualifier"])
            level = LEVEL.label(row["level"], lang)
            found[row["id"]] = plain_text(f"{part}{row['name']} · {money} · {kind_label}, {level}")
    return found


def comparison_chart(
    dataset: Dataset,
    selection: Sequence[Instrument],
    kinds: Sequence[str],
    lang: Lang,
    *,
    colour_by: str = DEFAULT_COLOUR,
    top: int = DEFAULT_TOP,
    source: str = "",
) -> Chart:
    """One panel per kind (in `kinds` order) with an amount in the selection; at most `top` bars
    per kind, each whole followed by its parts."""
    panels = [(k, envelope_rows(dataset, selection, k, lang, limit=max(top, 1))) for k in kinds]
    panels = [(k, shown) for k, shown in panels if shown]
    stated = stated_by_kind(dataset, selection)
    total = sum(stated[k] for k in set(kinds))
    if not panels:
        return Chart({"data": [], "layout": {}}, {}, shown=0, total=total)
    money = [row["amount"] for k, shown in panels if k not in OWN_SCALE for row in shown] or [
        row["amount"] for row in panels[0][1]
    ]
    factor, unit = scale_for(float(max(money)), lang)
    shared_end = axis_end(money, factor)
    ticks = [tick_labels(shown) for _, shown in panels]
    heights = [20 + bar_slot(labels) * len(labels) for labels in ticks]
    plot_height = sum(heights) + PANEL_GAP_PX * (len(panels) - 1)
    counts = {k: stated[k] for k in kinds}
    titles = [
        plotly_text(
            t(
                "compare_own_scale" if k in OWN_SCALE else "compare_panel",
                lang,
                kind=AMOUNT_KIND.label(k, lang),
                n=counts[k],
            )
        )
        for k, _ in panels
    ]
    domains = _row_domains(heights, PANEL_GAP_PX / plot_height if len(panels) > 1 else 0.0)
    traces: list[dict[str, Any]] = []
    axes: dict[str, Any] = {}
    seen: set[str] = set()
    for row, ((kind, shown), domain, labels) in enumerate(zip(panels, domains, ticks, strict=True), start=1):
        suffix = "" if row == 1 else str(row)
        traces += envelope_traces(
            dataset,
            shown,
            lang,
            colour_by,
            factor,
            axes={"xaxis": f"x{suffix}", "yaxis": f"y{suffix}"},
            legend_seen=seen,
        )
        end = axis_end((row["amount"] for row in shown), factor) if kind in OWN_SCALE else shared_end
        panel = bar_axes([row["id"] for row in shown], labels, unit, end)
        axes[f"xaxis{suffix}"] = {
            "anchor": f"y{suffix}",
            "domain": [0.0, 1.0],
            "range": [0, end],
            "automargin": True,
        }
        axes[f"yaxis{suffix}"] = {"anchor": f"x{suffix}", "domain": domain, **panel["yaxis"]}
    axes[f"xaxis{'' if len(panels) == 1 else len(panels)}"]["title"] = {"text": plotly_text(unit)}
    annotations = [
        {
            "font": {"size": 13},
            "showarrow": False,
            "text": title,
            "x": 0,
            "xanchor": "left",
            "xref": "paper",
            "y": top,
            "yanchor": "bottom",
            "yref": "paper",
        }
        for title, (_, top) in zip(titles, domains, strict=True)
    ]
    ids = [row["id"] for _, shown in panels for row in shown]
    legend = [str(tr["name"]) for tr in traces if tr["showlegend"]]
    beyond = [
        note
        for kind, shown in panels
        for note in parts_beyond_whole(dataset, [dataset.by_id[str(row["id"])] for row in shown], kind, lang)
    ]
    layout = chart_layout(
        title=t("envelopes", lang),
        subtitle=" ".join(
            [
                t("compare_sub", lang),
                *([t("disputed_note", lang)] if any(disputed(dataset, i) for i in ids) else []),
                *beyond,
            ]
        ),
        source=source,
        lang=lang,
        plot_height=plot_height,
        legend=legend,
    )
    # The first panel's title sits above the plot area: the legend goes above that title. The
    # legend starts where the plot does, after the names, so on a phone it takes a row per colour.
    legend_rows = len(legend)
    extra = PANEL_TITLE_PX + 22 * max(legend_rows - legend_lines(legend, 340), 0)
    layout["margin"]["t"] += extra
    layout["height"] += extra
    layout.update(
        axes,
        annotations=annotations,
        barmode="overlay",
        bargap=0.25,
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0 + PANEL_TITLE_PX / plot_height,
            "xanchor": "left",
            "x": 0,
        },
    )
    table: dict[str, list[Any]] = {}
    for kind, shown in panels:  # the panels' tables one under the other, the kind after the name
        (name, names), *rest = envelope_table(dataset, shown, lang).items()
        kinds_column = (t("col_kind", lang), [AMOUNT_KIND.label(kind, lang)] * len(shown))
        for column, values in ((name, names), kinds_column, *rest):
            table.setdefault(column, []).extend(values)
    figure = legible(short_bars_outside({"data": traces, "layout": layout}))
    return Chart(figure, table, shown=len(ids), total=total)


def _row_domains(heights: Sequence[int], gap: float) -> list[list[float]]:
    """Each panel's vertical domain, top panel first, with the float arithmetic of plotly's
    `make_subplots` (so the figure's JSON did not change when it stopped being used)."""
    rows = len(heights)
    total = float(sum(heights))
    shares = [(1.0 - gap * (rows - 1)) * (h / total) for h in heights][::-1]
    starts = [sum(shares[:r]) + r * gap for r in range(rows)][::-1]
    return [[_clamp(start), _clamp(start + shares[-1 - i])] for i, start in enumerate(starts)]


def _clamp(y: float) -> float:
    """A domain end a rounding error put just outside [0, 1], put back (as plotly does)."""
    return min(max(y, 0.0), 1.0)
