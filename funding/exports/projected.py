"""A deck chart for a projector: presentation mode draws the deck's own chart specs
(funding.exports.story), so the screen and the slides show the same bars, in the same order,
with the same amounts as written.

Sized for the smallest screen it must fit, 1280x720: the figure's height is given, every text is
at least 18 px and dark on white (at least 4.5:1), the amounts stand beside their bars (never
inside a bar, where plotly would shrink them), and a chart with more bars than fit shows the
largest and says how many it leaves out.
"""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from funding.exports.figures import Bar, ChartSpec
from funding.i18n import t
from funding.i18n.vocab import Lang

TEXT_PX = 18  # the smallest text on a projector (issue 10, item 7)
TITLE_PX = 27
TEXT_COLOUR = "#1f2933"  # about 14:1 on white
BAR_COLOUR = "#0072b2"  # Okabe & Ito blue, as the page's EU bars
PART_COLOUR = "#9ecae1"  # a part: included in the bar above it, never added
RANGE_COLOUR = "#c6dbef"  # the high end of a range: money that may be inside other bars
LINE_PX = 27  # one line of 18 px subtitle, as plotly spaces it
CHAR_PX = 10  # an average character of 18 px text
PLOT_PX = 700  # the narrowest plot area beside the labels (1280 wide): amounts must fit it
ROW_PX = 34  # the least a one-line bar label needs at 18 px
LABEL_CHARS = 60
SUBTITLE_CHARS = 120


def fitting_bars(spec: ChartSpec, lang: Lang, height: int) -> int:
    """How many bars fit `height` pixels under the chart's title and notes."""
    return max(1, (height - _top_margin(spec, lang) - 20) // ROW_PX)


def _notes(spec: ChartSpec, lang: Lang) -> list[str]:
    """The deck's notes, the count of entries without an amount said for a screen (the deck
    lists them at the end; presentation mode has no such list)."""
    notes = list(spec.notes)
    if spec.unstated:
        deck_note = t("not_shown", lang, n=spec.unstated)
        notes = [t("present_not_shown", lang, n=spec.unstated) if n == deck_note else n for n in notes]
    return textwrap.wrap(" ".join(notes), SUBTITLE_CHARS)


def _top_margin(spec: ChartSpec, lang: Lang) -> int:
    return 56 + TITLE_PX + LINE_PX * len(_notes(spec, lang))


def _axis_end(bars: tuple[Bar, ...]) -> float:
    """The axis end that leaves every bar room for its amount on the right, from the values
    and the texts (no fixed maximum): bar end + text <= the plot's width, for each bar."""
    room = [b.high * PLOT_PX / max(PLOT_PX - CHAR_PX * len(b.label_text), 1) for b in bars if b.high > 0]
    return max(room, default=1.0)


def _label(bar: Bar) -> str:
    label = bar.label.strip()
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def projected_figure(spec: ChartSpec, lang: Lang, height: int) -> tuple[go.Figure, int]:
    """The chart `height` pixels high, and how many of its bars it shows (the largest first, as
    the spec orders them)."""
    shown = spec.bars[: fitting_bars(spec, lang, height)]
    labels = [_label(b) for b in shown]
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
    notes = "<br>".join(_notes(spec, lang))
    figure.update_layout(
        barmode="stack",
        height=height,
        margin={"t": _top_margin(spec, lang), "b": 20, "l": 10, "r": 40},
        font={"size": TEXT_PX, "color": TEXT_COLOUR},
        title={
            "text": spec.title,
            "font": {"size": TITLE_PX, "color": TEXT_COLOUR},
            "subtitle": {"text": notes, "font": {"size": TEXT_PX, "color": TEXT_COLOUR}},
            "x": 0,
            "xanchor": "left",
        },
        plot_bgcolor="white",
        paper_bgcolor="white",
        bargap=0.25,
        xaxis={"visible": False, "range": [0, _axis_end(shown)]},
        yaxis={
            "autorange": "reversed",
            "automargin": True,
            "tickfont": {"size": TEXT_PX, "color": TEXT_COLOUR},
        },
    )
    return figure, len(shown)


def alt_text(spec: ChartSpec, shown: int, lang: Lang) -> str:
    """What the chart shows, for a screen reader: its title and its bars with their amounts."""
    bars = "; ".join(f"{_label(b)}: {b.label_text}" for b in spec.bars[:shown])
    return t("present_chart_alt", lang, title=spec.title, n=shown, bars=bars)
