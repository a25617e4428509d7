"""Reading a funding CSV into validated records, collecting every problem in one pass.

Analysts edit this file in Excel, so the loader accepts what Excel writes in a Dutch locale
(semicolon separator, UTF-8 with BOM, decimal comma) and turns everything else into
`Problem` tuples instead of tracebacks: one report lists all that is wrong, so nobody has to
fix a file one error at a time.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd
from pydantic import ValidationError

from funding.records import (
    COLUMNS,
    ROW_RULES_CHECKED,
    Instrument,
    pattern_message,
    row_rule_problems,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = PROJECT_ROOT / "data" / "funding.csv"
DEFAULT_DOCUMENTS = PROJECT_ROOT / "data" / "documents.csv"
# Uploads and the command line refuse larger files: the curated dataset is a few dozen kB,
# and parsing is all in memory.
MAX_BYTES = 20 * 1024 * 1024


class Problem(NamedTuple):
    """One thing wrong with a file: the physical line (1 = header), the column, what, and the value."""

    line: int
    column: str
    message: str
    value: str


class FundingError(Exception):
    """The project's own error: every failure to read or validate a file is one of these."""


class UnreadableFile(FundingError):
    """The file cannot be read as text at all (missing, binary, wrong encoding, too large)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class InvalidData(FundingError):
    """The file is text but breaks the schema or the curation rules; `problems` lists them all."""

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems = tuple(sorted(problems, key=lambda p: (p.line, COLUMN_ORDER.get(p.column, -1))))
        super().__init__(f"{source}: {len(self.problems)} problem(s)")


COLUMN_ORDER = {name: i for i, name in enumerate(COLUMNS)}


@dataclass(frozen=True)
class Dataset:
    """Validated records plus the lookups that totals and charts need."""

    records: tuple[Instrument, ...]
    source: str = "funding.csv"

    @cached_property
    def by_id(self) -> dict[str, Instrument]:
        return {r.id: r for r in self.records}

    @cached_property
    def frame(self) -> pd.DataFrame:
        """One row per record, columns as in the CSV (beneficiary_types kept as tuples)."""
        return pd.DataFrame([vars(r) for r in self.records], columns=list(COLUMNS))

    @cached_property
    def ancestor_chains(self) -> dict[str, tuple[str, ...]]:
        """Parent, grandparent, ... of every record, built once: totals ask on every rerun."""
        chains: dict[str, tuple[str, ...]] = {}

        def chain(record_id: str) -> tuple[str, ...]:
            found = chains.get(record_id)
            if found is None:
                parent = self.by_id[record_id].parent_id
                found = () if parent is None else (parent, *chain(parent))
                chains[record_id] = found
            return found

        for record in self.records:
            chain(record.id)
        return chains


_CONTEXT = {ROW_RULES_CHECKED: True}
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_COMMA_DECIMAL = re.compile(r"^[+-]?\d+,\d+$")
_NON_FINITE = {
    "nan",
    "+nan",
    "-nan",
    "inf",
    "+inf",
    "-inf",
    "infinity",
    "+infinity",
    "-infinity",
}


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
            raise UnreadableFile(str(path), _too_large(size, max_bytes))
        data = path.read_bytes()
    except FundingError:
        raise
    except FileNotFoundError:
        raise UnreadableFile(str(path), "no such file") from None
    except IsADirectoryError:
        raise UnreadableFile(str(path), "is a directory, not a CSV file") from None
    except OSError as exc:
        raise UnreadableFile(str(path), f"cannot be read ({exc.strerror or exc})") from None
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
        raise UnreadableFile(source, _too_large(len(data), max_bytes))
    text = _decode(data, source)
    if not text.strip():
        raise InvalidData(source, [Problem(1, "", "the file is empty; expected a header row", "")])
    delimiter = _sniff_delimiter(text)
    problems: list[Problem] = []
    rows, lines = _read_rows(text, delimiter, problems)
    if problems:
        raise InvalidData(source, problems)
    records = _validate_rows(rows, lines, delimiter, problems)
    problems.extend(_dataset_problems(rows, lines, records, known_documents))
    if problems:
        raise InvalidData(source, problems)
    return Dataset(tuple(r for r in records if r is not None), source=source)


def _too_large(size: int, limit: int) -> str:
    return f"is {size / 1_048_576:.1f} MB; the limit is {limit / 1_048_576:.0f} MB"


def _decode(data: bytes, source: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFile(source, "is UTF-16 text; save it as 'CSV UTF-8 (comma delimited)'")
    if b"\x00" in data:
        raise UnreadableFile(source, "contains NUL bytes: this is not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            source,
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as 'CSV UTF-8' (Windows-1252 and other encodings are not read)",
        ) from None


def _sniff_delimiter(text: str) -> str:
    """The header decides: Excel in a Dutch locale separates with ';', everyone else with ','."""
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count)


def _read_rows(
    text: str, delimiter: str, problems: list[Problem]
) -> tuple[list[dict[str, str | None]], list[int]]:
    """Rows as {column: stripped cell, or None when empty}, with each row's first physical line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[dict[str, str | None]] = []
    lines: list[int] = []
    try:
        header = [h.strip() for h in next(reader)]
        missing = [c for c in COLUMNS if c not in header]
        problems.extend(Problem(1, c, "missing column", "") for c in missing)
        problems.extend(Problem(1, h, "unknown column", h) for h in header if h not in COLUMN_ORDER)
        seen: set[str] = set()
        for name in header:
            if name in seen:
                problems.append(Problem(1, name, "column appears twice", name))
            seen.add(name)
        if problems:
            if len(header) == 1 and len(missing) > 1:
                problems.append(
                    Problem(
                        1,
                        "",
                        "the header has a single column: is the separator , or ;?",
                        header[0],
                    )
                )
            return rows, lines
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
                        f"row has {len(cells)} cells, the header has {len(header)}",
                        delimiter.join(cells),
                    )
                )
                continue
            rows.append(dict(zip(header, [cell or None for cell in map(str.strip, cells)], strict=True)))
            lines.append(start)
    except csv.Error as exc:
        problems.append(Problem(reader.line_num, "", f"CSV syntax error: {exc}", ""))
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
            Problem(line, col, msg, _show(raw.get(col))) for col, msg in row_rule_problems(rules_view)
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
            problems.append(Problem(line, column, _message(error, value, column), _show(value)))
        return None


def _prepare(
    row: dict[str, str | None], line: int, delimiter: str, problems: list[Problem]
) -> dict[str, Any]:
    """Turn CSV cells into model input: lists, numbers and yes/no are parsed (in a copy)."""
    raw: dict[str, Any] = dict(row)
    amount = raw["amount_eur"]
    if amount is not None:
        value, message = parse_amount(amount, decimal_comma=delimiter == ";")
        if message:
            problems.append(Problem(line, "amount_eur", message, amount))
        raw["amount_eur"] = value
    beneficiaries = raw["beneficiary_types"]
    raw["beneficiary_types"] = tuple(b.strip() for b in beneficiaries.split(";")) if beneficiaries else ()
    flag = (raw["battery_specific"] or "").lower()
    if flag in ("yes", "no"):
        raw["battery_specific"] = flag == "yes"
    else:
        problems.append(
            Problem(
                line,
                "battery_specific",
                "must be yes or no",
                _show(raw["battery_specific"]),
            )
        )
        raw["battery_specific"] = True
    return raw


def parse_amount(text: str, *, decimal_comma: bool) -> tuple[float | None, str]:
    """A plain euro amount; separators are refused because 1.500 means 1500 to a Dutch reader."""
    cleaned = text.strip()
    if cleaned.lower() in _NON_FINITE:
        return None, "must be a finite number"
    if decimal_comma and _COMMA_DECIMAL.match(cleaned):
        cleaned = cleaned.replace(",", ".")
    elif decimal_comma and "." in cleaned:
        return (
            None,
            "in a ;-separated file write decimals with a comma and no thousands separators",
        )
    if not _NUMBER.match(cleaned):
        if re.fullmatch(r"[+-]?\d{1,3}([.,\s]\d{3})+([.,]\d+)?", cleaned):
            return (
                None,
                "write the amount without thousands separators, in euros (e.g. 1500000000)",
            )
        return (
            None,
            "must be a number of euros written with digits only (e.g. 1500000000)",
        )
    value = float(cleaned)
    if not math.isfinite(value):
        return None, "must be a finite number"
    return value, ""


def _dataset_problems(
    rows: list[dict[str, str | None]],
    lines: list[int],
    records: list[Instrument | None],
    known_documents: Iterable[str] | None,
) -> list[Problem]:
    """Rules across rows, checked on the raw ids so that one bad row does not hide another's."""
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    parent_of: dict[str, str] = {}
    for row, line in zip(rows, lines, strict=True):
        rid, parent = row["id"] or "", row["parent_id"]
        if rid in first_line:
            problems.append(Problem(line, "id", f"duplicate id (first on line {first_line[rid]})", rid))
            continue
        first_line[rid] = line
        if parent:
            parent_of[rid] = parent
    for rid, parent in parent_of.items():
        if parent not in first_line:
            problems.append(
                Problem(
                    first_line[rid],
                    "parent_id",
                    "parent_id names no row in this file",
                    parent,
                )
            )
    in_cycle = _cycle_members(parent_of)
    for rid in sorted(in_cycle, key=first_line.__getitem__):
        problems.append(Problem(first_line[rid], "parent_id", "parents form a cycle", parent_of[rid]))
    valid = {r.id: r for r in records if r is not None}
    for record, line in zip(records, lines, strict=True):
        if record is None or record.amount_eur is None or record.id in in_cycle:
            continue
        whole = _nearest_whole(record, valid)
        if whole is not None and whole.amount_eur is not None and record.amount_eur > whole.amount_eur:
            problems.append(
                Problem(
                    line,
                    "amount_eur",
                    f"a part is larger than its whole {whole.id!r}",
                    _show(record.amount_eur),
                )
            )
    if known_documents is not None:
        known = set(known_documents)
        for row, line in zip(rows, lines, strict=True):
            document = row["source_document"]
            if document and document not in known:
                problems.append(
                    Problem(
                        line,
                        "source_document",
                        "unknown source document (see documents.csv)",
                        document,
                    )
                )
    return problems


def _nearest_whole(record: Instrument, valid: Mapping[str, Instrument]) -> Instrument | None:
    """The closest ancestor with an amount of the same kind: the figure this part is included in."""
    seen = {record.id}
    parent = valid.get(record.parent_id) if record.parent_id else None
    while parent is not None and parent.id not in seen:
        if parent.amount_kind == record.amount_kind and parent.amount_eur is not None:
            return parent
        seen.add(parent.id)
        parent = valid.get(parent.parent_id) if parent.parent_id else None
    return None


def _cycle_members(parent_of: Mapping[str, str]) -> set[str]:
    members: set[str] = set()
    for start in parent_of:
        seen: list[str] = []
        node: str | None = start
        while node is not None and node not in seen and node not in members:
            seen.append(node)
            node = parent_of.get(node)
        if node is not None and node in seen:
            members.update(seen[seen.index(node) :])
    return members


def _message(error: Mapping[str, Any], value: object, column: str) -> str:
    if value is None or value == ():
        return "required; the cell is empty"
    if error["type"] == "value_error":
        return str(error["ctx"]["error"])
    if error["type"] == "string_pattern_mismatch":
        return pattern_message(column, str(error["input"]))
    if error["type"] == "finite_number":
        return "must be a finite number"
    return str(error["msg"])


def _show(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, tuple):
        return ";".join(str(v) for v in value)
    return str(value)
