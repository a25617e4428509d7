"""The Edit view in chromium: typing into the grid shows the loader's problem, discarding the
edit clears it, and what the buttons download says so. The grid draws on a canvas, so the problem is read
from the problem list the page offers for download (codes, not wording)."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_support import DESKTOP, open_app, screenshot, settle, streamlit_server
from fixtures import DATA

from funding.i18n import t

pytestmark = pytest.mark.browser
GRID = "[data-testid='stDataFrame']"
HEADER, ROW = 36, 35  # the grid's header and row heights in pixels


def type_into(page: Any, row: int, x_offset: int, text: str) -> None:
    """Replace a cell's text: `row` counts from 1 as the grid's Row column does."""
    grid = page.locator(GRID).first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.keyboard.press("Escape")
    page.mouse.click(box["x"] + x_offset, box["y"] + HEADER + ROW * (row - 1) + ROW // 2)
    page.wait_for_timeout(300)
    page.keyboard.type(text[0])  # typing on a selected cell opens its editor
    editor = page.locator("textarea.gdg-input")
    editor.wait_for()
    editor.fill(text)
    editor.press("Enter")
    settle(page)


def download(page: Any, label: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_test_id("stDownloadButton").filter(has_text=label).locator("button").click()
    path = info.value.path()
    with open(path, "rb") as handle:
        return handle.read()


def test_a_typed_rule_break_is_listed_and_discarding_it_restores_the_file(app_server: Any, page: Any) -> None:
    before = hashlib.sha256(DATA.read_bytes()).hexdigest()
    open_app(page, app_server.url, "/?view=edit", ready=GRID)
    page.get_by_text(t("edit_valid", "en")).wait_for()
    id_column = 150  # past the row marker and the Row column, inside Id
    type_into(page, 2, id_column, "Bad Id")
    page.get_by_text(t("edit_problems", "en", n=1)).wait_for()
    screenshot(page, "edit-problem-browser.png", full_page=False)
    problems = list(csv.DictReader(io.StringIO(download(page, t("edit_download_problems", "en")).decode())))
    assert [(p["row"], p["id"], p["column"], p["code"]) for p in problems] == [
        ("2", "Bad Id", "id", "bad_id")
    ]
    page.get_by_role("button", name=t("edit_reset", "en")).click()
    page.get_by_text(t("edit_valid", "en")).wait_for()
    assert download(page, t("edit_download_csv", "en")) == DATA.read_bytes()
    assert hashlib.sha256(DATA.read_bytes()).hexdigest() == before


def test_an_edit_survives_a_server_killed_mid_edit(browser: Any, tmp_path: Path) -> None:
    """The edit is kept as a draft under the token in the page's address: the server is killed
    (SIGKILL, no shutdown) right after the edit, a new one starts on another port with the same
    draft folder (as a second replica would), and the address brings the edit back."""
    env = {"FUNDING_DRAFTS_DIR": str(tmp_path / "drafts")}
    context = browser.new_context(viewport=DESKTOP, locale="en-GB", accept_downloads=True)
    page = context.new_page()
    try:
        with streamlit_server(env=env) as first:
            open_app(page, first.url, "/?view=edit", ready=GRID)
            page.get_by_text(t("edit_valid", "en")).wait_for()
            type_into(page, 2, 150, "Bad Id")
            page.get_by_text(t("edit_problems", "en", n=1)).wait_for()
            page.wait_for_url(re.compile(r"[?&]draft="))
            (token,) = parse_qs(urlsplit(page.url).query)["draft"]
            first.process.kill()
            first.process.wait(timeout=30)
        with streamlit_server(env=env) as second:
            open_app(page, second.url, f"/?view=edit&draft={token}", ready=GRID)
            page.get_by_text(t("edit_problems", "en", n=1)).wait_for()
            problems = list(
                csv.DictReader(io.StringIO(download(page, t("edit_download_problems", "en")).decode()))
            )
            assert [(p["row"], p["id"], p["column"], p["code"]) for p in problems] == [
                ("2", "Bad Id", "id", "bad_id")
            ]
    finally:
        context.close()
