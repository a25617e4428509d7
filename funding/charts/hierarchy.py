"""The treemap: all sources, each source, its instruments; counted rows only, so nested amounts appear once."""

from __future__ import annotations

import math
from collections.abc import Sequence

from funding.charts.layout import GREY, OKABE_ITO, Chart, Columns, chart_layout
from funding.charts.legibility import legible
from funding.charts.text import plotly_text, wrapped
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.selecting.figures import WIDER_MARK
from funding.selecting.formatting import format_bounds, format_eur
from funding.selecting.totals import Bounds, counted_ids, net_bounds, refuse_unsummable

ROOT_GREY = "#E6E6E6"
# Bounds on what one figure carries, whatever the size of the selection; sums stay exact (the
# remainder is one tile or node) and the data table says what was folded.
MAX_TREEMAP_LEAVES = 60
MAX_SOURCES = 15


def counted_rows(dataset: Dataset, selection: Sequence[Instrument], kind: str) -> list[Instrument]:
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
    rows = sorted(counted_rows(dataset, selection, kind), key=lambda r: -(r.amount_eur or 0.0))
    kept = {r.id for r in rows[:leaves]}
    by_source: dict[str, list[Instrument]] = {}
    for r in rows:
        by_source.setdefault(r.source, []).append(r)
    ranked = sorted(by_source, key=lambda src: -math.fsum(r.amount_eur or 0.0 for r in by_source[src]))
    named, folded = ranked[:sources], ranked[sources:]

    def total_of(members: Sequence[Instrument]) -> tuple[float, str, Bounds]:
        """A tile's size (its figures added once each: geometry only, since plotly's branches
        must hold their children) and its label and table values: the net total, a range where
        figures in it may share money."""
        amount = round(math.fsum(r.amount_eur or 0.0 for r in members), 2)
        bounds = net_bounds(dataset, members, kind)
        return amount, format_bounds(bounds, lang), bounds

    tiles: list[tuple[str, str, str, float, str, str]] = []  # id, label, parent, value, text, colour
    grand, grand_text, _ = total_of(rows)
    tiles.append(("root", t("all_sources", lang), "", grand, grand_text, ROOT_GREY))
    table: list[tuple[str, str, float, float, str]] = []  # source, tile, net low, net high, text
    for number, src in enumerate(named):
        members = by_source[src]
        colour = OKABE_ITO[number % len(OKABE_ITO)]
        amount, text, _ = total_of(members)
        wider = any(not r.battery_specific for r in members)  # marked: not all of it is for batteries
        tiles.append(
            (f"source:{src}", src + (f" {WIDER_MARK}" if wider else ""), "root", amount, text, colour)
        )
        for r in members:
            if r.id in kept:
                text = format_eur(r.amount_eur, lang, r.amount_qualifier)
                name = r.name(lang) + ("" if r.battery_specific else f" {WIDER_MARK}")
                tiles.append((f"instrument:{r.id}", name, f"source:{src}", r.amount_eur or 0.0, text, colour))
                table.append((src, r.name(lang), r.amount_eur or 0.0, r.amount_eur or 0.0, text))
        rest = [r for r in members if r.id not in kept]
        if rest:
            amount, text, bounds = total_of(rest)
            label = t("other_instruments", lang, n=len(rest))
            tiles.append((f"rest:{src}", label, f"source:{src}", amount, text, colour))
            table.append((src, label, bounds.low, bounds.high, text))
    if folded:
        members = [r for src in folded for r in by_source[src]]
        amount, text, bounds = total_of(members)
        label = t("other_sources", lang, n=len(folded))
        tiles.append(("rest:", label, "root", amount, text, GREY))
        table.append((label, "", bounds.low, bounds.high, text))
    traces = [
        dict(
            type="treemap",
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
    layout = chart_layout(
        title=t("hierarchy", lang),
        subtitle=" ".join(
            [t("hierarchy_sub", lang, kind=AMOUNT_KIND.label(kind, lang))]
            + (
                [t("wider_mark_legend", lang, mark=WIDER_MARK)]
                if any(not r.battery_specific for r in rows)
                else []
            )
        ),
        source=source,
        lang=lang,
        plot_height=420,
    )
    data: Columns = {
        t("col_source", lang): [row[0] for row in table],
        t("col_name", lang): [row[1] for row in table],
        t("col_amount", lang): [row[4] for row in table],
        t("col_amount_low_eur", lang): [row[2] for row in table],
        t("col_amount_high_eur", lang): [row[3] for row in table],
    }
    fig = legible({"data": traces, "layout": layout})
    return Chart(fig, data, shown=len(kept), total=len(rows))
