"""The README's code-layout table names files that exist and covers every module, and the
runtime dependencies are declared once in substance (pyproject.toml pins what requirements.txt pins)."""

from __future__ import annotations

import re
import tomllib

from fixtures import ROOT


def layout_paths() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Code layout", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    return [path for line in rows for path in re.findall(r"`([^`]+)`", line.split("|")[1])]


def test_every_path_in_the_layout_table_exists() -> None:
    paths = layout_paths()
    assert len(paths) > 30
    missing = [p for p in paths if not (ROOT / p).exists() or (p.endswith("/") and not (ROOT / p).is_dir())]
    assert missing == []


def test_every_module_of_the_package_and_the_page_has_a_row() -> None:
    paths = layout_paths()
    folders = [p for p in paths if p.endswith("/")]
    modules = sorted(
        str(path.relative_to(ROOT))
        for package in ("funding", "app")
        for path in (ROOT / package).rglob("*.py")
    )
    unlisted = [m for m in modules if m not in paths and not any(m.startswith(f) for f in folders)]
    assert unlisted == []


def test_pyproject_declares_the_pinned_runtime_and_the_console_script() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pinned = [
        line.strip()
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert project["dependencies"] == pinned
    assert project["scripts"] == {"funding": "funding.cli:main"}
