"""Released versions stay in data/releases/ unchanged, each with its date, and data/CHANGELOG.md
is the diff between consecutive releases, regenerated here (a stale change log fails)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from funding.base.paths import DATA_DIR
from funding.changes.changelog import CHANGELOG, render_changelog
from funding.cli import main
from funding.registry.dataset_info import load_info
from funding.registry.disagreements import Disagreements
from funding.registry.versions import Companions, companions, read_version, releases, version_key

# What a release folder holds (from 1.1.0 on), as data/README.md describes it.
FILES = ("funding.csv", "documents.csv", "disagreements.csv", "dataset.json")


def test_every_release_is_dated_named_after_its_version_and_valid() -> None:
    found = releases()
    assert [r.version for r in found][:2] == ["1.0.0", "1.1.0"]
    dates = []
    for release in found:
        info = load_info(release.folder / "dataset.json")
        assert info.version == release.version
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", info.date)
        dates.append(info.date)
        assert read_version(release.folder).info == info  # every file reads and validates
    assert dates == sorted(dates)


def test_releases_are_ordered_by_number_not_by_text() -> None:
    assert sorted(["1.10.0", "1.9.0", "1.2.0"], key=version_key) == ["1.2.0", "1.9.0", "1.10.0"]


def test_the_working_copy_is_the_latest_release_or_a_newer_version() -> None:
    """data/ carries the version it will be released as: the files of a released version are
    never edited in place (a slide citing v1.1.0 must mean one set of figures)."""
    current = load_info(DATA_DIR / "dataset.json").version
    released = {r.version: r.folder for r in releases()}
    if current in released:
        changed = [
            name
            for name in FILES
            if (DATA_DIR / name).exists()
            and (DATA_DIR / name).read_bytes() != (released[current] / name).read_bytes()
        ]
        assert not changed, f"{changed} differ from release {current}: give data/dataset.json a new version"
    else:
        assert version_key(current) > max(version_key(v) for v in released)


def test_the_change_log_is_up_to_date() -> None:
    assert CHANGELOG.read_text(encoding="utf-8") == render_changelog(releases()), (
        "data/CHANGELOG.md is out of date: run scripts/changelog"
    )


def test_the_change_log_has_a_section_per_release() -> None:
    headings = [line for line in CHANGELOG.read_text(encoding="utf-8").splitlines() if line.startswith("## ")]
    assert headings[-2:] == [
        "## 1.1.0 (2026-12-01), compared with 1.0.0 (2026-11-23)",
        "## 1.0.0 (2026-11-23)",
    ]


def test_a_csv_in_a_version_folder_has_its_own_companions(tmp_path: Path) -> None:
    """1.0.0's folder holds dataset.json, documents.csv and funding.csv, and no disagreements.csv
    (it came with 1.1.0); a CSV outside any version folder is checked against data/'s files."""
    folder = DATA_DIR / "releases" / "1.0.0"
    assert companions(folder / "funding.csv") == Companions(
        True, folder / "dataset.json", folder / "documents.csv", None
    )
    loose = tmp_path / "funding.csv"
    assert companions(loose) == Companions(
        False, None, DATA_DIR / "documents.csv", DATA_DIR / "disagreements.csv"
    )
    assert read_version(folder).info == load_info(folder / "dataset.json")
    assert read_version(folder).disagreements == Disagreements()


def test_export_of_a_release_csv_is_that_release(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "release.xlsx"
    assert main(["export", str(out), "--data", str(DATA_DIR / "releases" / "1.0.0" / "funding.csv")]) == 0
    assert "v1.0.0," in capsys.readouterr().out  # the summary names the version exported
    book = load_workbook(out)
    cells = [str(v) for sheet in book for r in sheet.iter_rows(values_only=True) for v in r if v is not None]
    assert any("1.0.0" in c for c in cells) and not any("1.1.0" in c for c in cells)
