"""Test data shared by every tier: the hand-made fixture and the shipped dataset read with csv.

The fixture (amounts in EUR million):


    fund              EU, no amount (a parent that covers nothing)
      loan      1500  Innovation Fund, loan, pillar I (financing), cell manufacturers
      grant     1000  Innovation Fund, grant, pillar I, cell manufacturers + suppliers
      topup      200  guarantee (another kind: never in public funding)
    batt      up to 925  Horizon Europe, R&I programme, pillar V, research + companies, 2021–2027
      batt-part   382  part of batt (included in it), 2025-03 – 2027
    prog        296   NL, NGF, grant, no EU pillar, companies
      prog-a  at least 120   part of prog
      prog-b  about 7.6      part of prog
    crm        3000   EU funds, "other", pillar II (upstream), not battery-specific, no beneficiaries
    ceiling   up to 6100    State-aid ceiling (MS)
    target-a  about 55000   target;  target-b  about 6000  target (targets are never summed)
    unknown           NL, NGF, no amount, from 2026 with no end

Net public = 1500 + 1000 + 925 + 296 + 3000 = 6721 (up to: one "up to" among exact terms).
Gross public = 6721 + 382 + 120 + 7.6 = 7230.6 (about: up to, at least and about mixed).
Battery-specific net = 1500 + 1000 + 925 + 296 = 3721 (up to); wider envelopes = crm 3000.

The shipped dataset's expected figures are recomputed here from its rows with the csv module,
independently of `funding`.
"""

from __future__ import annotations

import csv
import os
import tracemalloc
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any
from unittest import mock

from factory import csv_bytes, row

from funding.registry.dataset import Dataset
from funding.registry.loading import parse_csv
from funding.selecting import net_arrays

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "funding.csv"
DOCUMENTS = ROOT / "data" / "documents.csv"
M = 1_000_000
# data/README.md §2, the rows whose "Required" cell is "yes" (12 of the 29 columns), written out
# here, not read from funding.intake.records, so that the tests hold the code to the codebook.
CODEBOOK_REQUIRED = frozenset(
    {
        "id",
        "name_en",
        "name_nl",
        "record_type",
        "level",
        "source",
        "instrument_type",
        "amount_kind",
        "battery_specific",
        "source_document",
        "source_locator",
        "source_quote",
    }
)


def fixture_rows(document: str = "doc") -> list[dict[str, str]]:
    """The rows above; `document` is the source_document every row cites."""
    eu1 = {"eu_pillar": "financing", "eu_pillar_basis": "document"}
    rows = [
        row("fund", name_en="Innovation Fund", source="Innovation Fund", instrument_type="fund"),
        row(
            "loan",
            str(1500 * M),
            parent_id="fund",
            name_en="Booster loans",
            name_nl="Booster-leningen",
            source="Innovation Fund",
            instrument_type="loan",
            beneficiary_types="cell_manufacturers",
            **eu1,
        ),
        row(
            "grant",
            str(1000 * M),
            parent_id="fund",
            name_en="Cell grants",
            source="Innovation Fund",
            beneficiary_types="cell_manufacturers;suppliers",
            **eu1,
        ),
        row(
            "topup",
            str(200 * M),
            parent_id="fund",
            source="Innovation Fund",
            instrument_type="guarantee",
            amount_kind="guarantee",
        ),
        row(
            "batt",
            str(925 * M),
            "up_to",
            name_en="Batt4EU",
            source="Horizon Europe",
            instrument_type="rd_programme",
            eu_pillar="research_skills",
            eu_pillar_basis="document",
            beneficiary_types="research;companies",
            period_start="2021",
            period_end="2027",
        ),
        row(
            "batt-part",
            str(382 * M),
            parent_id="batt",
            name_en="Batt4EU projects",
            source="Horizon Europe",
            instrument_type="rd_programme",
            period_start="2025-03",
            period_end="2027",
        ),
        row(
            "prog",
            str(296 * M),
            name_en="MICB",
            level="NL",
            source="NGF",
            nl_pillar="economic_prospects",
            nl_pillar_basis="document",
            beneficiary_types="companies",
        ),
        row("prog-a", str(120 * M), "at_least", parent_id="prog", level="NL", source="NGF"),
        row("prog-b", str(7.6 * M), "about", parent_id="prog", level="NL", source="NGF"),
        row(
            "crm",
            str(3000 * M),
            name_en="Raw materials funds",
            source="EU funds",
            instrument_type="other",
            eu_pillar="upstream",
            eu_pillar_basis="document",
            battery_specific="no",
        ),
        row(
            "ceiling",
            str(6100 * M),
            "up_to",
            level="MS",
            source="IPCEI",
            instrument_type="state_aid",
            amount_kind="state_aid_ceiling",
        ),
        row("target-a", str(55000 * M), "about", source="InvestEU", amount_kind="target"),
        row("target-b", str(6000 * M), "about", source="InvestEU", amount_kind="target"),
        row("unknown", name_en="Unknown size", level="NL", source="NGF", period_start="2026"),
    ]
    return [{**r, "source_document": document} for r in rows]


def fixture() -> Dataset:
    """The fixture, parsed."""
    return parse_csv(csv_bytes(fixture_rows()))


def document_id() -> str:
    """The first registered document, so an uploaded fixture passes the registry check."""
    with DOCUMENTS.open(encoding="utf-8-sig", newline="") as f:
        return next(csv.DictReader(f))["id"]


def fixture_csv() -> bytes:
    return csv_bytes(fixture_rows(document_id()))


def shipped_rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def net_public(rows: list[dict[str, str]], selected: set[str]) -> float:
    """Net public funding of the selected ids: a row counts unless a selected ancestor has a public amount."""
    by_id = {r["id"]: r for r in rows}
    total = 0.0
    for rid in selected:
        r = by_id[rid]
        if r["amount_kind"] != "public" or not r["amount_eur"]:
            continue
        parent, covered = r["parent_id"], False
        while parent:
            p = by_id[parent]
            if parent in selected and p["amount_kind"] == "public" and p["amount_eur"]:
                covered = True
            parent = p["parent_id"]
        if not covered:
            total += float(r["amount_eur"])
    return total


def instruments(rows: list[dict[str, str]]) -> int:
    """Rows that are funding instruments (a file without record_type holds instruments only)."""
    return sum(1 for r in rows if r.get("record_type") in (None, "", "instrument"))


def examples(full: int) -> int:
    """Hypothesis examples per property: all of them in the full suite (what CI runs), a fortieth
    (at least 5) in the inner loop (`scripts/test --fast` sets FUNDING_TEST_FAST), which keeps
    that loop under 20 s; each run draws new ones, and CI's full run searches the properties hard."""
    return max(full // 40, 5) if os.environ.get("FUNDING_TEST_FAST") else full


def with_references(ids: list[str]) -> list[str]:
    """The shipped rows with these ids and every row they refer to (parent, its parent, overlap
    partners), in file order: what the dataset-format CSV of a selection holds."""
    rows = {r["id"]: r for r in shipped_rows()}
    wanted, todo = set(ids), list(ids)
    while todo:
        r = rows[todo.pop()]
        for other in [r["parent_id"], *r["may_overlap"].split(";")]:
            if other and other not in wanted:
                wanted.add(other)
                todo.append(other)
    return [i for i in rows if i in wanted]


def peak_mib(action: Callable[[], Any]) -> float:
    """Peak traced memory (MiB) while `action` runs (its exception, if any, is left to the caller)."""
    tracemalloc.start()
    try:
        action()
    except Exception:  # the caller asserts on the error separately
        pass
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak / (1024 * 1024)


def arrays_always() -> AbstractContextManager[object]:
    """Selections totalled as arrays whatever their size (`net_arrays.use_arrays`): test datasets
    are small, and one under `ARRAY_ROWS` rows would otherwise be read record by record."""
    return mock.patch.object(net_arrays, "ARRAY_ROWS", 0)
