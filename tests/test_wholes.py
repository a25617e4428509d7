"""`Dataset.whole_of`, found level by level as arrays, against `nearest_whole`'s walk per record,
on random hierarchies that include what the loader refuses (cycles, a row its own parent)."""

from __future__ import annotations

from factory import csv_bytes, row
from fixtures import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import forests

from funding.registry.dataset import Dataset, nearest_whole
from funding.registry.loading import parse_csv


def _walked(ds: Dataset) -> dict[str, str]:
    found = {}
    for record in ds.records:
        whole = nearest_whole(record, ds.by_id) if record.amount_eur is not None else None
        if whole is not None:
            found[record.id] = whole.id
    return found


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(forests(), st.data())
def test_wholes_found_as_arrays_are_the_wholes_a_walk_finds(
    rows: list[dict[str, str]], data: st.DataObject
) -> None:
    loaded = parse_csv(csv_bytes(rows))
    ids = [r.id for r in loaded.records]
    rewired = [  # some parents pointed anywhere, cycles and self-parents included
        r.model_copy(update={"parent_id": data.draw(st.sampled_from([None, *ids]))})
        if data.draw(st.booleans())
        else r
        for r in loaded.records
    ]
    for ds in (loaded, Dataset(tuple(rewired))):
        assert list(ds.whole_of.items()) == list(_walked(ds).items())


def test_chains_deeper_than_the_array_levels_are_walked() -> None:
    """x (EUR 5) under n1 under n2 ... under n70, none with an amount, under w (EUR 100): x's
    whole is w, 71 levels up, past the 64 climbed as arrays. With n70's parent set to n1
    instead, the chain is a cycle of rows without amounts: x has no whole."""
    chain = [row("w", "100"), row("n70", parent_id="w")]
    chain += [row(f"n{i}", parent_id=f"n{i + 1}") for i in range(69, 0, -1)]
    loaded = parse_csv(csv_bytes([*chain, row("x", "5", parent_id="n1")]))
    assert loaded.whole_of == {"x": "w"}
    cycled = tuple(r.model_copy(update={"parent_id": "n1"}) if r.id == "n70" else r for r in loaded.records)
    assert Dataset(cycled).whole_of == {}
