"""Presentation mode's charts (funding.exports.projected): the deck's bars, for a 720p screen.

Expected values by hand: the range chart is tests/test_deck.py's (3,000 and 300 that may share
money, 3.0–3.3 bn; 100 m apart), so the bars and their amounts are the deck's own. Rows need
34 px with a one-line name, 52 with two, 72 with three, and 10 + 20 px go above and below.
"""

from __future__ import annotations

from factory import csv_bytes, pillar_range_rows, row

from funding.exports.figures import chart_spec
from funding.exports.projected import TEXT_PX, alt_text, notes_text, projected_figure
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
    # No fixed maximum: the axis ends at the longest bar (3,300 m), and the amounts stand in a
    # right margin as wide as the longest, "EUR 3.0–3.3 bn": 14 characters at 10 px, + 20 px.
    assert layout.xaxis.range[1] == 3300 * M and layout.margin.r == 160
    alt = alt_text(spec, shown, "en")
    assert alt.startswith(t("present_chart_alt", "en", title=spec.title, n=2, bars="")[:20])
    assert "EUR 3.0–3.3 bn" in alt and "EUR 100 m" in alt


def test_a_chart_with_more_bars_than_fit_shows_the_largest() -> None:
    """30 bars with one-line names. At 440 px: (440 - 30) // 34 = 12 rows. At 1000 px:
    970 // 34 = 28 rows."""
    rows = [row(f"r{i}", str((40 - i) * M), name_en=f"Instrument {i}") for i in range(30)]
    ds = parse_csv(csv_bytes(rows))
    spec = chart_spec(ds, ds.records, Filters(), "envelopes", "en")
    figure, shown = projected_figure(spec, "en", 440)
    assert shown == 12
    assert list(figure.data[0].x) == [(40 - i) * M for i in range(12)]  # 40, 39, ...: largest first
    taller, more = projected_figure(spec, "en", 1000)
    assert more == 28 and len(taller.data[0].x) == 28


def test_long_names_take_two_lines_and_names_alike_stay_apart() -> None:
    """Ten names of 70 and more characters: two lines of 45 each, so rows of 52 px and
    (440 - 30) // 52 = 7 bars. Two of them differ only in their last words: their labels do too
    (the first line "InvestEU: critical raw material-related" is 39 characters; with
    " investment" 50 > 45)."""
    start = "InvestEU: critical raw material-related investment to mobilise "
    names = [start + f"in lot {i} of the call" for i in range(8)] + [
        start + "by 2027",
        start + "in 2026-2027",
    ]
    rows = [row(f"r{i}", str((20 - i) * M), name_en=name) for i, name in enumerate(names)]
    ds = parse_csv(csv_bytes(rows))
    spec = chart_spec(ds, ds.records, Filters(), "envelopes", "en")
    figure, shown = projected_figure(spec, "en", 440)
    assert shown == 7
    labels = list(figure.data[0].y)
    assert len(set(labels)) == 7 and all(label.count("<br>") == 1 for label in labels)
    assert (
        labels[0] == "InvestEU: critical raw material-related<br>investment to mobilise in lot 0 of the call"
    )
    both = projected_figure(spec, "en", 1000)[0].data[0].y[-2:]
    assert both[0].endswith("by 2027") and both[1].endswith("in 2026-2027")


def test_a_few_long_names_take_three_lines_where_every_bar_still_fits() -> None:
    """Two names of 99 characters: three lines of at most 45 hold them whole, and two rows of
    72 px (+ 30) fit 440 px, so nothing is cut."""
    name = (
        "Innovation Fund top-up of InvestEU for the battery manufacturing value chain (guarantees for loans)"
    )
    rows = [row("a", str(2 * M), name_en=name), row("b", str(M), name_en=name.replace("Fund", "Fonds"))]
    ds = parse_csv(csv_bytes(rows))
    labels = list(
        projected_figure(chart_spec(ds, ds.records, Filters(), "envelopes", "en"), "en", 440)[0].data[0].y
    )
    assert [label.replace("<br>", " ") for label in labels] == [name, name.replace("Fund", "Fonds")]
    assert all(label.count("<br>") == 2 for label in labels)


def test_entries_without_an_amount_are_a_count_not_a_list_to_come() -> None:
    """Two public entries, one without an amount: the deck says it lists it at the end; the
    screen only counts it."""
    ds = parse_csv(csv_bytes([row("a", str(5 * M)), row("b", str(3 * M)), row("c")]))
    spec = chart_spec(ds, ds.records, Filters(), "envelopes", "en")
    assert spec.unstated == 1 and t("not_shown", "en", n=1) in spec.notes
    notes = notes_text(spec, "en")
    assert t("present_not_shown", "en", n=1) in notes and t("not_shown", "en", n=1) not in notes
