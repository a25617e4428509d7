"""The page's headline for four links, against a computation from the CSV that shares no code
with `funding.totals` (the csv module, the codebook's rules written out plainly).

The independent computation covers what the curated data holds: parts at most one level below
a whole that a filter left out, and pairs of whole figures that may share money."""

from __future__ import annotations

import itertools

import pytest
from apptest_support import app, metric
from claims_support import holds, read, read_all
from fixtures import shipped_rows

from funding.vocab import Lang

pytestmark = pytest.mark.apptest


def whole_of(rows: dict[str, dict[str, str]], row: dict[str, str]) -> dict[str, str] | None:
    parent = row["parent_id"]
    while parent:
        candidate = rows[parent]
        if candidate["amount_kind"] == row["amount_kind"] and candidate["amount_eur"]:
            return candidate
        parent = candidate["parent_id"]
    return None


def expected(selected: list[dict[str, str]], battery: bool | None) -> tuple[str, float, float] | None:
    everything = {r["id"]: r for r in shipped_rows()}
    figures = [
        r
        for r in selected
        if r["amount_kind"] == "public"
        and r["amount_eur"]
        and (battery is None or (r["battery_specific"] == "yes") == battery)
    ]
    ids = {r["id"] for r in figures}

    def covered(row: dict[str, str]) -> bool:
        whole = whole_of(everything, row)
        while whole is not None:
            if whole["id"] in ids:
                return True
            whole = whole_of(everything, whole)
        return False

    counted = [r for r in figures if not covered(r)]
    if not counted:
        return None
    groups: dict[str, list[dict[str, str]]] = {}
    for row in counted:
        whole = whole_of(everything, row)
        groups.setdefault(whole["id"] if whole else row["id"], []).append(row)
    qualifiers = {r["amount_qualifier"] for r in counted}
    ends: dict[str, tuple[float, float]] = {}
    for top, members in groups.items():
        amounts = [float(r["amount_eur"]) for r in members]
        if members[0]["id"] == top:
            ends[top] = (amounts[0], amounts[0])
            continue
        whole = everything[top]
        assert all(whole_of(everything, m) is whole for m in members)  # one level deep, as the data is
        cap = float(whole["amount_eur"])
        high = min(sum(amounts), cap)
        low = sum(amounts) if whole["parts_disjoint"] == "yes" else max(amounts)
        if sum(amounts) > cap:
            qualifiers.add(whole["amount_qualifier"])
        ends[top] = (min(low, high), high)
    links = {frozenset((a, b)) for a in ends for b in everything[a]["may_overlap"].split(";") if b in ends}
    # The least money: the heaviest set of figures of which no two may share money.
    low = max(
        sum(ends[i][0] for i in chosen)
        for size in range(len(ends) + 1)
        for chosen in itertools.combinations(ends, size)
        if not any(frozenset(pair) in links for pair in itertools.combinations(chosen, 2))
    )
    loose = qualifiers - {"exact"}
    qualifier = "exact" if not loose else (loose.pop() if len(loose) == 1 else "about")
    return qualifier, low, sum(high for _, high in ends.values())


@pytest.mark.parametrize(
    ("query", "keep"),
    [
        ({}, lambda r: True),
        ({"status": "allocated"}, lambda r: r["status"] == "allocated"),
        ({"level": "MS"}, lambda r: r["level"] == "MS"),
        ({"level": "NL", "lang": "nl"}, lambda r: r["level"] == "NL"),
    ],
)
def test_headline_matches_the_csv(query: dict[str, str], keep: object) -> None:
    lang: Lang = "nl" if query.get("lang") == "nl" else "en"
    at = app(**query)
    selected = [r for r in shipped_rows() if keep(r)]  # type: ignore[operator]
    for key, battery in (("battery_public", True), ("wider_public", False), ("net_public", None)):
        shown = read(metric(at, key, lang), lang)
        want = expected(selected, battery)
        if want is None:
            assert shown is None, (key, metric(at, key, lang))
            continue
        text = metric(at, key, lang)
        if shown is None:  # parts of one whole the filter left out: listed as parts, never summed
            parts = [high for _, _, high in read_all(text, lang)][:-1]  # the last is the whole's
            assert len(parts) >= 2 and sum(parts) == pytest.approx(want[2], abs=5e5), (key, text)
            continue
        assert holds(shown, want), (key, shown, want)
