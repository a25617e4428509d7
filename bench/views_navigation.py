"""The dashboard with its views as `st.navigation` pages (one URL path per view) instead of lazy
tabs: the alternative that `python -m bench.views` measures against the tabs."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app import display  # noqa: E402
from app.context import Page  # noqa: E402
from app.main import header, prepare  # noqa: E402
from app.url_state import DEFAULT_VIEW, VIEWS  # noqa: E402
from app.views import RENDER  # noqa: E402
from funding.i18n import t  # noqa: E402


def page_of(code: str, page: Page) -> Callable[[], None]:
    def run() -> None:
        RENDER[code](page)

    run.__name__ = f"view_{code}"
    return run


page = prepare()
if page is not None:
    header(page)
    pages = [
        st.Page(
            page_of(code, page),
            title=t(f"view_{code}", page.lang),
            url_path=code,
            default=code == DEFAULT_VIEW,
        )
        for code in VIEWS
    ]
    st.navigation(pages, position="top").run()
    display.source_caption(page)
