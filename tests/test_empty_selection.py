"""An empty selection says which filter empties it and what the other filters' entries lack."""

from __future__ import annotations

from factory import csv_bytes, row

from funding.i18n import t
from funding.i18n.languages import codes
from funding.registry.dataset import Dataset
from funding.registry.loading import parse_csv
from funding.selecting.empty_selection import Emptying, emptying_filters, why_empty
from funding.selecting.selection import ORIGIN_LABELS, Filters, describe

M = 1_000_000


def dataset() -> Dataset:
    """Two Dutch entries that state no origin, one EU loan of new money, one EU grant without."""
    nl = {"level": "NL", "source": "Nationaal Groeifonds"}
    return parse_csv(
        csv_bytes(
            [
                row("nl-a", str(296 * M), **nl),
                row("nl-b", str(10 * M), **nl),
                row("eu-new", str(1500 * M), instrument_type="loan", money_origin="new"),
                row("eu-grant", str(100 * M)),
            ]
        ),
        known_documents=["doc"],
    )


def test_new_money_among_dutch_entries_is_empty_because_none_states_an_origin() -> None:
    found = emptying_filters(Filters(level=("NL",), origin=("new",)), dataset())
    # Without the origin filter: nl-a and nl-b (2), neither states an origin.
    # Without the level filter: eu-new (1), an EU entry, so level empties it too, for another reason.
    assert found == (Emptying("level", 1, False), Emptying("origin", 2, True))


def test_the_sentences_name_the_lack_in_the_readers_language() -> None:
    filters = Filters(level=("NL",), origin=("new",))
    for lang in codes():
        unstated = ORIGIN_LABELS.label("not_stated", lang)
        assert why_empty(filters, dataset(), lang) == [
            t("empty_by_filter", lang, n=1, filter=describe(Filters(level=("NL",)), lang)),
            t("empty_origin_unstated", lang, n=2, label=unstated),
        ]


def test_an_origin_some_entries_state_is_a_plain_mismatch() -> None:
    # EU entries: eu-new states "new", eu-grant none; asking for re-prioritised money finds neither,
    # and one of the two states an origin, so this is not the "no origin stated" case.
    found = emptying_filters(Filters(level=("EU",), origin=("reprioritised",)), dataset())
    assert found == (Emptying("origin", 2, False),)


def test_a_filter_that_needs_another_to_empty_the_selection_is_not_named() -> None:
    # type=loan alone selects eu-new; level=NL alone selects nl-a, nl-b: each is emptying only
    # with the other, so both are named; battery_only is set but removing it leaves nothing.
    found = emptying_filters(Filters(level=("NL",), type=("loan",), battery_only=True), dataset())
    assert [e.field for e in found] == ["level", "type"]
    assert [e.others for e in found] == [1, 2]


def test_a_selection_that_is_not_empty_has_no_reason() -> None:
    assert emptying_filters(Filters(level=("NL",)), dataset()) == ()
    assert why_empty(Filters(), dataset(), "en") == []
