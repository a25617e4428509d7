"""The test suite's own rules: a costly test carries its tier's marker (tests/tier_guard.py), and
no test module imports another (shared helpers live in support modules)."""

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import cast

import pytest
from tier_guard import left_out, module_marks, pytest_ignore_collect

TESTS = Path(__file__).resolve().parent

# Each test says in its name what it does and whether the guard lets it: `_refused` ones must fail.
CHILD = """
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest


def python() -> None:
    subprocess.run([sys.executable, "-c", "pass"], check=True)


def test_process_unmarked_refused() -> None:
    python()


@pytest.mark.subprocess
def test_process_marked_allowed() -> None:
    python()


@pytest.mark.browser
def test_process_in_the_browser_tier_allowed() -> None:
    python()


def test_process_unmarked_even_if_the_error_is_caught_refused() -> None:
    try:
        python()
    except Exception:
        pass


@pytest.fixture
def started() -> None:
    python()


def test_process_in_a_fixture_unmarked_refused(started: None) -> None:
    pass


@pytest.mark.subprocess
def test_process_naming_a_browser_in_its_arguments_allowed() -> None:
    subprocess.run([sys.executable, "-c", "pass", "chromium"], check=True)


@pytest.mark.subprocess
def test_browser_in_the_subprocess_tier_refused(tmp_path: Path) -> None:
    chromium = tmp_path / "chromium"
    chromium.write_text("#!/bin/sh\\nexit 0\\n")
    chromium.chmod(0o755)
    subprocess.run([str(chromium)], check=True)


def apptest() -> None:
    AppTest.from_string("import streamlit as st\\nst.write(1)").run(timeout=60)


def test_apptest_unmarked_refused() -> None:
    apptest()


@pytest.mark.apptest
def test_apptest_marked_allowed() -> None:
    apptest()


def test_server_unmarked_refused() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()


def test_plain_work_allowed() -> None:
    assert sum(range(4)) == 6  # 0 + 1 + 2 + 3
"""


@pytest.mark.subprocess
@pytest.mark.timeout(180)
def test_the_guard_fails_exactly_the_unmarked_costly_tests(tmp_path: Path) -> None:
    (tmp_path / "test_child.py").write_text(CHILD)
    report = tmp_path / "report.xml"
    pytest_args = ["-q", "-p", "no:cacheprovider", "-p", "tier_guard", f"--junitxml={report}"]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            *pytest_args,
            "-W",
            "ignore::pytest.PytestUnknownMarkWarning",
            "test_child.py",
        ],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(TESTS), "HOME": str(tmp_path)},
        capture_output=True,
        timeout=150,
    )
    cases = ET.parse(report).getroot().iter("testcase")
    failed = {case.get("name", ""): bool(case.findall("failure") + case.findall("error")) for case in cases}
    names = [line.split("(")[0][4:] for line in CHILD.splitlines() if line.startswith("def test_")]
    assert len(names) == 11
    assert failed == {name: name.endswith("_refused") for name in names}


def _imported(path: Path) -> set[str]:
    """Every module an import statement names, top-level or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names}
    return names | {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}


def test_no_test_module_imports_another() -> None:
    found = {
        path.name: sorted(m for m in _imported(path) if m.split(".")[-1].startswith("test_"))
        for path in sorted(TESTS.glob("*.py"))
    }
    assert {name: modules for name, modules in found.items() if modules} == {}


class _Options:
    """What the collection hook reads of pytest's configuration: the `-m` expression."""

    def __init__(self, markexpr: str) -> None:
        self.markexpr = markexpr

    def getoption(self, name: str) -> str:
        assert name == "markexpr"
        return self.markexpr


FAST = "not apptest and not browser and not subprocess and not slow"


def test_a_module_of_a_left_out_tier_is_not_imported(tmp_path: Path) -> None:
    """Only a conjunction of "not X" leaves modules out, and only those marked X whole."""
    assert left_out(FAST) == {"apptest", "browser", "subprocess", "slow"}
    for other in ("", "apptest", "not slow or apptest", "not (slow and apptest)", "slow and not apptest"):
        assert left_out(other) == frozenset(), other
    modules = {
        "test_page.py": "import pytest\n\npytestmark = pytest.mark.apptest\n",
        "test_chromium.py": "import pytest\n\npytestmark = [pytest.mark.browser, pytest.mark.timeout(400)]\n",
        "test_plain.py": "import pytest\n\n\n@pytest.mark.slow\ndef test_x() -> None:\n    pass\n",
        "test_other_mark.py": "import pytest\n\npytestmark = pytest.mark.filterwarnings('error')\n",
    }
    for name, source in modules.items():
        (tmp_path / name).write_text(source)
    ignored = {
        expr: sorted(
            n for n in modules if pytest_ignore_collect(tmp_path / n, cast(pytest.Config, _Options(expr)))
        )
        for expr in (FAST, "not slow", "apptest", "")
    }
    assert ignored == {FAST: ["test_chromium.py", "test_page.py"], "not slow": [], "apptest": [], "": []}


def test_a_module_is_left_out_by_its_own_pytestmark_only() -> None:
    """One mark or a list of them counts; the same words in a docstring or a test's own mark do not."""
    assert module_marks("import pytest\npytestmark = pytest.mark.apptest\n") == {"apptest"}
    assert module_marks("pytestmark = [pytest.mark.browser, pytest.mark.slow]\n") == {"browser", "slow"}
    assert module_marks('"""\npytestmark = pytest.mark.browser\n"""\n') == set()
    assert module_marks("@pytest.mark.slow\ndef test_x() -> None: ...\n") == set()
