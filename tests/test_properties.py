"""Invariants over random input: our own error or a result, never a crash; net never above gross."""

from __future__ import annotations

from typing import Annotated

from factory import csv_bytes, row
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import Field, TypeAdapter, ValidationError

from funding.loading import InvalidData, UnreadableFile, parse_csv
from funding.records import COLUMNS, SAFE_TEXT, unsafe_text_reason
from funding.totals import totals_by_kind
from funding.vocab import AMOUNT_KIND, QUALIFIER


def dataset_or_own_error(data: bytes) -> None:
    """Any other exception escapes and fails the test; our errors must say something."""
    try:
        dataset = parse_csv(data)
    except InvalidData as exc:
        assert exc.problems and all(p.line >= 1 for p in exc.problems)
    except UnreadableFile as exc:
        assert exc.reason
    else:
        assert len(dataset.records) == len(dataset.by_id)


cells = st.text(st.characters(blacklist_categories=["Cs"]), max_size=12)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_dataset_or_our_error(data: bytes) -> None:
    dataset_or_own_error(data)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.dictionaries(st.sampled_from(COLUMNS), cells, min_size=1), max_size=6))
def test_any_cells_give_a_dataset_or_our_error(rows: list[dict[str, str]]) -> None:
    dataset_or_own_error(csv_bytes([{"id": "x", **r} for r in rows]))


@st.composite
def forests(draw: st.DrawFn) -> list[dict[str, str]]:
    """Random valid datasets: each row may hang under an earlier one, amounts may be absent."""
    n = draw(st.integers(1, 25))
    rows: list[dict[str, str]] = []
    parents: list[int | None] = []
    for i in range(n):
        parent = draw(st.one_of(st.none(), st.integers(0, i - 1))) if i else None
        kind = draw(st.sampled_from(AMOUNT_KIND.codes))
        amount = draw(st.one_of(st.none(), st.integers(0, 10**11)))
        whole = parent
        while whole is not None and not (rows[whole]["amount_kind"] == kind and rows[whole]["amount_eur"]):
            whole = parents[whole]
        if whole is not None and amount is not None:
            amount = min(amount, int(rows[whole]["amount_eur"]))  # a part never exceeds its whole
        parents.append(parent)
        rows.append(
            row(
                f"r{i}",
                "" if amount is None else str(amount),
                qualifier=draw(st.sampled_from(QUALIFIER.codes)) if amount is not None else "",
                parent_id="" if parent is None else f"r{parent}",
                amount_kind=kind,
            )
        )
    return rows


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(forests(), st.data())
def test_net_never_exceeds_gross_for_any_selection(rows: list[dict[str, str]], data: st.DataObject) -> None:
    ds = parse_csv(csv_bytes(rows))
    selection = data.draw(st.lists(st.sampled_from(ds.records), unique_by=lambda r: r.id))
    for total in totals_by_kind(ds, selection).values():
        assert 0 <= total.net <= total.gross
        assert total.counted <= total.with_amount
        # The net total is never below the largest single amount of its kind in the selection.
        amounts = [
            r.amount_eur for r in selection if r.amount_kind == total.kind and r.amount_eur is not None
        ]
        assert total.net >= max(amounts, default=0)


_text = TypeAdapter(Annotated[str, Field(pattern=SAFE_TEXT)])
_tricky = st.text(st.sampled_from(list("ab <>!/?=+-@\t\r\x00\x07\x7f1 é")), max_size=12)


@settings(max_examples=500)
@given(st.one_of(_tricky, st.text(max_size=20)))
@example("a<<b")
@example("<<script")
@example("< 5 m")
@example("x <")
@example("<")
@example("3<4")
@example("-5")
@example("")
def test_the_rust_text_pattern_agrees_with_the_readable_rule(value: str) -> None:
    """pydantic-core checks SAFE_TEXT in Rust; the loader explains failures with Python's rule."""
    try:
        _text.validate_python(value)
        refused = False
    except ValidationError:
        refused = True
    assert refused == (unsafe_text_reason(value) is not None)
