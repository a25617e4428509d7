"""Hypothesis strategies shared by the property tests: random valid datasets (`forests`) and
random filters over the shipped data (`filters`, with `SHIPPED`, the dataset they choose from).

A support module, so that test modules share them without importing one another."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from factory import row
from hypothesis import strategies as st

from funding.i18n.vocab import AMOUNT_KIND, QUALIFIER
from funding.registry.loading import load_dataset
from funding.selecting.selection import Filters, choices


@st.composite
def forests(draw: st.DrawFn) -> list[dict[str, str]]:
    """Random valid datasets: parts under earlier rows, wholes that say (or not) that their parts
    are separate money, and whole figures that may share money with each other."""
    n = draw(st.integers(1, 25))
    rows: list[dict[str, str]] = []
    wholes: list[int | None] = []
    for i in range(n):
        parent = draw(st.one_of(st.none(), st.integers(0, i - 1))) if i else None
        kind = draw(st.sampled_from(AMOUNT_KIND.codes[:3]))
        amount = draw(st.one_of(st.none(), st.integers(0, 10**6)))
        whole = _whole_above(rows, f"r{parent}" if parent is not None else "", kind)
        if whole is not None and amount is not None:
            amount = min(amount, int(rows[whole]["amount_eur"]))  # a part never exceeds its whole
        wholes.append(whole if amount is not None else None)
        rows.append(
            row(
                f"r{i}",
                "" if amount is None else str(amount),
                qualifier=draw(st.sampled_from(QUALIFIER.codes)) if amount is not None else "",
                parent_id="" if parent is None else f"r{parent}",
                amount_kind=kind,
                battery_specific=draw(st.sampled_from(("yes", "no"))),
            )
        )
    for i, cells in enumerate(rows):
        if cells["amount_eur"]:
            parts = [int(r["amount_eur"]) for j, r in enumerate(rows) if wholes[j] == i]
            fits = sum(parts) <= int(cells["amount_eur"]) or cells["amount_qualifier"] not in (
                "exact",
                "up_to",
            )
            cells["parts_disjoint"] = draw(st.sampled_from(("", "no", "yes") if fits else ("", "no")))
    roots = [i for i, r in enumerate(rows) if r["amount_eur"] and wholes[i] is None]
    for _ in range(draw(st.integers(0, 4))):
        if len(roots) < 2:
            break
        a, b = draw(st.lists(st.sampled_from(roots), min_size=2, max_size=2, unique=True))
        if rows[a]["amount_kind"] == rows[b]["amount_kind"] and f"r{b}" not in rows[a].get("may_overlap", ""):
            for x, y in ((a, b), (b, a)):
                rows[x]["may_overlap"] = ";".join(filter(None, [rows[x].get("may_overlap", ""), f"r{y}"]))
    return rows


def _whole_above(rows: list[dict[str, str]], parent: str, kind: str) -> int | None:
    """The nearest row at or above `parent` with an amount of this kind."""
    while parent:
        i = int(parent[1:])
        if rows[i]["amount_kind"] == kind and rows[i]["amount_eur"]:
            return i
        parent = rows[i]["parent_id"]
    return None


SHIPPED = load_dataset(known_documents=None)
VALID = choices(SHIPPED)


@st.composite
def filters(draw: st.DrawFn) -> Filters:
    picked: dict[str, Any] = {
        name: tuple(draw(st.lists(st.sampled_from(values), max_size=3, unique=True)))
        for name, values in VALID.items()
        if values
    }
    year_from = draw(st.one_of(st.none(), st.integers(2018, 2030)))
    year_to = draw(st.one_of(st.none(), st.integers(year_from or 2018, 2032)))
    q = draw(st.sampled_from(("", "micb", "innovation", "ipcei", "grant", "batt")))
    # Instruments compared: a few ids, or none (no comparison) as often as not.
    ids = [r.id for r in SHIPPED.records]
    compare = draw(st.one_of(st.just(()), st.lists(st.sampled_from(ids), max_size=4, unique=True).map(tuple)))
    return replace(
        Filters(),
        **picked,
        compare=compare,
        year_from=year_from,
        year_to=year_to,
        undated=draw(st.booleans()),
        battery_only=draw(st.booleans()),
        q=q,
    )
