"""`python -m funding validate`: exit codes and the PATH:LINE: COLUMN: message format, in a real process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from factory import csv_bytes, row

pytestmark = pytest.mark.subprocess

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "funding", *args], capture_output=True, text=True, cwd=ROOT, timeout=60
    )


def test_shipped_file_is_valid() -> None:
    result = run("validate")
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout
    assert "Traceback" not in result.stderr


def test_invalid_file_lists_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(
        csv_bytes(
            [
                row("a", level="Mars", source_document="ec-battery-booster-strategy"),
                row("b", "-1", source_document="x"),
            ]
        )
    )
    result = run("validate", str(path))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith(f"{path}:")]
    prefixes = {":".join(line.split(":")[:3]) for line in lines}
    assert f"{path}:2: level" in prefixes
    assert f"{path}:3: amount_eur" in prefixes
    assert f"{path}:3: source_document" in prefixes
    assert "(got 'Mars')" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreadable_files_exit_2(tmp_path: Path) -> None:
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\x00\xff" * 50)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("id,name_en\ncafé,x\n".encode("cp1252"))
    for path in (tmp_path / "missing.csv", binary, latin, tmp_path):
        result = run("validate", str(path))
        assert result.returncode == 2, path
        assert result.stderr.startswith("error: ")
        assert "Traceback" not in result.stderr


def test_file_is_not_modified(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    content = csv_bytes([row("a", level="Mars")])
    path.write_bytes(content)
    run("validate", str(path))
    assert path.read_bytes() == content


def test_validate_loads_neither_the_exports_nor_the_other_commands() -> None:
    """A run imports its own command's module: `validate` of a large file is timed with its
    imports, and the exports' chart and file libraries cost it a few tenths of a second."""
    code = (
        "import sys, io, contextlib\n"
        "from funding.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()): main(['validate'])\n"
        "print(*sorted(m for m in sys.modules if m.startswith(('funding.cli.', 'funding.exports', "
        "'funding.charts', 'funding.changes', 'plotly', 'openpyxl', 'pptx'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60, check=True
    )
    assert result.stdout.split() == ["funding.cli.shared", "funding.cli.validate"]
