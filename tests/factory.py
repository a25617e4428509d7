"""Build small CSV files row by row, so each test states only the cells it is about."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

from funding.intake.records import COLUMNS

BASE: dict[str, str] = {
    "name_en": "Example instrument",
    "name_nl": "Voorbeeldinstrument",
    "record_type": "instrument",
    "level": "EU",
    "source": "EU Innovation Fund",
    "parent_id": "",
    "instrument_type": "grant",
    "amount_kind": "public",
    "amount_eur": "",
    "amount_qualifier": "",
    "status": "",
    "eu_pillar": "",
    "eu_pillar_basis": "",
    "nl_pillar": "",
    "nl_pillar_basis": "",
    "beneficiary_types": "",
    "battery_specific": "yes",
    "period_start": "",
    "period_end": "",
    "source_document": "doc",
    "source_url": "",
    "source_locator": "L1",
    "source_quote": "a quote",
    "notes": "",
}


def row(id: str, amount: str = "", qualifier: str = "", **cells: str) -> dict[str, str]:
    """A valid row; an amount without a qualifier gets "exact" so tests stay short."""
    if amount and not qualifier:
        qualifier = "exact"
    return {"id": id, **BASE, "amount_eur": amount, "amount_qualifier": qualifier, **cells}


def csv_bytes(
    rows: Iterable[Mapping[str, str]],
    *,
    delimiter: str = ",",
    bom: bool = False,
    columns: Iterable[str] = COLUMNS,
) -> bytes:
    out = io.StringIO(newline="")
    columns = list(columns)
    writer = csv.DictWriter(
        out, fieldnames=columns, delimiter=delimiter, extrasaction="ignore", lineterminator="\r\n"
    )
    writer.writeheader()
    writer.writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8")


def pillar_range_rows() -> list[dict[str, str]]:
    """Two upstream figures that may share money (EUR 3,000 m and 300 m: a 3.0–3.3 bn range)
    and one financing figure of EUR 100 m, each with its pillar from the document."""
    m = 1_000_000
    pillar = {"eu_pillar_basis": "document"}
    return [
        row("a", str(3000 * m), may_overlap="b", eu_pillar="upstream", **pillar),
        row("b", str(300 * m), may_overlap="a", eu_pillar="upstream", **pillar),
        row("c", str(100 * m), eu_pillar="financing", **pillar),
    ]
