"""The bad-input corpus (tests/data/bad/): every malformed file is refused cleanly, in a real process.

tests/data/bad/expected.csv is the manifest: for each file the exit code of
`python -m funding validate`, the (line, column, code) triples it must report and, for
unreadable files, a phrase of the reason. For each file this checks the command line (exit code,
every (line, column) named as `PATH:LINE: COLUMN:` on stderr, no traceback), exactly the same
triples from `parse_csv` in-process (what the dashboard's upload calls), and that nothing in the
corpus folder changed on disk.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from funding.base.errors import InvalidData, UnreadableFile
from funding.cli.shared import format_problem
from funding.registry.loading import MAX_BYTES, parse_csv

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "bad"
REGISTRY = CORPUS / "documents.csv"
KNOWN_DOCUMENTS = frozenset({"corpus-document"})  # the one id in REGISTRY
# folders/: version folders for diff and check-quotes (tests/test_bounded_reads.py)
SUPPORT_FILES = {"README.md", "expected.csv", "documents.csv", ".gitattributes", "folders"}


@dataclass(frozen=True)
class Case:
    file: str
    exit: int
    triples: frozenset[tuple[int, str, str]]
    stderr_contains: str

    @property
    def path(self) -> Path:
        return CORPUS / self.file

    @property
    def pairs(self) -> frozenset[tuple[int, str]]:
        return frozenset((line, column) for line, column, _ in self.triples)


def _triple(text: str) -> tuple[int, str, str]:
    """LINE:COLUMN:CODE; a column never holds a colon, but it can be empty (the whole row)."""
    line, _, rest = text.partition(":")
    column, _, code = rest.rpartition(":")
    return int(line), column, code


def _cases() -> list[Case]:
    with (CORPUS / "expected.csv").open(encoding="utf-8", newline="") as manifest:
        return [
            Case(
                file=entry["file"],
                exit=int(entry["exit"]),
                triples=frozenset(_triple(p) for p in entry["problems"].split()),
                stderr_contains=entry["stderr_contains"],
            )
            for entry in csv.DictReader(manifest)
        ]


CASES = _cases()
CASE_IDS = [case.file for case in CASES]


def _snapshot() -> dict[str, tuple[int, int, bytes]]:
    """Every file in the corpus folder with its size, modification time (ns) and bytes."""
    return {
        p.name: (p.stat().st_size, p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(CORPUS.iterdir())
        if p.is_file()
    }


@dataclass(frozen=True)
class CorpusRun:
    before: dict[str, tuple[int, int, bytes]]
    after: dict[str, tuple[int, int, bytes]]
    results: dict[str, subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def corpus_run() -> CorpusRun:
    """Runs the command line once per file, a few at a time (each process spends ~0.5 s importing)."""
    before = _snapshot()
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        results = dict(zip(CASE_IDS, pool.map(validate, (case.path for case in CASES)), strict=True))
    return CorpusRun(before=before, after=_snapshot(), results=results)


def validate(path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "funding", "validate", str(path), "--documents", str(REGISTRY), *extra],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


def test_manifest_lists_every_file_once() -> None:
    names = [case.file for case in CASES]
    assert len(names) == len(set(names)), "a file is listed twice in expected.csv"
    on_disk = {p.name for p in CORPUS.iterdir()} - SUPPORT_FILES
    assert on_disk == set(names), "every corpus file needs a line in expected.csv, and vice versa"
    assert all(case.exit in (0, 1, 2) for case in CASES)
    assert all(case.triples for case in CASES if case.exit == 1), "an invalid file must name its problems"
    assert all(code for case in CASES for _, _, code in case.triples), "every problem has its code"


@pytest.mark.subprocess
@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_command_line_refuses_with_line_and_column(case: Case, corpus_run: CorpusRun) -> None:
    result = corpus_run.results[case.file]
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == case.exit, result.stderr
    source = str(case.path)
    if case.exit == 0:
        assert result.stdout.startswith(f"{source}: valid: ")
        assert result.stderr == ""
    elif case.exit == 2:
        (line,) = result.stderr.splitlines()
        assert line.startswith(f"error: {source}: ")
        assert case.stderr_contains in line
    else:
        lines = result.stderr.splitlines()
        # The summary names the file and the number of problem lines above it.
        assert lines[-1].startswith(f"{source}: {len(lines) - 1} ")
        problem_lines = lines[:-1]
        assert all(line.startswith(f"{source}:") for line in problem_lines)
        for line_no, column in case.pairs:
            prefix = f"{source}:{line_no}: " + (f"{column}: " if column else "")
            named = [line for line in problem_lines if line.startswith(prefix)]
            assert named, f"stderr names no problem at line {line_no}, column {column!r}:\n{result.stderr}"
        reported_lines = {int(line[len(source) + 1 :].split(":", 1)[0]) for line in problem_lines}
        assert reported_lines == {line_no for line_no, _ in case.pairs}
        # The same problems, in the same words, as the loader raises in-process.
        with pytest.raises(InvalidData) as caught:
            parse_csv(case.path.read_bytes(), source=source, known_documents=KNOWN_DOCUMENTS)
        assert problem_lines == [format_problem(source, p) for p in caught.value.problems]


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_parse_csv_raises_the_same_problems_in_process(case: Case) -> None:
    data = case.path.read_bytes()
    if case.exit == 0:
        parse_csv(data, source=case.file, known_documents=KNOWN_DOCUMENTS)
    elif case.exit == 2:
        with pytest.raises(UnreadableFile) as unreadable:
            parse_csv(data, source=case.file, known_documents=KNOWN_DOCUMENTS)
        assert case.stderr_contains in unreadable.value.reason
    else:
        with pytest.raises(InvalidData) as caught:
            parse_csv(data, source=case.file, known_documents=KNOWN_DOCUMENTS)
        assert caught.value.codes == case.triples
    assert case.path.read_bytes() == data


@pytest.mark.subprocess
def test_local_file_over_the_upload_limit_is_validated(tmp_path: Path) -> None:
    """The upload limit (5 MB) is for uploads: a local file of any size is read and validated.
    Generated here rather than committed: a valid file one row past the limit."""
    header = (CORPUS / "ok-header-only.csv").read_bytes()
    row = (CORPUS / "ok-utf8-bom.csv").read_bytes().split(b"\r\n")[1]  # one valid row, id "fund"
    rows = MAX_BYTES // len(row) + 1
    big = tmp_path / "over-the-upload-limit.csv"
    with big.open("wb") as out:
        out.write(header)
        for i in range(rows):
            out.write(row.replace(b"fund,", f"r{i},".encode(), 1) + b"\r\n")
    assert big.stat().st_size > MAX_BYTES
    result = validate(big)
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.startswith(f"{big}: valid: {rows} rows")
    with pytest.raises(UnreadableFile) as refused:  # the same bytes as an upload are refused
        parse_csv(big.read_bytes(), source="upload")
    assert refused.value.code == "too_large"


@pytest.mark.subprocess
def test_smaller_limit_from_the_command_line(tmp_path: Path) -> None:
    """--max-mb sets a limit: a 1 MB + 1 byte file is refused with --max-mb 1, read with --max-mb 2."""
    big = tmp_path / "over-one-mb.csv"
    big.write_bytes((CORPUS / "ok-header-only.csv").read_bytes().ljust(1024 * 1024 + 1, b"\n"))
    result = validate(big, "--max-mb", "1")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "limit is 1 MB" in result.stderr
    assert validate(big, "--max-mb", "2").returncode == 0


@pytest.mark.parametrize("value", ["-5", "0", "nan", "inf", "five"])
@pytest.mark.subprocess
def test_max_mb_must_be_a_positive_number(value: str) -> None:
    result = validate(CORPUS / "ok-header-only.csv", "--max-mb", value)
    assert result.returncode == 2  # argparse's exit code for an argument it refuses
    assert "Traceback" not in result.stderr
    assert "--max-mb: must be a positive number of megabytes" in result.stderr


@pytest.mark.subprocess
def test_nothing_on_disk_changes(corpus_run: CorpusRun) -> None:
    """Same files (no new ones), same bytes, same modification times, before and after every run."""
    assert corpus_run.after.keys() == corpus_run.before.keys()
    for name, (size, mtime, data) in corpus_run.before.items():
        assert corpus_run.after[name] == (size, mtime, data), f"{name} changed on disk"
    assert _snapshot() == corpus_run.before


# ---------------------------------------------------------------------------------------------
# The same files uploaded into the dashboard (AppTest): the same problems, then back to work.

DASHBOARD = ROOT / "dashboard.py"


def _unescape(text: str) -> str:
    """Cells and messages on the page are Markdown-escaped (\\. shows as .)."""
    return re.sub(r"\\(.)", r"\1", str(text))


@pytest.fixture(scope="module")
def registry_ids() -> frozenset[str]:
    from funding.registry.documents import load_documents

    return frozenset(load_documents())


@pytest.mark.apptest
@pytest.mark.skipif(not DASHBOARD.exists(), reason="dashboard.py not present")
@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_dashboard_upload_shows_the_same_problems_and_keeps_working(
    case: Case, registry_ids: frozenset[str]
) -> None:
    from apptest_support import app, data_upload, open_view, run

    from funding.i18n import t

    data = case.path.read_bytes()
    at = app(view="data")
    data_upload(at).set_value((case.file, data, "text/csv"))
    run(at)
    shown_errors = [_unescape(e.value) for e in at.error]
    if case.exit == 2:
        assert any(case.stderr_contains in message for message in shown_errors), shown_errors
    else:
        # The dashboard checks uploads against the curated document registry, not the corpus's,
        # so compare with the loader given that registry; the manifest's pairs are among them.
        try:
            parse_csv(data, source=case.file, known_documents=registry_ids)
            expected: set[tuple[int, str]] = set()
        except InvalidData as exc:
            expected = {(p.line, p.column) for p in exc.problems}
        assert case.pairs <= expected
        tables = [e.value for e in at.table if t("problem_line", "en") in e.value.columns]
        if not expected:
            assert not tables and not shown_errors  # a valid upload is shown, not refused
            assert len(open_view(at, "overview").metric) > 0
        else:
            (table,) = tables
            shown = {
                (int(line), _unescape(column))
                for line, column in zip(
                    table[t("problem_line", "en")], table[t("problem_column", "en")], strict=True
                )
            }
            assert shown == expected
    # Whatever was uploaded, the way back to the curated dataset works and shows its figures.
    (back,) = [b for b in at.button if b.key in ("back_problems", "back_banner")][:1]
    back.click()
    open_view(run(at), "overview")
    assert not at.error, [e.value for e in at.error]
    assert len(at.metric) > 0
