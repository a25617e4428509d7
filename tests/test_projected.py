"""Presentation mode's charts (funding.exports.projected): the deck's bars, for a 720p screen.

Expected values by hand: the range chart is tests/test_deck.py's (3,000 and 300 that may share
money, 3.0–3.3 bn; 100 m apart), so the bars and their amounts are the deck's own.
"""

from __future__ import annotations

from factory import csv_bytes, pillar_range_rows, row

from funding.exports.figures import chart_spec
from funding.exports.projected import TEXT_PX, alt_text, projected_figure
from funding.i18n import t
from funding.registry.loading import parse_csv
from funding.selecting.selection import Filters

M = 1_000_000


def test_the_deck_bars_with_their_amounts_beside_them_in_projector_type() -> None:
    ds = parse_csv(csv_bytes(pillar_range_rows()))
    spec = chart_spec(ds, ds.records, Filters(), "pillar", "en")
    figure, shown = projected_figure(spec, "en", 440)
    solid, extra = figure.data
    assert shown == 2 and list(solid.x) == [3000 * M, 100 * M]  # the low end, solid
    assert list(extra.x) == [300 * M, 0]  # the range's high end, hatched: 3,300 - 3,000
    assert list(extra.text) == ["EUR 3.0–3.3 bn", "EUR 100 m"] and extra.textposition == "outside"
    layout = figure.layout
    assert layout.height == 440 and layout.font.size >= TEXT_PX and layout.yaxis.tickfont.size >= TEXT_PX
    # No fixed maximum: the axis ends where the longest bar (3,300) and its 14-character amount
    # fit 700 px at 10 px a character: 3,300 x 700 / (700 - 140) = 4,125 (million).
    assert layout.xaxis.range[1] == 3300 * M * 700 / 560
    alt = alt_text(spec, shown, "en")
    assert alt.startswith(t("present_chart_alt", "en", title=spec.title, n=2, bars="")[:20])
    assert "EUR 3.0–3.3 bn" in alt and "EUR 100 m" in alt


def test_a_chart_with_more_bars_than_fit_shows_the_largest() -> None:
    """30 bars and no notes under the title. At 440 px: 440 - (56 + 27 px title) - 20 px below
    = 337 px, room for 337 // 34 = 9 rows of 34 px. At 1000 px: 897 // 34 = 26 rows."""
    ds = parse_csv(csv_bytes([row(f"r{i}", str((40 - i) * M)) for i in range(30)]))
    spec = chart_spec(ds, ds.records, Filters(), "envelopes", "en")
    figure, shown = projected_figure(spec, "en", 440)
    assert shown == 9
    assert list(figure.data[0].x) == [(40 - i) * M for i in range(9)]  # 40, 39, ...: largest first
    taller, more = projected_figure(spec, "en", 1000)
    assert more == 26 and len(taller.data[0].x) == 26


def test_entries_without_an_amount_are_a_count_not_a_list_to_come() -> None:
    """Two public entries, one without an amount: the deck says it lists it at the end; the
    screen only counts it."""
    ds = parse_csv(csv_bytes([row("a", str(5 * M)), row("b", str(3 * M)), row("c")]))
    spec = chart_spec(ds, ds.records, Filters(), "envelopes", "en")
    assert spec.unstated == 1 and t("not_shown", "en", n=1) in spec.notes
    subtitle = projected_figure(spec, "en", 440)[0].layout.title.subtitle.text
    assert t("present_not_shown", "en", n=1) in subtitle.replace("<br>", " ")
    assert t("not_shown", "en", n=1) not in subtitle.replace("<br>", " ")
