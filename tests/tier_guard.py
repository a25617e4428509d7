"""A test that starts a process, a server, an AppTest or a browser without its tier's marker fails.

Tiers are how `scripts/test --fast` stays fast and how a reader knows what a test costs; a marker
forgotten once puts a slow test in the inner loop without anyone noticing. So the costly actions
are watched while a test runs, at the moment they happen: processes through Python's audit
events (every `subprocess`, `os.fork`/`posix_spawn`/`system`/`exec`, and so also the processes of
Playwright and of kaleido's chromium), listening sockets through `socket.listen`, and AppTest runs
through `AppTest._run`. The action is refused with `UnmarkedTier`, and the test fails even if it
caught that error. A run that leaves a tier out (`-m "not apptest and ..."`) does not import the
modules marked with it whole.
"""

import ast
import os
import re
import socket
import sys
from collections.abc import Generator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from streamlit.testing.v1.app_test import AppTest

_PROCESS_EVENTS = frozenset(
    {"subprocess.Popen", "os.fork", "os.forkpty", "os.posix_spawn", "os.spawn", "os.system", "os.exec"}
)


class UnmarkedTier(RuntimeError):
    """A costly action in a test that does not carry the marker of its tier."""


class _State:
    """The test whose phase is running and what it did without its marker."""

    item: ClassVar[pytest.Item | None] = None
    problems: ClassVar[list[str]] = []


def is_browser(program: str) -> bool:
    """A chromium (Playwright's, kaleido's) or Playwright's driver, which starts one: judged by the
    program alone, as its arguments may name anything (a test's own tmp path, for one)."""
    return "chrom" in Path(program).name.lower() or "/playwright/" in program


def required_markers(action: str, program: str) -> tuple[str, ...]:
    """The markers of which a test needs one for this action (any of them will do)."""
    if action == "apptest":
        return ("apptest",)
    if action == "process" and is_browser(program):
        return ("browser",)
    return ("subprocess", "browser")  # a process or a server: the browser tier starts its own


def _check(action: str, program: str, detail: str = "") -> None:
    item = _State.item
    if item is None:
        return
    wanted = required_markers(action, program)
    if any(item.get_closest_marker(name) for name in wanted):
        return
    markers = " or ".join(f"@pytest.mark.{name}" for name in wanted)
    problem = f"{item.nodeid} starts {action} {program!r} {detail[:200]!r} without {markers}"
    _State.problems.append(problem)
    raise UnmarkedTier(problem)


def _program(event: str, args: tuple[Any, ...]) -> str:
    """The program an audited event runs: Popen's executable or first argument, else the path."""
    first = args[0] if args else None
    if event == "subprocess.Popen" and first is None and isinstance(args[1], list | tuple) and args[1]:
        first = args[1][0]
    elif event == "subprocess.Popen" and first is None:
        first = args[1]
    return os.fsdecode(first) if isinstance(first, str | bytes | os.PathLike) else event


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event in _PROCESS_EVENTS and _State.item is not None:
        _check("process", _program(event, args), repr(args[1:2]))


_listen = socket.socket.listen
_run = AppTest._run


def _guarded_listen(self: socket.socket, *args: int) -> None:
    _check("server", "", repr(self.getsockname()))
    _listen(self, *args)


def _guarded_run(self: AppTest, *args: Any, **kwargs: Any) -> AppTest:
    _check("apptest", "", str(getattr(self, "_script_path", "")))
    return _run(self, *args, **kwargs)


def pytest_configure(config: pytest.Config) -> None:
    """Install the watches once per process (audit hooks cannot be removed)."""
    if getattr(sys, "_funding_tier_guard", False):
        return
    sys.addaudithook(_audit)
    socket.socket.listen = _guarded_listen  # type: ignore[method-assign,assignment]
    AppTest._run = _guarded_run  # type: ignore[method-assign]
    sys._funding_tier_guard = True  # type: ignore[attr-defined]


def _watch(item: pytest.Item) -> Generator[None, None, None]:
    outer, outer_problems = _State.item, _State.problems
    _State.item, _State.problems = item, []
    try:
        yield
    finally:
        problems = _State.problems
        _State.item, _State.problems = outer, outer_problems
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    yield from _watch(item)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    yield from _watch(item)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    yield from _watch(item)


def left_out(markexpr: str) -> frozenset[str]:
    """The markers an `-m` made only of "not X and not Y ..." leaves out (none for any other)."""
    terms = [term.strip() for term in markexpr.split(" and ")]
    if not markexpr.strip() or not all(re.fullmatch(r"not \w+", term) for term in terms):
        return frozenset()
    return frozenset(term.removeprefix("not ").strip() for term in terms)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """A module whose top-level `pytestmark` carries a marker that `-m` leaves out is not even
    imported: every test in it would be deselected, and importing the AppTest and browser modules
    cost the fast tier most of a second."""
    excluded = left_out(config.getoption("markexpr") or "")
    if not excluded or collection_path.suffix != ".py" or not collection_path.name.startswith("test_"):
        return None
    return True if module_marks(collection_path.read_text(encoding="utf-8")) & excluded else None


def module_marks(source: str) -> set[str]:
    """The markers of a module's top-level `pytestmark` (one mark or a list of them)."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "pytestmark" for target in node.targets
        ):
            return {
                n.attr for n in ast.walk(node.value) if isinstance(n, ast.Attribute) and _is_mark(n.value)
            }
    return set()


def _is_mark(node: ast.expr) -> bool:
    """`pytest.mark`, the object whose attributes are markers."""
    return isinstance(node, ast.Attribute) and node.attr == "mark"
