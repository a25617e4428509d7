"""The curated dataset's headline totals, worked out by hand from data/funding.csv (EUR million).

Public rows with an amount and where they sit:
    battery-booster-facility 1500 (battery)        if-ev-battery-cell-grants-2024 1000 (battery)
    battery-crm-projects-support up to 300 (battery; may share money with RESourceEU)
    resourceeu-crm-funding 3000 (wider; may share money with the CRM support, the Net-zero call
      and Batt4EU)
    net-zero-technologies-call 1000 (wider)        batt4eu-partnership up to 925 (battery)
      batt4eu-rni-projects-2025-2027 382 (part of 925)
    ngf-micb 296 (battery; its parts may overlap each other)
      ngf-micb-allocated-2025 at least 120         ngf-micb-bcc-nl-grant about 7.6
"""

from __future__ import annotations

import pytest

from funding.registry.dataset import Dataset
from funding.registry.documents import load_documents
from funding.registry.loading import load_dataset
from funding.selecting.selection import Filters, apply
from funding.selecting.totals import origin_split, totals_by_kind

M = 1_000_000


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(known_documents=load_documents())


def public(dataset: Dataset, filters: Filters) -> tuple[float, float, str, float, float, float, float]:
    total = totals_by_kind(dataset, apply(filters, dataset.records))["public"]
    return (
        total.battery.low,
        total.battery.high,
        total.battery.qualifier,
        total.wider.low,
        total.wider.high,
        total.net.low,
        total.net.high,
    )


def test_the_whole_dataset(dataset: Dataset) -> None:
    """Battery: 1500 + 1000 + 300 + 925 + 296 = 4021 ("up to": the 300 and the 925); no overlap
    is possible among these (each of the 300 and the 925 may share money only with RESourceEU,
    which is not battery-specific). Wider: RESourceEU 3000 and the Net-zero call 1000 may share
    money: 3000 (complete overlap) to 4000. All counted once: the battery rows outside the group
    (1500 + 1000 + 296 = 2796) plus the group RESourceEU / CRM support / Net-zero call / Batt4EU,
    whose least union is 3000 (the others inside the 3000; they are separate money among
    themselves: 300 + 1000 + 925 = 2225 < 3000) and most 3000 + 2225 = 5225:
    2796 + 3000 = 5796 to 2796 + 5225 = 8021."""
    assert public(dataset, Filters()) == (4021 * M, 4021 * M, "up_to", 3000 * M, 4000 * M, 5796 * M, 8021 * M)


def test_a_status_filter_that_drops_the_whole(dataset: Dataset) -> None:
    """status=allocated drops MICB (no status) and keeps its parts "at least 120" and "about 7.6",
    which may overlap: 120 (the grant inside the 120) to 127.6; qualifier about (mixed)."""
    assert public(dataset, Filters(status=("allocated",))) == (
        120 * M,
        127.6 * M,
        "about",
        0,
        0,
        120 * M,
        127.6 * M,
    )


def test_two_rows_that_may_share_money(dataset: Dataset) -> None:
    """RESourceEU 3000 and the CRM support up to 300, alone: 3000 to 3300; battery part 300."""
    selection = [dataset.by_id["resourceeu-crm-funding"], dataset.by_id["battery-crm-projects-support"]]
    total = totals_by_kind(dataset, selection)["public"]
    assert (total.net.low, total.net.high, total.net.qualifier) == (3000 * M, 3300 * M, "up_to")
    assert total.net.uncertain == ("battery-crm-projects-support", "resourceeu-crm-funding")
    assert (total.battery.low, total.battery.high) == (300 * M, 300 * M)


def test_member_states_only(dataset: Dataset) -> None:
    """level=MS: no public money; the IPCEI State-aid ceiling "up to 6100" counts once (its two
    parts 3100 and 2900 are inside it); CISAF and CEEAG are frameworks without amounts."""
    totals = totals_by_kind(dataset, apply(Filters(level=("MS",)), dataset.records))
    assert totals["public"].net.empty
    aid = totals["state_aid_ceiling"].net
    assert (aid.low, aid.high, aid.qualifier) == (6100 * M, 6100 * M, "up_to")


def test_guarantees_that_may_overlap(dataset: Dataset) -> None:
    """The Innovation Fund's 200 top-up of InvestEU guarantees may be inside the 2900 increase."""
    net = totals_by_kind(dataset, dataset.records)["guarantee"].net
    assert (net.low, net.high) == (2900 * M, 3100 * M)


def test_rows_that_are_not_instruments(dataset: Dataset) -> None:
    kinds = {r.id: r.record_type for r in dataset.records}
    assert {kinds[i] for i in ("dei-plus-scheme", "mooi-scheme", "dkti-scheme")} == {"context"}
    assert (
        kinds["cisaf-state-aid-framework"]
        == kinds["mmip-mission-driven-innovation-programmes"]
        == "framework"
    )
    assert kinds["rvo-eu-programme-participation-support"] == "service"
    assert kinds["european-competitiveness-fund"] == "proposal"
    assert all(
        r.amount_eur is None for r in dataset.records if r.record_type in ("framework", "service", "context")
    )


def test_money_origin_only_where_a_document_says_so(dataset: Dataset) -> None:
    stated = {r.id: r.money_origin for r in dataset.records if r.money_origin}
    assert stated["if-ev-battery-cell-grants-2024"] == "earlier_commitment"  # "put forward in December 2024"
    # "binnen de bestaande kaders" (BNC-fiche 000 L835-837), said of the EUR 1.5 bn itself
    assert stated["battery-booster-facility"] == "within_existing"
    # the fiche's "herprioritering" is said of the whole communication (L830-834), not of a row
    assert "reprioritised" not in stated.values()
    # parts carry their whole's origin: the IPCEI approvals "in 2019 and 2021" (000 L1007)
    assert (
        stated["ipcei-batteries-1-state-aid"] == stated["ipcei-batteries-2-state-aid"] == "earlier_commitment"
    )
    assert all("Money origin" in (dataset.by_id[i].notes or "") for i in stated)


def test_the_lead_figure_by_origin(dataset: Dataset) -> None:
    """Battery-specific public rows by origin: within existing budgets the BBF 1500 (BNC-fiche
    L835-837); earlier commitment the December-2024 grants 1000; not stated the CRM support up to
    300, Batt4EU up to 925 and MICB 296: 300 + 925 + 296 = up to 1521."""
    battery = [r for r in dataset.records if r.battery_specific]
    split = origin_split(dataset, battery, "public")
    assert {origin: (b.low, b.high, b.qualifier) for origin, b in split.items()} == {
        "within_existing": (1500 * M, 1500 * M, "exact"),
        "earlier_commitment": (1000 * M, 1000 * M, "exact"),
        "not_stated": (1521 * M, 1521 * M, "up_to"),
    }
