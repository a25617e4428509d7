"""A deck chart for a projector: presentation mode draws the deck's own chart specs
(funding.exports.story), so the screen and the slides show the same bars, in the same order,
with the same amounts as written.

The chart's title and notes are text above the figure (app/present.py), so they wrap to any
screen; the figure is the bars alone and takes the height the screen leaves. How many bars it
shows is chosen for the smallest screen it must fit, 1280x720: every text at least 18 px and
dark on white (at least 4.5:1), names on at most two lines and told apart where they must be
shortened (funding.charts.labels), the amounts beside their bars (never inside a bar, where plotly
would shrink them); a chart with more bars than fit shows the largest and says how many it
leaves out. On a larger screen the same bars grow into the room.
"""

from __future__ import annotations

import plotly.graph_objects as go

from funding.charts.labels import fitted_names
from funding.charts.text import plotly_text
from funding.exports.figures import Bar, ChartSpec
from funding.i18n import t
from funding.i18n.vocab import Lang

TEXT_PX = 18  # the smallest text on a projector (issue 10, item 7)
TEXT_COLOUR = "#1f2933"  # about 14:1 on white
BAR_COLOUR = "#0072b2"  # Okabe & Ito blue, as the page's EU bars
PART_COLOUR = "#9ecae1"  # a part: included in the bar above it, never added
RANGE_COLOUR = "#c6dbef"  # the high end of a range: money that may be inside other bars
CHAR_PX = 10  # an average character of 18 px text
LABEL_CHARS = 45  # a line of a name: 450 px, which leaves the bars room on a 1280 px screen
ROW_PX = (34, 52, 72)  # the least a bar needs with a name on one, two or three lines, at 18 px
MARGIN_PX = (10, 20)  # above and below the bars
BAR_SHARE = 0.12  # a bar's thickness, as a share of the chart's height, when there are few


def _names(spec: ChartSpec, lines: int) -> list[str]:
    fitted = fitted_names([b.label.strip() for b in spec.bars], LABEL_CHARS, lines)
    return ["<br>".join(plotly_text(line) for line in name) for name in fitted]


def _fit(spec: ChartSpec, height: int, most: int) -> tuple[str, ...]:
    names = _names(spec, most)
    lines = [name.count("<br>") + 1 for name in names]
    for count in range(len(names), 1, -1):
        if count * ROW_PX[max(lines[:count]) - 1] + sum(MARGIN_PX) <= height:
            return tuple(names[:count])
    return tuple(names[:1])


def fitting(spec: ChartSpec, height: int) -> tuple[str, ...]:
    """The names of the bars, the largest first, that fit `height` pixels, each bar as high as
    the tallest name among them needs: names on three lines where every bar still fits so, on
    two otherwise. Names are told apart among all the bars, so among those shown too."""
    roomy = _fit(spec, height, 3)
    return roomy if len(roomy) == len(spec.bars) else _fit(spec, height, 2)


def notes_text(spec: ChartSpec, lang: Lang) -> str:
    """The deck's notes as one paragraph, the count of entries without an amount said for a
    screen (the deck lists them at the end; presentation mode has no such list)."""
    notes = list(spec.notes)
    if spec.unstated:
        deck_note = t("not_shown", lang, n=spec.unstated)
        notes = [t("present_not_shown", lang, n=spec.unstated) if n == deck_note else n for n in notes]
    return " ".join(n if n.endswith(".") else f"{n}." for n in notes)


def amounts_px(bars: tuple[Bar, ...]) -> int:
    return CHAR_PX * max((len(b.label_text) for b in bars), default=0) + 20


def projected_figure(spec: ChartSpec, lang: Lang, height: int) -> tuple[go.Figure, int]:
    """The bars that fit `height` pixels, the least the chart gets (1280x720), and how many it
    shows (the largest first, as the spec orders them). The figure is `height` high until its
    container gives it more."""
    labels = list(fitting(spec, height))
    shown = spec.bars[: len(labels)]
    solid = [b.low for b in shown]
    extra = [b.high - b.low for b in shown]
    colours = [PART_COLOUR if b.part else BAR_COLOUR for b in shown]
    figure = go.Figure(
        [
            go.Bar(
                y=labels,
                x=solid,
                orientation="h",
                marker={"color": colours},
                hovertemplate="%{y}<extra></extra>",
                showlegend=False,
            ),
            go.Bar(
                y=labels,
                x=extra,
                orientation="h",
                marker={"color": RANGE_COLOUR, "pattern": {"shape": "/", "fgcolor": BAR_COLOUR}},
                text=[b.label_text for b in shown],
                textposition="outside",
                textfont={"size": TEXT_PX, "color": TEXT_COLOUR},
                cliponaxis=False,
                hoverinfo="skip",
                showlegend=False,
            ),
        ]
    )
    figure.update_layout(
        barmode="stack",
        height=height,
        # The amounts stand in a right margin as wide as the longest, so every bar may run to the
        # plot's edge on any screen and its amount still fits beside it.
        margin={"t": MARGIN_PX[0], "b": MARGIN_PX[1], "l": 10, "r": amounts_px(shown)},
        font={"size": TEXT_PX, "color": TEXT_COLOUR},
        plot_bgcolor="white",
        paper_bgcolor="white",
        bargap=max(0.25, 1 - BAR_SHARE * len(shown)),  # few bars: as thick as some would be
        xaxis={"visible": False, "range": [0, max((b.high for b in shown), default=1.0)]},
        yaxis={
            "autorange": "reversed",
            "automargin": True,
            "tickfont": {"size": TEXT_PX, "color": TEXT_COLOUR},
            "ticklabelstandoff": 8,  # a name does not touch its bar
        },
    )
    return figure, len(shown)


def alt_text(spec: ChartSpec, shown: int, lang: Lang) -> str:
    """What the chart shows, for a screen reader: its title and its bars with their amounts."""
    bars = "; ".join(f"{b.label.strip()}: {b.label_text}" for b in spec.bars[:shown])
    return t("present_chart_alt", lang, title=spec.title, n=shown, bars=bars)
