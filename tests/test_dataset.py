"""The shipped dataset: valid, complete for the instruments the project brief names, and every
quote found verbatim in its cited source document (the curator's check, `funding.changes.quotes`).

Expected figures come from the brief and the source documents, not from the CSV itself.
"""

from __future__ import annotations

import os
import re

import pytest

from funding.base.paths import DATA_DIR, DEFAULT_DATA
from funding.changes.quotes import DEFAULT_SOURCES, amounts_in, check_version
from funding.registry.dataset import Dataset
from funding.registry.disagreements import Disagreements, load_disagreements
from funding.registry.documents import load_documents
from funding.registry.loading import load_dataset
from funding.registry.versions import read_version
from funding.selecting.totals import totals_by_kind


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(DEFAULT_DATA, known_documents=load_documents())


@pytest.mark.parametrize(
    ("row_id", "amount", "qualifier", "kind", "parent"),
    [
        ("battery-booster-facility", 1_500_000_000, "exact", "public", "eu-innovation-fund"),
        ("if-ev-battery-cell-grants-2024", 1_000_000_000, "exact", "public", "eu-innovation-fund"),
        ("if-investeu-battery-guarantee-topup", 200_000_000, "exact", "guarantee", "eu-innovation-fund"),
        ("battery-crm-projects-support", 300_000_000, "up_to", "public", "eu-innovation-fund"),
        ("resourceeu-crm-funding", 3_000_000_000, "exact", "public", None),
        ("european-competitiveness-fund", None, None, "public", None),
        ("ipcei-batteries-state-aid", 6_100_000_000, "up_to", "state_aid_ceiling", None),
        ("ipcei-batteries-private-investment", 13_800_000_000, "at_least", "private_expected", None),
        ("ngf-micb", 296_000_000, "exact", "public", "nationaal-groeifonds"),
        ("ngf-micb-allocated-2025", 120_000_000, "at_least", "public", "ngf-micb"),
        ("ngf-micb-bcc-nl-grant", 7_600_000, "about", "public", "ngf-micb"),
        ("batt4eu-partnership", 925_000_000, "up_to", "public", "horizon-europe"),
        ("batt4eu-rni-projects-2025-2027", 382_000_000, "exact", "public", "batt4eu-partnership"),
    ],
)
def test_named_instruments(
    dataset: Dataset, row_id: str, amount: float | None, qualifier: str | None, kind: str, parent: str | None
) -> None:
    record = dataset.by_id[row_id]
    assert (record.amount_eur, record.amount_qualifier, record.amount_kind, record.parent_id) == (
        amount,
        qualifier,
        kind,
        parent,
    )


def test_battery_booster_facility_is_a_pillar_one_loan(dataset: Dataset) -> None:
    record = dataset.by_id["battery-booster-facility"]
    assert (record.instrument_type, record.eu_pillar, record.level) == ("loan", "financing", "EU")


def test_ipcei_levels_and_dutch_non_participation(dataset: Dataset) -> None:
    assert dataset.by_id["ipcei-batteries-state-aid"].level == "MS"
    assert dataset.by_id["ipcei-batteries-private-investment"].level == "private"
    assert "Netherlands" in (dataset.by_id["ipcei-batteries-state-aid"].notes or "")


def test_micb_disagreement_is_recorded(dataset: Dataset) -> None:
    notes = dataset.by_id["ngf-micb"].notes or ""
    assert "291" in notes and "296" in notes
    other = [d for d in disagreements(dataset).of("ngf-micb") if d.column == "amount_eur"]
    assert [(d.other_document, d.other_amount_eur) for d in other] == [("bnc-fiche-battery-booster", 291e6)]


def disagreements(dataset: Dataset) -> Disagreements:
    return load_disagreements(record_ids=dataset.by_id, known_documents=load_documents())


def test_every_disagreement_names_a_row_and_a_document(dataset: Dataset) -> None:
    assert len(disagreements(dataset).items) >= 15


def test_dutch_channels_without_amounts_are_listed(dataset: Dataset) -> None:
    unstated = [r for r in dataset.records if r.level == "NL" and r.amount_eur is None]
    assert len(unstated) >= 10
    assert "nl-responsible-mining-contributions" in {r.id for r in unstated}


def test_private_money_is_never_public(dataset: Dataset) -> None:
    totals = totals_by_kind(dataset, dataset.records)
    public_ids = {r.id for r in dataset.records if r.amount_kind == "public"}
    assert not any("ipcei" in i for i in public_ids)
    every_public = sum(r.amount_eur or 0.0 for r in dataset.records if r.amount_kind == "public")
    assert totals["public"].net.high < every_public  # the MICB and Batt4EU parts are inside their wholes


def test_no_personal_data(dataset: Dataset) -> None:
    text = DEFAULT_DATA.read_text(encoding="utf-8")
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), "an e-mail address"
    assert not re.search(r"\b06[- ]?\d{8}\b|\+31\s?\d", text), "a phone number"


def test_every_amount_is_written_in_its_quote(dataset: Dataset) -> None:
    """Needs no source text, so it runs everywhere; the full check below also needs the seeds."""
    wrong = [
        r.id
        for r in dataset.records
        if r.amount_eur is not None and round(r.amount_eur) not in amounts_in(r.source_quote or "")
    ]
    wrong += [
        d.id
        for d in disagreements(dataset).items
        if d.other_amount_eur is not None and round(d.other_amount_eur) not in amounts_in(d.other_quote)
    ]
    assert not wrong, f"amount not written in the quote: {wrong}"


def test_every_quote_is_verbatim_in_its_document() -> None:
    if not DEFAULT_SOURCES.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"source documents not found at {DEFAULT_SOURCES}")
        pytest.skip(f"source documents not found at {DEFAULT_SOURCES} (set FUNDING_SOURCES_DIR)")
    report = check_version(read_version(DATA_DIR), load_documents(), DEFAULT_SOURCES)
    assert report.checked == 62 + 20  # 62 rows of funding.csv, 20 disagreements
    assert not report.unreadable
    assert {name: [(p.line, p.column, p.code) for p in found] for name, found in report.problems.items()} == {
        str(DEFAULT_DATA): [],
        str(DATA_DIR / "disagreements.csv"): [],
    }


def test_every_row_has_provenance(dataset: Dataset) -> None:
    assert all(r.source_document and r.source_locator and r.source_quote for r in dataset.records)
