"""The code-layout table (docs/layout.md) names files that exist and covers every module; the README
links every page of docs/ and every relative link of the README and docs/ leads somewhere; and the
runtime dependencies are declared once in substance (pyproject.toml pins what requirements.txt pins)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from fixtures import ROOT
from screenshot_support import LIMIT_BYTES, VIEWPORT

from funding.base.paths import DEFAULT_DATA, DEFAULT_INFO
from funding.registry.dataset_info import load_info
from funding.registry.loading import load_dataset
from funding.selecting.figures import figures
from funding.selecting.selection import Filters

DOCS = ROOT / "docs"
# [text](target) and ![alt](target); the target ends at white space or the closing parenthesis.
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def layout_paths() -> list[str]:
    text = (DOCS / "layout.md").read_text(encoding="utf-8")
    table = text.split("# Code layout", 1)[1]
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


def relative_links(page: Path) -> list[str]:
    """The page's links that point into the repository (not to a web address or an e-mail)."""
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    return [t for t in LINK.findall(text) if not re.match(r"[a-z]+:", t)]


def anchors(page: Path) -> set[str]:
    """The anchors GitHub gives the page's headings: lower case, punctuation dropped, spaces as -."""
    headings = re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


def broken(page: Path, target: str) -> bool:
    path, _, anchor = target.partition("#")
    resolved = (page.parent / path).resolve() if path else page
    if not resolved.exists() or not resolved.is_relative_to(ROOT):
        return True
    return bool(anchor) and resolved.suffix == ".md" and anchor not in anchors(resolved)


def test_every_page_of_docs_is_linked_from_the_readme() -> None:
    pages = sorted(DOCS.glob("*.md"))
    assert len(pages) >= 10
    linked = {(ROOT / t.partition("#")[0]).resolve() for t in relative_links(ROOT / "README.md")}
    assert [p.name for p in pages if p.resolve() not in linked] == []


def test_every_relative_link_of_the_readme_and_docs_resolves() -> None:
    pages = [ROOT / "README.md", ROOT / "bench" / "README.md", *sorted(DOCS.glob("*.md"))]
    links = [(page, target) for page in pages for target in relative_links(page)]
    assert len(links) > 15
    assert [f"{p.relative_to(ROOT)}: {t}" for p, t in links if broken(p, t)] == []


def test_the_readme_leads_with_a_small_picture_of_the_first_screen() -> None:
    """The picture scripts/screenshot writes: a PNG of its viewport (width and height are the IHDR
    chunk's first two 4-byte numbers, from byte 16), small enough to keep in git."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first = text.split("\n\n", 2)[1]
    assert first.startswith("![") and first.rstrip().endswith("(docs/first-screen.png)"), first
    png = (DOCS / "first-screen.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    size = (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big"))
    assert size == (VIEWPORT["width"], VIEWPORT["height"]) == (1280, 720)
    assert len(png) < LIMIT_BYTES


def test_the_readme_states_the_lead_figure_the_page_states() -> None:
    """The README's one figure is typed by hand; it must be the figure builder's spoken text of the
    shipped data (4.021 bn "up to", rounded up to three digits: 4.03), or it drifts silently."""
    dataset = load_dataset(DEFAULT_DATA)
    battery = figures(dataset, dataset.records, Filters(), "en").public.by_scope["battery"]
    info = load_info(DEFAULT_INFO)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert battery.spoken.replace("about ", "") in " ".join(readme.split())
    assert f"dataset {info.version}" in readme
