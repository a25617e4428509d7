"""Totals on nested and mixed-kind selections; expected values are worked out by hand."""

from __future__ import annotations

from factory import csv_bytes, row

from funding.loading import Dataset, parse_csv
from funding.totals import combine_qualifiers, totals_by_kind


def dataset() -> Dataset:
    return parse_csv(
        csv_bytes(
            [
                row("fund"),  # a parent without an amount covers nothing
                row("programme", "296", parent_id="fund"),
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


def select(ds: Dataset, *ids: str) -> list:
    return [ds.by_id[i] for i in ids]


def test_whole_selection_counts_parts_once() -> None:
    ds = dataset()
    public = totals_by_kind(ds, ds.records)["public"]
    assert public.net == 296 + 1500
    assert public.gross == 296 + 120 + 7.6 + 1500
    assert public.overlap == 120 + 7.6
    assert public.overlap_qualifier == "about"  # "at least" 120 plus "about" 7.6
    assert public.qualifier == "exact"  # the parts' qualifiers are covered by the exact whole
    assert public.gross_qualifier == "about"  # at_least + about mixed
    assert (public.counted, public.with_amount, public.without_amount) == (2, 4, 2)


def test_parts_count_when_their_whole_is_filtered_out() -> None:
    ds = dataset()
    public = totals_by_kind(ds, select(ds, "allocated", "cluster"))["public"]
    assert public.net == public.gross == 127.6
    assert public.qualifier == "about"


def test_grandparent_covers_grandchild() -> None:
    rows = [row("a", "100"), row("b", parent_id="a"), row("c", "10", parent_id="b")]
    ds = parse_csv(csv_bytes(rows))
    assert totals_by_kind(ds, select(ds, "a", "c"))["public"].net == 100


def test_kinds_are_never_added_together() -> None:
    ds = dataset()
    totals = totals_by_kind(ds, ds.records)
    assert totals["guarantee"].net == 200
    assert totals["state_aid_ceiling"].net == 6100
    assert totals["state_aid_ceiling"].qualifier == "up_to"
    assert totals["private_expected"].net == 13800
    assert totals["private_expected"].qualifier == "at_least"
    assert totals["target"].net == 0
    assert totals["target"].with_amount == 0


def test_battery_specific_share_of_the_net_total() -> None:
    rows = [
        row("crm", "3000", battery_specific="no"),
        row("bbf", "1500"),
        row("part", "300", qualifier="up_to", parent_id="crm"),
        row("micb", "296"),
    ]
    ds = parse_csv(csv_bytes(rows))
    public = totals_by_kind(ds, ds.records)["public"]
    assert (public.net, public.battery_specific) == (4796, 1796)
    assert public.battery_specific_qualifier == "exact"  # the "up to" part sits inside a counted whole
    only_part = totals_by_kind(ds, select(ds, "part", "bbf"))["public"]
    assert (only_part.battery_specific, only_part.battery_specific_qualifier) == (1800, "up_to")


def test_targets_are_not_summable() -> None:
    ds = dataset()
    totals = totals_by_kind(ds, ds.records)
    assert not totals["target"].summable
    assert all(totals[k].summable for k in ("public", "guarantee", "state_aid_ceiling", "private_expected"))


def test_rows_without_amount_are_counted_separately() -> None:
    ds = dataset()
    public = totals_by_kind(ds, select(ds, "fund", "unknown"))["public"]
    assert (public.net, public.with_amount, public.without_amount) == (0, 0, 2)


def test_combine_qualifiers() -> None:
    assert combine_qualifiers([]) == "exact"
    assert combine_qualifiers(["exact", "exact"]) == "exact"
    assert combine_qualifiers(["exact", "up_to", "up_to"]) == "up_to"
    assert combine_qualifiers(["at_least", "exact"]) == "at_least"
    assert combine_qualifiers(["up_to", "at_least"]) == "about"
    assert combine_qualifiers(["about", "up_to"]) == "about"


def test_envelopes_put_parts_under_their_whole_and_limit_rows() -> None:
    from funding.breakdowns import envelopes

    ds = dataset()
    table = envelopes(ds, ds.records, "public", "en")
    # Largest whole first, its parts right after it (largest part first), then the next whole.
    assert list(table["id"]) == ["loan", "programme", "allocated", "cluster"]
    assert list(table["counted"]) == [True, True, False, False]
    assert list(table["depth"]) == [0, 0, 1, 1]
    assert list(envelopes(ds, ds.records, "public", "en", limit=3)["id"]) == [
        "loan",
        "programme",
        "allocated",
    ]
