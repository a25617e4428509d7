"""Text that starts like a formula is loaded as written and neutralised in every spreadsheet output.

"- see the 2025 letter" and "+CityxChange" are real names and notes, so the loader accepts text
starting with =, +, -, @, tab or CR; what would make it dangerous is a spreadsheet running it,
so each CSV and XLSX the project writes is opened here (csv module, openpyxl) and checked: no
formula cell anywhere, the text kept exactly (after a leading apostrophe in CSV, as a quoted
string in XLSX), and amounts still numbers.
"""

from __future__ import annotations

import csv
import io
import tomllib
import zipfile
from pathlib import Path

import openpyxl
import pytest
from factory import csv_bytes, row

from funding.base.formulas import neutralise
from funding.changes import editing
from funding.cli import main
from funding.exports import export_csv, export_schema_csv, export_xlsx
from funding.i18n import t
from funding.i18n.vocab import Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import load_info
from funding.registry.documents import Document
from funding.registry.loading import parse_csv
from funding.selecting.selection import Filters

ROOT = Path(__file__).resolve().parent.parent
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Every text column a file can fill, each starting like a formula (values as the loader keeps
# them: surrounding whitespace is stripped, so a tab or CR counts only inside the text).
HOSTILE = {
    "name_en": '=HYPERLINK("https://evil.example","click")',
    "name_nl": "+CityxChange",
    "source": "-2+3",
    "source_locator": "@SUM(A1:A9)",
    "source_quote": "=1+1 is not a formula here",
    "notes": "- see the 2025 letter",
}
DOCUMENT = "doc"
REGISTRY = (
    "id,title_en,title_nl,publisher,issued,language,file,url\ndoc,=Evil title,+Titel,-Publisher,,en,,\n"
)


def loaded() -> tuple[object, list[object]]:
    dataset = parse_csv(
        csv_bytes(
            [
                row("hostile", "1500", source_document=DOCUMENT, **HOSTILE),
                row("plain", "7.5", source_document=DOCUMENT),
            ]
        )
    )
    return dataset, list(dataset.records)


def test_the_loader_keeps_formula_like_text_exactly() -> None:
    _, (record, _) = loaded()
    assert {column: getattr(record, column) for column in HOSTILE} == HOSTILE


def _documents() -> dict[str, object]:
    from funding.registry.documents import Document

    return {
        DOCUMENT: Document(
            id=DOCUMENT, title_en="=Evil title", title_nl="+Titel", publisher="-Publisher", language="en"
        )
    }


@pytest.mark.parametrize(("lang", "delimiter"), [("en", ","), ("nl", ";")])
def test_csv_export_neutralises_text_and_keeps_numbers(lang: str, delimiter: str) -> None:
    dataset, records = loaded()
    data = export_csv(dataset, records, Filters(), lang, _documents(), load_info())  # type: ignore[arg-type]
    table = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))
    cells = [value for line in table for value in line.values() if value]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)], "a cell a spreadsheet would run"
    hostile = next(line for line in table if line["id"] == "hostile")
    for column, text in HOSTILE.items():
        assert hostile[column] == "'" + text  # the apostrophe Excel itself writes for such text
    assert hostile["source_document_title"] == ("'=Evil title" if lang == "en" else "'+Titel")
    # Numbers stay numbers: 1500 and 7.5 (7,5 with the Dutch decimal comma), no apostrophe.
    amounts = [line["amount_eur"] for line in table]
    assert amounts == (["1500", "7.5"] if lang == "en" else ["1500", "7,5"])


# Where each hostile text shows in the workbook's figures sheet (headers in the file's language).
XLSX_HEADERS = {
    "name_en": ("en", "x_name"),
    "name_nl": ("nl", "x_name"),
    "source": ("en", "x_source"),
    "source_locator": ("en", "x_lines"),
    "source_quote": ("en", "x_quote"),
    "notes": ("en", "x_notes"),
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_xlsx_export_has_no_formula_cell_and_keeps_text_exactly(lang: str) -> None:
    dataset, records = loaded()
    data = export_xlsx(dataset, records, Filters(q="=cmd|' /C calc'!A0"), lang, _documents(), load_info())  # type: ignore[arg-type]
    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        assert not [c.coordinate for r in sheet.iter_rows() for c in r if c.data_type == "f"], sheet.title
    with zipfile.ZipFile(io.BytesIO(data)) as archive:  # nor in the XML, whatever openpyxl reads
        assert not [
            n for n in archive.namelist() if n.startswith("xl/worksheets/") and b"<f>" in archive.read(n)
        ]
    sheet = book[t("sheet_data", lang)]  # type: ignore[arg-type]
    header = [c.value for c in sheet[2]]  # row 1 is the warning not to add the amounts up
    ids = header.index(t("x_id", lang))  # type: ignore[arg-type]
    hostile = next(r for r in sheet.iter_rows(min_row=3) if r[ids].value == "hostile")
    for column, (shown_in, key) in XLSX_HEADERS.items():
        if shown_in == lang:
            cell = hostile[header.index(t(key, lang))]  # type: ignore[arg-type]
            assert (cell.value, cell.data_type, cell.quotePrefix) == (HOSTILE[column], "s", True)
    amount = hostile[header.index(t("x_amount", lang))]  # type: ignore[arg-type]
    assert (amount.value, amount.data_type) == (1500, "n")


def test_command_line_exports_are_neutralised_too(tmp_path: Path) -> None:
    data = tmp_path / "hostile.csv"
    data.write_bytes(csv_bytes([row("hostile", "1500", source_document=DOCUMENT, **HOSTILE)]))
    registry = tmp_path / "documents.csv"
    registry.write_text(REGISTRY, encoding="utf-8")
    for name in ("out.csv", "out.xlsx"):
        assert main(["export", str(tmp_path / name), "--data", str(data), "--documents", str(registry)]) == 0
    text = (tmp_path / "out.csv").read_bytes().decode("utf-8-sig")
    cells = [v for line in csv.reader(io.StringIO(text, newline="")) for v in line if v]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert not [c for s in book.worksheets for r in s.iter_rows() for c in r if c.data_type == "f"]


def test_the_page_offers_no_table_download_that_would_skip_neutralising() -> None:
    """Streamlit's own table download writes cells as they are (1.67, useDataExporter); the
    page's CSV and XLSX buttons are the neutralised way to take the data away."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True


# ---------------------------------------------------------------------------------------------
# Every CSV and XLSX the page and the command line write, opened and searched for formula cells


def formula_cells(name: str, data: bytes, delimiter: str = ",") -> list[str]:
    """Where a spreadsheet would run a cell of this file: a formula cell of an XLSX, or a CSV
    cell that starts like a formula."""
    if name.endswith(".xlsx"):
        book = openpyxl.load_workbook(io.BytesIO(data))
        return [
            f"{s.title}!{c.coordinate}"
            for s in book.worksheets
            for r in s.iter_rows()
            for c in r
            if c.data_type == "f"
        ]
    lines = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter)
    return [
        f"{number}:{cell!r}"
        for number, line in enumerate(lines, 1)
        for cell in line
        if cell.startswith(FORMULA_STARTS)
    ]


def unquoted(cell: str) -> str:
    """A neutralised CSV cell read back: one apostrophe off apostrophes before a formula start."""
    return cell[1:] if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def _hostile() -> tuple[Dataset, list[Instrument], dict[str, Document]]:
    """The hostile row and a plain one, typed, with the hostile document registry."""
    dataset = parse_csv(
        csv_bytes([row("hostile", "1500", source_document=DOCUMENT, **HOSTILE), row("plain", "7.5")])
    )
    document = Document(
        id=DOCUMENT, title_en="=Evil title", title_nl="+Titel", publisher="-Publisher", language="en"
    )
    return dataset, list(dataset.records), {DOCUMENT: document}


def _hostile_edit() -> tuple[editing.Checked, editing.Checked]:
    """The hostile rows as the Edit grid holds them, with formula text typed into coded cells (so
    the loader reports them, values and all), and a valid edit of a row's notes."""
    dataset, _, _ = _hostile()
    table = editing.table_of(dataset)
    table.loc[1, "level"] = '=HYPERLINK("https://evil.example","x")'
    table.loc[1, "status"] = "@SUM(A1)"
    table.loc[2, "id"] = "=1+2"
    fine = editing.table_of(dataset)
    fine.loc[2, "notes"] = "=2+2"
    return editing.check(table, [DOCUMENT]), editing.check(fine, [DOCUMENT])


def test_the_edit_views_problem_list_is_neutralised_and_keeps_every_value() -> None:
    invalid, _ = _hostile_edit()
    data = editing.problems_csv(invalid.problems, "nl")
    assert formula_cells("problems.csv", data) == []
    table = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    values = {unquoted(line["value"]) for line in table}
    typed = {'=HYPERLINK("https://evil.example","x")', "@SUM(A1)", "=1+2"}
    assert typed <= values  # each typed value is in the file, behind its apostrophe
    assert "=1+2" in {unquoted(line["id"]) for line in table}


def test_every_csv_and_xlsx_the_page_and_the_command_line_write(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """One list of every spreadsheet output; each must have no formula cell. The edited dataset
    itself (`funding-edited.csv`) is left out on purpose: it is the data file, kept as written
    so that `validate` and the loader read exactly what was typed."""
    dataset, records, documents = _hostile()
    outputs: list[tuple[str, bytes, str]] = []
    languages: tuple[tuple[Lang, str], ...] = (("en", ","), ("nl", ";"))
    for lang, delimiter in languages:
        args = (dataset, records, Filters(), lang, documents, load_info())
        outputs.append((f"page-{lang}.csv", export_csv(*args), delimiter))
        outputs.append((f"page-{lang}.xlsx", export_xlsx(*args), delimiter))
    outputs.append(("schema.csv", export_schema_csv(dataset, records), ","))
    invalid, valid = _hostile_edit()
    assert valid.dataset is not None
    for lang, _ in languages:
        outputs.append((f"edit-problems-{lang}.csv", editing.problems_csv(invalid.problems, lang), ","))
    outputs.append(("edit-changes.csv", editing.diff_csv(dataset, valid.dataset).encode(), ","))
    data = tmp_path / "hostile.csv"
    data.write_bytes(csv_bytes([row("hostile", "1500", source_document=DOCUMENT, **HOSTILE)]))
    plain = tmp_path / "plain.csv"
    plain.write_bytes(csv_bytes([row("hostile", "1500", source_document=DOCUMENT)]))
    registry = tmp_path / "documents.csv"
    registry.write_text(REGISTRY, encoding="utf-8")
    for name, extra in (("cli.csv", []), ("cli.xlsx", []), ("cli-schema.csv", ["--schema"])):
        argv = ["export", str(tmp_path / name), "--data", str(data), "--documents", str(registry), *extra]
        assert main(argv) == 0
        outputs.append((name, (tmp_path / name).read_bytes(), ","))
    capsysbinary.readouterr()
    assert main(["diff", str(plain), str(data), "--format", "csv"]) == 1  # the Changes view's file too
    outputs.append(("diff.csv", capsysbinary.readouterr().out, ","))
    found = {name: formula_cells(name, content, delimiter) for name, content, delimiter in outputs}
    assert found == {name: [] for name, _, _ in outputs}
    # Not vacuous: each CSV carries hostile text behind its apostrophe.
    for name, content, _ in outputs:
        if not name.endswith(".xlsx"):
            assert any(f"'{start}".encode() in content for start in "=+-@"), name


def test_an_apostrophe_only_change_shows_two_different_values() -> None:
    """`=1+2` became `'=1+2`: both neutralised the same way they printed the same; now the one
    that starts with an apostrophe gets a second one, and reading back undoes each exactly; an
    apostrophe before plain text is kept as it is."""
    old = parse_csv(csv_bytes([row("a", notes="=1+2")]))
    new = parse_csv(csv_bytes([row("a", notes="'=1+2")]))
    lines = list(csv.DictReader(io.StringIO(editing.diff_csv(old, new), newline="")))
    (change,) = [line for line in lines if line["column"] == "notes"]
    assert (change["old_value"], change["new_value"]) == ("'=1+2", "''=1+2")
    assert (unquoted(change["old_value"]), unquoted(change["new_value"])) == ("=1+2", "'=1+2")
    assert neutralise("'aims to' -> up_to") == "'aims to' -> up_to"
