"""The figure builder: figures said at three significant digits never claim more than the rows.

Expected texts are worked out by hand in each comment, not taken from the code under test."""

from __future__ import annotations

from factory import csv_bytes, row
from hypothesis import given
from hypothesis import strategies as st

from funding.exports.figures import chart_spec
from funding.i18n import t
from funding.registry.loading import parse_csv
from funding.selecting.figures import counts, exact_text, figures, spoken_ends, spoken_text
from funding.selecting.selection import Filters
from funding.selecting.totals import Bounds

M = 1_000_000


def test_an_upper_bound_is_rounded_up_and_a_lower_bound_down() -> None:
    # up to 4,021 m: three digits are 4.02|1 -> up to 4.03 bn (4.02 would be below the bound).
    assert spoken_text(Bounds(4021 * M, 4021 * M, "up_to", rows=("a",)), "en") == "up to EUR 4.03 bn"
    # at least 13,850 m: 13.8|5 -> at least 13.8 bn (13.9 would claim more than the rows).
    assert spoken_text(Bounds(13850 * M, 13850 * M, "at_least", rows=("a",)), "en") == "at least EUR 13.8 bn"


def test_an_exact_figure_that_rounding_changes_says_about() -> None:
    # 1,296 m -> 1.30 bn, which is not 1,296 m: "about".
    assert spoken_text(Bounds(1296 * M, 1296 * M, rows=("a",)), "en") == "about EUR 1.3 bn"
    assert spoken_text(Bounds(1296 * M, 1296 * M, rows=("a",)), "nl") == "circa € 1,3 mld"
    # 296 m and 7.6 m have three digits or fewer: said as they are.
    assert spoken_text(Bounds(296 * M, 296 * M, rows=("a",)), "en") == "EUR 296 m"
    assert spoken_text(Bounds(7.6 * M, 7.6 * M, rows=("a",)), "nl") == "€ 7,6 mln"


def test_an_exact_text_keeps_every_digit_the_scale_would_round_away() -> None:
    """Sums of small amounts: the exact text (the XLSX's "As written", the deck's bar labels and
    their one-bar sentences) is every digit, never three decimals of millions passed off as exact;
    the spoken text rounds to three digits and says "about"."""
    # 219 + 112,383 + 374,982 + 825,503 = 1,313,087 = 1.313|087 m; "EUR 1.313 m" drops 87 euros.
    ds = parse_csv(csv_bytes([row(f"r{i}", a) for i, a in enumerate(("219", "112383", "374982", "825503"))]))
    battery = figures(ds, ds.records, Filters(), "en").public.by_scope["battery"]
    assert (battery.exact, battery.spoken) == ("EUR 1,313,087", "about EUR 1.31 m")
    assert [b.text for b in chart_spec(ds, ds.records, Filters(), "source", "en").bars] == ["EUR 1,313,087"]
    # 369 + 374,982 + 825,503 = 1,200,854 = 1.200|854 m, not "€ 1,201 mln"; said 1.20 m, "circa".
    ds = parse_csv(csv_bytes([row(f"r{i}", a) for i, a in enumerate(("369", "374982", "825503"))]))
    battery = figures(ds, ds.records, Filters(), "nl").public.by_scope["battery"]
    assert (battery.exact, battery.spoken) == ("€ 1.200.854", "circa € 1,2 mln")
    # An amount with three decimals or fewer at its scale keeps the short form: 2,796 m.
    whole = Bounds(2796 * M, 2796 * M, rows=("a",))
    assert exact_text(whole, "en") == "EUR 2.796 bn"


def test_a_range_is_widened_outwards() -> None:
    # 6,721-8,021 m: low 6.72|1 down to 6.72, high 8.02|1 up to 8.03.
    said = spoken_text(Bounds(6721 * M, 8021 * M, "up_to", rows=("a", "b")), "en")
    assert said == "up to EUR 6.72–8.03 bn"


ends = st.floats(min_value=1, max_value=1e12, allow_nan=False)


@given(ends, ends, st.sampled_from(["exact", "up_to", "at_least", "about"]))
def test_the_said_figure_never_claims_more_than_the_rows(a: float, b: float, qualifier: str) -> None:
    low, high = sorted((round(a, 2), round(b, 2)))
    said_low, said_high, said_qualifier = spoken_ends(Bounds(low, high, qualifier, rows=("a",)))
    if low != high:  # the said range holds the true one
        assert said_low <= low and said_high >= high and said_qualifier == qualifier
    elif qualifier == "up_to":
        assert said_high >= high
    elif qualifier == "at_least":
        assert said_low <= low
    elif said_high != high:  # rounded away from an exact or approximate figure: "about"
        assert said_qualifier == "about"
    # three significant digits at most: the said figure over its power of ten has <= 2 decimals
    for value in (said_low, said_high):
        digits = f"{value:.6e}".split("e")[0].replace(".", "").rstrip("0")
        assert len(digits) <= 3


def test_guarantees_are_split_into_battery_money_and_wider_envelopes() -> None:
    """A 200 m battery top-up and a 2,900 m programme-wide increase are never one figure:
    battery 200 m, wider 2,900 m, both counted once 3,100 m."""
    ds = parse_csv(
        csv_bytes(
            [
                row("topup", str(200 * M), amount_kind="guarantee"),
                row("programme", str(2900 * M), amount_kind="guarantee", battery_specific="no"),
            ]
        )
    )
    guarantee = figures(ds, ds.records, Filters(), "en").kinds["guarantee"].by_scope
    assert guarantee["battery"].spoken == "EUR 200 m"
    assert guarantee["wider"].spoken == "EUR 2.9 bn"
    assert guarantee["all"].exact == "EUR 3.1 bn"


def test_instruments_and_unstated_amounts_count_the_same_population() -> None:
    """Three instruments (one without an amount) and a framework without an amount:
    3 instruments, 1 of them unstated; the framework is one other entry, not an instrument."""
    ds = parse_csv(
        csv_bytes(
            [
                row("a", str(10 * M)),
                row("b", str(20 * M)),
                row("c", ""),
                row("rules", "", record_type="framework"),
            ]
        )
    )
    found = counts(ds, ds.records)
    assert (found.entries, found.instruments, found.instruments_unstated, found.others) == (4, 3, 1, 1)


def test_parts_of_a_whole_outside_the_selection_are_said_as_parts_never_summed() -> None:
    """A ceiling of up to 6,100 with two separate parts, 3,100 and 2,900, and the whole filtered
    out: the figure lists 3.1 + 2.9 as parts of the whole, never "EUR 6 bn"."""
    ds = parse_csv(
        csv_bytes(
            [
                row(
                    "whole",
                    str(6100 * M),
                    amount_kind="state_aid_ceiling",
                    qualifier="up_to",
                    parts_disjoint="yes",
                    status="announced",
                    name_en="IPCEI ceiling",
                ),
                row("p1", str(3100 * M), amount_kind="state_aid_ceiling", parent_id="whole"),
                row("p2", str(2900 * M), amount_kind="state_aid_ceiling", parent_id="whole"),
            ]
        )
    )
    parts = [ds.by_id["p1"], ds.by_id["p2"]]
    said = figures(ds, parts, Filters(), "en").kinds["state_aid_ceiling"].by_scope["all"]
    assert said.parts_only and "EUR 6 bn" not in said.spoken
    assert said.spoken.startswith("EUR 3.1 bn + EUR 2.9 bn: parts of IPCEI ceiling (up to EUR 6.1 bn)")


def test_a_beneficiary_or_year_filter_names_the_envelopes_not_money_for_them() -> None:
    ds = parse_csv(csv_bytes([row("a", str(296 * M))]))
    found = figures(
        ds, ds.records, Filters(beneficiary=("startups_smes",), year_from=2026, year_to=2026), "en"
    )
    label = found.public.by_scope["battery"].label
    assert label.startswith("Public funding for batteries — in envelopes open to start-ups and SMEs")
    assert t("describe_period", "en", span="2026") in label  # the year filter, named as envelopes
