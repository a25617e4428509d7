"""The share-and-cite control: the link of the view as it is, and the dataset's citation."""

from __future__ import annotations

import json

import pytest
from apptest_support import app, data_upload, open_view, run
from fixtures import ROOT, fixture_csv
from streamlit.testing.v1 import AppTest

from funding.i18n import t

pytestmark = pytest.mark.apptest


def opened(at: AppTest) -> AppTest:
    """The page with the share box opened (a reader's click on it reruns the page)."""
    at.session_state["share_open"] = True
    return run(at)


def test_the_link_keeps_view_filters_and_language_and_the_citation_names_the_version() -> None:
    at = app(level="NL", view="timeline", lang="nl")
    assert not at.code  # drawn once the box is opened
    link, embed, cited = (c.value for c in opened(at).code)
    assert link.startswith("/?") and {"level=NL", "view=timeline", "lang=nl"} <= set(link[2:].split("&"))
    # The iframe shows the same view without Streamlit's chrome; & is escaped in the attribute.
    assert embed.startswith('<iframe src="/?') and f"{link[2:]}&embed=true".replace("&", "&amp;") in embed
    info = json.loads((ROOT / "data" / "dataset.json").read_text(encoding="utf-8"))
    assert info["version"] in cited and cited.endswith(link)  # versie 1.1.0 …, then the link


def test_an_uploaded_file_has_no_citation() -> None:
    at = open_view(app(), "data")
    data_upload(at).set_value(("mine.csv", fixture_csv(), "text/csv"))
    assert len(opened(at).code) == 2  # the link and the iframe, no citation
    assert t("cite_not_published", "en") in [c.value for c in at.caption]
