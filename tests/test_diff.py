"""`funding.changes.diff` on hand-made pairs of small files, and `python -m funding diff` in a real process.

Every expected total is worked out by hand in the test's docstring (amounts in EUR million)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from factory import csv_bytes, row

from funding.changes.diff import Amount, AmountChange, CellChange, KindShift, TableDiff, diff_datasets
from funding.changes.diff_report import MARK, changed_passages
from funding.intake.records import COLUMNS
from funding.registry.loading import parse_csv

ROOT = Path(__file__).resolve().parent.parent
M = 1_000_000


def diff(
    old: list[dict[str, str]], new: list[dict[str, str]]
) -> tuple[TableDiff, tuple[AmountChange, ...], tuple[KindShift, ...]]:
    return diff_datasets(parse_csv(csv_bytes(old)), parse_csv(csv_bytes(new)))


def codes(table: TableDiff) -> set[tuple[str, str, str | None]]:
    return {(c.code, c.id, c.old_id) for c in table.changes}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "funding", "diff", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        encoding="utf-8",
    )


def write(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_bytes(csv_bytes(rows))
    return path


def test_added_removed_and_changed_rows() -> None:
    old = [row("kept", name_en="Old name"), row("dropped"), row("same")]
    new = [row("kept", name_en="New name", status="open"), row("same"), row("fresh", "5")]
    table, amounts, _ = diff(old, new)
    assert codes(table) == {("changed", "kept", None), ("removed", "dropped", None), ("added", "fresh", None)}
    kept = next(c for c in table.changes if c.id == "kept")
    assert kept.cells == (CellChange("name_en", "Old name", "New name"), CellChange("status", "", "open"))
    assert [(a.id, a.old, a.new.amount if a.new else None) for a in amounts] == [("fresh", None, 5.0)]
    assert (table.old_rows, table.new_rows) == (3, 3)


def test_a_rename_is_one_change_and_its_children_follow() -> None:
    """`whole` becomes `whole-2020` with the same content, and so does its part `part` (which
    points at the renamed whole): two renames, found in two passes. `child` keeps its id and
    follows the renamed whole, so its own cell parent_id changed."""
    old = [
        row("whole", "100"),
        row("part", "40", parent_id="whole", name_en="Part"),
        row("child", parent_id="whole"),
    ]
    new = [
        row("whole-2020", "100"),
        row("part-2020", "40", parent_id="whole-2020", name_en="Part"),
        row("child", parent_id="whole-2020"),
    ]
    table, amounts, shifts = diff(old, new)
    assert codes(table) == {
        ("renamed", "whole-2020", "whole"),
        ("renamed", "part-2020", "part"),
        ("changed", "child", None),
    }
    child = next(c for c in table.changes if c.id == "child")
    assert child.cells == (CellChange("parent_id", "whole", "whole-2020"),)
    assert amounts == ()
    assert all(not s.moved for s in shifts)


def test_a_renamed_row_that_also_changed_is_removed_and_added() -> None:
    table, _, _ = diff([row("a", name_en="A")], [row("b", name_en="B")])
    assert codes(table) == {("removed", "a", None), ("added", "b", None)}


def test_an_amount_change_and_its_effect_on_the_totals() -> None:
    """Old: whole 100 (battery) with part 30 inside it, and a wider envelope 20 (battery_specific
    no). Net: battery 100, wider 20, all 100 + 20 = 120; all exact.
    New: the whole becomes "up to 150": battery up to 150, wider 20, all up to 150 + 20 = 170.
    The guarantee 50 is untouched, so no guarantee total is reported."""
    old = [
        row("whole", "100000000"),
        row("part", "30000000", parent_id="whole"),
        row("wider", "20000000", battery_specific="no"),
        row("guarantee", "50000000", amount_kind="guarantee"),
    ]
    new = [{**old[0], "amount_eur": "150000000", "amount_qualifier": "up_to"}, *old[1:]]
    _, amounts, shifts = diff(old, new)
    assert [(a.id, a.old, a.new) for a in amounts] == [
        ("whole", _amount(100, "exact"), _amount(150, "up_to"))
    ]
    assert [s.kind for s in shifts] == ["public"]
    public = shifts[0]
    assert public.causes == ("whole",)
    before = {m: (b.low, b.high, b.qualifier) for m, b in public.before.items()}
    after = {m: (b.low, b.high, b.qualifier) for m, b in public.after.items()}
    assert before == {
        "battery": (100 * M, 100 * M, "exact"),
        "wider": (20 * M, 20 * M, "exact"),
        "net": (120 * M, 120 * M, "exact"),
    }
    assert after == {
        "battery": (150 * M, 150 * M, "up_to"),
        "wider": (20 * M, 20 * M, "exact"),
        "net": (170 * M, 170 * M, "up_to"),
    }


def _amount(millions: float, qualifier: str) -> Amount:
    return Amount(millions * M, qualifier, "public")


def test_a_possible_overlap_turns_a_total_into_a_range() -> None:
    """Two whole figures 300 and 100 are linked by may_overlap in the new file: the net total
    goes from 300 + 100 = 400 to a range 300 (the 100 inside the 300) to 400; no amount changed."""
    old = [row("big", "300"), row("small", "100")]
    new = [row("big", "300", may_overlap="small"), row("small", "100", may_overlap="big")]
    _, amounts, shifts = diff(old, new)
    assert amounts == ()
    net_before, net_after = shifts[0].before["net"], shifts[0].after["net"]
    assert (net_before.low, net_before.high) == (400, 400)
    assert (net_after.low, net_after.high, net_after.uncertain) == (300, 400, ("big", "small"))
    assert set(shifts[0].causes) == {"big", "small"}


@pytest.mark.subprocess
def test_identical_files_exit_0(tmp_path: Path) -> None:
    rows = [row("a", "5"), row("b")]
    result = run(str(write(tmp_path / "old.csv", rows)), str(write(tmp_path / "new.csv", rows)))
    assert result.returncode == 0, result.stderr
    assert "identical" in result.stdout


@pytest.mark.subprocess
def test_differences_exit_1_in_every_format(tmp_path: Path) -> None:
    old = write(tmp_path / "old.csv", [row("a", "5"), row("b")])
    new = write(tmp_path / "new.csv", [row("a", "7"), row("c", name_en="Another")])
    before = (old.read_bytes(), new.read_bytes(), old.stat().st_mtime_ns, new.stat().st_mtime_ns)
    outputs = {fmt: run(str(old), str(new), "--format", fmt) for fmt in ("text", "md", "csv", "json")}
    assert {fmt: r.returncode for fmt, r in outputs.items()} == dict.fromkeys(outputs, 1)
    assert all("Traceback" not in r.stderr for r in outputs.values())
    lines = list(csv.reader(io.StringIO(outputs["csv"].stdout)))
    assert lines[0] == ["table", "change", "id", "old_id", "column", "old_value", "new_value"]
    assert sorted(lines[1:]) == [
        ["funding", "added", "c", "", "", "", ""],
        ["funding", "changed", "a", "", "amount_eur", "5", "7"],
        ["funding", "removed", "b", "", "", "", ""],
    ]
    report = json.loads(outputs["json"].stdout)
    net = report["totals"][0]
    assert (net["kind"], net["before"]["net"]["high"], net["after"]["net"]["high"]) == ("public", 5, 7)
    assert "| all, each figure counted once | EUR 5 | EUR 7 | changed |" in outputs["md"].stdout
    assert "amount_eur: 5 (EUR 5) → 7 (EUR 7)" in outputs["text"].stdout
    assert "a (Example instrument), public funding (budget): EUR 5 → EUR 7" in outputs["text"].stdout
    assert (old.read_bytes(), new.read_bytes(), old.stat().st_mtime_ns, new.stat().st_mtime_ns) == before


@pytest.mark.subprocess
def test_unreadable_files_exit_2(tmp_path: Path) -> None:
    good = write(tmp_path / "good.csv", [row("a")])
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\x00\xff" * 20)
    for old, new in ((tmp_path / "missing.csv", good), (good, binary), (good, tmp_path)):
        result = run(str(old), str(new))
        assert result.returncode == 2, (old, new)
        assert result.stderr.startswith("error: ")
        assert result.stdout == ""
        assert "Traceback" not in result.stderr


@pytest.mark.subprocess
def test_invalid_files_exit_2_with_every_problem_of_both(tmp_path: Path) -> None:
    old = write(tmp_path / "old.csv", [row("a", level="Mars")])
    new = write(tmp_path / "new.csv", [row("a"), row("b", "-1")])
    result = run(str(old), str(new))
    assert result.returncode == 2
    located = {":".join(line.split(":")[:3]) for line in result.stderr.splitlines()}
    assert {f"{old}:2: level", f"{new}:3: amount_eur"} <= located
    assert "Traceback" not in result.stderr


@pytest.mark.subprocess
def test_a_file_from_before_1_1_0_names_the_new_columns(tmp_path: Path) -> None:
    """Without the 1.1.0 columns a row reads as record_type "instrument": a row that is now a
    framework is a change of that cell, the others are unchanged."""
    old_columns = [
        c for c in COLUMNS if c not in ("record_type", "parts_disjoint", "may_overlap", "money_origin")
    ]
    old = tmp_path / "old.csv"
    old.write_bytes(csv_bytes([row("a"), row("b")], columns=old_columns))
    new = write(tmp_path / "new.csv", [row("a"), row("b", record_type="framework")])
    result = run(str(old), str(new), "--format", "json")
    table = json.loads(result.stdout)["tables"][0]
    assert table["columns_added"] == ["record_type", "parts_disjoint", "may_overlap", "money_origin"]
    assert [(c["id"], c["cells"]) for c in table["changes"]] == [
        ("b", [{"column": "record_type", "old": "instrument", "new": "framework"}])
    ]


@pytest.mark.subprocess
def test_version_folders_compare_their_disagreements(tmp_path: Path) -> None:
    for name, quote in (("old", "EUR 5 million"), ("new", "EUR 6 million")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "dataset.json").write_text(
            json.dumps(
                {
                    "title": "t",
                    "title_nl": "t",
                    "version": "1.0.0",
                    "date": "2026-01-01",
                    "citation": "c",
                    "licence": "l",
                }
            )
        )
        (folder / "documents.csv").write_text(
            "id,title_en,title_nl,publisher,issued,language,file,url\ndoc,D,D,P,,en,seed.txt,\n"
        )
        write(folder / "funding.csv", [row("a", "5000000")])
        (folder / "disagreements.csv").write_text(
            "id,record_id,column,other_document,other_locator,other_quote,other_amount_eur,other_qualifier,summary_en,summary_nl\n"
            f"d1,a,amount_eur,doc,L1,{quote},,,Other figure,Ander bedrag\n"
        )
    result = run(str(tmp_path / "old"), str(tmp_path / "new"), "--format", "csv")
    assert result.returncode == 1, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))[1:]
    assert rows == [["disagreements", "changed", "d1", "", "other_quote", "EUR 5 million", "EUR 6 million"]]


@pytest.mark.subprocess
def test_release_1_0_0_to_release_1_1_0() -> None:
    """In 1.0.0 nothing may overlap, so all public money counted once is 1500 + 1000 + 300 + 925
    + 296 + 3000 + 1000 = up to 8021; in 1.1.0 RESourceEU may share money with the CRM support and
    the Net-zero call: the battery rows without the 300 (1500 + 1000 + 925 + 296 = 3721) plus the
    group's least union 3000 = 6721, to 8021. Guarantees 200 + 2900 = 3100 become 2900 to 3100.
    13 rows got a record type other than instrument (data/README.md §8: 3 frameworks, 1 service,
    3 proposals, 6 context)."""
    result = run("data/releases/1.0.0/funding.csv", "data/releases/1.1.0/funding.csv")
    assert result.returncode == 1, result.stderr
    text = result.stdout
    assert "Dataset 1.0.0 (2026-11-23) → 1.1.0 (2026-12-01)" in text
    public = text[text.index("Public funding (budget)") : text.index("Guarantee capacity")]
    assert "up to EUR 8.021 bn  →  up to EUR 6.721–8.021 bn" in public
    assert "up to EUR 4.021 bn  →  up to EUR 4.021 bn" in public
    assert "EUR 3.1 bn  →  EUR 2.9–3.1 bn" in text
    assert "No amount, qualifier or amount kind changed." in text
    assert text.count("record_type: instrument → ") == 13
    assert "Added disagreements (18)" in text
    assert "New columns: record_type, parts_disjoint, may_overlap, money_origin." in text


def test_a_long_cell_shows_only_its_changed_passages() -> None:
    """Sixteen words, the eighth replaced: two words of context on either side, the rest elided."""
    old = "a b c d e f g h i j k l m n o p"
    new = old.replace(" h ", " H ")
    assert [
        (was.replace(MARK[0], "[").replace(MARK[1], "]"), now.replace(MARK[0], "[").replace(MARK[1], "]"))
        for was, now in changed_passages(old, new, context=2)
    ] == [("… f g [h] i j …", "… f g [H] i j …")]


@pytest.mark.subprocess
def test_release_1_1_0_to_release_1_2_0() -> None:
    """1.2.0 links Batt4EU (up to 925, battery-specific) to RESourceEU as a possible overlap, so
    the low end of all public money counted once drops by 925: 6721 - 925 = 5796; the high end
    stays 8021 and the battery-only and wider totals do not move (Batt4EU may overlap only with
    RESourceEU, which is wider). Disagreements 18 + 2 added (resourceeu-catalysed-financing,
    ipcei-aid-set-aside) = 20, and bbf-ev-only and bbf-q1-2026 changed their column. No amount
    changed; notes_nl is the one new column."""
    result = run("data/releases/1.1.0", "data/releases/1.2.0")
    assert result.returncode == 1, result.stderr
    text = result.stdout
    assert "Dataset 1.1.0 (2026-12-01) → 1.2.0 (2026-12-07)" in text
    public = " ".join(text[text.index("Public funding (budget)") : text.index("Amount changes")].split())
    assert "up to EUR 6.721–8.021 bn → up to EUR 5.796–8.021 bn changed" in public
    assert "up to EUR 4.021 bn → up to EUR 4.021 bn unchanged" in public
    assert "No amount, qualifier or amount kind changed." in text
    assert "Disagreements: 18 → 20; 2 added, 2 changed (column in 2)." in text
    assert "New columns: notes_nl." in text
