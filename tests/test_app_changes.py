"""The "What changed" view through AppTest: release 1.0.0 against the curated data on the page.

Expected values are worked out from the files, not from the code under test:

- disagreements: release 1.0.0 has no disagreements.csv (0); data/disagreements.csv has one
  line per disagreement (20 today, counted here with the csv module), so 20 are added;
- public funding, every figure counted once: 1.0.0 adds the battery-specific EUR 4.021 bn
  ("up to") and the two wider envelopes, net-zero-technologies-call (EUR 1.0 bn) and
  resourceeu-crm-funding (EUR 3.0 bn): 4.021 + 1.0 + 3.0 = EUR 8.021 bn. Today the net-zero
  call, battery-crm-projects-support (up to EUR 0.3 bn) and batt4eu-partnership (up to EUR
  0.925 bn, both inside the battery-specific sum) may share money with ResourceEU, so the low end
  takes all three out: 8.021 - 1.0 - 0.3 - 0.925 = 5.796, a range EUR 5.796-8.021 bn, still
  "up to". The wider envelopes alone: 4.0 before, 3.0-4.0 after.
"""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from apptest_support import app, run, said
from changes_support import downloads
from fixtures import ROOT
from streamlit.testing.v1 import AppTest

from funding.changes.diff_files import CSV_COLUMNS
from funding.changes.version_changes import column_label
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, RECORD_TYPE

pytestmark = pytest.mark.apptest


def frame(at: AppTest, column: str) -> pd.DataFrame:
    """The first table on the page with this column (tables without selection carry no key)."""
    found = next(e.value for e in at.dataframe if column in e.value.columns)
    assert isinstance(found, pd.DataFrame)
    return found


def disagreements() -> int:
    with open(ROOT / "data" / "disagreements.csv", encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.DictReader(handle))


def test_release_1_0_0_against_the_curated_data_counts_and_totals(monkeypatch: pytest.MonkeyPatch) -> None:
    with downloads(monkeypatch) as files:
        at = app(view="changes", release="1.0.0")
    summary = frame(at, t("changes_count_added", "en"))
    row = summary[summary[t("col_entry", "en")] == t("changes_table_disagreements", "en")].iloc[0]
    assert disagreements() == 20
    assert (row[t("col_before", "en")], row[t("col_after", "en")]) == (0, 20)
    assert row[t("changes_count_added", "en")] == 20
    # The 1.0.0 header lacks five of today's columns; the page says which, by name.
    new = ", ".join(
        column_label(c, "en")
        for c in ("record_type", "parts_disjoint", "may_overlap", "money_origin", "notes_nl")
    )
    note = t("changes_columns_added", "en", columns=new, default=RECORD_TYPE.label("instrument", "en"))
    assert note in said(at.caption)
    totals = frame(at, t("col_total", "en"))
    public = totals[totals[t("col_kind", "en")] == AMOUNT_KIND.label("public", "en")]
    by_total = {
        r[t("col_total", "en")]: (r[t("col_before", "en")], r[t("col_after", "en")])
        for _, r in public.iterrows()
    }
    assert by_total[t("changes_measure_net", "en")] == ("up to EUR 8.021 bn", "up to EUR 5.796–8.021 bn")
    assert by_total[t("changes_measure_wider", "en")] == ("EUR 4 bn", "EUR 3.0–4.0 bn")
    assert by_total[t("changes_measure_battery", "en")] == ("up to EUR 4.021 bn",) * 2
    lines = list(csv.reader(io.StringIO(files["changes-1.0.0-to-page.csv"].decode("utf-8"))))
    assert lines[0] == list(CSV_COLUMNS)
    added = [line for line in lines[1:] if line[0] == "disagreements" and line[1] == "added"]
    assert len(added) == 20
    assert [
        "funding",
        "changed",
        "if-ev-battery-cell-grants-2024",
        "",
        "money_origin",
        "",
        "earlier_commitment",
    ] in lines


def test_in_dutch_the_totals_and_changes_are_dutch() -> None:
    at = app(view="changes", release="1.0.0", lang="nl")
    totals = frame(at, t("col_total", "nl"))
    public = totals[totals[t("col_kind", "nl")] == AMOUNT_KIND.label("public", "nl")]
    net = public[public[t("col_total", "nl")] == t("changes_measure_net", "nl")].iloc[0]
    assert (net[t("col_before", "nl")], net[t("col_after", "nl")]) == (
        "tot € 8,021 mld",
        "tot € 5,796–8,021 mld",
    )
    rows = frame(at, t("col_field", "nl"))  # the rows' changes come first
    grant = rows[rows[t("col_id", "nl")] == "if-ev-battery-cell-grants-2024"].iloc[0]
    assert grant[t("col_field", "nl")] == t("field_money_origin", "nl")
    assert grant[t("col_new_value", "nl")] == "Eerdere toezegging"  # money_origin "earlier_commitment"
    assert grant[t("col_change", "nl")] == t("changes_count_changed", "nl")


def test_the_newest_release_is_offered_first_and_equal_to_the_curated_data() -> None:
    at = app(view="changes")
    pick = at.selectbox(key="release")
    assert pick.options[:3] == ["1.2.0 (2026-12-07)", "1.1.0 (2026-12-01)", "1.0.0 (2026-11-23)"]
    assert pick.value == "1.1.0"  # the default skips the release the page already shows
    pick.set_value("1.2.0")
    run(at)
    assert [e.value for e in at.success] == [t("changes_identical", "en")]
    assert at.query_params["release"] == "1.2.0"
