"""The fast loader agrees with the slow one: column checks + model on flagged rows == model on every row.

Two shortcuts make 100,000 rows load in under a second, and each has a reference it must match
exactly on random input: Arrow's CSV reader against the csv module's (same cells, same lines),
and the column-wise checks against running the pydantic model on every row (same problems as
(line, column, code), same records). A shortcut that disagrees anywhere fails here.
"""

from __future__ import annotations

import csv
import io
import sys
from unittest import mock

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from factory import csv_bytes, row
from fixtures import examples
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from funding.base.errors import ProblemLog
from funding.base.paths import DEFAULT_DATA
from funding.i18n.vocab import (
    AMOUNT_KIND,
    EU_PILLAR,
    INSTRUMENT_TYPE,
    LEVEL,
    MONEY_ORIGIN,
    NL_PILLAR,
    PILLAR_BASIS,
    QUALIFIER,
    RECORD_TYPE,
    STATUS,
)
from funding.intake import table as table_module
from funding.intake.lazy_records import LazyRecords
from funding.intake.records import COLUMNS, Instrument
from funding.intake.table import COLUMN_ORDER, arrow_table, csv_table, plain_quoting, read_table
from funding.registry.loading import check_row, load_dataset, parse_csv, validate_table

# ---------------------------------------------------------------------------------------------
# Records made without validation are the records validation makes


def test_trusted_records_equal_validated_ones() -> None:
    for record in load_dataset(DEFAULT_DATA).records:
        validated = Instrument.model_validate(record.model_dump())
        assert validated == record
        assert validated.model_dump() == record.model_dump()
        assert validated.model_fields_set == record.model_fields_set
        assert hash(validated) == hash(record)
        assert validated.model_copy(update={"notes": "x"}).notes == "x"
        assert record.model_copy(update={"notes": "x"}).model_dump() == {**record.model_dump(), "notes": "x"}


# ---------------------------------------------------------------------------------------------
# Column checks against the model on every row

_IDS = ["a", "b", "fund-1", "", " a ", "A", "a--b", "-a", "a-", "a b", "é", "a" * 64, "a" * 65, "١", "a\nb"]
_TEXT = [
    "Example",
    "",
    "  padded  ",
    "=1+1",
    "- note",
    "@x",
    "<b>x</b>",
    "a < b",
    "x<",
    "<<3",
    "<<a",
    "bell\x07",
    "x" * 300,
    "x" * 301,
    "é ü",
    "a\nb",
    "\x1cx\x1f",
    "tab\tin",
    "\u00a0nbsp\u3000",
    "</",
]
_PERIODS = [
    "",
    "2025",
    "2025-02",
    "2025-02-28",
    "2025-02-29",
    "2024-02-29",
    "2025-13",
    "31-12-2026",
    "٢٠٢٥",
    "2027",
]
_AMOUNTS = [
    "",
    "0",
    "100",
    "1.5",
    "7,5",
    "-5",
    "-0",
    "1e5",
    "nan",
    "inf",
    "1,500",
    "1.500.000",
    " 12 ",
    "١٢",
    "+5",
]
_AMOUNTS += ["9" * 400, "0.", ".5", "1_000", "١٢.٣", "1 500"]


def _codes(*vocabularies: object, extra: tuple[str, ...] = ("", "Mars", " EU", "eu")) -> list[str]:
    codes = [code for v in vocabularies for code in v.codes]  # type: ignore[attr-defined]
    return [*codes, *extra]


POOLS: dict[str, list[str]] = {
    "id": _IDS,
    "name_en": _TEXT,
    "name_nl": ["Voorbeeld", "", "+CityxChange", "<i>", "x" * 301],
    "record_type": _codes(RECORD_TYPE, extra=("", "thing")),
    "level": _codes(LEVEL),
    "source": ["EU Innovation Fund", "", "<script>", "a" * 301, "-2+3"],
    "parent_id": _IDS,
    "parts_disjoint": ["", "yes", "no", "YES", "No", "maybe", " yes"],
    "may_overlap": ["", "a", "b", "a;b", "a;a", "b; a", "Bad", "a;;b", "fund-1"],
    "instrument_type": _codes(INSTRUMENT_TYPE),
    "amount_kind": _codes(AMOUNT_KIND),
    "amount_eur": _AMOUNTS,
    "amount_qualifier": _codes(QUALIFIER),
    "money_origin": _codes(MONEY_ORIGIN),
    "status": _codes(STATUS),
    "eu_pillar": _codes(EU_PILLAR),
    "eu_pillar_basis": _codes(PILLAR_BASIS),
    "nl_pillar": _codes(NL_PILLAR),
    "nl_pillar_basis": _codes(PILLAR_BASIS),
    "beneficiary_types": [
        "",
        "recyclers",
        "recyclers;research",
        "recyclers;recyclers",
        "aliens",
        " research ",
        ";",
    ],
    "battery_specific": ["yes", "no", "", "Yes", "maybe"],
    "period_start": _PERIODS,
    "period_end": _PERIODS,
    "source_document": ["doc", "", "Doc", "doc-2"],
    "source_url": [
        "",
        "https://x.org/a",
        "http://x",
        "javascript:alert(1)",
        "https://x.org/" + "a" * 490,
        "https://é.org",
    ],
    "source_locator": ["L1", "", "=1+1", "<b>", "x" * 301],
    "source_quote": ["a quote", "", "x" * 2001, "q\x07", "line\nbreak"],
    "notes": ["", "a note", "x" * 5001, "<!-- -->", "multi\nline\r\nnote"],
    "notes_nl": ["", "een notitie", "x" * 5001, "<b>", "meerdere\nregels"],
}
assert set(POOLS) == set(COLUMNS)


def _row_strategy() -> st.SearchStrategy[dict[str, str]]:
    """Mostly valid rows (each cell valid with a good chance), so both paths see records too."""
    valid = row("x", "100", source_document="doc")
    cells = {name: st.one_of(st.just(valid.get(name, "")), st.sampled_from(POOLS[name])) for name in COLUMNS}
    return st.fixed_dictionaries(cells)


def _both_ways(
    data: bytes,
) -> tuple[list[tuple[int, str, str]], list[object], list[tuple[int, str, str]], list[object]]:
    text = data.decode("utf-8-sig")
    delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    table = read_table(text, data.removeprefix(b"\xef\xbb\xbf"), delimiter, ProblemLog(COLUMN_ORDER))
    assert table is not None
    fast_log, slow_log = ProblemLog(COLUMN_ORDER), ProblemLog(COLUMN_ORDER)
    fast = validate_table(table, delimiter, fast_log)
    if isinstance(fast, LazyRecords):  # every row valid: the lists the dataset reads are the fields
        for i, record in enumerate(fast):
            assert {name: fast.columns[name][i] for name in COLUMNS} == {
                n: getattr(record, n) for n in COLUMNS
            }
    else:
        assert not all(fast)
    slow = [check_row(table.row(i), table.lines[i], delimiter, slow_log) for i in range(len(table))]

    def codes(log: ProblemLog) -> list[tuple[int, str, str]]:
        error = log.error("t")
        assert not error.truncated
        return sorted((p.line, p.column, p.code) for p in error.problems)

    return codes(fast_log), list(fast), codes(slow_log), list(slow)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_row_strategy(), max_size=8), st.sampled_from([",", ";"]))
@example([row("a", "7,5", source_document="doc")], ";")
@example([row("a", "9" * 400, source_document="doc")], ",")
@example([row("a", parent_id="a"), row("b", may_overlap="b")], ",")
def test_column_checks_and_the_model_on_every_row_agree(rows: list[dict[str, str]], delimiter: str) -> None:
    fast_codes, fast_records, slow_codes, slow_records = _both_ways(csv_bytes(rows, delimiter=delimiter))
    assert fast_codes == slow_codes
    assert fast_records == slow_records
    for fast, slow in zip(fast_records, slow_records, strict=True):
        if isinstance(fast, Instrument) and isinstance(slow, Instrument):
            assert fast.model_dump() == slow.model_dump()
            assert fast.model_fields_set == slow.model_fields_set


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_row_strategy(), min_size=1, max_size=8), st.sampled_from([",", ";"]))
def test_problems_past_the_cap_are_counted_exactly(rows: list[dict[str, str]], delimiter: str) -> None:
    """Rows the log keeps nothing of are only counted, a column at a time (`count_problems`):
    with room for one problem, the totals per column equal those of a log that keeps all."""
    data = csv_bytes(rows, delimiter=delimiter)
    text = data.decode()
    table = read_table(text, data, delimiter, ProblemLog(COLUMN_ORDER))
    assert table is not None
    full, capped = ProblemLog(COLUMN_ORDER), ProblemLog(COLUMN_ORDER, limit=1)
    validate_table(table, delimiter, full)
    validate_table(table, delimiter, capped)
    assert (capped.error("t").total, dict(capped.by_column)) == (full.error("t").total, dict(full.by_column))


def test_every_row_of_the_synthetic_bench_file_passes_the_column_checks(tmp_path: object) -> None:
    """The bench measures the fast path: its rows must not fall back to the model."""
    from bench import synth
    from funding.intake import columns

    path = synth.write(tmp_path / "s.csv", 500)  # type: ignore[operator]
    data = path.read_bytes()
    table = read_table(data.decode(), data, ",", ProblemLog(COLUMN_ORDER))
    assert table is not None
    suspects, _ = columns.screen(table, decimal_comma=False)
    assert suspects == set()


# ---------------------------------------------------------------------------------------------
# Arrow's CSV reader against the csv module's

# Three real column names: the readers fill in the others, which this test ignores.
_HEADER = ["id", "name_en", "name_nl"]


def _cell_text() -> st.SearchStrategy[str]:
    return st.text(st.sampled_from(list('ab ,;"\r\n\t\u00a0é')), max_size=6)


def _quoted(cell: str, delimiter: str, style: str) -> str:
    if style == "always" or (style == "needed" and any(c in cell for c in f'"{delimiter}\r\n')):
        return '"' + cell.replace('"', '""') + '"'
    return cell


@st.composite
def csv_texts(draw: st.DrawFn) -> tuple[str, str]:
    """Mostly what writers produce (random quoting, CR LF, LF or CR), sometimes raw garbage."""
    delimiter = draw(st.sampled_from([",", ";"]))
    end = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    lines = [delimiter.join(_HEADER)]
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["row"] * 6 + ["blank", "raw"]))
        if kind == "blank":
            lines.append(draw(st.sampled_from(["", delimiter * 2, "  "])))
        elif kind == "raw":
            lines.append(draw(st.text(st.sampled_from(list(f'ab"{delimiter}\r\n ')), max_size=10)))
        else:
            width = draw(st.sampled_from([3] * 8 + [2, 4]))
            style = draw(st.sampled_from(["needed", "always", "never"]))
            cells = [_quoted(draw(_cell_text()), delimiter, style) for _ in range(width)]
            lines.append(delimiter.join(cells))
    text = end.join(lines) + draw(st.sampled_from(["", end, end + end]))
    return text, delimiter


def _reference(text: str, delimiter: str) -> tuple[dict[str, list[str | None]], list[int]] | None:
    log = ProblemLog(COLUMN_ORDER)
    table = csv_table(text, delimiter, _HEADER, log)
    if table is None:
        return None
    return {name: table.columns[name] for name in COLUMNS if name in _HEADER}, table.lines


@settings(max_examples=examples(600), deadline=None)
@given(csv_texts())
@example(('id,name_en,name_nl\r\n"a\r\nb",c,d\r\n\r\n"x",,\r\n', ","))
@example(('id,name_en,name_nl\n"ab"c,d,e\n', ","))
@example(('id,name_en,name_nl\n""a,d,e\n', ","))
@example(('id,name_en,name_nl\n"a,"b",c,d\n', ","))
@example(('id,name_en,name_nl\na,b,"c', ","))
@example(('id;name_en;name_nl\ra;"b\r";c\r', ";"))
def test_arrow_reads_what_the_csv_module_reads(case: tuple[str, str]) -> None:
    text, delimiter = case
    fast = arrow_table(_HEADER, text.encode(), delimiter)
    if fast is None:
        return  # the csv module reads this file itself
    reference = _reference(text, delimiter)
    assert reference is not None, "Arrow read a file the csv module refuses"
    columns, lines = reference
    assert {name: fast.columns[name] for name in columns} == columns
    assert fast.lines == lines


@settings(max_examples=examples(300), deadline=None)
@given(csv_texts(), st.integers(1, 8))
def test_the_byte_scans_read_a_file_in_chunks_as_in_one(case: tuple[str, str], chunk: int) -> None:
    """The quotes and line ends of a large file are found a chunk at a time: a quote or a CR LF on
    a chunk's edge counts as anywhere else, and the lines stay the csv module's."""
    text, delimiter = case
    data = text.encode()
    plain = plain_quoting(data, delimiter)  # one chunk: these texts are short
    with mock.patch.object(table_module, "_CHUNK", chunk):
        assert plain_quoting(data, delimiter) is plain
        fast = arrow_table(_HEADER, data, delimiter)
        start = text.find("\n") + 1
        breaks = table_module._Breaks(data, start)
    lone_cr = data.count(b"\r", start) - data.count(b"\r\n", start)
    assert breaks.lone_cr == lone_cr
    assert breaks.physical == data.count(b"\n", start) + lone_cr + (not data.endswith((b"\n", b"\r")))
    reference = _reference(text, delimiter)
    if fast is not None and reference is not None:
        assert fast.lines == reference[1]


@pytest.mark.parametrize(
    ("data", "plain"),
    [
        (b'a,b\n"x","y"\n', True),
        (b'a,"b ""quoted"" c",d\n', True),
        (b'a,"",""""\n', True),
        (b'"multi\nline",x\n', True),
        (b'ab"c,d\n', False),  # a quote inside an unquoted cell
        (b'"ab"c,d\n', False),  # text after a closing quote
        (b'""a,d\n', False),
        (b'"a,"b",c\n', False),
        (b'a,"b\n', False),  # never closed
        (b'a;"b";c\n', True),
    ],
)
def test_plain_quoting(data: bytes, plain: bool) -> None:
    delimiter = ";" if b";" in data else ","
    assert plain_quoting(data, delimiter) is plain


@pytest.mark.slow  # half a second or more: the full suite runs it
def test_arrow_strips_exactly_the_whitespace_python_strips() -> None:
    """utf8_trim_whitespace stands in for str.strip; both must mean the same characters."""
    chars = [chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF]
    trimmed = pc.utf8_length(pc.utf8_trim_whitespace(pa.array([c + "x" + c for c in chars]))).to_pylist()
    arrow = {c for c, length in zip(chars, trimmed, strict=True) if length == 1}
    assert arrow == {c for c in chars if c.isspace()}


def test_a_field_over_the_csv_module_limit_is_left_to_it() -> None:
    big = "x" * (csv.field_size_limit() + 1)
    data = csv_bytes([row("a", notes=big)])
    assert arrow_table(list(COLUMNS), data, ",") is None
    with pytest.raises(Exception) as caught:
        parse_csv(data, max_bytes=None)
    assert {(p.line, p.code) for p in caught.value.problems} == {(2, "csv_syntax")}  # type: ignore[attr-defined]


def test_csv_module_reference_is_the_loader_used_for_irregular_files() -> None:
    """A ragged row sends the whole file to the csv module, which names the row's line."""
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows([list(COLUMNS), ["a"] * len(COLUMNS), ["b", "c"]])
    with pytest.raises(Exception) as caught:
        parse_csv(text.getvalue().encode())
    assert (3, "", "ragged_row") in caught.value.codes  # type: ignore[attr-defined]
