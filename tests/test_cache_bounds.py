"""Every shared cache of the page is bounded: the soak's memory levels off only because each
`st.cache_data` / `st.cache_resource` function keeps at most `max_entries` (docs/performance.md).
A function without arguments has one entry and needs no bound. Read from the source, no server."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHES = {"cache_data", "cache_resource"}
SOURCES = sorted([*(ROOT / "app").rglob("*.py"), ROOT / "dashboard.py"])


def cached(tree: ast.Module) -> dict[str, bool]:
    """Each cached function's name, and whether it is bounded (`max_entries`, or no arguments)."""
    found = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            target = call.func if call else decorator
            if isinstance(target, ast.Attribute) and target.attr in CACHES:
                takes = bool(node.args.args or node.args.kwonlyargs or node.args.vararg)
                limited = call is not None and any(k.arg == "max_entries" for k in call.keywords)
                found[node.name] = limited or not takes
    return found


def test_every_cache_of_the_page_is_bounded() -> None:
    by_file = {
        path.relative_to(ROOT).as_posix(): cached(ast.parse(path.read_text("utf-8"))) for path in SOURCES
    }
    assert {"chart", "comparison", "figure_set", "planned"} <= set(by_file["app/cached.py"])
    assert "_valid_upload" in by_file["app/loading.py"]
    unbounded = [f"{file}:{name}" for file, found in by_file.items() for name, ok in found.items() if not ok]
    assert unbounded == []


def test_a_cache_with_arguments_and_no_max_entries_is_unbounded() -> None:
    source = (
        "import streamlit as st\n"
        "@st.cache_resource(ttl=60)\ndef grows(x): ...\n"
        "@st.cache_data(max_entries=4)\ndef kept(x): ...\n"
        "@st.cache_resource\ndef once(): ...\n"
        "@st.cache_data\ndef bare(*xs): ...\n"
    )
    assert cached(ast.parse(source)) == {"grows": False, "kept": True, "once": True, "bare": False}
