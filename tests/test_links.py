"""No link, icon or reordered text from the URL, an uploaded file's name or its cells, in chromium.

Streamlit's Markdown is rendered in the browser, so only a browser shows what a reader gets:
`?q=https://evil.example/login` must not give an <a> element (nor `www.`, an e-mail address,
`:material/home:` an icon, a right-to-left override "evil" read as "live"), wherever the text
shows: the "Selection:" caption, the source line under the page, presentation mode, the upload
banner and scope line, the instrument heading and the problems table. Each page also must show
the text itself, exactly, minus bidirectional controls.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from browser_support import open_app, screenshot, settle, wait_idle
from factory import csv_bytes, row
from fixtures import document_id

from funding.i18n import t

pytestmark = pytest.mark.browser
METRICS = "[data-testid='stMetricValue']"
EVIL = "evil.example"
# What each search term must look like on the page (bidi controls removed).
SEARCHES = {
    "https://evil.example/login": "https://evil.example/login",
    "www.evil.example": "www.evil.example",
    "me@evil.example": "me@evil.example",
    ":material/home: :streamlit: :rocket:": ":material/home: :streamlit: :rocket:",
    "\u202eelpmaxe.live a -> b": "elpmaxe.live a -> b",
}
# Links, icons, logo, emoji, and any bidi control left in visible text, anywhere on the page.
INSPECT = """() => {
  const links = [...document.querySelectorAll('a')].filter(a => /evil|elpmaxe|mailto/i.test((a.getAttribute('href') || '') + ' ' + a.textContent));
  const icons = [...document.querySelectorAll('[data-testid=stMarkdownContainer] [role=img], img[alt="Streamlit logo"]')];
  const text = document.body.innerText;
  return {
    links: links.map(a => a.outerHTML),
    icons: icons.map(e => e.outerHTML.slice(0, 120)),
    emoji: text.includes('\\u{1F680}'),
    bidi: /[\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]/.test(text),
    captions: [...document.querySelectorAll('[data-testid=stCaptionContainer]')].map(e => e.innerText),
  };
}"""


def inspect(page: Any) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate(INSPECT)
    assert found["links"] == [] and found["icons"] == [], found
    assert not found["emoji"] and not found["bidi"], found
    return found


@pytest.mark.parametrize("view", ["page", "present"])
@pytest.mark.parametrize("query", list(SEARCHES))
def test_a_search_term_is_shown_as_text(app_server: Any, page: Any, query: str, view: str) -> None:
    extra = "&view=present" if view == "present" else ""
    open_app(page, app_server.url, f"/?q={quote(query)}{extra}", ready=METRICS)
    captions = inspect(page)["captions"]
    selection = [c for c in captions if c.startswith("Selection:")]
    sources = [c for c in captions if c.startswith("Source:")]
    # No instrument matches, so the page ends with its source line, which names the selection.
    assert selection and sources, captions
    for caption in (*selection, sources[-1]):
        assert f"search: “{SEARCHES[query]}”" in caption
    if query.startswith("https"):
        screenshot(page, f"links-search-url-{view}.png", full_page=False)


def test_uploaded_names_and_cells_are_shown_as_text(app_server: Any, page: Any) -> None:
    """A file named like an address whose first instrument is named like a link and an icon; then
    a file whose bad cell is a URL: its problems table shows the cell as written."""
    name = "Fund www.evil.example :material/home: me@evil.example"
    good = csv_bytes([row("evil", "100", name_en=name, source_document=document_id())])
    open_app(page, app_server.url, "/?view=data", ready="[data-testid='stFileUploader']")
    uploader = page.locator("input[type=file]").first
    uploader.set_input_files(files=[{"name": "me@evil.example.csv", "mimeType": "text/csv", "buffer": good}])
    page.locator(".st-key-upload_banner").wait_for()
    settle(page)
    found = inspect(page)
    assert "me@evil.example.csv" in page.locator(".st-key-upload_banner").inner_text()
    assert any("me@evil.example.csv" in c for c in found["captions"])  # scope and source lines
    page.get_by_role("tab", name=t("view_instruments", "en")).click()
    settle(page)
    inspect(page)
    # Pick the table's only row (its selection box, left of the first data row) to open its source.
    grid = page.locator(".st-key-details_table").get_by_test_id("stDataFrame")
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)
    settle(page)
    heading = page.locator(".st-key-detail_panel [data-testid=stMarkdownContainer]").first
    heading.scroll_into_view_if_needed()
    assert heading.inner_text() == name
    screenshot(page, "links-upload-instrument.png", full_page=False)

    bad = csv_bytes([row("bad", "https://evil.example/login", source_document=document_id())])
    page.get_by_role("button", name=t("back_to_curated", "en")).first.click()
    settle(page)
    page.get_by_role("tab", name=t("view_data", "en")).click()
    settle(page)
    uploader.set_input_files(files=[{"name": "www.evil.example.csv", "mimeType": "text/csv", "buffer": bad}])
    table = page.get_by_test_id("stTable")
    table.wait_for()
    wait_idle(page)
    inspect(page)
    assert "https://evil.example/login" in table.inner_text()
