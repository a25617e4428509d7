"""Reading a funding CSV into validated records, collecting every problem in one pass.

Analysts edit this file in Excel, so the loader accepts what Excel writes in a Dutch locale
(semicolon separator, UTF-8 with BOM, decimal comma) and turns everything else into
`Problem`s with a code and a location instead of tracebacks: one report lists all that is wrong,
so nobody has to fix a file one error at a time. Files written before version 1.1.0 of the
dataset lack the columns added then (`OPTIONAL_COLUMNS`) and still load.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from funding.dataset import Dataset
from funding.dataset_rules import dataset_problems
from funding.errors import FundingError, InvalidData, Problem, UnreadableFile, show_value
from funding.paths import DEFAULT_DATA
from funding.records import (
    COLUMNS,
    ROW_RULES_CHECKED,
    Instrument,
    pattern_problem,
    row_rule_problems,
)

# Uploads refuse larger files: the curated dataset is a few dozen kB, and parsing is in memory.
MAX_BYTES = 20 * 1024 * 1024
COLUMN_ORDER = {name: i for i, name in enumerate(COLUMNS)}
# Columns added in dataset version 1.1.0: a file without them reads as if every cell were empty.
OPTIONAL_COLUMNS = ("record_type", "parts_disjoint", "may_overlap", "money_origin")
_DEFAULTS: dict[str, str | None] = {"record_type": "instrument"}

_CONTEXT = {ROW_RULES_CHECKED: True}
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_COMMA_DECIMAL = re.compile(r"^[+-]?\d+,\d+$")
_NON_FINITE = {"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"}


def load_dataset(
    path: str | Path = DEFAULT_DATA,
    *,
    known_documents: Iterable[str] | None = None,
    max_bytes: int | None = MAX_BYTES,
) -> Dataset:
    """Read and validate a CSV file; raises UnreadableFile or InvalidData, nothing else."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise UnreadableFile(str(path), "too_large", _too_large(size, max_bytes))
        data = path.read_bytes()
    except FundingError:
        raise
    except FileNotFoundError:
        raise UnreadableFile(str(path), "no_such_file", "no such file") from None
    except IsADirectoryError:
        raise UnreadableFile(str(path), "is_directory", "is a directory, not a CSV file") from None
    except OSError as exc:
        raise UnreadableFile(str(path), "cannot_read", f"cannot be read ({exc.strerror or exc})") from None
    return parse_csv(data, source=str(path), known_documents=known_documents, max_bytes=max_bytes)


def parse_csv(
    data: bytes,
    *,
    source: str = "upload",
    known_documents: Iterable[str] | None = None,
    max_bytes: int | None = MAX_BYTES,
) -> Dataset:
    """Validate CSV bytes (a file's or an upload's); raises UnreadableFile or InvalidData."""
    if max_bytes is not None and len(data) > max_bytes:
        raise UnreadableFile(source, "too_large", _too_large(len(data), max_bytes))
    text = _decode(data, source)
    if not text.strip():
        raise InvalidData(
            source, [Problem(1, "", "empty_file", "the file is empty; expected a header row", "")]
        )
    delimiter = _sniff_delimiter(text)
    problems: list[Problem] = []
    rows, lines = _read_rows(text, delimiter, problems)
    if problems:
        raise InvalidData(source, problems, COLUMN_ORDER)
    records = _validate_rows(rows, lines, delimiter, problems)
    problems.extend(dataset_problems(rows, lines, records, known_documents))
    if problems:
        raise InvalidData(source, problems, COLUMN_ORDER)
    return Dataset(tuple(r for r in records if r is not None), source=source)


def _too_large(size: int, limit: int) -> str:
    return f"is {size / 1_048_576:.1f} MB; the limit is {limit / 1_048_576:.0f} MB"


def _decode(data: bytes, source: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFile(source, "utf16", "is UTF-16 text; save it as 'CSV UTF-8 (comma delimited)'")
    if b"\x00" in data:
        raise UnreadableFile(source, "nul_bytes", "contains NUL bytes: this is not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            source,
            "not_utf8",
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as 'CSV UTF-8' (Windows-1252 and other encodings are not read)",
        ) from None


def _sniff_delimiter(text: str) -> str:
    """The header decides: Excel in a Dutch locale separates with ';', everyone else with ','."""
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count)


def _header_problems(header: list[str]) -> list[Problem]:
    missing = [c for c in COLUMNS if c not in header and c not in OPTIONAL_COLUMNS]
    problems = [Problem(1, c, "missing_column", "missing column", "") for c in missing]
    problems += [
        Problem(1, h, "unknown_column", "unknown column", h) for h in header if h not in COLUMN_ORDER
    ]
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(Problem(1, name, "duplicate_column", "column appears twice", name))
        seen.add(name)
    if problems and len(header) == 1 and len(missing) > 1:
        problems.append(
            Problem(
                1,
                "",
                "single_column_header",
                "the header has a single column: is the separator , or ;?",
                header[0],
            )
        )
    return problems


def _read_rows(
    text: str, delimiter: str, problems: list[Problem]
) -> tuple[list[dict[str, str | None]], list[int]]:
    """Rows as {column: stripped cell, or None when empty}, with each row's first physical line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[dict[str, str | None]] = []
    lines: list[int] = []
    try:
        header = [h.strip() for h in next(reader)]
        problems.extend(_header_problems(header))
        if problems:
            return rows, lines
        absent = {c: _DEFAULTS.get(c) for c in OPTIONAL_COLUMNS if c not in header}
        end = reader.line_num
        for cells in reader:
            start, end = end + 1, reader.line_num
            if not "".join(cells).strip():
                continue
            if len(cells) != len(header):
                problems.append(
                    Problem(
                        start,
                        "",
                        "ragged_row",
                        f"row has {len(cells)} cells, the header has {len(header)}",
                        delimiter.join(cells),
                    )
                )
                continue
            row = dict(zip(header, [cell or None for cell in map(str.strip, cells)], strict=True))
            rows.append({**row, **absent} if absent else row)
            lines.append(start)
    except csv.Error as exc:
        problems.append(Problem(reader.line_num, "", "csv_syntax", f"CSV syntax error: {exc}", ""))
    return rows, lines


def _validate_rows(
    rows: list[dict[str, str | None]],
    lines: list[int],
    delimiter: str,
    problems: list[Problem],
) -> list[Instrument | None]:
    records: list[Instrument | None] = []
    for row, line in zip(rows, lines, strict=True):
        written_amount = row["amount_eur"]
        raw = _prepare(row, line, delimiter, problems)
        # Cross-field rules see the amount as written, so an unparsable amount is still "an amount".
        rules_view = (
            raw
            if raw["amount_eur"] is not None or written_amount is None
            else {**raw, "amount_eur": written_amount}
        )
        problems.extend(
            Problem(line, col, code, msg, show_value(raw.get(col)))
            for col, code, msg in row_rule_problems(rules_view)
        )
        records.append(_validate_one(raw, line, problems))
    return records


def _validate_one(raw: dict[str, Any], line: int, problems: list[Problem]) -> Instrument | None:
    try:
        return Instrument.model_validate(raw, context=_CONTEXT)
    except ValidationError as exc:
        for error in exc.errors():
            column = str(error["loc"][0]) if error["loc"] else ""
            value = raw.get(column) if column else None
            code, message = _message(error, value, column)
            problems.append(Problem(line, column, code, message, show_value(value)))
        return None


def _prepare(
    row: dict[str, str | None], line: int, delimiter: str, problems: list[Problem]
) -> dict[str, Any]:
    """Turn CSV cells into model input: lists, numbers and yes/no are parsed (in a copy)."""
    raw: dict[str, Any] = dict(row)
    amount = raw["amount_eur"]
    if amount is not None:
        value, code, message = parse_amount(amount, decimal_comma=delimiter == ";")
        if message:
            problems.append(Problem(line, "amount_eur", code, message, amount))
        raw["amount_eur"] = value
    for column in ("beneficiary_types", "may_overlap"):
        cell = raw[column]
        raw[column] = tuple(b.strip() for b in cell.split(";")) if cell else ()
    for column, empty in (("battery_specific", True), ("parts_disjoint", None)):
        flag = (raw[column] or "").lower()
        if flag in ("yes", "no"):
            raw[column] = flag == "yes"
        elif empty is None and not flag:
            raw[column] = None
        else:
            message = "must be yes or no" + (" (or empty: not stated)" if empty is None else "")
            problems.append(Problem(line, column, "not_yes_no", message, show_value(raw[column])))
            raw[column] = empty
    return raw


def parse_amount(text: str, *, decimal_comma: bool) -> tuple[float | None, str, str]:
    """A plain euro amount as (value, code, message); separators are refused because 1.500 means
    1500 to a Dutch reader. The code and message are empty when the amount parses."""
    cleaned = text.strip()
    if cleaned.lower() in _NON_FINITE:
        return None, "amount_not_finite", "must be a finite number"
    if decimal_comma and _COMMA_DECIMAL.match(cleaned):
        cleaned = cleaned.replace(",", ".")
    elif decimal_comma and "." in cleaned:
        return (
            None,
            "amount_separators",
            "in a ;-separated file write decimals with a comma and no thousands separators",
        )
    if not _NUMBER.match(cleaned):
        if re.fullmatch(r"[+-]?\d{1,3}([.,\s]\d{3})+([.,]\d+)?", cleaned):
            return (
                None,
                "amount_separators",
                "write the amount without thousands separators, in euros (e.g. 1500000000)",
            )
        return (
            None,
            "amount_not_number",
            "must be a number of euros written with digits only (e.g. 1500000000)",
        )
    value = float(cleaned)
    if not math.isfinite(value):
        return None, "amount_not_finite", "must be a finite number"
    return value, "", ""


def _message(error: Mapping[str, Any], value: object, column: str) -> tuple[str, str]:
    if value is None or value == ():
        return "required", "required; the cell is empty"
    kind = error["type"]
    if kind == "value_error":
        return "invalid", str(error["ctx"]["error"])
    if kind == "string_pattern_mismatch":
        return pattern_problem(column, str(error["input"]))
    if kind == "finite_number":
        return "amount_not_finite", "must be a finite number"
    if kind in ("greater_than_equal", "greater_than"):
        return "amount_negative", str(error["msg"])
    if kind == "string_too_long":
        return "too_long", str(error["msg"])
    return kind, str(error["msg"])
