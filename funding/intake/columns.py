"""Column-wise checks: which rows might break a rule, found a whole column at a time.

Validating 100,000 rows one pydantic model at a time took seconds, and most rows are fine. Here
every rule of `funding.intake.records` is checked on a whole column in Arrow's C++ kernels (regular
expressions, lengths, set membership) or, for columns with few distinct values, once per
distinct value. `screen` returns the rows that *might* break a rule (the loader runs the model
on exactly those, so messages and codes stay the model's) and every column converted to the
model's types, from which the other rows become records directly.

A check may flag a row that turns out valid (it costs one model run), never the other way round:
its patterns are ASCII-only subsets of the model's (which read \\d and \\S as Unicode), and tests
run the model on every row of random tables and compare. Every rule added to `Instrument` or to
`row_rule_problems` needs its check here; `SCREENS` must name every column.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from functools import reduce
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from funding.intake.records import (
    COLUMNS,
    CONTROL_CHARACTER,
    FIELD_VOCABULARIES,
    LONG_TEXT_MAX,
    MARKUP,
    MONEY_RECORD_TYPES,
    NOTES_MAX,
    PERIOD,
    SLUG_MAX,
    TEXT_MAX,
    URL_MAX,
    expand_period,
    real_date,
)
from funding.intake.records import (
    REQUIRED_COLUMNS as REQUIRED_COLUMNS,  # (the editor reads the one table from here)
)
from funding.intake.table import Cells, Table, any_longer, mask

Mask = np.ndarray[tuple[int], np.dtype[np.bool_]]
# A check gets a column (Arrow array and Python list of the same cells) and returns the rows it
# flags and the column in the model's types (anything at flagged rows).
Screen = Callable[[pa.Array, Cells], tuple[Mask, list[Any]]]

_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG_ITEM = re.compile(_SLUG)
_PERIOD = re.compile(r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?")
_URL = r"^https?://[!-~]+$"
_YES_NO = {"yes": True, "no": False}
_UNSAFE = f"{MARKUP.pattern}|{CONTROL_CHARACTER.pattern}"  # one pass of RE2 for both


def _matches(array: pa.Array, pattern: str) -> Mask:
    return mask(pc.match_substring_regex(array, pattern))


def _longer(array: pa.Array, limit: int) -> Mask:
    if not any_longer(array, limit):
        return _none(array)
    return mask(pc.greater(pc.utf8_length(array), limit))


def _none(array: pa.Array) -> Mask:
    return np.zeros(len(array), dtype=np.bool_)


def _filled(array: pa.Array) -> Mask:
    if array.null_count == 0:
        return np.ones(len(array), dtype=np.bool_)
    return mask(pc.is_valid(array))


def _one_of(array: pa.Array, values: list[str]) -> Mask:
    if not values:
        return _none(array)
    return mask(pc.is_in(array, value_set=pa.array(values, pa.string())))


def _empty_if(required: bool, array: pa.Array) -> Mask:
    return ~_filled(array) if required and array.null_count else _none(array)


def _distinct(array: pa.Array) -> list[str]:
    return [v for v in pc.unique(array).to_pylist() if v is not None]


def _by_distinct(ok: Callable[[str], bool], *, required: bool) -> Screen:
    """For columns with few distinct values: each distinct value is checked once, in Python."""

    def screen(array: pa.Array, cells: Cells) -> tuple[Mask, list[Any]]:
        bad = [v for v in _distinct(array) if not ok(v)]
        return _empty_if(required, array) | _one_of(array, bad), cells

    return screen


def _slug(*, required: bool) -> Screen:
    def screen(array: pa.Array, cells: Cells) -> tuple[Mask, list[Any]]:
        filled = _filled(array)
        unlike = ~_matches(array, _SLUG) if _may_be_no_slug(array) else _none(array)
        bad = filled & (_longer(array, SLUG_MAX) | unlike)
        return _empty_if(required, array) | bad, cells

    return screen


_SLUG_BYTES = b"abcdefghijklmnopqrstuvwxyz0123456789-"


def _may_be_no_slug(array: pa.Array) -> bool:
    """Whether a filled cell might not match `_SLUG`: one does not when the column holds only
    slug bytes, no "--", and no cell starts or ends with "-" (checked on the bytes, not per cell)."""
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int32)[array.offset : array.offset + len(array) + 1]
    if not len(offsets) or offsets[-1] == offsets[0]:
        return False
    data = array.buffers()[2].to_pybytes()[offsets[0] : offsets[-1]]
    if data.translate(None, _SLUG_BYTES) or b"--" in data:
        return True
    starts, ends = offsets[:-1] - offsets[0], offsets[1:] - offsets[0]
    filled = ends > starts
    edges = np.frombuffer(data, dtype=np.uint8)
    return bool((edges[starts[filled]] == ord("-")).any() or (edges[ends[filled] - 1] == ord("-")).any())


def _text(limit: int, *, required: bool) -> Screen:
    def screen(array: pa.Array, cells: Cells) -> tuple[Mask, list[Any]]:
        unsafe = _matches(array, _UNSAFE) if _may_be_unsafe(array) else _none(array)
        return _empty_if(required, array) | _longer(array, limit) | unsafe, cells

    return screen


# The bytes with which markup or a control character can start (`_UNSAFE`): a column holding
# none of them needs no regular expression per cell. Deleting every other byte tells at memory
# speed (a table lookup per byte took 12 ms a column at 100,000 rows).
_SAFE_BYTES = bytes(b for b in range(256) if chr(b) != "<" and CONTROL_CHARACTER.match(chr(b)) is None)


def _may_be_unsafe(array: pa.Array) -> bool:
    data = array.buffers()[2]
    return data is not None and bool(data.to_pybytes().translate(None, _SAFE_BYTES))


def _code(column: str, *, required: bool) -> Screen:
    codes = frozenset(FIELD_VOCABULARIES[column].codes)
    return _by_distinct(codes.__contains__, required=required)


def _list(ok_item: Callable[[str], bool]) -> Screen:
    """A ;-separated list, split as the loader splits it; a list naming an item twice is flagged."""

    def screen(array: pa.Array, cells: Cells) -> tuple[Mask, list[Any]]:
        distinct, lists, converted = _per_value(
            array, lambda cell: tuple(map(str.strip, cell.split(";"))), ()
        )
        bad = [
            cell
            for cell, items in zip(distinct, lists, strict=True)
            if len(set(items)) != len(items) or not all(map(ok_item, items))
        ]
        return _one_of(array, bad), converted

    return screen


def _yes_no(*, required: bool) -> Screen:
    def screen(array: pa.Array, cells: Cells) -> tuple[Mask, list[Any]]:
        distinct, flags, converted = _per_value(array, lambda cell: _YES_NO.get(cell.lower()), None)
        bad = [cell for cell, flag in zip(distinct, flags, strict=True) if flag is None]
        return _empty_if(required, array) | _one_of(array, bad), converted

    return screen


def _per_value(
    array: pa.Array, convert: Callable[[str], Any], empty: Any
) -> tuple[list[str], list[Any], list[Any]]:
    """The distinct filled cells, each converted once, and the converted value of every cell
    (`empty` for an empty one), looked up by Arrow's dictionary indices instead of per cell."""
    encoded = pc.dictionary_encode(array)
    distinct: list[str] = encoded.dictionary.to_pylist()
    table = np.empty(len(distinct) + 1, dtype=object)  # (filled one by one: a tuple is one value)
    for i, cell in enumerate(distinct):
        table[i] = convert(cell)
    table[-1] = empty
    every: list[Any] = table[encoded.indices.fill_null(len(distinct)).to_numpy()].tolist()
    return distinct, list(table[:-1]), every


def _pattern(pattern: str, limit: int) -> Screen:
    def screen(array: pa.Array, cells: Cells) -> tuple[Mask, list[Any]]:
        return _filled(array) & (_longer(array, limit) | ~_matches(array, pattern)), cells

    return screen


def _period(value: str) -> bool:
    return _PERIOD.fullmatch(value) is not None and real_date(value)


def _slug_item(item: str) -> bool:
    return len(item) <= SLUG_MAX and _SLUG_ITEM.match(item) is not None


def amount_screen(*, decimal_comma: bool) -> Screen:
    """Digits with at most one decimal separator (',' in ;-files, '.' otherwise), and finite."""
    plain = r"^[0-9]+(?:,[0-9]+)?$" if decimal_comma else r"^[0-9]+(?:\.[0-9]+)?$"

    def screen(array: pa.Array, cells: Cells) -> tuple[Mask, list[Any]]:
        flagged = _filled(array) & ~_matches(array, plain)
        bad = set(np.flatnonzero(flagged).tolist())
        # Python's float() on every plain amount: the model's own parsing, to the last bit.
        amounts = (
            [
                None if v is None or i in bad else float(v.replace(",", ".") if decimal_comma else v)
                for i, v in enumerate(cells)
            ]
            if bad or decimal_comma
            else [None if v is None else float(v) for v in cells]
        )
        if math.inf in amounts:  # 400 digits overflow to infinity
            flagged = flagged | np.asarray([a == math.inf for a in amounts], dtype=np.bool_)
        return flagged, amounts

    return screen


SCREENS: dict[str, Screen] = {
    "id": _slug(required="id" in REQUIRED_COLUMNS),
    "name_en": _text(TEXT_MAX, required="name_en" in REQUIRED_COLUMNS),
    "name_nl": _text(TEXT_MAX, required="name_nl" in REQUIRED_COLUMNS),
    "record_type": _code("record_type", required="record_type" in REQUIRED_COLUMNS),
    "level": _code("level", required="level" in REQUIRED_COLUMNS),
    "source": _text(TEXT_MAX, required="source" in REQUIRED_COLUMNS),
    "parent_id": _slug(required="parent_id" in REQUIRED_COLUMNS),
    "parts_disjoint": _yes_no(required="parts_disjoint" in REQUIRED_COLUMNS),
    "may_overlap": _list(_slug_item),
    "instrument_type": _code("instrument_type", required="instrument_type" in REQUIRED_COLUMNS),
    "amount_kind": _code("amount_kind", required="amount_kind" in REQUIRED_COLUMNS),
    "amount_qualifier": _code("amount_qualifier", required="amount_qualifier" in REQUIRED_COLUMNS),
    "money_origin": _code("money_origin", required="money_origin" in REQUIRED_COLUMNS),
    "status": _code("status", required="status" in REQUIRED_COLUMNS),
    "eu_pillar": _code("eu_pillar", required="eu_pillar" in REQUIRED_COLUMNS),
    "eu_pillar_basis": _code("eu_pillar_basis", required="eu_pillar_basis" in REQUIRED_COLUMNS),
    "nl_pillar": _code("nl_pillar", required="nl_pillar" in REQUIRED_COLUMNS),
    "nl_pillar_basis": _code("nl_pillar_basis", required="nl_pillar_basis" in REQUIRED_COLUMNS),
    "beneficiary_types": _list(frozenset(FIELD_VOCABULARIES["beneficiary_types"].codes).__contains__),
    "battery_specific": _yes_no(required="battery_specific" in REQUIRED_COLUMNS),
    "period_start": _by_distinct(_period, required="period_start" in REQUIRED_COLUMNS),
    "period_end": _by_distinct(_period, required="period_end" in REQUIRED_COLUMNS),
    "source_document": _slug(required="source_document" in REQUIRED_COLUMNS),
    "source_url": _pattern(_URL, URL_MAX),
    "source_locator": _text(TEXT_MAX, required="source_locator" in REQUIRED_COLUMNS),
    "source_quote": _text(LONG_TEXT_MAX, required="source_quote" in REQUIRED_COLUMNS),
    "notes": _text(NOTES_MAX, required="notes" in REQUIRED_COLUMNS),
    "notes_nl": _text(NOTES_MAX, required="notes_nl" in REQUIRED_COLUMNS),
}
if set(SCREENS) != set(COLUMNS) - {"amount_eur"}:  # a new field without a check would pass unchecked
    raise RuntimeError(f"funding.intake.columns: no check for {set(COLUMNS) - set(SCREENS) - {'amount_eur'}}")


def screen(table: Table, *, decimal_comma: bool) -> tuple[set[int], dict[str, list[Any]]]:
    """Rows that might break a rule, and every column in the model's types (valid where unflagged)."""
    flagged = np.zeros(len(table), dtype=np.bool_)
    converted: dict[str, list[Any]] = {}
    for column in COLUMNS:
        check = amount_screen(decimal_comma=decimal_comma) if column == "amount_eur" else SCREENS[column]
        rows, converted[column] = check(table.arrays[column], table.columns[column])
        flagged |= rows
    flagged |= _rule_suspects(table.arrays)
    suspects = set(np.flatnonzero(flagged).tolist())
    return suspects | _overlap_suspects(table), converted


def _rule_suspects(arrays: Mapping[str, pa.Array]) -> Mask:
    """Rows where a rule of `row_rule_problems` might apply, from which cells are filled."""
    filled = {name: _filled(array) for name, array in arrays.items()}
    amount = filled["amount_eur"]
    record_types = arrays["record_type"]
    other_types = [v for v in _distinct(record_types) if v not in MONEY_RECORD_TYPES]
    return reduce(
        np.logical_or,
        [
            amount ^ filled["amount_qualifier"],
            amount & ~(filled["source_document"] & filled["source_locator"] & filled["source_quote"]),
            amount & _one_of(record_types, other_types),
            ~amount & (filled["money_origin"] | filled["parts_disjoint"] | filled["may_overlap"]),
            mask(pc.equal(arrays["id"], arrays["parent_id"])),
            filled["eu_pillar"] ^ filled["eu_pillar_basis"],
            filled["nl_pillar"] ^ filled["nl_pillar_basis"],
            _period_order(arrays["period_start"], arrays["period_end"]),
        ],
    )


def _overlap_suspects(table: Table) -> set[int]:
    """Rows that list themselves in may_overlap, or an id twice (few rows fill this column)."""
    ids, overlaps = table.columns["id"], table.columns["may_overlap"]
    suspects: set[int] = set()
    for i in np.flatnonzero(_filled(table.arrays["may_overlap"])).tolist():
        items = [b.strip() for b in (overlaps[i] or "").split(";")]
        if ids[i] in items or len(set(items)) != len(items):
            suspects.add(i)
    return suspects


def _period_order(starts: pa.Array, ends: pa.Array) -> Mask:
    """Rows whose period ends before it starts, compared as the row rule does: earliest start
    against latest end, partial dates widened (values the period check flags are left to it)."""

    def widened(array: pa.Array, *, low: bool) -> pa.Array:
        distinct = _distinct(array)
        expanded = [expand_period(v, low=low) if PERIOD.match(v) else None for v in distinct]
        positions = pc.index_in(array, value_set=pa.array(distinct, pa.string()))
        return pc.take(pa.array(expanded, pa.string()), positions)

    return mask(pc.greater(widened(starts, low=True), widened(ends, low=False)))
