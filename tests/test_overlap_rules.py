"""The columns that say which figures may share money are validated like every other column:
each problem by (line, column, code), all at once."""

from __future__ import annotations

import pytest
from factory import csv_bytes, row

from funding.base.errors import InvalidData
from funding.registry.dataset_rules import MAX_OVERLAP_GROUP
from funding.registry.loading import parse_csv


def codes(rows: list[dict[str, str]]) -> set[tuple[int, str, str]]:
    with pytest.raises(InvalidData) as caught:
        parse_csv(csv_bytes(rows))
    return set(caught.value.codes)


def test_may_overlap_names_valid_wholes_of_the_same_kind_both_ways() -> None:
    rows = [
        row("a", "10", may_overlap="b;ghost;a"),  # line 2
        row("b", "20"),  # line 3: does not list a back
        row("c", "5", amount_kind="guarantee", may_overlap="a"),  # line 4: another kind
        row("d", may_overlap="a"),  # line 5: no amount
        row("whole", "100"),  # line 6
        row("part", "10", parent_id="whole", may_overlap="b"),  # line 7: a part
        row("e", "1", may_overlap="f;f"),  # line 8: listed twice
        row("f", "1", may_overlap="e"),  # line 9
    ]
    assert codes(rows) == {
        (2, "may_overlap", "overlap_not_symmetric"),
        (2, "may_overlap", "unknown_overlap_id"),
        (2, "may_overlap", "overlaps_itself"),
        (4, "may_overlap", "overlap_kind_differs"),
        (5, "may_overlap", "overlap_without_amount"),
        (7, "may_overlap", "overlap_on_part"),
        (8, "may_overlap", "overlap_listed_twice"),
    }


def test_parts_disjoint_is_said_of_a_whole_whose_parts_fit() -> None:
    rows = [
        row("a", parts_disjoint="yes"),  # line 2: no amount
        row("b", "100", parts_disjoint="maybe"),  # line 3: not yes/no
        row("c", "100", parts_disjoint="yes"),  # line 4: 60 + 50 = 110 > 100
        row("c1", "60", parent_id="c"),
        row("c2", "50", parent_id="c"),
        row("d", "100", qualifier="at_least", parts_disjoint="yes"),  # "at least 100": 110 is fine
        row("d1", "60", parent_id="d"),
        row("d2", "50", parent_id="d"),
    ]
    assert codes(rows) == {
        (2, "parts_disjoint", "disjoint_without_amount"),
        (3, "parts_disjoint", "not_yes_no"),
        (4, "parts_disjoint", "disjoint_parts_exceed_whole"),
    }


def test_overlap_groups_are_small() -> None:
    n = MAX_OVERLAP_GROUP + 1
    chain = [
        row(f"r{i}", "1", may_overlap=";".join(f"r{j}" for j in (i - 1, i + 1) if 0 <= j < n))
        for i in range(n)
    ]
    assert codes(chain) == {(2, "may_overlap", "overlap_group_too_large")}


def test_frameworks_services_and_context_carry_no_amount() -> None:
    rows = [
        row("a", "10", record_type="framework"),
        row("b", "10", record_type="proposal"),
        row("c", record_type="service"),
        row("d", record_type="nonsense"),
    ]
    assert codes(rows) == {(2, "amount_eur", "amount_on_non_money_row"), (5, "record_type", "unknown_code")}


def test_files_from_before_version_1_1_still_load() -> None:
    old_columns = [
        c for c in row("x") if c not in ("record_type", "parts_disjoint", "may_overlap", "money_origin")
    ]
    dataset = parse_csv(csv_bytes([row("a", "10")], columns=old_columns))
    assert dataset.by_id["a"].record_type == "instrument"
    assert dataset.by_id["a"].may_overlap == ()
