"""CSV and XLSX exports opened as a user's software would open them; figures worked out by hand
from the factory dataset (tests/export_support.py)."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from export_support import DISAGREEMENTS, DOCUMENTS, EVIL_NAME, INFO, M, dataset, workbook_bytes
from factory import csv_bytes, row
from openpyxl import load_workbook

from funding.base.paths import DEFAULT_DATA
from funding.cli import main
from funding.exports import export_csv, export_schema_csv, export_xlsx
from funding.exports.names import export_file_name
from funding.exports.rows import EXPORT_COLUMNS
from funding.exports.workbook_columns import COLUMNS, header
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, LEVEL, Lang
from funding.intake.records import COLUMNS as DATASET_COLUMNS
from funding.registry.loading import load_dataset, parse_csv
from funding.selecting.selection import ORIGIN_LABELS, Filters, apply
from funding.selecting.totals import totals_by_kind

# -- CSV -------------------------------------------------------------------------------------------


def read_csv(data: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, so Excel reads the encoding"
    return list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=delimiter))


def test_csv_is_exactly_the_selection_with_provenance() -> None:
    ds = dataset()
    filters = Filters(level=("NL",))
    rows = read_csv(export_csv(ds, apply(filters, ds.records), filters, "en", DOCUMENTS, INFO))
    assert [r["id"] for r in rows] == ["programme", "allocated", "cluster"]
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    assert rows[0]["source_document_title"] == "Progress letter"
    assert [r["amount_eur"] for r in rows] == ["296000000", "120000000", "7600000.5"]
    assert [r["counted_in_net_total"] for r in rows] == ["yes", "no", "no"]
    assert rows[0]["beneficiary_types"] == "research;startups_smes"


def test_csv_writes_cells_as_the_dataset_does() -> None:
    """The bug this replaces wrote may_overlap as "('b',)" and parts_disjoint as "True"."""
    ds = parse_csv(
        csv_bytes(
            [
                row("a", "100", may_overlap="b"),
                row("b", "50", may_overlap="a", parts_disjoint="yes"),
                row("c", "20", parent_id="b"),
                row("d", "10", parent_id="b"),
            ]
        )
    )
    rows = {r["id"]: r for r in read_csv(export_csv(ds, ds.records, Filters(), "en", {}, INFO))}
    assert rows["a"]["may_overlap"] == "b" and rows["b"]["parts_disjoint"] == "yes"
    assert rows["a"]["parts_disjoint"] == "" and rows["a"]["battery_specific"] == "yes"


def test_csv_neutralises_formulas_in_text_columns_only() -> None:
    ds = dataset()
    rows = {r["id"]: r for r in read_csv(export_csv(ds, ds.records, Filters(), "en", DOCUMENTS, INFO))}
    evil = rows["evil"]
    assert evil["name_en"] == "'" + EVIL_NAME and evil["source"] == "'@Evil source"
    assert evil["notes"] == "'\tstarts with a tab" and evil["amount_eur"] == "50000000"
    prefixed = [(r["id"], k) for r in rows.values() for k, v in r.items() if v.startswith("'")]
    assert sorted(prefixed) == sorted(
        ("evil", k) for k in ("name_en", "name_nl", "source", "source_quote", "notes")
    )


def test_dutch_csv_uses_semicolons_and_decimal_commas_unless_asked_otherwise() -> None:
    ds = dataset()
    dutch = {r["id"]: r for r in read_csv(export_csv(ds, ds.records, Filters(), "nl", DOCUMENTS, INFO), ";")}
    assert dutch["cluster"]["amount_eur"] == "7600000,5"
    assert dutch["programme"]["source_document_title"] == "Voortgangsbrief"
    comma = export_csv(ds, ds.records, Filters(), "nl", DOCUMENTS, INFO, delimiter=",")
    assert {r["id"]: r for r in read_csv(comma)}["cluster"]["amount_eur"] == "7600000.5"


# -- the schema CSV: the dataset's own format -------------------------------------------------------


def test_the_whole_dataset_in_its_own_format_is_its_file_byte_for_byte() -> None:
    from funding.registry.loading import load_dataset

    shipped = load_dataset(DEFAULT_DATA)
    assert export_schema_csv(shipped, shipped.records) == DEFAULT_DATA.read_bytes()


SCHEMA_ROWS = [
    row("p", "100", parts_disjoint="no"),
    row("a", "60", parent_id="p", status="allocated"),
    row("b", "30", parent_id="p", status="allocated"),
    row("x", "50", may_overlap="y", status="allocated"),
    row("y", "40", may_overlap="x"),
    row("z", "5"),
]


def test_a_selection_brings_the_rows_it_refers_to_and_validates() -> None:
    """status=allocated selects a, b (parts of p, which has no status) and x (which may share money
    with y): the file adds p and y, so it validates, and its totals read as in the dataset: p 100
    counts once for its parts, x and y make 50–90, together 150–190."""
    ds = parse_csv(csv_bytes(SCHEMA_ROWS))
    selection = apply(Filters(status=("allocated",)), ds.records)
    data = export_schema_csv(ds, selection)
    text = data.decode("utf-8")
    assert text.splitlines()[0] == ",".join(DATASET_COLUMNS)  # exactly the dataset's columns
    again = parse_csv(data)  # raises InvalidData if validate would refuse it
    assert [r.id for r in again.records] == ["p", "a", "b", "x", "y"]
    net = totals_by_kind(again, again.records)["public"].net
    assert (net.low, net.high) == (150.0, 190.0)


def test_export_schema_then_validate_on_the_command_line(tmp_path: Path, capsys: Any) -> None:
    data = tmp_path / "funding.csv"
    data.write_bytes(csv_bytes(SCHEMA_ROWS))
    documents = tmp_path / "documents.csv"
    documents.write_text(
        "id,title_en,title_nl,publisher,issued,language,file,url\ndoc,D,D,P,,en,,\n", encoding="utf-8"
    )
    out = tmp_path / "out.csv"
    common = ["--data", str(data), "--documents", str(documents)]
    assert main(["export", str(out), "--schema", "--status", "allocated", *common]) == 0
    assert (
        "5 rows in the dataset's format (2 of them referred to by the selected ones)"
        in capsys.readouterr().out
    )
    assert main(["validate", str(out), "--documents", str(documents)]) == 0
    assert main(["export", str(tmp_path / "x.csv"), "--schema", "--delimiter", ";", *common]) == 1
    assert main(["export", str(tmp_path / "x.xlsx"), "--schema", *common]) == 1


# -- file names ---------------------------------------------------------------------------------


def test_file_names_say_what_the_selection_is_in_the_language() -> None:
    day = date(2026, 12, 1)
    assert export_file_name(Filters(), "xlsx", "en", today=day) == "battery-funding-all-2026-12-01.xlsx"
    nl = Filters(level=("NL",), type=("loan",))
    assert (
        export_file_name(nl, "pptx", "nl", today=day)
        == "batterijfinanciering-nederland-lening-2026-12-01.pptx"
    )
    assert (
        export_file_name(Filters(q="Zoë's €/x"), "csv", "nl", uploaded=True, schema=True, today=day)
        == "batterijfinanciering-eigen-bestand-zoekterm-zoe-s-x-datasetformaat-2026-12-01.csv"
    )
    long = export_file_name(Filters(source=("a" * 50, "b" * 50)), "csv", "en", today=day)
    assert long == f"battery-funding-{'a' * 50}-2026-12-01.csv"


# -- XLSX ------------------------------------------------------------------------------------------


def workbook(lang: Lang = "en", filters: Filters | None = None) -> Any:
    return load_workbook(io.BytesIO(workbook_bytes(lang, filters or Filters())))


def column(lang: Lang, key: str, code: bool = False) -> int:
    return next(i for i, c in enumerate(COLUMNS, start=1) if c.header == key and c.code == code)


def data_rows(book: Any, lang: Lang = "en") -> dict[str, int]:
    sheet = book[t("sheet_data", lang)]
    ids = column(lang, "x_id")
    return {sheet.cell(r, ids).value: r for r in range(3, sheet.max_row + 1)}


def test_sheets_in_order_the_totals_first() -> None:
    assert workbook().sheetnames == [
        t(f"sheet_{s}", "en") for s in ("totals", "data", "disagreements", "sources", "about")
    ]
    assert workbook("nl").sheetnames == ["Totalen", "Bedragen", "Verschillen", "Bronnen", "Over"]


def test_figures_sheet_warns_then_labels_every_column() -> None:
    book = workbook()
    sheet = book[t("sheet_data", "en")]
    assert sheet.cell(1, 1).value == t("xlsx_warning", "en") and sheet.cell(1, 1).font.bold
    assert [c.value for c in sheet[2]] == [header(c, "en") for c in COLUMNS]
    assert sheet.freeze_panes == "B3" and sheet.auto_filter.ref.startswith("A2:")  # the name stays in view
    rows = data_rows(book)
    assert list(rows) == [r.id for r in dataset().records]
    programme = rows["programme"]
    code, label = column("en", "x_level", code=True), column("en", "x_level")
    assert [sheet.cell(programme, code).value, sheet.cell(programme, label).value] == [
        "NL",
        LEVEL.label("NL", "en"),
    ]
    assert sheet.cell(rows["allocated"], column("en", "x_counted")).value == t("no", "en")
    assert sheet.cell(rows["fund"], column("en", "x_counted")).value is None  # no amount: nothing to count
    assert sheet.cell(programme, column("en", "x_disagreements")).value == "EU strategy: EUR 291 m"
    assert sheet.cell(rows["loan"], column("en", "x_section")).value == "Pillar I"
    assert sheet.cell(rows["loan"], column("en", "x_lines")).value == "Pillar I, L1095"
    assert sheet.cell(programme, column("en", "x_origin")).value == ORIGIN_LABELS.label("not_stated", "en")
    assert sheet.cell(programme, column("en", "x_quote")).alignment.wrap_text


def test_amounts_in_euros_without_cents_and_in_millions() -> None:
    book = workbook()
    sheet = book[t("sheet_data", "en")]
    rows = data_rows(book)
    euros, millions = column("en", "x_amount"), column("en", "x_amount_m")
    loan = sheet.cell(rows["loan"], euros)
    assert loan.value == 1500 * M and loan.data_type == "n" and loan.number_format == '"€" #,##0'
    assert sheet.cell(rows["cluster"], euros).number_format == '"€" #,##0'  # 7,600,000.5: no cents
    assert (
        sheet.cell(rows["loan"], millions).value == 1500
        and sheet.cell(rows["loan"], millions).number_format == "#,##0"
    )
    assert sheet.cell(rows["fund"], euros).value is None


def test_text_that_looks_like_a_formula_stays_text() -> None:
    book = workbook()
    sheet = book[t("sheet_data", "en")]
    name = sheet.cell(data_rows(book)["evil"], column("en", "x_name"))
    assert name.value == EVIL_NAME and name.data_type == "s" and name.quotePrefix
    for each in book.worksheets:
        assert all(cell.data_type != "f" for r in each.iter_rows() for cell in r)
    with zipfile.ZipFile(io.BytesIO(workbook_bytes("en", Filters()))) as archive:
        assert all(
            b"<f>" not in archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")
        )


def totals(book: Any, lang: Lang = "en") -> dict[tuple[str, str], list[Any]]:
    sheet = book[t("sheet_totals", lang)]
    return {
        (sheet.cell(r, 1).value, sheet.cell(r, 2).value): [sheet.cell(r, c) for c in range(3, 11)]
        for r in range(7, sheet.max_row + 1)
    }


def test_totals_per_kind_follow_the_net_rules_as_ranges() -> None:
    """Battery 296 + 50 = 346; wider: the loan, 1,500; all once 1,846 (3 counted of 5 stated, 2
    without an amount: the fund and the unknown row); each kind on its own, split the same way.
    No line adds the programme's parts to it (296 + 120 + 7.6 + 1,500 + 50 = 1,973.6)."""
    found = totals(workbook())
    public = AMOUNT_KIND.label("public", "en")
    battery = found[(public, t("battery_public", "en"))]
    assert [c.value for c in battery[:3]] == ["EUR 346 m", 346 * M, 346 * M]
    assert battery[1].number_format == '"€" #,##0'
    assert (
        found[(public, t("tot_by_origin", "en", origin=ORIGIN_LABELS.label("not_stated", "en").lower()))][
            1
        ].value
        == 346 * M
    )
    assert [c.value for c in found[(public, t("wider_public", "en"))][1:3]] == [1500 * M, 1500 * M]
    everything = found[(public, t("net_public", "en"))]
    assert [c.value for c in everything] == ["EUR 1.846 bn", 1846 * M, 1846 * M, "exactly", 3, 5, 2, None]
    public_ends = [c.value for (kind, _), line in found.items() if kind == public for c in line[1:3]]
    assert max(v for v in public_ends if isinstance(v, float | int)) == 1846 * M
    guarantee = AMOUNT_KIND.label("guarantee", "en")
    assert found[(guarantee, t("scope_battery", "en", kind=guarantee))][1].value == 200 * M
    assert found[(guarantee, t("scope_all", "en", kind=guarantee))][1].value == 200 * M
    target = found[(AMOUNT_KIND.label("target", "en"), t("tot_not_summed", "en"))]
    assert (
        target[0].value == t("targets_stated", "en", n=2)
        and target[1].value is None
        and target[2].value is None
    )


def test_a_range_names_the_figures_that_make_it() -> None:
    ds = parse_csv(
        csv_bytes(
            [row("a", "3000", may_overlap="b", name_en="A"), row("b", "300", may_overlap="a", name_en="B")]
        )
    )
    from funding.exports import export_xlsx

    book = load_workbook(io.BytesIO(export_xlsx(ds, ds.records, Filters(), "en", {}, INFO)))
    line = totals(book)[(AMOUNT_KIND.label("public", "en"), t("net_public", "en"))]
    assert [c.value for c in line[:3]] == ["EUR 3,000–3,300", 3000, 3300] and line[7].value == "A; B"


def test_disagreements_and_sources_sheets() -> None:
    book = workbook()
    disagreements = list(book[t("sheet_disagreements", "en")].iter_rows(min_row=2, values_only=True))
    assert disagreements == [
        (
            "programme",
            "Materials programme",
            t("x_amount", "en"),
            "EUR 296 m",
            "EU strategy",
            "Pillar V, L2000-2001",
            "EUR 291 million for the programme",
            "EUR 291 m",
            "EU strategy: EUR 291 m",
        )
    ]
    assert DISAGREEMENTS.items[0].record_id == "programme"
    sources = {r[1]: r for r in book[t("sheet_sources", "en")].iter_rows(min_row=2, values_only=True)}
    assert set(sources) == {"doc-eu", "doc-nl", "doc-unregistered"}
    assert sources["doc-nl"][6:] == (3, "programme, allocated, cluster")
    assert book[t("sheet_sources", "en")].cell(2, 6).hyperlink.target == "https://example.eu/strategy"


def about(book: Any, lang: Lang) -> dict[str, Any]:
    sheet = book[t("sheet_about", lang)]
    return {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(3, sheet.max_row + 1)}


def test_about_sheet_says_how_to_get_the_same_file_and_how_to_cite_it() -> None:
    facts = about(workbook("nl", Filters(level=("EU", "NL"))), "nl")
    assert facts[t("about_selection", "nl")] == f"{t('describe_level', 'nl')}: EU, {LEVEL.label('NL', 'nl')}"
    assert facts[t("about_parameters", "nl")] == "?lang=nl&level=EU&level=NL"
    assert (
        facts[t("about_command", "nl")] == "python -m funding export OUT.xlsx --lang nl --level EU --level NL"
    )
    assert facts[t("about_rows", "nl")] == 10  # all but the MS ceiling and the private money
    assert facts[t("about_cite", "nl")] == "Testdataset financiering, datasetversie 9.9.9 (2 januari 2026)."
    assert facts[t("about_licence", "nl")] == t("licence_text", "nl")
    assert facts[t("about_exported", "nl")] == "2026-11-23"
    assert not any("README" in str(v) for v in facts.values())  # a recipient cannot open a repository file


def test_workbook_properties_follow_the_language() -> None:
    book = workbook("nl")
    assert book.properties.creator == INFO.title_nl and book.properties.language == "nl-NL"


def test_a_money_origin_keeps_its_acronym_in_the_totals_sheet() -> None:
    """The shipped Battery Booster Facility (EUR 1.5 bn) is money within existing budgets: its line
    reads "For batteries: within existing budgets (current MFF)", lower-cased at its first letter
    only, never "(current mff)" (nor "huidig mfk" in Dutch)."""
    ds = load_dataset()
    origins: tuple[tuple[Lang, str], ...] = (
        ("en", "within existing budgets (current MFF)"),
        ("nl", "binnen bestaande kaders (huidig MFK)"),
    )
    for lang, origin in origins:
        book = load_workbook(
            io.BytesIO(export_xlsx(ds, ds.records, Filters(), lang, DOCUMENTS, INFO, today=date(2026, 1, 1)))
        )
        line = totals(book, lang)[
            (AMOUNT_KIND.label("public", lang), t("tot_by_origin", lang, origin=origin))
        ]
        assert line[1].value == 1_500_000_000
