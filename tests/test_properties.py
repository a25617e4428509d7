"""Invariants over random input: our own error or a result, never a crash; text rules agree."""

from __future__ import annotations

from typing import Annotated

from factory import csv_bytes
from fixtures import examples
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import Field, TypeAdapter, ValidationError

from funding.base.errors import InvalidData, UnreadableFile
from funding.intake.records import COLUMNS, SAFE_TEXT, unsafe_text_reason
from funding.registry.loading import parse_csv


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


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_dataset_or_our_error(data: bytes) -> None:
    dataset_or_own_error(data)


@settings(max_examples=examples(200), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.dictionaries(st.sampled_from(COLUMNS), cells, min_size=1), max_size=6))
def test_any_cells_give_a_dataset_or_our_error(rows: list[dict[str, str]]) -> None:
    dataset_or_own_error(csv_bytes([{"id": "x", **r} for r in rows]))


_text = TypeAdapter(Annotated[str, Field(pattern=SAFE_TEXT)])
_tricky = st.text(st.sampled_from(list("ab <>!/?=+-@\t\r\x00\x07\x7f1 é")), max_size=12)


@settings(max_examples=examples(500))
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
