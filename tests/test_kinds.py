"""One default-kind rule (funding.selecting.kinds) for the page, the deck, the CLI and PNGs."""

from __future__ import annotations

from factory import csv_bytes, row

from funding.exports.story import story
from funding.registry.loading import parse_csv
from funding.selecting.kinds import default_kind, offered_kinds
from funding.selecting.selection import Filters, apply

M = 1_000_000
ROWS = [
    row("eu-loan", str(1500 * M), level="EU", instrument_type="loan"),
    row("ms-ceiling", str(6100 * M), "up_to", level="MS", amount_kind="state_aid_ceiling"),
    row("ms-guarantee", "", level="MS", amount_kind="guarantee"),  # no amount: never the default
    row("target", str(100_000 * M), "at_least", level="private", amount_kind="target"),
]
DATASET = parse_csv(csv_bytes(ROWS))


def selected(**filters: tuple[str, ...]) -> list:  # type: ignore[type-arg]
    return apply(Filters(**filters), DATASET.records)  # type: ignore[arg-type]


def test_public_funding_leads_when_the_selection_states_any() -> None:
    assert default_kind(DATASET.records) == "public"


def test_member_state_rows_show_their_state_aid_ceilings() -> None:
    """`/?level=MS`: the MS rows state a ceiling and a guarantee without amount, so the ceiling."""
    assert default_kind(selected(level=("MS",))) == "state_aid_ceiling"


def test_the_kind_filter_limits_what_is_offered_in_vocabulary_order() -> None:
    assert offered_kinds(("target", "guarantee")) == ("guarantee", "target")
    # guarantee is offered first but has no amount here, so the target is shown.
    assert default_kind(selected(kind=("target", "guarantee")), ("target", "guarantee")) == "target"
    assert default_kind([], ("guarantee",)) == "guarantee"  # nothing stated: the first offered kind
    assert default_kind([]) == "public"


def test_the_deck_follows_the_same_rule() -> None:
    """MS only: one ceiling, so no chart at all (one bar is a sentence), and the sentences are of
    ceilings: the comparison and its four breakdowns, by the same rule, all of the ceiling."""
    plan = story(DATASET, selected(level=("MS",)), Filters(level=("MS",)), "en")
    assert plan.kind == "state_aid_ceiling" and plan.charts == ()
    assert len(plan.sentences) == 5
    assert all("State-aid ceiling" in sentence for sentence in plan.sentences)
    # Targets only: one target, said in a sentence; targets are never added up into breakdowns.
    only_targets = selected(kind=("target",))
    plan = story(DATASET, only_targets, Filters(kind=("target",)), "en")
    assert plan.kind == "target" and len(plan.sentences) == 1
