"""Every file `diff` and `check-quotes` read goes through `funding.base.reading`, and stays in its folder.

A version folder's companions (`dataset.json`, `documents.csv`, `disagreements.csv`) are found
by name, and a seed text is named by a `documents.csv` row: none of them may lead a command out of
its folder (absolute path, `..`, a link), hang it (a FIFO), or make it read without end (a device,
a huge file). Each case must give its code, exit 2 with `error: PATH:` naming the file, and cost
bounded memory, measured in this process (tracemalloc): unbounded, `/dev/zero` took 1.8 GB.

The committed cases are in `tests/data/bad/folders/` (manifest `expected.csv`); FIFOs, devices and
huge sparse files cannot be committed and are made here.
"""

from __future__ import annotations

import csv
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fixtures import peak_mib

from funding.base.errors import UnreadableFile
from funding.base.reading import COMPANION_MAX_BYTES, inside
from funding.changes.quotes import SOURCE_MAX_BYTES, check_version
from funding.cli import main
from funding.registry.documents import load_documents
from funding.registry.versions import VersionUnreadable, read_version

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ROOT / "tests" / "data" / "bad" / "folders"
GOOD = FOLDERS / "seed-parent-path"  # a version folder whose own files are all fine
# Reading the small version folder costs about 2 MiB traced; the unbounded reads took gigabytes.
BOUND_MIB = 16


@dataclass(frozen=True)
class Case:
    folder: Path
    command: str
    code: str
    named: str = ""  # the file `error: NAMED:` names

    @property
    def shown(self) -> str:
        return self.named.format(folder=self.folder)


def _manifest() -> list[Case]:
    with (FOLDERS / "expected.csv").open(encoding="utf-8", newline="") as manifest:
        return [
            Case(FOLDERS / entry["folder"], entry["command"], entry["code"], entry["named"])
            for entry in csv.DictReader(manifest)
            if entry["exit"] == "2"
        ]


def codes_of(case: Case) -> set[str]:
    """The codes of what the command refuses, from the functions behind it."""
    if case.command == "diff":
        with pytest.raises(VersionUnreadable) as caught:
            read_version(case.folder)
        return {e.code for e in caught.value.errors if isinstance(e, UnreadableFile)}
    version = read_version(case.folder)
    assert version.documents is not None
    report = check_version(version, version.documents, case.folder / "seeds")
    return {e.code for e in report.unreadable}


def run(case: Case, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    if case.command == "diff":
        argv = ["diff", str(GOOD), str(case.folder)]
    else:
        argv = ["check-quotes", str(case.folder), "--sources", str(case.folder / "seeds")]
    status = main(argv)
    return status, capsys.readouterr().err


def assert_refused(case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    """The code, exit 2 with the file named and no traceback, and bounded memory."""
    assert codes_of(case) == {case.code}
    status, err = run(case, capsys)
    assert status == 2, err
    assert f"error: {case.shown}: " in err
    assert "Traceback" not in err
    assert peak_mib(lambda: codes_of(case)) < BOUND_MIB


def test_the_manifest_lists_every_folder() -> None:
    listed = {case.folder.name for case in _manifest()}
    assert listed == {p.name for p in FOLDERS.iterdir() if p.is_dir()}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("case", _manifest(), ids=lambda c: c.folder.name)
def test_committed_cases(case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    assert_refused(case, capsys)


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A fine version folder to break one file of."""
    copy = tmp_path / "version"
    shutil.copytree(GOOD, copy)
    (copy / "documents.csv").write_text(
        "id,title_en,title_nl,publisher,issued,language,file,url\ndoc,D,D,P,,en,seed.txt,\n"
    )
    yield copy


def _replace(path: Path, how: str) -> None:
    """Make `path` a FIFO or a sparse 3 GiB file."""
    path.unlink()
    if how == "fifo":
        os.mkfifo(path)  # nobody writes: a plain open() blocks forever
    else:
        with path.open("wb") as out:
            out.truncate(3 * 1024**3)  # sparse: 3 GiB as fstat sees it, nothing on disk


@pytest.mark.timeout(60)
@pytest.mark.parametrize("how", ["fifo", "huge"])
@pytest.mark.parametrize("name", ["dataset.json", "documents.csv", "disagreements.csv"])
def test_diff_companions(folder: Path, name: str, how: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A FIFO dataset.json was read as a plain CSV ("identical", exit 0); a 3 GiB companion is
    refused by its size before a byte is read (dataset.json: 1 MB, the others COMPANION_MAX_BYTES)."""
    _replace(folder / name, how)
    code = "not_regular_file" if how == "fifo" else "too_large"
    assert_refused(Case(folder, "diff", code, str(folder / name)), capsys)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("how", ["fifo", "huge"])
def test_check_quotes_seed_texts(folder: Path, how: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A FIFO seed hung the check; a 3 GiB one ended in a traceback (SOURCE_MAX_BYTES is 20 MB)."""
    _replace(folder / "seeds" / "seed.txt", how)
    code = "not_regular_file" if how == "fifo" else "too_large"
    assert_refused(Case(folder, "check-quotes", code, str(folder / "seeds" / "seed.txt")), capsys)


@pytest.mark.timeout(60)
def test_a_device_as_seed_text_and_as_funding_csv(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--sources /dev` with a registry naming `zero`: /dev/zero reached 1.8 GB in 30 s before."""
    (folder / "documents.csv").write_text(
        "id,title_en,title_nl,publisher,issued,language,file,url\ndoc,D,D,P,,en,zero,\n"
    )
    version = read_version(folder)
    assert version.documents is not None
    report = check_version(version, version.documents, Path("/dev"))
    assert {e.code for e in report.unreadable} == {"not_regular_file"}
    assert peak_mib(lambda: check_version(version, version.documents or {}, Path("/dev"))) < BOUND_MIB
    assert main(["check-quotes", str(folder), "--sources", "/dev"]) == 2
    assert "error: /dev/zero: is a character device, not a regular file" in capsys.readouterr().err
    assert main(["diff", str(GOOD), "/dev/zero"]) == 2
    assert "error: /dev/zero: is a character device" in capsys.readouterr().err


def test_max_mb_overrides_every_limit(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every file of the folder is under 1 kB: it checks out at --max-mb 1; at --max-mb 0.00001
    (int(0.00001 * 1,048,576) = 10 bytes) the funding CSVs and every companion are too large."""
    assert main(["check-quotes", str(folder), "--sources", str(folder / "seeds"), "--max-mb", "1"]) == 0
    capsys.readouterr()
    assert main(["diff", str(GOOD), str(folder), "--max-mb", "0.00001"]) == 2
    err = capsys.readouterr().err
    for name in ("dataset.json", "documents.csv", "funding.csv"):
        assert f"error: {folder / name}: " in err
    with pytest.raises(VersionUnreadable) as caught:
        read_version(folder, max_bytes=10, companion_max_bytes=10)
    assert {e.code for e in caught.value.errors if isinstance(e, UnreadableFile)} == {"too_large"}


def test_the_limits_are_stated_in_megabytes() -> None:
    # 5 MiB and 20 MiB: the security table in docs/security.md states them
    assert (COMPANION_MAX_BYTES, SOURCE_MAX_BYTES) == (5 * 1024 * 1024, 20 * 1024 * 1024)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("/etc/passwd", "absolute_path"),
        ("\\\\server\\share\\x.txt", "absolute_path"),
        ("C:\\Windows\\win.ini", "absolute_path"),
        ("../x.txt", "parent_path"),
        ("a/../../x.txt", "parent_path"),
        ("a\\..\\x.txt", "parent_path"),
    ],
)
def test_inside_refuses_names_that_leave_the_folder(tmp_path: Path, name: str, code: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        inside(tmp_path, name)
    assert caught.value.code == code


def test_inside_accepts_a_link_that_stays(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "real.txt").write_text("x")
    (tmp_path / "link.txt").symlink_to("sub/real.txt")
    assert inside(tmp_path, "link.txt") == tmp_path / "link.txt"
    assert inside(tmp_path, "sub/real.txt") == tmp_path / "sub" / "real.txt"


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "data/funding.csv", "--documents", "{big}"],
        ["export", "{out}", "--documents", "{big}"],
    ],
    ids=["validate", "export"],
)
def test_validate_and_export_refuse_a_huge_registry(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 3 GiB sparse documents.csv: refused by its size (COMPANION_MAX_BYTES, 5 MB) before a
    byte is read; it was read whole before."""
    big = tmp_path / "documents.csv"
    with big.open("wb") as out:
        out.truncate(3 * 1024**3)
    args = [a.format(big=big, out=tmp_path / "out.csv") for a in argv]
    assert peak_mib(lambda: main(args)) < BOUND_MIB
    capsys.readouterr()
    assert main(args) == 2
    assert f"error: {big}: " in capsys.readouterr().err
    assert not (tmp_path / "out.csv").exists()
    with pytest.raises(UnreadableFile) as caught:
        load_documents(big)
    assert caught.value.code == "too_large"
