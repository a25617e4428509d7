"""Net totals as bounds on nested, overlapping and mixed-kind selections.

Every expected value is worked out by hand in the test's docstring or comments."""

from __future__ import annotations

from factory import csv_bytes, row

from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.registry.loading import parse_csv
from funding.selecting.overlap_groups import least_of_group
from funding.selecting.totals import Bounds, combine_qualifiers, net_bounds, origin_split, totals_by_kind


def dataset(programme_disjoint: str = "") -> Dataset:
    return parse_csv(
        csv_bytes(
            [
                row("fund"),  # a parent without an amount covers nothing
                row("programme", "296", parent_id="fund", parts_disjoint=programme_disjoint),
                row("allocated", "120", qualifier="at_least", parent_id="programme"),
                row("cluster", "7.6", qualifier="about", parent_id="programme"),
                row("loan", "1500", parent_id="fund"),
                row("topup", "200", parent_id="fund", amount_kind="guarantee"),
                row("ceiling", "6100", qualifier="up_to", amount_kind="state_aid_ceiling", level="MS"),
                row(
                    "private", "13800", qualifier="at_least", amount_kind="private_expected", level="private"
                ),
                row("unknown", parent_id="fund"),
            ]
        )
    )


def select(ds: Dataset, *ids: str) -> list[Instrument]:
    return [ds.by_id[i] for i in ids]


def test_whole_selection_counts_parts_once() -> None:
    """Net: programme 296 + loan 1500 = 1796 (its parts 120 and 7.6 are inside 296); one figure,
    below the 1923.6 that adding parts to their whole would give (296 + 120 + 7.6 + 1500)."""
    ds = dataset()
    public = totals_by_kind(ds, ds.records)["public"]
    assert public.net == Bounds(1796, 1796, "exact", (), ("loan", "programme"))
    assert not public.net.is_range
    assert public.net.qualifier == "exact"  # the parts' "at least" and "about" are inside the whole
    assert (public.counted, public.with_amount, public.without_amount) == (2, 4, 2)


def test_parts_of_a_filtered_out_whole_may_overlap_unless_it_says_otherwise() -> None:
    """The whole (296) is out of the selection, e.g. by a status filter; its parts stay.
    Nothing says whether "at least 120" and "about 7.6" are separate money, so:
    low = the larger part alone = 120; high = 120 + 7.6 = 127.6 (below the whole's 296);
    qualifier: at_least with about -> about. Both rows make the range."""
    ds = dataset()
    public = totals_by_kind(ds, select(ds, "allocated", "cluster"))["public"]
    assert (public.net.low, public.net.high, public.net.qualifier) == (120, 127.6, "about")
    assert public.net.uncertain == ("allocated", "cluster")


def test_parts_said_to_be_separate_money_add_up() -> None:
    """Same selection, but the whole says its parts are disjoint: 120 + 7.6 = 127.6, one figure."""
    ds = dataset(programme_disjoint="yes")
    net = totals_by_kind(ds, select(ds, "allocated", "cluster"))["public"].net
    assert (net.low, net.high, net.uncertain) == (127.6, 127.6, ())


def test_parts_never_count_above_their_whole() -> None:
    """Whole 100 (out of the selection) with parts 80 and 70 that may overlap:
    low = max(80, 70) = 80; high = min(80 + 70, 100) = 100; the whole's own qualifier joins."""
    rows = [
        row("whole", "100", qualifier="up_to"),
        row("a", "80", parent_id="whole"),
        row("b", "70", parent_id="whole"),
    ]
    ds = parse_csv(csv_bytes(rows))
    net = net_bounds(ds, select(ds, "a", "b"), "public")
    assert (net.low, net.high, net.qualifier) == (80, 100, "up_to")
    assert net_bounds(ds, ds.records, "public") == Bounds(100, 100, "up_to", (), ("whole",))


def test_possibly_overlapping_wholes_make_a_range() -> None:
    """CRM 3000 (not battery-specific) may share money with the battery CRM support 300 (up to);
    BBF 1500 and MICB 296 are separate. Low = 3000 + 1500 + 296 = 4796 (the 300 inside the 3000);
    high = 4796 + 300 = 5096. Battery-specific: 1500 + 300 + 296 = 2096 (no overlap among them);
    wider: 3000. The two overlap candidates are named."""
    rows = [
        row("crm", "3000", battery_specific="no", may_overlap="part"),
        row("bbf", "1500"),
        row("part", "300", qualifier="up_to", may_overlap="crm"),
        row("micb", "296"),
    ]
    ds = parse_csv(csv_bytes(rows))
    public = totals_by_kind(ds, ds.records)["public"]
    assert (public.net.low, public.net.high, public.net.qualifier) == (4796, 5096, "up_to")
    assert public.net.uncertain == ("crm", "part")
    assert (public.battery.low, public.battery.high, public.battery.qualifier) == (2096, 2096, "up_to")
    assert (public.wider.low, public.wider.high) == (3000, 3000)
    # Either row alone is one figure: nothing to overlap with.
    assert not net_bounds(ds, select(ds, "part", "bbf"), "public").is_range


def test_a_chain_of_possible_overlaps_keeps_separate_money_apart() -> None:
    """a (10) may overlap b (15), b may overlap c (10); a and c are separate money.
    Least possible union: a and c apart, b inside them = 10 + 10 = 20 (not max 15); most: 35."""
    rows = [
        row("a", "10", may_overlap="b"),
        row("b", "15", may_overlap="a;c"),
        row("c", "10", may_overlap="b"),
    ]
    ds = parse_csv(csv_bytes(rows))
    net = net_bounds(ds, ds.records, "public")
    assert (net.low, net.high) == (20, 35)


def test_grandparent_covers_grandchild() -> None:
    rows = [row("a", "100"), row("b", parent_id="a"), row("c", "10", parent_id="b")]
    ds = parse_csv(csv_bytes(rows))
    assert net_bounds(ds, select(ds, "a", "c"), "public") == Bounds(100, 100, "exact", (), ("a",))


def test_kinds_are_never_added_together() -> None:
    ds = dataset()
    totals = totals_by_kind(ds, ds.records)
    assert (totals["guarantee"].net.low, totals["guarantee"].net.high) == (200, 200)
    assert (totals["state_aid_ceiling"].net.high, totals["state_aid_ceiling"].net.qualifier) == (
        6100,
        "up_to",
    )
    assert (totals["private_expected"].net.high, totals["private_expected"].net.qualifier) == (
        13800,
        "at_least",
    )
    assert totals["target"].net.empty
    assert totals["target"].with_amount == 0
    assert totals["public"].net.high == 1796  # no guarantee, ceiling or private money in it


def test_targets_are_not_summable() -> None:
    ds = dataset()
    totals = totals_by_kind(ds, ds.records)
    assert not totals["target"].summable
    assert all(totals[k].summable for k in ("public", "guarantee", "state_aid_ceiling", "private_expected"))


def test_rows_without_amount_are_counted_separately() -> None:
    ds = dataset()
    public = totals_by_kind(ds, select(ds, "fund", "unknown"))["public"]
    assert public.net.empty
    assert (public.with_amount, public.without_amount) == (0, 2)


def test_origin_split_of_the_battery_figure() -> None:
    """Battery-specific rows only: new 1500, reprioritised 296 (its part 100, stated as new, is
    inside the whole and not counted again), not stated 40; the wider 3000 is not in the split."""
    rows = [
        row("bbf", "1500", money_origin="new"),
        row("micb", "296", money_origin="reprioritised"),
        row("micb-part", "100", parent_id="micb", money_origin="new"),
        row("grant", "40"),
        row("crm", "3000", battery_specific="no", money_origin="reprioritised"),
    ]
    ds = parse_csv(csv_bytes(rows))
    split = origin_split(ds, ds.records)
    assert {origin: (b.low, b.high) for origin, b in split.items()} == {
        "new": (1500, 1500),
        "reprioritised": (296, 296),
        "not_stated": (40, 40),
    }


def test_combine_qualifiers() -> None:
    assert combine_qualifiers([]) == "exact"
    assert combine_qualifiers(["exact", "exact"]) == "exact"
    assert combine_qualifiers(["exact", "up_to", "up_to"]) == "up_to"
    assert combine_qualifiers(["at_least", "exact"]) == "at_least"
    assert combine_qualifiers(["up_to", "at_least"]) == "about"
    assert combine_qualifiers(["about", "up_to"]) == "about"


def test_envelopes_put_parts_under_their_whole_and_limit_rows() -> None:
    from funding.selecting.breakdowns import envelope_rows

    ds = dataset()
    table = envelope_rows(ds, ds.records, "public", "en")
    # Largest whole first, its parts right after it (largest part first), then the next whole.
    assert [row["id"] for row in table] == ["loan", "programme", "allocated", "cluster"]
    assert [row["counted"] for row in table] == [True, True, False, False]
    assert [row["depth"] for row in table] == [0, 0, 1, 1]
    assert [row["id"] for row in envelope_rows(ds, ds.records, "public", "en", limit=3)] == [
        "loan",
        "programme",
        "allocated",
    ]


def test_filter_problems_are_typed_with_code_field_and_value() -> None:
    from funding.selecting.filter_problems import FilterProblem, filter_problems
    from funding.selecting.selection import Filters

    ds = parse_csv(csv_bytes([row("a", "10")]))
    found = filter_problems(Filters(level=("EU", "Mars"), framework="xx", year_from=2030, year_to=2020), ds)
    assert [(p.code, p.field, p.value) for p in found] == [
        ("unknown_value", "framework", "xx"),
        ("unknown_value", "level", "Mars"),
        ("years_reversed", "year_from", "2030"),
    ]
    assert found[1].valid == ("EU", "NL", "MS", "private")
    assert all(isinstance(p, FilterProblem) and p.message("nl") for p in found)


def test_the_least_a_group_can_be_is_its_heaviest_set_of_separate_money() -> None:
    """By hand. A path a–b–c (a may share money with b, b with c; a and c cannot): {a, c} must be
    separate money, 5 + 4 = 9, more than b alone (7), so at least 9. A triangle (each may share
    with each): only one figure is sure, the largest, 7. Twelve in a row, each 1, neighbours
    overlapping: every second one is separate, 6."""
    path = {"a": frozenset({"b"}), "b": frozenset({"a", "c"}), "c": frozenset({"b"})}
    weights = {"a": 5.0, "b": 7.0, "c": 4.0}
    assert least_of_group(["a", "b", "c"], weights, path) == 9.0
    triangle = {k: frozenset(set("abc") - {k}) for k in "abc"}
    assert least_of_group(["c", "a", "b"], weights, triangle) == 7.0
    names = [f"r{n:02}" for n in range(12)]
    row = {n: frozenset(names[max(i - 1, 0) : i] + names[i + 1 : i + 2]) for i, n in enumerate(names)}
    assert least_of_group(names, dict.fromkeys(names, 1.0), row) == 6.0
