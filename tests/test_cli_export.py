"""`python -m funding export`: formats, filters as URL parameters, exit codes, and no half files.

Most tests call `main()` in-process (fast); the ones about what a shell sees (exit status,
no traceback, a missing Chromium) run a real process.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from export_support import texts
from factory import csv_bytes, row
from openpyxl import load_workbook
from pptx import Presentation

from funding.cli import main
from funding.cli.export import PNG_CHARTS
from funding.exports import CHARTS, find_chromium

ROOT = Path(__file__).resolve().parent.parent
M = 1_000_000
DOCUMENTS = (
    "id,title_en,title_nl,publisher,issued,language,file,url\n"
    "doc,EU strategy,EU-strategie,European Commission,2025-12-16,en,,https://example.eu/s\n"
    "doc-nl,Progress letter,Voortgangsbrief,Ministry,,nl,,\n"
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "funding.csv"
    data.write_bytes(
        csv_bytes(
            [
                row("eu-loan", str(1500 * M), level="EU", instrument_type="loan"),
                row(
                    "nl-grant",
                    str(296 * M),
                    level="NL",
                    source="Nationaal Groeifonds",
                    source_document="doc-nl",
                ),
                row(
                    "nl-part",
                    str(120 * M),
                    "at_least",
                    level="NL",
                    parent_id="nl-grant",
                    source_document="doc-nl",
                ),
                row("ms-ceiling", str(6100 * M), "up_to", level="MS", amount_kind="state_aid_ceiling"),
            ]
        )
    )
    documents = tmp_path / "documents.csv"
    documents.write_text(DOCUMENTS, encoding="utf-8")
    return data, documents


def export(files: tuple[Path, Path], out: Path, *args: str) -> int:
    data, documents = files
    return main(["export", str(out), "--data", str(data), "--documents", str(documents), *args])


def csv_ids(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8-sig")
    return [r["id"] for r in csv.DictReader(io.StringIO(text, newline=""))]


def test_csv_with_url_parameter_filters(files: tuple[Path, Path], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "nl.csv"
    assert export(files, out, "--level", "NL") == 0
    assert csv_ids(out) == ["nl-grant", "nl-part"]
    printed = capsys.readouterr().out.strip().splitlines()
    assert len(printed) == 1 and printed[0].startswith(
        f"wrote {out}: 2 rows, 1 document cited; level: Netherlands"
    )
    repeated = tmp_path / "eu-nl.csv"
    assert export(files, repeated, "--level", "EU", "--level", "NL", "--type", "grant") == 0
    assert csv_ids(repeated) == ["nl-grant", "nl-part"]


def test_compare_exports_just_the_instruments_compared(files: tuple[Path, Path], tmp_path: Path) -> None:
    picked = ("--compare", "nl-part", "--compare", "ms-ceiling")
    assert export(files, tmp_path / "c.csv", *picked) == 0
    assert csv_ids(tmp_path / "c.csv") == ["nl-part", "ms-ceiling"]  # in the file's order
    # The schema CSV adds the whole the part belongs to, so that `validate` accepts it.
    assert export(files, tmp_path / "s.csv", *picked, "--schema") == 0
    assert csv_ids(tmp_path / "s.csv") == ["nl-grant", "nl-part", "ms-ceiling"]
    assert main(["validate", str(tmp_path / "s.csv"), "--documents", str(files[1])]) == 0
    # A directory: the name says it is a comparison; the workbook holds the two figures.
    assert export(files, tmp_path, *picked, "--format", "xlsx") == 0
    (named,) = tmp_path.glob("battery-funding-own-file-comparison-*.xlsx")  # --data: not the curated file
    assert load_workbook(named)["Figures"].max_row == 2 + 2  # the warning, the header, two rows
    assert export(files, tmp_path / "x.csv", "--compare", "no-such-id") == 1


def test_xlsx_and_pptx_in_dutch(files: tuple[Path, Path], tmp_path: Path) -> None:
    assert export(files, tmp_path / "a.xlsx", "--lang", "nl", "--kind", "public") == 0
    book = load_workbook(tmp_path / "a.xlsx")
    assert book.sheetnames == ["Totalen", "Bedragen", "Verschillen", "Bronnen", "Over"]
    assert book["Bedragen"].max_row == 2 + 3  # the warning, the header, three rows
    about = [v for r in book["Over"].iter_rows(values_only=True) for v in r if v is not None]
    assert "bestand funding.csv, niet de gepubliceerde dataset" in about  # --data is not the curated file
    assert export(files, tmp_path / "a.pptx", "--lang", "nl") == 0
    prs = Presentation(str(tmp_path / "a.pptx"))
    assert prs.slides[1].shapes.title.text_frame.text == "Kerncijfers"
    assert "Bron: bestand funding.csv, niet de gepubliceerde dataset" in "".join(
        shape.text_frame.text for shape in prs.slides[2].shapes if shape.has_text_frame
    )


def test_template_is_used(files: tuple[Path, Path], tmp_path: Path) -> None:
    template = tmp_path / "house-style.pptx"
    Presentation().save(str(template))
    assert export(files, tmp_path / "t.pptx", "--template", str(template)) == 0
    assert Presentation(str(tmp_path / "t.pptx")).slide_width == Presentation(str(template)).slide_width


def test_bad_filter_values_list_the_valid_ones(files: tuple[Path, Path], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.csv"
    assert export(files, out, "--level", "Mars", "--type", "lease") == 1
    err = capsys.readouterr().err
    assert "error: level: unknown value 'Mars'; valid: EU, NL, MS, private" in err
    assert "error: type: unknown value 'lease'; valid: grant, loan, guarantee" in err
    assert export(files, out, "--source", "Nowhere") == 1
    assert "valid: EU Innovation Fund, Nationaal Groeifonds" in capsys.readouterr().err
    assert export(files, out, "--year-from", "2027", "--year-to", "2025") == 1
    assert export(files, out, "--year-from", "soon") == 1
    assert "year_from: must be a year" in capsys.readouterr().err
    assert export(files, out, "--lang", "fr") == 1
    assert "lang: unknown value 'fr'; valid: en, nl" in capsys.readouterr().err
    assert not out.exists()


def test_every_chart_of_the_page_can_be_a_png_and_the_deck_keeps_the_page_order() -> None:
    """One registry: the CLI offers the page's charts, and the deck's are those of them it draws,
    in the page's order (the deck had beneficiary and instrument type the other way round)."""
    assert PNG_CHARTS == (
        "envelopes",
        "pillar",
        "source",
        "beneficiary",
        "instrument_type",
        "hierarchy",
        "flow",
        "timeline",
    )
    assert tuple(name for name in PNG_CHARTS if name in CHARTS) == CHARTS


def test_option_mistakes_exit_1(files: tuple[Path, Path], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert export(files, tmp_path / "x.docx") == 1
    assert "valid: .csv, .xlsx, .pptx, .png" in capsys.readouterr().err
    assert export(files, tmp_path / "x.png", "--chart", "pie") == 1
    assert "valid: envelopes, pillar, source, beneficiary, instrument_type, hierarchy, flow, timeline" in (
        capsys.readouterr().err
    )
    assert export(files, tmp_path / "x.csv", "--chart", "pillar") == 1
    assert export(files, tmp_path / "x.csv", "--template", "t.pptx") == 1
    assert not list(tmp_path.glob("x.*"))


def test_never_overwrites_without_force(files: tuple[Path, Path], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "weekly.csv"
    out.write_text("keep me")
    assert export(files, out) == 1
    assert "already exists; use --force to overwrite it" in capsys.readouterr().err
    assert out.read_text() == "keep me"
    assert export(files, out, "--force") == 0
    assert csv_ids(out) == ["eu-loan", "nl-grant", "nl-part", "ms-ceiling"]


def test_failure_leaves_no_file_behind(files: tuple[Path, Path], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.pptx"
    broken.write_bytes(b"PK not really a presentation")
    out = tmp_path / "deck.pptx"
    assert export(files, out, "--template", str(broken)) == 2
    assert capsys.readouterr().err.startswith(f"error: {broken}: ")
    assert not out.exists()
    assert export(files, tmp_path / "missing-dir" / "deck.csv") == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.pptx", "documents.csv", "funding.csv"]


def test_template_limits_apply_to_the_command_line(files: tuple[Path, Path], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The page's slide-template limit (5 MB, funding.exports.templates) holds for --template too."""
    large = tmp_path / "large.pptx"
    large.write_bytes(b"PK" + b"\0" * (5 * 1024 * 1024))  # 5 MB + 2 bytes
    out = tmp_path / "deck.pptx"
    assert export(files, out, "--template", str(large)) == 2
    assert capsys.readouterr().err.startswith(f"error: {large}: ")
    assert not out.exists()


def test_invalid_and_unreadable_data(files: tuple[Path, Path], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _, documents = files
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([row("a", level="Mars"), row("b", "-1")]))
    out = tmp_path / "x.csv"
    assert main(["export", str(out), "--data", str(bad), "--documents", str(documents)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2: level: " in err  # the same PATH:LINE: COLUMN: format as validate
    assert f"{bad}:3: amount_eur:" in err
    assert (
        main(["export", str(out), "--data", str(tmp_path / "none.csv"), "--documents", str(documents)]) == 2
    )
    assert capsys.readouterr().err.startswith("error: ")
    assert not out.exists()


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "funding", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.subprocess
def test_shipped_dataset_to_a_deck_in_a_real_process(tmp_path: Path) -> None:
    out = tmp_path / "briefing.pptx"
    result = run("export", str(out), "--level", "NL", "--lang", "nl")
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.startswith(f"wrote {out}: ") and "(1 native chart)" in result.stdout
    )  # the envelope bars; MICB by beneficiary is a sentence
    assert result.stdout.count("\n") == 1
    again = run("export", str(out), "--level", "NL")
    assert again.returncode == 1 and "Traceback" not in again.stderr


@pytest.mark.subprocess
def test_png_without_chromium_says_how_to_install_it(files: tuple[Path, Path], tmp_path: Path) -> None:
    data, documents = files
    out = tmp_path / "chart.png"
    result = run(
        "export",
        str(out),
        "--data",
        str(data),
        "--documents",
        str(documents),
        env={"BROWSER_PATH": "/nonexistent"},
    )
    assert result.returncode == 3
    assert "apt-get install chromium" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.browser
def test_png_with_chromium(files: tuple[Path, Path], tmp_path: Path) -> None:
    if find_chromium() is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set but no Chromium was found for kaleido", pytrace=False)
        pytest.skip("needs Chromium (apt-get install chromium)")
    out = tmp_path / "chart.png"
    assert export(files, out, "--chart", "source") == 0
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_member_states_export_their_state_aid_ceilings(files: tuple[Path, Path], tmp_path: Path) -> None:
    """--level MS: the rows state a ceiling only, so the deck is about it (funding.selecting.kinds), as the
    page is for /?level=MS. One ceiling is one bar: no chart slide, a sentence each instead."""
    out = tmp_path / "ms.pptx"
    assert export(files, out, "--level", "MS") == 0
    deck = Presentation(str(out))
    assert not any(shape.has_chart for slide in deck.slides for shape in slide.shapes)
    headline = texts(deck.slides[1])
    # The comparison and the four breakdowns, each of the one ceiling (up to EUR 6.1 bn).
    assert headline.count("State-aid ceiling") >= 5 and headline.count("up to EUR 6.1 bn") >= 5


def test_a_breakdown_png_of_targets_is_refused(files: tuple[Path, Path], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Targets may overlap and are never added up: no breakdown of them, as on the page."""
    _, documents = files
    targets = tmp_path / "targets.csv"
    targets.write_bytes(csv_bytes([row("t", str(55000 * M), "about", amount_kind="target")]))
    out = tmp_path / "t.png"
    assert (
        main(["export", str(out), "--data", str(targets), "--documents", str(documents), "--chart", "source"])
        == 1
    )
    assert capsys.readouterr().err.startswith("error: chart 'source': ")
    assert not out.exists()
