"""Released versions stay in data/releases/ unchanged, each with its date, and data/CHANGELOG.md
is the diff between consecutive releases, regenerated here (a stale change log fails)."""

from __future__ import annotations

import re

from funding.changelog import CHANGELOG, render_changelog
from funding.dataset_info import load_info
from funding.paths import DATA_DIR
from funding.versions import read_version, releases, version_key

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
