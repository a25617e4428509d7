"""Links that cannot mislead: any URL, however stale or hand-made, opens a page that says what it
shows.

A hypothesis property draws URLs from the page's parameter names and junk names, with repeats,
values from each vocabulary (and the shipped data's sources and ids) and junk values, opens each
in AppTest and asserts: no exception; a period whose start is after its end is refused (a
message, no figure, no chart, no download, as the command line refuses it); otherwise the
"Selection:" line names every filter and every chart pick in effect, and a pick or compared
instrument the data does not have is named in a note instead of narrowing the page to nothing.

What is "in effect" is computed here from the URL and data/funding.csv read with the csv module;
only the pillar framework and the years, checkboxes and search text are read back from their
widgets (they are the page's parsing of the URL, not what is checked).

Each URL takes about 0.5 s: 60 locally, 500 in CI (the `CI` variable set; 500 passed in 266 s
on the shared 2-core machine, `CI=true pytest tests/test_url_fuzz.py -k any_link`).
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections.abc import Mapping, Sequence

import pytest
from apptest_support import APP, app, metric, said
from fixtures import ROOT, instruments, shipped_rows
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from app.url_state import VIEWS
from funding.i18n import t
from funding.i18n.vocab import (
    AMOUNT_KIND,
    BENEFICIARY,
    EU_PILLAR,
    INSTRUMENT_TYPE,
    LEVEL,
    NL_PILLAR,
    PILLAR_FRAMEWORKS,
    RECORD_TYPE,
    STATUS,
    Lang,
    Vocabulary,
)
from funding.selecting.selection import ORIGIN_LABELS, ORIGINS

pytestmark = pytest.mark.apptest

URL_EXAMPLES = 500 if os.environ.get("CI") else 60
ROWS = shipped_rows()
SOURCES = sorted({r["source"] for r in ROWS})
IDS = [r["id"] for r in ROWS]
DOCUMENTS = sorted({r["source_document"] for r in ROWS})
with (ROOT / "data" / "documents.csv").open(encoding="utf-8-sig", newline="") as _registry:
    TITLES = {d["id"]: d for d in csv.DictReader(_registry)}
NOT_STATED = "_not_stated"  # the group of rows that state nothing (funding.selecting.breakdowns)
VOCABULARIES: dict[str, Vocabulary] = {
    "level": LEVEL,
    "type": INSTRUMENT_TYPE,
    "beneficiary": BENEFICIARY,
    "status": STATUS,
    "kind": AMOUNT_KIND,
    "origin": ORIGIN_LABELS,
    "record_type": RECORD_TYPE,
}
CODES: dict[str, Sequence[str]] = {
    **{name: vocab.codes for name, vocab in VOCABULARIES.items()},
    "origin": ORIGINS,
    "source": SOURCES,
    "document": DOCUMENTS,
    "pillar": (*EU_PILLAR.codes, *NL_PILLAR.codes),
    "framework": ("eu", "nl"),
    "pick_source": SOURCES,
    "pick_type": INSTRUMENT_TYPE.codes,
    "pick_beneficiary": (*BENEFICIARY.codes, NOT_STATED),
    "pick_pillar": (*EU_PILLAR.codes, *NL_PILLAR.codes, NOT_STATED),
    "pick_instrument": IDS,
    "compare": IDS,
    "year_from": [str(y) for y in range(2018, 2036)],
    "year_to": [str(y) for y in range(2018, 2036)],
    "undated": ("true", "false"),
    "battery_only": ("true", "false"),
    "q": ("battery", "batt4eu", "fund", "ipcei", "zzz"),
    "lang": ("en", "nl"),
    "view": tuple(VIEWS),
}
# A pick parameter, the data's column behind it, and how its codes read (None: as written).
PICKS: dict[str, tuple[str, Vocabulary | None]] = {
    "pick_source": ("source", None),
    "pick_type": ("instrument_type", INSTRUMENT_TYPE),
    "pick_beneficiary": ("beneficiary_types", BENEFICIARY),
}
JUNK = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=24)
NAMES = st.one_of(st.sampled_from(sorted(CODES)), st.sampled_from(["pick_foo", "Level", "x", "compare[]"]))


@st.composite
def urls(draw: st.DrawFn) -> dict[str, list[str]]:
    """Up to 8 (name, value) pairs; a name may repeat; values from its vocabulary or junk."""
    query: dict[str, list[str]] = {}
    for _ in range(draw(st.integers(0, 8))):
        name = draw(NAMES)
        vocabulary = CODES.get(name)
        value = draw(st.sampled_from(vocabulary) if vocabulary and draw(st.integers(0, 4)) else JUNK)
        query.setdefault(name, []).append(value)
    return query


def _codes(row: Mapping[str, str], column: str) -> set[str]:
    return {c for c in row[column].split(";") if c} or {NOT_STATED}


def known(column: str) -> set[str]:
    return {c for row in ROWS for c in _codes(row, column)}


def _first(query: Mapping[str, list[str]], name: str, valid: Sequence[str], default: str) -> str:
    """What a single choice shows: the link's first valid value (app.url_state.choice)."""
    return next((v for v in query.get(name, []) if v in valid), default)


def expected_names(query: Mapping[str, list[str]], lang: Lang, framework: str) -> list[str]:
    """Every label the Selection line must hold: filters' values the page keeps, and picks the
    data has (their labels as the page words them)."""
    names: list[str] = []
    for name, vocab in VOCABULARIES.items():
        names += [vocab.label(c, lang) for c in query.get(name, []) if c in CODES[name]]
    names += [s for s in query.get("source", []) if s in SOURCES]
    names += [TITLES[d][f"title_{lang}"] for d in query.get("document", []) if d in DOCUMENTS]
    pillars = PILLAR_FRAMEWORKS[framework]
    names += [pillars.label(c, lang) for c in query.get("pillar", []) if c in pillars.codes]
    for param, (column, labels) in PICKS.items():
        picked = [c for c in query.get(param, []) if c in known(column)]
        names += [_pick_label(c, labels, lang) for c in picked]
    present = known(f"{framework}_pillar") & {*pillars.codes, NOT_STATED}
    names += [_pick_label(c, pillars, lang) for c in query.get("pick_pillar", []) if c in present]
    by_id = {r["id"]: r for r in ROWS}
    names += [by_id[i][f"name_{lang}"] for i in query.get("pick_instrument", []) if i in by_id]
    return names


def _pick_label(code: str, vocab: Vocabulary | None, lang: Lang) -> str:
    if code == NOT_STATED:
        return t("not_stated_group", lang)
    return vocab.label(code, lang) if vocab is not None else code


def stale_values(query: Mapping[str, list[str]]) -> list[str]:
    """Picks and compared ids the data does not have: each must be named in the note."""
    stale = [v for v in query.get("pick_instrument", []) + query.get("compare", []) if v not in IDS]
    for param, (column, _) in PICKS.items():
        stale += [v for v in query.get(param, []) if v not in known(column)]
    pillars = known("eu_pillar") | known("nl_pillar")
    return stale + [v for v in query.get("pick_pillar", []) if v not in pillars]


def _plain(text: str) -> str:
    """Text as the page shows it: format characters (bidirectional controls) dropped, white
    space collapsed (funding.base.markdown)."""
    shown = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return re.sub(r"\s+", " ", shown).strip()


@settings(max_examples=URL_EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(urls())
def test_any_link_opens_a_page_that_says_what_it_shows(query: dict[str, list[str]]) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    for name, values in query.items():
        at.query_params[name] = values
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    lang: Lang = "nl" if _first(query, "lang", ("en", "nl"), "en") == "nl" else "en"
    year_from, year_to = (at.number_input(key=k).value for k in ("year_from", "year_to"))
    if year_from is not None and year_to is not None and year_from > year_to:
        refusal = t("filter_years_reversed", lang, year_from=int(year_from), year_to=int(year_to))
        assert t("filter_refused", lang, text=refusal) in said(at.error)
        assert (at.metric.len, len(at.get("plotly_chart")), len(at.get("download_button"))) == (0, 0, 0)
        return
    prefix = t("selection", lang, text="")
    (line,) = [_plain(c) for c in said(at.caption) if c.startswith(prefix)]
    framework = str(at.radio(key="framework").value)
    for name in expected_names(query, lang, framework):
        assert _plain(name) in line, (name, line)
    if at.checkbox(key="battery_only").value:
        assert t("describe_battery_only", lang) in line
    if year_from is not None or year_to is not None:
        span = f"{_year(year_from)}–{_year(year_to)}"
        key = "describe_period" if at.checkbox(key="undated").value else "describe_period_dated"
        assert t(key, lang, span=span) in line
    q = _plain(str(at.text_input(key="q").value or ""))
    if q:
        assert t("describe_search", lang, q=q) in line
    stale = list(dict.fromkeys(stale_values(query)))
    notes = _plain(" ".join(said(at.warning)))
    assert bool(stale) == (t("stale_pick", lang, values="").split(":")[0] in notes)
    if len(stale) <= 10:  # the note names the first ten (app.pick_state.STALE_SHOWN)
        for value in stale:
            assert f"“{_plain(value[:80])}”" in notes, value


def _year(value: float | None) -> str:
    return "…" if value is None else str(int(value))


def test_a_stale_pick_is_dropped_with_a_note_not_narrowed_to_nothing() -> None:
    """The issue's case: `pick_source` of a renamed source showed 0 entries and "none stated"
    under "Selection: All instruments". Now the page shows every instrument, names the stale
    value, and the link loses it."""
    at = app(pick_source="Horizon 2099", lang="nl")
    assert metric(at, "instruments", "nl") == str(instruments(ROWS))
    assert any("“Horizon 2099”" in note for note in said(at.warning))
    assert "pick_source" not in at.query_params


def test_a_stale_compared_instrument_is_dropped_with_a_note() -> None:
    kept = [r["id"] for r in ROWS if r["amount_eur"]][:2]
    at = app(compare=["gone-instrument", *kept])
    assert any("“gone-instrument”" in note for note in said(at.warning))
    assert at.query_params["compare"] == kept
