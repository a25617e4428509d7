"""The curator's check (`funding.changes.quotes`, `python -m funding check-quotes`) on a small version
folder whose seed text is written here, with a tampered quote and a tampered amount."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from factory import csv_bytes, row

from funding.changes.quotes import amounts_in, check_version
from funding.registry.documents import load_documents
from funding.registry.versions import read_version

ROOT = Path(__file__).resolve().parent.parent
SEED = """Line one of the seed.
The Commission will mobilise EUR 1.5 billion for battery
cell producers, and de regering trekt € 296 miljoen uit voor Net-
zero batterijen.
"""
DISAGREEMENTS = (
    "id,record_id,column,other_document,other_locator,other_quote,other_amount_eur,other_qualifier,summary_en,summary_nl\n"
    "fine,good,amount_eur,doc,L3,trekt € 296 miljoen uit,296000000,exact,x,x\n"
    "bad,good,amount_eur,doc,L3,trekt € 291 miljoen uit,291000000,exact,x,x\n"
)


def version_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "dataset.json").write_text(
        json.dumps(
            {
                "title": "t",
                "title_nl": "t",
                "version": "9.0.0",
                "date": "2026-01-01",
                "citation": "c",
                "licence": "l",
            }
        )
    )
    (folder / "documents.csv").write_text(
        "id,title_en,title_nl,publisher,issued,language,file,url\n"
        "doc,D,D,P,,en,seed.txt,\n"
        "nofile,N,N,P,,en,,\n"
    )
    rows = [
        row(
            "good",
            "1500000000",
            source_document="doc",
            source_quote="mobilise EUR 1.5 billion for battery cell",
        ),
        # line 3: one word changed, so the quote is no longer verbatim
        row("tampered-quote", source_document="doc", source_quote="mobilise EUR 1.5 billion for car cell"),
        # line 4: the quote is verbatim but says 1.5 billion, not 2.5 billion
        row("tampered-amount", "2500000000", source_document="doc", source_quote="EUR 1.5 billion"),
        # line 5: a hyphen at a line break joins the word and stays: "Net-zero"
        row(
            "hyphenated",
            "296000000",
            source_document="doc",
            source_quote="trekt € 296 miljoen uit voor Net-zero",
        ),
        row("unchecked", source_document="nofile", source_quote="anything"),
    ]
    (folder / "funding.csv").write_bytes(csv_bytes(rows))
    (folder / "disagreements.csv").write_text(DISAGREEMENTS)
    sources = tmp_path / "seeds"
    sources.mkdir()
    (sources / "seed.txt").write_text(SEED)
    return folder


def test_tampered_quote_and_amount_by_line_and_column(tmp_path: Path) -> None:
    folder = version_folder(tmp_path)
    version = read_version(folder)
    report = check_version(version, load_documents(folder / "documents.csv"), tmp_path / "seeds")
    found = {
        name: {(p.line, p.column, p.code) for p in problems} for name, problems in report.problems.items()
    }
    assert found == {
        str(folder / "funding.csv"): {
            (3, "source_quote", "quote_not_verbatim"),
            (4, "amount_eur", "amount_not_in_quote"),
            (6, "source_document", "document_without_file"),
        },
        str(folder / "disagreements.csv"): {
            (3, "other_quote", "quote_not_verbatim"),
        },
    }
    assert report.checked == 7
    assert not report.unreadable


def test_a_file_outside_a_version_folder_citing_an_unknown_document(tmp_path: Path) -> None:
    """The loader checks document ids only against a registry it is given; a loose file is read
    without one, so the quote check names the quote it cannot check instead of passing it."""
    folder = version_folder(tmp_path)
    loose = tmp_path / "loose.csv"
    loose.write_bytes(
        csv_bytes(
            [row("a", source_document="doc", source_quote="Line one"), row("b", source_document="nowhere")]
        )
    )
    report = check_version(read_version(loose), load_documents(folder / "documents.csv"), tmp_path / "seeds")
    assert {(p.line, p.column, p.code) for p in report.problems[str(loose)]} == {
        (3, "source_document", "unknown_document")
    }


@pytest.mark.subprocess
def test_the_command_prints_locations_and_exits_1(tmp_path: Path) -> None:
    folder = version_folder(tmp_path)
    result = run(str(folder), "--sources", str(tmp_path / "seeds"))
    assert result.returncode == 1
    assert f"{folder / 'funding.csv'}:3: source_quote: not verbatim" in result.stderr
    assert f"{folder / 'funding.csv'}:4: amount_eur: " in result.stderr
    assert f"{folder / 'disagreements.csv'}:3: other_quote: " in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.subprocess
def test_missing_sources_exit_2(tmp_path: Path) -> None:
    folder = version_folder(tmp_path)
    assert run(str(folder), "--sources", str(tmp_path / "nowhere")).returncode == 2
    (tmp_path / "seeds" / "seed.txt").unlink()
    result = run(str(folder), "--sources", str(tmp_path / "seeds"))
    assert result.returncode == 2
    assert f"error: {tmp_path / 'seeds' / 'seed.txt'}: no such file" in result.stderr


@pytest.mark.subprocess
def test_an_invalid_file_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes([row("a", level="Mars")]))
    result = run(str(path))
    assert result.returncode == 2
    assert f"{path}:2: level: " in result.stderr


@pytest.mark.subprocess
def test_the_shipped_dataset_passes() -> None:
    from funding.changes.quotes import DEFAULT_SOURCES

    if not DEFAULT_SOURCES.is_dir():
        if os.environ.get("CI"):  # CI has the documents: a skip there would hide a broken check
            pytest.fail(f"source documents not found at {DEFAULT_SOURCES}")
        pytest.skip(f"source documents not found at {DEFAULT_SOURCES} (set FUNDING_SOURCES_DIR)")
    result = run()
    assert result.returncode == 0, result.stderr
    assert "quotes checked" in result.stdout


@pytest.mark.parametrize(
    ("quote", "amount"),
    [
        ("EUR 1.5 billion", 1_500_000_000),
        ("€ 296 miljoen", 296_000_000),
        ("respectievelijk 3.1 en 2.9 miljard Euro", 2_900_000_000),
        ("zo’n € 7,6 mln", 7_600_000),
        ("€ 1.500 miljoen", 1_500_000_000),  # a Dutch thousands point
        ("EUR 200 000", 200),  # a space is no grouping: 200 and 000, never 200000
    ],
)
def test_amounts_a_quote_writes(quote: str, amount: int) -> None:
    assert amount in amounts_in(quote)


def test_an_amount_the_quote_does_not_write() -> None:
    assert 2_500_000_000 not in amounts_in("EUR 1.5 billion")
    assert 200_000 not in amounts_in("EUR 200 000")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "funding", "check-quotes", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        encoding="utf-8",
    )
