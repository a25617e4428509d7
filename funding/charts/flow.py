"""The Sankey: source → instrument type → pillar over counted rows, so what flows in flows out once."""

from __future__ import annotations

from collections.abc import Sequence

from funding.charts.hierarchy import MAX_SOURCES, counted_rows
from funding.charts.layout import GREY, OKABE_ITO, Chart, Columns, chart_layout, colour_map
from funding.charts.legibility import legible
from funding.charts.text import plotly_text, wrapped
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, INSTRUMENT_TYPE, PILLAR_FRAMEWORKS, Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.selecting.breakdowns import NOT_STATED_GROUP
from funding.selecting.figures import WIDER_MARK
from funding.selecting.formatting import format_bounds, format_count
from funding.selecting.selection import pillar_of
from funding.selecting.totals import net_bounds, refuse_unsummable


def _wider(rows: Sequence[Instrument], lang: Lang) -> list[str]:
    """The flows' envelopes that are not only for batteries, named: the Sankey has no bar to mark."""
    wider = sorted((r for r in rows if not r.battery_specific), key=lambda r: -(r.amount_eur or 0.0))
    if not wider:
        return []
    names = "; ".join(r.name(lang) for r in wider[:3])
    if len(wider) > 3:
        names += " " + t("and_more", lang, n=format_count(len(wider) - 3, lang))
    return [t("flow_wider", lang, mark=WIDER_MARK, names=names)]


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
    rows = counted_rows(dataset, selection, kind)
    source_totals: dict[str, float] = {}
    for r in rows:
        source_totals[r.source] = source_totals.get(r.source, 0.0) + (r.amount_eur or 0.0)
    ranked = sorted(source_totals, key=lambda src: -source_totals[src])
    named = set(ranked[:sources])
    other_sources = t("other_sources", lang, n=len(ranked) - len(named))
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
    members: dict[int | tuple[int, int], list[Instrument]] = {}  # per link and per node
    for r in sorted(rows, key=lambda r: r.source):
        value = r.amount_eur or 0.0
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
        links[(s, ty)] = links.get((s, ty), 0.0) + value
        links[(ty, p)] = links.get((ty, p), 0.0) + value
        for key in ((s, ty), (ty, p), s, ty, p):
            members.setdefault(key, []).append(r)

    # The net total of what flows through each node and link, once for its label, hover and row.
    net = {key: net_bounds(dataset, members[key], kind) for key in (*range(len(nodes)), *links)}

    def amount_text(key: int | tuple[int, int]) -> str:
        """The net total of what flows through: a range where those figures may share money."""
        return format_bounds(net[key], lang)

    node_text = [amount_text(i) for i in range(len(nodes))]
    traces = [
        dict(
            type="sankey",
            arrangement="snap",
            valueformat=",.0f",
            node={
                # The amount is part of the label, so it is on screen (and in a PNG), not only on hover.
                "label": [
                    f"{wrapped(label, width=30, lines=None)}<br>{plotly_text(text)}"
                    for (_, label, _), text in zip(nodes, node_text, strict=True)
                ],
                "color": [c for _, _, c in nodes],
                "customdata": [plotly_text(text) for text in node_text],
                "hovertemplate": "%{label}<br>%{customdata}<extra></extra>",
                "pad": 12,
            },
            link={
                "source": [a for a, _ in links],
                "target": [b for _, b in links],
                "value": list(links.values()),
                "customdata": [plotly_text(amount_text(k)) for k in links],
                "hovertemplate": "%{source.label} → %{target.label}<br>%{customdata}<extra></extra>",
            },
        )
    ]
    layout = chart_layout(
        title=t("flow", lang),
        subtitle=" ".join(
            [t("hierarchy_sub", lang, kind=AMOUNT_KIND.label(kind, lang)), *_wider(rows, lang)]
        ),
        source=source,
        lang=lang,
        plot_height=420,
    )
    data: Columns = {
        t("col_from", lang): [nodes[a][1] for a, _ in links],
        t("col_to", lang): [nodes[b][1] for _, b in links],
        t("col_amount", lang): [amount_text(k) for k in links],
        # Net ends, as the labels say: the widths above add each figure once (geometry).
        t("col_amount_low_eur", lang): [net[k].low for k in links],
        t("col_amount_high_eur", lang): [net[k].high for k in links],
    }
    fig = legible({"data": traces, "layout": layout})
    return Chart(fig, data, shown=len(rows), total=len(rows))
