"""The package reads as a pipeline: every import points down the stages, and none runs in a circle.

A newcomer finds the flow from `funding/`'s listing only if that listing tells the truth; an import
from a lower stage to a higher one (say, the loader reaching into the exports) would make the
stages a fiction, and a cycle makes any order a fiction."""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet
from functools import cache

from fixtures import ROOT

# Bottom-up (the catalogue, its vocabularies and languages first: errors speak them); a module may import from its own stage and those before it. charts and exports are
# siblings: neither imports the other's modules except exports reading charts (the deck draws them).
STAGES = ("i18n", "base", "intake", "registry", "selecting", "changes", "charts", "exports", "cli")
PACKAGE = ROOT / "funding"


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "funding" and parts[1] in STAGES else None


def modules() -> dict[str, ast.Module]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = ast.parse(path.read_text(encoding="utf-8"))
    return found


def imports(tree: ast.Module, known: set[str]) -> Iterator[str]:
    """Every `funding` module a tree imports, at any depth (function-level imports count too)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("funding"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                yield full if full in known else node.module
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("funding"))


@cache
def graph() -> dict[str, frozenset[str]]:
    """Parsed once per session: three tests read it, and parsing the package is most of their time."""
    trees = modules()
    known = set(trees)
    return {
        name: frozenset(t for t in imports(tree, known) if t in known and t != name)
        for name, tree in trees.items()
    }


def test_every_module_sits_in_a_stage() -> None:
    loose = [m for m in graph() if m not in ("funding", "funding.__main__") and stage_of(m) is None]
    assert loose == []


def test_no_import_points_back_up() -> None:
    upward = [
        (m, t)
        for m, targets in graph().items()
        for t in targets
        if (ms := stage_of(m)) and (ts := stage_of(t)) and STAGES.index(ts) > STAGES.index(ms)
    ]
    assert upward == []


def cycles(edges: Mapping[str, AbstractSet[str]]) -> list[list[str]]:
    """Every loop a depth-first walk meets. A package's own `__init__` importing its submodules
    (`from funding.i18n import forms`) is how packages work, not a loop."""
    found: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges.get(node, frozenset())):
            if nxt.startswith(node + ".") or node.startswith(nxt + "."):
                continue
            if state.get(nxt) == 1:
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    return found


def test_no_import_runs_in_a_circle() -> None:
    assert cycles(graph()) == []


def test_the_check_sees_a_circle() -> None:
    loop = {"funding.a": {"funding.b"}, "funding.b": {"funding.c"}, "funding.c": {"funding.a"}}
    assert cycles(loop) == [["funding.a", "funding.b", "funding.c", "funding.a"]]


def test_the_check_sees_an_upward_import() -> None:
    """The rule can fail: a loader that imported the exports would be caught."""
    tree = ast.parse("from funding.exports import render\n")
    known = {"funding.exports.render", "funding.registry.loading"}
    (target,) = imports(tree, known)
    assert STAGES.index(stage_of(target) or "") > STAGES.index(stage_of("funding.registry.loading") or "")
