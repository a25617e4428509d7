"""Reading a funding CSV into validated records, collecting every problem in one pass.

Analysts edit this file in Excel, so the loader accepts what Excel writes in a Dutch locale
(semicolon separator, UTF-8 with BOM, decimal comma) and turns everything else into
`Problem`s with a code and a location instead of tracebacks: one report lists all that is wrong,
so nobody has to fix a file one error at a time. Files written before version 1.1.0 of the
dataset lack the columns added then (`OPTIONAL_COLUMNS`) and still load.
"""

from __future__ import annotations

import codecs
import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import ConfigDict, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from funding.base.errors import (
    InvalidData,
    Problem,
    ProblemLog,
    UnreadableFile,
    model_problem,
    not_utf8,
    problem,
    show_value,
)
from funding.base.paths import DEFAULT_DATA
from funding.base.reading import read_file, too_large
from funding.intake import columns
from funding.intake.lazy_records import LazyRecords
from funding.intake.records import (
    ROW_RULES_CHECKED,
    CellRefused,
    Instrument,
    pattern_problem,
    row_rule_problems,
    trusted_records,
)
from funding.intake.table import COLUMN_ORDER, OPTIONAL_COLUMNS, Table, first_line, read_table
from funding.registry.dataset import Dataset
from funding.registry.dataset_rules import dataset_problems

__all__ = [
    "MAX_BYTES",
    "OPTIONAL_COLUMNS",
    "Loaded",
    "attempt",
    "check_row",
    "load_dataset",
    "parse_amount",
    "parse_csv",
]

# Uploads refuse larger files: parsing is in memory and the server is shared. The page's uploader
# is given the same limit, so a larger file is refused in the browser already. Local files, read
# by the command line or served with FUNDING_DATA, have no limit unless one is given.
MAX_BYTES = 5 * 1024 * 1024

_CONTEXT = {ROW_RULES_CHECKED: True}
_COUNTING_CHUNK = 2048  # rows counted together: memory stays that of 2,048 rows
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_COMMA_DECIMAL = re.compile(r"^[+-]?\d+,\d+$")
_NON_FINITE = {"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"}


T = TypeVar("T")


@dataclass(frozen=True)
class Loaded:
    """A validated dataset, or why there is none (or why another file, such as the registry,
    could not be loaded): the problems of an invalid file, or the refusal of an unreadable one
    (its code and details, said in any language). `digest` names the bytes it was read from."""

    dataset: Dataset | None
    source: str
    digest: str = ""
    problems: tuple[Problem, ...] = ()  # the first ones (funding.base.errors.MAX_PROBLEMS)
    unreadable: UnreadableFile | None = None
    total: int = 0  # problems in all

    @property
    def problem_count(self) -> int:
        return max(self.total, len(self.problems))


def attempt(load: Callable[[], T], source: str, digest: str = "") -> T | Loaded:
    """`load()`'s result, or a `Loaded` that says why there is none: "load or say why", the one
    way the page loads a file (the curated dataset, an upload, the registry, the disagreements,
    the dataset's version)."""
    try:
        return load()
    except InvalidData as exc:
        return Loaded(None, source, digest, problems=exc.problems, total=exc.total)
    except UnreadableFile as exc:
        return Loaded(None, source, digest, unreadable=exc)


def load_dataset(
    path: str | Path = DEFAULT_DATA,
    *,
    known_documents: Iterable[str] | None = None,
    max_bytes: int | None = None,
) -> Dataset:
    """Read and validate a local CSV file (a regular file, of any size unless `max_bytes` is
    given); raises UnreadableFile or InvalidData, nothing else."""
    data = read_file(path, limit=max_bytes)
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
        raise too_large(source, len(data), max_bytes)
    text = _decode(data, source)
    if text is not None and (not text or text.isspace()):  # (text.strip() would copy 100 MB)
        raise InvalidData(source, [problem(1, "", "empty_file")])
    delimiter = _sniff_delimiter(first_line(text if text is not None else data))
    log = ProblemLog(COLUMN_ORDER)
    table = read_table(text, data, delimiter, log)
    del text  # the cells are in the table now
    if table is None:
        raise log.error(source)
    records = validate_table(table, delimiter, log)
    if isinstance(records, LazyRecords):
        valid_lines: Sequence[int] = table.lines
        dataset = Dataset(records, source=source, lines=valid_lines)
    else:
        valid_lines = [line for record, line in zip(records, table.lines, strict=True) if record]
        dataset = Dataset(tuple(r for r in records if r is not None), source=source, lines=valid_lines)
    log.extend(dataset_problems(table, valid_lines, dataset, known_documents))
    if len(log):
        raise log.error(source)
    return dataset


def _decode(data: bytes, source: str) -> str | None:
    """The file's text; or None for UTF-8 whose first line ends in a line feed and holds more
    than white space (every file with a header row), whose rows Arrow reads from the bytes:
    decoding 215 MB only to check them made a 430 MB text (0.3 s CPU) that nobody read."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFile(source, "utf16")
    if b"\x00" in data:
        raise UnreadableFile(source, "nul_bytes")
    end = data.find(b"\n")
    if end >= 0 and is_utf8(data) and data[:end].decode("utf-8-sig").strip():
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise not_utf8(source, exc) from None


_UTF8_CHUNK = 1 << 14  # bytes decoded at a time, then dropped (their text stays in the cache)


def is_utf8(data: bytes) -> bool:
    """Whether `data` is UTF-8, decoded a chunk at a time (a character may span two)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(data), _UTF8_CHUNK):
            decoder.decode(view[start : start + _UTF8_CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _sniff_delimiter(header: str) -> str:
    """The header decides: Excel in a Dutch locale separates with ';', everyone else with ','."""
    return max((",", ";", "\t"), key=header.count)


def validate_table(table: Table, delimiter: str, log: ProblemLog) -> Sequence[Instrument | None]:
    """Records in file order: when every row is valid, `LazyRecords` (made as they are read),
    else a list with None for each row with problems (which are in `log`).

    The column checks flag the rows that might break a rule; only those go through the model
    (`check_row`), the others become records from the checked, converted columns."""
    suspects, values = columns.screen(table, decimal_comma=delimiter == ";")
    ordered = sorted(suspects)  # in file order, as the problems are reported
    checked: dict[int, Instrument | None] = {}
    for n, i in enumerate(ordered):
        if not log.keeps(table.lines[i], ""):  # nor any later line: count the rest in bulk
            for start in range(n, len(ordered), _COUNTING_CHUNK):
                chunk = ordered[start : start + _COUNTING_CHUNK]
                count_problems([table.row(j) for j in chunk], delimiter, log)
            break
        checked[i] = check_row(table.row(i), table.lines[i], delimiter, log)
    made = {i: record for i, record in checked.items() if record is not None}
    if len(made) == len(ordered):
        if made:  # the model's values where the column checks flagged a row
            values = {name: list(cells) for name, cells in values.items()}  # (some are the table's)
            for i, record in made.items():
                for name in values:
                    values[name][i] = getattr(record, name)
        return LazyRecords(values, len(table), made)
    records: list[Instrument | None] = [None] * len(table)
    clean = [i for i in range(len(table)) if i not in suspects]
    if clean:  # records for the clean rows only: a file of bad rows builds none
        pick = itemgetter(*clean) if len(clean) > 1 else lambda cells: (cells[clean[0]],)
        trusted = trusted_records({name: list(pick(cells)) for name, cells in values.items()}, len(clean))
        for i, record in zip(clean, trusted, strict=True):
            records[i] = record
    for i, record in made.items():
        records[i] = record
    return records


def count_problems(rows: list[dict[str, str | None]], delimiter: str, log: ProblemLog) -> None:
    """Count the problems of rows the log keeps none of, a column at a time: the model's own
    field checks run in Rust over whole columns, so a file where every cell is wrong costs a few
    seconds instead of one model run per row (a 5 MB file took half a minute). Tests compare
    every count with `check_row`'s."""
    raws = []
    rules: Counter[str] = Counter()
    for row in rows:
        raws.append(raw := _prepare(row, 0, delimiter, log, counting=True))
        rules.update(column for column, _ in row_rule_problems(_rules_view(row, raw)))
    for column, times in rules.items():
        log.count(column, times)
    for name, adapter in _field_checks().items():
        try:
            adapter.validate_python([raw[name] for raw in raws])
        except ValidationError as exc:
            log.count(name, exc.error_count())


@functools.cache
def _field_checks() -> dict[str, TypeAdapter[list[Any]]]:
    """Each field's type and constraints as the model declares them, for a list of values (built
    on first use: the adapters take a moment to compile)."""
    config = ConfigDict(str_strip_whitespace=True)  # the model's, as it applies to its fields
    checks: dict[str, TypeAdapter[list[Any]]] = {}
    for name, field in Instrument.model_fields.items():
        annotated = Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
        checks[name] = TypeAdapter(list[annotated], config=config)  # type: ignore[valid-type]
    return checks


def check_row(row: dict[str, str | None], line: int, delimiter: str, log: ProblemLog) -> Instrument | None:
    """One row through the model, every problem into `log`: the reference the column checks
    agree with, and what runs on the rows they flag. Once the log keeps nothing more from this
    line, problems are only counted: no message is composed for a problem nobody will see."""
    counting = not log.keeps(line, "")
    raw = _prepare(row, line, delimiter, log, counting)
    for column, code in row_rule_problems(_rules_view(row, raw)):
        if counting:
            log.count(column)
        else:
            log.add(problem(line, column, code, show_value(raw.get(column))))
    try:
        return Instrument.model_validate(raw, context=_CONTEXT)
    except ValidationError as exc:
        if counting:
            for error in exc.errors(include_url=False, include_context=False, include_input=False):
                log.count(str(error["loc"][0]) if error["loc"] else "")
            return None
        for error in exc.errors():
            column = str(error["loc"][0]) if error["loc"] else ""
            value = raw.get(column) if column else None
            log.add(_problem(error, line, column, value))
        return None


def _rules_view(row: Mapping[str, str | None], raw: dict[str, Any]) -> dict[str, Any]:
    """Cross-field rules see the amount as written, so an unparsable amount is still "an amount"."""
    if raw["amount_eur"] is not None or row["amount_eur"] is None:
        return raw
    return {**raw, "amount_eur": row["amount_eur"]}


def _prepare(
    row: dict[str, str | None], line: int, delimiter: str, log: ProblemLog, counting: bool
) -> dict[str, Any]:
    """Turn CSV cells into model input: lists, numbers and yes/no are parsed (in a copy)."""
    raw: dict[str, Any] = dict(row)
    amount = raw["amount_eur"]
    if amount is not None:
        value, code, text = parse_amount(amount, decimal_comma=delimiter == ";")
        if code and counting:
            log.count("amount_eur")
        elif code:
            log.add(problem(line, "amount_eur", code, amount, text=text))
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
            if counting:
                log.count(column)
            else:
                text = "not_yes_no_or_empty" if empty is None else ""
                log.add(problem(line, column, "not_yes_no", show_value(raw[column]), text=text))
            raw[column] = empty
    return raw


def parse_amount(text: str, *, decimal_comma: bool) -> tuple[float | None, str, str]:
    """A plain euro amount as (value, code, text: which of the code's texts says why);
    separators are refused because 1.500 means 1500 to a Dutch reader. The code and text are
    empty when the amount parses."""
    cleaned = text.strip()
    if cleaned.lower() in _NON_FINITE:
        return None, "amount_not_finite", ""
    if decimal_comma and _COMMA_DECIMAL.match(cleaned):
        cleaned = cleaned.replace(",", ".")
    elif decimal_comma and "." in cleaned:
        return None, "amount_separators", "amount_separators_semicolon"
    if not _NUMBER.match(cleaned):
        if re.fullmatch(r"[+-]?\d{1,3}([.,\s]\d{3})+([.,]\d+)?", cleaned):
            return None, "amount_separators", ""
        return None, "amount_not_number", ""
    value = float(cleaned)
    if not math.isfinite(value):
        return None, "amount_not_finite", ""
    return value, "", ""


def _problem(error: ErrorDetails, line: int, column: str, value: object) -> Problem:
    """A model error of a funding row: the loader's codes, in the loader's words."""
    shown = show_value(value)
    if value is None or value == ():
        return problem(line, column, "required")
    kind = error["type"]
    if kind == "value_error":
        refused = error.get("ctx", {}).get("error")
        if isinstance(refused, CellRefused):
            return problem(line, column, "invalid", shown, text=refused.text)
        return model_problem(line, column, error, shown, "invalid")
    if kind == "string_pattern_mismatch":
        code, details = pattern_problem(column, str(error["input"]))
        return problem(line, column, code, shown, **details)
    if kind == "finite_number":
        return problem(line, column, "amount_not_finite", shown)
    if kind == "greater_than_equal":
        return model_problem(line, column, error, shown, "amount_negative")
    if kind == "string_too_long":
        return model_problem(line, column, error, shown, "too_long")
    return model_problem(line, column, error, shown)
