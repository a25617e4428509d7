"""The compare picker's options: grouped by kind of figure (public budgets first), each whole
followed by its parts, labels that say what the money is (kind, level), never a target first."""

from __future__ import annotations

from fixtures import fixture

from funding.charts.comparison import PART_MARK, compare_choices
from funding.i18n.vocab import AMOUNT_KIND, LEVEL


def test_options_are_grouped_by_kind_with_wholes_before_their_parts() -> None:
    ds = fixture()
    options = compare_choices(ds, ds.records, "en", 500)
    # By hand from the fixture (EUR m). Public budgets, wholes by size, each with its parts:
    # crm 3000, loan 1500, grant 1000 (their parent "fund" has no amount), batt 925 > batt-part 382,
    # prog 296 > prog-a 120, prog-b 7.6. Then guarantees: topup 200; ceilings: ceiling 6100; no
    # expected private investment; targets last: target-a 55000, target-b 6000.
    assert list(options) == [
        "crm",
        "loan",
        "grant",
        "batt",
        "batt-part",
        "prog",
        "prog-a",
        "prog-b",
        "topup",
        "ceiling",
        "target-a",
        "target-b",
    ]
    assert list(compare_choices(ds, ds.records, "en", 3)) == ["crm", "loan", "grant"]


def test_a_label_names_the_entry_then_its_kind_and_level_and_marks_a_part() -> None:
    ds = fixture()
    options = compare_choices(ds, ds.records, "nl", 500)
    public, ceiling = AMOUNT_KIND.label("public", "nl"), AMOUNT_KIND.label("state_aid_ceiling", "nl")
    assert options["ceiling"].endswith(f" · {ceiling}, {LEVEL.label('MS', 'nl')}")
    assert options["prog"].endswith(f" · {public}, {LEVEL.label('NL', 'nl')}")
    assert options["prog-a"].startswith(PART_MARK) and not options["prog"].startswith(PART_MARK)
