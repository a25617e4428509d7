"""The first screen's sentence and splits, for the hand-made fixture (tests/fixtures.py).

Battery-specific public money: 1,500 + 1,000 + 925 (up to) + 296 = 3,721, "up to", said rounded
up at three digits: up to EUR 3.73 bn. EU: 1,500 + 1,000 + 925 = 3,425 -> up to EUR 3.43 bn
(3.425 rounded up); Netherlands: the programme, 296 (its parts inside it). Wider: crm, 3,000.
Instruments: all 14 rows; 2 state no amount (fund, unknown)."""

from __future__ import annotations

from fixtures import arrays_always, fixture

from funding.registry.dataset_info import DatasetInfo
from funding.selecting.filter_index import select
from funding.selecting.lead import lead
from funding.selecting.selected import Selected
from funding.selecting.selection import Filters

INFO = DatasetInfo(title="T", title_nl="T", version="9.9.9", date="2026-01-02", citation="c", licence="l")


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u2060", "")


def test_the_lead_says_the_figure_its_documents_and_as_of_when() -> None:
    ds = fixture()
    said = lead(ds, ds.records, Filters(), INFO, "en")
    assert plain(said.sentence) == (
        "Up to EUR 3.73 bn of public money for batteries only, named in 1 document; dataset 9.9.9 of 2 Jan 2026"
    )
    assert [(label, plain(value)) for label, value in said.splits] == [
        ("EU, for batteries", "up to EUR 3.43 bn"),
        ("Netherlands, for batteries", "EUR 296 m"),
        ("Wider envelopes, not only for batteries", "EUR 3 bn"),
        ("Amount not stated", "2 of 14 instruments"),
    ]


def test_the_lead_is_dutch_in_dutch() -> None:
    ds = fixture()
    said = lead(ds, ds.records, Filters(), INFO, "nl")
    assert plain(said.sentence).startswith("Tot € 3,73 mld publiek geld alleen voor batterijen")
    assert plain(said.sentence).endswith("dataset 9.9.9 van 2 jan 2026")


def test_no_battery_money_says_so() -> None:
    ds = fixture()
    said = lead(ds, [ds.by_id["crm"]], Filters(), INFO, "en")
    assert said.sentence.startswith("No public money for batteries only is stated in this selection")


def test_a_selection_of_positions_says_the_same_as_its_rows() -> None:
    """The array path (a filter's Selected, as the page has, taken as arrays although the fixture
    is small) and the row path agree."""
    ds = fixture()
    selected = select(Filters(), ds)
    assert isinstance(selected, Selected)
    with arrays_always():
        found = lead(ds, selected, Filters(), INFO, "en")
    assert found == lead(ds, list(selected), Filters(), INFO, "en")
