"""The three decks the issue names, rendered as a projector would show them (LibreOffice to PDF,
poppler to PNG with `scripts/render_deck`): one page per slide, none of them blank, so a deck
that LibreOffice cannot lay out fails here and not in a meeting room. `scripts/test` installs
both tools when it runs as root (as in CI); elsewhere the test is skipped with how to install.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageStat
from pptx import Presentation

pytestmark = pytest.mark.subprocess

ROOT = Path(__file__).resolve().parent.parent
DECKS = {"full": [], "nl": ["--level", "NL", "--lang", "nl"], "loan": ["--type", "loan"]}


@pytest.mark.skipif(
    not (shutil.which("libreoffice") and shutil.which("pdftoppm")),
    reason="needs LibreOffice and poppler: apt-get install libreoffice-impress poppler-utils",
)
@pytest.mark.parametrize("name", list(DECKS))
def test_every_slide_renders_to_a_page_with_something_on_it(name: str, tmp_path: Path) -> None:
    deck = tmp_path / f"{name}.pptx"
    command = [sys.executable, "-m", "funding", "export", str(deck), *DECKS[name]]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=120)
    slides = len(Presentation(io.BytesIO(deck.read_bytes())).slides)
    subprocess.run(
        [str(ROOT / "scripts" / "render_deck"), str(deck), str(tmp_path / "png"), "30"],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pages = sorted((tmp_path / "png").glob(f"{name}-*.png"))
    assert len(pages) == slides
    for page in pages:
        with Image.open(page) as image:
            width, height = image.size
            assert abs(width / height - 16 / 9) < 0.02, page.name  # the deck's 16:9, not cropped
            # A blank page is one flat colour; any text or bar spreads the grey levels.
            assert ImageStat.Stat(image.convert("L")).stddev[0] > 5, page.name
